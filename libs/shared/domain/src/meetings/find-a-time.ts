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
}

export const DEFAULT_WORK_HOURS = { start: '08:00', end: '20:00' } as const;
const WEEKDAYS = [1, 2, 3, 4, 5];

/** Why `availability` cannot attend [start, end): null when they can. */
export function unavailableReason(a: Availability, start: Date, end: Date, isHoliday?: IsHoliday): 'weekend' | 'holiday' | 'outside-hours' | null {
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
 * in each invitee's country (judged on each invitee's own local date), earliest first.
 */
export function findSlots(request: FindTimeRequest): Slot[] {
  const step = (request.stepMinutes ?? 30) * 60_000;
  const spacing = (request.spacingMinutes ?? 60) * 60_000;
  const limit = request.limit ?? 20;
  const duration = request.durationMinutes * 60_000;
  if (request.invitees.length === 0 || duration <= 0) return [];
  const slots: Slot[] = [];
  let t = Math.ceil(request.from.getTime() / step) * step;
  for (; t + duration <= request.to.getTime() && slots.length < limit; t += step) {
    const last = slots[slots.length - 1];
    if (last && t - last.start.getTime() < spacing) continue;
    const start = new Date(t);
    const end = new Date(t + duration);
    if (request.invitees.every((a) => unavailableReason(a, start, end, request.isHoliday) === null)) slots.push({ start, end });
  }
  return slots;
}
