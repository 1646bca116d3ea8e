/** Review rounds with outside reviewers, dispositions and the response matrix (issue #15 items 2–4, ADR 041). */

export const REVIEWER_TYPES = ['funder', 'ministry', 'agency', 'patient-organisation', 'member', 'other'] as const;
export type ReviewerType = (typeof REVIEWER_TYPES)[number];

export const DISPOSITIONS = [
  'accepted',
  'partly-accepted',
  'not-accepted',
  'noted',
  'out-of-scope',
  'duplicate',
] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** `scheduled` before it opens; `open` until it closes; `closed` until every comment has a disposition and it is marked responded. */
export type ReviewRoundStatus = 'scheduled' | 'open' | 'closed' | 'responded';

export interface ReviewQuestionDto {
  id: string;
  textEn: string;
  textZh: string;
  /** Highest point of the scale (1…scaleMax), or null for a free-text-only question. */
  scaleMax: number | null;
}

export interface ReviewAnswerDto {
  questionId: string;
  scale: number | null;
  text: string | null;
}

/** Where a comment's frozen passage is in the live document now. */
export interface ReviewLiveAnchorDto {
  /** `same`: the passage is where it was; `moved`: found elsewhere; `deleted`: no longer in the text. */
  state: 'same' | 'moved' | 'deleted';
  /** Offsets in the live document's text (null when deleted). */
  start: number | null;
  end: number | null;
  /** A little text around the passage in the live document (null when deleted). */
  before: string | null;
  after: string | null;
}

export interface ReviewCommentDto {
  id: string;
  /** 1, 2, … in the order comments were made in the round: "C3" in the matrix. */
  number: number;
  reviewerId: string;
  /** The reviewer's name, or null when they did not consent to be named ("anonymous"). */
  reviewerName: string | null;
  reviewerOrganisation: string | null;
  reviewerType: ReviewerType;
  /** The quoted passage of the frozen version, or null for a general comment. */
  quote: string | null;
  start: number | null;
  end: number | null;
  body: string;
  createdAt: string;
  disposition: Disposition | null;
  responseEn: string | null;
  responseZh: string | null;
  changeLinks: string[];
  duplicateOfCommentId: string | null;
  disposedAt: string | null;
  /** Only in the authors' view: where the passage lives in the current document. */
  live: ReviewLiveAnchorDto | null;
}

export interface ReviewerDto {
  id: string;
  name: string;
  organisation: string | null;
  type: ReviewerType;
  locale: 'en' | 'zh-CN';
  /** Members reviewing with their accounts have no link and no email here. */
  email: string | null;
  member: boolean;
  invitedAt: string;
  revokedAt: string | null;
  firstUsedAt: string | null;
  submittedAt: string | null;
  commentCount: number;
}

export interface ReviewRoundSummaryDto {
  id: string;
  documentId: string;
  documentTitle: string;
  documentTitleZh: string;
  name: string;
  versionId: string;
  status: ReviewRoundStatus;
  opensAt: string;
  closesAt: string;
  respondedAt: string | null;
  commentCount: number;
  disposedCount: number;
}

/** A round as the project's members see it (authors, co-chairs, coordinators). */
export interface ReviewRoundDto extends ReviewRoundSummaryDto {
  instructionsEn: string;
  instructionsZh: string;
  questions: ReviewQuestionDto[];
  /** Only for those who manage the round; empty otherwise. */
  reviewers: ReviewerDto[];
  comments: ReviewCommentDto[];
  canManage: boolean;
  canRespond: boolean;
  /** Whether the caller (a member) may review in the round with their own account now. */
  canReviewAsMember: boolean;
}

/** What a reviewer sees: the frozen version, never the live document. */
export interface ReviewerViewDto {
  roundId: string;
  name: string;
  documentTitle: string;
  documentTitleZh: string;
  status: ReviewRoundStatus;
  opensAt: string;
  closesAt: string;
  instructionsEn: string;
  instructionsZh: string;
  questions: ReviewQuestionDto[];
  /** The frozen version as HTML (the shared schema's rendering). */
  html: string;
  reviewer: { id: string; name: string; locale: 'en' | 'zh-CN'; consentNamed: boolean; submittedAt: string | null };
  answers: ReviewAnswerDto[];
  /** The reviewer's own comments (with the responses once the round is responded). */
  comments: ReviewCommentDto[];
  /** Open, and the reviewer may still add and change things. */
  canEdit: boolean;
}

export interface ReviewSessionDto {
  roundId: string;
}
