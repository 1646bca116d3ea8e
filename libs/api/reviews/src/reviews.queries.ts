import { Injectable } from '@nestjs/common';
import type { ReviewCommentDto, ReviewerViewDto, ReviewRoundDto, ReviewRoundSummaryDto } from '@roundtable/contracts';
import { Clock, type Authorisation } from '@roundtable/api-platform';
import { DocumentContentService } from '@roundtable/api-collaboration';
import { ExportDocumentCommand, ExportSourceQuery } from '@roundtable/api-exports';
import { can, textOfHtml } from '@roundtable/domain';
import type { ReviewerIdentity } from './reviewer.access';
import type { ReviewRound } from './reviews.entities';
import { presentReviewComment, presentReviewerView, presentRound, presentRoundSummary } from './reviews.presenter';
import { ReviewsRepository, type DocumentTitles } from './reviews.repository';

/** Reads of review rounds for requests; never write (the reviewer's files are stored by ReviewerFiles). */
@Injectable()
export class ReviewsQueries {
  constructor(
    private readonly repository: ReviewsRepository,
    private readonly content: DocumentContentService,
    private readonly clock: Clock,
  ) {}

  async ofDocument(documentId: string): Promise<ReviewRoundSummaryDto[]> {
    const rounds = await this.repository.roundsOf(documentId);
    const counts = await this.repository.counts(rounds.map((r) => r.id));
    const titles = await this.repository.document(documentId);
    const now = this.clock.now();
    return rounds.map((r) => presentRoundSummary(r, titles, counts.get(r.id), now));
  }

  /** The round as the project sees it, each comment re-anchored in the live document. */
  async round(authorisation: Authorisation, roundId: string): Promise<ReviewRoundDto> {
    const round = await this.repository.round(roundId);
    const [titles, comments, reviewers, commentCounts, live] = await Promise.all([
      this.repository.document(round.documentId),
      this.repository.comments(roundId),
      this.repository.reviewers(roundId),
      this.repository.commentCounts(roundId),
      this.content.render(round.documentId),
    ]);
    const ref = authorisation.resource?.ref ?? { projectId: '' };
    return presentRound(
      {
        round,
        titles,
        comments,
        reviewers,
        commentCounts,
        liveText: textOfHtml(live.html),
        canManage: can(authorisation.actor, 'review.manage', ref),
        canRespond: authorisation.access === 'write',
        isMember: Boolean(authorisation.actor.personId),
      },
      this.clock.now(),
    );
  }

  /** The comments of the response matrix, re-anchored in the live document. */
  async matrix(roundId: string): Promise<{ round: ReviewRound; titles: DocumentTitles; comments: ReviewCommentDto[] }> {
    const round = await this.repository.round(roundId);
    const [titles, rows, live] = await Promise.all([
      this.repository.document(round.documentId),
      this.repository.comments(roundId),
      this.content.render(round.documentId),
    ]);
    const liveText = textOfHtml(live.html);
    return { round, titles, comments: rows.map((c) => presentReviewComment(c, liveText)) };
  }

  /** What a reviewer sees: the frozen version and their own comments and answers. */
  async reviewerView(identity: ReviewerIdentity): Promise<ReviewerViewDto> {
    const round = identity.round;
    const [titles, { html }, comments] = await Promise.all([
      this.repository.document(round.documentId),
      this.repository.frozen(round.versionId),
      identity.reviewer ? this.repository.comments(round.id, identity.reviewer.id) : Promise.resolve([]),
    ]);
    const reviewer = identity.reviewer ?? {
      id: '',
      name: identity.kind === 'member' ? identity.user.displayName : '',
      locale: identity.kind === 'member' && identity.user.locale === 'zh-CN' ? ('zh-CN' as const) : ('en' as const),
      consentNamed: true,
      submittedAt: null,
      answers: [],
    };
    return presentReviewerView(round, reviewer, titles, html, comments, this.clock.now());
  }
}

/** The frozen version's DOCX or PDF for reviewers: without comment threads, made once and kept with the round. */
@Injectable()
export class ReviewerFiles {
  constructor(
    private readonly repository: ReviewsRepository,
    private readonly sources: ExportSourceQuery,
    private readonly exports: ExportDocumentCommand,
  ) {}

  async file(round: ReviewRound, format: 'docx' | 'pdf'): Promise<{ bytes: Buffer; title: string }> {
    const stored = await this.repository.storedFile(round.id, format);
    const { title } = await this.repository.document(round.documentId);
    if (stored) return { bytes: stored, title };
    const source = await this.sources.loadPublished(round.documentId, round.versionId);
    const bytes = await this.exports.renderFile(format, source);
    await this.repository.storeFile(round.id, format, bytes);
    return { bytes, title };
  }
}
