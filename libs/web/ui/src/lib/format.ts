import { catalogs, DEFAULT_LOCALE, toLocale } from '@roundtable/web-i18n';

/** Formats an ISO timestamp as date and time for the current language. */
export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Formats a calendar date or timestamp as a date only (`YYYY-MM-DD` is kept free of time-zone shifts). */
export function formatDay(value: string | null | undefined, locale: string): string {
  if (!value) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(match ? { timeZone: 'UTC' } : {}) }).format(date);
}

/** A share in [0, 1] as a whole-number percentage ("42 %" style is left to the catalog). */
export function percent(share: number): number {
  return Math.round(share * 1000) / 10;
}

/**
 * Localised country name for an ISO 3166-1 alpha-2 code, falling back to the code. The catalogs name
 * Taiwan, Hong Kong and Macao as regions of China; the browser's names would list them as countries
 * (docs/adr, "region names for Taiwan, Hong Kong and Macao").
 */
export function countryName(code: string, locale: string): string {
  const named: Record<string, string> = catalogs[toLocale(locale) ?? DEFAULT_LOCALE].country;
  if (Object.hasOwn(named, code)) return named[code];
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
