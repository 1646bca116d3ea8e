import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy (issue 17, ADR 043): consent per purpose (an append-only history; the latest row per account and
 * purpose is the current answer), own-data exports built by a job (the download token stored hashed), the
 * "Former member #n" numbers of erased accounts, and the append-only audit log (ids only; UPDATE, DELETE and
 * TRUNCATE refused by triggers, for every role, so not even the app can rewrite it).
 */
export class PrivacyAndAudit1765209601000 implements MigrationInterface {
  name = 'PrivacyAndAudit1765209601000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consents (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('account', 'directory', 'publish-name', 'cross-border', 'optional-profile')),
        granted boolean NOT NULL,
        notice_version text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX consents_current ON consents (user_id, purpose, id DESC);

      -- Whether the person behind an account said no (their latest answer) to a purpose: what the directory
      -- and publishing read, so neither imports the privacy lib.
      CREATE FUNCTION roundtable_consent_refused(person uuid, what text) RETURNS boolean
        LANGUAGE sql STABLE AS $$
          SELECT coalesce((SELECT NOT c.granted FROM consents c JOIN users u ON u.id = c.user_id
                            WHERE u.person_id = person AND c.purpose = what ORDER BY c.id DESC LIMIT 1), false)
        $$;

      CREATE TABLE data_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
        bytes bytea,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX data_exports_user ON data_exports (user_id, created_at DESC);

      ALTER TABLE users ADD COLUMN erased_at timestamptz, ADD COLUMN former_member_number integer UNIQUE;
      CREATE SEQUENCE former_member_numbers;
      ALTER TABLE people ADD COLUMN erased_at timestamptz;

      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id uuid,
        project_id uuid,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      );
      CREATE INDEX audit_log_at ON audit_log (at DESC, id DESC);
      CREATE INDEX audit_log_actor ON audit_log (actor_user_id, id DESC);
      CREATE INDEX audit_log_subject ON audit_log (subject_id, id DESC);

      CREATE FUNCTION roundtable_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION roundtable_audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION roundtable_audit_log_append_only();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE audit_log, data_exports, consents;
      DROP FUNCTION roundtable_audit_log_append_only();
      DROP FUNCTION roundtable_consent_refused(uuid, text);
      DROP SEQUENCE former_member_numbers;
      ALTER TABLE users DROP COLUMN erased_at, DROP COLUMN former_member_number;
      ALTER TABLE people DROP COLUMN erased_at;
    `);
  }
}
