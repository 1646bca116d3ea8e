import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public pages of published papers (issue #14 item 3, ADR 031). One publication per document with a slug that
 * never changes; each publishing adds a numbered publication version (1, 2, …) pinned to a frozen document
 * version, with the authors named for it and its pages rendered once (English and Chinese). Unpublishing sets
 * `withdrawn_at`: the row stays so the slug keeps answering 410 and is never given to another paper.
 * Export jobs (same ADR): `document_export_jobs` tracks a background export's progress until its file is in
 * `document_exports`.
 */
export class Publications1765209600910 implements MigrationInterface {
  name = 'Publications1765209600910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE publications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE publication_versions (
        publication_id uuid NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        version_id uuid NOT NULL REFERENCES document_versions (id) ON DELETE CASCADE,
        published_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        meta jsonb NOT NULL,
        page_en text NOT NULL,
        page_zh text NOT NULL,
        docx bytea,
        pdf bytea,
        PRIMARY KEY (publication_id, number)
      );
      CREATE TABLE document_export_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        version_id uuid REFERENCES document_versions (id) ON DELETE CASCADE,
        format text NOT NULL CHECK (format IN ('docx', 'pdf', 'html', 'md')),
        requested_by_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        input_hash text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_export_jobs_created_idx ON document_export_jobs (created_at);
      CREATE INDEX document_exports_created_idx ON document_exports (created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX document_exports_created_idx;
      DROP TABLE document_export_jobs;
      DROP TABLE publication_versions;
      DROP TABLE publications;
    `);
  }
}
