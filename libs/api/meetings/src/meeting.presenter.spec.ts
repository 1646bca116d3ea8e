import ICAL from 'ical.js';
import type { Actor } from '@roundtable/domain';
import type { Meeting, MeetingAttendance, MeetingException } from './meetings.entities';
import { presentMeeting, presentMeetingIcs, presentMeetingSummary } from './meeting.presenter';
import { occurrencesFor, type InviteeRow, type MeetingRecord } from './meeting.record';

const PROJECT = '00000000-0000-4000-8000-000000000001';
const WG1 = '00000000-0000-4000-8000-0000000000a1';
const EU_COCHAIR = '00000000-0000-4000-8000-0000000000b1';
const CN_EXPERT = '00000000-0000-4000-8000-0000000000b2';

/** 10:00 Rome on the 2nd Tuesday, four times: February and March in winter time, April and May in summer time. */
const series = {
  id: '00000000-0000-4000-8000-0000000000c1',
  projectId: PROJECT,
  workingGroupId: WG1,
  type: 'wg-meeting',
  title: 'Monthly meeting',
  description: 'Paper outline',
  startsAt: new Date('2026-02-10T09:00:00Z'),
  timeZone: 'Europe/Rome',
  durationMinutes: 90,
  onlineUrl: 'https://meet.example.org/wg1',
  place: null,
  rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=4',
  status: 'scheduled',
  sequence: 3,
  icalUid: 'c1@roundtable',
  organizerPersonId: EU_COCHAIR,
  createdByUserId: null,
  seedKey: null,
  reminderMinutesBefore: 1440,
  createdAt: new Date('2026-01-05T12:00:00Z'),
  updatedAt: new Date('2026-01-06T12:00:00Z'),
} as Meeting;

function invitee(personId: string, name: string, zone: string, rsvp: InviteeRow['rsvp'] = null): InviteeRow {
  return {
    person_id: personId,
    display_name: name,
    email: `${name.toLowerCase().replace(/ /g, '-')}@example.org`,
    country: zone === 'Asia/Shanghai' ? 'CN' : 'IT',
    time_zone: zone,
    rsvp,
    rsvp_at: rsvp ? new Date('2026-01-07T08:00:00Z') : null,
  };
}

const march = new Date('2026-03-10T09:00:00Z');
const record: MeetingRecord = {
  meeting: series,
  workingGroupCode: 'WG1',
  agenda: [],
  invitees: [
    invitee(CN_EXPERT, 'WG1 China expert', 'Asia/Shanghai', 'yes'),
    invitee(EU_COCHAIR, 'WG1 EU co-chair', 'Europe/Rome'),
  ],
  // March is cancelled; April moves to 14:00 Rome on the Wednesday.
  exceptions: [
    { meetingId: series.id, originalStart: march, cancelled: true, startsAt: null, durationMinutes: null },
    {
      meetingId: series.id,
      originalStart: new Date('2026-04-14T08:00:00Z'),
      cancelled: false,
      startsAt: new Date('2026-04-15T12:00:00Z'),
      durationMinutes: 60,
    },
  ] as MeetingException[],
  attendance: [
    { meetingId: series.id, occurrenceStart: series.startsAt, personId: CN_EXPERT, recordedByUserId: null },
    { meetingId: series.id, occurrenceStart: series.startsAt, personId: EU_COCHAIR, recordedByUserId: null },
  ] as MeetingAttendance[],
  organizer: { personId: EU_COCHAIR, displayName: 'WG1 EU co-chair', email: 'wg1-eu-co-chair@example.org' },
};

const member = (role: 'co-chair' | 'expert'): Actor => ({
  platformRole: 'member',
  coordinatedProjectIds: [],
  memberships: [{ projectId: PROJECT, workingGroupId: WG1, role }],
});

describe('presentMeetingSummary', () => {
  const occurrences = occurrencesFor(series, record.exceptions);

  it('gives as next the first occurrence not cancelled that has not ended, skipping a cancelled one', () => {
    // During February's meeting it is still next; after it, March is cancelled, so April's moved time is next.
    const during = presentMeetingSummary(series, 'WG1', occurrences, true, 'yes', new Date('2026-02-10T10:00:00Z'));
    expect(during.next).toEqual({ start: '2026-02-10T09:00:00.000Z', end: '2026-02-10T10:30:00.000Z' });
    const after = presentMeetingSummary(series, 'WG1', occurrences, true, 'yes', new Date('2026-02-10T10:30:00Z'));
    expect(after.next).toEqual({ start: '2026-04-15T12:00:00.000Z', end: '2026-04-15T13:00:00.000Z' });
    expect(after).toMatchObject({ start: '2026-02-10T09:00:00.000Z', workingGroupCode: 'WG1', myRsvp: 'yes' });
  });

  it('has no next occurrence once the series is over or the meeting is cancelled', () => {
    expect(
      presentMeetingSummary(series, 'WG1', occurrences, false, null, new Date('2026-06-01T00:00:00Z')).next,
    ).toBeNull();
    const cancelled = { ...series, status: 'cancelled' } as Meeting;
    expect(
      presentMeetingSummary(cancelled, 'WG1', occurrences, false, null, new Date('2026-01-01T00:00:00Z')).next,
    ).toBeNull();
  });
});

describe('presentMeeting', () => {
  const now = new Date('2026-01-20T00:00:00Z');

  it('shows the viewer’s own invitation and answer, and lets a co-chair of the group manage it', () => {
    const asExpert = presentMeeting(record, { actor: member('expert'), personId: CN_EXPERT }, now);
    expect(asExpert).toMatchObject({ invited: true, myRsvp: 'yes', canManage: false, sequence: 3 });
    const asCoChair = presentMeeting(record, { actor: member('co-chair'), personId: EU_COCHAIR }, now);
    expect(asCoChair).toMatchObject({ invited: true, myRsvp: null, canManage: true });
    const asStranger = presentMeeting(record, { actor: member('expert'), personId: null }, now);
    expect(asStranger).toMatchObject({ invited: false, myRsvp: null });
  });

  it('lists occurrences with their changes and who attended each, keyed by the original start', () => {
    const dto = presentMeeting(record, { actor: member('expert'), personId: CN_EXPERT }, now);
    expect(dto.occurrences.map((o) => [o.originalStart, o.start, o.cancelled, o.changed, o.attendees])).toEqual([
      ['2026-02-10T09:00:00.000Z', '2026-02-10T09:00:00.000Z', false, false, [CN_EXPERT, EU_COCHAIR]],
      ['2026-03-10T09:00:00.000Z', '2026-03-10T09:00:00.000Z', true, false, []],
      ['2026-04-14T08:00:00.000Z', '2026-04-15T12:00:00.000Z', false, true, []],
      ['2026-05-12T08:00:00.000Z', '2026-05-12T08:00:00.000Z', false, false, []],
    ]);
    expect(dto.invitees[0]).toEqual({
      personId: CN_EXPERT,
      displayName: 'WG1 China expert',
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      rsvp: 'yes',
      rsvpAt: '2026-01-07T08:00:00.000Z',
    });
    expect(dto.organizer).toEqual({ personId: EU_COCHAIR, displayName: 'WG1 EU co-chair' });
  });

  it('warns when the time moves for an invitee across daylight saving (17:00 → 16:00 in Shanghai)', () => {
    const dto = presentMeeting(record, { actor: member('expert'), personId: CN_EXPERT }, now);
    expect(dto.dstShifts).toEqual([
      expect.objectContaining({ zone: 'Asia/Shanghai', localTimeBefore: '17:00', localTimeAfter: '20:00' }),
    ]);
    // With nobody invited yet, the warning is for the project's two sides.
    const alone = presentMeeting(
      { ...record, invitees: [], exceptions: [] },
      { actor: member('expert'), personId: null },
      now,
    );
    expect(alone.dstShifts).toEqual([
      expect.objectContaining({ zone: 'Asia/Shanghai', localTimeBefore: '17:00', localTimeAfter: '16:00' }),
    ]);
  });
});

describe('presentMeetingIcs', () => {
  it('writes the series with its cancelled and moved occurrences, which ical.js reads back', () => {
    const calendar = new ICAL.Component(ICAL.parse(presentMeetingIcs(record)) as unknown as unknown[]);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const [master, moved] = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(master.uid).toBe('c1@roundtable');
    expect(master.summary).toBe('WG1 · Monthly meeting');
    expect(master.sequence).toBe(3);
    expect(master.component.getFirstPropertyValue('exdate')?.toString()).toBe('2026-03-10T10:00:00');
    expect(moved.recurrenceId.toString()).toBe('2026-04-14T10:00:00');
  });
});
