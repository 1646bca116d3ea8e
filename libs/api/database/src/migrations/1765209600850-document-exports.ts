import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cached exports (issue #14): one row per rendered file, keyed by the SHA-256 of what it was rendered from
 * (renderer version, format, version id or current content, cover, open comments). A version's export is
 * served from here for as long as its inputs stay the same; for the current draft only the newest file per
 * format is kept. Deleting the document or the version deletes its files.
 */
export class DocumentExports1765209600850 implements MigrationInterface {
  name = 'DocumentExports1765209600850';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE document_exports (
        input_hash text PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        version_id uuid REFERENCES document_versions (id) ON DELETE CASCADE,
        format text NOT NULL CHECK (format IN ('docx', 'pdf', 'html', 'md')),
        renderer text NOT NULL,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_exports_document_idx ON document_exports (document_id, format, version_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE document_exports');
  }
}
