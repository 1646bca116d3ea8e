import type { FindTimeParticipantDto, FindTimeResponse, WorkingHoursDto } from '@roundtable/contracts';
import { timeOfMinutes, type Slot } from '@roundtable/domain';
import type { ParticipantRow, WorkingHoursRow } from './meeting.repository';

/** Working hours not chosen yet: 08:00–20:00 (minutes of the day). */
const DEFAULT_START = 480;
const DEFAULT_END = 1200;

export function presentWorkingHours(row: WorkingHoursRow | undefined): WorkingHoursDto {
  return {
    timeZone: row?.time_zone ?? 'UTC',
    workStart: timeOfMinutes(row?.work_start_minute ?? DEFAULT_START),
    workEnd: timeOfMinutes(row?.work_end_minute ?? DEFAULT_END),
    isDefault: row?.work_start_minute == null,
  };
}

export function presentParticipant(row: ParticipantRow): FindTimeParticipantDto {
  return {
    personId: row.id,
    displayName: row.display_name,
    country: row.country.trim(),
    timeZone: row.time_zone,
    workStart: timeOfMinutes(row.work_start_minute ?? DEFAULT_START),
    workEnd: timeOfMinutes(row.work_end_minute ?? DEFAULT_END),
  };
}

export function presentFindTime(
  slots: readonly Slot[],
  participants: FindTimeParticipantDto[],
  holidays: FindTimeResponse['holidays'],
): FindTimeResponse {
  return {
    slots: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString(), unavailable: s.unavailable })),
    participants,
    holidays,
  };
}
