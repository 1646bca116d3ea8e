import {
  ProjectMonthError,
  parseProjectMonth,
  projectMonthEnd,
  projectMonthOf,
  projectMonthStart,
} from './project-months';

/** Every calendar day from `from` to `to` inclusive, as YYYY-MM-DD (UTC arithmetic, no time zones). */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const months48 = Array.from({ length: 48 }, (_, i) => i + 1);

describe('projectMonthStart / projectMonthEnd', () => {
  test('M1 starts on the start date', () => {
    expect(projectMonthStart('2020-01-01', 48, 1)).toBe('2020-01-01');
    expect(projectMonthStart('2021-03-15', 36, 1)).toBe('2021-03-15');
    expect(projectMonthStart('2020-01-31', 48, 1)).toBe('2020-01-31');
    expect(projectMonthStart('2020-02-29', 48, 1)).toBe('2020-02-29');
  });

  test.each([
    [1, '2020-01-01', '2020-01-31'],
    [2, '2020-02-01', '2020-02-29'], // leap year
    [12, '2020-12-01', '2020-12-31'],
    [14, '2021-02-01', '2021-02-28'], // not a leap year
    [18, '2021-06-01', '2021-06-30'],
    [24, '2021-12-01', '2021-12-31'],
    [30, '2022-06-01', '2022-06-30'],
    [36, '2022-12-01', '2022-12-31'],
    [48, '2023-12-01', '2023-12-31'],
  ])('project starting 2020-01-01: M%i = %s..%s', (month, start, end) => {
    expect(projectMonthStart('2020-01-01', 48, month)).toBe(start);
    expect(projectMonthEnd('2020-01-01', 48, month)).toBe(end);
  });

  test.each([
    // Start on the 31st of a leap-year January: addMonths clamps the day to the target month's length,
    // and every month is computed from the original start date (the clamp does not accumulate).
    [1, '2020-01-31', '2020-02-28'],
    [2, '2020-02-29', '2020-03-30'],
    [3, '2020-03-31', '2020-04-29'],
    [4, '2020-04-30', '2020-05-30'],
    [5, '2020-05-31', '2020-06-29'],
    [12, '2020-12-31', '2021-01-30'],
    [13, '2021-01-31', '2021-02-27'],
    [14, '2021-02-28', '2021-03-30'], // non-leap February clamps to the 28th
    [37, '2023-01-31', '2023-02-27'],
    [38, '2023-02-28', '2023-03-30'],
    [48, '2023-12-31', '2024-01-30'],
  ])('project starting 2020-01-31: M%i = %s..%s', (month, start, end) => {
    expect(projectMonthStart('2020-01-31', 48, month)).toBe(start);
    expect(projectMonthEnd('2020-01-31', 48, month)).toBe(end);
  });

  test.each([
    // A start on 29 Feb of a leap year: later Februaries clamp to the 28th, later leap Februaries do not.
    [1, '2020-02-29', '2020-03-28'],
    [12, '2021-01-29', '2021-02-27'],
    [13, '2021-02-28', '2021-03-28'],
    [48, '2024-01-29', '2024-02-28'],
  ])('project starting 2020-02-29: M%i = %s..%s', (month, start, end) => {
    expect(projectMonthStart('2020-02-29', 48, month)).toBe(start);
    expect(projectMonthEnd('2020-02-29', 48, month)).toBe(end);
  });

  test.each([
    [1, '2021-03-15', '2021-04-14'],
    [2, '2021-04-15', '2021-05-14'],
    [10, '2021-12-15', '2022-01-14'], // crosses a year boundary
    [12, '2022-02-15', '2022-03-14'],
    [36, '2024-02-15', '2024-03-14'],
  ])('project starting mid-month 2021-03-15: M%i = %s..%s', (month, start, end) => {
    expect(projectMonthStart('2021-03-15', 36, month)).toBe(start);
    expect(projectMonthEnd('2021-03-15', 36, month)).toBe(end);
  });

  test.each(['2020-01-01', '2020-01-31', '2020-02-29', '2021-03-15', '2019-08-31', '2023-11-30'])(
    'months of a project starting %s are contiguous and non-empty',
    (startDate) => {
      for (const month of months48) {
        const start = projectMonthStart(startDate, 48, month);
        const end = projectMonthEnd(startDate, 48, month);
        expect(start <= end).toBe(true);
        if (month < 48) expect(projectMonthStart(startDate, 48, month + 1)).toBe(nextDay(end));
      }
    },
  );

  test.each([0, -1, 49, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'month %p of a 48-month project is refused',
    (month) => {
      expect(() => projectMonthStart('2020-01-01', 48, month)).toThrow(ProjectMonthError);
      expect(() => projectMonthEnd('2020-01-01', 48, month)).toThrow(ProjectMonthError);
    },
  );

  test('the last month of a shorter project is its duration', () => {
    expect(projectMonthEnd('2020-01-01', 24, 24)).toBe('2021-12-31');
    expect(() => projectMonthEnd('2020-01-01', 24, 25)).toThrow(ProjectMonthError);
  });

  test('the error names the month and the valid range', () => {
    expect(() => projectMonthEnd('2020-01-01', 48, 49)).toThrow('M49 is outside the project (M1–M48)');
  });

  test.each(['2021-02-30', '2021-13-01', 'yesterday', '2021-1-01', '2021-00-10', '2021-04-31', '2021-02-29', ''])(
    'an invalid start date %p is refused',
    (startDate) => {
      expect(() => projectMonthStart(startDate, 48, 1)).toThrow(ProjectMonthError);
      expect(() => projectMonthEnd(startDate, 48, 1)).toThrow(ProjectMonthError);
    },
  );
});

describe('projectMonthOf', () => {
  test.each(['2020-01-01', '2020-01-31', '2020-02-29', '2021-03-15', '2019-08-31'])(
    'start and end of every month 1..48 of a project starting %s map back to that month',
    (startDate) => {
      for (const month of months48) {
        expect(projectMonthOf(startDate, 48, projectMonthStart(startDate, 48, month))).toBe(month);
        expect(projectMonthOf(startDate, 48, projectMonthEnd(startDate, 48, month))).toBe(month);
      }
    },
  );

  test('every day of a 48-month project falls in the month whose range contains it', () => {
    const startDate = '2020-01-31';
    const days = daysBetween(startDate, projectMonthEnd(startDate, 48, 48));
    let month = 1;
    for (const day of days) {
      if (day > projectMonthEnd(startDate, 48, month)) month++;
      expect([day, projectMonthOf(startDate, 48, day)]).toEqual([day, month]);
    }
    expect(month).toBe(48);
  });

  test.each([
    ['2020-01-01', '2020-01-15', 1],
    ['2020-01-01', '2020-02-29', 2],
    ['2020-01-01', '2021-06-30', 18],
    ['2020-01-01', '2021-07-01', 19],
    ['2020-01-01', '2023-12-31', 48],
    ['2021-03-15', '2021-04-14', 1],
    ['2021-03-15', '2021-04-15', 2],
    ['2020-01-31', '2020-02-29', 2],
  ])('project starting %s: %s is in M%i', (startDate, date, month) => {
    expect(projectMonthOf(startDate, 48, date)).toBe(month);
  });

  test.each([
    '2021-02-30',
    '2021-13-01',
    'yesterday',
    '2021-1-1',
    '2021-02-29',
    '2021-06-31',
    '2021-06-01T00:00:00Z',
    '',
  ])('an invalid date %p is refused', (date) => {
    expect(() => projectMonthOf('2020-01-01', 48, date)).toThrow(ProjectMonthError);
  });

  test.each(['2019-12-31', '2000-01-01', '2020-01-14'])(
    '%s, before a project starting 2020-01-15, is refused',
    (date) => {
      expect(() => projectMonthOf('2020-01-15', 48, date)).toThrow(ProjectMonthError);
      expect(() => projectMonthOf('2020-01-15', 48, date)).toThrow(/before the project starts/);
    },
  );

  test.each([
    ['2020-01-01', 48, '2024-01-01'],
    ['2020-01-01', 48, '2030-06-15'],
    ['2020-01-01', 24, '2022-01-01'],
    ['2021-03-15', 36, '2024-03-15'],
  ])('project starting %s lasting %i months: %s is after the end and refused', (startDate, duration, date) => {
    expect(() => projectMonthOf(startDate, duration, date)).toThrow(ProjectMonthError);
    expect(() => projectMonthOf(startDate, duration, date)).toThrow(/after the project ends/);
  });

  test('the last day of the project is still inside it', () => {
    expect(projectMonthOf('2021-03-15', 36, '2024-03-14')).toBe(36);
  });
});

describe('parseProjectMonth', () => {
  test.each([
    ['M24', 24],
    ['m1', 1],
    [' M48 ', 48],
    ['18', 18],
    [30, 30],
  ] as const)('reads %p as month %i of a 48-month project', (value, month) => {
    expect(parseProjectMonth(value, 48)).toBe(month);
  });

  test.each(['M0', 'M49', 'M', 'Month 3', 'M2.5', '-3', 'M1e1', '', 0, 49, 2.5])('refuses %p', (value) => {
    expect(() => parseProjectMonth(value, 48)).toThrow(ProjectMonthError);
  });
});
