import { assertIdsOnly } from './audit.writer';
import { auditCsvRows } from './audit.presenter';

describe('the audit log holds ids and codes only', () => {
  it('accepts ids, codes, numbers and flags', () => {
    expect(() =>
      assertIdsOnly({
        exportId: '7f2c1c44-5b1e-4c55-8a1e-6d6b1f1f7a10',
        purpose: 'publish-name',
        granted: false,
        formerMember: 3,
        role: 'co-chair',
      }),
    ).not.toThrow();
  });

  it('refuses anything that could be a name, an address or free text', () => {
    expect(() => assertIdsOnly({ who: 'WG1 expert' })).toThrow(/who/);
    expect(() => assertIdsOnly({ email: 'expert@example.org' })).toThrow(/email/);
    expect(() => assertIdsOnly({ note: 'x'.repeat(65) })).toThrow(/note/);
  });

  it('exports the entries as CSV rows with a header', () => {
    const rows = auditCsvRows([
      {
        id: '1',
        at: '2026-12-07T10:00:00.000Z',
        actorUserId: null,
        action: 'auth.signIn',
        subjectType: 'user',
        subjectId: '7f2c1c44-5b1e-4c55-8a1e-6d6b1f1f7a10',
        projectId: null,
        details: { granted: true },
      },
    ]);
    expect(rows[0]).toEqual([
      'id',
      'at',
      'actor_user_id',
      'action',
      'subject_type',
      'subject_id',
      'project_id',
      'details',
    ]);
    expect(rows[1]).toEqual([
      '1',
      '2026-12-07T10:00:00.000Z',
      null,
      'auth.signIn',
      'user',
      '7f2c1c44-5b1e-4c55-8a1e-6d6b1f1f7a10',
      null,
      '{"granted":true}',
    ]);
  });
});
