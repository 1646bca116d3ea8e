import { Module } from '@nestjs/common';
import { AuthModule } from '@roundtable/api-auth';
import { MailModule } from '@roundtable/api-mail';
import { NotificationDigests } from './notification-digests.service';
import { NotificationStreams } from './notification.streams';
import { NotificationsCommands } from './notifications.commands';
import { NotificationsController } from './notifications.controller';
import { NotificationEvents } from './notifications.events';
import { NotificationsQueries } from './notifications.queries';

/**
 * In-app notifications (ADR 034): features call `NotificationsCommands.notify(manager, …)` inside their
 * transaction instead of `MailService.enqueue`; the person's choice per kind decides whether the mail goes
 * now, in a digest, or not at all. Open apps hear of new ones over server-sent events.
 */
@Module({
  imports: [AuthModule, MailModule],
  controllers: [NotificationsController],
  providers: [
    NotificationEvents,
    NotificationsCommands,
    NotificationsQueries,
    NotificationStreams,
    NotificationDigests,
  ],
  exports: [NotificationsCommands],
})
export class NotificationsModule {}
