import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A compacted state per document; document_updates then holds only the tail after `last_update_id`. */
export class DocumentSnapshots1764518400000 implements MigrationInterface {
  name = 'DocumentSnapshots1764518400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE document_snapshots (
        document_id uuid PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        state bytea NOT NULL,
        last_update_id bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE document_snapshots');
  }
}
