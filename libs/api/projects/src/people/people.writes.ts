import type { Locale } from '@roundtable/contracts';
import type { EntityManager } from 'typeorm';

/**
 * This lib owns the `people` table (docs/architecture.md, "Who owns which table"); other libs add a person
 * only through this function, inside their own transaction (the caller's `manager`).
 */
export async function createPerson(
  manager: EntityManager,
  person: { displayName: string; email: string; country: string; locale: Locale },
): Promise<string> {
  const [created]: Array<{ id: string }> = await manager.query(
    'INSERT INTO people (display_name, email, country, locale) VALUES ($1, $2, $3, $4) RETURNING id',
    [person.displayName, person.email, person.country, person.locale],
  );
  return created.id;
}

/** Withdrawing consent to optional profile data (ADR 043) removes it at once: the gender. */
export async function clearOptionalProfile(manager: EntityManager, personId: string): Promise<void> {
  await manager.query('UPDATE people SET gender = NULL, updated_at = now() WHERE id = $1', [personId]);
}

/**
 * Erasure (ADR 043), inside the caller's transaction: the person row stays (memberships, actions and
 * decisions keep their integrity) with the pseudonym ("Former member #n") and nothing else that identifies them.
 * Returns what the row held, so the caller can look for the old name elsewhere.
 */
export async function erasePerson(
  manager: EntityManager,
  personId: string,
  pseudonym: { name: string; email: string },
): Promise<{ displayName: string; email: string }> {
  const [before]: Array<{ display_name: string; email: string }> = await manager.query(
    'SELECT display_name, email FROM people WHERE id = $1 FOR UPDATE',
    [personId],
  );
  await manager.query(
    `UPDATE people SET display_name = $2, email = $3, affiliation = NULL, sector = 'other', gender = NULL,
            expertise = '{}', partner_id = NULL, erased_at = now(), updated_at = now()
      WHERE id = $1`,
    [personId, pseudonym.name, pseudonym.email],
  );
  return { displayName: before.display_name, email: before.email };
}
