/** ISO 3166-1 alpha-2 codes of the European countries the project counts as "Europe". */
const EUROPE = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE NO CH GB IS LI'.split(' '),
);
const CHINA = new Set(['CN', 'HK', 'MO']);

export type Region = 'europe' | 'china' | 'other';

export function regionOf(countryCode: string): Region {
  const code = countryCode.toUpperCase();
  if (EUROPE.has(code)) return 'europe';
  if (CHINA.has(code)) return 'china';
  return 'other';
}
