import { dstShifts } from './dst-warning';
import { expandSeries, parseRRule } from './recurrence';

const ROME = 'Europe/Rome';
const SHANGHAI = 'Asia/Shanghai';

function monthly(date: string, time: string, zone: string, count: number): Date[] {
  const parsed = parseRRule(`FREQ=MONTHLY;BYDAY=2TU;COUNT=${count}`);
  if (!parsed.ok) throw new Error('bad rule');
  return expandSeries({ start: { date, time }, zone }, parsed.rule) ?? [];
}

describe('dstShifts', () => {
  it('warns that a Rome meeting moves from 17:00 to 16:00 in Shanghai after the last Sunday of March (gap 7 → 6 h)', () => {
    const shifts = dstShifts(monthly('2026-02-10', '10:00', ROME, 3), ROME, [SHANGHAI]);
    expect(shifts).toEqual([
      {
        at: new Date('2026-04-14T08:00:00Z'),
        zone: SHANGHAI,
        hoursBefore: 7,
        hoursAfter: 6,
        localTimeBefore: '17:00',
        localTimeAfter: '16:00',
      },
    ]);
  });

  it('warns both ways for a series across a whole year', () => {
    const shifts = dstShifts(monthly('2026-01-13', '10:00', ROME, 12), ROME, [SHANGHAI, ROME]);
    expect(shifts.map((s) => [s.at.toISOString().slice(0, 10), s.hoursBefore, s.hoursAfter])).toEqual([
      ['2026-04-14', 7, 6],
      ['2026-11-10', 6, 7],
    ]);
  });

  it('warns Rome invitees when the meeting is held in Shanghai time (Rome moves 10:00 → 11:00)', () => {
    const shifts = dstShifts(monthly('2026-03-10', '17:00', SHANGHAI, 2), SHANGHAI, [ROME]);
    expect(shifts).toEqual([
      {
        at: new Date('2026-04-14T09:00:00Z'),
        zone: ROME,
        hoursBefore: -7,
        hoursAfter: -6,
        localTimeBefore: '10:00',
        localTimeAfter: '11:00',
      },
    ]);
  });

  it('says nothing for a series inside one season or between zones that change together', () => {
    expect(dstShifts(monthly('2026-05-12', '10:00', ROME, 4), ROME, [SHANGHAI])).toEqual([]);
    expect(dstShifts(monthly('2026-01-13', '10:00', ROME, 12), ROME, ['Europe/Berlin', ROME])).toEqual([]);
  });

  it('catches a change between two occurrences a week apart around 25 October', () => {
    const parsed = parseRRule('FREQ=WEEKLY;COUNT=2');
    if (!parsed.ok) throw new Error('bad rule');
    const starts = expandSeries({ start: { date: '2026-10-20', time: '09:00' }, zone: ROME }, parsed.rule) ?? [];
    expect(dstShifts(starts, ROME, [SHANGHAI]).map((s) => [s.localTimeBefore, s.localTimeAfter])).toEqual([
      ['15:00', '16:00'],
    ]);
  });
});
