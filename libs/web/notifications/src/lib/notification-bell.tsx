import { Link } from 'react-router-dom';
import { useMessages } from '@roundtable/web-i18n';
import { notificationsMessages } from './notifications.messages';
import { useNotificationStream, useUnreadCount } from './notifications.queries';
import styles from './notification-bell.module.css';

/** The header's bell: the unread count, live while the app is open, linking to the notifications page. */
export function NotificationBell() {
  const { t } = useMessages(notificationsMessages);
  useNotificationStream();
  const unread = useUnreadCount();
  const count = unread.state === 'ready' ? unread.data.unread : 0;
  return (
    <Link
      to="/notifications"
      className={styles.bell}
      data-testid="notification-bell"
      aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
      title={t('notifications.bell')}
    >
      <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
      </svg>
      {count > 0 ? (
        <span className={styles.count} data-testid="notification-count">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}
