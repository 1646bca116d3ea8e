/** Minutes of one meeting occurrence, their approvals, decisions and action items. */
export type MinutesStatusDto = 'draft' | 'circulated' | 'approved';
export type ActionStatusDto = 'open' | 'done' | 'dropped';

export const MINUTES_LIMITS = {
  textMax: 2000,
  commentDaysMin: 1,
  commentDaysMax: 30,
  commentDaysDefault: 7,
  searchMax: 200,
} as const;

export interface MinutesApprovalDto {
  userId: string;
  personId: string | null;
  displayName: string;
  approvedAt: string;
}

export interface DecisionDto {
  id: string;
  text: string;
  agendaItemId: string | null;
  agendaItemTitle: string | null;
  createdAt: string;
}

export interface ActionItemDto {
  id: string;
  minutesId: string;
  meetingId: string;
  meetingTitle: string;
  workingGroupId: string | null;
  workingGroupCode: string | null;
  /** The occurrence the action was recorded at. */
  occurrenceStart: string;
  text: string;
  ownerPersonId: string;
  ownerName: string;
  /** YYYY-MM-DD or null. */
  dueOn: string | null;
  status: ActionStatusDto;
  agendaItemId: string | null;
  agendaItemTitle: string | null;
  /** Open and due before the server's today. */
  overdue: boolean;
  /** Whether the caller may set its status. */
  canSetStatus: boolean;
}

export interface MinutesSummaryDto {
  id: string;
  meetingId: string;
  meetingTitle: string;
  meetingTimeZone: string;
  projectId: string;
  workingGroupId: string | null;
  workingGroupCode: string | null;
  occurrenceStart: string;
  documentId: string;
  status: MinutesStatusDto;
  approvedAt: string | null;
}

export interface MinutesDto extends MinutesSummaryDto {
  circulatedAt: string | null;
  /** End of the comment window while circulated. */
  commentsUntil: string | null;
  approvals: MinutesApprovalDto[];
  /** Approvals needed in all (2 for WG minutes: both co-chairs; 1 for project events: a coordinator). */
  approvalsNeeded: number;
  approvedVersionId: string | null;
  decisions: DecisionDto[];
  actions: ActionItemDto[];
  /** Caller may circulate / edit decisions and actions (while not approved). */
  canManage: boolean;
  /** Caller may edit decisions and action items (writes the document, minutes not approved). */
  canEditItems: boolean;
  /** Caller may approve now (approver, circulated, not yet approved by them). */
  canApprove: boolean;
}

export interface StartMinutesRequest {
  /** The occurrence's original start (ISO), as in OccurrenceDto.originalStart. */
  occurrenceStart: string;
}

export interface CirculateMinutesRequest {
  /** Comment window in days (default 7). */
  commentDays?: number;
}

export interface DecisionRequest {
  text: string;
  agendaItemId?: string | null;
}

export interface ActionItemRequest {
  text: string;
  ownerPersonId: string;
  dueOn?: string | null;
  agendaItemId?: string | null;
}

export interface ActionItemUpdateRequest {
  text?: string;
  ownerPersonId?: string;
  dueOn?: string | null;
  agendaItemId?: string | null;
  status?: ActionStatusDto;
}

export interface MinutesArchiveQuery {
  q?: string;
  workingGroupId?: string;
  from?: string;
  to?: string;
}

export interface MinutesArchiveEntryDto extends MinutesSummaryDto {
  /** A short extract around the first match of the search text (or the beginning). */
  excerpt: string;
}
