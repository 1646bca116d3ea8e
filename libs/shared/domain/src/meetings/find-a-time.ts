import { minutesOfDay, toLocal } from './time-zones';

export interface Availability {
  /** Who (a person id, shown back with conflicts). */
  id: string;
  zone: string;
  /** ISO 3166-1 alpha-2, for public holidays. */
  country: string;
  /** Local working hours, "HH:MM"; default 08:00–20:00. */
  workStart?: string;
  workEnd?: string;
  /** ISO weekdays worked (1 = Monday); default Monday–Friday. */
  workDays?: readonly number[];
}

/** Whether `localDate` (YYYY-MM-DD) is a public holiday in `country`. Supplied by the caller (server: date-holidays). */
export type IsHoliday = (country: string, localDate: string) => boolean;

export interface FindTimeRequest {
  invitees: readonly Availability[];
  durationMinutes: number;
  /** Search window, UTC instants. */
  from: Date;
  to: Date;
  /** Candidate starts are this many minutes apart (UTC-aligned); default 30. */
  stepMinutes?: number;
  /** At most this many slots; default 20. */
  limit?: number;
  /** Slots start no earlier than this many minutes apart from the previous proposed slot; default 60. */
  spacingMinutes?: number;
  isHoliday?: IsHoliday;
}

export interface Slot {
  start: Date;
  end: Date;
  /** Ids of invitees who cannot attend (empty when the slot suits everyone). */
  unavailable: string[];
}

export const DEFAULT_WORK_HOURS = { start: '08:00', end: '20:00' } as const;
const WEEKDAYS = [1, 2, 3, 4, 5];

/** Why `availability` cannot attend [start, end): null when they can. */
export function unavailableReason(
  a: Availability,
  start: Date,
  end: Date,
  isHoliday?: IsHoliday,
): 'weekend' | 'holiday' | 'outside-hours' | null {
  const localStart = toLocal(start, a.zone);
  const localEnd = toLocal(new Date(end.getTime() - 60_000), a.zone);
  const days = a.workDays ?? WEEKDAYS;
  const weekday = new Date(`${localStart.date}T00:00:00Z`).getUTCDay() || 7;
  if (!days.includes(weekday)) return 'weekend';
  if (isHoliday?.(a.country, localStart.date)) return 'holiday';
  if (localEnd.date !== localStart.date) return 'outside-hours';
  const from = minutesOfDay(a.workStart ?? DEFAULT_WORK_HOURS.start);
  const until = minutesOfDay(a.workEnd ?? DEFAULT_WORK_HOURS.end);
  const s = minutesOfDay(localStart.time);
  const e = minutesOfDay(localEnd.time) + 1;
  return s >= from && e <= until ? null : 'outside-hours';
}

/**
 * Proposes meeting slots inside every invitee's working hours, on their working days, avoiding public holidays
 * in each invitee's country (judged on each invitee's own local date), earliest first. When no slot suits
 * everyone (Toronto and Shanghai share one hour, Rome none of it), it proposes the slots that leave out the
 * fewest people and says whom.
 */
export function findSlots(request: FindTimeRequest): Slot[] {
  const step = (request.stepMinutes ?? 30) * 60_000;
  const spacing = (request.spacingMinutes ?? 60) * 60_000;
  const limit = request.limit ?? 20;
  const duration = request.durationMinutes * 60_000;
  if (request.invitees.length === 0 || duration <= 0) return [];
  // Spaced slots per number of people left out; scanning stops once enough slots suit everyone.
  const byMissing = new Map<number, Slot[]>();
  for (let t = Math.ceil(request.from.getTime() / step) * step; t + duration <= request.to.getTime(); t += step) {
    const start = new Date(t);
    const end = new Date(t + duration);
    const unavailable = request.invitees
      .filter((a) => unavailableReason(a, start, end, request.isHoliday) !== null)
      .map((a) => a.id);
    if (unavailable.length === request.invitees.length) continue;
    const list = byMissing.get(unavailable.length) ?? [];
    const last = list[list.length - 1];
    if (list.length < limit && (!last || t - last.start.getTime() >= spacing)) list.push({ start, end, unavailable });
    byMissing.set(unavailable.length, list);
    if ((byMissing.get(0)?.length ?? 0) >= limit) break;
  }
  const fewest = Math.min(...byMissing.keys());
  return Number.isFinite(fewest) ? (byMissing.get(fewest) ?? []) : [];
}
