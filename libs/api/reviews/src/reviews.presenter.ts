import type {
  ReviewCommentDto,
  ReviewerDto,
  ReviewerViewDto,
  ReviewRoundDto,
  ReviewRoundSummaryDto,
} from '@roundtable/contracts';
import { reanchor, reviewRoundStatus } from '@roundtable/domain';
import type { ReviewRound, Reviewer } from './reviews.entities';
import type { CommentRow, DocumentTitles, RoundCounts } from './reviews.repository';

/** A comment; with `liveText` (the authors' view) also where its passage lives in the current document. */
export function presentReviewComment(row: CommentRow, liveText: string | null): ReviewCommentDto {
  const named = row.reviewer.consentNamed || row.reviewer.type === 'member';
  return {
    id: row.id,
    number: row.number,
    reviewerId: row.reviewerId,
    reviewerName: named ? row.reviewer.name : null,
    reviewerOrganisation: row.reviewer.organisation,
    reviewerType: row.reviewer.type,
    quote: row.quote,
    start: row.quoteStart,
    end: row.quoteEnd,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    disposition: row.disposition,
    responseEn: row.responseEn,
    responseZh: row.responseZh,
    changeLinks: row.changeLinks,
    duplicateOfCommentId: row.duplicateOfCommentId,
    disposedAt: row.disposedAt?.toISOString() ?? null,
    live: liveText !== null && row.quote !== null ? reanchor(row.quote, row.quoteStart ?? 0, liveText) : null,
  };
}

export function presentReviewer(row: Reviewer, commentCount: number): ReviewerDto {
  return {
    id: row.id,
    name: row.name,
    organisation: row.organisation,
    type: row.type,
    locale: row.locale,
    email: row.email,
    member: row.userId !== null,
    invitedAt: row.invitedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    firstUsedAt: row.firstUsedAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    commentCount,
  };
}

export function presentRoundSummary(
  round: ReviewRound,
  titles: DocumentTitles,
  counts: RoundCounts | undefined,
  now: Date,
): ReviewRoundSummaryDto {
  return {
    id: round.id,
    documentId: round.documentId,
    documentTitle: titles.title,
    documentTitleZh: titles.titleZh,
    name: round.name,
    versionId: round.versionId,
    status: reviewRoundStatus(round, now),
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    respondedAt: round.respondedAt?.toISOString() ?? null,
    commentCount: counts?.comments ?? 0,
    disposedCount: counts?.disposed ?? 0,
  };
}

export interface RoundView {
  round: ReviewRound;
  titles: DocumentTitles;
  comments: CommentRow[];
  reviewers: Reviewer[];
  commentCounts: Map<string, number>;
  liveText: string;
  canManage: boolean;
  canRespond: boolean;
  isMember: boolean;
}

export function presentRound(view: RoundView, now: Date): ReviewRoundDto {
  const disposed = view.comments.filter((c) => c.disposition !== null).length;
  const summary = presentRoundSummary(view.round, view.titles, { comments: view.comments.length, disposed }, now);
  return {
    ...summary,
    instructionsEn: view.round.instructionsEn,
    instructionsZh: view.round.instructionsZh,
    questions: view.round.questions,
    reviewers: view.canManage ? view.reviewers.map((r) => presentReviewer(r, view.commentCounts.get(r.id) ?? 0)) : [],
    comments: view.comments.map((c) => presentReviewComment(c, view.liveText)),
    canManage: view.canManage,
    canRespond: view.canRespond,
    canReviewAsMember: view.isMember && summary.status === 'open',
  };
}

export function presentReviewerView(
  round: ReviewRound,
  reviewer: Pick<Reviewer, 'id' | 'name' | 'locale' | 'consentNamed' | 'submittedAt' | 'answers'>,
  titles: DocumentTitles,
  html: string,
  comments: CommentRow[],
  now: Date,
): ReviewerViewDto {
  const status = reviewRoundStatus(round, now);
  const responded = status === 'responded';
  return {
    roundId: round.id,
    name: round.name,
    documentTitle: titles.title,
    documentTitleZh: titles.titleZh,
    status,
    opensAt: round.opensAt.toISOString(),
    closesAt: round.closesAt.toISOString(),
    instructionsEn: round.instructionsEn,
    instructionsZh: round.instructionsZh,
    questions: round.questions,
    html,
    reviewer: {
      id: reviewer.id,
      name: reviewer.name,
      locale: reviewer.locale,
      consentNamed: reviewer.consentNamed,
      submittedAt: reviewer.submittedAt?.toISOString() ?? null,
    },
    answers: reviewer.answers,
    // Dispositions are the authors' work in progress until the round is responded.
    comments: comments.map((c) => {
      const dto = presentReviewComment(c, null);
      return responded
        ? dto
        : {
            ...dto,
            disposition: null,
            responseEn: null,
            responseZh: null,
            changeLinks: [],
            disposedAt: null,
            duplicateOfCommentId: null,
          };
    }),
    canEdit: status === 'open',
  };
}
