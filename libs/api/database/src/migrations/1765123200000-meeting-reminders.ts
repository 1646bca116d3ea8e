import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meeting reminders (ADR 014): how long before each occurrence a meeting reminds its invitees, and one row
 * per reminder ever sent, written in the same transaction as its outbox mails. The key holds the occurrence's
 * actual start, so a moved occurrence is reminded again at its new time and nothing is ever sent twice.
 */
export class MeetingReminders1765123200000 implements MigrationInterface {
  name = 'MeetingReminders1765123200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE meetings
        ADD COLUMN reminder_minutes_before integer NOT NULL DEFAULT 1440
          CHECK (reminder_minutes_before BETWEEN 0 AND 20160);
      CREATE TABLE meeting_reminders (
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        original_start timestamptz NOT NULL,
        offset_minutes integer NOT NULL,
        starts_at timestamptz NOT NULL,
        recipients integer NOT NULL,
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (meeting_id, original_start, offset_minutes, starts_at)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE meeting_reminders;
      ALTER TABLE meetings DROP COLUMN reminder_minutes_before;
    `);
  }
}
