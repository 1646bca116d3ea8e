/** Meetings: WG meetings and project-wide events, single or recurring. Instants are ISO 8601 UTC strings. */

export const MEETING_TYPES = [
  'wg-meeting',
  'kick-off',
  'harmonisation-workshop',
  'roadmap-validation-workshop',
  'advisory-board',
  'other',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];
/** Types of project-wide events (meetings without a working group). */
export const PROJECT_EVENT_TYPES = MEETING_TYPES.filter((t) => t !== 'wg-meeting') as Exclude<
  MeetingType,
  'wg-meeting'
>[];

export const RSVP_RESPONSES = ['yes', 'no', 'maybe'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

export const MEETING_LIMITS = {
  titleMax: 200,
  descriptionMax: 10_000,
  durationMax: 1440,
  agendaMax: 50,
  agendaTitleMax: 300,
  placeMax: 300,
  urlMax: 2000,
  findTimeDaysMax: 60,
  reminderDefault: 1440,
  reminderMax: 20_160,
} as const;

export interface AgendaItemDto {
  id: string;
  position: number;
  title: string;
  presenterPersonId: string | null;
  presenterName: string | null;
  minutesAllotted: number | null;
  documentIds: string[];
}

export interface AgendaItemInput {
  /** Keep an existing item's id (decisions and action items will refer to it). */
  id?: string;
  title: string;
  presenterPersonId?: string | null;
  minutesAllotted?: number | null;
  documentIds?: string[];
}

export interface MeetingInviteeDto {
  personId: string;
  displayName: string;
  country: string;
  /** The person's zone (from their profile). */
  timeZone: string;
  rsvp: RsvpResponse | null;
  rsvpAt: string | null;
}

export interface OccurrenceDto {
  /** The start the rule gives: the key for changes, attendance (and minutes). */
  originalStart: string;
  start: string;
  end: string;
  cancelled: boolean;
  changed: boolean;
  /** Person ids recorded as present. */
  attendees: string[];
}

export interface DstShiftDto {
  at: string;
  zone: string;
  hoursBefore: number;
  hoursAfter: number;
  localTimeBefore: string;
  localTimeAfter: string;
}

export interface MeetingSummaryDto {
  id: string;
  projectId: string;
  workingGroupId: string | null;
  workingGroupCode: string | null;
  type: MeetingType;
  title: string;
  /** First start (UTC). */
  start: string;
  timeZone: string;
  durationMinutes: number;
  rrule: string | null;
  status: 'scheduled' | 'cancelled';
  /** Next occurrence not cancelled that has not ended, if any. */
  next: { start: string; end: string } | null;
  invited: boolean;
  myRsvp: RsvpResponse | null;
}

export interface MeetingDto extends MeetingSummaryDto {
  description: string;
  onlineUrl: string | null;
  place: string | null;
  sequence: number;
  /** Invitees are reminded this long before each occurrence (0: no reminder). */
  reminderMinutesBefore: number;
  organizer: { personId: string; displayName: string } | null;
  agenda: AgendaItemDto[];
  invitees: MeetingInviteeDto[];
  occurrences: OccurrenceDto[];
  dstShifts: DstShiftDto[];
  canManage: boolean;
}

export interface CreateMeetingRequest {
  /** Required for a WG meeting; null/absent for a project event. */
  workingGroupId?: string | null;
  type: MeetingType;
  title: string;
  description?: string;
  /** Local start in `timeZone`: "YYYY-MM-DDTHH:MM". */
  start: string;
  timeZone: string;
  durationMinutes: number;
  onlineUrl?: string | null;
  place?: string | null;
  /** RRULE subset: FREQ=WEEKLY (INTERVAL, BYDAY) or FREQ=MONTHLY;BYDAY=2TU, with COUNT or UNTIL. */
  rrule?: string | null;
  agenda?: AgendaItemInput[];
  /** Defaults to the working group's current members (and nobody for a project event). */
  inviteePersonIds?: string[];
  /** Minutes before each occurrence that invitees get a reminder; default 1440 (24 h), 0 for none. */
  reminderMinutesBefore?: number;
}

export type UpdateMeetingRequest = Partial<Omit<CreateMeetingRequest, 'workingGroupId'>>;

export interface OccurrenceChangeRequest {
  /** New local start in the meeting's zone: "YYYY-MM-DDTHH:MM". */
  start?: string;
  durationMinutes?: number;
}

export interface FindTimeRequest {
  workingGroupId?: string | null;
  personIds?: string[];
  durationMinutes: number;
  /** First day to search (YYYY-MM-DD, UTC). */
  from: string;
  days: number;
}

export interface FindTimeParticipantDto {
  personId: string;
  displayName: string;
  country: string;
  timeZone: string;
  workStart: string;
  workEnd: string;
}

export interface FindTimeResponse {
  /** Slots that suit everyone; when none does, those that leave out the fewest people (`unavailable`). */
  slots: Array<{ start: string; end: string; unavailable: string[] }>;
  participants: FindTimeParticipantDto[];
  /** Public holidays in the participants' countries within the window, which the slots avoid. */
  holidays: Array<{ country: string; date: string; name: string }>;
}

/** The caller's working hours for find-a-time, local to their profile's zone. */
export interface WorkingHoursDto {
  timeZone: string;
  workStart: string;
  workEnd: string;
  /** True while the person has not chosen (08:00–20:00). */
  isDefault: boolean;
}

export interface CalendarFeedDto {
  active: boolean;
  createdAt: string | null;
  /** Only in the answer that creates the token: it is stored hashed and cannot be shown again. */
  url?: string;
}
