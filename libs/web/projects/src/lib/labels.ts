import type { TFunction } from 'i18next';
import type { DocumentDto, WorkingGroupMemberDto, WorkingGroupRole } from '@roundtable/contracts';

export const documentTypeLabel = (t: TFunction, type: DocumentDto['type']) => t(`documentType.${type}`);
export const documentStatusLabel = (t: TFunction, status: DocumentDto['status']) => t(`documentStatus.${status}`);
export const roleLabel = (t: TFunction, role: WorkingGroupRole) => t(`role.${role}`);
export const regionLabel = (t: TFunction, region: WorkingGroupMemberDto['region']) => t(`region.${region}`);
export const accessLabel = (t: TFunction, access: DocumentDto['access']) => t(`access.${access}`);

/** Formats a calendar date (`YYYY-MM-DD`) for the current language, without time-zone shifts. */
export function formatDate(date: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(utc);
}

export const sectorLabel = (t: TFunction, sector: string) => t(`sector.${sector}`);
export const genderLabel = (t: TFunction, gender: string) => t(`gender.${gender}`);

/** "Italy (Europe)", or just "China" when the country and region names are the same. */
export function countryWithRegion(t: TFunction, countryName: string, region: WorkingGroupMemberDto['region']): string {
  const label = regionLabel(t, region);
  return countryName === label ? countryName : `${countryName} (${label})`;
}
