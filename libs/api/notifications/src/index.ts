export {
  NOTIFICATION_ENTITIES,
  Notification,
  NotificationPreference,
  NotificationDigest,
} from './notifications.entities';
export { NotificationsModule } from './notifications.module';
export { NotificationsCommands, type NotifyInput } from './notifications.commands';
export { NotificationDigests, DIGEST_JOB } from './notification-digests.service';
export { eraseNotificationsOf } from './notifications.personal-data';
