import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per action reminder sent (action, due date): written with its outbox mail, so never sent twice (ADR 008, 013). */
export class ActionReminders1765036800001 implements MigrationInterface {
  name = 'ActionReminders1765036800001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE action_item_reminders (
        action_id uuid NOT NULL REFERENCES action_items (id) ON DELETE CASCADE,
        due_on date NOT NULL,
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (action_id, due_on)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE action_item_reminders');
  }
}
