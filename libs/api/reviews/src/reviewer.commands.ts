import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type ReviewAnswerDto } from '@roundtable/contracts';
import { ApiException, Clock, hashLinkToken, looksLikeLinkToken, newLinkToken } from '@roundtable/api-platform';
import { reviewRoundStatus, textOfHtml } from '@roundtable/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { REVIEW_SESSION_MS, type ReviewerIdentity } from './reviewer.access';
import type { ReviewAnswersDto, ReviewCommentInputDto, SubmitReviewDto } from './reviews.dto';
import { ReviewComment, ReviewRound, Reviewer, ReviewSession } from './reviews.entities';
import { ReviewsRepository } from './reviews.repository';
import { invalid } from './reviews.errors';

/** What reviewers do: swap their link for a session, comment, answer, submit (ADR 041). */
@Injectable()
export class ReviewerCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReviewsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * A personal link's token → a short reviewer session (its cookie token is returned once, only its hash is
   * stored). Unknown and revoked links are 404, links past their end 410.
   */
  async startSession(token: string): Promise<{ roundId: string; sessionToken: string; expiresAt: Date }> {
    const notFound = new ApiException(
      ErrorCode.NotFound,
      'This review link is not valid. Ask the project for a new one.',
    );
    if (!looksLikeLinkToken(token)) throw notFound;
    return this.dataSource.transaction(async (manager) => {
      const reviewer = await this.repository.byToken(manager, hashLinkToken(token));
      if (!reviewer || reviewer.revokedAt) throw notFound;
      const now = this.clock.now();
      const end = reviewer.tokenExpiresAt;
      if (!end || end.getTime() <= now.getTime())
        throw new ApiException(ErrorCode.InvitationExpired, 'This review link has expired.');
      const sessionToken = newLinkToken();
      // The session ends with the link (by the Clock), and after REVIEW_SESSION_MS of real time at the latest.
      const expiresAt = new Date(Date.now() + Math.min(REVIEW_SESSION_MS, end.getTime() - now.getTime()));
      await manager
        .getRepository(ReviewSession)
        .insert({ tokenHash: hashLinkToken(sessionToken), reviewerId: reviewer.id, expiresAt });
      if (!reviewer.firstUsedAt)
        await manager.getRepository(Reviewer).update({ id: reviewer.id }, { firstUsedAt: now });
      return { roundId: reviewer.roundId, sessionToken, expiresAt };
    });
  }

  async endSession(sessionToken: string | null): Promise<void> {
    if (sessionToken)
      await this.dataSource.getRepository(ReviewSession).delete({ tokenHash: hashLinkToken(sessionToken) });
  }

  /** A comment on a passage of the frozen version (its text at `start` must be `quote`), or a general one. */
  async comment(identity: ReviewerIdentity, body: ReviewCommentInputDto): Promise<string> {
    if (body.quote !== undefined && body.start === undefined)
      throw invalid('start', 'quoteAndStart', 'start is required with quote');
    if (body.quote === undefined && body.start !== undefined)
      throw invalid('quote', 'quoteAndStart', 'quote is required with start');
    return this.dataSource.transaction(async (manager) => {
      const round = await this.lockOpen(manager, identity.round.id);
      if (body.quote !== undefined && body.start !== undefined) {
        const text = textOfHtml((await this.repository.frozen(round.versionId)).html);
        if (text.slice(body.start, body.start + body.quote.length) !== body.quote)
          throw invalid('quote', 'quoteMismatch', 'quote must be the text of the frozen version at start');
      }
      const reviewer = await this.reviewerFor(manager, identity);
      const saved = await manager.getRepository(ReviewComment).save({
        roundId: round.id,
        reviewerId: reviewer.id,
        number: await this.repository.nextNumber(manager, round.id),
        quote: body.quote ?? null,
        quoteStart: body.start ?? null,
        quoteEnd: body.quote !== undefined && body.start !== undefined ? body.start + body.quote.length : null,
        body: body.body.trim(),
        disposition: null,
        responseEn: null,
        responseZh: null,
        changeLinks: [],
        duplicateOfCommentId: null,
        disposedByUserId: null,
        disposedAt: null,
      });
      return saved.id;
    });
  }

  /** Withdraws one of the reviewer's own comments while the round is open. */
  async deleteComment(identity: ReviewerIdentity, commentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockOpen(manager, identity.round.id);
      const comment = await this.repository.comment(identity.round.id, commentId, manager);
      if (!identity.reviewer || comment.reviewerId !== identity.reviewer.id)
        throw new ApiException(ErrorCode.NotFound, 'Review comment not found in this round.');
      await manager.getRepository(ReviewComment).delete({ id: comment.id });
    });
  }

  /** The questionnaire's answers (each question at most once, the scale within the question's). */
  async answer(identity: ReviewerIdentity, body: ReviewAnswersDto): Promise<void> {
    const questions = new Map(identity.round.questions.map((q) => [q.id, q]));
    const seen = new Set<string>();
    const answers: ReviewAnswerDto[] = body.answers.map((a, i) => {
      const question = questions.get(a.questionId);
      if (!question || seen.has(a.questionId))
        throw invalid(
          `answers.${i}.questionId`,
          'unknownQuestion',
          'questionId must be a question of this round, answered once',
        );
      seen.add(a.questionId);
      const scale = a.scale ?? null;
      if (scale !== null && (question.scaleMax === null || scale > question.scaleMax))
        throw invalid(
          `answers.${i}.scale`,
          'scaleRange',
          `scale must be between 1 and ${question.scaleMax ?? 0} for this question`,
          {
            max: question.scaleMax ?? 0,
          },
        );
      return { questionId: a.questionId, scale, text: a.text?.trim() || null };
    });
    await this.dataSource.transaction(async (manager) => {
      await this.lockOpen(manager, identity.round.id);
      const reviewer = await this.reviewerFor(manager, identity);
      await manager.getRepository(Reviewer).update({ id: reviewer.id }, { answers });
    });
  }

  /** Marks the review submitted (it can still change until the round closes) with the naming consent. */
  async submit(identity: ReviewerIdentity, body: SubmitReviewDto): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lockOpen(manager, identity.round.id);
      const reviewer = await this.reviewerFor(manager, identity);
      await manager
        .getRepository(Reviewer)
        .update({ id: reviewer.id }, { submittedAt: this.clock.now(), consentNamed: body.consentNamed });
    });
  }

  private async lockOpen(manager: EntityManager, roundId: string): Promise<ReviewRound> {
    const round = await this.repository.round(roundId, manager, true);
    const status = reviewRoundStatus(round, this.clock.now());
    if (status === 'scheduled') throw new ApiException(ErrorCode.IllegalTransition, 'This round is not open yet.');
    if (status !== 'open') throw new ApiException(ErrorCode.IllegalTransition, 'This round is closed.');
    return round;
  }

  /** The outside reviewer, or the member's reviewer row (made on their first contribution). */
  private async reviewerFor(manager: EntityManager, identity: ReviewerIdentity): Promise<Reviewer> {
    if (identity.kind === 'outside') return identity.reviewer;
    const existing = await this.repository.memberReviewer(identity.round.id, identity.user.id, manager);
    if (existing) return existing;
    return manager.getRepository(Reviewer).save({
      roundId: identity.round.id,
      userId: identity.user.id,
      name: identity.user.displayName,
      organisation: null,
      type: 'member' as const,
      email: null,
      locale: identity.user.locale === 'zh-CN' ? ('zh-CN' as const) : ('en' as const),
      tokenHash: null,
      tokenExpiresAt: null,
      invitedByUserId: null,
      invitedAt: this.clock.now(),
      revokedAt: null,
      firstUsedAt: this.clock.now(),
      submittedAt: null,
      consentNamed: true,
      answers: [],
    });
  }
}
