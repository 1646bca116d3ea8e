import { balanceCsv } from './balance';

describe('balanceCsv', () => {
  it('adds the headcount against its target and one row per open co-chair vacancy', () => {
    const csv = balanceCsv({
      groups: [],
      headcount: { target: 35, actual: 31 },
      vacancies: [
        {
          id: 'v1',
          workingGroupId: 'g2',
          workingGroupCode: 'WG2',
          region: 'china',
          reason: 'Nomination pending',
          previousDisplayName: null,
          openedAt: '2026-12-01T00:00:00.000Z',
        },
      ],
    });
    expect(csv.trim().split('\r\n')).toEqual([
      'group,dimension,value,count,share,target,gap,note',
      'ALL,headcount,people,31,,35,-4,',
      'WG2,co-chair-vacancy,china,,,,,Nomination pending',
    ]);
  });

  it('leaves target and gap empty without a headcount target', () => {
    expect(balanceCsv({ groups: [], headcount: { target: null, actual: 3 }, vacancies: [] })).toContain(
      'ALL,headcount,people,3,,,,',
    );
  });
});
