import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@roundtable/contracts';
import { ApiException, hashLinkToken, looksLikeLinkToken } from '@roundtable/api-platform';
import { Project, WorkingGroup } from '@roundtable/api-projects';
import { DataSource, type EntityManager } from 'typeorm';
import { Invitation } from './invitations.entities';

/**
 * Invitations and the rows accepting one touches. Raw SQL where it earns its place: advisory locks, the
 * case-insensitive email matches across users and people, row locks. Writes run in the caller's transaction.
 */
@Injectable()
export class InvitationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async group(id: string): Promise<WorkingGroup> {
    const group = await this.dataSource.getRepository(WorkingGroup).findOne({ where: { id } });
    if (!group) throw new ApiException(ErrorCode.NotFound, 'Working group not found.');
    return group;
  }

  ofGroup(workingGroupId: string): Promise<Invitation[]> {
    return this.dataSource.getRepository(Invitation).find({
      where: { workingGroupId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /**
   * The invitation of a link's token (locked for update when `lock`). Unknown and revoked invitations are
   * both 404 (a revoked link should not reveal anything).
   */
  async byToken(manager: EntityManager, token: string, lock: boolean): Promise<Invitation> {
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

  async accountExists(email: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
    return rows.length > 0;
  }

  // --- inside a command's transaction ---

  /** Serialises invitations for one email and group, so two at once cannot both pass the checks. */
  async lockInvitee(manager: EntityManager, groupId: string, email: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`invitation:${groupId}:${email}`]);
  }

  /** Whether the email (of a profile or of an account) is a current member of the group. */
  async isMember(manager: EntityManager, groupId: string, email: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM memberships m JOIN people p ON p.id = m.person_id
        WHERE m.working_group_id = $1 AND m.left_on IS NULL
          AND (lower(p.email) = $2 OR p.id IN (SELECT person_id FROM users WHERE lower(email) = $2 AND person_id IS NOT NULL))
        LIMIT 1`,
      [groupId, email],
    );
    return rows.length > 0;
  }

  pending(manager: EntityManager, groupId: string, email: string, now: Date): Promise<Invitation | null> {
    return manager
      .getRepository(Invitation)
      .createQueryBuilder('i')
      .where('i.working_group_id = :groupId AND lower(i.email) = :email', { groupId, email })
      .andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now', { now })
      .getOne();
  }

  /** Revokes an invitation still open; false when it was accepted or revoked already. */
  async revoke(id: string, now: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Invitation)
      .set({ revokedAt: now })
      .where('id = :id AND accepted_at IS NULL AND revoked_at IS NULL', { id })
      .execute();
    return Boolean(result.affected);
  }

  byId(id: string): Promise<Invitation> {
    return this.dataSource.getRepository(Invitation).findOneOrFail({ where: { id } });
  }

  /** Language and name the invitee already has, from their account or profile. */
  async recipient(
    manager: EntityManager,
    email: string,
  ): Promise<{ locale: string | null; display_name: string | null; time_zone: string | null } | undefined> {
    // Only someone known here has a language and zone of their own (their account's, else their profile's).
    const [recipient] = await manager.query(
      `SELECT coalesce(u.locale, p.locale) AS locale, coalesce(p.display_name, u.display_name) AS display_name,
              coalesce(up.time_zone, p.time_zone) AS time_zone
         FROM (SELECT lower($1::text) AS email) e
         LEFT JOIN users u ON lower(u.email) = e.email
         LEFT JOIN people up ON up.id = u.person_id
         LEFT JOIN people p ON lower(p.email) = e.email`,
      [email],
    );
    return recipient;
  }

  async inviter(
    manager: EntityManager,
    userId: string | null,
  ): Promise<{ display_name: string; locale: string; time_zone: string | null } | null> {
    if (!userId) return null;
    const [user]: Array<{ display_name: string; locale: string; time_zone: string | null }> = await manager.query(
      'SELECT u.display_name, u.locale, p.time_zone FROM users u LEFT JOIN people p ON p.id = u.person_id WHERE u.id = $1',
      [userId],
    );
    return user ?? null;
  }

  project(manager: EntityManager, projectId: string): Promise<Project | null> {
    return manager.getRepository(Project).findOne({ where: { id: projectId } });
  }

  async lockUserByEmail(
    manager: EntityManager,
    email: string,
  ): Promise<{ id: string; person_id: string | null } | undefined> {
    const [user] = await manager.query('SELECT id, person_id FROM users WHERE lower(email) = lower($1) FOR UPDATE', [
      email,
    ]);
    return user;
  }

  /** The profile with this email, locked, and the account that holds it if any. */
  async lockPersonByEmail(
    manager: EntityManager,
    email: string,
  ): Promise<{ id: string; user_id: string | null } | undefined> {
    const [person] = await manager.query(
      `SELECT p.id, u.id AS user_id FROM people p LEFT JOIN users u ON u.person_id = p.id WHERE lower(p.email) = lower($1) FOR UPDATE OF p`,
      [email],
    );
    return person;
  }

  async applicationCountry(manager: EntityManager, applicationId: string | null): Promise<string | null> {
    if (!applicationId) return null;
    const [application] = await manager.query('SELECT country FROM applications WHERE id = $1', [applicationId]);
    return application?.country ?? null;
  }

  async markAccepted(manager: EntityManager, id: string, personId: string, at: Date): Promise<void> {
    await manager.query('UPDATE invitations SET accepted_at = $3, accepted_person_id = $2 WHERE id = $1', [
      id,
      personId,
      at,
    ]);
  }
}
