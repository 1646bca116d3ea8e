import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, WorkingGroupRole, type FieldError, type InvitationDto, type Locale } from '@roundtable/contracts';
import { ApiException, Clock, hashLinkToken, newLinkToken, publicBaseUrl } from '@roundtable/api-platform';
import {
  AuthService,
  createMemberAccount,
  linkAccountToPerson,
  passwordFieldError,
  type AuthenticatedUser,
} from '@roundtable/api-auth';
import { MailService, mailLocale } from '@roundtable/api-mail';
import { MembershipsService, createPerson, type WorkingGroup } from '@roundtable/api-projects';
import { DataSource, type EntityManager } from 'typeorm';
import { invitationMail } from './invitation.mail';
import type { AcceptInvitationDto } from './invitations.dto';
import { Invitation } from './invitations.entities';
import { presentInvitation } from './invitations.presenter';
import { InvitationsRepository } from './invitations.repository';
import { assertUsable, invitationTtlDays } from './invitations.rules';

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

const ROLES: readonly string[] = Object.values(WorkingGroupRole);

/** Inviting, revoking and accepting; each one transaction, the invitation mail written inside it. */
@Injectable()
export class InvitationsCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: InvitationsRepository,
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
        fields: [
          {
            field: 'role',
            code: 'isIn',
            params: { allowed: ROLES.join(', ') },
            message: `role must be one of: ${ROLES.join(', ')}`,
          },
        ],
      });
    }
    const group = await this.repository.group(input.workingGroupId);
    const token = newLinkToken();
    const create = async (manager: EntityManager): Promise<Invitation> => {
      await this.repository.lockInvitee(manager, group.id, email);
      if (await this.repository.isMember(manager, group.id, email))
        throw new ApiException(ErrorCode.Conflict, `${email} is already a member of ${group.code}.`, {
          fields: [
            { field: 'email', code: 'alreadyMember', params: { group: group.code }, message: 'already a member' },
          ],
        });
      const pending = await this.repository.pending(manager, group.id, email, this.clock.now());
      if (pending) {
        throw new ApiException(
          ErrorCode.Conflict,
          `${email} already has a pending invitation to ${group.code} (invitation ${pending.id}, sent ${day(pending.createdAt)}, ` +
            `expires ${day(pending.expiresAt)}). Revoke it before inviting again.`,
          {
            fields: [
              {
                field: 'email',
                code: 'alreadyInvited',
                params: { group: group.code, expires: day(pending.expiresAt) },
                message: 'already invited',
              },
            ],
          },
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

  async revoke(id: string): Promise<void> {
    if (await this.repository.revoke(id, this.clock.now())) return;
    const current = await this.repository.byId(id);
    if (current.acceptedAt)
      throw new ApiException(
        ErrorCode.InvitationUsed,
        'This invitation has already been accepted; remove the membership instead.',
      );
    // Already revoked: revoking again changes nothing.
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
      const invitation = await this.repository.byToken(manager, token, true);
      assertUsable(invitation, this.clock.now());
      const existing = await this.repository.lockUserByEmail(manager, invitation.email);

      let user: AuthenticatedUser;
      let sessionToken: string | null = null;
      let personId: string;
      if (existing) {
        if (!caller || caller.id !== existing.id) {
          throw new ApiException(
            ErrorCode.InvitationEmailMismatch,
            `This invitation is for ${invitation.email}, which already has an account: sign in as ${invitation.email} to accept it.`,
            {
              fields: [
                {
                  field: 'email',
                  code: 'invitationForAnotherAccount',
                  params: { email: invitation.email },
                  message: `sign in as ${invitation.email}`,
                },
              ],
            },
          );
        }
        personId =
          existing.person_id ??
          (await this.personFor(manager, invitation, caller.displayName, body.country ?? null, caller.locale));
        if (!existing.person_id) await linkAccountToPerson(manager, existing.id, personId);
        user = { ...caller, personId };
      } else {
        const missing = newAccountProblems(invitation, body);
        if (missing.length > 0)
          throw new ApiException(ErrorCode.ValidationFailed, `Invalid ${missing.map((f) => f.field).join(', ')}`, {
            fields: missing,
          });
        const displayName = body.displayName as string;
        const locale = body.locale ?? 'en';
        personId = await this.personFor(manager, invitation, displayName, body.country ?? null, locale);
        const userId = await createMemberAccount(manager, {
          email: invitation.email,
          passwordHash: await AuthService.hashPassword(body.password as string),
          displayName,
          locale,
          personId,
        });
        const session = await this.auth.createSessionFor(userId, manager);
        user = session.user;
        sessionToken = session.token;
      }

      await this.memberships.join(manager, {
        workingGroupId: invitation.workingGroupId,
        personId,
        role: invitation.role,
      });
      await this.repository.markAccepted(manager, invitation.id, personId, this.clock.now());
      return { user, sessionToken, workingGroupId: invitation.workingGroupId };
    });
  }

  /** The person with the invitation's email if one exists and is free, else a new person. */
  private async personFor(
    manager: EntityManager,
    invitation: Invitation,
    displayName: string,
    country: string | null,
    locale: Locale,
  ): Promise<string> {
    const person = await this.repository.lockPersonByEmail(manager, invitation.email);
    if (person) {
      if (person.user_id)
        throw new ApiException(ErrorCode.Conflict, `The profile for ${invitation.email} belongs to another account.`);
      return person.id;
    }
    // Country decides the region (co-chair rule, balance report), so a new profile must have one.
    const fallbackCountry = country ?? (await this.repository.applicationCountry(manager, invitation.applicationId));
    if (!fallbackCountry) {
      throw new ApiException(ErrorCode.ValidationFailed, 'Invalid country', {
        fields: [
          {
            field: 'country',
            code: 'countryRequired',
            message: 'country is required for a new account (ISO 3166-1 alpha-2, e.g. IT or CN)',
          },
        ],
      });
    }
    return createPerson(manager, {
      displayName,
      email: invitation.email,
      country: fallbackCountry,
      locale,
    });
  }

  private async enqueueInvitationMail(
    manager: EntityManager,
    invitation: Invitation,
    group: WorkingGroup,
    token: string,
    requestedLocale?: Locale,
  ): Promise<void> {
    const recipient = await this.repository.recipient(manager, invitation.email);
    const inviter = await this.repository.inviter(manager, invitation.invitedByUserId);
    const inviterName = inviter?.display_name ?? null;
    const project = await this.repository.project(manager, group.projectId);
    // The invitee's own language and zone when they are known here; for a new address, the language chosen
    // when inviting, else the inviter's, and the inviter's zone (ADR 034, ADR 044).
    const message = invitationMail({
      locale: mailLocale(requestedLocale ?? recipient?.locale ?? inviter?.locale),
      timeZone: recipient?.time_zone ?? inviter?.time_zone ?? 'UTC',
      displayName: invitation.displayName ?? recipient?.display_name ?? null,
      inviterName,
      projectName: project?.name ?? group.code,
      workingGroup: { code: group.code, titleEn: group.titleEn, titleZh: group.titleZh },
      role: invitation.role,
      link: `${publicBaseUrl()}/invitations/${token}`,
      expiresAt: invitation.expiresAt,
    });
    await this.mail.enqueue(manager, { to: invitation.email, ...message, kind: 'invitation' });
  }
}

/** What a new account needs: a name, a strong password, and a country for co-chairs. */
function newAccountProblems(invitation: Invitation, body: AcceptInvitationDto): FieldError[] {
  const missing: FieldError[] = [];
  if (!body.displayName)
    missing.push({
      field: 'displayName',
      code: 'isNotEmpty',
      message: 'displayName is required to create your account',
    });
  if (!body.password)
    missing.push({ field: 'password', code: 'isNotEmpty', message: 'password is required to create your account' });
  const weak = body.password ? passwordFieldError(body.password, invitation.email) : null;
  if (weak) missing.push(weak);
  if (invitation.role === 'co-chair' && !body.country) {
    missing.push({
      field: 'country',
      code: 'countryRequired',
      message: 'country is required to join as co-chair (one co-chair is based in Europe, one in China)',
    });
  }
  return missing;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}
