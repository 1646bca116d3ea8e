import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The roadmap's actions (issue 16 item 5, ADR 045): rows of the project's roadmap document, their
 * dependencies (a directed acyclic graph, kept acyclic by the roadmap lib under a per-document lock) and the
 * registry's recommendations each implements (read from the recommendations lib, never written; linked by id).
 */
export class Roadmap1765209601020 implements MigrationInterface {
  name = 'Roadmap1765209601020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE roadmap_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        position integer NOT NULL,
        title_en text NOT NULL,
        title_zh text NOT NULL,
        description_en text NOT NULL DEFAULT '',
        description_zh text NOT NULL DEFAULT '',
        actors text[] NOT NULL DEFAULT '{}',
        start_year integer,
        end_year integer,
        horizon text CHECK (horizon IN ('short', 'medium', 'long')),
        no_recommendation_reason text,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((horizon IS NULL) <> (start_year IS NULL)),
        CHECK (end_year IS NULL OR (start_year IS NOT NULL AND end_year >= start_year))
      );
      CREATE INDEX roadmap_actions_document ON roadmap_actions (document_id, position, id);

      CREATE TABLE roadmap_action_dependencies (
        action_id uuid NOT NULL REFERENCES roadmap_actions (id) ON DELETE CASCADE,
        depends_on_id uuid NOT NULL REFERENCES roadmap_actions (id) ON DELETE CASCADE,
        PRIMARY KEY (action_id, depends_on_id),
        CHECK (action_id <> depends_on_id)
      );
      CREATE INDEX roadmap_action_dependencies_target ON roadmap_action_dependencies (depends_on_id);

      CREATE TABLE roadmap_action_recommendations (
        action_id uuid NOT NULL REFERENCES roadmap_actions (id) ON DELETE CASCADE,
        -- A registry id (the block's stable id), not a foreign key: the registry is derived from the papers
        -- and may not hold an id yet (the demo seed links before the first sync); the matrix ignores such ids.
        recommendation_id uuid NOT NULL,
        PRIMARY KEY (action_id, recommendation_id)
      );
      CREATE INDEX roadmap_action_recommendations_rec ON roadmap_action_recommendations (recommendation_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TABLE roadmap_action_recommendations; DROP TABLE roadmap_action_dependencies; DROP TABLE roadmap_actions;',
    );
  }
}
