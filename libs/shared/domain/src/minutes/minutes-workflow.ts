/**
 * The minutes workflow: draft → circulated (for comments, during a window) → approved (then locked with a
 * frozen snapshot). Approvals are recorded one by one and only while the minutes are circulated; each binds
 * to the text it approved (an edit withdraws it). Unlocking approved minutes reopens them as a draft.
 *
 * Who approves:
 * - the minutes of a working-group meeting: the group's co-chairs, and both of them (a group without two
 *   co-chairs needs every co-chair it has; one without any cannot approve until it gets one);
 * - the minutes of a project event (no group): the coordinator alone (one coordinator's approval), since
 *   project events are called and chaired by the coordination.
 */
export type MinutesStatus = 'draft' | 'circulated' | 'approved';

export const MINUTES_COMMENT_DAYS = { default: 7, min: 1, max: 30 } as const;

/** 'reopen': approved minutes unlocked by a coordinator go back to draft, approvals cleared (ADR 015). */
export type MinutesTransition = 'circulate' | 'approve' | 'reopen';

export interface MinutesApprovers {
  /** Working group of the meeting, or null for a project event. */
  workingGroupId: string | null;
  /** The group's current co-chairs (person ids); ignored for project events. */
  coChairPersonIds: readonly string[];
}

export type ApprovalCheck =
  { ok: true; complete: boolean } | { ok: false; reason: 'not-circulated' | 'not-an-approver' | 'already-approved' };

/** Whether the status machine allows a transition from `status`. */
export function canTransition(status: MinutesStatus, transition: MinutesTransition): boolean {
  switch (transition) {
    case 'circulate':
      return status === 'draft';
    case 'approve':
      return status === 'circulated';
    case 'reopen':
      return status === 'approved';
  }
}

/** Whether this person (a co-chair for WG minutes; a coordinator for project events) approves these minutes. */
export function isApprover(
  approvers: MinutesApprovers,
  person: { personId: string | null; coordinator: boolean },
): boolean {
  if (approvers.workingGroupId === null) return person.coordinator;
  return person.personId !== null && approvers.coChairPersonIds.includes(person.personId);
}

/** How many distinct approvals make the minutes approved. */
export function approvalsNeeded(approvers: MinutesApprovers): number {
  if (approvers.workingGroupId === null) return 1;
  return Math.max(1, Math.min(2, new Set(approvers.coChairPersonIds).size));
}

/**
 * Checks one approval against the status, the approvers and the approvals already recorded (by key: person
 * id for co-chairs, user id for coordinators), and tells whether it completes the approval.
 */
export function checkApproval(input: {
  status: MinutesStatus;
  approvers: MinutesApprovers;
  approver: { personId: string | null; coordinator: boolean };
  approverKey: string;
  recorded: readonly string[];
}): ApprovalCheck {
  // Who first: someone who may never approve is told so (403), whatever state the minutes are in.
  if (!isApprover(input.approvers, input.approver)) return { ok: false, reason: 'not-an-approver' };
  if (!canTransition(input.status, 'approve')) return { ok: false, reason: 'not-circulated' };
  if (input.recorded.includes(input.approverKey)) return { ok: false, reason: 'already-approved' };
  const after = new Set([...input.recorded, input.approverKey]);
  // Count only approvals by people who still are approvers (a co-chair who stepped down does not count).
  const counted =
    input.approvers.workingGroupId === null
      ? after.size
      : [...after].filter((k) => input.approvers.coChairPersonIds.includes(k)).length;
  return { ok: true, complete: counted >= approvalsNeeded(input.approvers) };
}

/** End of the comment window: `days` whole days after circulation. */
export function commentsUntil(circulatedAt: Date, days: number = MINUTES_COMMENT_DAYS.default): Date {
  return new Date(circulatedAt.getTime() + days * 86_400_000);
}

export type ActionStatus = 'open' | 'done' | 'dropped';
export const ACTION_STATUSES: readonly ActionStatus[] = ['open', 'done', 'dropped'];

/** An action is overdue when still open and its due date (a calendar date) is before today. */
export function isOverdue(action: { status: ActionStatus; dueOn: string | null }, today: string): boolean {
  return action.status === 'open' && action.dueOn !== null && action.dueOn < today;
}

/** A strict YYYY-MM-DD calendar date (no 2021-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Open actions carried into a meeting's agenda: the group's actions still open that were recorded at an
 * earlier occurrence (of any meeting of the same group, or of project events for a project event). Computed
 * each time the agenda is shown, never copied, so closing an action removes it everywhere.
 */
export function carriedActions<T extends { status: ActionStatus; occurrenceStart: Date }>(
  actions: readonly T[],
  before: Date,
): T[] {
  return actions.filter((a) => a.status === 'open' && a.occurrenceStart.getTime() < before.getTime());
}

/** Days before the due date an action's owner is reminded (once per action and due date). */
export const ACTION_REMINDER_DAYS = 2;

/** Whether an open action's reminder is due today: from `days` before the due date up to the due date. */
export function actionReminderDue(
  action: { status: ActionStatus; dueOn: string | null },
  today: string,
  days: number = ACTION_REMINDER_DAYS,
): boolean {
  if (action.status !== 'open' || action.dueOn === null) return false;
  const from = new Date(Date.parse(`${action.dueOn}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  return today >= from && today <= action.dueOn;
}
