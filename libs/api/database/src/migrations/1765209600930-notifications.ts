import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications, each person's delivery per kind, and the digests sent (one per person and period, so
 * two processes or a restart never send a period's digest twice). ADR 034.
 */
export class Notifications1765209600930 implements MigrationInterface {
  name = 'Notifications1765209600930';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL,
        title_en text NOT NULL,
        title_zh text NOT NULL,
        link text NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('app', 'email', 'daily', 'weekly')),
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        digested_at timestamptz
      );
      CREATE INDEX notifications_user_created ON notifications (user_id, created_at DESC);
      CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
      CREATE INDEX notifications_digest_pending ON notifications (user_id, delivery)
        WHERE digested_at IS NULL AND delivery IN ('daily', 'weekly');

      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('app', 'email', 'daily', 'weekly')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      );

      CREATE TABLE notification_digests (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        period text NOT NULL,
        sent_at timestamptz NOT NULL,
        items integer NOT NULL,
        PRIMARY KEY (user_id, period)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notification_digests, notification_preferences, notifications');
  }
}
