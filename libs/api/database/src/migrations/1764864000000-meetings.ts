import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings (WG meetings and project events, single or recurring), their agenda, invitees with RSVP,
 * single-occurrence changes, attendance per occurrence; people's working hours (their zone is on people); personal calendar
 * feeds (token stored hashed); attachments on outgoing mail (calendar invitations).
 */
export class Meetings1764864000000 implements MigrationInterface {
  name = 'Meetings1764864000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE mail_outbox ADD COLUMN attachments jsonb;

      CREATE TABLE person_working_hours (
        person_id uuid PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
        work_start_minute smallint NOT NULL DEFAULT 480 CHECK (work_start_minute BETWEEN 0 AND 1439),
        work_end_minute smallint NOT NULL DEFAULT 1200 CHECK (work_end_minute BETWEEN 1 AND 1440),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (work_end_minute > work_start_minute)
      );

      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        working_group_id uuid REFERENCES working_groups (id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('wg-meeting', 'kick-off', 'harmonisation-workshop', 'roadmap-validation-workshop', 'advisory-board', 'other')),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 10000),
        starts_at timestamptz NOT NULL,
        time_zone text NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
        online_url text,
        place text,
        rrule text,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
        sequence integer NOT NULL DEFAULT 0,
        ical_uid text NOT NULL UNIQUE,
        organizer_person_id uuid REFERENCES people (id) ON DELETE SET NULL,
        created_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        seed_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((working_group_id IS NULL) = (type <> 'wg-meeting'))
      );
      CREATE INDEX meetings_project_idx ON meetings (project_id, starts_at);
      CREATE INDEX meetings_group_idx ON meetings (working_group_id, starts_at);

      CREATE TABLE meeting_agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        position integer NOT NULL,
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
        presenter_person_id uuid REFERENCES people (id) ON DELETE SET NULL,
        minutes_allotted integer CHECK (minutes_allotted BETWEEN 1 AND 600),
        document_ids uuid[] NOT NULL DEFAULT '{}'
      );
      CREATE INDEX meeting_agenda_items_meeting_idx ON meeting_agenda_items (meeting_id, position);

      CREATE TABLE meeting_invitees (
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        rsvp text CHECK (rsvp IN ('yes', 'no', 'maybe')),
        rsvp_at timestamptz,
        PRIMARY KEY (meeting_id, person_id)
      );
      CREATE INDEX meeting_invitees_person_idx ON meeting_invitees (person_id);

      CREATE TABLE meeting_exceptions (
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        original_start timestamptz NOT NULL,
        cancelled boolean NOT NULL DEFAULT false,
        starts_at timestamptz,
        duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 1440),
        PRIMARY KEY (meeting_id, original_start)
      );

      CREATE TABLE meeting_attendance (
        meeting_id uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
        occurrence_start timestamptz NOT NULL,
        person_id uuid NOT NULL REFERENCES people (id) ON DELETE CASCADE,
        recorded_by_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (meeting_id, occurrence_start, person_id)
      );

      CREATE TABLE calendar_feeds (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE calendar_feeds, meeting_attendance, meeting_exceptions, meeting_invitees, meeting_agenda_items, meetings, person_working_hours;
      ALTER TABLE mail_outbox DROP COLUMN attachments;
    `);
  }
}
