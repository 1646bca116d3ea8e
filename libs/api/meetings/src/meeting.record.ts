import { publicBaseUrl } from '@roundtable/api-platform';
import type { AgendaItemDto, RsvpResponse } from '@roundtable/contracts';
import { occurrencesOf, parseRRule, type Occurrence, type RecurrenceRule } from '@roundtable/domain';
import type { MeetingForCalendar } from './calendar/meeting.ics';
import type { Meeting, MeetingAttendance, MeetingException } from './meetings.entities';

export interface InviteeRow {
  person_id: string;
  display_name: string;
  email: string;
  country: string;
  time_zone: string;
  rsvp: RsvpResponse | null;
  rsvp_at: Date | null;
}

/** Everything about one meeting that pages, mails and calendars need. */
export interface MeetingRecord {
  meeting: Meeting;
  workingGroupCode: string | null;
  agenda: AgendaItemDto[];
  invitees: InviteeRow[];
  exceptions: MeetingException[];
  attendance: MeetingAttendance[];
  organizer: { personId: string; displayName: string; email: string } | null;
}

// Re-exported for those who import it from here and from api-meetings (api-minutes); defined in api-platform.
export { publicBaseUrl };

export function ruleOf(meeting: Pick<Meeting, 'rrule'>): RecurrenceRule | null {
  if (!meeting.rrule) return null;
  const parsed = parseRRule(meeting.rrule);
  return parsed.ok ? parsed.rule : null;
}

export function occurrencesFor(meeting: Meeting, exceptions: readonly MeetingException[]): Occurrence[] {
  return occurrencesOf(
    {
      start: meeting.startsAt,
      zone: meeting.timeZone,
      durationMinutes: meeting.durationMinutes,
      rule: ruleOf(meeting),
    },
    exceptions.map((e) => ({
      originalStart: e.originalStart,
      cancelled: e.cancelled,
      start: e.startsAt,
      durationMinutes: e.durationMinutes,
    })),
  );
}

/** The meeting as the .ics writer sees it; `cancelled` forces STATUS:CANCELLED (a mail to someone taken off the list). */
export function calendarView(record: MeetingRecord, options: { cancelled?: boolean } = {}): MeetingForCalendar {
  const m = record.meeting;
  return {
    icalUid: m.icalUid,
    sequence: m.sequence,
    updatedAt: m.updatedAt,
    status: options.cancelled ? 'cancelled' : m.status,
    title: m.title,
    workingGroupCode: record.workingGroupCode,
    description: m.description,
    onlineUrl: m.onlineUrl,
    place: m.place,
    startsAt: m.startsAt,
    timeZone: m.timeZone,
    durationMinutes: m.durationMinutes,
    rrule: m.rrule,
    exceptions: record.exceptions,
    organizer: record.organizer ? { name: record.organizer.displayName, email: record.organizer.email } : null,
    invitees: record.invitees.map((i) => ({ name: i.display_name, email: i.email, rsvp: i.rsvp })),
    link: `${publicBaseUrl()}/meetings/${m.id}`,
  };
}
