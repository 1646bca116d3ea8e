import type { ActionItemDto } from './minutes';
import type { Bilingual, DocumentStatus, DocumentType } from './dto';
import type { RsvpResponse } from './meetings';
import type { PlanRisk } from './plan';

/** One bounded list of the start page: the first items and how many there are in all (the rest are on its page). */
export interface StartSectionDto<T> {
  items: T[];
  total: number;
}

/** An occurrence of a meeting the caller is invited to, still to come or running. */
export interface StartMeetingDto {
  meetingId: string;
  title: string;
  workingGroupCode: string | null;
  /** ISO instants of this occurrence. */
  start: string;
  end: string;
  /** The zone the meeting was planned in. */
  timeZone: string;
  /** The invitees' zones (the start page shows only the reader's zone and the meeting's or the counterpart's). */
  inviteeZones: string[];
  myRsvp: RsvpResponse | null;
}

/** The deliverable or milestone a document counts toward (the earliest not yet delivered). */
export interface StartDeadlineDto {
  planItemId: string;
  number: string;
  title: Bilingual;
  /** `YYYY-MM-DD`. */
  dueDate: string;
  risk: PlanRisk;
}

/** A document the caller may edit, with its state and the deadline it counts toward. */
export interface StartDocumentDto {
  id: string;
  title: Bilingual;
  type: DocumentType;
  workingGroupCode: string | null;
  status: DocumentStatus;
  updatedAt: string;
  deadline: StartDeadlineDto | null;
}

/** A comment addressed to the caller: a mention, or a reply in a thread they wrote in. */
export interface StartMentionDto {
  kind: 'mention' | 'reply';
  commentId: string;
  threadId: string;
  documentId: string;
  documentTitle: Bilingual;
  authorName: string;
  /** The comment's text, mentions shown as "@Name", shortened. */
  excerpt: string;
  createdAt: string;
}

/** Something waiting for the caller's approval or review. */
export type StartRequestDto =
  | {
      kind: 'minutes-approval';
      minutesId: string;
      meetingTitle: string;
      workingGroupCode: string | null;
      occurrenceStart: string;
      /** End of the comment window. */
      commentsUntil: string | null;
    }
  | {
      kind: 'application-review';
      applicationId: string;
      callId: string;
      callTitle: Bilingual;
      /** The applicant's name is not shown here: the review page shows it to reviewers. */
      submittedAt: string;
    };

/** An overdue deliverable or milestone of a project the caller coordinates. */
export interface StartOverdueItemDto {
  planItemId: string;
  number: string;
  title: Bilingual;
  dueDate: string;
}

/** Circulated minutes of a coordinated project still waiting for their approvals. */
export interface StartPendingMinutesDto {
  minutesId: string;
  meetingTitle: string;
  workingGroupCode: string | null;
  occurrenceStart: string;
  approvals: number;
  approvalsNeeded: number;
}

/** A working group seat left open by a co-chair (ADR 028). */
export interface StartVacancyDto {
  workingGroupId: string;
  workingGroupCode: string;
  region: 'europe' | 'china';
  /** Null when the seat was never filled nor recorded vacant (ADR 028). */
  openedAt: string | null;
}

/** The project's risks, for coordinators only. */
export interface StartRisksDto {
  overdueItems: StartSectionDto<StartOverdueItemDto>;
  overdueActions: StartSectionDto<ActionItemDto>;
  coChairVacancies: StartSectionDto<StartVacancyDto>;
  minutesAwaitingApproval: StartSectionDto<StartPendingMinutesDto>;
}

/** GET /api/me/start: what the signed-in person should look at next. */
export interface StartPageDto {
  meetings: StartSectionDto<StartMeetingDto>;
  actions: StartSectionDto<ActionItemDto>;
  documents: StartSectionDto<StartDocumentDto>;
  mentions: StartSectionDto<StartMentionDto>;
  requests: StartSectionDto<StartRequestDto>;
  /** Null unless the caller coordinates a project. */
  risks: StartRisksDto | null;
}

/** How many items each section of the start page shows. */
export const START_SECTION_LIMIT = 5;
