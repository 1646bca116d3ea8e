import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Version history: immutable snapshots of a document (its Yjs state plus a rendering for reading and
 * diffing without a Y.Doc). Rows are only ever inserted; restoring applies a forward edit to the document.
 */
export class DocumentVersions1764604800000 implements MigrationInterface {
  name = 'DocumentVersions1764604800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('auto', 'named', 'session-end', 'restore')),
        name text CHECK (name IS NULL OR char_length(name) BETWEEN 1 AND 120),
        state bytea NOT NULL,
        html text NOT NULL,
        text text NOT NULL,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_versions_document_idx ON document_versions (document_id, created_at DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE document_versions');
  }
}
