import { ErrorCode, type FieldError } from '@roundtable/contracts';
import {
  expandSeries,
  formatRRule,
  parseRRule,
  resolveLocal,
  startMatchesRule,
  toLocal,
  type RecurrenceRule,
} from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import type { MeetingRecord } from './meeting.record';

/** A 400 naming every field in `fields`. */
export function badRequest(fields: FieldError[]): ApiException {
  return new ApiException(
    ErrorCode.ValidationFailed,
    `Invalid ${[...new Set(fields.map((f) => f.field))].join(', ')}`,
    { fields },
  );
}

export interface ResolvedSchedule {
  startsAt: Date;
  durationMinutes: number;
  /** The rule as stored (normalised), or null for a single meeting. */
  rrule: string | null;
  rule: RecurrenceRule | null;
}

/** Validates and resolves a start (+ end or duration, + rule) given as local wall time in `zone`. */
export function resolveSchedule(
  start: string,
  end: string | undefined,
  zone: string,
  durationMinutes: number | undefined,
  rrule: string | null,
): ResolvedSchedule {
  const startsAt = localStart(start, zone, 'start');
  let duration = durationMinutes;
  if (end !== undefined) {
    const endsAt = localStart(end, zone, 'end');
    if (endsAt.getTime() <= startsAt.getTime())
      throw badRequest([{ field: 'end', code: 'endBeforeStart', message: 'end must be after start' }]);
    duration = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
    if (duration > 1440)
      throw badRequest([{ field: 'end', code: 'meetingTooLong', message: 'a meeting lasts at most one day' }]);
  }
  if (duration === undefined)
    throw badRequest([{ field: 'durationMinutes', code: 'durationOrEnd', message: 'give durationMinutes or end' }]);
  let rule: RecurrenceRule | null = null;
  if (rrule) {
    const parsed = parseRRule(rrule);
    if (!parsed.ok) throw badRequest(parsed.errors.map((error) => ({ ...error, code: 'isRRule' })));
    rule = parsed.rule;
    if (!startMatchesRule(rule, start.slice(0, 10)))
      throw badRequest([
        {
          field: 'start',
          code: 'startNotInRule',
          message: 'start must fall on one of the days the rule gives (e.g. the 2nd Tuesday for BYDAY=2TU)',
        },
      ]);
    const starts = expandSeries({ start: toLocal(startsAt, zone), zone }, rule);
    if (starts === null)
      throw badRequest([
        {
          field: 'rrule',
          code: 'tooManyOccurrences',
          message: 'rrule: UNTIL gives more occurrences than allowed; end the series earlier',
        },
      ]);
    if (starts.length === 0)
      throw badRequest([
        { field: 'rrule', code: 'untilBeforeStart', message: 'rrule: UNTIL is before the first start' },
      ]);
  }
  return { startsAt, durationMinutes: duration, rrule: rule ? formatRRule(rule) : null, rule };
}

/** A local wall time (`2026-03-10T10:00`) in `zone` as an instant; a time the clocks skip is a 400. */
export function localStart(value: string, zone: string, field: string): Date {
  const [date, time] = value.split('T');
  let resolved;
  try {
    resolved = resolveLocal({ date, time }, zone);
  } catch {
    throw badRequest([{ field, code: 'isZonedDateTime', message: `${field} is not a real date and time` }]);
  }
  if (resolved.kind === 'gap') {
    const moved = toLocal(resolved.instant, zone).time;
    throw badRequest([
      {
        field,
        code: 'nonexistentLocalTime',
        message: `${field}: ${date} ${time} does not exist in ${zone} (clocks go forward); ${moved} is the same moment`,
      },
    ]);
  }
  return resolved.instant;
}

export function occurrenceStarts(startsAt: Date, zone: string, rule: RecurrenceRule | null): Date[] {
  return rule ? (expandSeries({ start: toLocal(startsAt, zone), zone }, rule) ?? []) : [startsAt];
}

/** The original start named by `text` (ISO 8601), which must be one of the meeting's occurrences. */
export function occurrenceOf(record: MeetingRecord, text: string, field: string): Date {
  const instant = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(instant.getTime()))
    throw badRequest([{ field, code: 'isIso8601', message: `${field} must be an ISO 8601 instant` }]);
  const m = record.meeting;
  const rule = m.rrule ? (parseRRule(m.rrule) as { ok: true; rule: RecurrenceRule }).rule : null;
  if (!occurrenceStarts(m.startsAt, m.timeZone, rule).some((d) => d.getTime() === instant.getTime())) {
    throw badRequest([
      {
        field,
        code: 'notAnOccurrence',
        message: `${field}: the meeting has no occurrence starting at ${instant.toISOString()}`,
      },
    ]);
  }
  return instant;
}
