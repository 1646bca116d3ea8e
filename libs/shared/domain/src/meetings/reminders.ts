import type { Occurrence } from './recurrence';

/**
 * The occurrences whose reminder is due at `now`: not cancelled, not started yet, and starting within
 * `minutesBefore` (0: never). Recomputed from the current data on every sweep, so a cancelled occurrence drops out and a
 * moved one is judged by its new start; a sweep that comes late (the app was down) still reminds of every
 * occurrence that has not started.
 */
export function meetingRemindersDue(
  occurrences: readonly Occurrence[],
  now: Date,
  minutesBefore: number,
): Occurrence[] {
  const t = now.getTime();
  if (minutesBefore <= 0) return [];
  return occurrences.filter(
    (o) => !o.cancelled && o.start.getTime() > t && o.start.getTime() - minutesBefore * 60_000 <= t,
  );
}

/** Whole hours left until `start` (at least 0), for the reminder's "starts in N hours". */
export function hoursUntil(start: Date, now: Date): number {
  return Math.max(0, Math.round((start.getTime() - now.getTime()) / 3_600_000));
}
