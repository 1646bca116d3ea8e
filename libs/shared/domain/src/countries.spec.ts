import { COUNTRY_CODES, isCountryCode } from './countries';
import { regionOf } from './region';

describe('ISO 3166-1 alpha-2 country codes', () => {
  it('lists the 249 assigned codes once each, as two upper-case letters, in order', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    expect(COUNTRY_CODES.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
    expect([...COUNTRY_CODES].sort()).toEqual(COUNTRY_CODES);
  });

  it('accepts assigned codes', () => {
    for (const code of ['IT', 'CN', 'DE', 'GB', 'HK', 'MO', 'TW', 'US', 'SS', 'ZW'])
      expect(isCountryCode(code)).toBe(true);
  });

  it('rejects unassigned, reserved, lower-case and non-string values', () => {
    for (const value of ['ZZ', 'XX', 'UK', 'EU', 'XK', 'it', 'Cn', 'ITA', 'I', '', ' IT', null, undefined, 39, {}]) {
      expect(isCountryCode(value)).toBe(false);
    }
  });

  it('covers every country the region rule names', () => {
    const named =
      'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE NO CH GB IS LI CN HK MO'.split(
        ' ',
      );
    for (const code of named) expect(isCountryCode(code)).toBe(true);
    expect(regionOf('IT')).toBe('europe');
  });
});
