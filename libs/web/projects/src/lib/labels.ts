import type { SharedKey, SharedT } from '@roundtable/web-i18n';
import type { DocumentDto, WorkingGroupMemberDto, WorkingGroupRole } from '@roundtable/contracts';

export const documentTypeLabel = (t: SharedT, type: DocumentDto['type']) => t(`documentType.${type}`);
export const documentStatusLabel = (t: SharedT, status: DocumentDto['status']) => t(`documentStatus.${status}`);
export const roleLabel = (t: SharedT, role: WorkingGroupRole) => t(`role.${role}`);
export const regionLabel = (t: SharedT, region: WorkingGroupMemberDto['region']) => t(`region.${region}`);
export const accessLabel = (t: SharedT, access: DocumentDto['access']) => t(`access.${access}`);

/** Formats a calendar date (`YYYY-MM-DD`) for the current language, without time-zone shifts. */
export function formatDate(date: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(utc);
}

// Sectors and genders are open sets (a value the catalog lacks is shown as stored): hence the cast.
export const sectorLabel = (t: SharedT, sector: string) => t(`sector.${sector}` as SharedKey, { defaultValue: sector });
export const genderLabel = (t: SharedT, gender: string) => t(`gender.${gender}` as SharedKey, { defaultValue: gender });

/** "Italy (Europe)", or just "China" when the country and region names are the same. */
export function countryWithRegion(t: SharedT, countryName: string, region: WorkingGroupMemberDto['region']): string {
  const label = regionLabel(t, region);
  return countryName === label ? countryName : `${countryName} (${label})`;
}
