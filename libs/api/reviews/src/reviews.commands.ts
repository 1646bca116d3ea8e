import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type ReviewQuestionDto } from '@roundtable/contracts';
import { ApiException, Clock, hashLinkToken, newLinkToken, publicBaseUrl } from '@roundtable/api-platform';
import { MailService } from '@roundtable/api-mail';
import { VersionsService } from '@roundtable/api-versions';
import { respondBlocker, reviewRoundStatus } from '@roundtable/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { reviewInvitationMail, reviewRespondedMail } from './review.mail';
import type { DisposeCommentDto, InviteReviewerDto, OpenReviewRoundDto } from './reviews.dto';
import { ReviewComment, ReviewRound, Reviewer, ReviewSession } from './reviews.entities';
import { ReviewsRepository } from './reviews.repository';
import { invalid } from './reviews.errors';

/** How long the follow-up link to the responses works. */
export const RESPONDED_LINK_DAYS = 90;

/** Opening, staffing, closing and answering a round: one transaction each, mails written inside it (ADR 041). */
@Injectable()
export class ReviewsCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ReviewsRepository,
    private readonly versions: VersionsService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /** Freezes the document as a named version and opens the round on it. Returns the round's id. */
  async open(documentId: string, body: OpenReviewRoundDto, userId: string): Promise<string> {
    const now = this.clock.now();
    const opensAt = body.opensAt ? new Date(body.opensAt) : now;
    const closesAt = new Date(body.closesAt);
    if (closesAt.getTime() <= now.getTime()) throw invalid('closesAt', 'inFuture', 'closesAt must be in the future');
    if (closesAt.getTime() <= opensAt.getTime())
      throw invalid('closesAt', 'endBeforeStart', 'closesAt must be after opensAt');
    const questions: ReviewQuestionDto[] = (body.questions ?? []).map((q, i) => ({
      id: `q${i + 1}`,
      textEn: q.textEn.trim(),
      textZh: q.textZh.trim(),
      scaleMax: q.scaleMax ?? null,
    }));
    const name = body.name.trim();
    const version = await this.versions.name(documentId, `${name} · 评审`, userId);
    const round = await this.dataSource.getRepository(ReviewRound).save({
      documentId,
      versionId: version.id,
      name,
      opensAt,
      closesAt,
      instructionsEn: body.instructionsEn?.trim() ?? '',
      instructionsZh: body.instructionsZh?.trim() ?? '',
      questions,
      status: 'open' as const,
      closedAt: null,
      respondedAt: null,
      createdByUserId: userId,
    });
    return round.id;
  }

  /** Invites an outside reviewer: a personal link until the round closes, e-mailed in their language. */
  async invite(roundId: string, body: InviteReviewerDto, userId: string): Promise<string> {
    const email = body.email.toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      const round = await this.openRound(manager, roundId);
      const taken: unknown[] = await manager.query(
        'SELECT 1 FROM review_reviewers WHERE round_id = $1 AND lower(email) = $2 AND revoked_at IS NULL',
        [roundId, email],
      );
      if (taken.length > 0) throw new ApiException(ErrorCode.Conflict, `${email} is already invited to this round.`);
      const token = newLinkToken();
      const reviewer = await manager.getRepository(Reviewer).save({
        roundId,
        userId: null,
        name: body.name.trim(),
        organisation: body.organisation?.trim() || null,
        type: body.type,
        email,
        locale: body.locale ?? 'en',
        tokenHash: hashLinkToken(token),
        tokenExpiresAt: round.closesAt,
        invitedByUserId: userId,
        invitedAt: this.clock.now(),
        revokedAt: null,
        firstUsedAt: null,
        submittedAt: null,
        consentNamed: false,
        answers: [],
      });
      await this.sendInvitation(manager, round, reviewer, token, userId);
      return reviewer.id;
    });
  }

  /** A new link (the old one stops working), mailed again; also reinstates a revoked reviewer. */
  async resend(roundId: string, reviewerId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const round = await this.openRound(manager, roundId);
      const reviewer = await this.outsideReviewer(manager, roundId, reviewerId);
      const token = newLinkToken();
      await manager
        .getRepository(Reviewer)
        .update(
          { id: reviewer.id },
          { tokenHash: hashLinkToken(token), tokenExpiresAt: round.closesAt, revokedAt: null },
        );
      await manager.getRepository(ReviewSession).delete({ reviewerId: reviewer.id });
      await this.sendInvitation(manager, round, reviewer, token, userId);
    });
  }

  /** The link and every session made from it stop working at once. */
  async revoke(roundId: string, reviewerId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const reviewer = await this.outsideReviewer(manager, roundId, reviewerId);
      if (!reviewer.revokedAt)
        await manager.getRepository(Reviewer).update({ id: reviewer.id }, { revokedAt: this.clock.now() });
      await manager.getRepository(ReviewSession).delete({ reviewerId: reviewer.id });
    });
  }

  /** open → closed now (409 once responded); closing a round that closed by time records it. */
  async close(roundId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const round = await this.repository.round(roundId, manager, true);
      if (round.status === 'responded')
        throw new ApiException(ErrorCode.IllegalTransition, 'This round has been responded to already.');
      if (round.status === 'closed') return;
      const now = this.clock.now();
      const closesAt = round.closesAt.getTime() < now.getTime() ? round.closesAt : now;
      // A round closed before it opened keeps a window of a millisecond (closes_at > opens_at).
      const opensAt = round.opensAt.getTime() < closesAt.getTime() ? round.opensAt : new Date(closesAt.getTime() - 1);
      await manager
        .getRepository(ReviewRound)
        .update({ id: roundId }, { status: 'closed', closedAt: now, closesAt, opensAt });
      await manager.query(
        'UPDATE review_reviewers SET token_expires_at = $2 WHERE round_id = $1 AND token_expires_at > $2',
        [roundId, closesAt],
      );
    });
  }

  /** The authors' disposition of a comment, with responses and links to the change (409 once responded). */
  async dispose(roundId: string, commentId: string, body: DisposeCommentDto, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const round = await this.repository.round(roundId, manager, true);
      if (round.status === 'responded')
        throw new ApiException(
          ErrorCode.IllegalTransition,
          'This round has been responded to: its dispositions are final.',
        );
      const comment = await this.repository.comment(roundId, commentId, manager);
      let duplicateOf: string | null = null;
      if (body.disposition === 'duplicate') {
        const other = body.duplicateOfCommentId;
        const found =
          other && other !== comment.id
            ? await manager.getRepository(ReviewComment).findOneBy({ id: other, roundId })
            : null;
        if (!found)
          throw invalid(
            'duplicateOfCommentId',
            'unknownComment',
            'duplicateOfCommentId must be another comment of this round',
          );
        duplicateOf = found.id;
      } else if (body.duplicateOfCommentId !== undefined) {
        throw invalid(
          'duplicateOfCommentId',
          'duplicateOnly',
          'duplicateOfCommentId is only for the disposition "duplicate"',
        );
      }
      await manager.getRepository(ReviewComment).update(
        { id: comment.id },
        {
          disposition: body.disposition,
          responseEn: body.responseEn?.trim() || null,
          responseZh: body.responseZh?.trim() || null,
          changeLinks: body.changeLinks ?? [],
          duplicateOfCommentId: duplicateOf,
          disposedByUserId: userId,
          disposedAt: this.clock.now(),
        },
      );
    });
  }

  /**
   * closed → responded, only when every comment has a disposition (409 otherwise); each outside reviewer who
   * was not revoked gets a new link to their comments and the responses, in their language.
   */
  async respond(roundId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const round = await this.repository.round(roundId, manager, true);
      const now = this.clock.now();
      const dispositions: Array<{ disposition: ReviewComment['disposition'] }> = await manager.query(
        'SELECT disposition FROM review_comments WHERE round_id = $1',
        [roundId],
      );
      const blocker = respondBlocker(
        reviewRoundStatus(round, now),
        dispositions.map((d) => d.disposition),
      );
      if (blocker === 'not-closed')
        throw new ApiException(ErrorCode.IllegalTransition, 'Close the round before marking it responded.');
      if (blocker === 'undisposed')
        throw new ApiException(ErrorCode.IllegalTransition, 'Give every comment a disposition first.');
      await manager
        .getRepository(ReviewRound)
        .update({ id: roundId }, { status: 'responded', respondedAt: now, closedAt: round.closedAt ?? round.closesAt });
      const titles = await this.repository.document(round.documentId);
      const expiresAt = new Date(now.getTime() + RESPONDED_LINK_DAYS * 24 * 60 * 60 * 1000);
      const reviewers = await manager
        .getRepository(Reviewer)
        .createQueryBuilder('r')
        .where('r.round_id = :roundId AND r.user_id IS NULL AND r.revoked_at IS NULL', { roundId })
        .getMany();
      for (const reviewer of reviewers) {
        const token = newLinkToken();
        await manager
          .getRepository(Reviewer)
          .update({ id: reviewer.id }, { tokenHash: hashLinkToken(token), tokenExpiresAt: expiresAt });
        await manager.getRepository(ReviewSession).delete({ reviewerId: reviewer.id });
        const message = reviewRespondedMail({
          locale: reviewer.locale,
          timeZone: (await this.repository.inviter(reviewer.invitedByUserId)).timeZone,
          name: reviewer.name,
          projectName: titles.projectName,
          documentTitle: reviewer.locale === 'zh-CN' ? titles.titleZh : titles.title,
          roundName: round.name,
          link: reviewLink(token),
          expiresAt,
        });
        await this.mail.enqueue(manager, { to: reviewer.email as string, ...message, kind: 'review-responded' });
      }
    });
  }

  private async openRound(manager: EntityManager, roundId: string): Promise<ReviewRound> {
    const round = await this.repository.round(roundId, manager, true);
    const status = reviewRoundStatus(round, this.clock.now());
    if (status === 'closed' || status === 'responded')
      throw new ApiException(ErrorCode.IllegalTransition, 'This round is closed: reviewers can no longer be invited.');
    return round;
  }

  private async outsideReviewer(manager: EntityManager, roundId: string, reviewerId: string): Promise<Reviewer> {
    const reviewer = await this.repository.reviewer(roundId, reviewerId, manager);
    if (reviewer.userId !== null)
      throw new ApiException(ErrorCode.Conflict, 'Members review with their accounts: they have no link.');
    return reviewer;
  }

  private async sendInvitation(
    manager: EntityManager,
    round: ReviewRound,
    reviewer: Reviewer,
    token: string,
    userId: string,
  ): Promise<void> {
    const titles = await this.repository.document(round.documentId);
    const inviter = await this.repository.inviter(userId);
    const message = reviewInvitationMail({
      locale: reviewer.locale,
      timeZone: inviter.timeZone,
      name: reviewer.name,
      inviterName: inviter.name,
      projectName: titles.projectName,
      documentTitle: reviewer.locale === 'zh-CN' ? titles.titleZh : titles.title,
      roundName: round.name,
      link: reviewLink(token),
      closesAt: round.closesAt,
    });
    await this.mail.enqueue(manager, { to: reviewer.email as string, ...message, kind: 'review-invitation' });
  }
}

/** The personal link: the web app swaps its token for a session and drops it from the address. */
export function reviewLink(token: string): string {
  return `${publicBaseUrl()}/review/link/${token}`;
}
