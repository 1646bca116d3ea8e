import { digestPeriod, titleWithGroup } from './notifications';

describe('digestPeriod', () => {
  it('starts a daily period at 08:00 local: before it, the previous day is current', () => {
    // 08:00 in Shanghai is 00:00 UTC.
    expect(digestPeriod(new Date('2026-12-08T00:30:00Z'), 'Asia/Shanghai', 'daily')).toEqual({
      key: 'daily:2026-12-08',
      start: new Date('2026-12-08T00:00:00Z'),
    });
    expect(digestPeriod(new Date('2026-12-07T23:59:00Z'), 'Asia/Shanghai', 'daily').key).toBe('daily:2026-12-07');
    // 08:00 in Rome in winter is 07:00 UTC.
    expect(digestPeriod(new Date('2026-12-08T06:59:00Z'), 'Europe/Rome', 'daily').key).toBe('daily:2026-12-07');
    expect(digestPeriod(new Date('2026-12-08T07:00:00Z'), 'Europe/Rome', 'daily').start).toEqual(
      new Date('2026-12-08T07:00:00Z'),
    );
  });

  it('follows daylight saving: 08:00 Rome is 06:00 UTC in summer', () => {
    expect(digestPeriod(new Date('2026-07-01T06:30:00Z'), 'Europe/Rome', 'daily')).toEqual({
      key: 'daily:2026-07-01',
      start: new Date('2026-07-01T06:00:00Z'),
    });
  });

  it('runs a weekly period from Monday 08:00 local to the next', () => {
    // 2026-12-07 is a Monday.
    expect(digestPeriod(new Date('2026-12-10T12:00:00Z'), 'Europe/Rome', 'weekly')).toEqual({
      key: 'weekly:2026-12-07',
      start: new Date('2026-12-07T07:00:00Z'),
    });
    expect(digestPeriod(new Date('2026-12-07T06:00:00Z'), 'Europe/Rome', 'weekly').key).toBe('weekly:2026-11-30');
  });
});

describe('titleWithGroup', () => {
  it('names the group once', () => {
    expect(titleWithGroup('WG1', 'drafting sprint')).toBe('WG1 drafting sprint');
    expect(titleWithGroup('WG1', 'WG1 drafting sprint')).toBe('WG1 drafting sprint');
    expect(titleWithGroup('WG1', 'wg1: drafting sprint')).toBe('wg1: drafting sprint');
    expect(titleWithGroup('WG1', 'WG10 drafting sprint')).toBe('WG1 WG10 drafting sprint');
    expect(titleWithGroup(null, 'Kick-off')).toBe('Kick-off');
  });
});
