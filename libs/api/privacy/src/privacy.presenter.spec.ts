import { CONSENT_PURPOSES } from '@roundtable/contracts';
import { presentConsents } from './privacy.presenter';

describe('presentConsents', () => {
  it('answers every purpose in order: the latest answer, or null when never asked', () => {
    const consents = presentConsents([
      {
        purpose: 'directory',
        granted: false,
        notice_version: '2026-12-07',
        recorded_at: new Date('2026-12-07T09:00:00Z'),
      },
    ]);
    expect(consents.map((c) => c.purpose)).toEqual([...CONSENT_PURPOSES]);
    expect(consents.find((c) => c.purpose === 'directory')).toEqual({
      purpose: 'directory',
      granted: false,
      noticeVersion: '2026-12-07',
      recordedAt: '2026-12-07T09:00:00.000Z',
    });
    expect(consents.find((c) => c.purpose === 'account')).toEqual({
      purpose: 'account',
      granted: null,
      noticeVersion: null,
      recordedAt: null,
    });
  });
});
