import { expandSeries, parseRRule, startMatchesRule } from '@roundtable/domain';
import { isLastWeekOfMonth, ruleFor } from './repeat-rule';

describe('ruleFor (the schedule form’s repeat choice)', () => {
  it('anchors weekly rules on the start’s weekday, with an interval when above 1', () => {
    expect(ruleFor('weekly', '2026-03-10', 1, 8, false)).toBe('FREQ=WEEKLY;BYDAY=TU;COUNT=8');
    expect(ruleFor('weekly', '2026-03-13', 2, 4, false)).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;COUNT=4');
  });

  it('anchors monthly rules on the weekday’s position in the month, or on the last one', () => {
    expect(ruleFor('monthly', '2026-03-10', 1, 6, false)).toBe('FREQ=MONTHLY;BYDAY=2TU;COUNT=6');
    expect(ruleFor('monthly', '2026-03-27', 1, 6, true)).toBe('FREQ=MONTHLY;BYDAY=-1FR;COUNT=6');
    expect(ruleFor('monthly', '2026-03-27', 1, 6, false)).toBe('FREQ=MONTHLY;BYDAY=4FR;COUNT=6');
  });

  it('gives no rule for a single meeting or a broken date', () => {
    expect(ruleFor('none', '2026-03-10', 1, 6, false)).toBeNull();
    expect(ruleFor('weekly', '2026-02-30', 1, 6, false)).toBeNull();
  });

  it.each(['2026-03-02', '2026-03-10', '2026-03-18', '2026-03-26', '2026-03-30', '2026-03-31'])(
    'makes a rule the server accepts and whose first occurrence is the chosen date (%s)',
    (date) => {
      for (const rrule of [
        ruleFor('weekly', date, 3, 5, false),
        ruleFor('monthly', date, 1, 5, false),
        ruleFor('monthly', date, 1, 5, isLastWeekOfMonth(date)),
      ]) {
        const parsed = parseRRule(rrule as string);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) continue;
        expect(startMatchesRule(parsed.rule, date)).toBe(true);
        expect(
          expandSeries({ start: { date, time: '10:00' }, zone: 'Europe/Rome' }, parsed.rule)?.[0]
            .toISOString()
            .slice(0, 10),
        ).toBe(date);
      }
    },
  );

  it('knows when a date is the last of its weekday in the month', () => {
    expect(isLastWeekOfMonth('2026-03-27')).toBe(true);
    expect(isLastWeekOfMonth('2026-03-24')).toBe(false);
    expect(isLastWeekOfMonth('2026-02-28')).toBe(true);
  });
});
