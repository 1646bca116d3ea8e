import ICAL from 'ical.js';
import {
  describeRule,
  expandSeries,
  formatRRule,
  nthWeekdayOfMonth,
  occurrencesOf,
  parseRRule,
  RECURRENCE_LIMITS,
  startMatchesRule,
  type RecurrenceRule,
} from './recurrence';
import { toLocal } from './time-zones';

const ROME = 'Europe/Rome';

/** A hand-written Europe/Rome VTIMEZONE (the EU rule since 1996), so the oracle does not rely on our own. */
const ROME_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Rome',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

function rule(text: string): RecurrenceRule {
  const parsed = parseRRule(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.rule;
}

/** ical.js' own RRULE iterator, with DTSTART in Europe/Rome, as UTC instants. */
function icalOccurrences(rrule: string, localStart: string): Date[] {
  const component = new ICAL.Component(
    ICAL.parse(`BEGIN:VCALENDAR\r\n${ROME_VTIMEZONE}\r\nEND:VCALENDAR`) as unknown as unknown[],
  );
  const zone = new ICAL.Timezone(component.getFirstSubcomponent('vtimezone') as ICAL.Component);
  const start = ICAL.Time.fromDateTimeString(localStart);
  start.zone = zone;
  const iterator = ICAL.Recur.fromString(rrule).iterator(start);
  const out: Date[] = [];
  for (let next = iterator.next(); next && out.length < 1000; next = iterator.next()) out.push(next.toJSDate());
  return out;
}

describe('parseRRule', () => {
  it('reads weekly, every-N-weeks and monthly nth-weekday rules', () => {
    expect(rule('FREQ=WEEKLY;COUNT=4')).toEqual({
      freq: 'WEEKLY',
      interval: 1,
      weekdays: [],
      monthlyDays: [],
      count: 4,
      until: null,
    });
    expect(rule('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH,TU;UNTIL=20261231T235959Z')).toMatchObject({
      interval: 2,
      weekdays: [2, 4],
      until: new Date('2026-12-31T23:59:59Z'),
    });
    expect(rule('freq=monthly;byday=2TU;count=12').monthlyDays).toEqual([{ nth: 2, weekday: 2 }]);
    expect(rule('FREQ=MONTHLY;BYDAY=-1FR;COUNT=3').monthlyDays).toEqual([{ nth: -1, weekday: 5 }]);
  });

  it('writes a rule back in canonical form', () => {
    expect(formatRRule(rule('BYDAY=TH,TU;FREQ=WEEKLY;INTERVAL=2;COUNT=6'))).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=6',
    );
    expect(formatRRule(rule('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270101T000000Z'))).toBe(
      'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270101T000000Z',
    );
  });

  it.each([
    ['', 'rrule is empty'],
    ['FREQ=DAILY;COUNT=3', 'FREQ=DAILY is not supported'],
    ['INTERVAL=2;COUNT=3', 'FREQ is missing'],
    ['FREQ=WEEKLY', 'a series needs an end'],
    ['FREQ=WEEKLY;COUNT=3;UNTIL=20261231T000000Z', 'COUNT or UNTIL, not both'],
    ['FREQ=WEEKLY;COUNT=0', 'COUNT must be a whole number'],
    [`FREQ=WEEKLY;COUNT=${RECURRENCE_LIMITS.maxOccurrences + 1}`, 'COUNT must be a whole number'],
    ['FREQ=WEEKLY;INTERVAL=0;COUNT=3', 'INTERVAL must be a whole number'],
    ['FREQ=WEEKLY;INTERVAL=x;COUNT=3', 'INTERVAL must be a whole number'],
    ['FREQ=WEEKLY;BYDAY=XX;COUNT=3', 'BYDAY "XX" is not a weekday'],
    ['FREQ=WEEKLY;BYDAY=2TU;COUNT=3', 'weekly BYDAY "2TU" takes no position'],
    ['FREQ=MONTHLY;BYDAY=TU;COUNT=3', 'monthly BYDAY "TU" needs a position'],
    ['FREQ=MONTHLY;BYDAY=6TU;COUNT=3', 'monthly BYDAY "6TU" needs a position'],
    ['FREQ=MONTHLY;COUNT=3', 'FREQ=MONTHLY needs BYDAY'],
    ['FREQ=WEEKLY;UNTIL=2026-12-31;COUNT=3', 'UNTIL must be a UTC date-time'],
    ['FREQ=WEEKLY;UNTIL=20261231', 'UNTIL must be a UTC date-time'],
    ['FREQ=WEEKLY;BYMONTH=3;COUNT=3', 'BYMONTH is not supported'],
    ['FREQ=WEEKLY;COUNT=3;COUNT=4', 'COUNT is given twice'],
    ['FREQ=WEEKLY;garbage', '"garbage" is not NAME=VALUE'],
    ['FREQ=WEEKLY;WKST=SU;COUNT=3', 'only WKST=MO'],
  ])('refuses %p, saying what is wrong', (text, message) => {
    const parsed = parseRRule(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.map((e) => e.message).join(' | ')).toContain(message);
      expect(parsed.errors.every((e) => e.field === 'rrule')).toBe(true);
    }
  });
});

describe('nth weekday of a month', () => {
  it('finds the second Tuesday, the last Friday and the fifth Monday', () => {
    expect(nthWeekdayOfMonth(2026, 3, 2, 2)).toBe('2026-03-10');
    expect(nthWeekdayOfMonth(2026, 1, -1, 5)).toBe('2026-01-30');
    expect(nthWeekdayOfMonth(2026, 3, 5, 1)).toBe('2026-03-30');
    expect(nthWeekdayOfMonth(2026, 2, 5, 1)).toBeNull();
    expect(nthWeekdayOfMonth(2021, 2, -5, 1)).toBeNull();
  });

  it('tells whether a start falls on the rule', () => {
    expect(startMatchesRule(rule('FREQ=MONTHLY;BYDAY=2TU;COUNT=3'), '2026-03-10')).toBe(true);
    expect(startMatchesRule(rule('FREQ=MONTHLY;BYDAY=2TU;COUNT=3'), '2026-03-17')).toBe(false);
    expect(startMatchesRule(rule('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=3'), '2026-03-11')).toBe(true);
    expect(startMatchesRule(rule('FREQ=WEEKLY;COUNT=3'), '2026-03-12')).toBe(true);
  });
});

describe('expandSeries keeps the wall time in the meeting’s zone', () => {
  it('keeps a monthly 2nd-Tuesday 10:00 Rome meeting at 10:00 Rome across both changes (UTC moves)', () => {
    const starts = expandSeries(
      { start: { date: '2026-02-10', time: '10:00' }, zone: ROME },
      rule('FREQ=MONTHLY;BYDAY=2TU;COUNT=10'),
    );
    expect(starts?.map((s) => toLocal(s, ROME))).toEqual(
      ['02-10', '03-10', '04-14', '05-12', '06-09', '07-14', '08-11', '09-08', '10-13', '11-10'].map((d) => ({
        date: `2026-${d}`,
        time: '10:00',
      })),
    );
    expect(starts?.[1].toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(starts?.[2].toISOString()).toBe('2026-04-14T08:00:00.000Z');
    expect(starts?.[9].toISOString()).toBe('2026-11-10T09:00:00.000Z');
  });

  it('moves an occurrence that falls into the spring-forward gap by the gap (02:30 → 03:30)', () => {
    const starts = expandSeries(
      { start: { date: '2026-03-22', time: '02:30' }, zone: ROME },
      rule('FREQ=WEEKLY;COUNT=3'),
    );
    expect(starts?.map((s) => s.toISOString())).toEqual([
      '2026-03-22T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-04-05T00:30:00.000Z',
    ]);
    expect(toLocal(starts![1], ROME).time).toBe('03:30');
  });

  it('takes the first of a repeated wall time on the autumn change (02:30 CEST)', () => {
    const starts = expandSeries(
      { start: { date: '2026-10-18', time: '02:30' }, zone: ROME },
      rule('FREQ=WEEKLY;COUNT=3'),
    );
    expect(starts?.map((s) => s.toISOString())).toEqual([
      '2026-10-18T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-11-01T01:30:00.000Z',
    ]);
  });

  it('expands every other week on two days, starting mid-week', () => {
    const starts = expandSeries(
      { start: { date: '2026-03-11', time: '09:00' }, zone: ROME },
      rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=5'),
    );
    expect(starts?.map((s) => toLocal(s, ROME).date)).toEqual([
      '2026-03-11',
      '2026-03-23',
      '2026-03-25',
      '2026-04-06',
      '2026-04-08',
    ]);
  });

  it('stops at UNTIL (inclusive) and refuses an UNTIL series that is too long', () => {
    const starts = expandSeries(
      { start: { date: '2026-01-06', time: '10:00' }, zone: ROME },
      rule('FREQ=WEEKLY;UNTIL=20260120T090000Z'),
    );
    expect(starts?.map((s) => toLocal(s, ROME).date)).toEqual(['2026-01-06', '2026-01-13', '2026-01-20']);
    expect(
      expandSeries(
        { start: { date: '2026-01-06', time: '10:00' }, zone: ROME },
        rule('FREQ=WEEKLY;UNTIL=20991231T000000Z'),
      ),
    ).toBeNull();
  });

  it('skips months without a fifth weekday', () => {
    const starts = expandSeries(
      { start: { date: '2026-03-30', time: '10:00' }, zone: ROME },
      rule('FREQ=MONTHLY;BYDAY=5MO;COUNT=3'),
    );
    expect(starts?.map((s) => toLocal(s, ROME).date)).toEqual(['2026-03-30', '2026-06-29', '2026-08-31']);
  });

  it.each([
    ['FREQ=MONTHLY;BYDAY=2TU;COUNT=14', '2026-02-10T10:00:00'],
    ['FREQ=MONTHLY;BYDAY=-1FR;COUNT=14', '2026-01-30T16:30:00'],
    ['FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO;COUNT=8', '2026-01-05T08:00:00'],
    ['FREQ=WEEKLY;COUNT=60', '2026-01-05T11:00:00'],
    ['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=40', '2026-03-03T09:30:00'],
    ['FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR;UNTIL=20271231T235959Z', '2026-02-02T15:00:00'],
    ['FREQ=MONTHLY;BYDAY=-1SU;COUNT=12', '2026-01-25T10:00:00'],
  ])('agrees with ical.js’ RRULE iterator on %s from %s (Europe/Rome, across DST)', (rrule, localStart) => {
    const [date, time] = localStart.split('T');
    const ours = expandSeries({ start: { date, time: time.slice(0, 5) }, zone: ROME }, rule(rrule));
    expect(ours?.map((d) => d.toISOString())).toEqual(icalOccurrences(rrule, localStart).map((d) => d.toISOString()));
  });
});

describe('occurrencesOf with single-occurrence changes', () => {
  const meeting = {
    start: new Date('2026-02-10T09:00:00Z'),
    zone: ROME,
    durationMinutes: 90,
    rule: rule('FREQ=MONTHLY;BYDAY=2TU;COUNT=4'),
  };

  it('gives a single meeting one occurrence', () => {
    expect(occurrencesOf({ ...meeting, rule: null })).toEqual([
      {
        originalStart: meeting.start,
        start: meeting.start,
        end: new Date('2026-02-10T10:30:00Z'),
        cancelled: false,
        changed: false,
      },
    ]);
  });

  it('cancels one occurrence and moves another, keyed by the original start, keeping order by the new start', () => {
    const list = occurrencesOf(meeting, [
      { originalStart: new Date('2026-03-10T09:00:00Z'), cancelled: true },
      {
        originalStart: new Date('2026-04-14T08:00:00Z'),
        cancelled: false,
        start: new Date('2026-05-20T08:00:00Z'),
        durationMinutes: 60,
      },
    ]);
    expect(list.map((o) => [o.originalStart.toISOString(), o.start.toISOString(), o.cancelled, o.changed])).toEqual([
      ['2026-02-10T09:00:00.000Z', '2026-02-10T09:00:00.000Z', false, false],
      ['2026-03-10T09:00:00.000Z', '2026-03-10T09:00:00.000Z', true, false],
      ['2026-05-12T08:00:00.000Z', '2026-05-12T08:00:00.000Z', false, false],
      ['2026-04-14T08:00:00.000Z', '2026-05-20T08:00:00.000Z', false, true],
    ]);
    expect(list[3].end.toISOString()).toBe('2026-05-20T09:00:00.000Z');
  });

  it('ignores an exception whose original start is not an occurrence', () => {
    const list = occurrencesOf(meeting, [{ originalStart: new Date('2026-03-11T09:00:00Z'), cancelled: true }]);
    expect(list.filter((o) => o.cancelled)).toEqual([]);
  });
});

describe('describeRule', () => {
  it('puts rules into English and Chinese words', () => {
    expect(describeRule(rule('FREQ=MONTHLY;BYDAY=2TU;COUNT=10'), 'en')).toBe('Monthly on the 2nd Tuesday, 10 times');
    expect(describeRule(rule('FREQ=MONTHLY;BYDAY=2TU;COUNT=10'), 'zh-CN')).toBe('每月的第2个星期二，共10次');
    expect(describeRule(rule('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T230000Z'), 'en')).toBe(
      'Monthly on the last Friday, until 2026-12-31',
    );
    expect(describeRule(rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=6'), 'en')).toBe(
      'Every 2 weeks on Tuesday, Thursday, 6 times',
    );
    expect(describeRule(rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=6'), 'zh-CN')).toBe(
      '每2周的星期二、星期四，共6次',
    );
    expect(describeRule(rule('FREQ=WEEKLY;COUNT=3'), 'en')).toBe('Weekly, 3 times');
  });
});
