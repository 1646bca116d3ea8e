import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CalendarFeedDto } from '@roundtable/contracts';
import { ApiException, publicBaseUrl } from '@roundtable/api-platform';
import { createHash, randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { CalendarFeedRegistry, type FeedOwner } from './calendar-feed.registry';
import { CalendarFeed } from './calendar-feed.entity';
import { writeCalendar } from './ics.writer';

function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Personal calendar subscription URLs. The token is shown once, when made; only its SHA-256 is stored, so
 * regenerating replaces it and revoking stops every calendar that subscribed with it.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: CalendarFeedRegistry,
  ) {}

  async status(userId: string): Promise<CalendarFeedDto> {
    const feed = await this.dataSource.getRepository(CalendarFeed).findOne({ where: { userId } });
    const active = Boolean(feed && !feed.revokedAt);
    return { active, createdAt: active && feed ? feed.createdAt.toISOString() : null };
  }

  /** A new secret URL; any previous one stops working. */
  async regenerate(userId: string): Promise<CalendarFeedDto> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now(), revoked_at = NULL`,
      [userId, hashToken(token)],
    );
    return { ...(await this.status(userId)), url: `${publicBaseUrl()}/api/calendar-feeds/${token}/calendar.ics` };
  }

  async revoke(userId: string): Promise<CalendarFeedDto> {
    await this.dataSource.query(
      'UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
    return this.status(userId);
  }

  /** The feed for a token; unknown, malformed and revoked tokens are all 404. */
  async feed(token: string): Promise<string> {
    if (!/^[A-Za-z0-9_-]{40,50}$/.test(token)) throw new ApiException(ErrorCode.NotFound, 'Calendar feed not found.');
    const [row]: Array<{ user_id: string; person_id: string | null; platform_role: FeedOwner['platformRole'] }> =
      await this.dataSource.query(
        `SELECT f.user_id, u.person_id, u.platform_role FROM calendar_feeds f JOIN users u ON u.id = f.user_id
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL`,
        [hashToken(token)],
      );
    if (!row) throw new ApiException(ErrorCode.NotFound, 'Calendar feed not found.');
    const events = await this.registry.eventsFor({
      userId: row.user_id,
      personId: row.person_id,
      platformRole: row.platform_role,
    });
    return writeCalendar({ method: 'PUBLISH', name: 'Roundtable', events });
  }
}
