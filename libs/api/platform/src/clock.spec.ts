import { Clock, clockOffsetFromEnv } from './clock';

describe('Clock', () => {
  const saved = process.env.ROUNDTABLE_CLOCK;
  afterEach(() => {
    if (saved === undefined) delete process.env.ROUNDTABLE_CLOCK;
    else process.env.ROUNDTABLE_CLOCK = saved;
  });

  it('runs on real time without ROUNDTABLE_CLOCK', () => {
    delete process.env.ROUNDTABLE_CLOCK;
    const before = Date.now();
    const now = new Clock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('starts at ROUNDTABLE_CLOCK and gives its calendar date', () => {
    process.env.ROUNDTABLE_CLOCK = '2021-12-20T08:00:00Z';
    const clock = new Clock();
    expect(clock.today()).toBe('2021-12-20');
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse('2021-12-20T08:00:00Z'));
  });

  it('can be set by a test in the same process', () => {
    const clock = new Clock();
    clock.set(new Date('2022-01-05T00:00:00Z'));
    expect(clock.today()).toBe('2022-01-05');
  });

  it('refuses a moved clock in production and a value that is not a date', () => {
    expect(() => clockOffsetFromEnv({ ROUNDTABLE_CLOCK: '2021-12-20', NODE_ENV: 'production' })).toThrow(
      /refused when NODE_ENV=production/,
    );
    expect(() => clockOffsetFromEnv({ ROUNDTABLE_CLOCK: 'next tuesday' })).toThrow(
      /ROUNDTABLE_CLOCK="next tuesday": expected an ISO date/,
    );
    expect(clockOffsetFromEnv({ NODE_ENV: 'production' })).toBe(0);
  });
});
