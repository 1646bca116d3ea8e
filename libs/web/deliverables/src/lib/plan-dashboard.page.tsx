import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import type { PlanDashboardDto } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { ProjectPicker, useSelectedProject } from '@roundtable/web-projects';
import { Badge, DataTable, ErrorMessage, Loading, formatDateTime } from '@roundtable/web-ui';
import {
  RISK_CLASS,
  RISK_TONE,
  daysLeftLabel,
  deliverableStatusLabel,
  monthLabel,
  riskLabel,
  statusLabel,
  typeLabel,
} from './plan-format';
import { ReadinessBar } from './readiness-bar';
import { planCommands, planCsvHref, usePlanDashboard } from './plan.queries';
import { ReminderOffsets } from './reminder-offsets';
import { NewPlanItemForm } from './plan-editor.forms';
import { Timeline } from './timeline';
import styles from './plan.module.css';
import { planMessages } from './plan.messages';

function ChangesStrip({ plan, onSeen }: { plan: PlanDashboardDto; onSeen: () => void }) {
  const { t } = useMessages(planMessages);
  const { locale } = useLocale();
  if (plan.changes.length === 0) return null;
  async function markSeen() {
    await planCommands.markVisited(plan.project.id);
    onSeen();
  }
  return (
    <section
      className={`alert alert--info ${styles.changesStrip}`}
      data-testid="plan-changes"
      aria-labelledby="plan-changes-title"
    >
      <h2 id="plan-changes-title" className={styles.changesStripTitle}>
        {plan.previousVisitAt
          ? t('plan.changes.since', { date: formatDateTime(plan.previousVisitAt, locale) })
          : t('plan.changes.recent')}
      </h2>
      <ul>
        {plan.changes.map((change, index) => (
          <li key={index} data-testid="plan-change" data-kind={change.kind}>
            <Link to={`/plan/items/${change.itemId}`}>{change.number}</Link>{' '}
            {change.kind === 'status'
              ? t('plan.changes.status', {
                  from: deliverableStatusLabel(t, change.from),
                  to: deliverableStatusLabel(t, change.detail),
                })
              : t('plan.changes.rebaseline', { from: change.from, to: change.detail })}{' '}
            <span className="muted">
              {t('plan.changes.byAt', {
                name: change.by ?? t('plan.changes.someone'),
                date: formatDateTime(change.at, locale),
              })}
            </span>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => void markSeen()}
        data-testid="plan-changes-seen"
      >
        {t('plan.changes.markSeen')}
      </button>
    </section>
  );
}

/** The coordinator's deadline dashboard: timeline, upcoming deadlines, per-WG readiness, recent changes. */
export function PlanDashboardPage() {
  const { t } = useMessages(planMessages);
  const { locale, pick } = useLocale();
  const { projects, project, select } = useSelectedProject();
  const plan = usePlanDashboard(project?.id ?? null);

  useEffect(() => {
    document.title = `${t('plan.title')} · ${t('app.name')}`;
  }, [t]);

  // Leaving the dashboard counts as a visit: next time the strip shows only what changed since.
  const seenProjectId = plan.state === 'ready' ? plan.data.project.id : null;
  useEffect(() => {
    if (!seenProjectId) return;
    return () => void planCommands.markVisited(seenProjectId).catch(() => undefined);
  }, [seenProjectId]);

  if (projects.state === 'error')
    return (
      <main className="page" id="main">
        <ErrorMessage error={projects.error} onRetry={projects.reload} />
      </main>
    );
  const data = plan.state === 'ready' ? plan.data : null;
  const upcoming = data
    ? data.items.filter((i) => i.risk !== 'done').sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    : [];

  return (
    <main className="page" id="main">
      <header className="page__header page__header--split">
        <div>
          <h1>{t('plan.title')}</h1>
          <p className="muted">{t('plan.intro')}</p>
        </div>
        <div className="button-row">
          {projects.state === 'ready' ? (
            <ProjectPicker projects={projects.data} project={project} select={select} />
          ) : null}
          {project ? (
            <>
              <a
                className="button button--secondary button--small"
                href={planCsvHref(project.id)}
                download
                data-testid="plan-export-csv"
              >
                {t('plan.exportCsv')}
              </a>
              <Link
                className="button button--secondary button--small"
                to={`/plan/print?projectId=${project.id}`}
                data-testid="plan-print-link"
              >
                {t('plan.printable')}
              </Link>
            </>
          ) : null}
        </div>
      </header>
      {plan.state === 'loading' || projects.state === 'loading' ? <Loading /> : null}
      {plan.state === 'error' ? <ErrorMessage error={plan.error} onRetry={plan.reload} /> : null}
      {data ? (
        <>
          <ChangesStrip plan={data} onSeen={plan.reload} />
          {data.items.length === 0 ? <p className="muted">{t('plan.empty')}</p> : <Timeline plan={data} />}
          <ReminderOffsets
            key={data.reminderOffsets.join(',')}
            projectId={data.project.id}
            offsets={data.reminderOffsets}
            canManage={data.canManage}
          />
          {data.canManage ? (
            <NewPlanItemForm
              projectId={data.project.id}
              workPackages={data.workPackages}
              partners={project?.partners ?? []}
            />
          ) : null}
          <div className={styles.planColumns}>
            <section aria-labelledby="plan-upcoming" className="card">
              <h2 id="plan-upcoming">{t('plan.upcoming')}</h2>
              {upcoming.length === 0 ? (
                <p className="muted">{t('plan.nothingOpen')}</p>
              ) : (
                <ol className={styles.deadlineList} data-testid="upcoming">
                  {upcoming.map((item) => (
                    <li
                      key={item.id}
                      className={`${styles.deadline} ${RISK_CLASS[item.risk]}`}
                      data-testid="upcoming-item"
                      data-number={item.number}
                      data-risk={item.risk}
                    >
                      <div className={styles.deadlineHead}>
                        <Link
                          to={`/plan/items/${item.id}`}
                          className={styles.deadlineTitle}
                          data-testid="upcoming-item-link"
                        >
                          {item.number} · {pick(item.title)}
                        </Link>
                        <Badge tone={RISK_TONE[item.risk]}>
                          <span data-testid="risk-badge">{riskLabel(t, item.risk)}</span>
                        </Badge>
                      </div>
                      <p className={styles.deadlineMeta}>
                        {monthLabel(t, item.dueMonth, item.dueDate, locale)} · {daysLeftLabel(t, item)} ·{' '}
                        {statusLabel(t, item)}
                      </p>
                      <ReadinessBar
                        share={item.readiness.share}
                        label={t('plan.readinessOf', { number: item.number })}
                        testId="upcoming-readiness"
                      />
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <section aria-labelledby="plan-wg" className="card">
              <h2 id="plan-wg">{t('plan.byWorkingGroup')}</h2>
              <ul className={styles.wgReadiness} data-testid="wg-readiness">
                {data.workingGroups.map((group) => (
                  <li key={group.workingGroupId} data-code={group.code}>
                    <span className={styles.wgReadinessCode}>{group.code}</span>
                    <ReadinessBar share={group.share} label={t('plan.readinessOf', { number: group.code })} />
                    <span className="muted">
                      {t('plan.documentsReady', { ready: group.readyCount, total: group.total })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          </div>
          <section aria-labelledby="plan-all">
            <h2 id="plan-all">{t('plan.allItems')}</h2>
            <PlanTable plan={data} />
          </section>
        </>
      ) : null}
    </main>
  );
}

/** Milestones and deliverables as a table (the dashboard and the printable page). */
export function PlanTable({ plan }: { plan: PlanDashboardDto }) {
  const { t } = useMessages(planMessages);
  const { locale, pick } = useLocale();
  return (
    <DataTable
      testId="plan-table"
      headers={[
        t('plan.col.number'),
        t('plan.col.title'),
        t('plan.col.wp'),
        t('plan.col.lead'),
        t('plan.col.type'),
        t('plan.col.due'),
        t('plan.col.status'),
        t('plan.col.readiness'),
        t('plan.col.risk'),
      ]}
    >
      {plan.items.map((item) => (
        <tr key={item.id} data-testid="plan-row" data-number={item.number}>
          <th scope="row">
            <Link to={`/plan/items/${item.id}`}>{item.number}</Link>
          </th>
          <td>{pick(item.title)}</td>
          <td>{[item.workPackageCode, item.taskCode].filter(Boolean).join(' · ') || '—'}</td>
          <td>{item.leadPartner?.shortName ?? '—'}</td>
          <td>
            {item.kind === 'milestone'
              ? t('plan.kind.milestone')
              : `${typeLabel(t, item.type)} · ${item.dissemination}`}
          </td>
          <td>{monthLabel(t, item.dueMonth, item.dueDate, locale)}</td>
          <td>{statusLabel(t, item)}</td>
          <td>{t('plan.documentsReady', { ready: item.readiness.readyCount, total: item.readiness.total })}</td>
          <td>
            <Badge tone={RISK_TONE[item.risk]}>{riskLabel(t, item.risk)}</Badge>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
