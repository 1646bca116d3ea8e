import {
  counterpartZones,
  defaultZoneForCountry,
  formatInZones,
  isTimeZone,
  localToInstant,
  offsetMinutes,
  resolveLocal,
  toLocal,
} from './time-zones';

const ROME = 'Europe/Rome';
const SHANGHAI = 'Asia/Shanghai';

describe('isTimeZone', () => {
  it.each([ROME, SHANGHAI, 'America/Toronto', 'UTC'])('accepts the IANA zone %s', (zone) =>
    expect(isTimeZone(zone)).toBe(true),
  );
  it.each(['Europe/Atlantis', 'Rome', '+01:00', '', 'Europe/Rome; DROP', 42, null])('refuses %p', (zone) =>
    expect(isTimeZone(zone)).toBe(false),
  );
});

describe('offsets and local times', () => {
  it('knows Rome is UTC+1 in winter, UTC+2 in summer, and Shanghai UTC+8 all year', () => {
    expect(offsetMinutes(new Date('2026-01-15T12:00:00Z'), ROME)).toBe(60);
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'), ROME)).toBe(120);
    expect(offsetMinutes(new Date('2026-01-15T12:00:00Z'), SHANGHAI)).toBe(480);
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'), SHANGHAI)).toBe(480);
  });

  it('switches Rome to summer time at 01:00 UTC on the last Sunday of March', () => {
    expect(offsetMinutes(new Date('2026-03-29T00:59:00Z'), ROME)).toBe(60);
    expect(offsetMinutes(new Date('2026-03-29T01:00:00Z'), ROME)).toBe(120);
  });

  it('switches Rome back at 01:00 UTC on the last Sunday of October', () => {
    expect(offsetMinutes(new Date('2026-10-25T00:59:00Z'), ROME)).toBe(120);
    expect(offsetMinutes(new Date('2026-10-25T01:00:00Z'), ROME)).toBe(60);
  });

  it('reads an ordinary wall time as one instant', () => {
    expect(resolveLocal({ date: '2026-03-10', time: '10:00' }, ROME)).toEqual({
      kind: 'exact',
      instant: new Date('2026-03-10T09:00:00Z'),
    });
    expect(localToInstant({ date: '2026-03-10', time: '17:00' }, SHANGHAI)).toEqual(new Date('2026-03-10T09:00:00Z'));
  });

  it('reports that 02:30 on 29 March 2026 does not exist in Rome and moves it forward to 03:30 CEST', () => {
    const result = resolveLocal({ date: '2026-03-29', time: '02:30' }, ROME);
    expect(result).toEqual({ kind: 'gap', instant: new Date('2026-03-29T01:30:00Z'), gapMinutes: 60 });
    expect(toLocal(result.instant, ROME)).toEqual({ date: '2026-03-29', time: '03:30' });
  });

  it('reports that 02:30 on 25 October 2026 happens twice in Rome and takes the first (CEST)', () => {
    const result = resolveLocal({ date: '2026-10-25', time: '02:30' }, ROME);
    expect(result).toEqual({
      kind: 'ambiguous',
      instant: new Date('2026-10-25T00:30:00Z'),
      later: new Date('2026-10-25T01:30:00Z'),
    });
  });

  it('finds no gap or repetition in Shanghai', () => {
    expect(resolveLocal({ date: '2026-03-29', time: '02:30' }, SHANGHAI).kind).toBe('exact');
    expect(resolveLocal({ date: '2026-10-25', time: '02:30' }, SHANGHAI).kind).toBe('exact');
  });

  it('handles the southern-hemisphere change (Sydney, first Sunday of April and October)', () => {
    expect(resolveLocal({ date: '2026-10-04', time: '02:30' }, 'Australia/Sydney').kind).toBe('gap');
    expect(resolveLocal({ date: '2026-04-05', time: '02:30' }, 'Australia/Sydney').kind).toBe('ambiguous');
  });

  it('refuses malformed or impossible dates', () => {
    expect(() => resolveLocal({ date: '2026-02-30', time: '10:00' }, ROME)).toThrow(RangeError);
    expect(() => resolveLocal({ date: '2026-03-10', time: '24:00' }, ROME)).toThrow(RangeError);
    expect(() => resolveLocal({ date: '10/03/2026', time: '10:00' }, ROME)).toThrow(RangeError);
  });
});

describe('zones to show', () => {
  it('pairs Rome with Shanghai and back by default', () => {
    expect(counterpartZones(ROME)).toEqual([SHANGHAI]);
    expect(counterpartZones(SHANGHAI)).toEqual([ROME]);
    expect(counterpartZones(ROME, [ROME])).toEqual([SHANGHAI]);
  });

  it('uses the invitees’ other zones, once each, and skips zones with the viewer’s rules', () => {
    expect(counterpartZones(ROME, [ROME, SHANGHAI, 'America/Toronto', SHANGHAI])).toEqual([
      SHANGHAI,
      'America/Toronto',
    ]);
    expect(counterpartZones(SHANGHAI, ['Asia/Chongqing', ROME])).toEqual([ROME]);
  });

  it('falls back to a zone per country', () => {
    expect(defaultZoneForCountry('CN')).toBe(SHANGHAI);
    expect(defaultZoneForCountry('IT')).toBe(ROME);
    expect(isTimeZone(defaultZoneForCountry('NL'))).toBe(true);
    expect(defaultZoneForCountry(null)).toBe('UTC');
  });

  it('formats one instant in several zones, in English and Chinese, with offsets', () => {
    const instant = new Date('2026-03-10T09:00:00Z');
    const en = formatInZones(instant, [ROME, SHANGHAI], 'en');
    expect(en.map((z) => z.offset)).toEqual(['GMT+1', 'GMT+8']);
    expect(en[0].text).toContain('10:00');
    expect(en[1].text).toContain('17:00');
    expect(en[1].city).toBe('Shanghai');
    const zh = formatInZones(instant, [SHANGHAI], 'zh-CN');
    expect(zh[0].text).toContain('17:00');
    expect(zh[0].text).toContain('3月');
  });
});
