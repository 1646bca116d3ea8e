import type { MeetingDto, MeetingSummaryDto, OccurrenceDto, RsvpResponse } from '@roundtable/contracts';
import { can, dstShifts, type Actor, type Occurrence, type ResourceRef } from '@roundtable/domain';
import { writeCalendar } from '@roundtable/api-calendars';
import { meetingEvents } from './calendar/meeting.ics';
import type { Meeting } from './meetings.entities';
import { calendarView, occurrencesFor, type MeetingRecord } from './meeting.record';

/** Who is looking: what they may do (for `canManage`) and which invitee they are. */
export interface MeetingViewer {
  actor: Actor;
  personId: string | null;
}

/** Zones used for DST warnings when a meeting has no invitees yet: the project's two sides. */
const DEFAULT_ZONES = ['Europe/Rome', 'Asia/Shanghai'];

/** The meeting as `can()` sees it. */
export function meetingResource(meeting: Pick<Meeting, 'projectId' | 'workingGroupId'>, invited: boolean): ResourceRef {
  return {
    projectId: meeting.projectId,
    workingGroupIds: meeting.workingGroupId ? [meeting.workingGroupId] : [],
    invited,
  };
}

/** One line of a meeting list; `next` is the first occurrence not cancelled that has not ended at `now`. */
export function presentMeetingSummary(
  m: Meeting,
  workingGroupCode: string | null,
  occurrences: readonly Occurrence[],
  invited: boolean,
  myRsvp: RsvpResponse | null,
  now: Date,
): MeetingSummaryDto {
  const at = now.getTime();
  const next = m.status === 'cancelled' ? undefined : occurrences.find((o) => !o.cancelled && o.end.getTime() > at);
  return {
    id: m.id,
    projectId: m.projectId,
    workingGroupId: m.workingGroupId,
    workingGroupCode,
    type: m.type,
    title: m.title,
    start: m.startsAt.toISOString(),
    timeZone: m.timeZone,
    durationMinutes: m.durationMinutes,
    rrule: m.rrule,
    status: m.status,
    next: next ? { start: next.start.toISOString(), end: next.end.toISOString() } : null,
    invited,
    myRsvp,
  };
}

/** A meeting with its agenda, invitees, occurrences (with attendance) and the DST shifts its invitees meet. */
export function presentMeeting(record: MeetingRecord, viewer: MeetingViewer, now: Date): MeetingDto {
  const m = record.meeting;
  const mine = viewer.personId === null ? undefined : record.invitees.find((i) => i.person_id === viewer.personId);
  const invited = mine !== undefined;
  const occurrences = occurrencesFor(m, record.exceptions);
  const attendance = new Map<number, string[]>();
  for (const a of record.attendance)
    attendance.set(a.occurrenceStart.getTime(), [...(attendance.get(a.occurrenceStart.getTime()) ?? []), a.personId]);
  const zones = record.invitees.map((i) => i.time_zone);
  const activeStarts = occurrences.filter((o) => !o.cancelled).map((o) => o.start);
  return {
    ...presentMeetingSummary(m, record.workingGroupCode, occurrences, invited, mine?.rsvp ?? null, now),
    description: m.description,
    onlineUrl: m.onlineUrl,
    place: m.place,
    sequence: m.sequence,
    reminderMinutesBefore: m.reminderMinutesBefore,
    organizer: record.organizer
      ? { personId: record.organizer.personId, displayName: record.organizer.displayName }
      : null,
    agenda: record.agenda,
    invitees: record.invitees.map((i) => ({
      personId: i.person_id,
      displayName: i.display_name,
      country: i.country,
      timeZone: i.time_zone,
      rsvp: i.rsvp,
      rsvpAt: i.rsvp_at ? i.rsvp_at.toISOString() : null,
    })),
    occurrences: occurrences.map<OccurrenceDto>((o) => ({
      originalStart: o.originalStart.toISOString(),
      start: o.start.toISOString(),
      end: o.end.toISOString(),
      cancelled: o.cancelled,
      changed: o.changed,
      attendees: attendance.get(o.originalStart.getTime()) ?? [],
    })),
    dstShifts: dstShifts(activeStarts, m.timeZone, zones.length > 0 ? zones : DEFAULT_ZONES).map((s) => ({
      ...s,
      at: s.at.toISOString(),
    })),
    canManage: can(viewer.actor, 'meeting.schedule', meetingResource(m, invited)),
  };
}

/** The meeting as a downloadable calendar (the series with its exceptions). */
export function presentMeetingIcs(record: MeetingRecord): string {
  return writeCalendar({ method: 'PUBLISH', events: meetingEvents(calendarView(record)) });
}
