import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  WorkingGroupRole,
  type FieldError,
  type InvitationDto,
  type InvitationPreviewDto,
  type Locale,
} from '@roundtable/contracts';
import {
  ApiException,
  Clock,
  hashLinkToken,
  looksLikeLinkToken,
  newLinkToken,
  publicBaseUrl,
} from '@roundtable/api-platform';
import { AuthService, passwordFieldError, type AuthenticatedUser } from '@roundtable/api-auth';
import { MailService } from '@roundtable/api-mail';
import { MembershipsService, Project, WorkingGroup } from '@roundtable/api-projects';
import { DataSource, type EntityManager } from 'typeorm';
import { invitationMail } from './invitation.mail';
import { Invitation } from './invitations.entities';
import type { AcceptInvitationDto } from './invitations.dto';

export interface CreateInvitationInput {
  workingGroupId: string;
  email: string;
  role: WorkingGroupRole;
  displayName?: string | null;
  invitedByUserId: string | null;
  applicationId?: string | null;
  locale?: Locale;
}

export interface AcceptedInvitation {
  user: AuthenticatedUser;
  /** Set when a new account was created and signed in: the controller sets it as the session cookie. */
  sessionToken: string | null;
  workingGroupId: string;
}

export const DEFAULT_INVITATION_TTL_DAYS = 14;

const ROLES: readonly string[] = Object.values(WorkingGroupRole);

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly memberships: MembershipsService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  /**
   * Creates an invitation and e-mails its link (authorization is the caller's job). 409 when the person is
   * already a current member of the group or already has a pending invitation to it. The invitation and its
   * outbox mail are written in one transaction — the caller's when it passes its manager (an accepted
   * application), else a new one.
   */
  async createInvitation(input: CreateInvitationInput, outer?: EntityManager): Promise<InvitationDto> {
    const email = input.email.trim().toLowerCase();
    if (!ROLES.includes(input.role)) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid role', {
        fields: [{ field: 'role', message: `role must be one of: ${ROLES.join(', ')}` }],
      });
    }
    const group = await this.findGroup(input.workingGroupId);
    const token = newLinkToken();
    const create = async (manager: EntityManager): Promise<Invitation> => {
      // Serialises invitations for one email and group, so two at once cannot both pass the checks below.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`invitation:${group.id}:${email}`]);
      const [member] = await manager.query(
        `SELECT 1 FROM memberships m JOIN people p ON p.id = m.person_id
          WHERE m.working_group_id = $1 AND m.left_on IS NULL
            AND (lower(p.email) = $2 OR p.id IN (SELECT person_id FROM users WHERE lower(email) = $2 AND person_id IS NOT NULL))
          LIMIT 1`,
        [group.id, email],
      );
      if (member) throw new ApiException(ErrorCode.Conflict, `${email} is already a member of ${group.code}.`);
      const pending = await manager
        .getRepository(Invitation)
        .createQueryBuilder('i')
        .where('i.working_group_id = :groupId AND lower(i.email) = :email', { groupId: group.id, email })
        .andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now', { now: this.clock.now() })
        .getOne();
      if (pending) {
        throw new ApiException(
          ErrorCode.Conflict,
          `${email} already has a pending invitation to ${group.code} (invitation ${pending.id}, sent ${day(pending.createdAt)}, ` +
            `expires ${day(pending.expiresAt)}). Revoke it before inviting again.`,
        );
      }
      const saved = await manager.getRepository(Invitation).save({
        workingGroupId: group.id,
        email,
        displayName: input.displayName?.trim() || null,
        role: input.role,
        tokenHash: hashLinkToken(token),
        invitedByUserId: input.invitedByUserId,
        applicationId: input.applicationId ?? null,
        expiresAt: new Date(this.clock.now().getTime() + invitationTtlDays() * 24 * 60 * 60 * 1000),
        acceptedAt: null,
        acceptedPersonId: null,
        revokedAt: null,
      });
      await this.enqueueInvitationMail(manager, saved, group, token, input.locale);
      return saved;
    };
    const invitation = outer ? await create(outer) : await this.dataSource.transaction(create);
    return presentInvitation({ ...invitation, workingGroup: group }, this.clock.now());
  }

  /** POST /api/working-groups/:id/invitations: co-chairs of the group, coordinators and admins. */
  async createAs(
    user: AuthenticatedUser,
    workingGroupId: string,
    body: { email: string; role: WorkingGroupRole; displayName?: string },
  ): Promise<InvitationDto> {
    return this.createInvitation({
      workingGroupId,
      email: body.email,
      role: body.role,
      displayName: body.displayName ?? null,
      invitedByUserId: user.id,
    });
  }

  async listFor(workingGroupId: string): Promise<InvitationDto[]> {
    const group = await this.findGroup(workingGroupId);
    const invitations = await this.dataSource.getRepository(Invitation).find({
      where: { workingGroupId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return invitations.map((invitation) => presentInvitation({ ...invitation, workingGroup: group }, this.clock.now()));
  }

  async revoke(id: string): Promise<void> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Invitation)
      .set({ revokedAt: this.clock.now() })
      .where('id = :id AND accepted_at IS NULL AND revoked_at IS NULL', { id })
      .execute();
    if (!result.affected) {
      const current = await this.dataSource.getRepository(Invitation).findOneOrFail({ where: { id } });
      if (current.acceptedAt)
        throw new ApiException(
          ErrorCode.InvitationUsed,
          'This invitation has already been accepted; remove the membership instead.',
        );
      // Already revoked: revoking again changes nothing.
    }
  }

  /** GET /api/invitations/by-token/:token (public). */
  async preview(token: string): Promise<InvitationPreviewDto> {
    const invitation = await this.findByToken(this.dataSource.manager, token, false);
    assertUsable(invitation, this.clock.now());
    const group = await this.findGroup(invitation.workingGroupId);
    const [account] = await this.dataSource.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [
      invitation.email,
    ]);
    return {
      workingGroup: { id: group.id, code: group.code, title: { en: group.titleEn, zh: group.titleZh } },
      role: invitation.role,
      email: invitation.email,
      displayName: invitation.displayName,
      expiresAt: invitation.expiresAt.toISOString(),
      accountExists: Boolean(account),
    };
  }

  /**
   * POST /api/invitations/by-token/:token/accept (public). One transaction: lock the invitation, re-check it,
   * find or create the account and person, join the group, mark the invitation used.
   */
  async accept(
    token: string,
    body: AcceptInvitationDto,
    caller: AuthenticatedUser | null,
  ): Promise<AcceptedInvitation> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.findByToken(manager, token, true);
      assertUsable(invitation, this.clock.now());
      const [existing] = await manager.query(
        'SELECT id, person_id FROM users WHERE lower(email) = lower($1) FOR UPDATE',
        [invitation.email],
      );

      let user: AuthenticatedUser;
      let sessionToken: string | null = null;
      let personId: string;
      if (existing) {
        if (!caller || caller.id !== existing.id) {
          throw new ApiException(
            ErrorCode.InvitationEmailMismatch,
            `This invitation is for ${invitation.email}, which already has an account: sign in as ${invitation.email} to accept it.`,
          );
        }
        personId =
          existing.person_id ??
          (await this.personFor(manager, invitation, caller.displayName, body.country ?? null, caller.locale));
        if (!existing.person_id)
          await manager.query('UPDATE users SET person_id = $2 WHERE id = $1', [existing.id, personId]);
        user = { ...caller, personId };
      } else {
        const missing: FieldError[] = [];
        if (!body.displayName)
          missing.push({ field: 'displayName', message: 'displayName is required to create your account' });
        if (!body.password) missing.push({ field: 'password', message: 'password is required to create your account' });
        const weak = body.password ? passwordFieldError(body.password, invitation.email) : null;
        if (weak) missing.push(weak);
        if (invitation.role === 'co-chair' && !body.country) {
          missing.push({
            field: 'country',
            message: 'country is required to join as co-chair (one co-chair is based in Europe, one in China)',
          });
        }
        if (missing.length > 0)
          throw new ApiException(ErrorCode.ValidationFailed, `Invalid ${missing.map((f) => f.field).join(', ')}`, {
            fields: missing,
          });
        const displayName = body.displayName as string;
        const locale = body.locale ?? 'en';
        personId = await this.personFor(manager, invitation, displayName, body.country ?? null, locale);
        const passwordHash = await AuthService.hashPassword(body.password as string);
        const [created] = await manager.query(
          `INSERT INTO users (email, password_hash, display_name, platform_role, locale, person_id)
           VALUES ($1, $2, $3, 'member', $4, $5) RETURNING id`,
          [invitation.email, passwordHash, displayName, locale, personId],
        );
        const session = await this.auth.createSessionFor(created.id, manager);
        user = session.user;
        sessionToken = session.token;
      }

      await this.memberships.join(manager, {
        workingGroupId: invitation.workingGroupId,
        personId,
        role: invitation.role,
      });
      await manager.query('UPDATE invitations SET accepted_at = $3, accepted_person_id = $2 WHERE id = $1', [
        invitation.id,
        personId,
        this.clock.now(),
      ]);
      return { user, sessionToken, workingGroupId: invitation.workingGroupId };
    });
  }

  private async findGroup(id: string): Promise<WorkingGroup> {
    const group = await this.dataSource.getRepository(WorkingGroup).findOne({ where: { id } });
    if (!group) throw new ApiException(ErrorCode.NotFound, 'Working group not found.');
    return group;
  }

  /** Unknown and revoked invitations are both 404 (a revoked link should not reveal anything). */
  private async findByToken(manager: EntityManager, token: string, lock: boolean): Promise<Invitation> {
    const notFound = new ApiException(
      ErrorCode.NotFound,
      'This invitation link is not valid. Ask for a new invitation.',
    );
    if (!looksLikeLinkToken(token)) throw notFound;
    const query = manager
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.token_hash = :hash', { hash: hashLinkToken(token) });
    if (lock) query.setLock('pessimistic_write');
    const invitation = await query.getOne();
    if (!invitation || invitation.revokedAt) throw notFound;
    return invitation;
  }

  /** The person with the invitation's email if one exists and is free, else a new person. */
  private async personFor(
    manager: EntityManager,
    invitation: Invitation,
    displayName: string,
    country: string | null,
    locale: Locale,
  ): Promise<string> {
    const [person] = await manager.query(
      `SELECT p.id, u.id AS user_id FROM people p LEFT JOIN users u ON u.person_id = p.id WHERE lower(p.email) = lower($1) FOR UPDATE OF p`,
      [invitation.email],
    );
    if (person) {
      if (person.user_id)
        throw new ApiException(ErrorCode.Conflict, `The profile for ${invitation.email} belongs to another account.`);
      return person.id;
    }
    // Country decides the region (co-chair rule, balance report), so a new profile must have one.
    const fallbackCountry = country ?? (await this.applicationCountry(manager, invitation.applicationId));
    if (!fallbackCountry) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid country', {
        fields: [
          { field: 'country', message: 'country is required for a new account (ISO 3166-1 alpha-2, e.g. IT or CN)' },
        ],
      });
    }
    const [created] = await manager.query(
      'INSERT INTO people (display_name, email, country, locale) VALUES ($1, $2, $3, $4) RETURNING id',
      [displayName, invitation.email, fallbackCountry, locale],
    );
    return created.id;
  }

  private async applicationCountry(manager: EntityManager, applicationId: string | null): Promise<string | null> {
    if (!applicationId) return null;
    const [application] = await manager.query('SELECT country FROM applications WHERE id = $1', [applicationId]);
    return application?.country ?? null;
  }

  private async enqueueInvitationMail(
    manager: EntityManager,
    invitation: Invitation,
    group: WorkingGroup,
    token: string,
    requestedLocale?: Locale,
  ): Promise<void> {
    const [recipient] = await manager.query(
      `SELECT coalesce(u.locale, p.locale) AS locale, coalesce(p.display_name, u.display_name) AS display_name
         FROM (SELECT lower($1::text) AS email) e
         LEFT JOIN users u ON lower(u.email) = e.email
         LEFT JOIN people p ON lower(p.email) = e.email`,
      [invitation.email],
    );
    const [inviter] = invitation.invitedByUserId
      ? await manager.query('SELECT display_name FROM users WHERE id = $1', [invitation.invitedByUserId])
      : [];
    const project = await manager.getRepository(Project).findOne({ where: { id: group.projectId } });
    const locale: Locale = requestedLocale ?? (recipient?.locale === 'zh-CN' ? 'zh-CN' : 'en');
    const message = invitationMail({
      locale,
      displayName: invitation.displayName ?? recipient?.display_name ?? null,
      inviterName: inviter?.display_name ?? null,
      projectName: project?.name ?? group.code,
      workingGroup: { code: group.code, titleEn: group.titleEn, titleZh: group.titleZh },
      role: invitation.role,
      link: `${publicBaseUrl()}/invitations/${token}`,
      expiresAt: invitation.expiresAt,
    });
    await this.mail.enqueue(manager, { to: invitation.email, ...message, kind: 'invitation' });
  }
}

function assertUsable(invitation: Invitation, now: Date): void {
  if (invitation.acceptedAt) throw new ApiException(ErrorCode.InvitationUsed, 'This invitation has already been used.');
  if (invitation.expiresAt.getTime() <= now.getTime()) {
    throw new ApiException(
      ErrorCode.InvitationExpired,
      'This invitation has expired. Ask the working group for a new one.',
    );
  }
}

function invitationTtlDays(): number {
  const days = Number(process.env.INVITATION_TTL_DAYS);
  return Number.isFinite(days) && days > 0 ? days : DEFAULT_INVITATION_TTL_DAYS;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function presentInvitation(
  invitation: Invitation & { workingGroup: Pick<WorkingGroup, 'code'> },
  now: Date,
): InvitationDto {
  const status: InvitationDto['status'] = invitation.acceptedAt
    ? 'accepted'
    : invitation.revokedAt
      ? 'revoked'
      : invitation.expiresAt.getTime() <= now.getTime()
        ? 'expired'
        : 'pending';
  return {
    id: invitation.id,
    workingGroupId: invitation.workingGroupId,
    workingGroupCode: invitation.workingGroup.code,
    email: invitation.email,
    displayName: invitation.displayName,
    role: invitation.role,
    status,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}
