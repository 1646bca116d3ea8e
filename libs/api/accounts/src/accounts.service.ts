import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type FieldError, type Locale } from '@roundtable/contracts';
import { ApiException, hashLinkToken, looksLikeLinkToken, newLinkToken, publicBaseUrl } from '@roundtable/api-platform';
import { AuthService, passwordFieldError, type AuthenticatedUser } from '@roundtable/api-auth';
import { MailService } from '@roundtable/api-mail';
import { DataSource } from 'typeorm';
import { PasswordResetToken } from './accounts.entities';
import type { ChangePasswordDto, PasswordResetConfirmDto } from './accounts.dto';
import { passwordResetMail } from './password-reset.mail';

/** How long an emailed reset link works. */
export const RESET_LINK_TTL_MS = 60 * 60 * 1000;
/** Reset mails per account per hour; further requests are answered the same way and send nothing. */
export const RESET_MAILS_PER_HOUR = 3;
/** Reset requests one client address may make in an hour, whatever the emails (HTTP 429 after). */
export const RESET_REQUESTS_PER_ADDRESS_PER_HOUR = 10;

@Injectable()
export class AccountsService {
  private readonly logger = new Logger('Accounts');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly mail: MailService,
  ) {}

  /**
   * The current password proves it is the account holder (checked, recorded and throttled like a login);
   * the new one must pass the password policy. Every other session of the user ends, and open reset links die.
   */
  async changePassword(user: AuthenticatedUser, body: ChangePasswordDto, ip: string): Promise<void> {
    const verified = await this.auth.verifyPassword(user.email, body.currentPassword, ip);
    if (!verified || verified.id !== user.id)
      throw refused({
        field: 'currentPassword',
        message: 'currentPassword is not your current password',
        code: 'currentPasswordWrong',
      });
    const problem = passwordFieldError(body.newPassword, user.email, 'newPassword');
    if (problem) throw refused(problem);
    const ended = await this.dataSource.transaction(async (manager) => {
      await this.auth.setPassword(manager, user.id, body.newPassword);
      await manager.query('UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [
        user.id,
      ]);
      return this.auth.revokeSessions(manager, { userId: user.id, keep: user.sessionId });
    });
    this.auth.announceEnded(ended);
  }

  /**
   * Answered at once and the same way for every email: the lookup, the link and the mail happen after the
   * response, so neither the answer nor its timing tells whether the email has an account.
   */
  /**
   * Counts the request against the client's address (every request, for an account or not, so the answer
   * says nothing about accounts), then mails the link in the background.
   */
  async requestReset(email: string, clientAddress: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `password-reset-address:${clientAddress}`,
      ]);
      await manager.query("DELETE FROM password_reset_requests WHERE created_at <= now() - interval '1 hour'");
      const [recent]: Array<{ n: number; oldest: Date | null }> = await manager.query(
        'SELECT count(*)::int AS n, min(created_at) AS oldest FROM password_reset_requests WHERE client_address = $1',
        [clientAddress],
      );
      if (recent.n >= RESET_REQUESTS_PER_ADDRESS_PER_HOUR) {
        const until = new Date(recent.oldest!).getTime() + 60 * 60 * 1000;
        throw new ApiException(ErrorCode.TooManyAttempts, 'Too many password reset requests. Try again later.', {
          retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)),
        });
      }
      await manager.query('INSERT INTO password_reset_requests (client_address) VALUES ($1)', [clientAddress]);
    });
    this.sendResetLink(email.trim().toLowerCase()).catch((error: unknown) =>
      this.logger.error('Password reset mail failed', error as Error),
    );
  }

  private async sendResetLink(emailKey: string): Promise<void> {
    const [user]: Array<{ id: string; email: string; display_name: string; locale: Locale; time_zone: string | null }> =
      await this.dataSource.query(
        `SELECT u.id, u.email, u.display_name, u.locale, p.time_zone
           FROM users u LEFT JOIN people p ON p.id = u.person_id WHERE lower(u.email) = $1`,
        [emailKey],
      );
    if (!user) return;
    const token = newLinkToken();
    await this.dataSource.transaction(async (manager) => {
      // One request per account at a time, so parallel requests cannot pass the hourly cap together.
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`password-reset:${user.id}`]);
      const [recent] = await manager.query(
        "SELECT count(*)::int AS n FROM password_reset_tokens WHERE user_id = $1 AND created_at > now() - interval '1 hour'",
        [user.id],
      );
      if (recent.n >= RESET_MAILS_PER_HOUR) return;
      const expiresAt = new Date(Date.now() + RESET_LINK_TTL_MS);
      await manager
        .getRepository(PasswordResetToken)
        .insert({ userId: user.id, tokenHash: hashLinkToken(token), expiresAt, usedAt: null });
      const message = passwordResetMail({
        locale: user.locale,
        timeZone: user.time_zone ?? 'UTC',
        displayName: user.display_name,
        link: `${publicBaseUrl()}/reset-password/${token}`,
        expiresAt,
      });
      await this.mail.enqueue(manager, { to: user.email, ...message, kind: 'password-reset' });
    });
  }

  /**
   * Sets the new password from a reset link: the link must be known, unused and unexpired; it is used up
   * with every other open link of the account, and every session of the account ends.
   */
  async confirmReset(body: PasswordResetConfirmDto): Promise<void> {
    const invalid = new ApiException(
      ErrorCode.ResetLinkInvalid,
      'This password reset link is not valid any more: ask for a new one.',
    );
    if (!looksLikeLinkToken(body.token)) throw invalid;
    const ended = await this.dataSource.transaction(async (manager) => {
      const [link]: Array<{ user_id: string; email: string; usable: boolean }> = await manager.query(
        `SELECT t.user_id, u.email, (t.used_at IS NULL AND t.expires_at > now()) AS usable
           FROM password_reset_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = $1 FOR UPDATE OF t`,
        [hashLinkToken(body.token)],
      );
      if (!link?.usable) throw invalid;
      const problem = passwordFieldError(body.password, link.email, 'password');
      if (problem) throw refused(problem);
      await this.auth.setPassword(manager, link.user_id, body.password);
      await manager.query('UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [
        link.user_id,
      ]);
      return this.auth.revokeSessions(manager, { userId: link.user_id });
    });
    this.auth.announceEnded(ended);
  }
}

function refused(error: FieldError): ApiException {
  return new ApiException(ErrorCode.ValidationFailed, `Invalid ${error.field}`, { fields: [error] });
}
