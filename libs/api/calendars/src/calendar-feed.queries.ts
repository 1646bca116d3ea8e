import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type CalendarFeedDto } from '@roundtable/contracts';
import { ApiException } from '@roundtable/api-platform';
import { DataSource } from 'typeorm';
import { CalendarFeed } from './calendar-feed.entity';
import { CalendarFeedRegistry, type FeedOwner } from './calendar-feed.registry';
import { hashToken } from './calendar-feed.token';
import { writeCalendar } from './ics.writer';

/** Whether a user has a feed, and the feed a token opens; nothing here writes. */
@Injectable()
export class CalendarFeedQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: CalendarFeedRegistry,
  ) {}

  async status(userId: string): Promise<CalendarFeedDto> {
    const feed = await this.dataSource.getRepository(CalendarFeed).findOne({ where: { userId } });
    const active = Boolean(feed && !feed.revokedAt);
    return { active, createdAt: active && feed ? feed.createdAt.toISOString() : null };
  }

  /** The feed for a token, with the events of every registered source; unknown, malformed and revoked tokens are all 404. */
  async feed(token: string): Promise<string> {
    if (!/^[A-Za-z0-9_-]{40,50}$/.test(token)) throw new ApiException(ErrorCode.NotFound, 'Calendar feed not found.');
    const [row] = await this.dataSource.query<
      Array<{ user_id: string; person_id: string | null; platform_role: FeedOwner['platformRole'] }>
    >(
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
