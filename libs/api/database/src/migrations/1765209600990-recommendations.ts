import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The project-wide registry of recommendations, derived from the recommendation blocks of the documents
 * (issue 16, ADR 042): one row per block id, its revisions, how far each document has been read, and the
 * candidate duplicate pairs with the co-chairs' decisions. pg_trgm scores text similarity (it needs a UTF-8
 * database for Chinese: see embedded-postgres.ts).
 */
export class Recommendations1765209600990 implements MigrationInterface {
  name = 'Recommendations1765209600990';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;

      CREATE TABLE recommendations (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        title text NOT NULL,
        body text NOT NULL,
        addressee text NOT NULL,
        horizon text NOT NULL CHECK (horizon IN ('short', 'medium', 'long')),
        priority text NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
        frameworks text[] NOT NULL DEFAULT '{}',
        position integer NOT NULL,
        status text NOT NULL CHECK (status IN ('active', 'removed')),
        canonical_id uuid REFERENCES recommendations (id) ON DELETE SET NULL,
        search_text text NOT NULL,
        search_tsv tsvector NOT NULL,
        revision integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX recommendations_list ON recommendations (project_id, document_id, position, id);
      CREATE INDEX recommendations_document ON recommendations (document_id);
      CREATE INDEX recommendations_trgm ON recommendations USING gin (search_text gin_trgm_ops);
      CREATE INDEX recommendations_tsv ON recommendations USING gin (search_tsv);

      CREATE TABLE recommendation_revisions (
        recommendation_id uuid NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
        revision integer NOT NULL,
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        title text NOT NULL,
        body text NOT NULL,
        addressee text NOT NULL,
        horizon text NOT NULL,
        priority text NOT NULL,
        frameworks text[] NOT NULL,
        status text NOT NULL,
        update_id bigint NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (recommendation_id, revision)
      );

      CREATE TABLE recommendation_sync (
        document_id uuid PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
        synced_update_id bigint NOT NULL,
        synced_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE recommendation_pairs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        a_id uuid NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
        b_id uuid NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
        score double precision NOT NULL,
        trigram double precision NOT NULL,
        words double precision NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'duplicate', 'related', 'distinct', 'merged')),
        decided_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        decided_at timestamptz,
        CHECK (a_id < b_id),
        UNIQUE (a_id, b_id)
      );
      CREATE INDEX recommendation_pairs_open ON recommendation_pairs (project_id, score DESC, id) WHERE status = 'open';
      CREATE INDEX recommendation_pairs_b ON recommendation_pairs (b_id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE recommendation_pairs;
      DROP TABLE recommendation_sync;
      DROP TABLE recommendation_revisions;
      DROP TABLE recommendations;
    `);
  }
}
