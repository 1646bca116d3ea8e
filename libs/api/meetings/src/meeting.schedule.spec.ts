import type { FieldError } from '@roundtable/contracts';
import type { ApiException } from '@roundtable/api-platform';
import type { Meeting } from './meetings.entities';
import type { MeetingRecord } from './meeting.record';
import { localStart, occurrenceOf, resolveSchedule } from './meeting.schedule';

/** The fields of the 400 a call throws. */
function fieldsOf(call: () => unknown): FieldError[] {
  try {
    call();
  } catch (error) {
    return (error as ApiException).extra.fields ?? [];
  }
  throw new Error('expected a 400');
}

describe('resolveSchedule', () => {
  it('turns local wall time in the zone into an instant, and an end into a duration', () => {
    const s = resolveSchedule('2026-03-10T10:00', '2026-03-10T11:30', 'Europe/Rome', undefined, null);
    expect(s).toEqual({ startsAt: new Date('2026-03-10T09:00:00Z'), durationMinutes: 90, rrule: null, rule: null });
  });

  it('keeps a monthly rule whose first start falls on one of its days', () => {
    const s = resolveSchedule('2026-03-10T10:00', undefined, 'Europe/Rome', 60, 'FREQ=MONTHLY;BYDAY=2TU;COUNT=3');
    expect(s.rrule).toBe('FREQ=MONTHLY;BYDAY=2TU;COUNT=3');
    expect(s.rule).not.toBeNull();
  });

  it('names the field at fault', () => {
    expect(
      fieldsOf(() => resolveSchedule('2026-03-10T10:00', '2026-03-10T09:00', 'Europe/Rome', undefined, null)),
    ).toEqual([{ field: 'end', code: 'endBeforeStart', message: 'end must be after start' }]);
    expect(
      fieldsOf(() => resolveSchedule('2026-03-10T10:00', undefined, 'Europe/Rome', undefined, null))[0].field,
    ).toBe('durationMinutes');
    // 11 March 2026 is a Wednesday, not the 2nd Tuesday.
    expect(
      fieldsOf(() =>
        resolveSchedule('2026-03-11T10:00', undefined, 'Europe/Rome', 60, 'FREQ=MONTHLY;BYDAY=2TU;COUNT=3'),
      )[0].field,
    ).toBe('start');
  });
});

describe('localStart', () => {
  it('refuses a time the clocks skip, naming the same moment after the change', () => {
    const [error] = fieldsOf(() => localStart('2026-03-29T02:30', 'Europe/Rome', 'start'));
    expect(error.field).toBe('start');
    expect(error.message).toContain('does not exist in Europe/Rome');
    expect(error.message).toContain('03:30');
  });
});

describe('occurrenceOf', () => {
  const record = {
    meeting: {
      startsAt: new Date('2026-03-10T09:00:00Z'),
      timeZone: 'Europe/Rome',
      rrule: 'FREQ=MONTHLY;BYDAY=2TU;COUNT=3',
    } as Meeting,
  } as MeetingRecord;

  it('accepts an original start of the series (summer time moves it to 08:00 UTC)', () => {
    expect(occurrenceOf(record, '2026-04-14T08:00:00.000Z', 'originalStart')).toEqual(new Date('2026-04-14T08:00:00Z'));
  });

  it('refuses a start the series does not have, and text that is not an instant', () => {
    expect(fieldsOf(() => occurrenceOf(record, '2026-04-14T09:00:00.000Z', 'originalStart'))[0].message).toContain(
      'no occurrence starting at 2026-04-14T09:00:00.000Z',
    );
    expect(fieldsOf(() => occurrenceOf(record, 'tomorrow', 'occurrenceStart'))).toEqual([
      { field: 'occurrenceStart', code: 'isIso8601', message: 'occurrenceStart must be an ISO 8601 instant' },
    ]);
  });
});
