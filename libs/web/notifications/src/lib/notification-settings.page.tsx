import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import {
  NOTIFICATION_DELIVERIES,
  type NotificationDelivery,
  type NotificationKind,
  type NotificationPreferenceDto,
} from '@roundtable/contracts';
import { useMessages } from '@roundtable/web-i18n';
import { ErrorMessage, FormError, Loading, SubmitButton, useApiMutation } from '@roundtable/web-ui';
import { notificationsMessages } from './notifications.messages';
import { notificationCommands, notificationKeys, useNotificationPreferences } from './notifications.queries';
import styles from './notifications.module.css';

function PreferencesForm({ initial }: { initial: NotificationPreferenceDto[] }) {
  const { t } = useMessages(notificationsMessages);
  const [choices, setChoices] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useApiMutation(notificationCommands.setPreferences, [notificationKeys.preferences]);

  function choose(kind: NotificationKind, delivery: NotificationDelivery) {
    setSaved(false);
    setChoices((all) => all.map((c) => (c.kind === kind ? { kind, delivery } : c)));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if ((await save.run(choices)) !== undefined) setSaved(true);
  }

  return (
    <form className="card form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="notification-preferences">
      <FormError error={save.error} />
      {saved ? (
        <p className="alert alert--success" role="status">
          {t('notifications.saved')}
        </p>
      ) : null}
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t('notifications.kindHeading')}</th>
            <th scope="col">{t('notifications.deliveryHeading')}</th>
          </tr>
        </thead>
        <tbody>
          {choices.map((choice) => (
            <tr key={choice.kind}>
              <th scope="row">
                <label htmlFor={`delivery-${choice.kind}`}>{t(`notifications.kind.${choice.kind}`)}</label>
              </th>
              <td>
                <select
                  id={`delivery-${choice.kind}`}
                  name={choice.kind}
                  value={choice.delivery}
                  onChange={(e) => choose(choice.kind, e.target.value as NotificationDelivery)}
                >
                  {NOTIFICATION_DELIVERIES.map((delivery) => (
                    <option key={delivery} value={delivery}>
                      {t(`notifications.delivery.${delivery}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SubmitButton pending={save.pending} label={t('form.save')} pendingLabel={t('form.saving')} />
    </form>
  );
}

/** Per kind: in the app only, email at once, or a daily or weekly digest. */
export function NotificationSettingsPage() {
  const { t } = useMessages(notificationsMessages);
  const preferences = useNotificationPreferences();

  useEffect(() => {
    document.title = `${t('notifications.settingsTitle')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className="page" id="main">
      <header className="page__header">
        <p>
          <Link to="/notifications">{t('notifications.backToList')}</Link>
        </p>
        <h1>{t('notifications.settingsTitle')}</h1>
        <p className="muted">{t('notifications.settingsIntro')}</p>
      </header>
      {preferences.state === 'loading' ? <Loading /> : null}
      {preferences.state === 'error' ? <ErrorMessage error={preferences.error} onRetry={preferences.reload} /> : null}
      {preferences.state === 'ready' ? <PreferencesForm initial={preferences.data} /> : null}
    </main>
  );
}
