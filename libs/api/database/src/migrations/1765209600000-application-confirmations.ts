import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Public applications are confirmed by email before they count (ADR 015): every submission is kept here with
 * the hash of its single-use, expiring link, and only confirming it creates or replaces the application.
 */
export class ApplicationConfirmations1765209600000 implements MigrationInterface {
  name = 'ApplicationConfirmations1765209600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE application_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        call_id uuid NOT NULL REFERENCES expert_calls (id) ON DELETE CASCADE,
        email text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('en', 'zh-CN')),
        payload jsonb NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        submitted_from_ip text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        revoked_at timestamptz,
        application_id uuid REFERENCES applications (id) ON DELETE SET NULL
      );
      CREATE INDEX application_submissions_ip_idx ON application_submissions (submitted_from_ip, created_at);
      CREATE INDEX application_submissions_email_idx ON application_submissions (call_id, lower(email));
      CREATE INDEX application_submissions_expires_idx ON application_submissions (expires_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE application_submissions');
  }
}
