import type { Locale } from '@roundtable/contracts';
import type { EntityManager } from 'typeorm';

/**
 * This lib owns the `users` table (docs/architecture.md, "Who owns which table"); other libs change an
 * account only through these functions, inside their own transaction (the caller's `manager`).
 */

/** Keeps the account of a person in step with their profile: name and language (null leaves a value as it is). */
export async function updateAccountProfile(
  manager: EntityManager,
  personId: string,
  changes: { displayName: string | null; locale: string | null },
): Promise<void> {
  await manager.query(
    'UPDATE users SET display_name = coalesce($2, display_name), locale = coalesce($3, locale) WHERE person_id = $1',
    [personId, changes.displayName, changes.locale],
  );
}

/** Ties an existing account to its person (an invitation accepted by someone who already had an account). */
export async function linkAccountToPerson(manager: EntityManager, userId: string, personId: string): Promise<void> {
  await manager.query('UPDATE users SET person_id = $2 WHERE id = $1', [userId, personId]);
}

/** A member account for a person, created when an invitation is accepted; returns the account id. */
export async function createMemberAccount(
  manager: EntityManager,
  user: { email: string; passwordHash: string; displayName: string; locale: Locale; personId: string },
): Promise<string> {
  const [created]: Array<{ id: string }> = await manager.query(
    `INSERT INTO users (email, password_hash, display_name, platform_role, locale, person_id)
     VALUES ($1, $2, $3, 'member', $4, $5) RETURNING id`,
    [user.email, user.passwordHash, user.displayName, user.locale, user.personId],
  );
  return created.id;
}

/** The name an erased account and its person carry from then on. */
export function formerMemberName(number: number): string {
  return `Former member #${number}`;
}

/** The address an erased account and person carry: unique, and no mail can reach it (RFC 6761 `.invalid`). */
export function formerMemberEmail(number: number): string {
  return `former-member-${number}@erased.invalid`;
}

/**
 * Erasure (ADR 043), inside the caller's transaction: the account row stays (so what the person wrote keeps
 * its author id) but gets a "Former member #n" name, an address at `.invalid` nobody can receive mail at and
 * no usable password; its sign-in attempts (which hold the address) are deleted. Sessions are ended by
 * `AuthService.revokeSessions` in the same transaction. Returns the number n.
 */
export async function eraseAccount(manager: EntityManager, userId: string): Promise<{ number: number; email: string }> {
  const [before]: Array<{ email: string; former_member_number: number | null }> = await manager.query(
    'SELECT email, former_member_number FROM users WHERE id = $1 FOR UPDATE',
    [userId],
  );
  const number =
    before.former_member_number ?? Number((await manager.query("SELECT nextval('former_member_numbers') AS n"))[0].n);
  await manager.query(
    `UPDATE users SET email = $2, display_name = $3, password_hash = '!erased', erased_at = now(),
            former_member_number = $4
      WHERE id = $1`,
    [userId, formerMemberEmail(number), formerMemberName(number), number],
  );
  await manager.query('DELETE FROM login_attempts WHERE email_key = lower($1)', [before.email]);
  return { number, email: before.email };
}

/** Retention (ADR 043): sign-in attempts and their addresses older than `days` are deleted. */
export async function deleteLoginAttemptsBefore(manager: EntityManager, days: number, now: Date): Promise<number> {
  const rows: unknown[] = await manager.query(
    'DELETE FROM login_attempts WHERE attempted_at < $2::timestamptz - make_interval(days => $1) RETURNING id',
    [days, now],
  );
  return (rows[0] as unknown[]).length;
}
