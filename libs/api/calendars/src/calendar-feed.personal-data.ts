import type { EntityManager } from 'typeorm';

/** Erasure (ADR 043): the person's secret feed URLs stop answering at once. */
export async function revokeCalendarFeedsOf(manager: EntityManager, userId: string): Promise<void> {
  await manager.query('UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
    userId,
  ]);
}
