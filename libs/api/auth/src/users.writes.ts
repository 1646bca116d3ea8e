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
