export { NotificationBell } from './lib/notification-bell';
export { NotificationsPage } from './lib/notifications.page';
export { NotificationSettingsPage } from './lib/notification-settings.page';
