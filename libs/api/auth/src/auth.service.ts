import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type UserDto } from '@roundtable/contracts';
import { userColor } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import { recordAudit } from '@roundtable/api-audit';
import * as argon2 from 'argon2';
import { Subject } from 'rxjs';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { LoginAttempt, Session, User } from './auth.entities';
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from './session-cookie';

/** Failed logins allowed per email and client address inside the window before 429. */
export const LOGIN_MAX_FAILURES = 5;
/** Failed logins allowed per client address across all emails inside the window. */
export const LOGIN_MAX_FAILURES_PER_IP = 50;
/**
 * Failed logins allowed per email across all addresses inside the window: the cap that rotating addresses
 * cannot get around. Counted by email, so an unknown email behaves exactly like an account.
 */
export const LOGIN_MAX_FAILURES_PER_ACCOUNT = 20;
export const LOGIN_WINDOW_SECONDS = 15 * 60;
/** An address that signed in to the account this recently is not held by the per-account cap. */
export const KNOWN_ADDRESS_DAYS = 30;

/**
 * PostgreSQL channel on which a transaction that ends sessions announces each session id (delivered on
 * commit to every API process), so each closes the collaboration sockets opened with those sessions.
 */
export const SESSION_ENDED_CHANNEL = 'roundtable_session_ended';

export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  platformRole: User['platformRole'];
  locale: User['locale'];
  personId: string | null;
  sessionId: string;
  /** When the session expires: a socket opened with it closes then. */
  sessionExpiresAt: Date;
}

const INVALID_CREDENTIALS = 'Email or password is incorrect.';

@Injectable()
export class AuthService implements OnApplicationShutdown {
  /** Verified against when the email is unknown, so the response time does not reveal whether it exists. */
  private readonly dummyHash = argon2.hash('roundtable-dummy-password', { type: argon2.argon2id });
  /**
   * Session ids ended by this process, as soon as their transaction committed (the NOTIFY on
   * SESSION_ENDED_CHANNEL brings the same to every process a moment later).
   */
  readonly sessionsEnded$ = new Subject<string[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async login(email: string, password: string, ip: string): Promise<{ token: string; user: AuthenticatedUser }> {
    const user = await this.verifyPassword(email, password, ip);
    if (!user) throw new ApiException(ErrorCode.InvalidCredentials, INVALID_CREDENTIALS);
    return this.dataSource.transaction(async (manager) => {
      await recordAudit(manager, {
        actorUserId: user.id,
        action: 'auth.signIn',
        subjectType: 'user',
        subjectId: user.id,
      });
      return this.startSession(manager, user);
    });
  }

  /**
   * Checks a password for an email the way login does: throttled, recorded as an attempt, the same work
   * for unknown emails. The user when it matches, else null.
   */
  async verifyPassword(email: string, password: string, ip: string): Promise<User | null> {
    const emailKey = email.trim().toLowerCase();
    await this.assertNotThrottled(emailKey, ip);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = :emailKey', { emailKey })
      .getOne();
    const valid = user
      ? await argon2.verify(user.passwordHash, password).catch(() => false)
      : await argon2.verify(await this.dummyHash, password).then(() => false);
    await this.dataSource.getRepository(LoginAttempt).insert({ emailKey, ip, succeeded: valid });
    if (user && !valid)
      await recordAudit(this.dataSource.manager, {
        actorUserId: null,
        action: 'auth.signInFailed',
        subjectType: 'user',
        subjectId: user.id,
      });
    return user && valid ? user : null;
  }

  /** Stores a new password (argon2id) for a user, inside the caller's transaction. Check it with passwordProblem first. */
  async setPassword(manager: EntityManager, userId: string, password: string): Promise<void> {
    await manager
      .getRepository(User)
      .update({ id: userId }, { passwordHash: await AuthService.hashPassword(password) });
  }

  /**
   * Opens a session for a user without a password check (the caller has just created or verified the
   * account, e.g. when accepting an invitation). Pass the caller's transaction manager to make the session
   * part of it. The controller sets the cookie exactly as after login.
   */
  async createSessionFor(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ token: string; user: AuthenticatedUser }> {
    const user = await manager.getRepository(User).findOneOrFail({ where: { id: userId } });
    return this.startSession(manager, user);
  }

  private async startSession(manager: EntityManager, user: User): Promise<{ token: string; user: AuthenticatedUser }> {
    const token = newSessionToken();
    const session = await manager.getRepository(Session).save({
      tokenHash: hashSessionToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + SESSION_TTL_MS),
      revokedAt: null,
    });
    return { token, user: toAuthenticated(user, session) };
  }

  async logout(sessionId: string): Promise<void> {
    this.announceEnded(await this.dataSource.transaction((manager) => this.revokeSessions(manager, { sessionId })));
  }

  /** Ends every open session of a user, except `keep` (the caller's own, after a password change). */
  async endSessionsOf(userId: string, keep: string | null = null): Promise<void> {
    this.announceEnded(await this.dataSource.transaction((manager) => this.revokeSessions(manager, { userId, keep })));
  }

  /**
   * Inside the caller's transaction: revokes one session, or every open session of a user but `keep`, and
   * NOTIFYs each id on SESSION_ENDED_CHANNEL, so no process hears of an end that rolled back. After the
   * commit, pass the ids to announceEnded so this process acts at once.
   */
  async revokeSessions(
    manager: EntityManager,
    which: { sessionId: string } | { userId: string; keep?: string | null },
  ): Promise<string[]> {
    const [where, params] =
      'sessionId' in which
        ? ['id = $2', [which.sessionId]]
        : ['user_id = $2 AND id IS DISTINCT FROM $3::uuid', [which.userId, which.keep ?? null]];
    const rows: Array<{ id: string }> = await manager.query(
      `WITH ended AS (UPDATE sessions SET revoked_at = now() WHERE revoked_at IS NULL AND ${where} RETURNING id)
       SELECT id, pg_notify($1, id::text) FROM ended`,
      [SESSION_ENDED_CHANNEL, ...params],
    );
    return rows.map((row) => row.id);
  }

  /** Sessions ended by a committed transaction of this process. */
  announceEnded(ids: string[]): void {
    if (ids.length > 0) this.sessionsEnded$.next(ids);
  }

  /** The user behind a session token, or null when the token is unknown, expired or revoked. */
  async userForToken(token: string | null): Promise<AuthenticatedUser | null> {
    if (!token || token.length > 200) return null;
    const session = await this.dataSource.getRepository(Session).findOne({
      where: { tokenHash: hashSessionToken(token), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    if (!session) return null;
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: session.userId } });
    return user ? toAuthenticated(user, session) : null;
  }

  /** Of the given session ids, those that are revoked, expired or gone. */
  async endedSessions(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT t.id FROM unnest($1::uuid[]) AS t(id)
        WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = t.id AND s.revoked_at IS NULL AND s.expires_at > now())`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  private async assertNotThrottled(emailKey: string, ip: string): Promise<void> {
    // Failures count only inside the window and only after the last success for the same email and address,
    // so an attacker cannot lock the real user out for longer than the window.
    const [perEmail] = await this.dataSource.query(
      `SELECT count(*)::int AS failures, min(attempted_at) AS oldest
         FROM login_attempts
        WHERE email_key = $1 AND ip = $2 AND NOT succeeded
          AND attempted_at > now() - make_interval(secs => $3)
          AND attempted_at > coalesce((SELECT max(attempted_at) FROM login_attempts
                                        WHERE email_key = $1 AND ip = $2 AND succeeded), '-infinity')`,
      [emailKey, ip, LOGIN_WINDOW_SECONDS],
    );
    const [perIp] = await this.dataSource.query(
      `SELECT count(*)::int AS failures, min(attempted_at) AS oldest
         FROM login_attempts
        WHERE ip = $1 AND NOT succeeded AND attempted_at > now() - make_interval(secs => $2)`,
      [ip, LOGIN_WINDOW_SECONDS],
    );
    // Across addresses: rotating addresses buys no more guesses at one account. An address that signed in to
    // this account recently is not held, so the real user on their usual network is not locked out by it.
    const [perAccount] = await this.dataSource.query(
      `SELECT count(*)::int AS failures, min(attempted_at) AS oldest,
              EXISTS (SELECT 1 FROM login_attempts WHERE email_key = $1 AND ip = $2 AND succeeded
                         AND attempted_at > now() - make_interval(days => $4)) AS known_address
         FROM login_attempts
        WHERE email_key = $1 AND NOT succeeded AND attempted_at > now() - make_interval(secs => $3)`,
      [emailKey, ip, LOGIN_WINDOW_SECONDS, KNOWN_ADDRESS_DAYS],
    );
    const blocked = [
      perEmail.failures >= LOGIN_MAX_FAILURES ? perEmail.oldest : null,
      perIp.failures >= LOGIN_MAX_FAILURES_PER_IP ? perIp.oldest : null,
      perAccount.failures >= LOGIN_MAX_FAILURES_PER_ACCOUNT && !perAccount.known_address ? perAccount.oldest : null,
    ].filter((oldest): oldest is Date => oldest !== null);
    if (blocked.length === 0) return;
    const until = Math.max(...blocked.map((oldest) => new Date(oldest).getTime() + LOGIN_WINDOW_SECONDS * 1000));
    throw new ApiException(ErrorCode.TooManyAttempts, 'Too many failed sign-in attempts. Try again later.', {
      retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)),
    });
  }

  onApplicationShutdown(): void {
    this.sessionsEnded$.complete();
  }
}

function toAuthenticated(user: User, session: Pick<Session, 'id' | 'expiresAt'>): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    platformRole: user.platformRole,
    locale: user.locale,
    personId: user.personId,
    sessionId: session.id,
    sessionExpiresAt: session.expiresAt,
  };
}

export function toUserDto(user: AuthenticatedUser): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    platformRole: user.platformRole,
    locale: user.locale,
    color: userColor(user.id),
  };
}
