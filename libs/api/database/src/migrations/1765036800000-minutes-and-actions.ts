import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Minutes of a meeting occurrence (a collaborative document of type 'minutes'), their approvals, decisions
 * and action items; versions get the kind 'approved' for the frozen snapshot taken when minutes are approved.
 * An occurrence is keyed like attendance: the meeting and the start the rule gives it.
 */
export class MinutesAndActions1765036800000 implements MigrationInterface {
  name = 'MinutesAndActions1765036800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE meeting_minutes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        occurrence_start timestamptz NOT NULL,
        document_id uuid NOT NULL UNIQUE REFERENCES documents (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('draft', 'circulated', 'approved')),
        circulated_at timestamptz,
        comments_until timestamptz,
        approved_at timestamptz,
        approved_version_id uuid REFERENCES document_versions (id) ON DELETE SET NULL,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (meeting_id, occurrence_start),
        CHECK ((status = 'draft') = (circulated_at IS NULL)),
        CHECK ((status = 'approved') = (approved_at IS NOT NULL))
      );
      CREATE TABLE minutes_approvals (
        minutes_id uuid NOT NULL REFERENCES meeting_minutes (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        person_id uuid REFERENCES people (id) ON DELETE SET NULL,
        approved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (minutes_id, user_id)
      );
      CREATE TABLE meeting_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minutes_id uuid NOT NULL REFERENCES meeting_minutes (id) ON DELETE CASCADE,
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
        agenda_item_id uuid REFERENCES meeting_agenda_items (id) ON DELETE SET NULL,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX meeting_decisions_minutes_idx ON meeting_decisions (minutes_id, created_at);
      CREATE TABLE action_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        minutes_id uuid NOT NULL REFERENCES meeting_minutes (id) ON DELETE CASCADE,
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
        owner_person_id uuid NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
        due_on date,
        status text NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
        agenda_item_id uuid REFERENCES meeting_agenda_items (id) ON DELETE SET NULL,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX action_items_owner_idx ON action_items (owner_person_id, status);
      CREATE INDEX action_items_minutes_idx ON action_items (minutes_id, created_at);
      ALTER TABLE document_versions DROP CONSTRAINT document_versions_kind_check;
      ALTER TABLE document_versions ADD CONSTRAINT document_versions_kind_check CHECK (kind IN ('auto', 'named', 'session-end', 'restore', 'approved'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE action_items;
      DROP TABLE meeting_decisions;
      DROP TABLE minutes_approvals;
      DROP TABLE meeting_minutes;
      DELETE FROM document_versions WHERE kind = 'approved';
      ALTER TABLE document_versions DROP CONSTRAINT document_versions_kind_check;
      ALTER TABLE document_versions ADD CONSTRAINT document_versions_kind_check CHECK (kind IN ('auto', 'named', 'session-end', 'restore'));
    `);
  }
}
