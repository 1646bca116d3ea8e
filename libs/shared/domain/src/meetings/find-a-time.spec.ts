import { findSlots, unavailableReason, type Availability } from './find-a-time';
import { toLocal } from './time-zones';

const rome: Availability = { id: 'eu', zone: 'Europe/Rome', country: 'IT' };
const shanghai: Availability = { id: 'cn', zone: 'Asia/Shanghai', country: 'CN' };

describe('findSlots', () => {
  it('proposes only the Rome morning / Shanghai afternoon overlap of 08:00–20:00 in winter', () => {
    const slots = findSlots({
      invitees: [rome, shanghai],
      durationMinutes: 60,
      from: new Date('2026-03-09T00:00:00Z'),
      to: new Date('2026-03-10T00:00:00Z'),
      spacingMinutes: 30,
    });
    expect(slots.map((s) => toLocal(s.start, 'Europe/Rome').time)).toEqual([
      '08:00',
      '08:30',
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
    ]);
    expect(toLocal(slots[slots.length - 1].end, 'Asia/Shanghai').time).toBe('20:00');
  });

  it('finds the overlap one hour later in Rome once Europe is on summer time', () => {
    const slots = findSlots({
      invitees: [rome, shanghai],
      durationMinutes: 60,
      from: new Date('2026-04-13T00:00:00Z'),
      to: new Date('2026-04-14T00:00:00Z'),
      spacingMinutes: 30,
    });
    expect(toLocal(slots[0].start, 'Europe/Rome').time).toBe('08:00');
    expect(toLocal(slots[slots.length - 1].start, 'Europe/Rome').time).toBe('13:00');
  });

  it('honours per-person working hours', () => {
    const lateRiser = { ...shanghai, workStart: '09:00', workEnd: '18:00' };
    const slots = findSlots({
      invitees: [rome, lateRiser],
      durationMinutes: 60,
      from: new Date('2026-03-09T00:00:00Z'),
      to: new Date('2026-03-10T00:00:00Z'),
      spacingMinutes: 30,
    });
    expect(slots.map((s) => toLocal(s.start, 'Asia/Shanghai').time)).toEqual([
      '15:00',
      '15:30',
      '16:00',
      '16:30',
      '17:00',
    ]);
  });

  it('skips weekends and public holidays in each invitee’s own country and local date', () => {
    const holidays = new Set(['CN 2026-02-17', 'IT 2026-02-19']);
    const slots = findSlots({
      invitees: [rome, shanghai],
      durationMinutes: 60,
      from: new Date('2026-02-14T00:00:00Z'),
      to: new Date('2026-02-24T00:00:00Z'),
      spacingMinutes: 24 * 60,
      isHoliday: (country, date) => holidays.has(`${country} ${date}`),
    });
    expect(slots.map((s) => toLocal(s.start, 'Europe/Rome').date)).toEqual([
      '2026-02-16',
      '2026-02-18',
      '2026-02-20',
      '2026-02-23',
    ]);
  });

  it('says every slot suits everyone when one does', () => {
    const slots = findSlots({
      invitees: [rome, shanghai],
      durationMinutes: 60,
      from: new Date('2026-03-09T00:00:00Z'),
      to: new Date('2026-03-10T00:00:00Z'),
    });
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.unavailable.length === 0)).toBe(true);
  });

  it('leaves out as few people as possible, and says whom, when no slot suits everyone', () => {
    // Rome, Shanghai and Toronto never share an hour of 08:00–20:00 on a weekday.
    const toronto: Availability = { id: 'ca', zone: 'America/Toronto', country: 'CA' };
    const slots = findSlots({
      invitees: [rome, shanghai, toronto],
      durationMinutes: 60,
      from: new Date('2026-03-09T00:00:00Z'),
      to: new Date('2026-03-10T00:00:00Z'),
      spacingMinutes: 30,
    });
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.unavailable.length === 1)).toBe(true);
    // Toronto 19:00 = Shanghai 08:00 (next day) suits both; 12:00 UTC = Rome 13:00 and Toronto 08:00 too.
    expect(slots.map((s) => s.start.toISOString())).toEqual(expect.arrayContaining(['2026-03-09T12:00:00.000Z']));
    expect(slots.find((s) => s.start.toISOString() === '2026-03-09T12:00:00.000Z')?.unavailable).toEqual(['cn']);
  });

  it('returns nothing when nobody can attend at all (a weekend)', () => {
    expect(
      findSlots({
        invitees: [rome, shanghai],
        durationMinutes: 60,
        from: new Date('2026-03-14T00:00:00Z'),
        to: new Date('2026-03-15T12:00:00Z'),
      }),
    ).toEqual([]);
  });

  it('spaces proposals and stops at the limit', () => {
    const slots = findSlots({
      invitees: [rome],
      durationMinutes: 30,
      from: new Date('2026-03-09T00:00:00Z'),
      to: new Date('2026-03-20T00:00:00Z'),
      limit: 3,
      spacingMinutes: 120,
    });
    expect(slots.map((s) => toLocal(s.start, 'Europe/Rome').time)).toEqual(['08:00', '10:00', '12:00']);
  });
});

describe('unavailableReason', () => {
  it('says why someone cannot attend', () => {
    expect(unavailableReason(shanghai, new Date('2026-03-09T13:00:00Z'), new Date('2026-03-09T14:00:00Z'))).toBe(
      'outside-hours',
    );
    expect(unavailableReason(rome, new Date('2026-03-14T09:00:00Z'), new Date('2026-03-14T10:00:00Z'))).toBe('weekend');
    expect(
      unavailableReason(
        shanghai,
        new Date('2026-10-01T08:00:00Z'),
        new Date('2026-10-01T09:00:00Z'),
        (c, d) => c === 'CN' && d === '2026-10-01',
      ),
    ).toBe('holiday');
    expect(unavailableReason(rome, new Date('2026-03-09T18:00:00Z'), new Date('2026-03-09T19:00:00Z'))).toBeNull();
    expect(unavailableReason(rome, new Date('2026-03-09T18:30:00Z'), new Date('2026-03-09T19:30:00Z'))).toBe(
      'outside-hours',
    );
  });
});
