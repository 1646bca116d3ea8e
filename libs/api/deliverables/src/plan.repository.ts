import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type DeliverableStatus, type DocumentStatus, type DocumentType } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import { Project } from '@roundtable/api-projects';
import { DataSource, type EntityManager } from 'typeorm';
import { PlanItem, PlanTask, PlanVisit, WorkPackage } from './plan.entities';

/** A plan item's link to a document, with the document's state and its last status change. */
export interface LinkedDocumentRow {
  item_id: string;
  document_id: string;
  required_status: DocumentStatus;
  /** The item needs a review round on the document marked responded (ADR 041). */
  review_required: boolean;
  /** Some review round on the document is responded (read from api-reviews' table). */
  review_responded: boolean;
  status: DocumentStatus;
  type: DocumentType;
  title_en: string;
  title_zh: string;
  working_group_id: string | null;
  wg_code: string | null;
  changed_at: Date | null;
  changed_by: string | null;
}

export interface ItemRow {
  id: string;
  kind: PlanItem['kind'];
  number: string;
  title_en: string;
  title_zh: string;
  due_month: number;
  means_of_verification: string | null;
  lead_partner_id: string | null;
  lead_partner: string | null;
  type: PlanItem['type'];
  dissemination: PlanItem['dissemination'];
  status: DeliverableStatus | null;
  wp_code: string | null;
  task_code: string | null;
}

export interface HistoryRow {
  fromStatus: DeliverableStatus | null;
  toStatus: DeliverableStatus;
  note: string | null;
  changedAt: Date;
  by: string | null;
}

export interface RebaselineRow {
  fromMonth: number;
  toMonth: number;
  reason: string;
  changedAt: Date;
  by: string | null;
}

export interface ChangeRow {
  item_id: string;
  number: string;
  kind: 'status' | 'rebaseline';
  detail: string;
  from: string | null;
  by: string | null;
  at: Date;
}

export interface DeadlineRow extends Pick<ItemRow, 'id' | 'kind' | 'number' | 'title_en' | 'title_zh' | 'due_month'> {
  project_id: string;
  start_date: string;
  duration_months: number;
  rebaselines: number;
  rebaselined_at: Date | null;
}

/**
 * The plan's reads that join across features (partners, documents, users, memberships) and the few
 * writes that are one statement (upserts, locked reads). Raw SQL earns its place here: joins and lateral
 * sub-selects TypeORM's entities in this lib cannot express. Everything else uses the entities.
 */
@Injectable()
export class PlanRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The project (404 when it is gone; PolicyGuard has checked the caller may see it). */
  async project(projectId: string): Promise<Project> {
    const project = await this.dataSource.getRepository(Project).findOne({ where: { id: projectId } });
    if (!project) throw new ApiException(ErrorCode.NotFound, 'Project not found.');
    return project;
  }

  /** The milestone or deliverable (404 when it is gone). */
  async item(itemId: string): Promise<PlanItem> {
    const item = await this.dataSource.getRepository(PlanItem).findOne({ where: { id: itemId } });
    if (!item) throw new ApiException(ErrorCode.NotFound, 'Milestone or deliverable not found.');
    return item;
  }

  items(projectId: string): Promise<ItemRow[]> {
    return this.dataSource.query(
      `SELECT i.id, i.kind, i.number, i.title_en, i.title_zh, i.due_month, i.means_of_verification, i.lead_partner_id,
              pa.short_name AS lead_partner, i.type, i.dissemination, i.status, wp.code AS wp_code, t.code AS task_code
       FROM plan_items i
       LEFT JOIN partners pa ON pa.id = i.lead_partner_id
       LEFT JOIN work_packages wp ON wp.id = i.work_package_id
       LEFT JOIN plan_tasks t ON t.id = i.task_id
       WHERE i.project_id = $1 ORDER BY i.due_month, i.kind DESC, i.number`,
      [projectId],
    );
  }

  links(projectId: string): Promise<LinkedDocumentRow[]> {
    return this.dataSource.query(
      `SELECT l.item_id, l.document_id, l.required_status, l.requires_review_responded AS review_required,
              EXISTS (SELECT 1 FROM review_rounds r WHERE r.document_id = d.id AND r.status = 'responded') AS review_responded,
              d.status, d.type, d.title_en, d.title_zh, d.working_group_id, wg.code AS wg_code,
              last.changed_at, last.changed_by
       FROM plan_item_documents l
       JOIN plan_items i ON i.id = l.item_id
       JOIN documents d ON d.id = l.document_id
       LEFT JOIN working_groups wg ON wg.id = d.working_group_id
       LEFT JOIN LATERAL (
         SELECT c.changed_at, u.display_name AS changed_by FROM document_status_changes c LEFT JOIN users u ON u.id = c.changed_by
         WHERE c.document_id = d.id ORDER BY c.changed_at DESC, c.id DESC LIMIT 1
       ) last ON true
       WHERE i.project_id = $1
       ORDER BY wg.position NULLS LAST, d.type, d.title_en`,
      [projectId],
    );
  }

  statusHistory(itemId: string): Promise<HistoryRow[]> {
    return this.dataSource.query(
      `SELECT c.from_status AS "fromStatus", c.to_status AS "toStatus", c.note, c.changed_at AS "changedAt", u.display_name AS by
       FROM plan_item_status_changes c LEFT JOIN users u ON u.id = c.changed_by WHERE c.item_id = $1 ORDER BY c.changed_at, c.id`,
      [itemId],
    );
  }

  rebaselines(itemId: string): Promise<RebaselineRow[]> {
    return this.dataSource.query(
      `SELECT r.from_month AS "fromMonth", r.to_month AS "toMonth", r.reason, r.changed_at AS "changedAt", u.display_name AS by
       FROM plan_item_rebaselines r LEFT JOIN users u ON u.id = r.changed_by WHERE r.item_id = $1 ORDER BY r.changed_at, r.id`,
      [itemId],
    );
  }

  /** The last 20 status changes and re-baselines of a project after `since` (all of them when null). */
  changesSince(projectId: string, since: Date | null): Promise<ChangeRow[]> {
    return this.dataSource.query(
      `SELECT * FROM (
           SELECT c.item_id, i.number, 'status' AS kind, c.to_status AS detail, c.from_status AS from, u.display_name AS by, c.changed_at AS at
           FROM plan_item_status_changes c JOIN plan_items i ON i.id = c.item_id LEFT JOIN users u ON u.id = c.changed_by
           WHERE i.project_id = $1 AND c.from_status IS NOT NULL
           UNION ALL
           SELECT r.item_id, i.number, 'rebaseline', 'M' || r.to_month, 'M' || r.from_month, u.display_name, r.changed_at
           FROM plan_item_rebaselines r JOIN plan_items i ON i.id = r.item_id LEFT JOIN users u ON u.id = r.changed_by
           WHERE i.project_id = $1
         ) changes WHERE $2::timestamptz IS NULL OR at > $2::timestamptz
         ORDER BY at DESC LIMIT 20`,
      [projectId, since],
    );
  }

  /** Open milestones and deliverables of every project the person belongs to (or all, for coordinators). */
  deadlinesOf(personId: string): Promise<DeadlineRow[]> {
    return this.dataSource.query(
      `SELECT p.id AS project_id, to_char(p.start_date, 'YYYY-MM-DD') AS start_date, p.duration_months, i.id, i.kind, i.number, i.title_en, i.title_zh, i.due_month,
                r.n AS rebaselines, r.last AS rebaselined_at
         FROM plan_items i JOIN projects p ON p.id = i.project_id
         CROSS JOIN LATERAL (SELECT count(*)::int AS n, max(changed_at) AS last FROM plan_item_rebaselines WHERE item_id = i.id) r
         WHERE (i.status IS NULL OR i.status NOT IN ('submitted', 'accepted'))
           AND (p.id IN (SELECT wg.project_id FROM memberships m JOIN working_groups wg ON wg.id = m.working_group_id WHERE m.person_id = $1 AND m.left_on IS NULL)
             OR p.id IN (SELECT project_id FROM project_roles WHERE person_id = $1 AND revoked_at IS NULL)
             OR EXISTS (SELECT 1 FROM users u WHERE u.person_id = $1 AND u.platform_role IN ('coordinator', 'admin')))
         ORDER BY i.due_month, i.number`,
      [personId],
    );
  }

  workingGroups(projectId: string): Promise<Array<{ id: string; code: string }>> {
    return this.dataSource.query('SELECT id, code FROM working_groups WHERE project_id = $1 ORDER BY position', [
      projectId,
    ]);
  }

  workPackages(projectId: string): Promise<WorkPackage[]> {
    return this.dataSource.getRepository(WorkPackage).find({ where: { projectId }, order: { code: 'ASC' } });
  }

  tasks(projectId: string): Promise<PlanTask[]> {
    return this.dataSource
      .getRepository(PlanTask)
      .find({ where: { projectId }, order: { startMonth: 'ASC', code: 'ASC' } });
  }

  visit(userId: string, projectId: string): Promise<PlanVisit | null> {
    return this.dataSource.getRepository(PlanVisit).findOne({ where: { userId, projectId } });
  }

  async reminderOffsets(projectId: string): Promise<number[]> {
    const [row]: Array<{ offsets: number[] }> = await this.dataSource.query(
      'SELECT reminder_offset_days AS offsets FROM projects WHERE id = $1',
      [projectId],
    );
    return row?.offsets ?? [];
  }

  // --- inside a command's transaction ---

  async markVisited(manager: EntityManager, userId: string, projectId: string): Promise<void> {
    await manager.query(
      `INSERT INTO plan_visits (user_id, project_id, visited_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id, project_id) DO UPDATE SET visited_at = excluded.visited_at`,
      [userId, projectId],
    );
  }

  async isTaken(
    manager: EntityManager,
    table: 'work_packages' | 'plan_tasks' | 'plan_items',
    column: 'code' | 'number',
    projectId: string,
    value: string,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ${table} WHERE project_id = $1 AND ${column} = $2`, [
      projectId,
      value,
    ]);
    return rows.length > 0;
  }

  async partnerInProject(manager: EntityManager, partnerId: string, projectId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM partners WHERE id = $1 AND project_id = $2', [
      partnerId,
      projectId,
    ]);
    return rows.length > 0;
  }

  async documentInProject(manager: EntityManager, documentId: string, projectId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM documents WHERE id = $1 AND project_id = $2', [
      documentId,
      projectId,
    ]);
    return rows.length > 0;
  }

  /** Locks the item's row: two coordinators clicking at once must not both move it from the same state. */
  async lockItem(
    manager: EntityManager,
    itemId: string,
  ): Promise<{ status: DeliverableStatus | null; due_month: number }> {
    const [row]: Array<{ status: DeliverableStatus | null; due_month: number }> = await manager.query(
      'SELECT status, due_month FROM plan_items WHERE id = $1 FOR UPDATE',
      [itemId],
    );
    return row;
  }

  async linkDocument(
    manager: EntityManager,
    itemId: string,
    documentId: string,
    requiredStatus: DocumentStatus,
    requiresReviewResponded = false,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO plan_item_documents (item_id, document_id, required_status, requires_review_responded)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (item_id, document_id) DO UPDATE
         SET required_status = excluded.required_status, requires_review_responded = excluded.requires_review_responded`,
      [itemId, documentId, requiredStatus, requiresReviewResponded],
    );
  }
}
