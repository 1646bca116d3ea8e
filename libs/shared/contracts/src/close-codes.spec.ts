import { COLLAB_MAX_MESSAGE_BYTES, COLLAB_PATH, CollabCloseCode, CollabUpgradeStatus } from './close-codes';
import { ErrorCode } from './error-codes';

const closeCodes = Object.entries(CollabCloseCode);

describe('CollabCloseCode', () => {
  test('has no duplicate values', () => {
    const values = Object.values(CollabCloseCode);
    expect(new Set(values).size).toBe(values.length);
  });

  test.each(closeCodes)('%s (%i) is an integer in a valid close-code range', (_name, code) => {
    expect(Number.isInteger(code)).toBe(true);
    expect((code >= 1000 && code <= 1015) || (code >= 4000 && code <= 4999)).toBe(true);
  });

  test('RFC 6455 codes are within 1000–1015 and none is reserved-never-sent (1004, 1005, 1006, 1015)', () => {
    const rfc = closeCodes.filter(([, code]) => code < 4000);
    expect(rfc.length).toBeGreaterThan(0);
    for (const [name, code] of rfc) {
      expect([name, code >= 1000 && code <= 1015]).toEqual([name, true]);
      expect([name, [1004, 1005, 1006, 1015].includes(code)]).toEqual([name, false]);
    }
  });

  test('our own codes are within 4000–4999', () => {
    const own = closeCodes.filter(([, code]) => code >= 2000);
    expect(own.map(([name]) => name).sort()).toEqual([
      'AccessChanged',
      'AccessRevoked',
      'DocumentLocked',
      'DocumentNotFound',
      'Forbidden',
      'SessionEnded',
      'Unauthenticated',
    ]);
    for (const [name, code] of own) expect([name, code >= 4000 && code <= 4999]).toEqual([name, true]);
  });

  test('own codes that mirror an upgrade refusal are 4000 + the HTTP status', () => {
    const mirrored = ['Unauthenticated', 'Forbidden', 'DocumentNotFound'] as const;
    for (const [name, status] of Object.entries(CollabUpgradeStatus).filter(([name]) =>
      (mirrored as readonly string[]).includes(name),
    )) {
      expect([name, CollabCloseCode[name as (typeof mirrored)[number]]]).toEqual([name, 4000 + status]);
    }
  });
});

describe('CollabUpgradeStatus', () => {
  test('uses distinct HTTP error statuses: 4xx for the client, 503 when the server cannot decide in time', () => {
    const statuses = Object.values(CollabUpgradeStatus);
    expect(new Set(statuses).size).toBe(statuses.length);
    for (const status of statuses) expect((status >= 400 && status < 500) || status === 503).toBe(true);
  });
});

describe('collaboration endpoint constants', () => {
  test('path and message limit are sane', () => {
    expect(COLLAB_PATH).toMatch(/^\/[a-z]+$/);
    expect(Number.isInteger(COLLAB_MAX_MESSAGE_BYTES)).toBe(true);
    expect(COLLAB_MAX_MESSAGE_BYTES).toBeGreaterThan(0);
  });
});

describe('ErrorCode', () => {
  test('has no duplicate values', () => {
    const values = Object.values(ErrorCode);
    expect(new Set(values).size).toBe(values.length);
  });

  test.each(Object.entries(ErrorCode))('%s is an UPPER_SNAKE_CASE code (%s)', (_name, code) => {
    expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });
});

describe('reconnect semantics', () => {
  test('final refusals are 44xx (y-websocket stops reconnecting); AccessChanged is 45xx (reconnect)', () => {
    for (const code of [
      CollabCloseCode.Unauthenticated,
      CollabCloseCode.Forbidden,
      CollabCloseCode.DocumentNotFound,
      CollabCloseCode.AccessRevoked,
      CollabCloseCode.SessionEnded,
    ]) {
      expect(code >= 4400 && code < 4500).toBe(true);
    }
    expect(CollabCloseCode.AccessChanged >= 4500 && CollabCloseCode.AccessChanged < 4600).toBe(true);
  });
});
