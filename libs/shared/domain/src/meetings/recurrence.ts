import { addDays, localToInstant, parseLocal, pad2, toLocal, weekdayOf, type LocalDateTime } from './time-zones';

/**
 * The RRULE subset meetings use: FREQ=WEEKLY (INTERVAL, BYDAY) and FREQ=MONTHLY with BYDAY=nth weekday
 * ("2TU", "-1FR"), bounded by COUNT or UNTIL. Occurrences are expanded in the meeting's zone, so the
 * wall time stays fixed across daylight-saving changes (10:00 in Rome stays 10:00 in Rome).
 */
export interface RecurrenceRule {
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  /** WEEKLY: ISO weekdays (1 = Monday), sorted; empty = the start's weekday. */
  weekdays: number[];
  /** MONTHLY: nth weekday of the month (nth 1…5 or -1…-5). */
  monthlyDays: Array<{ nth: number; weekday: number }>;
  count: number | null;
  /** Inclusive upper bound on occurrence starts. */
  until: Date | null;
}

export const RECURRENCE_LIMITS = { maxOccurrences: 260, maxInterval: 52 } as const;

export interface RuleError {
  field: string;
  message: string;
}

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export type ParseResult = { ok: true; rule: RecurrenceRule } | { ok: false; errors: RuleError[] };

/** Parses an RRULE value ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=10"); errors name what is wrong. */
export function parseRRule(value: string, field = 'rrule'): ParseResult {
  const errors: RuleError[] = [];
  const fail = (message: string) => errors.push({ field, message });
  const text = value.trim().replace(/^RRULE:/i, '');
  if (!text) return { ok: false, errors: [{ field, message: `${field} is empty` }] };
  const parts = new Map<string, string>();
  for (const piece of text.split(';')) {
    const match = /^([A-Za-z]+)=(.+)$/.exec(piece);
    if (!match) {
      fail(`${field}: "${piece}" is not NAME=VALUE`);
      continue;
    }
    const name = match[1].toUpperCase();
    if (parts.has(name)) fail(`${field}: ${name} is given twice`);
    parts.set(name, match[2].toUpperCase());
  }
  const allowed = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL', 'WKST']);
  for (const name of parts.keys())
    if (!allowed.has(name)) fail(`${field}: ${name} is not supported (only FREQ, INTERVAL, BYDAY, COUNT, UNTIL)`);

  const freq = parts.get('FREQ');
  if (!freq) fail(`${field}: FREQ is missing`);
  else if (freq !== 'WEEKLY' && freq !== 'MONTHLY') fail(`${field}: FREQ=${freq} is not supported (WEEKLY or MONTHLY)`);
  if (parts.has('WKST') && parts.get('WKST') !== 'MO') fail(`${field}: only WKST=MO is supported`);

  let interval = 1;
  if (parts.has('INTERVAL')) {
    const raw = parts.get('INTERVAL') as string;
    interval = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(interval) || interval < 1 || interval > RECURRENCE_LIMITS.maxInterval)
      fail(`${field}: INTERVAL must be a whole number from 1 to ${RECURRENCE_LIMITS.maxInterval}`);
  }

  const weekdays: number[] = [];
  const monthlyDays: Array<{ nth: number; weekday: number }> = [];
  if (parts.has('BYDAY')) {
    for (const day of (parts.get('BYDAY') as string).split(',')) {
      const match = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(day);
      if (!match) {
        fail(`${field}: BYDAY "${day}" is not a weekday (MO…SU, or e.g. 2TU / -1FR for monthly)`);
        continue;
      }
      const weekday = DAY_CODES.indexOf(match[2]) + 1;
      if (freq === 'MONTHLY') {
        const nth = match[1] === undefined ? NaN : Number(match[1]);
        if (!Number.isInteger(nth) || nth === 0 || Math.abs(nth) > 5)
          fail(`${field}: monthly BYDAY "${day}" needs a position 1…5 or -1…-5, e.g. 2TU or -1FR`);
        else monthlyDays.push({ nth, weekday });
      } else {
        if (match[1] !== undefined) fail(`${field}: weekly BYDAY "${day}" takes no position`);
        else if (!weekdays.includes(weekday)) weekdays.push(weekday);
      }
    }
  } else if (freq === 'MONTHLY') {
    fail(`${field}: FREQ=MONTHLY needs BYDAY with a position, e.g. BYDAY=2TU`);
  }
  weekdays.sort((a, b) => a - b);

  let count: number | null = null;
  let until: Date | null = null;
  if (parts.has('COUNT') && parts.has('UNTIL')) fail(`${field}: give COUNT or UNTIL, not both`);
  if (!parts.has('COUNT') && !parts.has('UNTIL')) fail(`${field}: a series needs an end: COUNT or UNTIL`);
  if (parts.has('COUNT')) {
    const raw = parts.get('COUNT') as string;
    count = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(count) || count < 1 || count > RECURRENCE_LIMITS.maxOccurrences)
      fail(`${field}: COUNT must be a whole number from 1 to ${RECURRENCE_LIMITS.maxOccurrences}`);
  }
  if (parts.has('UNTIL')) {
    until = parseUntil(parts.get('UNTIL') as string);
    if (!until) fail(`${field}: UNTIL must be a UTC date-time like 20261231T235959Z`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, rule: { freq: freq as 'WEEKLY' | 'MONTHLY', interval, weekdays, monthlyDays, count, until } };
}

function parseUntil(value: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? date : null;
}

/** The RRULE text of a rule, in a canonical order. */
export function formatRRule(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  if (rule.freq === 'WEEKLY' && rule.weekdays.length > 0)
    parts.push(`BYDAY=${rule.weekdays.map((d) => DAY_CODES[d - 1]).join(',')}`);
  if (rule.freq === 'MONTHLY')
    parts.push(`BYDAY=${rule.monthlyDays.map((d) => `${d.nth}${DAY_CODES[d.weekday - 1]}`).join(',')}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until) parts.push(`UNTIL=${utcStamp(rule.until)}`);
  return parts.join(';');
}

export function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The date of the nth (1…5, or -1…-5 from the end) ISO weekday of a month; null when the month has none. */
export function nthWeekdayOfMonth(year: number, month: number, nth: number, weekday: number): string | null {
  const first = `${year}-${pad2(month)}-01`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (nth > 0) {
    const offset = (weekday - weekdayOf(first) + 7) % 7;
    const day = 1 + offset + (nth - 1) * 7;
    return day <= daysInMonth ? `${year}-${pad2(month)}-${pad2(day)}` : null;
  }
  const last = `${year}-${pad2(month)}-${pad2(daysInMonth)}`;
  const back = (weekdayOf(last) - weekday + 7) % 7;
  const day = daysInMonth - back + (nth + 1) * 7;
  return day >= 1 ? `${year}-${pad2(month)}-${pad2(day)}` : null;
}

/** Whether the series' first start is one of the rule's days (RFC 5545 leaves other starts undefined). */
export function startMatchesRule(rule: RecurrenceRule, startDate: string): boolean {
  const weekday = weekdayOf(startDate);
  if (rule.freq === 'WEEKLY') return rule.weekdays.length === 0 || rule.weekdays.includes(weekday);
  const [y, m] = startDate.split('-').map(Number);
  return rule.monthlyDays.some((d) => nthWeekdayOfMonth(y, m, d.nth, d.weekday) === startDate);
}

/**
 * The local dates of a series, first start included, in order, at most `limit` (the rule's COUNT, or
 * RECURRENCE_LIMITS.maxOccurrences + 1 so that callers can tell an UNTIL rule is too long).
 */
function* ruleDates(rule: RecurrenceRule, startDate: string): Generator<string> {
  if (rule.freq === 'WEEKLY') {
    const days = rule.weekdays.length > 0 ? rule.weekdays : [weekdayOf(startDate)];
    const monday = addDays(startDate, 1 - weekdayOf(startDate));
    for (let week = 0; ; week += rule.interval) {
      for (const day of days) {
        const date = addDays(monday, week * 7 + day - 1);
        if (date >= startDate) yield date;
      }
    }
  }
  const [year, month] = startDate.split('-').map(Number);
  for (let step = 0; ; step += rule.interval) {
    const y = year + Math.floor((month - 1 + step) / 12);
    const m = ((month - 1 + step) % 12) + 1;
    const dates = rule.monthlyDays
      .map((d) => nthWeekdayOfMonth(y, m, d.nth, d.weekday))
      .filter((d): d is string => d !== null && d >= startDate)
      .sort();
    for (const date of [...new Set(dates)]) yield date;
  }
}

export interface SeriesStart {
  /** Local start of the first occurrence in the meeting's zone. */
  start: LocalDateTime;
  zone: string;
}

/**
 * Every occurrence start (UTC) of a series, in order. Each keeps the first start's wall time in the
 * meeting's zone; a wall time that falls into a spring-forward gap moves forward by the gap.
 * Returns null when an UNTIL rule gives more than RECURRENCE_LIMITS.maxOccurrences.
 */
export function expandSeries(series: SeriesStart, rule: RecurrenceRule): Date[] | null {
  if (!parseLocal(series.start)) throw new RangeError('Not a local date and time');
  const out: Date[] = [];
  const max = rule.count ?? RECURRENCE_LIMITS.maxOccurrences;
  for (const date of ruleDates(rule, series.start.date)) {
    const instant = localToInstant({ date, time: series.start.time }, series.zone);
    if (rule.until && instant.getTime() > rule.until.getTime()) break;
    if (out.length === max) return rule.count !== null ? out : null;
    out.push(instant);
  }
  return out;
}

/** A change to one occurrence, keyed by the occurrence's original start. */
export interface OccurrenceException {
  originalStart: Date;
  cancelled: boolean;
  /** New start, when moved. */
  start?: Date | null;
  /** New duration, when changed. */
  durationMinutes?: number | null;
}

export interface Occurrence {
  /** The start the rule gives: the key for exceptions, RECURRENCE-ID, attendance and minutes. */
  originalStart: Date;
  start: Date;
  end: Date;
  cancelled: boolean;
  /** Moved or shortened/lengthened. */
  changed: boolean;
}

/** A meeting's occurrences (one for a single meeting) with single-occurrence changes applied, by start. */
export function occurrencesOf(
  meeting: { start: Date; zone: string; durationMinutes: number; rule: RecurrenceRule | null },
  exceptions: readonly OccurrenceException[] = [],
): Occurrence[] {
  const starts = meeting.rule
    ? (expandSeries({ start: toLocal(meeting.start, meeting.zone), zone: meeting.zone }, meeting.rule) ?? [])
    : [meeting.start];
  const byKey = new Map(exceptions.map((e) => [e.originalStart.getTime(), e]));
  return starts
    .map((originalStart) => {
      const exception = byKey.get(originalStart.getTime());
      const start = exception?.start ?? originalStart;
      const duration = exception?.durationMinutes ?? meeting.durationMinutes;
      return {
        originalStart,
        start,
        end: new Date(start.getTime() + duration * 60_000),
        cancelled: exception?.cancelled ?? false,
        changed: Boolean(exception && !exception.cancelled && (exception.start || exception.durationMinutes)),
      };
    })
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

const DAY_NAMES: Record<'en' | 'zh-CN', string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  'zh-CN': ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'],
};

function ordinal(nth: number, locale: 'en' | 'zh-CN'): string {
  if (locale === 'zh-CN') return nth === -1 ? '最后一个' : nth < 0 ? `倒数第${-nth}个` : `第${nth}个`;
  if (nth === -1) return 'last';
  const n = Math.abs(nth);
  const word = ['', '1st', '2nd', '3rd', '4th', '5th'][n];
  return nth < 0 ? `${word} to last` : word;
}

/** A rule in words: "Every 2 weeks on Tuesday, Thursday, 10 times" / "每月第2个星期二，共10次". */
export function describeRule(rule: RecurrenceRule, locale: 'en' | 'zh-CN', untilText?: string): string {
  const names = DAY_NAMES[locale];
  const zh = locale === 'zh-CN';
  let head: string;
  if (rule.freq === 'WEEKLY') {
    const days = rule.weekdays.map((d) => names[d - 1]).join(zh ? '、' : ', ');
    if (zh) head = `${rule.interval === 1 ? '每周' : `每${rule.interval}周`}${days ? `的${days}` : ''}`;
    else head = `${rule.interval === 1 ? 'Weekly' : `Every ${rule.interval} weeks`}${days ? ` on ${days}` : ''}`;
  } else {
    const days = rule.monthlyDays
      .map((d) => `${ordinal(d.nth, locale)}${zh ? '' : ' '}${names[d.weekday - 1]}`)
      .join(zh ? '、' : ', ');
    if (zh) head = `${rule.interval === 1 ? '每月' : `每${rule.interval}个月`}的${days}`;
    else head = `${rule.interval === 1 ? 'Monthly' : `Every ${rule.interval} months`} on the ${days}`;
  }
  const until = untilText ?? rule.until?.toISOString().slice(0, 10);
  if (rule.count !== null) return zh ? `${head}，共${rule.count}次` : `${head}, ${rule.count} times`;
  return zh ? `${head}，至${until}` : `${head}, until ${until}`;
}
