import { occurrencesOf, parseRRule, type Occurrence } from './recurrence';
import { hoursUntil, meetingRemindersDue } from './reminders';

const at = (iso: string) => new Date(iso);
const occurrence = (start: string, extra: Partial<Occurrence> = {}): Occurrence => ({
  originalStart: at(start),
  start: at(start),
  end: new Date(at(start).getTime() + 3_600_000),
  cancelled: false,
  changed: false,
  ...extra,
});

describe('meetingRemindersDue', () => {
  const day = 24 * 60;

  it('is due from 24 hours before the start until the start', () => {
    const o = occurrence('2026-03-10T09:00:00Z');
    expect(meetingRemindersDue([o], at('2026-03-09T08:59:59Z'), day)).toEqual([]);
    expect(meetingRemindersDue([o], at('2026-03-09T09:00:00Z'), day)).toEqual([o]);
    expect(meetingRemindersDue([o], at('2026-03-10T08:59:00Z'), day)).toEqual([o]);
    expect(meetingRemindersDue([o], at('2026-03-10T09:00:00Z'), day)).toEqual([]);
  });

  it('never reminds of a cancelled occurrence', () => {
    expect(
      meetingRemindersDue([occurrence('2026-03-10T09:00:00Z', { cancelled: true })], at('2026-03-09T12:00:00Z'), day),
    ).toEqual([]);
  });

  it('judges a moved occurrence by its new start, not the original one', () => {
    const moved = occurrence('2026-03-10T09:00:00Z', { start: at('2026-03-12T09:00:00Z'), changed: true });
    expect(meetingRemindersDue([moved], at('2026-03-09T12:00:00Z'), day)).toEqual([]);
    expect(meetingRemindersDue([moved], at('2026-03-11T12:00:00Z'), day)).toEqual([moved]);
  });

  it('honours another offset (one hour) and a zero offset (never due)', () => {
    const o = occurrence('2026-03-10T09:00:00Z');
    expect(meetingRemindersDue([o], at('2026-03-10T07:30:00Z'), 60)).toEqual([]);
    expect(meetingRemindersDue([o], at('2026-03-10T08:00:00Z'), 60)).toEqual([o]);
    expect(meetingRemindersDue([o], at('2026-03-10T08:30:00Z'), 0)).toEqual([]);
  });

  it('picks only the next occurrence of a weekly series, across the European DST change', () => {
    const rule = parseRRule('FREQ=WEEKLY;BYDAY=TU;COUNT=4');
    if (!rule.ok) throw new Error('rule');
    // 10:00 Rome: 09:00Z before 29 March 2026, 08:00Z after.
    const occurrences = occurrencesOf({
      start: at('2026-03-17T09:00:00Z'),
      zone: 'Europe/Rome',
      durationMinutes: 60,
      rule: rule.rule,
    });
    const due = meetingRemindersDue(occurrences, at('2026-03-30T09:00:00Z'), day);
    expect(due.map((o) => o.start.toISOString())).toEqual(['2026-03-31T08:00:00.000Z']);
    expect(meetingRemindersDue(occurrences, at('2026-03-30T07:59:00Z'), day)).toEqual([]);
  });
});

describe('hoursUntil', () => {
  it('rounds to whole hours and never goes below zero', () => {
    expect(hoursUntil(at('2026-03-10T09:00:00Z'), at('2026-03-09T09:00:00Z'))).toBe(24);
    expect(hoursUntil(at('2026-03-10T09:00:00Z'), at('2026-03-09T09:40:00Z'))).toBe(23);
    expect(hoursUntil(at('2026-03-10T09:00:00Z'), at('2026-03-10T10:00:00Z'))).toBe(0);
  });
});
