/** "31 Dec 2021" / "2021年12月31日": a calendar date in the reader's language, free of time-zone shifts. */
export function planDate(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  // en-GB for English: day before month reads the same to European and Chinese readers.
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Position (in %) of the end of project month `month` on a timeline of `duration` months. */
export function monthPosition(month: number, duration: number): number {
  return (month / duration) * 100;
}
