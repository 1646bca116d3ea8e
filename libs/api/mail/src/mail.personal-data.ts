import type { EntityManager } from 'typeorm';

/**
 * Erasure (ADR 043) in `mail_outbox`: the messages to the person keep only their kind and dates (the address
 * becomes the pseudonym's, subject and bodies "[erased]", attachments dropped; unsent ones are not sent); in
 * everyone else's messages their name and address become the pseudonym.
 */
export async function eraseMailOf(
  manager: EntityManager,
  person: { email: string; names: string[] },
  pseudonym: { name: string; email: string },
): Promise<void> {
  await manager.query(
    `UPDATE mail_outbox SET to_address = $2, subject = '[erased]', text_body = '[erased]',
            html_body = CASE WHEN html_body IS NULL THEN NULL ELSE '[erased]' END, attachments = '[]'::jsonb,
            status = CASE WHEN status IN ('pending', 'sending', 'kept') THEN 'failed' ELSE status END,
            error = CASE WHEN status IN ('pending', 'sending', 'kept') THEN 'recipient erased' ELSE error END
      WHERE lower(to_address) = lower($1)`,
    [person.email, pseudonym.email],
  );
  for (const needle of [person.email, ...person.names].filter((text) => text.trim().length >= 3)) {
    const replacement = needle === person.email ? pseudonym.email : pseudonym.name;
    await manager.query(
      `UPDATE mail_outbox SET subject = replace(subject, $1, $2), text_body = replace(text_body, $1, $2),
              html_body = replace(html_body, $1, $2), attachments = replace(attachments::text, $1, $2)::jsonb
        WHERE strpos(subject, $1) > 0 OR strpos(text_body, $1) > 0 OR strpos(coalesce(html_body, ''), $1) > 0
           OR strpos(attachments::text, $1) > 0`,
      [needle, replacement],
    );
  }
}
