import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type NotificationDelivery, type NotificationKind } from '@roundtable/contracts';
import { ApiException, Clock } from '@roundtable/api-platform';
import { MailService, type MailMessage } from '@roundtable/api-mail';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { Notification, NotificationPreference } from './notifications.entities';
import { NotificationEvents } from './notifications.events';
import { DEFAULT_DELIVERY } from './notifications.presenter';

export interface NotifyInput {
  /** Who: their account, or the person or address it is found through. */
  recipient: { personId?: string | null; userId?: string | null; email?: string | null };
  kind: NotificationKind;
  title: { en: string; zh: string };
  /** The app path of the thing (`/documents/…`), without the host. */
  link: string;
  /** The mail sent at once when the person chose `email` (and always to someone without an account). */
  mail?: MailMessage | null;
}

/**
 * Writes notifications and the person's choices. `notify` joins the caller's transaction like the outbox
 * (ADR 007, 034): the row, the NOTIFY that makes open apps fetch it, and the mail the person chose exist
 * exactly when the change they tell about does.
 */
@Injectable()
export class NotificationsCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailService,
    private readonly events: NotificationEvents,
    private readonly clock: Clock,
  ) {}

  /** Returns the notification's id, or null when the recipient has no account (then only mail goes out). */
  async notify(manager: EntityManager, input: NotifyInput): Promise<string | null> {
    const [user]: Array<{ id: string; delivery: NotificationDelivery | null }> = await manager.query(
      `SELECT u.id, p.delivery FROM users u
         LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.kind = $4
        WHERE u.id = $1::uuid OR u.person_id = $2::uuid OR lower(u.email) = lower($3)
        ORDER BY (u.id = $1::uuid) DESC NULLS LAST, (u.person_id = $2::uuid) DESC NULLS LAST LIMIT 1`,
      [input.recipient.userId ?? null, input.recipient.personId ?? null, input.recipient.email ?? null, input.kind],
    );
    const delivery = user ? (user.delivery ?? DEFAULT_DELIVERY[input.kind]) : 'email';
    if (delivery === 'email' && input.mail) await this.mail.enqueue(manager, input.mail);
    if (!user) return null;
    const row = await manager.getRepository(Notification).save({
      userId: user.id,
      kind: input.kind,
      titleEn: input.title.en,
      titleZh: input.title.zh,
      link: input.link,
      delivery,
      createdAt: this.clock.now(),
      readAt: null,
      digestedAt: null,
    });
    await this.events.announce(manager, user.id);
    return row.id;
  }

  /** Marks one of the user's notifications read; 404 for anyone else's (nobody reads another's). */
  async markRead(userId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(Notification).findOne({ where: { id, userId } });
      if (!row) throw new ApiException(ErrorCode.NotFound, 'Notification not found.');
      if (row.readAt) return;
      await manager.getRepository(Notification).update({ id, userId }, { readAt: this.clock.now() });
      await this.events.announce(manager, userId);
    });
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Notification).update({ userId, readAt: IsNull() }, { readAt: this.clock.now() });
      await this.events.announce(manager, userId);
    });
  }

  async setPreferences(
    userId: string,
    preferences: ReadonlyArray<{ kind: NotificationKind; delivery: NotificationDelivery }>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const { kind, delivery } of preferences)
        await manager
          .getRepository(NotificationPreference)
          .upsert({ userId, kind, delivery, updatedAt: new Date() }, ['userId', 'kind']);
    });
  }
}
