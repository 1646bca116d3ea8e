import { presentFindTime, presentParticipant, presentWorkingHours } from './working-hours.presenter';

describe('presentWorkingHours', () => {
  it('shows 08:00–20:00 in UTC, marked as the default, for someone who has not chosen', () => {
    expect(presentWorkingHours(undefined)).toEqual({
      timeZone: 'UTC',
      workStart: '08:00',
      workEnd: '20:00',
      isDefault: true,
    });
    expect(presentWorkingHours({ time_zone: 'Asia/Shanghai', work_start_minute: null, work_end_minute: null })).toEqual(
      { timeZone: 'Asia/Shanghai', workStart: '08:00', workEnd: '20:00', isDefault: true },
    );
  });

  it('shows chosen hours in the profile’s zone, up to the end of the day', () => {
    expect(presentWorkingHours({ time_zone: 'Europe/Rome', work_start_minute: 450, work_end_minute: 1440 })).toEqual({
      timeZone: 'Europe/Rome',
      workStart: '07:30',
      workEnd: '24:00',
      isDefault: false,
    });
  });
});

describe('find-a-time presenters', () => {
  it('trims the stored country code and fills in default hours', () => {
    expect(
      presentParticipant({
        id: 'p1',
        display_name: 'WG1 China co-chair',
        country: 'CN ',
        time_zone: 'Asia/Shanghai',
        work_start_minute: 540,
        work_end_minute: null,
      }),
    ).toEqual({
      personId: 'p1',
      displayName: 'WG1 China co-chair',
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      workStart: '09:00',
      workEnd: '20:00',
    });
  });

  it('writes slots as ISO instants with who cannot attend', () => {
    const slot = {
      start: new Date('2026-03-10T08:00:00Z'),
      end: new Date('2026-03-10T09:00:00Z'),
      unavailable: ['p2'],
    };
    expect(presentFindTime([slot], [], []).slots).toEqual([
      { start: '2026-03-10T08:00:00.000Z', end: '2026-03-10T09:00:00.000Z', unavailable: ['p2'] },
    ]);
  });
});
