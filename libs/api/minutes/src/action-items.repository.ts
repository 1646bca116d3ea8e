import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ActionStatusDto } from '@roundtable/contracts';
import { DataSource, type EntityManager } from 'typeorm';

export interface ActionRow {
  id: string;
  minutes_id: string;
  meeting_id: string;
  meeting_title: string;
  project_id: string;
  working_group_id: string | null;
  working_group_code: string | null;
  occurrence_start: Date;
  text: string;
  owner_person_id: string;
  owner_name: string;
  due_on: string | null;
  status: ActionStatusDto;
  agenda_item_id: string | null;
  agenda_item_title: string | null;
}

export interface DecisionRow {
  id: string;
  text: string;
  agenda_item_id: string | null;
  title: string | null;
  created_at: Date;
}

const ACTION_SELECT = `
  SELECT a.id, a.minutes_id, mm.meeting_id, m.title AS meeting_title, m.project_id, m.working_group_id, g.code AS working_group_code,
         mm.occurrence_start, a.text, a.owner_person_id, p.display_name AS owner_name, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.status,
         a.agenda_item_id, ai.title AS agenda_item_title
    FROM action_items a
    JOIN meeting_minutes mm ON mm.id = a.minutes_id
    JOIN meetings m ON m.id = mm.meeting_id
    JOIN people p ON p.id = a.owner_person_id
    LEFT JOIN working_groups g ON g.id = m.working_group_id
    LEFT JOIN meeting_agenda_items ai ON ai.id = a.agenda_item_id`;

const OPEN_ACTIONS_OF_GROUP = `${ACTION_SELECT}
  WHERE m.project_id = $1 AND m.working_group_id IS NOT DISTINCT FROM $2 AND a.status = 'open'`;

/**
 * The SQL of meeting_decisions and action_items, rows beside the minutes. Raw SQL for the same reason as
 * `MinutesRepository`: an action is always shown with its meeting, group, owner and agenda item.
 */
@Injectable()
export class ActionItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isAgendaItemOf(meetingId: string, agendaItemId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM meeting_agenda_items WHERE id = $1 AND meeting_id = $2',
      [agendaItemId, meetingId],
    );
    return rows.length > 0;
  }

  // --- decisions ---

  decisions(minutesId: string): Promise<DecisionRow[]> {
    return this.dataSource.query(
      `SELECT d.id, d.text, d.agenda_item_id, ai.title, d.created_at
         FROM meeting_decisions d LEFT JOIN meeting_agenda_items ai ON ai.id = d.agenda_item_id
        WHERE d.minutes_id = $1 ORDER BY d.created_at, d.id`,
      [minutesId],
    );
  }

  async insertDecision(
    manager: EntityManager,
    decision: { minutesId: string; text: string; agendaItemId: string | null; userId: string },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      'INSERT INTO meeting_decisions (minutes_id, text, agenda_item_id, created_by_user_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [decision.minutesId, decision.text, decision.agendaItemId, decision.userId],
    );
    return id;
  }

  /** Returns false when the minutes have no such decision. */
  async deleteDecision(manager: EntityManager, minutesId: string, decisionId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      'WITH gone AS (DELETE FROM meeting_decisions WHERE id = $1 AND minutes_id = $2 RETURNING id) SELECT id FROM gone',
      [decisionId, minutesId],
    );
    return rows.length > 0;
  }

  // --- action items ---

  async action(id: string): Promise<ActionRow | null> {
    const [row] = await this.dataSource.query<ActionRow[]>(`${ACTION_SELECT} WHERE a.id = $1`, [id]);
    return row ?? null;
  }

  actionsOf(minutesId: string): Promise<ActionRow[]> {
    return this.dataSource.query(`${ACTION_SELECT} WHERE a.minutes_id = $1 ORDER BY a.created_at, a.id`, [minutesId]);
  }

  /** A person's actions, open ones first, by due date. */
  actionsOwnedBy(personId: string): Promise<ActionRow[]> {
    return this.dataSource.query(
      `${ACTION_SELECT} WHERE a.owner_person_id = $1
        ORDER BY (a.status = 'open') DESC, a.due_on ASC NULLS LAST, a.created_at`,
      [personId],
    );
  }

  /** Open actions of these projects due before `today` (`YYYY-MM-DD`), most overdue first. */
  overdueActionsOf(projectIds: readonly string[], today: string): Promise<ActionRow[]> {
    return this.dataSource.query(
      `${ACTION_SELECT} WHERE m.project_id = ANY($1::uuid[]) AND a.status = 'open' AND a.due_on < $2::date
        ORDER BY a.due_on, a.created_at`,
      [projectIds, today],
    );
  }

  /** Open actions of a group (project events: of the project's events), by due date. */
  openActionsOfGroup(projectId: string, workingGroupId: string | null): Promise<ActionRow[]> {
    return this.dataSource.query(`${OPEN_ACTIONS_OF_GROUP} ORDER BY a.due_on ASC NULLS LAST, a.created_at`, [
      projectId,
      workingGroupId,
    ]);
  }

  /** Open actions of a group recorded at occurrences before `before` (carried into a new minutes' template). */
  openActionsOfGroupBefore(projectId: string, workingGroupId: string | null, before: Date): Promise<ActionRow[]> {
    return this.dataSource.query(
      `${OPEN_ACTIONS_OF_GROUP} AND mm.occurrence_start < $3 ORDER BY a.due_on ASC NULLS LAST`,
      [projectId, workingGroupId, before],
    );
  }

  async insertAction(
    manager: EntityManager,
    action: {
      minutesId: string;
      text: string;
      ownerPersonId: string;
      dueOn: string | null;
      agendaItemId: string | null;
      userId: string;
    },
  ): Promise<string> {
    const [{ id }] = await manager.query(
      `INSERT INTO action_items (minutes_id, text, owner_person_id, due_on, status, agenda_item_id, created_by_user_id)
       VALUES ($1, $2, $3, $4, 'open', $5, $6) RETURNING id`,
      [action.minutesId, action.text, action.ownerPersonId, action.dueOn, action.agendaItemId, action.userId],
    );
    return id;
  }

  /** Changes the fields given (undefined = unchanged, null = cleared where the column allows it). */
  async updateAction(
    manager: EntityManager,
    id: string,
    change: {
      text?: string;
      ownerPersonId?: string;
      dueOn?: string | null;
      agendaItemId?: string | null;
      status?: ActionStatusDto;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE action_items SET
          text = CASE WHEN $2::boolean THEN $3 ELSE text END,
          owner_person_id = CASE WHEN $4::boolean THEN $5::uuid ELSE owner_person_id END,
          due_on = CASE WHEN $6::boolean THEN $7::date ELSE due_on END,
          agenda_item_id = CASE WHEN $8::boolean THEN $9::uuid ELSE agenda_item_id END,
          status = coalesce($10, status),
          updated_at = now()
        WHERE id = $1`,
      [
        id,
        change.text !== undefined,
        change.text ?? null,
        change.ownerPersonId !== undefined,
        change.ownerPersonId ?? null,
        change.dueOn !== undefined,
        change.dueOn ?? null,
        change.agendaItemId !== undefined,
        change.agendaItemId ?? null,
        change.status ?? null,
      ],
    );
  }

  async deleteAction(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM action_items WHERE id = $1', [id]);
  }
}
