import type { DstShiftDto, MeetingType, RsvpResponse } from '@roundtable/contracts';
import { zoneCity } from '@roundtable/domain';
import type { MeetingsT } from './meetings.messages';

export function meetingTypeLabel(t: MeetingsT, type: MeetingType): string {
  switch (type) {
    case 'wg-meeting':
      return t('meetings.type.wgMeeting');
    case 'kick-off':
      return t('meetings.type.kickOff');
    case 'harmonisation-workshop':
      return t('meetings.type.harmonisationWorkshop');
    case 'roadmap-validation-workshop':
      return t('meetings.type.roadmapValidationWorkshop');
    case 'advisory-board':
      return t('meetings.type.advisoryBoard');
    case 'other':
      return t('meetings.type.other');
  }
}

export function rsvpLabel(t: MeetingsT, response: RsvpResponse | null): string {
  switch (response) {
    case 'yes':
      return t('meetings.rsvp.yes');
    case 'no':
      return t('meetings.rsvp.no');
    case 'maybe':
      return t('meetings.rsvp.maybe');
    case null:
      return t('meetings.rsvp.none');
  }
}

/** "From 14 Apr 2026 the meeting is at 16:00 in Shanghai instead of 17:00 (the gap is 6 h, was 7 h)." */
export function dstShiftText(t: MeetingsT, shift: DstShiftDto, locale: string): string {
  return t('meetings.dst.shift', {
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(shift.at)),
    city: zoneCity(shift.zone),
    before: shift.localTimeBefore,
    after: shift.localTimeAfter,
    hoursBefore: Math.abs(shift.hoursBefore),
    hoursAfter: Math.abs(shift.hoursAfter),
  });
}

/** The browser's zone: what the viewer's own clock shows. */
export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
