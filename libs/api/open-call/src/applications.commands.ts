import { recordAudit } from '@roundtable/api-audit';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type ApplicationConfirmationDto,
  type Locale,
  type SubmitApplicationResponse,
} from '@roundtable/contracts';
import { can, regionOf, type Actor } from '@roundtable/domain';
import {
  ApiException,
  Clock,
  hashLinkToken,
  looksLikeLinkToken,
  newLinkToken,
  publicBaseUrl,
} from '@roundtable/api-platform';
import { InvitationsCommands } from '@roundtable/api-invitations';
import { MailService } from '@roundtable/api-mail';
import { Project } from '@roundtable/api-projects';
import { DataSource, type EntityManager } from 'typeorm';
import { applicationConfirmationMail } from './application-confirmation.mail';
import { applicationDeclinedMail } from './application-declined.mail';
import type {
  DecideApplicationDto,
  DeclareConflictDto,
  ReviewApplicationDto,
  SubmitApplicationDto,
} from './applications.dto';
import { APPLICATION_NOT_FOUND, ApplicationsQueries, type Reviewable } from './applications.queries';
import { ApplicationsRepository, type SubmissionPayload } from './applications.repository';
import { Application, ExpertCall } from './open-call.entities';
import { isCallOpen } from './open-call.presenters';

/** Submissions accepted from one client address per window (each one sends a confirmation mail). */
export const SUBMISSIONS_PER_IP = 5;
export const SUBMISSION_WINDOW_SECONDS = 60 * 60;
/** How long a confirmation link works. */
export const CONFIRMATION_TTL_HOURS = 48;

/** The one answer to every accepted submission (the honeypot's too): it must not tell whether the email applied before. */
const CONFIRMATION_SENT: SubmitApplicationResponse = { status: 'confirmation-sent' };

/** Applying, confirming, reviewing and deciding: each one transaction, its mail written inside it. */
@Injectable()
export class ApplicationsCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ApplicationsRepository,
    private readonly queries: ApplicationsQueries,
    private readonly invitations: InvitationsCommands,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /**
   * Public: keeps the submission and mails a single-use link to its email. Nothing else changes until the link
   * is opened (`confirm`), so nobody can replace someone else's application, and the answer is the same whether
   * or not the email applied before (ADR 015).
   */
  async submit(callId: string, body: SubmitApplicationDto, ip: string): Promise<SubmitApplicationResponse> {
    const call = await this.dataSource.getRepository(ExpertCall).findOne({ where: { id: callId } });
    if (!call) throw new ApiException(ErrorCode.NotFound, 'Call for experts not found.');
    // Honeypot: people never see the field, so whoever fills it is a bot. Answer as if accepted, keep nothing.
    if (body.website !== undefined && body.website.trim() !== '') return CONFIRMATION_SENT;
    if (!isCallOpen(call, this.clock.now())) {
      const closedOn = (call.closedAt && call.closedAt < call.closesAt ? call.closedAt : call.closesAt).toISOString();
      throw new ApiException(
        ErrorCode.CallClosed,
        `This call for experts closed on ${closedOn} and no longer accepts applications.`,
      );
    }
    const callGroupIds = await this.queries.callGroupIds(callId);
    if (body.preferredWorkingGroupIds.some((id) => !callGroupIds.includes(id))) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid preferredWorkingGroupIds', {
        fields: [
          {
            field: 'preferredWorkingGroupIds',
            code: 'unknownWorkingGroup',
            message: "preferredWorkingGroupIds must be among the call's working groups",
          },
        ],
      });
    }

    const locale: Locale = body.locale ?? 'en';
    const token = newLinkToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_HOURS * 60 * 60 * 1000);
    const payload: SubmissionPayload = {
      name: body.name,
      email: body.email,
      country: body.country,
      affiliation: body.affiliation,
      sector: body.sector,
      expertise: body.expertise,
      preferredWorkingGroupIds: body.preferredWorkingGroupIds,
      motivation: body.motivation,
      conflictOfInterest: body.conflictOfInterest,
      consentGdpr: body.consentGdpr,
      consentPipl: body.consentPipl,
      submittedAt: now.toISOString(),
    };
    await this.dataSource.transaction(async (manager) => {
      const recent = await this.repository.lockAndCountRecent(manager, ip, SUBMISSION_WINDOW_SECONDS);
      if (recent.count >= SUBMISSIONS_PER_IP) {
        const until = new Date(recent.oldest!).getTime() + SUBMISSION_WINDOW_SECONDS * 1000;
        throw new ApiException(
          ErrorCode.TooManyAttempts,
          'Too many applications from this address. Please try again later.',
          {
            retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)),
          },
        );
      }
      await this.repository.dropExpiredSubmissions(manager, now);
      await this.repository.insertSubmission(manager, {
        callId,
        email: body.email,
        locale,
        payload,
        tokenHash: hashLinkToken(token),
        ip,
        expiresAt,
      });
      const message = applicationConfirmationMail({
        locale,
        name: body.name,
        callTitle: { en: call.titleEn, zh: call.titleZh },
        link: `${publicBaseUrl()}/apply/confirm/${token}`,
        expiresAt,
      });
      await this.mail.enqueue(manager, { to: body.email, ...message, kind: 'application-confirmation' });
    });
    return CONFIRMATION_SENT;
  }

  /**
   * Public, with the emailed token as proof of the address: the submission becomes the application for its call
   * and email (created, or replacing an undecided one). Single use; other unconfirmed submissions for the same
   * email are revoked, so an older link cannot bring back older content.
   */
  async confirm(token: string): Promise<ApplicationConfirmationDto> {
    const notFound = new ApiException(ErrorCode.NotFound, 'This confirmation link is not valid. Please apply again.');
    if (!looksLikeLinkToken(token)) throw notFound;
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const submission = await this.repository.lockSubmission(manager, hashLinkToken(token), now);
      if (!submission || submission.revoked_at) throw notFound;
      if (submission.confirmed_at)
        throw new ApiException(ErrorCode.ConfirmationUsed, 'This application has already been confirmed.');
      if (submission.expired)
        throw new ApiException(
          ErrorCode.ConfirmationExpired,
          'This confirmation link has expired. Please apply again.',
        );
      const row = await this.repository.upsertApplication(manager, submission, now);
      if (!row) {
        throw new ApiException(
          ErrorCode.Conflict,
          'Your application to this call has already been decided and can no longer be changed.',
        );
      }
      await this.repository.confirmSubmission(manager, submission, row.id, now);
      return { callId: submission.call_id, replaced: !row.inserted };
    });
  }

  /** Adds the caller's review, or replaces it: one review per reviewer and application. True when new. */
  async review(userId: string, { application }: Reviewable, body: ReviewApplicationDto): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertNoConflict(manager, application.id, userId);
      return this.repository.upsertReview(manager, application.id, userId, body.score, body.comment ?? '');
    });
  }

  /** The caller declares a conflict of interest: stored with its time, their review withdrawn (ADR 035). */
  async declareConflict(userId: string, { application }: Reviewable, body: DeclareConflictDto): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.repository.declareConflict(manager, application.id, userId, body.statement, this.clock.now()),
    );
  }

  /** A reviewer who declared a conflict of interest neither reviews nor decides the application: 409. */
  private async assertNoConflict(manager: EntityManager, applicationId: string, userId: string): Promise<void> {
    if (await this.repository.hasConflict(manager, applicationId, userId)) {
      throw new ApiException(
        ErrorCode.ConflictOfInterest,
        'You declared a conflict of interest with this application: you cannot review or decide it.',
      );
    }
  }

  /**
   * Accepts (invites the applicant to a working group) or declines (sends a polite bilingual mail). A decision is
   * final: deciding again is 409. Accepting needs review rights for the group the applicant joins.
   */
  async decide(
    userId: string,
    actor: Actor,
    { application, call }: Reviewable,
    body: DecideApplicationDto,
  ): Promise<void> {
    assertUndecided(application);
    await this.assertNoConflict(this.dataSource.manager, application.id, userId);
    if (body.decision === 'accept') {
      const workingGroupId = body.workingGroupId as string;
      const callGroupIds = await this.queries.callGroupIds(call.id);
      if (!application.preferredWorkingGroupIds.includes(workingGroupId) && !callGroupIds.includes(workingGroupId)) {
        throw new ApiException(ErrorCode.ValidationFailed, 'Invalid workingGroupId', {
          fields: [
            {
              field: 'workingGroupId',
              code: 'notPreferredGroup',
              message: "workingGroupId must be one of the applicant's preferred working groups or of the call's",
            },
          ],
        });
      }
      if (!can(actor, 'application.review', { projectId: call.projectId, workingGroupIds: [workingGroupId] })) {
        throw new ApiException(
          ErrorCode.Forbidden,
          'Only the coordinators and the co-chairs of that working group can accept an applicant into it.',
        );
      }
      await this.dataSource.transaction(async (manager) => {
        await this.lockUndecided(manager, application.id);
        await this.assertNoConflict(manager, application.id, userId);
        await this.invitations.createInvitation(
          {
            workingGroupId,
            email: application.email,
            role: body.role ?? 'expert',
            displayName: application.name,
            invitedByUserId: userId,
            applicationId: application.id,
            locale: (await this.repository.formLocale(manager, application.id)) ?? localeFor(application.country),
          },
          manager,
        );
        await recordAudit(manager, {
          actorUserId: userId,
          action: 'application.decided',
          subjectType: 'application',
          subjectId: application.id,
          projectId: call.projectId,
          details: { decision: 'accepted', workingGroupId },
        });
        await this.repository.markDecided(
          manager,
          application.id,
          'accepted',
          userId,
          workingGroupId,
          this.clock.now(),
        );
      });
    } else {
      const project = await this.dataSource.getRepository(Project).findOneOrFail({ where: { id: call.projectId } });
      await this.dataSource.transaction(async (manager) => {
        await this.lockUndecided(manager, application.id);
        await this.assertNoConflict(manager, application.id, userId);
        await recordAudit(manager, {
          actorUserId: userId,
          action: 'application.decided',
          subjectType: 'application',
          subjectId: application.id,
          projectId: call.projectId,
          details: { decision: 'declined' },
        });
        const message = applicationDeclinedMail({
          locale: (await this.repository.formLocale(manager, application.id)) ?? localeFor(application.country),
          name: application.name,
          callTitle: { en: call.titleEn, zh: call.titleZh },
          projectName: project.acronym || project.name,
        });
        await this.repository.markDecided(manager, application.id, 'declined', userId, null, this.clock.now());
        await this.mail.enqueue(manager, {
          to: application.email,
          ...message,
          kind: 'application-declined',
        });
      });
    }
  }

  /** Locks the row for the decision; a concurrent decision waits and then sees it decided (409). */
  private async lockUndecided(manager: EntityManager, applicationId: string): Promise<void> {
    const row = await this.repository.lockForDecision(manager, applicationId);
    if (!row) throw new ApiException(ErrorCode.NotFound, APPLICATION_NOT_FOUND);
    assertUndecided(row);
  }
}

function assertUndecided(application: Pick<Application, 'status'>): void {
  if (application.status !== 'submitted') {
    throw new ApiException(
      ErrorCode.Conflict,
      `This application was already ${application.status}; a decision cannot be changed.`,
    );
  }
}

/**
 * Once the submission (with the form's language) is dropped, applications have no language: applicants based
 * in China get Chinese, everyone else English.
 */
function localeFor(country: string): Locale {
  return regionOf(country) === 'china' ? 'zh-CN' : 'en';
}
