import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announces every session that ends (revoked or deleted, whoever does it) on `roundtable_session_ended` with
 * the hex of its token hash, after the commit: processes that cache session → user for socket upgrades drop
 * the entry at once instead of waiting for its short lifetime to run out.
 */
export class SessionEndedNotify1765209600000 implements MigrationInterface {
  name = 'SessionEndedNotify1765209600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION roundtable_session_ended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('roundtable_session_ended', encode(OLD.token_hash, 'hex'));
        RETURN NULL;
      END $$;
      CREATE TRIGGER session_ended AFTER UPDATE OF revoked_at OR DELETE ON sessions
        FOR EACH ROW EXECUTE FUNCTION roundtable_session_ended();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER session_ended ON sessions; DROP FUNCTION roundtable_session_ended();');
  }
}
