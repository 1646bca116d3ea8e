import { offsetMinutes, toLocal } from './time-zones';

export interface DstShift {
  /** The first occurrence after the change. */
  at: Date;
  /** The zone whose offset to the meeting's zone changed. */
  zone: string;
  /** Hours between the meeting's zone and `zone` before and after (Rome → Shanghai: 7 then 6). */
  hoursBefore: number;
  hoursAfter: number;
  /** The counterpart's local time of the occurrence before and after the change ("17:00" → "16:00"). */
  localTimeBefore: string;
  localTimeAfter: string;
}

/**
 * Where a series' time moves for someone: between consecutive occurrences the offset between the meeting's
 * zone and another invitee's zone changes (Europe changes clocks, China does not: the gap Rome ↔ Shanghai
 * moves between 7 and 6 hours, so a 10:00 Rome meeting moves from 17:00 to 16:00 in Shanghai).
 */
export function dstShifts(
  occurrences: readonly Date[],
  meetingZone: string,
  otherZones: readonly string[],
): DstShift[] {
  const shifts: DstShift[] = [];
  for (const zone of [...new Set(otherZones)].filter((z) => z !== meetingZone)) {
    for (let i = 1; i < occurrences.length; i++) {
      const previous = occurrences[i - 1];
      const current = occurrences[i];
      const before = offsetMinutes(previous, zone) - offsetMinutes(previous, meetingZone);
      const after = offsetMinutes(current, zone) - offsetMinutes(current, meetingZone);
      if (before === after) continue;
      shifts.push({
        at: current,
        zone,
        hoursBefore: before / 60,
        hoursAfter: after / 60,
        localTimeBefore: toLocal(previous, zone).time,
        localTimeAfter: toLocal(current, zone).time,
      });
    }
  }
  return shifts.sort((a, b) => a.at.getTime() - b.at.getTime() || a.zone.localeCompare(b.zone));
}
