import { regionOf } from './region';

describe('regionOf', () => {
  test.each(['IT', 'DE', 'FR', 'ES', 'NL', 'GR', 'GB', 'CH', 'NO', 'IS', 'LI'])('%s is in Europe', (code) => {
    expect(regionOf(code)).toBe('europe');
  });

  test('all 27 EU member states are in Europe', () => {
    const eu = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');
    expect(eu).toHaveLength(27);
    expect(eu.filter((code) => regionOf(code) !== 'europe')).toEqual([]);
  });

  test.each(['CN', 'HK', 'MO'])('%s is China', (code) => {
    expect(regionOf(code)).toBe('china');
  });

  test.each(['CA', 'US', 'JP', 'TW', 'RU', 'BR', 'EU', 'XX', ''])('%p is other', (code) => {
    expect(regionOf(code)).toBe('other');
  });

  test.each([
    ['it', 'europe'],
    ['de', 'europe'],
    ['fr', 'europe'],
    ['De', 'europe'],
    ['cn', 'china'],
    ['hk', 'china'],
    ['Hk', 'china'],
    ['ca', 'other'],
    ['us', 'other'],
  ])('lowercase or mixed-case %s is accepted as %s', (code, region) => {
    expect(regionOf(code)).toBe(region);
  });
});
