import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type UserDto } from '@roundtable/contracts';
import { userColor } from '@roundtable/domain';
import { ApiException } from '@roundtable/api-platform';
import * as argon2 from 'argon2';
import { DataSource, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { LoginAttempt, Session, User } from './auth.entities';
import { hashSessionToken, newSessionToken, SESSION_TTL_MS } from './session-cookie';

/** Failed logins allowed per email and client address inside the window before 429. */
export const LOGIN_MAX_FAILURES = 5;
/** Failed logins allowed per client address across all emails inside the window. */
export const LOGIN_MAX_FAILURES_PER_IP = 50;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  platformRole: User['platformRole'];
  locale: User['locale'];
  personId: string | null;
  sessionId: string;
}

const INVALID_CREDENTIALS = 'Email or password is incorrect.';

@Injectable()
export class AuthService {
  /** Verified against when the email is unknown, so the response time does not reveal whether it exists. */
  private readonly dummyHash = argon2.hash('roundtable-dummy-password', { type: argon2.argon2id });

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  static hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async login(email: string, password: string, ip: string): Promise<{ token: string; user: AuthenticatedUser }> {
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
    if (!user || !valid) throw new ApiException(ErrorCode.InvalidCredentials, INVALID_CREDENTIALS);
    return this.startSession(this.dataSource.manager, user);
  }

  /**
   * Opens a session for a user without a password check (the caller has just created or verified the
   * account, e.g. when accepting an invitation). Pass the caller's transaction manager to make the session
   * part of it. The controller sets the cookie exactly as after login.
   */
  async createSessionFor(userId: string, manager: EntityManager = this.dataSource.manager): Promise<{ token: string; user: AuthenticatedUser }> {
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
    return { token, user: toAuthenticated(user, session.id) };
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource.getRepository(Session).update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** The user behind a session token, or null when the token is unknown, expired or revoked. */
  async userForToken(token: string | null): Promise<AuthenticatedUser | null> {
    if (!token || token.length > 200) return null;
    const session = await this.dataSource.getRepository(Session).findOne({
      where: { tokenHash: hashSessionToken(token), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    if (!session) return null;
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: session.userId } });
    return user ? toAuthenticated(user, session.id) : null;
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
    const blocked = [
      perEmail.failures >= LOGIN_MAX_FAILURES ? perEmail.oldest : null,
      perIp.failures >= LOGIN_MAX_FAILURES_PER_IP ? perIp.oldest : null,
    ].filter((oldest): oldest is Date => oldest !== null);
    if (blocked.length === 0) return;
    const until = Math.max(...blocked.map((oldest) => new Date(oldest).getTime() + LOGIN_WINDOW_SECONDS * 1000));
    throw new ApiException(ErrorCode.TooManyAttempts, 'Too many failed sign-in attempts. Try again later.', {
      retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)),
    });
  }
}

function toAuthenticated(user: User, sessionId: string): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    platformRole: user.platformRole,
    locale: user.locale,
    personId: user.personId,
    sessionId,
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
