import { Injectable } from '@nestjs/common';

interface HolidayEntry {
  date: string;
  name: string;
  type: string;
}
interface HolidaysInstance {
  getHolidays(year: number): HolidayEntry[] | undefined;
}
type HolidaysConstructor = new (country: string) => HolidaysInstance;

// date-holidays is CommonJS with a large rules table: loaded on the server only, never in the browser bundle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Holidays = require('date-holidays') as HolidaysConstructor;

/** Public holidays per country from date-holidays (maintained rules: China's Spring Festival and Golden Week, EU national days). */
@Injectable()
export class HolidaysService {
  private readonly byCountryYear = new Map<string, Map<string, string>>();

  /** Whether `localDate` (YYYY-MM-DD) is a whole-day public holiday in `country`. */
  isHoliday(country: string, localDate: string): boolean {
    return this.holidaysOf(country, Number(localDate.slice(0, 4))).has(localDate);
  }

  /** Holidays between two dates (inclusive), by country. */
  between(
    countries: readonly string[],
    from: string,
    to: string,
  ): Array<{ country: string; date: string; name: string }> {
    const out: Array<{ country: string; date: string; name: string }> = [];
    for (const country of [...new Set(countries)]) {
      for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
        for (const [date, name] of this.holidaysOf(country, year))
          if (date >= from && date <= to) out.push({ country, date, name });
      }
    }
    return out.sort((a, b) => a.date.localeCompare(b.date) || a.country.localeCompare(b.country));
  }

  private holidaysOf(country: string, year: number): Map<string, string> {
    const key = `${country}:${year}`;
    let days = this.byCountryYear.get(key);
    if (!days) {
      days = new Map();
      let entries: HolidayEntry[] = [];
      try {
        entries = new Holidays(country).getHolidays(year) ?? [];
      } catch {
        entries = []; // a country date-holidays does not know has no holidays to avoid
      }
      // Whole-day public holidays only: half-days for some groups (e.g. 8 March in China, from 12:00) do not stop a meeting.
      for (const entry of entries)
        if (entry.type === 'public' && entry.date.endsWith('00:00:00')) days.set(entry.date.slice(0, 10), entry.name);
      if (country === 'CN') addGoldenWeeks(days, year);
      this.byCountryYear.set(key, days);
    }
    return days;
  }
}

/**
 * date-holidays lists China's statutory days only (3 for National Day and the Spring Festival), but offices
 * close for the whole "golden week" around them (the State Council publishes the exact days and make-up
 * working weekends each year). Nobody should be asked to a meeting then: we block 1–7 October and New
 * Year's Eve to the sixth day of the Spring Festival.
 */
function addGoldenWeeks(days: Map<string, string>, year: number): void {
  const nationalDay = days.get(`${year}-10-01`) ?? '国庆节';
  for (let d = 1; d <= 7; d++)
    if (!days.has(`${year}-10-0${d}`)) days.set(`${year}-10-0${d}`, `${nationalDay} (黄金周)`);
  const springFestival = [...days.entries()]
    .filter(([, name]) => name.startsWith('春节'))
    .map(([date]) => date)
    .sort()[0];
  if (!springFestival) return;
  const first = Date.parse(`${springFestival}T00:00:00Z`);
  for (let offset = -1; offset <= 6; offset++) {
    const date = new Date(first + offset * 86_400_000).toISOString().slice(0, 10);
    if (!days.has(date)) days.set(date, '春节 (黄金周)');
  }
}
