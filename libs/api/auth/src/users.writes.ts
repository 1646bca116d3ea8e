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
