import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password reset links (ADR "proxies, throttles, sessions and passwords"): only the SHA-256 of the token is
 * stored; a link expires, works once, and every other open link of the user dies when one is used.
 * Open sessions of a user are found by index when they all end (password change, sign out everywhere).
 */
export class PasswordResets1765209600200 implements MigrationInterface {
  name = 'PasswordResets1765209600200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id, created_at);
      CREATE INDEX sessions_open_idx ON sessions (user_id) WHERE revoked_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX sessions_open_idx;
      DROP TABLE password_reset_tokens;
    `);
  }
}
