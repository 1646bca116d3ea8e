/**
 * EU grant projects count time in project months: M1 starts on the start date, "Mn" means the end of
 * the n-th month. Dates are calendar dates (`YYYY-MM-DD`), independent of time zones.
 */
export class ProjectMonthError extends Error {}

function parseDate(date: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new ProjectMonthError(`Not a calendar date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new ProjectMonthError(`Not a calendar date: ${date}`);
  return { y, m, d };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds whole months, clamping the day to the target month's length (31 Jan + 1 month = 28/29 Feb). */
function addMonths(date: string, months: number): string {
  const { y, m, d } = parseDate(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return format(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

function previousDay(date: string): string {
  const { y, m, d } = parseDate(date);
  const t = new Date(Date.UTC(y, m - 1, d) - 86_400_000);
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function assertMonth(month: number, durationMonths: number): void {
  if (!Number.isInteger(month) || month < 1 || month > durationMonths) {
    throw new ProjectMonthError(`M${month} is outside the project (M1–M${durationMonths})`);
  }
}

/** First day of project month `month`. */
export function projectMonthStart(startDate: string, durationMonths: number, month: number): string {
  assertMonth(month, durationMonths);
  return addMonths(startDate, month - 1);
}

/** Last day of project month `month` (the due date of a deliverable "due at Mn"). */
export function projectMonthEnd(startDate: string, durationMonths: number, month: number): string {
  assertMonth(month, durationMonths);
  return previousDay(addMonths(startDate, month));
}

/** The project month containing `date`; refused before the start or after the end. */
export function projectMonthOf(startDate: string, durationMonths: number, date: string): number {
  parseDate(date);
  if (date < startDate) throw new ProjectMonthError(`${date} is before the project starts (${startDate})`);
  let low = 1;
  let high = durationMonths;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (date < projectMonthStart(startDate, durationMonths, mid)) high = mid - 1;
    else if (date > projectMonthEnd(startDate, durationMonths, mid)) low = mid + 1;
    else return mid;
  }
  throw new ProjectMonthError(`${date} is after the project ends (M${durationMonths})`);
}

/**
 * Reads a project month typed as "M24", "m24" or "24"; refuses anything else and months outside the
 * project, so a due month can never be "M0" or beyond the end.
 */
export function parseProjectMonth(value: string | number, durationMonths: number): number {
  const text = String(value).trim();
  const match = /^[Mm]?(\d{1,3})$/.exec(text);
  if (!match) throw new ProjectMonthError(`Not a project month: ${text}`);
  const month = Number(match[1]);
  assertMonth(month, durationMonths);
  return month;
}
