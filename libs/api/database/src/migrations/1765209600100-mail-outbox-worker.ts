import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox worker's row state (ADR 007): `sending` while a worker holds a row, how many attempts were made,
 * when the last one was, and when the row is next due (for `pending`: the next attempt after a backoff; for
 * `sending`: the end of the claim's lease, after which a crashed worker's row is taken up again).
 */
export class MailOutboxWorker1765209600100 implements MigrationInterface {
  name = 'MailOutboxWorker1765209600100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE mail_outbox
        DROP CONSTRAINT mail_outbox_status_check,
        ADD CONSTRAINT mail_outbox_status_check CHECK (status IN ('pending', 'sending', 'sent', 'kept', 'failed')),
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN last_attempt_at timestamptz,
        ADD COLUMN next_attempt_at timestamptz;
      -- Rows stranded by the old send-after-commit code go out with the first drain.
      UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'pending';
      CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX mail_outbox_due_idx;
      UPDATE mail_outbox SET status = 'pending' WHERE status = 'sending';
      ALTER TABLE mail_outbox
        DROP COLUMN next_attempt_at,
        DROP COLUMN last_attempt_at,
        DROP COLUMN attempts,
        DROP CONSTRAINT mail_outbox_status_check,
        ADD CONSTRAINT mail_outbox_status_check CHECK (status IN ('pending', 'sent', 'kept', 'failed'));
    `);
  }
}
