import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Locale, NotificationListDto, NotificationPreferenceDto, UnreadCountDto } from '@roundtable/contracts';
import { DataSource, IsNull } from 'typeorm';
import { Notification, NotificationPreference } from './notifications.entities';
import { presentNotification, presentPreferences } from './notifications.presenter';

export const NOTIFICATIONS_PAGE_SIZE = 50;

/** Reads of the caller's own notifications and choices (never anyone else's; never writes). */
@Injectable()
export class NotificationsQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(userId: string, locale: Locale, limit = NOTIFICATIONS_PAGE_SIZE): Promise<NotificationListDto> {
    const rows = await this.dataSource
      .getRepository(Notification)
      .find({ where: { userId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
    return { items: rows.map((row) => presentNotification(row, locale)), ...(await this.unread(userId)) };
  }

  async unread(userId: string): Promise<UnreadCountDto> {
    return { unread: await this.dataSource.getRepository(Notification).count({ where: { userId, readAt: IsNull() } }) };
  }

  async preferences(userId: string): Promise<NotificationPreferenceDto[]> {
    const rows = await this.dataSource.getRepository(NotificationPreference).find({ where: { userId } });
    return presentPreferences(rows);
  }
}
