import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the keyset pages of the list endpoints (ADR 029): each list's ORDER BY, ending in the unique id,
 * so that a page after a cursor is an index range scan whatever the table's size. The indexes they replace
 * were the same without the trailing id (the page's tie-breaker). Each index belongs to its table's owner.
 */
export class ListPagingIndexes1765209600940 implements MigrationInterface {
  name = 'ListPagingIndexes1765209600940';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- api-projects: the people directory, by name.
      CREATE INDEX people_directory_idx ON people (display_name, id);
      -- api-comments: a document's threads, oldest first.
      DROP INDEX comment_threads_document_idx;
      CREATE INDEX comment_threads_document_idx ON comment_threads (document_id, created_at, id);
      -- api-library: a project's files, last updated first.
      DROP INDEX library_files_project_idx;
      CREATE INDEX library_files_project_idx ON library_files (project_id, updated_at DESC, id DESC)
        WHERE deleted_at IS NULL;
      -- api-meetings: a project's (or a group's) meetings, by first start.
      DROP INDEX meetings_project_idx;
      CREATE INDEX meetings_project_idx ON meetings (project_id, starts_at, id);
      DROP INDEX meetings_group_idx;
      CREATE INDEX meetings_group_idx ON meetings (working_group_id, starts_at, id);
      -- api-mail: the outbox, newest first.
      DROP INDEX mail_outbox_created_idx;
      CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX mail_outbox_created_idx;
      CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC);
      DROP INDEX meetings_group_idx;
      CREATE INDEX meetings_group_idx ON meetings (working_group_id, starts_at);
      DROP INDEX meetings_project_idx;
      CREATE INDEX meetings_project_idx ON meetings (project_id, starts_at);
      DROP INDEX library_files_project_idx;
      CREATE INDEX library_files_project_idx ON library_files (project_id, updated_at DESC) WHERE deleted_at IS NULL;
      DROP INDEX comment_threads_document_idx;
      CREATE INDEX comment_threads_document_idx ON comment_threads (document_id, created_at);
      DROP INDEX people_directory_idx;
    `);
  }
}
