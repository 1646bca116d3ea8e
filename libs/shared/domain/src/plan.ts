/**
 * Rules of a project's plan (milestones and deliverables): the deliverable status machine, readiness
 * derived from the lifecycle of the documents that make an item up, and the risk colour of a due date.
 * Pure functions on calendar dates (`YYYY-MM-DD`); "today" is always passed in (the server's clock).
 */
import type { DeliverableStatus, DocumentStatus, PlanRisk } from '@roundtable/contracts';

export class PlanRuleError extends Error {}

/** Where each deliverable status may go: forward one step, a review sent back, a rejection reworked. */
export const DELIVERABLE_TRANSITIONS: Readonly<Record<DeliverableStatus, readonly DeliverableStatus[]>> = {
  planned: ['in-progress'],
  'in-progress': ['internal-review'],
  'internal-review': ['submitted', 'in-progress'],
  submitted: ['accepted', 'rejected'],
  rejected: ['in-progress'],
  accepted: [],
};

export function canChangeDeliverableStatus(from: DeliverableStatus, to: DeliverableStatus): boolean {
  return DELIVERABLE_TRANSITIONS[from].includes(to);
}

/** Throws PlanRuleError naming both states when the jump is not allowed. */
export function assertDeliverableTransition(from: DeliverableStatus, to: DeliverableStatus): void {
  if (!canChangeDeliverableStatus(from, to)) {
    const allowed = DELIVERABLE_TRANSITIONS[from];
    throw new PlanRuleError(
      `A deliverable cannot go from ${from} to ${to}` +
        (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (it is final)'),
    );
  }
}

/** A deliverable counts as delivered once it has left the consortium's hands. */
export function isDelivered(status: DeliverableStatus): boolean {
  return status === 'submitted' || status === 'accepted';
}

/** The document lifecycle in order; a document's stage is its position in it (outline = 1 … final = 4). */
export const DOCUMENT_LIFECYCLE: readonly DocumentStatus[] = ['outline', 'draft', 'in-review', 'final'];

export function documentStage(status: DocumentStatus): number {
  const index = DOCUMENT_LIFECYCLE.indexOf(status);
  if (index < 0) throw new PlanRuleError(`Unknown document status: ${status}`);
  return index + 1;
}

/**
 * How far one document is towards the state a plan item requires of it, in [0, 1]:
 * a paper in draft counts 2/4 towards "final" and fully towards "draft".
 */
export function documentProgress(status: DocumentStatus, required: DocumentStatus): number {
  return Math.min(documentStage(status), documentStage(required)) / documentStage(required);
}

export interface Readiness {
  /** Mean progress of the linked documents, in [0, 1]; 0 without documents. */
  share: number;
  /** Documents that reached the required state. */
  readyCount: number;
  total: number;
  /** Every linked document reached its required state (false without documents: nothing shows it). */
  ready: boolean;
}

/**
 * What a plan item needs of one linked document: its state, and (ADR 041) optionally a review round on it
 * marked responded — the outlines milestone waits for the funders' feedback to be answered.
 */
export interface ReadinessInput {
  status: DocumentStatus;
  required: DocumentStatus;
  reviewRequired?: boolean;
  reviewResponded?: boolean;
}

/** Progress of one link: the lifecycle, and the responded review as a second half when it is required. */
export function linkProgress(d: ReadinessInput): number {
  const lifecycle = documentProgress(d.status, d.required);
  return d.reviewRequired ? (lifecycle + (d.reviewResponded ? 1 : 0)) / 2 : lifecycle;
}

export function readiness(documents: ReadonlyArray<ReadinessInput>): Readiness {
  const total = documents.length;
  if (total === 0) return { share: 0, readyCount: 0, total: 0, ready: false };
  const readyCount = documents.filter((d) => linkProgress(d) >= 1).length;
  const share = documents.reduce((sum, d) => sum + linkProgress(d), 0) / total;
  return { share, readyCount, total, ready: readyCount === total };
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2021-13-01 over into 2022; the round trip catches it.
  if (!match || new Date(time).toISOString().slice(0, 10) !== date)
    throw new PlanRuleError(`Not a calendar date: ${date}`);
  return time / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysUntil(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The window before a due date in which an unready item is "at risk". */
export const AT_RISK_DAYS = 30;

/**
 * The colour of an item on the dashboard:
 * - done: a deliverable submitted or accepted, a milestone whose documents are all ready;
 * - overdue: the due date has passed and it is not done;
 * - at-risk: due within 30 days (today included) and its documents are not ready;
 * - on-track: everything else.
 */
export function classifyRisk(input: { dueDate: string; today: string; done: boolean; ready: boolean }): PlanRisk {
  if (input.done) return 'done';
  const left = daysUntil(input.today, input.dueDate);
  if (left < 0) return 'overdue';
  if (left <= AT_RISK_DAYS && !input.ready) return 'at-risk';
  return 'on-track';
}

export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [30, 7, 1];

/**
 * The reminder due today, if any: the smallest offset that is at least the days left (so a clock that
 * jumps past several offsets at once sends one reminder, the most urgent). Null after the due date or
 * before the largest offset.
 */
export function reminderOffsetDue(offsets: readonly number[], dueDate: string, today: string): number | null {
  const left = daysUntil(today, dueDate);
  if (left < 0) return null;
  const candidates = offsets.filter((offset) => offset >= left);
  return candidates.length ? Math.min(...candidates) : null;
}

/** Reminder offsets as configured: whole days 0..365, at most 10, without repeats. */
export function normaliseReminderOffsets(offsets: readonly number[]): number[] {
  if (offsets.length > 10) throw new PlanRuleError('At most 10 reminder offsets');
  for (const offset of offsets) {
    if (!Number.isInteger(offset) || offset < 0 || offset > 365)
      throw new PlanRuleError(`Not a reminder offset in days (0–365): ${offset}`);
  }
  return [...new Set(offsets)].sort((a, b) => b - a);
}
