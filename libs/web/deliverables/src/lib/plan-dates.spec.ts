import { monthPosition, planDate } from './plan-dates';

describe('plan formatting', () => {
  it('writes due dates day-first in English and in Chinese form', () => {
    expect(planDate('2021-12-31', 'en')).toBe('31 Dec 2021');
    expect(planDate('2021-06-30', 'zh-CN')).toBe('2021年6月30日');
    // A calendar date never shifts with the reader's time zone.
    expect(planDate('2020-01-01', 'en')).toBe('1 Jan 2020');
  });

  it('places the end of Mn at n/duration of the timeline', () => {
    expect(monthPosition(18, 48)).toBe(37.5);
    expect(monthPosition(24, 48)).toBe(50);
    expect(monthPosition(30, 48)).toBe(62.5);
    expect(monthPosition(48, 48)).toBe(100);
  });
});
