import type { EntityManager } from 'typeorm';

/** Erasure (ADR 043): the person's password reset links go. */
export async function erasePasswordResetsOf(manager: EntityManager, userId: string): Promise<void> {
  await manager.query('DELETE FROM password_reset_tokens WHERE user_id = $1', [userId]);
}

/** Retention: reset links are deleted `days` after they expired; the per-address counters after a day. */
export async function deleteOldPasswordResets(manager: EntityManager, days: number, now: Date): Promise<number> {
  const [tokens] = await manager.query(
    'DELETE FROM password_reset_tokens WHERE expires_at < $2::timestamptz - make_interval(days => $1) RETURNING id',
    [days, now],
  );
  const [requests] = await manager.query(
    "DELETE FROM password_reset_requests WHERE created_at < $1::timestamptz - interval '1 day' RETURNING id",
    [now],
  );
  return (tokens as unknown[]).length + (requests as unknown[]).length;
}
