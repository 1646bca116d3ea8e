import type { EntityManager } from 'typeorm';

/**
 * Personal data in `invitations` (ADR 043), owned here. Erasure: every invitation to the person's address or
 * accepted by them carries the pseudonym instead of their name and address; the pending ones are revoked.
 */
export async function eraseInvitationsOf(
  manager: EntityManager,
  person: { personId: string | null; email: string },
  pseudonym: { name: string; email: string },
): Promise<void> {
  await manager.query(
    `UPDATE invitations SET email = $3, display_name = $4,
            revoked_at = CASE WHEN accepted_at IS NULL AND revoked_at IS NULL THEN now() ELSE revoked_at END
      WHERE lower(email) = lower($1) OR accepted_person_id = $2::uuid`,
    [person.email, person.personId, pseudonym.email, pseudonym.name],
  );
}

/** Retention: invitations never accepted are deleted `days` after they expired or were revoked. */
export async function deleteUnacceptedInvitationsBefore(
  manager: EntityManager,
  days: number,
  now: Date,
): Promise<number> {
  const [rows] = await manager.query(
    `DELETE FROM invitations WHERE accepted_at IS NULL
        AND coalesce(revoked_at, expires_at) < $2::timestamptz - make_interval(days => $1) RETURNING id`,
    [days, now],
  );
  return (rows as unknown[]).length;
}
