import { addDays, localToInstant, toLocal, weekdayOf } from './meetings/time-zones';

/** The local time at which digests go out (ADR 034). */
export const DIGEST_LOCAL_TIME = '08:00';

export interface DigestPeriod {
  /** One digest per person and key: `daily:2026-12-08`, `weekly:2026-12-07` (the Monday). */
  key: string;
  /** When the period began: 08:00 local on its day (daily) or its Monday (weekly). */
  start: Date;
}

/**
 * The digest period `now` falls in for someone in `zone`: a daily period runs from one local 08:00 to the
 * next, a weekly one from Monday 08:00 to the next Monday's. The digest of a period carries what arrived
 * before it began, so it goes out at (or soon after) the local morning however often the sweep runs.
 */
export function digestPeriod(now: Date, zone: string, cadence: 'daily' | 'weekly'): DigestPeriod {
  const today = toLocal(now, zone).date;
  let day = cadence === 'daily' ? today : addDays(today, 1 - weekdayOf(today));
  let start = localToInstant({ date: day, time: DIGEST_LOCAL_TIME }, zone);
  if (now < start) {
    day = addDays(day, cadence === 'daily' ? -1 : -7);
    start = localToInstant({ date: day, time: DIGEST_LOCAL_TIME }, zone);
  }
  return { key: `${cadence}:${day}`, start };
}

/**
 * A title that names its working group once: "WG1 drafting sprint" for the code WG1 and the title "drafting
 * sprint" or "WG1 drafting sprint" (mail subjects and notifications used to say "WG1 WG1 drafting sprint").
 */
export function titleWithGroup(code: string | null | undefined, title: string): string {
  if (!code) return title;
  const escaped = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*${escaped}(?![\\p{L}\\p{N}])`, 'iu').test(title) ? title : `${code} ${title}`;
}
