import { offsetMinutes, toLocal } from '@roundtable/domain';

/**
 * A small iCalendar (RFC 5545) writer: only what our feeds and invitations need. Times are written in the
 * event's zone with TZID and a VTIMEZONE built from the runtime's zone data (Intl), so recurring events keep
 * their wall time across daylight-saving changes in every client; UTC events are written with "Z".
 */
export interface IcsPerson {
  name: string;
  email: string;
}

export interface IcsAttendee extends IcsPerson {
  partstat?: 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
}

export type IcsWhen =
  | { kind: 'timed'; start: Date; zone: string; durationMinutes: number }
  /** A whole local day (deliverable deadlines, holidays): DTSTART;VALUE=DATE. */
  | { kind: 'all-day'; date: string };

export interface IcsEvent {
  /** Stable across every change of the event. */
  uid: string;
  /** Increases on every change (RFC 5546), so clients replace their copy. */
  sequence: number;
  /** When this version was last changed (DTSTAMP / LAST-MODIFIED). */
  stamp: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  when: IcsWhen;
  rrule?: string | null;
  /** Original starts of cancelled occurrences. */
  exdates?: readonly Date[];
  /** For an override of one occurrence: the original start it replaces. */
  recurrenceId?: Date;
  organizer?: IcsPerson | null;
  attendees?: readonly IcsAttendee[];
}

export interface IcsCalendar {
  /** REQUEST for invitations and updates, CANCEL for cancellations, PUBLISH (or none) for downloads and feeds. */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  name?: string;
  events: readonly IcsEvent[];
}

const PRODID = '-//Roundtable//Meetings//EN';

export function writeCalendar(calendar: IcsCalendar): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, 'CALSCALE:GREGORIAN'];
  if (calendar.method) lines.push(`METHOD:${calendar.method}`);
  if (calendar.name) lines.push(`X-WR-CALNAME:${escapeText(calendar.name)}`);
  for (const [zone, years] of zonesUsed(calendar.events)) lines.push(...vtimezone(zone, years.from, years.to));
  for (const event of calendar.events) lines.push(...vevent(event));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function vevent(event: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.stamp)}`,
    `LAST-MODIFIED:${utc(event.stamp)}`,
  ];
  if (event.when.kind === 'timed') {
    const { start, zone, durationMinutes } = event.when;
    if (event.recurrenceId) lines.push(`RECURRENCE-ID${dateTime(event.recurrenceId, zone)}`);
    lines.push(
      `DTSTART${dateTime(start, zone)}`,
      `DTEND${dateTime(new Date(start.getTime() + durationMinutes * 60_000), zone)}`,
    );
    if (event.rrule) lines.push(`RRULE:${event.rrule}`);
    for (const exdate of event.exdates ?? []) lines.push(`EXDATE${dateTime(exdate, zone)}`);
  } else {
    const day = event.when.date.replace(/-/g, '');
    const next = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)) + 1))
      .toISOString()
      .slice(0, 10)
      .replace(/-/g, '');
    lines.push(`DTSTART;VALUE=DATE:${day}`, `DTEND;VALUE=DATE:${next}`, 'TRANSP:TRANSPARENT');
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url) lines.push(`URL:${event.url.replace(/[\u0000-\u0020\u007f]/g, '')}`);
  lines.push(`STATUS:${event.status ?? 'CONFIRMED'}`);
  if (event.organizer) lines.push(`ORGANIZER;CN=${paramValue(event.organizer.name)}:${mailto(event.organizer.email)}`);
  for (const a of event.attendees ?? []) {
    lines.push(
      `ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=${a.partstat ?? 'NEEDS-ACTION'};RSVP=TRUE:${mailto(a.email)}`,
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

/** ";TZID=Europe/Rome:20260310T100000", or ":20260310T090000Z" for UTC. */
function dateTime(instant: Date, zone: string): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return `:${utc(instant)}`;
  const local = toLocal(instant, zone);
  const seconds = '00';
  return `;TZID=${zone}:${local.date.replace(/-/g, '')}T${local.time.replace(':', '')}${seconds}`;
}

export function utc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT escaping (RFC 5545 §3.3.11); other control characters are not allowed in TEXT and are dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** A CAL-ADDRESS: no controls or spaces, so an address cannot end the line and start another property. */
function mailto(email: string): string {
  return `mailto:${email.replace(/[\u0000-\u0020\u007f]/g, '')}`;
}

/** A parameter value: quoted, without the characters a quoted value may not hold (RFC 5545 §3.1). */
function paramValue(value: string): string {
  return `"${value.replace(/["\r\n]/g, '').replace(/[\u0000-\u001f]/g, '')}"`;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74; // continuation lines start with a space
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

// --- VTIMEZONE from Intl ---

function zonesUsed(events: readonly IcsEvent[]): Map<string, { from: number; to: number }> {
  const zones = new Map<string, { from: number; to: number }>();
  for (const event of events) {
    if (event.when.kind !== 'timed' || event.when.zone === 'UTC' || event.when.zone === 'Etc/UTC') continue;
    const instants = [event.when.start, ...(event.exdates ?? []), ...(event.recurrenceId ? [event.recurrenceId] : [])];
    let to = Math.max(...instants.map((d) => d.getUTCFullYear()));
    // A series runs on after its first start: cover the span of its RRULE's end, or five years.
    if (event.rrule) to = Math.max(to, untilYear(event.rrule) ?? event.when.start.getUTCFullYear() + 5);
    const from = Math.min(...instants.map((d) => d.getUTCFullYear()));
    const known = zones.get(event.when.zone);
    zones.set(event.when.zone, { from: Math.min(from, known?.from ?? from), to: Math.max(to, known?.to ?? to) });
  }
  return zones;
}

function untilYear(rrule: string): number | null {
  const match = /UNTIL=(\d{4})/.exec(rrule);
  return match ? Number(match[1]) : null;
}

interface Transition {
  at: Date;
  from: number;
  to: number;
}

/** Every offset change of `zone` in the given years, found by scanning days and bisecting to the minute. */
export function transitions(zone: string, fromYear: number, toYear: number): Transition[] {
  const out: Transition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  const step = 6 * 3_600_000;
  let t = Date.UTC(fromYear, 0, 1);
  let previous = offsetMinutes(new Date(t), zone);
  for (; t < end; t += step) {
    const next = offsetMinutes(new Date(t + step), zone);
    if (next === previous) continue;
    let lo = t;
    let hi = t + step;
    while (hi - lo > 60_000) {
      const mid = Math.floor((lo + hi) / 2 / 60_000) * 60_000;
      if (offsetMinutes(new Date(mid), zone) === previous) lo = mid;
      else hi = mid;
    }
    out.push({ at: new Date(hi), from: previous, to: next });
    previous = next;
  }
  return out;
}

function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  const list = transitions(zone, fromYear, toYear);
  const initial = offsetMinutes(new Date(Date.UTC(fromYear, 0, 1)), zone);
  const standard = Math.min(initial, ...list.map((t) => t.to));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const block = (kind: string, start: string, from: number, to: number) =>
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${start}`,
      `TZOFFSETFROM:${offset(from)}`,
      `TZOFFSETTO:${offset(to)}`,
      `END:${kind}`,
    );
  block(initial > standard ? 'DAYLIGHT' : 'STANDARD', `${fromYear}0101T000000`, initial, initial);
  for (const t of list) {
    // DTSTART is the local time of the change read in the offset before it (RFC 5545 §3.6.5).
    const local = new Date(t.at.getTime() + t.from * 60_000).toISOString();
    block(t.to > standard ? 'DAYLIGHT' : 'STANDARD', local.slice(0, 19).replace(/[-:]/g, ''), t.from, t.to);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function offset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
