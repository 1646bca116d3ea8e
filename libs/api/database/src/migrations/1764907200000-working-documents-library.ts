import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The working-documents library (ADR 012): file metadata, immutable versions, and the bytes of each version
 * in their own table so that listing and searching never read them.
 */
export class WorkingDocumentsLibrary1764907200000 implements MigrationInterface {
  name = 'WorkingDocumentsLibrary1764907200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE library_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        working_group_id uuid REFERENCES working_groups (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 10),
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        deleted_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        seed_key text UNIQUE
      );
      CREATE INDEX library_files_project_idx ON library_files (project_id, updated_at DESC) WHERE deleted_at IS NULL;
      CREATE INDEX library_files_tags_idx ON library_files USING gin (tags);

      CREATE TABLE library_file_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_id uuid NOT NULL REFERENCES library_files (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
        kind text NOT NULL,
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        uploaded_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (file_id, number)
      );

      CREATE TABLE library_file_blobs (
        version_id uuid PRIMARY KEY REFERENCES library_file_versions (id) ON DELETE CASCADE,
        bytes bytea NOT NULL
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE library_file_blobs, library_file_versions, library_files');
  }
}
