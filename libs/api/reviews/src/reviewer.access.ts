import { Injectable } from '@nestjs/common';
import { readCookie, type AuthenticatedUser } from '@roundtable/api-auth';
import { ErrorCode } from '@roundtable/contracts';
import { ApiException, Clock, hashLinkToken, PolicyRegistry } from '@roundtable/api-platform';
import { documentAccess } from '@roundtable/domain';
import type { Request } from 'express';
import type { ReviewRound, Reviewer } from './reviews.entities';
import { ReviewsRepository } from './reviews.repository';

/** The reviewer's session cookie: sent only to the reviewer routes, never to the rest of the API. */
export const REVIEW_COOKIE = 'rt_review';
export const REVIEW_COOKIE_PATH = '/api/review';
/** A reviewer session lasts at most this long (and never beyond the link's end). */
export const REVIEW_SESSION_MS = 4 * 60 * 60 * 1000;

/** Who is reviewing: an outside reviewer (session from their link), or a member with their account. */
export type ReviewerIdentity =
  | { kind: 'outside'; round: ReviewRound; reviewer: Reviewer }
  | { kind: 'member'; round: ReviewRound; reviewer: Reviewer | null; user: AuthenticatedUser };

/**
 * Resolves the caller of a reviewer route for one round. An outside reviewer's session reaches only its own
 * round: any other id is 404, as is an unknown one. A revoked reviewer, or a link past its end (the round's
 * close, by the Clock), is refused even with a live session. Members need read access to the document.
 */
@Injectable()
export class ReviewerAccess {
  constructor(
    private readonly repository: ReviewsRepository,
    private readonly registry: PolicyRegistry,
    private readonly clock: Clock,
  ) {}

  async resolve(request: Request & { user?: AuthenticatedUser }, roundId: string): Promise<ReviewerIdentity> {
    const notFound = new ApiException(ErrorCode.NotFound, 'Review round not found.');
    const cookie = readCookie(request.headers, REVIEW_COOKIE);
    const reviewer = cookie ? await this.repository.bySession(hashLinkToken(cookie)) : null;
    if (reviewer) {
      if (reviewer.roundId !== roundId) throw notFound;
      if (reviewer.revokedAt) throw new ApiException(ErrorCode.NotFound, 'This review link has been revoked.');
      if (!reviewer.tokenExpiresAt || reviewer.tokenExpiresAt.getTime() <= this.clock.now().getTime())
        throw new ApiException(ErrorCode.InvitationExpired, 'This review link has expired.');
      return { kind: 'outside', round: await this.repository.round(roundId), reviewer };
    }
    const user = request.user;
    if (!user) throw new ApiException(ErrorCode.Unauthenticated, 'Open your personal review link again, or sign in.');
    const loaded = await this.registry.loader('reviewRound').load(roundId, user);
    if (!loaded?.document) throw notFound;
    if (documentAccess(await this.registry.actorFor(user), loaded.document) === 'none') throw notFound;
    const round = loaded.entity as ReviewRound;
    return { kind: 'member', round, user, reviewer: await this.repository.memberReviewer(roundId, user.id) };
  }
}
