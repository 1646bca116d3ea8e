import { useEffect } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { NotificationDto } from '@roundtable/contracts';
import { useMessages } from '@roundtable/web-i18n';
import { ErrorMessage, FormError, Loading, formatDateTime, useApiMutation } from '@roundtable/web-ui';
import { notificationsMessages } from './notifications.messages';
import { notificationCommands, notificationKeys, useNotifications } from './notifications.queries';
import styles from './notifications.module.css';

function NotificationItem({ item }: { item: NotificationDto }) {
  const { t } = useMessages(notificationsMessages);
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const markRead = useApiMutation(notificationCommands.markRead, [notificationKeys.all]);
  const unread = item.readAt === null;

  async function open() {
    if (unread) await markRead.run(item.id);
    navigate(item.link);
  }

  return (
    <li
      className={unread ? `${styles.item} ${styles.unread}` : styles.item}
      data-testid="notification"
      data-kind={item.kind}
    >
      <div className={styles.text}>
        <a
          href={item.link}
          className={styles.link}
          onClick={(event) => {
            event.preventDefault();
            void open();
          }}
        >
          {unread ? <span className={styles.dot} aria-label={t('notifications.unread')} /> : null}
          {item.title}
        </a>
        <span className="muted">
          {t(`notifications.kind.${item.kind}`)} · {formatDateTime(item.createdAt, i18n.language)}
        </span>
      </div>
      {unread ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void markRead.run(item.id)}
          disabled={markRead.pending}
        >
          {t('notifications.markRead')}
        </button>
      ) : null}
    </li>
  );
}

/** The signed-in person's notifications, newest first, with their links and read state. */
export function NotificationsPage() {
  const { t } = useMessages(notificationsMessages);
  const notifications = useNotifications();
  const markAll = useApiMutation(notificationCommands.markAllRead, [notificationKeys.all]);

  useEffect(() => {
    document.title = `${t('notifications.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className="page" id="main">
      <header className="page__header page__header--split">
        <div>
          <h1>{t('notifications.title')}</h1>
          <p className="muted">{t('notifications.intro')}</p>
        </div>
        <div className="button-row">
          <Link to="/notifications/settings" className="button button--secondary" data-testid="notification-settings">
            {t('notifications.settings')}
          </Link>
          <button
            type="button"
            className="button"
            onClick={() => void markAll.run()}
            disabled={markAll.pending || notifications.data?.unread === 0}
            data-testid="mark-all-read"
          >
            {t('notifications.markAllRead')}
          </button>
        </div>
      </header>
      <FormError error={markAll.error} />
      {notifications.state === 'loading' ? <Loading /> : null}
      {notifications.state === 'error' ? (
        <ErrorMessage error={notifications.error} onRetry={notifications.reload} />
      ) : null}
      {notifications.state === 'ready' ? (
        notifications.data.items.length === 0 ? (
          <p className="muted">{t('notifications.empty')}</p>
        ) : (
          <ul className={`card ${styles.list}`}>
            {notifications.data.items.map((item) => (
              <NotificationItem key={item.id} item={item} />
            ))}
          </ul>
        )
      ) : null}
    </main>
  );
}
