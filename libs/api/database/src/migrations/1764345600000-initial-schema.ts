import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764345600000 implements MigrationInterface {
  name = 'InitialSchema1764345600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        acronym text NOT NULL,
        start_date date NOT NULL,
        duration_months integer NOT NULL CHECK (duration_months BETWEEN 1 AND 240),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX projects_acronym_key ON projects (acronym);

      CREATE TABLE partners (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        short_name text NOT NULL,
        full_name text NOT NULL,
        country char(2) NOT NULL,
        UNIQUE (project_id, short_name)
      );

      CREATE TABLE people (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        display_name text NOT NULL,
        email text NOT NULL,
        country char(2) NOT NULL,
        partner_id uuid REFERENCES partners (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX people_email_key ON people (lower(email));

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        platform_role text NOT NULL CHECK (platform_role IN ('admin', 'coordinator', 'member')),
        locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh-CN')),
        person_id uuid UNIQUE REFERENCES people (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_key ON users (lower(email));

      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX sessions_user_idx ON sessions (user_id);

      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        email_key text NOT NULL,
        ip text NOT NULL,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_attempts_email_ip_idx ON login_attempts (email_key, ip, attempted_at);
      CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at);

      CREATE TABLE working_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        code text NOT NULL,
        position integer NOT NULL,
        title_en text NOT NULL,
        title_zh text NOT NULL,
        aim_en text NOT NULL,
        aim_zh text NOT NULL,
        UNIQUE (project_id, code)
      );

      CREATE TABLE working_group_partners (
        working_group_id uuid NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
        partner_id uuid NOT NULL REFERENCES partners (id) ON DELETE CASCADE,
        PRIMARY KEY (working_group_id, partner_id)
      );

      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('co-chair', 'expert', 'observer')),
        joined_on date NOT NULL DEFAULT current_date,
        left_on date
      );
      CREATE UNIQUE INDEX memberships_current_key ON memberships (working_group_id, person_id) WHERE left_on IS NULL;
      CREATE INDEX memberships_person_idx ON memberships (person_id);

      CREATE TABLE documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        working_group_id uuid REFERENCES working_groups (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('position-paper', 'strategic-workplan', 'roadmap', 'minutes', 'working-document')),
        title_en text NOT NULL,
        title_zh text NOT NULL,
        status text NOT NULL DEFAULT 'outline' CHECK (status IN ('outline', 'draft', 'in-review', 'final')),
        seed_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX documents_project_idx ON documents (project_id, working_group_id);

      -- Append-only log of Yjs updates: every update is stored here before it is relayed.
      CREATE TABLE document_updates (
        id bigserial PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_updates_document_idx ON document_updates (document_id, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE document_updates, documents, memberships, working_group_partners, working_groups,
        login_attempts, sessions, users, people, partners, projects;
    `);
  }
}
