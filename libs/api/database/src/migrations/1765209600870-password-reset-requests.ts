import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password reset requests per client address (ADR 016): every request is counted, for an account or not, so
 * one address cannot make the platform mail a reset link to every member. Rows live one hour.
 */
export class PasswordResetRequests1765209600870 implements MigrationInterface {
  name = 'PasswordResetRequests1765209600870';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE password_reset_requests (
        id bigserial PRIMARY KEY,
        client_address text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX password_reset_requests_address_idx ON password_reset_requests (client_address, created_at);
      CREATE INDEX password_reset_requests_created_idx ON password_reset_requests (created_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE password_reset_requests');
  }
}
