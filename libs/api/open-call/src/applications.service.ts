import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  type ApplicationConfirmationDto,
  type ApplicationDto,
  type Locale,
  type SubmitApplicationRequest,
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
import type { AuthenticatedUser } from '@roundtable/api-auth';
import { InvitationsService } from '@roundtable/api-invitations';
import { MailService } from '@roundtable/api-mail';
import { AccessService, Project, WorkingGroup } from '@roundtable/api-projects';
import { DataSource, In, type EntityManager } from 'typeorm';
import { applicationConfirmationMail } from './application-confirmation.mail';
import { applicationDeclinedMail } from './application-declined.mail';
import type { DecideApplicationDto, ReviewApplicationDto, SubmitApplicationDto } from './applications.dto';
import { Application, ExpertCall, ExpertCallGroup } from './open-call.entities';
import { isCallOpen, presentApplication, type ReviewRow } from './open-call.presenters';

/** Submissions accepted from one client address per window (each one sends a confirmation mail). */
export const SUBMISSIONS_PER_IP = 5;
export const SUBMISSION_WINDOW_SECONDS = 60 * 60;
/** How long a confirmation link works. */
export const CONFIRMATION_TTL_HOURS = 48;

/** The one answer to every accepted submission (the honeypot's too): it must not tell whether the email applied before. */
const CONFIRMATION_SENT: SubmitApplicationResponse = { status: 'confirmation-sent' };

/** What a submission keeps until it is confirmed; copied into `applications` then. */
/** `submittedAt`: the business Clock's time of the submission (created_at is real time, for the rate limit). */
type SubmissionPayload = Omit<SubmitApplicationRequest, 'website' | 'locale'> & { submittedAt?: string };

const APPLICATION_NOT_FOUND = 'Application not found.';

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly invitations: InvitationsService,
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
    const callGroupIds = (await this.dataSource.getRepository(ExpertCallGroup).find({ where: { callId } })).map(
      (g) => g.workingGroupId,
    );
    const outside = body.preferredWorkingGroupIds.filter((id) => !callGroupIds.includes(id));
    if (outside.length > 0) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid preferredWorkingGroupIds', {
        fields: [
          {
            field: 'preferredWorkingGroupIds',
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
      // One submission per address at a time, so parallel requests cannot slip past the limit. The rate limit
      // counts in real time (SQL now()) on purpose, not by the business Clock.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`open-call:submit:${ip}`]);
      const [recent] = await manager.query(
        `SELECT count(*)::int AS count, min(created_at) AS oldest FROM application_submissions
          WHERE submitted_from_ip = $1 AND created_at > now() - make_interval(secs => $2)`,
        [ip, SUBMISSION_WINDOW_SECONDS],
      );
      if (recent.count >= SUBMISSIONS_PER_IP) {
        const until = new Date(recent.oldest).getTime() + SUBMISSION_WINDOW_SECONDS * 1000;
        throw new ApiException(
          ErrorCode.TooManyAttempts,
          'Too many applications from this address. Please try again later.',
          {
            retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)),
          },
        );
      }
      // Expired submissions are of no use to anyone: drop them (and the personal data they hold).
      await manager.query('DELETE FROM application_submissions WHERE expires_at < $1', [now]);
      await manager.query(
        `INSERT INTO application_submissions (call_id, email, locale, payload, token_hash, submitted_from_ip, expires_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)`,
        [callId, body.email, locale, JSON.stringify(payload), hashLinkToken(token), ip, expiresAt],
      );
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
      const [submission]: Array<{
        id: string;
        call_id: string;
        email: string;
        payload: SubmissionPayload;
        submitted_from_ip: string;
        created_at: Date;
        expired: boolean;
        confirmed_at: Date | null;
        revoked_at: Date | null;
      }> = await manager.query(
        `SELECT id, call_id, email, payload, submitted_from_ip, created_at, expires_at <= $2 AS expired, confirmed_at, revoked_at
           FROM application_submissions WHERE token_hash = $1 FOR UPDATE`,
        [hashLinkToken(token), now],
      );
      if (!submission || submission.revoked_at) throw notFound;
      if (submission.confirmed_at)
        throw new ApiException(ErrorCode.ConfirmationUsed, 'This application has already been confirmed.');
      if (submission.expired)
        throw new ApiException(
          ErrorCode.ConfirmationExpired,
          'This confirmation link has expired. Please apply again.',
        );
      // Confirmations for the same call and email one at a time: the last one confirmed is the application.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `open-call:confirm:${submission.call_id}:${submission.email.toLowerCase()}`,
      ]);
      const p = submission.payload;
      const rows: Array<{ id: string; inserted: boolean }> = await manager.query(
        `INSERT INTO applications (call_id, name, email, country, affiliation, sector, expertise, preferred_working_group_ids,
                                   motivation, conflict_of_interest, consent_gdpr, consent_pipl, submitted_from_ip, submitted_at,
                                   updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8::uuid[], $9, $10, $11, $12, $13, $14, $15)
         ON CONFLICT (call_id, lower(email)) DO UPDATE SET
           name = EXCLUDED.name, email = EXCLUDED.email, country = EXCLUDED.country, affiliation = EXCLUDED.affiliation,
           sector = EXCLUDED.sector, expertise = EXCLUDED.expertise, preferred_working_group_ids = EXCLUDED.preferred_working_group_ids,
           motivation = EXCLUDED.motivation, conflict_of_interest = EXCLUDED.conflict_of_interest,
           consent_gdpr = EXCLUDED.consent_gdpr, consent_pipl = EXCLUDED.consent_pipl,
           submitted_from_ip = EXCLUDED.submitted_from_ip, submitted_at = EXCLUDED.submitted_at, updated_at = $15
         WHERE applications.status = 'submitted'
         RETURNING id, (xmax = 0) AS inserted`,
        [
          submission.call_id,
          p.name,
          p.email,
          p.country,
          p.affiliation,
          p.sector,
          p.expertise,
          p.preferredWorkingGroupIds,
          p.motivation,
          p.conflictOfInterest,
          p.consentGdpr,
          p.consentPipl,
          submission.submitted_from_ip,
          p.submittedAt ?? submission.created_at,
          now,
        ],
      );
      if (rows.length === 0) {
        throw new ApiException(
          ErrorCode.Conflict,
          'Your application to this call has already been decided and can no longer be changed.',
        );
      }
      const [row] = rows;
      await manager.query('UPDATE application_submissions SET confirmed_at = $3, application_id = $2 WHERE id = $1', [
        submission.id,
        row.id,
        now,
      ]);
      await manager.query(
        `UPDATE application_submissions SET revoked_at = $4
          WHERE call_id = $1 AND lower(email) = lower($2) AND id <> $3 AND confirmed_at IS NULL AND revoked_at IS NULL`,
        [submission.call_id, submission.email, submission.id, now],
      );
      return { callId: submission.call_id, replaced: !row.inserted };
    });
  }

  /** The call's applications the caller may review: all for coordinators, their groups' for co-chairs. */
  async listForCall(user: AuthenticatedUser, callId: string): Promise<ApplicationDto[]> {
    const call = await this.dataSource.getRepository(ExpertCall).findOne({ where: { id: callId } });
    const actor = await this.access.actorFor(user);
    if (!call || !can(actor, 'project.read', { projectId: call.projectId }))
      throw new ApiException(ErrorCode.NotFound, 'Call for experts not found.');
    const applications = (
      await this.dataSource
        .getRepository(Application)
        .find({ where: { callId }, order: { submittedAt: 'ASC', id: 'ASC' } })
    ).filter((application) => this.mayReview(actor, call, application));
    return this.presentMany(applications, user.id);
  }

  /** Adds the caller's review, or replaces it: one review per reviewer and application. */
  async review(
    user: AuthenticatedUser,
    applicationId: string,
    body: ReviewApplicationDto,
  ): Promise<{ created: boolean; application: ApplicationDto }> {
    const { application } = await this.reviewable(user, applicationId);
    const [row]: Array<{ inserted: boolean }> = await this.dataSource.query(
      `INSERT INTO application_reviews (application_id, reviewer_user_id, score, comment) VALUES ($1, $2, $3, $4)
       ON CONFLICT (application_id, reviewer_user_id) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [application.id, user.id, body.score, body.comment ?? ''],
    );
    return { created: row.inserted, application: (await this.presentMany([application], user.id))[0] };
  }

  /**
   * Accepts (invites the applicant to a working group) or declines (sends a polite bilingual mail). A decision is
   * final: deciding again is 409. Accepting needs review rights for the group the applicant joins.
   */
  async decide(user: AuthenticatedUser, applicationId: string, body: DecideApplicationDto): Promise<ApplicationDto> {
    const { application, call, actor } = await this.reviewable(user, applicationId);
    assertUndecided(application);
    if (body.decision === 'accept') {
      const workingGroupId = body.workingGroupId as string;
      const callGroupIds = (
        await this.dataSource.getRepository(ExpertCallGroup).find({ where: { callId: call.id } })
      ).map((g) => g.workingGroupId);
      if (!application.preferredWorkingGroupIds.includes(workingGroupId) && !callGroupIds.includes(workingGroupId)) {
        throw new ApiException(ErrorCode.ValidationFailed, 'Invalid workingGroupId', {
          fields: [
            {
              field: 'workingGroupId',
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
        await lockUndecided(manager, application.id);
        await this.invitations.createInvitation(
          {
            workingGroupId,
            email: application.email,
            role: body.role ?? 'expert',
            displayName: application.name,
            invitedByUserId: user.id,
            applicationId: application.id,
            locale: localeFor(application.country),
          },
          manager,
        );
        await markDecided(manager, application.id, 'accepted', user.id, workingGroupId, this.clock.now());
      });
    } else {
      const project = await this.dataSource.getRepository(Project).findOneOrFail({ where: { id: call.projectId } });
      const message = applicationDeclinedMail({
        name: application.name,
        callTitle: { en: call.titleEn, zh: call.titleZh },
        projectName: project.acronym || project.name,
      });
      await this.dataSource.transaction(async (manager) => {
        await lockUndecided(manager, application.id);
        await markDecided(manager, application.id, 'declined', user.id, null, this.clock.now());
        await this.mail.enqueue(manager, {
          to: application.email,
          subject: message.subject,
          text: message.text,
          kind: 'application-declined',
        });
      });
    }
    const decided = await this.dataSource.getRepository(Application).findOneOrFail({ where: { id: application.id } });
    return (await this.presentMany([decided], user.id))[0];
  }

  private mayReview(actor: Actor, call: ExpertCall, application: Application): boolean {
    return can(actor, 'application.review', {
      projectId: call.projectId,
      workingGroupIds: application.preferredWorkingGroupIds,
    });
  }

  /** An application the caller may review; unknown and not-reviewable are both 404 (applications are private). */
  private async reviewable(
    user: AuthenticatedUser,
    applicationId: string,
  ): Promise<{ application: Application; call: ExpertCall; actor: Actor }> {
    const application = await this.dataSource.getRepository(Application).findOne({ where: { id: applicationId } });
    const call = application
      ? await this.dataSource.getRepository(ExpertCall).findOne({ where: { id: application.callId } })
      : null;
    const actor = await this.access.actorFor(user);
    if (!application || !call || !this.mayReview(actor, call, application))
      throw new ApiException(ErrorCode.NotFound, APPLICATION_NOT_FOUND);
    return { application, call, actor };
  }

  private async presentMany(applications: Application[], viewerUserId: string): Promise<ApplicationDto[]> {
    if (applications.length === 0) return [];
    const groupIds = [...new Set(applications.flatMap((a) => a.preferredWorkingGroupIds))];
    const groups = groupIds.length
      ? await this.dataSource.getRepository(WorkingGroup).find({ where: { id: In(groupIds) } })
      : [];
    const codes = new Map(groups.map((g) => [g.id, g.code]));
    const reviews: ReviewRow[] = await this.dataSource.query(
      `SELECT r.application_id AS "applicationId", r.reviewer_user_id AS "reviewerUserId", u.display_name AS "reviewerName",
              r.score, r.comment
         FROM application_reviews r JOIN users u ON u.id = r.reviewer_user_id
        WHERE r.application_id = ANY($1::uuid[])
        ORDER BY r.created_at, r.id`,
      [applications.map((a) => a.id)],
    );
    return applications.map((a) => presentApplication(a, codes, reviews, viewerUserId));
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

/** Locks the row for the decision; a concurrent decision waits and then sees it decided (409). */
async function lockUndecided(manager: EntityManager, applicationId: string): Promise<void> {
  const [row]: Array<{ status: Application['status'] }> = await manager.query(
    'SELECT status FROM applications WHERE id = $1 FOR NO KEY UPDATE',
    [applicationId],
  );
  if (!row) throw new ApiException(ErrorCode.NotFound, APPLICATION_NOT_FOUND);
  assertUndecided(row);
}

async function markDecided(
  manager: EntityManager,
  applicationId: string,
  status: 'accepted' | 'declined',
  userId: string,
  workingGroupId: string | null,
  now: Date,
): Promise<void> {
  await manager.query(
    `UPDATE applications SET status = $2, decided_by_user_id = $3, decided_at = $5, decision_working_group_id = $4, updated_at = $5
      WHERE id = $1`,
    [applicationId, status, userId, workingGroupId, now],
  );
}

/** Applications store no language; applicants based in China get Chinese first, everyone else English. */
function localeFor(country: string): Locale {
  return regionOf(country) === 'china' ? 'zh-CN' : 'en';
}
