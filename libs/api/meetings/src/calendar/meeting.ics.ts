import type { IcsEvent } from '@roundtable/api-calendars';

export interface MeetingForCalendar {
  icalUid: string;
  sequence: number;
  updatedAt: Date;
  status: 'scheduled' | 'cancelled';
  title: string;
  workingGroupCode: string | null;
  description: string;
  onlineUrl: string | null;
  place: string | null;
  startsAt: Date;
  timeZone: string;
  durationMinutes: number;
  rrule: string | null;
  exceptions: ReadonlyArray<{
    originalStart: Date;
    cancelled: boolean;
    startsAt: Date | null;
    durationMinutes: number | null;
  }>;
  organizer: { name: string; email: string } | null;
  invitees: ReadonlyArray<{ name: string; email: string; rsvp: 'yes' | 'no' | 'maybe' | null }>;
  link: string;
}

const PARTSTAT = { yes: 'ACCEPTED', no: 'DECLINED', maybe: 'TENTATIVE' } as const;

/**
 * A meeting as iCalendar events: the series (RRULE, EXDATE for cancelled occurrences) and one override per
 * moved occurrence (same UID, RECURRENCE-ID = the original start), all with the meeting's SEQUENCE.
 */
export function meetingEvents(meeting: MeetingForCalendar): IcsEvent[] {
  const summary = meeting.workingGroupCode ? `${meeting.workingGroupCode} · ${meeting.title}` : meeting.title;
  const description = [meeting.description, meeting.onlineUrl, meeting.link].filter(Boolean).join('\n\n');
  const common = {
    uid: meeting.icalUid,
    sequence: meeting.sequence,
    stamp: meeting.updatedAt,
    summary,
    description,
    location: [meeting.place, meeting.onlineUrl].filter(Boolean).join(' · ') || null,
    url: meeting.link,
    status: meeting.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
    organizer: meeting.organizer,
    attendees: meeting.invitees.map((i) => ({
      name: i.name,
      email: i.email,
      partstat: i.rsvp ? PARTSTAT[i.rsvp] : ('NEEDS-ACTION' as const),
    })),
  };
  const master: IcsEvent = {
    ...common,
    when: { kind: 'timed', start: meeting.startsAt, zone: meeting.timeZone, durationMinutes: meeting.durationMinutes },
    rrule: meeting.rrule,
    exdates: meeting.rrule ? meeting.exceptions.filter((e) => e.cancelled).map((e) => e.originalStart) : [],
  };
  if (!meeting.rrule) return [master];
  const overrides = meeting.exceptions
    .filter((e) => !e.cancelled && (e.startsAt || e.durationMinutes))
    .map<IcsEvent>((e) => ({
      ...common,
      recurrenceId: e.originalStart,
      when: {
        kind: 'timed',
        start: e.startsAt ?? e.originalStart,
        zone: meeting.timeZone,
        durationMinutes: e.durationMinutes ?? meeting.durationMinutes,
      },
    }));
  return [master, ...overrides];
}
