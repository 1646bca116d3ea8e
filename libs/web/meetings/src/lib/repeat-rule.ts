import { parseLocal, weekdayOf } from '@roundtable/domain';

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export type Repeat = 'none' | 'weekly' | 'monthly';

/** The RRULE the form's repeat choice stands for, anchored on the start date's weekday (and its position in the month). */
export function ruleFor(
  repeat: Repeat,
  date: string,
  interval: number,
  count: number,
  lastOfMonth: boolean,
): string | null {
  if (repeat === 'none' || !parseLocal({ date, time: '00:00' })) return null;
  const d = Number(date.slice(8, 10));
  const code = DAY_CODES[weekdayOf(date) - 1];
  if (repeat === 'weekly')
    return `FREQ=WEEKLY${interval > 1 ? `;INTERVAL=${interval}` : ''};BYDAY=${code};COUNT=${count}`;
  return `FREQ=MONTHLY;BYDAY=${lastOfMonth ? -1 : Math.ceil(d / 7)}${code};COUNT=${count}`;
}

/** Whether the date is the last of its weekday in the month (so "last Friday" can be offered). */
export function isLastWeekOfMonth(date: string): boolean {
  const parsed = parseLocal({ date, time: '00:00' });
  if (!parsed) return false;
  return new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day + 7)).getUTCMonth() !== parsed.month - 1;
}
