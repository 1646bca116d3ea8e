import { HolidaysService } from './holidays.service';

describe('HolidaysService (date-holidays)', () => {
  const holidays = new HolidaysService();

  it('knows the Spring Festival and Golden Week in China', () => {
    expect(holidays.isHoliday('CN', '2026-02-17')).toBe(true);
    expect(holidays.isHoliday('CN', '2026-10-01')).toBe(true);
    expect(holidays.isHoliday('CN', '2026-10-02')).toBe(true);
    expect(holidays.isHoliday('CN', '2026-03-10')).toBe(false);
  });

  it('blocks the whole golden weeks, not only the statutory days date-holidays lists', () => {
    for (const date of ['2026-10-04', '2026-10-07', '2026-02-15', '2026-02-22'])
      expect(holidays.isHoliday('CN', date)).toBe(true);
    expect(holidays.isHoliday('CN', '2026-10-08')).toBe(false);
    expect(holidays.isHoliday('CN', '2026-02-24')).toBe(false);
    expect(holidays.isHoliday('IT', '2026-10-05')).toBe(false);
  });

  it('knows Italian national holidays and ignores half-days for some groups', () => {
    expect(holidays.isHoliday('IT', '2026-04-25')).toBe(true);
    expect(holidays.isHoliday('IT', '2026-06-02')).toBe(true);
    expect(holidays.isHoliday('CN', '2026-03-08')).toBe(false);
  });

  it('lists holidays in a window for several countries and copes with unknown countries', () => {
    const list = holidays.between(['CN', 'IT', 'ZZ'], '2026-04-01', '2026-05-05');
    expect(list.map((h) => `${h.country} ${h.date}`)).toEqual(
      expect.arrayContaining(['IT 2026-04-06', 'IT 2026-04-25', 'CN 2026-04-05', 'CN 2026-05-01', 'IT 2026-05-01']),
    );
    expect(list.every((h) => h.country !== 'ZZ')).toBe(true);
  });
});
