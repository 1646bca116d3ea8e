import type {
  DeliverableStatus,
  PlanChangeDto,
  PlanDeadlineDto,
  PlanDocumentDto,
  PlanItemDto,
  PlanTaskDto,
  WorkPackageDto,
  WorkingGroupReadinessDto,
} from '@roundtable/contracts';
import {
  can,
  classifyRisk,
  daysUntil,
  documentStage,
  isDelivered,
  linkProgress,
  projectMonthEnd,
  projectMonthOf,
  readiness,
  type Actor,
  type ReadinessInput,
} from '@roundtable/domain';
import { toCsvText } from '@roundtable/api-platform';
import type { PlanTask, WorkPackage } from './plan.entities';
import type { ChangeRow, DeadlineRow, HistoryRow, ItemRow, LinkedDocumentRow, RebaselineRow } from './plan.repository';

/** Pure: rows in, DTOs out. The clock's `today` and the actor come in as arguments. */

export type PlanProject = { id: string; startDate: string; durationMonths: number };

/** An item with its due date, readiness from its linked documents and risk colour on `today`. */
export function presentItem(
  project: PlanProject,
  row: ItemRow,
  links: LinkedDocumentRow[],
  today: string,
): PlanItemDto {
  const own = links.filter((l) => l.item_id === row.id);
  const ready = readiness(own.map(readinessOf));
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
}

/** What readiness needs of a link: the document's state, and the responded review when the item requires it. */
function readinessOf(l: LinkedDocumentRow): ReadinessInput {
  return {
    status: l.status,
    required: l.required_status,
    reviewRequired: l.review_required,
    reviewResponded: l.review_responded,
  };
}

export function presentDocument(l: LinkedDocumentRow, actor: Actor, projectId: string): PlanDocumentDto {
  return {
    id: l.document_id,
    title: { en: l.title_en, zh: l.title_zh },
    type: l.type,
    workingGroupId: l.working_group_id,
    workingGroupCode: l.wg_code,
    status: l.status,
    requiredStatus: l.required_status,
    requiresReviewResponded: l.review_required,
    reviewResponded: l.review_responded,
    progress: linkProgress(readinessOf(l)),
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
export function presentWorkingGroupReadiness(
  groups: Array<{ id: string; code: string }>,
  links: LinkedDocumentRow[],
  openItemIds: Set<string>,
): WorkingGroupReadinessDto[] {
  return groups.map((group) => {
    const needed = new Map<string, ReadinessInput>();
    for (const link of links) {
      if (link.working_group_id !== group.id || !openItemIds.has(link.item_id)) continue;
      const seen = needed.get(link.document_id);
      // The most demanding link: the later state, or on the same state the one that also needs a review.
      const stage = documentStage(link.required_status);
      if (
        !seen ||
        stage > documentStage(seen.required) ||
        (stage === documentStage(seen.required) && link.review_required && !seen.reviewRequired)
      )
        needed.set(link.document_id, readinessOf(link));
    }
    const r = readiness([...needed.values()]);
    return { workingGroupId: group.id, code: group.code, share: r.share, readyCount: r.readyCount, total: r.total };
  });
}

/** The project month `today` falls in, or null before the start and after the end. */
export function currentMonthOf(project: PlanProject, today: string): number | null {
  try {
    return projectMonthOf(project.startDate, project.durationMonths, today);
  } catch {
    return null;
  }
}

export function presentChange(r: ChangeRow): PlanChangeDto {
  return {
    itemId: r.item_id,
    number: r.number,
    kind: r.kind,
    detail: r.detail,
    from: r.from,
    by: r.by,
    at: new Date(r.at).toISOString(),
  };
}

export function presentStatusChange(h: HistoryRow) {
  return { from: h.fromStatus, to: h.toStatus, note: h.note, by: h.by, at: new Date(h.changedAt).toISOString() };
}

export function presentRebaseline(r: RebaselineRow) {
  return {
    fromMonth: r.fromMonth,
    toMonth: r.toMonth,
    reason: r.reason,
    by: r.by,
    at: new Date(r.changedAt).toISOString(),
  };
}

export function presentDeadline(r: DeadlineRow): PlanDeadlineDto {
  return {
    projectId: r.project_id,
    itemId: r.id,
    kind: r.kind,
    number: r.number,
    title: { en: r.title_en, zh: r.title_zh },
    dueMonth: r.due_month,
    dueDate: projectMonthEnd(r.start_date, r.duration_months, r.due_month),
    rebaselines: r.rebaselines,
    rebaselinedAt: r.rebaselined_at ? new Date(r.rebaselined_at).toISOString() : null,
  };
}

export function presentWorkPackage(r: Pick<WorkPackage, 'id' | 'code' | 'titleEn' | 'titleZh'>): WorkPackageDto {
  return { id: r.id, code: r.code, title: { en: r.titleEn, zh: r.titleZh } };
}

export function presentTask(
  r: Pick<PlanTask, 'id' | 'workPackageId' | 'code' | 'titleEn' | 'titleZh' | 'startMonth' | 'endMonth'>,
): PlanTaskDto {
  return {
    id: r.id,
    workPackageId: r.workPackageId,
    code: r.code,
    title: { en: r.titleEn, zh: r.titleZh },
    startMonth: r.startMonth,
    endMonth: r.endMonth,
  };
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
