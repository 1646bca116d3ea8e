import type { EntityManager } from 'typeorm';

/**
 * Personal data of applicants (ADR 043). Erasure: applications and submissions from the person's address
 * keep their decision and dates, without name, address, affiliation, motivation or client address.
 */
export async function eraseApplicationsOf(
  manager: EntityManager,
  email: string,
  pseudonym: { name: string; email: string },
): Promise<void> {
  await manager.query(
    `UPDATE applications SET name = $2, email = $3, affiliation = '', motivation = '', conflict_of_interest = '',
            submitted_from_ip = ''
      WHERE lower(email) = lower($1)`,
    [email, pseudonym.name, pseudonym.email],
  );
  await manager.query(
    `UPDATE application_submissions SET email = $2, payload = '{}'::jsonb, submitted_from_ip = ''
      WHERE lower(email) = lower($1)`,
    [email, pseudonym.email],
  );
}

/**
 * Retention: applicants' client addresses (kept for the per-address limit) are blanked `days` after the
 * submission; unconfirmed submissions are deleted once their link expired `days` ago.
 */
export async function forgetApplicantAddressesBefore(manager: EntityManager, days: number, now: Date): Promise<number> {
  const [submissions] = await manager.query(
    `UPDATE application_submissions SET submitted_from_ip = ''
      WHERE submitted_from_ip <> '' AND created_at < $2::timestamptz - make_interval(days => $1) RETURNING id`,
    [days, now],
  );
  const [applications] = await manager.query(
    `UPDATE applications SET submitted_from_ip = ''
      WHERE submitted_from_ip <> '' AND submitted_at < $2::timestamptz - make_interval(days => $1) RETURNING id`,
    [days, now],
  );
  await manager.query(
    `DELETE FROM application_submissions WHERE confirmed_at IS NULL AND expires_at < $2::timestamptz - make_interval(days => $1)`,
    [days, now],
  );
  return (submissions as unknown[]).length + (applications as unknown[]).length;
}
