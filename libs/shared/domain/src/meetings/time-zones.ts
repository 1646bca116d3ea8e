/**
 * Time-zone arithmetic on top of Intl (full ICU in Node 20 and every current browser): no zone data of our own.
 * Instants are `Date`s (UTC); wall times are `LocalDateTime`s read in an IANA zone.
 */

export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM (24 h) */
  time: string;
}

export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekday: number;
}

export const DEFAULT_ZONES = { europe: 'Europe/Rome', china: 'Asia/Shanghai' } as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether `zone` is an IANA time-zone name this runtime knows ("Europe/Rome"; "UTC" too). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone.length === 0 || zone.length > 64) return false;
  // Offsets like "+01:00" are accepted by Intl but are not zones: they know nothing of daylight saving.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock reading of `instant` in `zone`. */
export function zonedParts(instant: Date, zone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(zone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday],
  };
}

/** UTC offset of `zone` at `instant`, in minutes (Rome in winter: 60; Shanghai: 480). */
export function offsetMinutes(instant: Date, zone: string): number {
  const p = zonedParts(instant, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  const floored = Math.floor(instant.getTime() / 60_000) * 60_000;
  return Math.round((asUtc - floored) / 60_000);
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The local date and time of `instant` in `zone`. */
export function toLocal(instant: Date, zone: string): LocalDateTime {
  const p = zonedParts(instant, zone);
  return { date: `${p.year}-${pad2(p.month)}-${pad2(p.day)}`, time: `${pad2(p.hour)}:${pad2(p.minute)}` };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** Parses "YYYY-MM-DD" and "HH:MM" strictly (real calendar dates only); null when malformed. */
export function parseLocal(
  local: LocalDateTime,
): { year: number; month: number; day: number; hour: number; minute: number } | null {
  const d = DATE.exec(local.date);
  const t = TIME.exec(local.time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  return { year, month, day, hour, minute };
}

export type LocalResolution =
  /** The wall time exists once. */
  | { kind: 'exact'; instant: Date }
  /** The clocks jumped over it (spring forward): `instant` is the same length after the jump (RFC 5545 §3.3.5). */
  | { kind: 'gap'; instant: Date; gapMinutes: number }
  /** It happens twice (fall back): `instant` is the first, `later` the second (RFC 5545 §3.3.5: the first). */
  | { kind: 'ambiguous'; instant: Date; later: Date };

/** The instant(s) a wall time in `zone` stands for. Throws on a malformed date or time. */
export function resolveLocal(local: LocalDateTime, zone: string): LocalResolution {
  const p = parseLocal(local);
  if (!p) throw new RangeError(`Not a local date and time: ${local.date} ${local.time}`);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  const before = offsetMinutes(new Date(wall - 36 * 3_600_000), zone);
  const after = offsetMinutes(new Date(wall + 36 * 3_600_000), zone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((t) => {
      const back = zonedParts(new Date(t), zone);
      return Date.UTC(back.year, back.month - 1, back.day, back.hour, back.minute) === wall;
    })
    .sort((a, b) => a - b);
  if (candidates.length === 1) return { kind: 'exact', instant: new Date(candidates[0]) };
  if (candidates.length >= 2)
    return { kind: 'ambiguous', instant: new Date(candidates[0]), later: new Date(candidates[candidates.length - 1]) };
  // In a gap: read the wall time with the offset in force before the jump, which lands after it.
  return { kind: 'gap', instant: new Date(wall - before * 60_000), gapMinutes: after - before };
}

/** The instant of a wall time; gaps move forward and repeated times take the first (RFC 5545 rules). */
export function localToInstant(local: LocalDateTime, zone: string): Date {
  return resolveLocal(local, zone).instant;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** A fallback zone per country, for people who have not chosen one: the capital's, from ICU where possible. */
const COUNTRY_ZONES: Record<string, string> = {
  CN: 'Asia/Shanghai',
  IT: 'Europe/Rome',
  CA: 'America/Toronto',
  US: 'America/New_York',
  GB: 'Europe/London',
  ES: 'Europe/Madrid',
  PT: 'Europe/Lisbon',
  DE: 'Europe/Berlin',
  FR: 'Europe/Paris',
  AU: 'Australia/Sydney',
  RU: 'Europe/Moscow',
  BR: 'America/Sao_Paulo',
};

export function defaultZoneForCountry(country: string | null | undefined): string {
  if (!country) return 'UTC';
  const known = COUNTRY_ZONES[country.toUpperCase()];
  if (known) return known;
  try {
    const zones = (new Intl.Locale(`und-${country.toUpperCase()}`) as Intl.Locale & { timeZones?: string[] }).timeZones;
    if (zones && zones.length > 0 && isTimeZone(zones[0])) return zones[0];
  } catch {
    /* not a region ICU knows */
  }
  return 'UTC';
}

/**
 * The zones to show next to the viewer's: every other invitee zone, in the order given; when everyone shares
 * the viewer's zone, the project's other side (Rome ↔ Shanghai).
 */
export function counterpartZones(viewerZone: string, inviteeZones: readonly string[] = []): string[] {
  const others = [...new Set(inviteeZones)].filter((z) => z !== viewerZone && offsetsDiffer(z, viewerZone));
  if (others.length > 0) return others;
  return [viewerZone === DEFAULT_ZONES.china ? DEFAULT_ZONES.europe : DEFAULT_ZONES.china];
}

/** Zones with identical rules (Asia/Shanghai and Asia/Chongqing) would only repeat the same time. */
function offsetsDiffer(a: string, b: string): boolean {
  const probes = [new Date(Date.UTC(2026, 0, 15)), new Date(Date.UTC(2026, 6, 15))];
  return probes.some((t) => offsetMinutes(t, a) !== offsetMinutes(t, b));
}

export interface ZonedTime {
  zone: string;
  /** Localised date and time, e.g. "Tue, 10 Mar 2026, 10:00". */
  text: string;
  /** "GMT+1", "GMT+8". */
  offset: string;
  /** Short city name from the zone ("Rome", "Shanghai"). */
  city: string;
}

/** `instant` shown in each zone, in the viewer's locale ('en' or 'zh-CN'). */
export function formatInZones(instant: Date, zones: readonly string[], locale: string): ZonedTime[] {
  return zones.map((zone) => {
    const text = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(instant);
    const offsetPart = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName');
    return { zone, text, offset: offsetPart?.value ?? '', city: zoneCity(zone) };
  });
}

export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** "HH:MM" ↔ minutes after midnight. */
export function minutesOfDay(time: string): number {
  const t = TIME.exec(time);
  if (!t) throw new RangeError(`Not a time: ${time}`);
  return Number(t[1]) * 60 + Number(t[2]);
}

export function timeOfMinutes(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
