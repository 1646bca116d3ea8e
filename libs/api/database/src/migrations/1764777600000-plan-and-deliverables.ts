import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The project plan: work packages, tasks, milestones and deliverables (one `plan_items` table, a kind
 * column and per-kind checks), their status history and re-baselines, the documents that make them up,
 * reminders already sent (one row per item + offset + due date: the idempotency key of reminders), each
 * person's last visit of the dashboard, and the history of document lifecycle changes.
 */
export class PlanAndDeliverables1764777600000 implements MigrationInterface {
  name = 'PlanAndDeliverables1764777600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE projects ADD COLUMN reminder_offset_days integer[] NOT NULL DEFAULT '{30,7,1}';

      CREATE TABLE work_packages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        code text NOT NULL CHECK (char_length(code) BETWEEN 1 AND 20),
        title_en text NOT NULL,
        title_zh text NOT NULL,
        UNIQUE (project_id, code)
      );

      CREATE TABLE plan_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        work_package_id uuid NOT NULL REFERENCES work_packages (id) ON DELETE CASCADE,
        code text NOT NULL CHECK (char_length(code) BETWEEN 1 AND 20),
        title_en text NOT NULL,
        title_zh text NOT NULL,
        start_month integer NOT NULL CHECK (start_month >= 1),
        end_month integer NOT NULL CHECK (end_month >= start_month),
        UNIQUE (project_id, code)
      );

      CREATE TABLE plan_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('milestone', 'deliverable')),
        number text NOT NULL CHECK (char_length(number) BETWEEN 1 AND 20),
        title_en text NOT NULL,
        title_zh text NOT NULL,
        work_package_id uuid REFERENCES work_packages (id) ON DELETE SET NULL,
        task_id uuid REFERENCES plan_tasks (id) ON DELETE SET NULL,
        due_month integer NOT NULL CHECK (due_month >= 1),
        means_of_verification text,
        lead_partner_id uuid REFERENCES partners (id) ON DELETE SET NULL,
        type text CHECK (type IN ('report', 'other')),
        dissemination text CHECK (dissemination IN ('PU', 'SEN')),
        status text CHECK (status IN ('planned', 'in-progress', 'internal-review', 'submitted', 'accepted', 'rejected')),
        seed_key text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, number),
        CHECK (kind = 'milestone' OR (status IS NOT NULL AND type IS NOT NULL AND dissemination IS NOT NULL)),
        CHECK (kind = 'deliverable' OR (status IS NULL AND type IS NULL AND dissemination IS NULL AND lead_partner_id IS NULL))
      );

      CREATE TABLE plan_item_status_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
        from_status text,
        to_status text NOT NULL,
        note text,
        changed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL
      );
      CREATE INDEX plan_item_status_changes_item_idx ON plan_item_status_changes (item_id, changed_at);

      CREATE TABLE plan_item_rebaselines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
        from_month integer NOT NULL,
        to_month integer NOT NULL,
        reason text NOT NULL CHECK (char_length(btrim(reason)) BETWEEN 1 AND 1000),
        changed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL
      );
      CREATE INDEX plan_item_rebaselines_item_idx ON plan_item_rebaselines (item_id, changed_at);

      CREATE TABLE plan_item_documents (
        item_id uuid NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        required_status text NOT NULL DEFAULT 'final' CHECK (required_status IN ('outline', 'draft', 'in-review', 'final')),
        PRIMARY KEY (item_id, document_id)
      );

      -- One row per reminder ever sent: written in the same transaction as its outbox mails, so a
      -- reminder is sent once whatever the queue redelivers or however often the app restarts.
      CREATE TABLE plan_item_reminders (
        item_id uuid NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
        offset_days integer NOT NULL,
        due_date date NOT NULL,
        recipients integer NOT NULL,
        sent_at timestamptz NOT NULL,
        PRIMARY KEY (item_id, offset_days, due_date)
      );

      CREATE TABLE plan_visits (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        visited_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, project_id)
      );

      CREATE TABLE document_status_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        from_status text NOT NULL,
        to_status text NOT NULL,
        changed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL
      );
      CREATE INDEX document_status_changes_document_idx ON document_status_changes (document_id, changed_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE document_status_changes, plan_visits, plan_item_reminders, plan_item_documents, plan_item_rebaselines,
        plan_item_status_changes, plan_items, plan_tasks, work_packages;
      ALTER TABLE projects DROP COLUMN reminder_offset_days;
    `);
  }
}
