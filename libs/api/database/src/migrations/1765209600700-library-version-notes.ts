import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A library version carries a note from its uploader ("what changed"); existing versions have none. */
export class LibraryVersionNotes1765209600700 implements MigrationInterface {
  name = 'LibraryVersionNotes1765209600700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE library_file_versions ADD COLUMN note text NOT NULL DEFAULT ''`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE library_file_versions DROP COLUMN note`);
  }
}
