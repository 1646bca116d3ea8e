import type {
  ActionItemDto,
  DecisionDto,
  DocumentOwnerDto,
  MinutesApprovalDto,
  MinutesArchiveEntryDto,
  MinutesDto,
  MinutesSummaryDto,
} from '@roundtable/contracts';
import {
  approvalsNeeded,
  can,
  checkApproval,
  isOverdue,
  type Actor,
  type ApprovalCheck,
  type MinutesApprovers,
} from '@roundtable/domain';
import type { ActionRow, DecisionRow } from './action-items.repository';
import type { ApprovalRow, MinutesRow } from './minutes.repository';

/** Who is asking, as far as the minutes' rules care. */
export interface MinutesViewer {
  user: { id: string; personId: string | null };
  actor: Actor;
}

const iso = (value: Date | string): string => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null => (value ? iso(value) : null);

export function presentOwner(row: { id: string; status: MinutesSummaryDto['status'] }): DocumentOwnerDto {
  return { kind: 'minutes', id: row.id, status: row.status };
}

export function presentSummary(r: MinutesRow): MinutesSummaryDto {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingTimeZone: r.time_zone,
    projectId: r.project_id,
    workingGroupId: r.working_group_id,
    workingGroupCode: r.working_group_code,
    occurrenceStart: iso(r.occurrence_start),
    documentId: r.document_id,
    status: r.status,
    approvedAt: isoOrNull(r.approved_at),
  };
}

export function presentArchiveEntry(r: MinutesRow & { text: string }, q: string): MinutesArchiveEntryDto {
  return { ...presentSummary(r), excerpt: excerpt(r.text, q) };
}

export function presentDecision(r: DecisionRow): DecisionDto {
  return {
    id: r.id,
    text: r.text,
    agendaItemId: r.agenda_item_id,
    agendaItemTitle: r.title,
    createdAt: iso(r.created_at),
  };
}

/** The policy's resource for an action item: its meeting's project and group, and its owner. */
export function actionResource(r: Pick<ActionRow, 'project_id' | 'working_group_id' | 'owner_person_id'>) {
  return {
    projectId: r.project_id,
    workingGroupIds: r.working_group_id ? [r.working_group_id] : [],
    personId: r.owner_person_id,
  };
}

/** `today` is the clock's calendar date (YYYY-MM-DD): overdue is decided by the caller's clock, not here. */
export function presentAction(r: ActionRow, actor: Actor, today: string): ActionItemDto {
  return {
    id: r.id,
    minutesId: r.minutes_id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    workingGroupId: r.working_group_id,
    workingGroupCode: r.working_group_code,
    occurrenceStart: iso(r.occurrence_start),
    text: r.text,
    ownerPersonId: r.owner_person_id,
    ownerName: r.owner_name,
    dueOn: r.due_on,
    status: r.status,
    agendaItemId: r.agenda_item_id,
    agendaItemTitle: r.agenda_item_title,
    overdue: isOverdue({ status: r.status, dueOn: r.due_on }, today),
    canSetStatus: can(actor, 'action.setStatus', actionResource(r)),
  };
}

/**
 * Whether the viewer's approval would count now. WG minutes are approved per person (a co-chair with two
 * accounts approves once), project events per account.
 */
export function approvalCheckFor(
  row: Pick<MinutesRow, 'status' | 'project_id' | 'working_group_id'>,
  viewer: MinutesViewer,
  approvers: MinutesApprovers,
  recorded: ReadonlyArray<{ user_id: string; person_id: string | null }>,
): ApprovalCheck {
  const { user, actor } = viewer;
  const coordinator = actor.platformRole === 'admin' || actor.coordinatedProjectIds.includes(row.project_id);
  const byPerson = row.working_group_id !== null;
  return checkApproval({
    status: row.status,
    approvers,
    approver: { personId: user.personId, coordinator },
    approverKey: byPerson ? (user.personId ?? user.id) : user.id,
    recorded: recorded.map((r) => (byPerson ? (r.person_id ?? r.user_id) : r.user_id)),
  });
}

export interface MinutesFacts {
  row: MinutesRow;
  approvals: ApprovalRow[];
  decisions: DecisionRow[];
  actions: ActionRow[];
  approvers: MinutesApprovers;
  /** The viewer's access to the minutes document. */
  access: 'read' | 'write';
}

export function presentMinutes(facts: MinutesFacts, viewer: MinutesViewer, today: string): MinutesDto {
  const { row, approvals, approvers, access } = facts;
  const resource = { projectId: row.project_id, workingGroupIds: row.working_group_id ? [row.working_group_id] : [] };
  const open = row.status !== 'approved';
  return {
    ...presentSummary(row),
    circulatedAt: isoOrNull(row.circulated_at),
    commentsUntil: isoOrNull(row.comments_until),
    approvals: approvals.map(presentApproval),
    approvalsNeeded: approvalsNeeded(approvers),
    approvedVersionId: row.approved_version_id,
    decisions: facts.decisions.map(presentDecision),
    actions: facts.actions.map((r) => presentAction(r, viewer.actor, today)),
    canManage: open && can(viewer.actor, 'minutes.manage', resource),
    canEditItems: open && access === 'write',
    canApprove: approvalCheckFor(row, viewer, approvers, approvals).ok,
  };
}

/** Circulated minutes as a request for approval: who has approved, how many are needed, may the viewer approve. */
export interface PendingMinutes {
  summary: MinutesSummaryDto;
  commentsUntil: string | null;
  approvals: number;
  approvalsNeeded: number;
  /** The viewer approves these minutes and has not yet. */
  canApprove: boolean;
  /** The viewer coordinates their project. */
  coordinated: boolean;
}

export function presentPending(
  row: MinutesRow,
  viewer: MinutesViewer,
  approvers: MinutesApprovers,
  approvals: ApprovalRow[],
): PendingMinutes {
  return {
    summary: presentSummary(row),
    commentsUntil: isoOrNull(row.comments_until),
    approvals: approvals.length,
    approvalsNeeded: approvalsNeeded(approvers),
    canApprove: approvalCheckFor(row, viewer, approvers, approvals).ok,
    coordinated: viewer.actor.coordinatedProjectIds.includes(row.project_id),
  };
}

function presentApproval(a: ApprovalRow): MinutesApprovalDto {
  return { userId: a.user_id, personId: a.person_id, displayName: a.name, approvedAt: iso(a.approved_at) };
}

/** About 200 characters around the first match (or the beginning), on word boundaries where possible. */
export function excerpt(text: string, q: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const at = q ? flat.toLowerCase().indexOf(q.toLowerCase()) : -1;
  const start = Math.max(0, at - 80);
  const cut = flat.slice(start, start + 200);
  return `${start > 0 ? '…' : ''}${cut}${start + 200 < flat.length ? '…' : ''}`;
}
