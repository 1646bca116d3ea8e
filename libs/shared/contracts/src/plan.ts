import type { Bilingual, DocumentStatus, DocumentType } from './dto';

export const DeliverableStatus = {
  Planned: 'planned',
  InProgress: 'in-progress',
  InternalReview: 'internal-review',
  Submitted: 'submitted',
  Accepted: 'accepted',
  Rejected: 'rejected',
} as const;
export type DeliverableStatus = (typeof DeliverableStatus)[keyof typeof DeliverableStatus];
export const DELIVERABLE_STATUSES = Object.values(DeliverableStatus);

export type PlanItemKind = 'milestone' | 'deliverable';
export type DeliverableType = 'report' | 'other';
/** PU public, SEN sensitive (Horizon Europe dissemination levels). */
export type DisseminationLevel = 'PU' | 'SEN';
export type PlanRisk = 'done' | 'on-track' | 'at-risk' | 'overdue';

export const PLAN_LIMITS = { numberMax: 20, titleMax: 300, reasonMax: 1000, verificationMax: 1000 } as const;

export interface WorkPackageDto {
  id: string;
  code: string;
  title: Bilingual;
}

export interface PlanTaskDto {
  id: string;
  workPackageId: string;
  code: string;
  title: Bilingual;
  startMonth: number;
  endMonth: number;
}

export interface PlanDocumentDto {
  id: string;
  title: Bilingual;
  type: DocumentType;
  workingGroupId: string | null;
  workingGroupCode: string | null;
  status: DocumentStatus;
  /** The state this item needs the document to reach. */
  requiredStatus: DocumentStatus;
  /** The item also needs a review round on the document marked responded (ADR 041). */
  requiresReviewResponded: boolean;
  /** A review round on the document is responded. */
  reviewResponded: boolean;
  /** Progress towards requiredStatus (and the responded review when required), in [0, 1]. */
  progress: number;
  /** Whether the caller may move this document through its lifecycle. */
  canSetStatus: boolean;
  statusChangedAt: string | null;
  statusChangedBy: string | null;
}

export interface PlanStatusChangeDto {
  from: DeliverableStatus | null;
  to: DeliverableStatus;
  note: string | null;
  by: string | null;
  at: string;
}

export interface PlanRebaselineDto {
  fromMonth: number;
  toMonth: number;
  reason: string;
  by: string | null;
  at: string;
}

export interface PlanItemDto {
  id: string;
  kind: PlanItemKind;
  number: string;
  title: Bilingual;
  workPackageCode: string | null;
  taskCode: string | null;
  dueMonth: number;
  /** Last day of the due month (`YYYY-MM-DD`). */
  dueDate: string;
  /** Milestones only. */
  meansOfVerification: string | null;
  /** Deliverables only. */
  leadPartner: { id: string; shortName: string } | null;
  type: DeliverableType | null;
  dissemination: DisseminationLevel | null;
  status: DeliverableStatus | null;
  readiness: { share: number; readyCount: number; total: number; ready: boolean };
  risk: PlanRisk;
  daysLeft: number;
  /** Working groups whose documents make up this item. */
  workingGroupCodes: string[];
}

export interface PlanItemDetailDto extends PlanItemDto {
  documents: PlanDocumentDto[];
  statusHistory: PlanStatusChangeDto[];
  rebaselines: PlanRebaselineDto[];
  /** Statuses the item may move to next (empty for milestones and for callers who may not change it). */
  nextStatuses: DeliverableStatus[];
  canManage: boolean;
}

export interface PlanChangeDto {
  itemId: string;
  number: string;
  kind: 'status' | 'rebaseline';
  /** New status, or the new due month as "M30". */
  detail: string;
  from: string | null;
  by: string | null;
  at: string;
}

export interface WorkingGroupReadinessDto {
  workingGroupId: string;
  code: string;
  share: number;
  readyCount: number;
  total: number;
}

export interface PlanDashboardDto {
  project: { id: string; name: string; startDate: string; durationMonths: number };
  /** The server's today (its clock), `YYYY-MM-DD`. */
  today: string;
  /** The project month containing today, or null before the start / after the end. */
  currentMonth: number | null;
  workPackages: WorkPackageDto[];
  tasks: PlanTaskDto[];
  items: PlanItemDto[];
  workingGroups: WorkingGroupReadinessDto[];
  /** Status changes and re-baselines since the caller's previous visit (the last 20 without one). */
  changes: PlanChangeDto[];
  previousVisitAt: string | null;
  reminderOffsets: number[];
  canManage: boolean;
}

/** One deadline in a person's calendar (for the calendar feed). */
export interface PlanDeadlineDto {
  projectId: string;
  itemId: string;
  kind: PlanItemKind;
  number: string;
  title: Bilingual;
  dueMonth: number;
  dueDate: string;
  /** How many times the due month was re-baselined (the calendar event's SEQUENCE). */
  rebaselines: number;
  /** When it was last re-baselined (ISO), or null. */
  rebaselinedAt: string | null;
}
