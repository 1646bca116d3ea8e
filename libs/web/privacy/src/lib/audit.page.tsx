import { useEffect, useState } from 'react';
import { AUDIT_ACTIONS, type AuditAction } from '@roundtable/contracts';
import { canCoordinate, useCurrentUser } from '@roundtable/web-auth';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { DataTable, ErrorMessage, Loading, formatDateTime } from '@roundtable/web-ui';
import { auditMessages } from './privacy.messages';
import { auditCsvHref, useAuditLog, type AuditFilters } from './privacy.queries';
import styles from './privacy.module.css';

/** /admin/audit: the append-only audit log for coordinators and administrators, filtered, with CSV (ADR 043). */
export function AuditPage() {
  const { t } = useMessages(auditMessages);
  const { locale } = useLocale();
  const user = useCurrentUser();
  const allowed = canCoordinate(user);
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters, allowed);

  useEffect(() => {
    document.title = `${t('audit.title')} · ${t('app.name')}`;
  }, [t]);

  if (!allowed) {
    return (
      <main className="page" id="main">
        <h1>{t('audit.title')}</h1>
        <p className="alert alert--error">{t('errors.FORBIDDEN')}</p>
      </main>
    );
  }

  const set = (key: keyof AuditFilters, value: string) =>
    setFilters((current) => {
      const next = { ...current } as Record<string, string>;
      if (value) next[key] = value;
      else delete next[key];
      return next as AuditFilters;
    });

  return (
    <main className="page" id="main">
      <header className="page__header">
        <h1>{t('audit.title')}</h1>
        <p className="muted">{t('audit.intro')}</p>
      </header>
      <div className={styles.filters}>
        <div className="form__field">
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <select
            id="audit-action"
            value={filters.action ?? ''}
            onChange={(e) => set('action', e.target.value)}
            data-testid="audit-action"
          >
            <option value="">{t('audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((action: AuditAction) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor="audit-from">{t('audit.from')}</label>
          <input id="audit-from" type="date" value={filters.from ?? ''} onChange={(e) => set('from', e.target.value)} />
        </div>
        <div className="form__field">
          <label htmlFor="audit-to">{t('audit.to')}</label>
          <input id="audit-to" type="date" value={filters.to ?? ''} onChange={(e) => set('to', e.target.value)} />
        </div>
        <a className="button button--secondary button--small" href={auditCsvHref(filters)} download>
          {t('audit.csv')}
        </a>
      </div>
      {log.state === 'loading' ? <Loading /> : null}
      {log.state === 'error' ? <ErrorMessage error={log.error} onRetry={log.reload} /> : null}
      {log.state === 'ready' ? (
        log.data.length === 0 ? (
          <p className="muted">{t('audit.empty')}</p>
        ) : (
          <DataTable
            testId="audit-log"
            headers={[t('audit.at'), t('audit.action'), t('audit.actor'), t('audit.subject'), t('audit.details')]}
          >
            {log.data.map((entry) => (
              <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                <td>{formatDateTime(entry.at, locale)}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  <code>{entry.actorUserId ?? '—'}</code>
                </td>
                <td>
                  {entry.subjectType} <code>{entry.subjectId ?? ''}</code>
                </td>
                <td>
                  <code>{JSON.stringify(entry.details)}</code>
                </td>
              </tr>
            ))}
          </DataTable>
        )
      ) : null}
    </main>
  );
}
