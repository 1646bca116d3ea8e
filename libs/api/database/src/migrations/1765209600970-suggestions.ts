import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Suggestion mode (ADR 040): one row per suggestion id found in a document's marks — author, time, the last
 * decision and the comment thread discussing it. Erasing a person leaves the suggestion, without its author.
 */
export class Suggestions1765209600970 implements MigrationInterface {
  name = 'Suggestions1765209600970';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE suggestions (
        id uuid PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('insert', 'delete', 'format')),
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'rejected')),
        author_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        decided_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        decided_at timestamptz,
        thread_id uuid REFERENCES comment_threads (id) ON DELETE SET NULL
      );
      CREATE INDEX suggestions_document_created ON suggestions (document_id, created_at, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE suggestions');
  }
}
