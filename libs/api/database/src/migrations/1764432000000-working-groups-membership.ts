import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People profiles, WG dimensions, project roles, mail outbox, invitations, open calls and balance targets. */
export class WorkingGroupsMembership1764432000000 implements MigrationInterface {
  name = 'WorkingGroupsMembership1764432000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE people
        ADD COLUMN affiliation text,
        ADD COLUMN sector text NOT NULL DEFAULT 'other'
          CHECK (sector IN ('academia', 'health-authority', 'industry', 'funding-agency', 'policy-maker', 'patient-organisation', 'other')),
        ADD COLUMN gender text CHECK (gender IN ('female', 'male', 'non-binary', 'undisclosed')),
        ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Rome',
        ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh-CN')),
        ADD COLUMN expertise text[] NOT NULL DEFAULT '{}',
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

      CREATE TABLE working_group_dimensions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
        position integer NOT NULL,
        title_en text NOT NULL,
        title_zh text NOT NULL,
        focus_en text NOT NULL,
        focus_zh text NOT NULL,
        goal_en text NOT NULL,
        goal_zh text NOT NULL,
        UNIQUE (working_group_id, position)
      );

      CREATE TABLE project_roles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('coordinator', 'advisory-board', 'external-reviewer')),
        granted_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
      CREATE UNIQUE INDEX project_roles_current_key ON project_roles (project_id, person_id, role) WHERE revoked_at IS NULL;

      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text,
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'kept', 'failed')),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      );
      CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC);

      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
        email text NOT NULL,
        display_name text,
        role text NOT NULL CHECK (role IN ('co-chair', 'expert', 'observer')),
        token_hash bytea NOT NULL UNIQUE,
        invited_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        application_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_person_id uuid REFERENCES people (id) ON DELETE SET NULL,
        revoked_at timestamptz
      );
      CREATE INDEX invitations_group_idx ON invitations (working_group_id, created_at DESC);

      CREATE TABLE expert_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        title_en text NOT NULL,
        title_zh text NOT NULL,
        description_en text NOT NULL,
        description_zh text NOT NULL,
        eligibility_en text NOT NULL,
        eligibility_zh text NOT NULL,
        closes_at timestamptz NOT NULL,
        closed_at timestamptz,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE expert_call_groups (
        call_id uuid NOT NULL REFERENCES expert_calls (id) ON DELETE CASCADE,
        working_group_id uuid NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
        PRIMARY KEY (call_id, working_group_id)
      );

      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES expert_calls (id) ON DELETE CASCADE,
        name text NOT NULL,
        email text NOT NULL,
        country char(2) NOT NULL,
        affiliation text NOT NULL,
        sector text NOT NULL
          CHECK (sector IN ('academia', 'health-authority', 'industry', 'funding-agency', 'policy-maker', 'patient-organisation', 'other')),
        expertise text[] NOT NULL DEFAULT '{}',
        preferred_working_group_ids uuid[] NOT NULL,
        motivation text NOT NULL,
        conflict_of_interest text NOT NULL,
        consent_gdpr boolean NOT NULL CHECK (consent_gdpr),
        consent_pipl boolean NOT NULL CHECK (consent_pipl),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'accepted', 'declined')),
        decided_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        decided_at timestamptz,
        decision_working_group_id uuid REFERENCES working_groups (id) ON DELETE SET NULL,
        submitted_from_ip text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX applications_call_email_key ON applications (call_id, lower(email));
      CREATE INDEX applications_ip_idx ON applications (submitted_from_ip, submitted_at);

      CREATE TABLE application_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        reviewer_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        score integer NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, reviewer_user_id)
      );

      ALTER TABLE invitations ADD CONSTRAINT invitations_application_fk
        FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE SET NULL;

      CREATE TABLE balance_targets (
        project_id uuid PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
        europe_share numeric(4, 3) NOT NULL,
        china_share numeric(4, 3) NOT NULL,
        other_share numeric(4, 3) NOT NULL,
        CHECK (europe_share >= 0 AND china_share >= 0 AND other_share >= 0
               AND europe_share + china_share + other_share BETWEEN 0.999 AND 1.001),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE balance_targets, application_reviews;
      ALTER TABLE invitations DROP CONSTRAINT invitations_application_fk;
      DROP TABLE applications, expert_call_groups, expert_calls, invitations, mail_outbox, project_roles,
        working_group_dimensions;
      ALTER TABLE people DROP COLUMN affiliation, DROP COLUMN sector, DROP COLUMN gender, DROP COLUMN time_zone,
        DROP COLUMN locale, DROP COLUMN expertise, DROP COLUMN updated_at;
    `);
  }
}
