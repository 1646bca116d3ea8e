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
