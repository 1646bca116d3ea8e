import type { ConfigError } from '@roundtable/api-config';
import { isPermanentSmtpError, OUTBOX_DEFAULTS, outboxSettings, retryDelayMs } from './outbox.settings';

describe('outbox settings', () => {
  it('doubles the retry delay per failed attempt, up to the cap', () => {
    const settings = { retryBaseMs: 30_000, retryMaxMs: 3_600_000 };
    expect([1, 2, 3, 4, 8, 9, 50].map((n) => retryDelayMs(n, settings))).toEqual([
      30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it('reads the environment: defaults for missing values, a start-up error naming each bad one', () => {
    expect(outboxSettings({})).toEqual(OUTBOX_DEFAULTS);
    expect(outboxSettings({ OUTBOX_LEASE_MS: ' ' })).toEqual(OUTBOX_DEFAULTS);
    let error: unknown;
    try {
      outboxSettings({ OUTBOX_POLL_MS: '250', OUTBOX_RETRY_BASE_MS: 'soon', OUTBOX_MAX_ATTEMPTS: '0' });
    } catch (caught) {
      error = caught;
    }
    expect((error as ConfigError).problems).toEqual([
      'OUTBOX_POLL_MS="250": expected a whole number 500 or more',
      'OUTBOX_RETRY_BASE_MS="soon": expected a whole number 1 or more',
      'OUTBOX_MAX_ATTEMPTS="0": expected a whole number 1 or more',
    ]);
    expect(
      outboxSettings({
        OUTBOX_POLL_MS: '800',
        OUTBOX_RETRY_BASE_MS: '100',
        OUTBOX_RETRY_MAX_MS: '1000',
        OUTBOX_MAX_ATTEMPTS: '3',
        OUTBOX_LEASE_MS: '5000',
      }),
    ).toEqual({
      pollMs: 800,
      retryBaseMs: 100,
      retryMaxMs: 1000,
      maxAttempts: 3,
      leaseMs: 5000,
    });
  });

  it('treats SMTP 5xx answers as final and everything else (4xx, refused connections) as worth a retry', () => {
    expect(isPermanentSmtpError(Object.assign(new Error('550 no such user'), { responseCode: 550 }))).toBe(true);
    expect(isPermanentSmtpError(Object.assign(new Error('451 try later'), { responseCode: 451 }))).toBe(false);
    expect(isPermanentSmtpError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).toBe(false);
  });
});
