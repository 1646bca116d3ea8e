import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { publicBaseUrl } from '@roundtable/api-platform';
import { randomBytes } from 'crypto';
import { DataSource } from 'typeorm';
import { hashToken } from './calendar-feed.token';

/**
 * Personal calendar subscription URLs. The token is shown once, when made; only its SHA-256 is stored, so
 * regenerating replaces it and revoking stops every calendar that subscribed with it.
 */
@Injectable()
export class CalendarFeedCommands {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new secret URL; any previous one stops working. */
  async regenerate(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now(), revoked_at = NULL`,
      [userId, hashToken(token)],
    );
    return `${publicBaseUrl()}/api/calendar-feeds/${token}/calendar.ics`;
  }

  async revoke(userId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE calendar_feeds SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
  }
}
