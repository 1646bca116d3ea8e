import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Managing the structure (issue 13 item 4, ADR 035): a membership's term end date, the project's headcount
 * target next to the region shares, and reviewers' declared conflicts of interest on applications.
 */
export class StructureManagement1765209600900 implements MigrationInterface {
  name = 'StructureManagement1765209600900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE memberships ADD COLUMN term_ends_on date;

      ALTER TABLE balance_targets
        ADD COLUMN headcount_target integer CHECK (headcount_target BETWEEN 1 AND 100000);

      CREATE TABLE application_conflicts (
        application_id uuid NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        reviewer_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        statement text NOT NULL CHECK (length(btrim(statement)) BETWEEN 1 AND 2000),
        declared_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (application_id, reviewer_user_id)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE application_conflicts;
      ALTER TABLE balance_targets DROP COLUMN headcount_target;
      ALTER TABLE memberships DROP COLUMN term_ends_on;
    `);
  }
}
