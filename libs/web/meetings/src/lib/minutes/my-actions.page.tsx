import { useEffect, useState } from 'react';
import type { ActionItemDto } from '@roundtable/contracts';
import { ErrorMessage, Loading } from '@roundtable/web-ui';
import { useMessages } from '@roundtable/web-i18n';
import { useMyActions } from '../meetings.queries';
import { ActionItemsList } from './action-items.list';
import { minutesMessages } from './minutes.messages';

/** The signed-in person's action items across every group, open first, overdue flagged. */
export function MyActionsPage() {
  const { t } = useMessages(minutesMessages);
  const resource = useMyActions();
  const [actions, setActions] = useState<ActionItemDto[] | null>(null);
  useEffect(() => {
    document.title = `${t('minutes.myActions.title')} · ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    if (resource.data) setActions(resource.data);
  }, [resource.data]);
  return (
    <main id="main" className="page">
      <header className="page__header">
        <h1>{t('minutes.myActions.title')}</h1>
        <p className="muted">{t('minutes.myActions.intro')}</p>
      </header>
      {resource.state === 'loading' ? <Loading /> : null}
      {resource.state === 'error' ? <ErrorMessage error={resource.error} onRetry={resource.reload} /> : null}
      {actions ? (
        <ActionItemsList
          actions={actions}
          showMeeting
          testId="my-actions"
          onChanged={(a) => setActions(actions.map((x) => (x.id === a.id ? a : x)))}
        />
      ) : null}
    </main>
  );
}
