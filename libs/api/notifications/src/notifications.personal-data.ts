import type { EntityManager } from 'typeorm';

/**
 * Erasure (ADR 043): the person's own notifications and choices are deleted; in other people's
 * notifications their name becomes the pseudonym.
 */
export async function eraseNotificationsOf(
  manager: EntityManager,
  userId: string,
  names: string[],
  pseudonym: string,
): Promise<void> {
  await manager.query('DELETE FROM notifications WHERE user_id = $1', [userId]);
  await manager.query('DELETE FROM notification_preferences WHERE user_id = $1', [userId]);
  await manager.query('DELETE FROM notification_digests WHERE user_id = $1', [userId]);
  for (const name of names.filter((text) => text.trim().length >= 3))
    await manager.query(
      `UPDATE notifications SET title_en = replace(title_en, $1, $2), title_zh = replace(title_zh, $1, $2)
        WHERE strpos(title_en, $1) > 0 OR strpos(title_zh, $1) > 0`,
      [name, pseudonym],
    );
}
