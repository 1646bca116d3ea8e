import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type DeliverableStatus,
  type DocumentStatus,
  type DocumentType,
  type PlanChangeDto,
  type PlanDashboardDto,
  type PlanDeadlineDto,
  type PlanDocumentDto,
  type PlanItemDetailDto,
  type PlanItemDto,
  type PlanTaskDto,
  type WorkPackageDto,
  type WorkingGroupReadinessDto,
} from '@roundtable/contracts';
import {
  DELIVERABLE_TRANSITIONS,
  PlanRuleError,
  ProjectMonthError,
  assertDeliverableTransition,
  can,
  classifyRisk,
  daysUntil,
  documentProgress,
  documentStage,
  isDelivered,
  normaliseReminderOffsets,
  parseProjectMonth,
  projectMonthEnd,
  projectMonthOf,
  readiness,
  type Actor,
} from '@roundtable/domain';
import { ApiException, Clock, toCsvText } from '@roundtable/api-platform';
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { AccessService, Project } from '@roundtable/api-projects';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  ChangeStatusDto,
  CreatePlanItemDto,
  CreateTaskDto,
  CreateWorkPackageDto,
  LinkDocumentDto,
  RebaselineDto,
} from './plan.dto';
import {
  PlanItem,
  PlanItemDocument,
  PlanItemRebaseline,
  PlanItemStatusChange,
  PlanTask,
  PlanVisit,
  WorkPackage,
} from './plan.entities';

type User = Pick<AuthenticatedUser, 'id' | 'platformRole' | 'personId'>;

interface LinkedDocumentRow {
  item_id: string;
  document_id: string;
  required_status: DocumentStatus;
  status: DocumentStatus;
  type: DocumentType;
  title_en: string;
  title_zh: string;
  working_group_id: string | null;
  wg_code: string | null;
  changed_at: Date | null;
  changed_by: string | null;
}

interface ItemRow {
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

function fieldError(field: string, message: string): ApiException {
  return new ApiException(ErrorCode.ValidationFailed, `Invalid ${field}`, { fields: [{ field, message }] });
}

/** Parses a project month for `field`, turning "M0", "M99" or "soon" into a 400 naming the field. */
export function monthOf(project: Pick<Project, 'durationMonths'>, value: string | number, field: string): number {
  try {
    return parseProjectMonth(value, project.durationMonths);
  } catch (error) {
    if (error instanceof ProjectMonthError) throw fieldError(field, `${field}: ${error.message}`);
    throw error;
  }
}

/**
 * The plan of a project: work packages, tasks, milestones and deliverables, their readiness derived from
 * the linked documents, the risk colour from the clock, and every change recorded with who and when.
 * Reads need project membership (outsiders get 404); every change needs `plan.manage` (coordinators).
 */
@Injectable()
export class PlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  // --- reading ---

  async dashboard(user: User, projectId: string): Promise<PlanDashboardDto> {
    const { project, actor } = await this.readable(user, projectId);
    const today = this.clock.today();
    const items = await this.itemsOf(project, today);
    const links = await this.linksOf(project.id);
    const previous = await this.dataSource.getRepository(PlanVisit).findOne({ where: { userId: user.id, projectId } });
    let currentMonth: number | null = null;
    try {
      currentMonth = projectMonthOf(project.startDate, project.durationMonths, today);
    } catch {
      currentMonth = null;
    }
    return {
      project: {
        id: project.id,
        name: project.name,
        startDate: project.startDate,
        durationMonths: project.durationMonths,
      },
      today,
      currentMonth,
      workPackages: await this.workPackagesOf(projectId),
      tasks: await this.tasksOf(projectId),
      items,
      workingGroups: await this.workingGroupReadiness(
        projectId,
        links,
        new Set(items.filter((i) => i.risk !== 'done').map((i) => i.id)),
      ),
      changes: await this.changesSince(projectId, previous?.visitedAt ?? null),
      previousVisitAt: previous ? previous.visitedAt.toISOString() : null,
      reminderOffsets: await this.reminderOffsets(projectId),
      canManage: can(actor, 'plan.manage', { projectId }),
    };
  }

  /** Remembers that the caller has seen the dashboard now (the "changed since" strip starts from here). */
  async markVisited(user: User, projectId: string): Promise<void> {
    await this.readable(user, projectId);
    await this.dataSource.query(
      `INSERT INTO plan_visits (user_id, project_id, visited_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id, project_id) DO UPDATE SET visited_at = excluded.visited_at`,
      [user.id, projectId],
    );
  }

  async item(user: User, itemId: string): Promise<PlanItemDetailDto> {
    const { item, project, actor } = await this.readableItem(user, itemId);
    const today = this.clock.today();
    const [summary] = (await this.itemsOf(project, today)).filter((i) => i.id === item.id);
    const links = (await this.linksOf(project.id)).filter((l) => l.item_id === item.id);
    const manage = can(actor, 'plan.manage', { projectId: project.id });
    const history: Array<PlanItemStatusChange & { by: string | null }> = await this.dataSource.query(
      `SELECT c.from_status AS "fromStatus", c.to_status AS "toStatus", c.note, c.changed_at AS "changedAt", u.display_name AS by
       FROM plan_item_status_changes c LEFT JOIN users u ON u.id = c.changed_by WHERE c.item_id = $1 ORDER BY c.changed_at, c.id`,
      [item.id],
    );
    const rebaselines: Array<PlanItemRebaseline & { by: string | null }> = await this.dataSource.query(
      `SELECT r.from_month AS "fromMonth", r.to_month AS "toMonth", r.reason, r.changed_at AS "changedAt", u.display_name AS by
       FROM plan_item_rebaselines r LEFT JOIN users u ON u.id = r.changed_by WHERE r.item_id = $1 ORDER BY r.changed_at, r.id`,
      [item.id],
    );
    return {
      ...summary,
      documents: links.map((l) => this.presentDocument(l, actor, project.id)),
      statusHistory: history.map((h) => ({
        from: h.fromStatus,
        to: h.toStatus,
        note: h.note,
        by: h.by,
        at: new Date(h.changedAt).toISOString(),
      })),
      rebaselines: rebaselines.map((r) => ({
        fromMonth: r.fromMonth,
        toMonth: r.toMonth,
        reason: r.reason,
        by: r.by,
        at: new Date(r.changedAt).toISOString(),
      })),
      nextStatuses: manage && item.status ? [...DELIVERABLE_TRANSITIONS[item.status]] : [],
      canManage: manage,
    };
  }

  /** The table of milestones and deliverables as CSV (RFC 4180, UTF-8 with a BOM so spreadsheets read 中文). */
  async csv(user: User, projectId: string): Promise<string> {
    const { project } = await this.readable(user, projectId);
    const items = await this.itemsOf(project, this.clock.today());
    return toCsv(items);
  }

  /**
   * Every deadline (milestones and deliverables not yet delivered) of the projects a person belongs to:
   * the data a personal calendar feed shows.
   */
  async deadlinesForPerson(personId: string): Promise<PlanDeadlineDto[]> {
    const rows: Array<{
      project_id: string;
      start_date: string;
      duration_months: number;
      id: string;
      kind: PlanItem['kind'];
      number: string;
      title_en: string;
      title_zh: string;
      due_month: number;
      rebaselines: number;
      rebaselined_at: Date | null;
    }> = await this.dataSource.query(
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
    return rows.map((r) => ({
      projectId: r.project_id,
      itemId: r.id,
      kind: r.kind,
      number: r.number,
      title: { en: r.title_en, zh: r.title_zh },
      dueMonth: r.due_month,
      dueDate: projectMonthEnd(r.start_date, r.duration_months, r.due_month),
      rebaselines: r.rebaselines,
      rebaselinedAt: r.rebaselined_at ? new Date(r.rebaselined_at).toISOString() : null,
    }));
  }

  // --- changing (coordinators) ---

  async createWorkPackage(user: User, projectId: string, body: CreateWorkPackageDto): Promise<WorkPackageDto> {
    await this.readable(user, projectId);
    await this.refuseTaken('work_packages', 'code', projectId, body.code);
    const row = await this.unique(
      () =>
        this.dataSource
          .getRepository(WorkPackage)
          .save({ projectId, code: body.code, titleEn: body.titleEn.trim(), titleZh: body.titleZh.trim() }),
      'code',
      `${body.code} already exists in this project`,
    );
    return { id: row.id, code: row.code, title: { en: row.titleEn, zh: row.titleZh } };
  }

  async createTask(user: User, projectId: string, body: CreateTaskDto): Promise<PlanTaskDto> {
    const { project } = await this.readable(user, projectId);
    const startMonth = monthOf(project, body.startMonth, 'startMonth');
    const endMonth = monthOf(project, body.endMonth, 'endMonth');
    if (endMonth < startMonth)
      throw fieldError('endMonth', `endMonth (M${endMonth}) is before startMonth (M${startMonth})`);
    await this.workPackageIn(projectId, body.workPackageId);
    await this.refuseTaken('plan_tasks', 'code', projectId, body.code);
    const row = await this.unique(
      () =>
        this.dataSource.getRepository(PlanTask).save({
          projectId,
          workPackageId: body.workPackageId,
          code: body.code,
          titleEn: body.titleEn.trim(),
          titleZh: body.titleZh.trim(),
          startMonth,
          endMonth,
        }),
      'code',
      `${body.code} already exists in this project`,
    );
    return {
      id: row.id,
      workPackageId: row.workPackageId,
      code: row.code,
      title: { en: row.titleEn, zh: row.titleZh },
      startMonth,
      endMonth,
    };
  }

  async createItem(user: User, projectId: string, body: CreatePlanItemDto): Promise<PlanItemDetailDto> {
    const { project } = await this.readable(user, projectId);
    const dueMonth = monthOf(project, body.dueMonth, 'dueMonth');
    const deliverable = body.kind === 'deliverable';
    if (!deliverable) {
      for (const field of ['leadPartnerId', 'type', 'dissemination'] as const) {
        if (body[field] !== undefined) throw fieldError(field, `${field} applies to deliverables only`);
      }
    }
    if (body.workPackageId) await this.workPackageIn(projectId, body.workPackageId);
    if (body.taskId) {
      const task = await this.dataSource.getRepository(PlanTask).findOne({ where: { id: body.taskId, projectId } });
      if (!task) throw fieldError('taskId', 'taskId is not a task of this project');
    }
    if (body.leadPartnerId) {
      const [partner] = await this.dataSource.query('SELECT 1 FROM partners WHERE id = $1 AND project_id = $2', [
        body.leadPartnerId,
        projectId,
      ]);
      if (!partner) throw fieldError('leadPartnerId', 'leadPartnerId is not a partner of this project');
    }
    await this.refuseTaken('plan_items', 'number', projectId, body.number);
    const id = await this.dataSource.transaction(async (manager) => {
      const row = await this.unique(
        () =>
          manager.getRepository(PlanItem).save({
            projectId,
            kind: body.kind,
            number: body.number,
            titleEn: body.titleEn.trim(),
            titleZh: body.titleZh.trim(),
            dueMonth,
            workPackageId: body.workPackageId ?? null,
            taskId: body.taskId ?? null,
            meansOfVerification: body.meansOfVerification?.trim() || null,
            leadPartnerId: deliverable ? (body.leadPartnerId ?? null) : null,
            type: deliverable ? (body.type ?? 'report') : null,
            dissemination: deliverable ? (body.dissemination ?? 'PU') : null,
            status: deliverable ? 'planned' : null,
            seedKey: null,
          }),
        'number',
        `${body.number} already exists in this project`,
      );
      if (deliverable) await this.recordStatus(manager, row.id, null, 'planned', null, user.id);
      return row.id;
    });
    return this.item(user, id);
  }

  async changeStatus(user: User, itemId: string, body: ChangeStatusDto): Promise<PlanItemDetailDto> {
    const { item } = await this.readableItem(user, itemId);
    if (item.kind !== 'deliverable' || !item.status)
      throw fieldError('status', 'Milestones have no status: they are reached when their documents are ready');
    await this.dataSource.transaction(async (manager) => {
      // Lock the row: two coordinators clicking at once must not both move it from the same state.
      const [locked]: Array<{ status: DeliverableStatus }> = await manager.query(
        'SELECT status FROM plan_items WHERE id = $1 FOR UPDATE',
        [item.id],
      );
      try {
        assertDeliverableTransition(locked.status, body.status);
      } catch (error) {
        if (error instanceof PlanRuleError) {
          throw new ApiException(ErrorCode.IllegalTransition, error.message, {
            fields: [{ field: 'status', message: error.message }],
          });
        }
        throw error;
      }
      await manager.query('UPDATE plan_items SET status = $2 WHERE id = $1', [item.id, body.status]);
      await this.recordStatus(manager, item.id, locked.status, body.status, body.note?.trim() || null, user.id);
    });
    return this.item(user, itemId);
  }

  async rebaseline(user: User, itemId: string, body: RebaselineDto): Promise<PlanItemDetailDto> {
    const { item, project } = await this.readableItem(user, itemId);
    const dueMonth = monthOf(project, body.dueMonth, 'dueMonth');
    await this.dataSource.transaction(async (manager) => {
      const [locked]: Array<{ due_month: number }> = await manager.query(
        'SELECT due_month FROM plan_items WHERE id = $1 FOR UPDATE',
        [item.id],
      );
      if (locked.due_month === dueMonth) throw fieldError('dueMonth', `dueMonth is already M${dueMonth}`);
      await manager.query('UPDATE plan_items SET due_month = $2 WHERE id = $1', [item.id, dueMonth]);
      await manager.getRepository(PlanItemRebaseline).save({
        itemId: item.id,
        fromMonth: locked.due_month,
        toMonth: dueMonth,
        reason: body.reason.trim(),
        changedBy: user.id,
        changedAt: this.clock.now(),
      });
    });
    return this.item(user, itemId);
  }

  async linkDocument(user: User, itemId: string, body: LinkDocumentDto): Promise<PlanItemDetailDto> {
    const { item } = await this.readableItem(user, itemId);
    const [document] = await this.dataSource.query('SELECT 1 FROM documents WHERE id = $1 AND project_id = $2', [
      body.documentId,
      item.projectId,
    ]);
    if (!document) throw fieldError('documentId', 'documentId is not a document of this project');
    await this.dataSource.query(
      `INSERT INTO plan_item_documents (item_id, document_id, required_status) VALUES ($1, $2, $3)
       ON CONFLICT (item_id, document_id) DO UPDATE SET required_status = excluded.required_status`,
      [item.id, body.documentId, body.requiredStatus ?? 'final'],
    );
    return this.item(user, itemId);
  }

  async unlinkDocument(user: User, itemId: string, documentId: string): Promise<PlanItemDetailDto> {
    const { item } = await this.readableItem(user, itemId);
    await this.dataSource.getRepository(PlanItemDocument).delete({ itemId: item.id, documentId });
    return this.item(user, itemId);
  }

  async setReminderOffsets(user: User, projectId: string, offsets: number[]): Promise<number[]> {
    await this.readable(user, projectId);
    let normalised: number[];
    try {
      normalised = normaliseReminderOffsets(offsets);
    } catch (error) {
      if (error instanceof PlanRuleError) throw fieldError('offsets', error.message);
      throw error;
    }
    await this.dataSource.query('UPDATE projects SET reminder_offset_days = $2 WHERE id = $1', [projectId, normalised]);
    return normalised;
  }

  async reminderOffsets(projectId: string): Promise<number[]> {
    const [row]: Array<{ offsets: number[] }> = await this.dataSource.query(
      'SELECT reminder_offset_days AS offsets FROM projects WHERE id = $1',
      [projectId],
    );
    return row?.offsets ?? [];
  }

  // --- shared by the reminders ---

  /** Items of a project with their due date, readiness and risk, by due month. */
  async itemsOf(project: Pick<Project, 'id' | 'startDate' | 'durationMonths'>, today: string): Promise<PlanItemDto[]> {
    const rows: ItemRow[] = await this.dataSource.query(
      `SELECT i.id, i.kind, i.number, i.title_en, i.title_zh, i.due_month, i.means_of_verification, i.lead_partner_id,
              pa.short_name AS lead_partner, i.type, i.dissemination, i.status, wp.code AS wp_code, t.code AS task_code
       FROM plan_items i
       LEFT JOIN partners pa ON pa.id = i.lead_partner_id
       LEFT JOIN work_packages wp ON wp.id = i.work_package_id
       LEFT JOIN plan_tasks t ON t.id = i.task_id
       WHERE i.project_id = $1 ORDER BY i.due_month, i.kind DESC, i.number`,
      [project.id],
    );
    const links = await this.linksOf(project.id);
    return rows.map((row) => {
      const own = links.filter((l) => l.item_id === row.id);
      const ready = readiness(own.map((l) => ({ status: l.status, required: l.required_status })));
      const dueDate = projectMonthEnd(
        project.startDate,
        project.durationMonths,
        Math.min(row.due_month, project.durationMonths),
      );
      const done = row.kind === 'deliverable' ? isDelivered(row.status as DeliverableStatus) : ready.ready;
      return {
        id: row.id,
        kind: row.kind,
        number: row.number,
        title: { en: row.title_en, zh: row.title_zh },
        workPackageCode: row.wp_code,
        taskCode: row.task_code,
        dueMonth: row.due_month,
        dueDate,
        meansOfVerification: row.means_of_verification,
        leadPartner:
          row.lead_partner_id && row.lead_partner ? { id: row.lead_partner_id, shortName: row.lead_partner } : null,
        type: row.type,
        dissemination: row.dissemination,
        status: row.status,
        readiness: ready,
        risk: classifyRisk({ dueDate, today, done, ready: ready.ready }),
        daysLeft: daysUntil(today, dueDate),
        workingGroupCodes: [...new Set(own.map((l) => l.wg_code).filter((c): c is string => c !== null))].sort(),
      };
    });
  }

  async linksOf(projectId: string): Promise<LinkedDocumentRow[]> {
    return this.dataSource.query(
      `SELECT l.item_id, l.document_id, l.required_status, d.status, d.type, d.title_en, d.title_zh, d.working_group_id, wg.code AS wg_code,
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

  async projectById(projectId: string): Promise<Project | null> {
    return this.dataSource.getRepository(Project).findOne({ where: { id: projectId } });
  }

  // --- helpers ---

  private presentDocument(l: LinkedDocumentRow, actor: Actor, projectId: string): PlanDocumentDto {
    return {
      id: l.document_id,
      title: { en: l.title_en, zh: l.title_zh },
      type: l.type,
      workingGroupId: l.working_group_id,
      workingGroupCode: l.wg_code,
      status: l.status,
      requiredStatus: l.required_status,
      progress: documentProgress(l.status, l.required_status),
      canSetStatus: can(actor, 'document.setStatus', {
        projectId,
        workingGroupIds: l.working_group_id ? [l.working_group_id] : [],
      }),
      statusChangedAt: l.changed_at ? new Date(l.changed_at).toISOString() : null,
      statusChangedBy: l.changed_by,
    };
  }

  /**
   * Per working group: its documents that open items still need, each counted once towards the most
   * demanding state any of those items requires.
   */
  private async workingGroupReadiness(
    projectId: string,
    links: LinkedDocumentRow[],
    openItemIds: Set<string>,
  ): Promise<WorkingGroupReadinessDto[]> {
    const groups: Array<{ id: string; code: string }> = await this.dataSource.query(
      'SELECT id, code FROM working_groups WHERE project_id = $1 ORDER BY position',
      [projectId],
    );
    return groups.map((group) => {
      const needed = new Map<string, { status: DocumentStatus; required: DocumentStatus }>();
      for (const link of links) {
        if (link.working_group_id !== group.id || !openItemIds.has(link.item_id)) continue;
        const seen = needed.get(link.document_id);
        if (!seen || documentStage(link.required_status) > documentStage(seen.required)) {
          needed.set(link.document_id, { status: link.status, required: link.required_status });
        }
      }
      const r = readiness([...needed.values()]);
      return { workingGroupId: group.id, code: group.code, share: r.share, readyCount: r.readyCount, total: r.total };
    });
  }

  private async changesSince(projectId: string, since: Date | null): Promise<PlanChangeDto[]> {
    const rows: Array<{
      item_id: string;
      number: string;
      kind: 'status' | 'rebaseline';
      detail: string;
      from: string | null;
      by: string | null;
      at: Date;
    }> = await this.dataSource.query(
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
    return rows.map((r) => ({
      itemId: r.item_id,
      number: r.number,
      kind: r.kind,
      detail: r.detail,
      from: r.from,
      by: r.by,
      at: new Date(r.at).toISOString(),
    }));
  }

  private async workPackagesOf(projectId: string): Promise<WorkPackageDto[]> {
    const rows = await this.dataSource
      .getRepository(WorkPackage)
      .find({ where: { projectId }, order: { code: 'ASC' } });
    return rows.map((r) => ({ id: r.id, code: r.code, title: { en: r.titleEn, zh: r.titleZh } }));
  }

  private async tasksOf(projectId: string): Promise<PlanTaskDto[]> {
    const rows = await this.dataSource
      .getRepository(PlanTask)
      .find({ where: { projectId }, order: { startMonth: 'ASC', code: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      workPackageId: r.workPackageId,
      code: r.code,
      title: { en: r.titleEn, zh: r.titleZh },
      startMonth: r.startMonth,
      endMonth: r.endMonth,
    }));
  }

  private async workPackageIn(projectId: string, workPackageId: string): Promise<void> {
    const found = await this.dataSource.getRepository(WorkPackage).findOne({ where: { id: workPackageId, projectId } });
    if (!found) throw fieldError('workPackageId', 'workPackageId is not a work package of this project');
  }

  private recordStatus(
    manager: EntityManager,
    itemId: string,
    from: DeliverableStatus | null,
    to: DeliverableStatus,
    note: string | null,
    userId: string | null,
  ) {
    return manager
      .getRepository(PlanItemStatusChange)
      .save({ itemId, fromStatus: from, toStatus: to, note, changedBy: userId, changedAt: this.clock.now() });
  }

  /** 409 naming the field when the code or number is taken (checked first: the unique index only settles races). */
  private async refuseTaken(
    table: 'work_packages' | 'plan_tasks' | 'plan_items',
    column: 'code' | 'number',
    projectId: string,
    value: string,
  ): Promise<void> {
    const [taken] = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE project_id = $1 AND ${column} = $2`, [
      projectId,
      value,
    ]);
    if (taken)
      throw new ApiException(ErrorCode.Conflict, `${value} already exists in this project`, {
        fields: [{ field: column, message: `${value} already exists in this project` }],
      });
  }

  /** Turns a unique violation into a 409 naming the field. */
  private async unique<T>(write: () => Promise<T>, field: string, message: string): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new ApiException(ErrorCode.Conflict, message, { fields: [{ field, message }] });
      throw error;
    }
  }

  /** The project; PolicyGuard has checked the caller may see it (and change its plan where declared). */
  private async readable(user: User, projectId: string): Promise<{ project: Project; actor: Actor }> {
    const project = await this.projectById(projectId);
    if (!project) throw new ApiException(ErrorCode.NotFound, 'Project not found.');
    return { project, actor: await this.access.actorFor(user) };
  }

  private async readableItem(user: User, itemId: string): Promise<{ item: PlanItem; project: Project; actor: Actor }> {
    const item = await this.dataSource.getRepository(PlanItem).findOne({ where: { id: itemId } });
    if (!item) throw new ApiException(ErrorCode.NotFound, 'Milestone or deliverable not found.');
    return { item, ...(await this.readable(user, item.projectId)) };
  }
}

const CSV_COLUMNS = [
  'kind',
  'number',
  'title_en',
  'title_zh',
  'work_package',
  'task',
  'lead_partner',
  'type',
  'dissemination',
  'due_month',
  'due_date',
  'status',
  'readiness_percent',
  'documents_ready',
  'documents_total',
  'risk',
] as const;

/** The milestones and deliverables table as CSV, one row per item. */
export function toCsv(items: PlanItemDto[]): string {
  const rows = items.map((item) => [
    item.kind,
    item.number,
    item.title.en,
    item.title.zh,
    item.workPackageCode,
    item.taskCode,
    item.leadPartner?.shortName ?? null,
    item.type,
    item.dissemination,
    `M${item.dueMonth}`,
    item.dueDate,
    item.status,
    Math.round(item.readiness.share * 100),
    item.readiness.readyCount,
    item.readiness.total,
    item.risk,
  ]);
  return toCsvText([CSV_COLUMNS, ...rows], { bom: true });
}
