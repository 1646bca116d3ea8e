import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A co-chair seat (Europe or China) left empty on purpose: recorded when a coordinator confirms the vacancy
 * with a reason, filled when a co-chair of that region is appointed. One open vacancy per group and region.
 */
export class CoChairVacancies1765209600800 implements MigrationInterface {
  name = 'CoChairVacancies1765209600800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE co_chair_vacancies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        working_group_id uuid NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
        region text NOT NULL CHECK (region IN ('europe', 'china')),
        reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
        previous_person_id uuid REFERENCES people (id) ON DELETE SET NULL,
        confirmed_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        filled_at timestamptz,
        filled_by_person_id uuid REFERENCES people (id) ON DELETE SET NULL
      );
      CREATE UNIQUE INDEX co_chair_vacancies_open_key ON co_chair_vacancies (working_group_id, region)
        WHERE filled_at IS NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE co_chair_vacancies');
  }
}
