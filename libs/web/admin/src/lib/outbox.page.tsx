import { useEffect, useState } from 'react';
import type { OutboxMessageDto } from '@roundtable/contracts';
import { canCoordinate, useCurrentUser } from '@roundtable/web-auth';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { adminCommands, adminKeys, useOutbox } from './admin.queries';
import {
  Badge,
  ErrorMessage,
  FormError,
  Loading,
  formatDateTime,
  useApiMutation,
  type BadgeTone,
  DataTable,
} from '@roundtable/web-ui';
import { outboxMessages } from './admin.messages';
import styles from './outbox.module.css';

const STATUS_TONE: Record<OutboxMessageDto['status'], BadgeTone> = {
  pending: 'info',
  sending: 'info',
  sent: 'success',
  kept: 'neutral',
  failed: 'warning',
};
const STATUSES: Array<OutboxMessageDto['status'] | 'all'> = ['all', 'pending', 'sending', 'sent', 'kept', 'failed'];

function OutboxRow({ message }: { message: OutboxMessageDto }) {
  const { t } = useMessages(outboxMessages);
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const retry = useApiMutation(() => adminCommands.retryMail(message.id), [adminKeys.outbox]);
  return (
    <>
      <tr data-testid="outbox-row" data-status={message.status} data-kind={message.kind}>
        <td>
          <Badge tone={STATUS_TONE[message.status]}>{t(`outbox.status.${message.status}`)}</Badge>
        </td>
        <th scope="row">
          <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
            {message.subject}
          </button>
          {message.attachments.length > 0 ? (
            <p className="muted" data-testid="outbox-attachments">
              {t('outbox.attachments', { files: message.attachments.join(', ') })}
            </p>
          ) : null}
          {message.error ? <p className="form__error">{message.error}</p> : null}
          {message.nextAttemptAt ? (
            <p className="muted" data-testid="outbox-next-attempt">
              {t('outbox.nextAttempt', {
                attempts: message.attempts,
                time: formatDateTime(message.nextAttemptAt, locale),
              })}
            </p>
          ) : null}
        </th>
        <td>{message.to}</td>
        <td>
          <code>{message.kind}</code>
        </td>
        <td>{formatDateTime(message.createdAt, locale)}</td>
        <td>{formatDateTime(message.sentAt, locale)}</td>
        <td className="table__actions">
          {message.status === 'failed' || message.status === 'kept' ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={retry.pending}
              onClick={() => void retry.run()}
              data-testid="outbox-retry"
            >
              {retry.pending ? t('outbox.retrying') : t('outbox.retry')}
            </button>
          ) : null}
          <FormError error={retry.error} />
        </td>
      </tr>
      {open ? (
        <tr className="row--detail">
          <td colSpan={7}>
            <pre className={styles.mailText}>{message.text}</pre>
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function OutboxPage() {
  const { t } = useMessages(outboxMessages);
  const user = useCurrentUser();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('all');
  const outbox = useOutbox(canCoordinate(user));

  useEffect(() => {
    document.title = `${t('outbox.title')} · ${t('app.name')}`;
  }, [t]);

  if (!canCoordinate(user)) {
    return (
      <main className="page" id="main">
        <h1>{t('outbox.title')}</h1>
        <p className="alert alert--error">{t('errors.FORBIDDEN')}</p>
      </main>
    );
  }

  const list = outbox.state === 'ready' ? outbox.data : [];
  const visible = list.filter((m) => status === 'all' || m.status === status);

  return (
    <main className="page" id="main">
      <header className="page__header page__header--split">
        <div>
          <h1>{t('outbox.title')}</h1>
          <p className="muted">{t('outbox.intro')}</p>
        </div>
        <div className="button-row">
          <div className="segmented" role="group" aria-label={t('outbox.filter')}>
            {STATUSES.map((value) => (
              <button
                key={value}
                type="button"
                className={`button button--small ${status === value ? 'button--primary' : 'button--secondary'}`}
                aria-pressed={status === value}
                onClick={() => setStatus(value)}
              >
                {value === 'all' ? t('outbox.all') : t(`outbox.status.${value}`)} (
                {value === 'all' ? list.length : list.filter((m) => m.status === value).length})
              </button>
            ))}
          </div>
          <button type="button" className="button button--secondary button--small" onClick={outbox.reload}>
            {t('outbox.refresh')}
          </button>
        </div>
      </header>
      {outbox.state === 'loading' ? <Loading /> : null}
      {outbox.state === 'error' ? <ErrorMessage error={outbox.error} onRetry={outbox.reload} /> : null}
      {outbox.state === 'ready' ? (
        visible.length === 0 ? (
          <p className="muted">{t('outbox.empty')}</p>
        ) : (
          <DataTable
            testId="outbox"
            headers={[
              t('outbox.statusLabel'),
              t('outbox.subject'),
              t('outbox.to'),
              t('outbox.kind'),
              t('outbox.created'),
              t('outbox.sent'),
              t('workingGroup.manage.actions'),
            ]}
          >
            {[...visible]
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
              .map((message) => (
                <OutboxRow key={message.id} message={message} />
              ))}
          </DataTable>
        )
      ) : null}
    </main>
  );
}
