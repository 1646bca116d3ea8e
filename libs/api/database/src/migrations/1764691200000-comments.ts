import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Comment threads anchored to a text range (Yjs relative positions) and their comments. */
export class Comments1764691200000 implements MigrationInterface {
  name = 'Comments1764691200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE comment_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        anchor_start jsonb NOT NULL,
        anchor_end jsonb NOT NULL,
        quote text NOT NULL CHECK (char_length(quote) <= 1000),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        resolved_at timestamptz,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX comment_threads_document_idx ON comment_threads (document_id, created_at);

      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
        author_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz
      );
      CREATE INDEX comments_thread_idx ON comments (thread_id, created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE comments, comment_threads');
  }
}
