import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale } from '@roundtable/contracts';
import { digestPeriod } from '@roundtable/domain';
import { Clock, publicBaseUrl } from '@roundtable/api-platform';
import { JobsService } from '@roundtable/api-jobs';
import { MailService } from '@roundtable/api-mail';
import { DataSource } from 'typeorm';
import { digestMail } from './digest.mail';

export const DIGEST_JOB = 'notification-digests';

/** How often the digest sweep runs: often enough that 08:00 local is met within a quarter of an hour. */
export const DIGEST_SWEEP_SECONDS = 15 * 60;

const CADENCES = ['daily', 'weekly'] as const;

/**
 * Daily and weekly digests (ADR 034). A sweep on the job queue finds people with notifications waiting for a
 * digest, works out their current period in their zone (08:00 local to 08:00 local; weeks from Monday), and
 * for each period that has begun sends one mail with what arrived before it began. The period is claimed by
 * a `notification_digests` row in the same transaction as the mail, so a restart, a second process or a
 * second run never sends it again.
 */
@Injectable()
export class NotificationDigests implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(
      DIGEST_JOB,
      () => DIGEST_SWEEP_SECONDS,
      () => this.sweep(),
    );
  }

  /** Sends the digests due now; returns how many went out. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const waiting: Array<{ user_id: string; delivery: 'daily' | 'weekly'; zone: string }> = await this.dataSource.query(
      `SELECT DISTINCT n.user_id, n.delivery, coalesce(p.time_zone, 'UTC') AS zone
         FROM notifications n JOIN users u ON u.id = n.user_id LEFT JOIN people p ON p.id = u.person_id
        WHERE n.digested_at IS NULL AND n.delivery = ANY($1::text[])`,
      [CADENCES],
    );
    let sent = 0;
    for (const row of waiting) if (await this.send(row.user_id, row.delivery, row.zone, now)) sent += 1;
    return sent;
  }

  private send(userId: string, cadence: 'daily' | 'weekly', zone: string, now: Date): Promise<boolean> {
    const period = digestPeriod(now, zone, cadence);
    return this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO notification_digests (user_id, period, sent_at, items)
         SELECT $1, $2, $3, count(*) FROM notifications
          WHERE user_id = $1 AND delivery = $4 AND digested_at IS NULL AND created_at < $5
         HAVING count(*) > 0
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [userId, period.key, now, cadence, period.start],
      );
      if (claimed.length === 0) return false;
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [items]: [Array<{ title_en: string; title_zh: string; link: string; created_at: Date }>, number] =
        await manager.query(
          `UPDATE notifications SET digested_at = $4
          WHERE user_id = $1 AND delivery = $2 AND digested_at IS NULL AND created_at < $3
          RETURNING title_en, title_zh, link, created_at`,
          [userId, cadence, period.start, now],
        );
      const [user]: Array<{ email: string; display_name: string; locale: Locale }> = await manager.query(
        'SELECT email, display_name, locale FROM users WHERE id = $1',
        [userId],
      );
      const locale: Locale = user.locale === 'zh-CN' ? 'zh-CN' : 'en';
      const message = digestMail({
        locale,
        cadence,
        recipientName: user.display_name,
        items: items
          .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
          .map((item) => ({ title: locale === 'zh-CN' ? item.title_zh : item.title_en, link: item.link })),
        baseUrl: publicBaseUrl(),
      });
      await this.mail.enqueue(manager, { to: user.email, ...message, kind: `digest-${cadence}` });
      return true;
    });
  }
}
