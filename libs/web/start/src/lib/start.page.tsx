import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import {
  START_SECTION_LIMIT,
  type StartPageDto,
  type StartRequestDto,
  type StartSectionDto,
} from '@roundtable/contracts';
import { useCurrentUser } from '@roundtable/web-auth';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import { ZonedTimes } from '@roundtable/web-meetings';
import { regionLabel } from '@roundtable/web-projects';
import { Badge, ErrorMessage, Loading, formatDateTime, formatDay } from '@roundtable/web-ui';
import { startMessages } from './start.messages';
import { useStartNotifications, useStartPage } from './start.queries';
import styles from './start.module.css';

/** One bounded list: its items, an empty state saying what to do next, and a link to the full list. */
function Panel<I>({
  id,
  title,
  section,
  empty,
  all,
  className,
  children,
}: {
  id: string;
  title: string;
  section: StartSectionDto<I>;
  empty: ReactNode;
  all?: { to: string; label: string };
  className?: string;
  children: (item: I) => ReactNode;
}) {
  return (
    <section className={`${styles.panel} ${className ?? ''}`} aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {section.items.length === 0 ? (
        <p className={styles.empty} data-testid={`${id}-empty`}>
          {empty}
        </p>
      ) : (
        <ul className={styles.list}>{section.items.map(children)}</ul>
      )}
      {all ? <MoreLink section={section} all={all} /> : null}
    </section>
  );
}

function RequestItem({ request }: { request: StartRequestDto }) {
  const { t } = useMessages(startMessages);
  const { locale, pick } = useLocale();
  if (request.kind === 'minutes-approval')
    return (
      <li className={styles.item} data-testid="start-request" data-kind={request.kind}>
        <Link to={`/minutes/${request.minutesId}`}>
          {t('start.requests.minutes', {
            meeting: [request.workingGroupCode, request.meetingTitle].filter(Boolean).join(' '),
            date: formatDay(request.occurrenceStart.slice(0, 10), locale),
          })}
        </Link>
        {request.commentsUntil ? (
          <span className={styles.meta}>
            {t('start.requests.commentsUntil', { date: formatDateTime(request.commentsUntil, locale) })}
          </span>
        ) : null}
      </li>
    );
  return (
    <li className={styles.item} data-testid="start-request" data-kind={request.kind}>
      <Link to={`/calls/${request.callId}/applications`}>
        {t('start.requests.application', { call: pick(request.callTitle) })}
      </Link>
      <span className={styles.meta}>
        {t('start.requests.submitted', { date: formatDay(request.submittedAt.slice(0, 10), locale) })}
      </span>
    </li>
  );
}

/** "See all (n)" when the section holds more than it shows, else the full list's name. */
function MoreLink<I>({ section, all }: { section: StartSectionDto<I>; all: { to: string; label: string } }) {
  const { t } = useMessages(startMessages);
  return (
    <Link className={styles.more} to={all.to}>
      {section.total > section.items.length ? t('start.seeAll', { count: section.total }) : all.label}
    </Link>
  );
}

/** The newest unread notifications (issue 13 item 2), each a link to its thing; all of them on their page. */
function NotificationsPanel() {
  const { t } = useMessages(startMessages);
  const { locale } = useLocale();
  const notifications = useStartNotifications();
  const unread = notifications.state === 'ready' ? notifications.data.items.filter((n) => n.readAt === null) : [];
  const section = {
    items: unread.slice(0, START_SECTION_LIMIT),
    total: notifications.state === 'ready' ? notifications.data.unread : 0,
  };
  return (
    <Panel
      id="start-notifications"
      title={t('start.notifications.heading')}
      section={section}
      empty={t('start.notifications.none')}
      all={{ to: '/notifications', label: t('start.notifications.all') }}
      className={styles.notifications}
    >
      {(n) => (
        <li key={n.id} data-testid="start-notification">
          <Link to={n.link}>{n.title}</Link>
          <span className={styles.meta}>{formatDateTime(n.createdAt, locale)}</span>
        </li>
      )}
    </Panel>
  );
}

/** One kind of risk (shown only when there is one), bounded like the panels. */
function RiskGroup<I>({
  testId,
  title,
  section,
  all,
  children,
}: {
  testId: string;
  title: string;
  section: StartSectionDto<I>;
  all?: { to: string; label: string };
  children: (item: I) => ReactNode;
}) {
  if (section.total === 0) return null;
  return (
    <div data-testid={testId}>
      <h3>{title}</h3>
      <ul className={styles.list}>{section.items.map(children)}</ul>
      {all ? <MoreLink section={section} all={all} /> : null}
    </div>
  );
}

function Risks({ risks }: { risks: NonNullable<StartPageDto['risks']> }) {
  const { t } = useMessages(startMessages);
  const { locale, pick } = useLocale();
  const none =
    risks.overdueItems.total +
      risks.overdueActions.total +
      risks.coChairVacancies.total +
      risks.minutesAwaitingApproval.total ===
    0;
  return (
    <section className={`${styles.panel} ${styles.risks}`} aria-labelledby="start-risks" data-testid="start-risks">
      <h2 id="start-risks">{t('start.risks.heading')}</h2>
      <p className={styles.meta}>{t('start.risks.intro')}</p>
      {none ? <p className={styles.empty}>{t('start.risks.none')}</p> : null}
      <div className={styles.riskGroups}>
        <RiskGroup testId="start-risk-vacancies" title={t('start.risks.vacancies')} section={risks.coChairVacancies}>
          {(v) => (
            <li key={`${v.workingGroupId}-${v.region}`} className={styles.item} data-testid="start-vacancy">
              <Link to={`/working-groups/${v.workingGroupId}`}>
                {t('coChairVacancy.titleWithGroup', { group: v.workingGroupCode, region: regionLabel(t, v.region) })}
              </Link>
              {v.openedAt ? (
                <span className={styles.meta}>
                  {t('coChairVacancy.sinceDate', { date: formatDay(v.openedAt.slice(0, 10), locale) })}
                </span>
              ) : (
                <span className={styles.meta}>{t('coChairVacancy.unrecorded')}</span>
              )}
            </li>
          )}
        </RiskGroup>
        <RiskGroup
          testId="start-risk-minutes"
          title={t('start.risks.pendingMinutes')}
          section={risks.minutesAwaitingApproval}
          all={{ to: '/minutes', label: t('start.risks.allMinutes') }}
        >
          {(m) => (
            <li key={m.minutesId} className={styles.item}>
              <Link to={`/minutes/${m.minutesId}`}>
                {[m.workingGroupCode, m.meetingTitle].filter(Boolean).join(' ')} ·{' '}
                {formatDay(m.occurrenceStart.slice(0, 10), locale)}
              </Link>
              <span className={styles.meta}>
                {t('start.risks.approvals', { count: m.approvals, needed: m.approvalsNeeded })}
              </span>
            </li>
          )}
        </RiskGroup>
        <RiskGroup
          testId="start-risk-items"
          title={t('start.risks.overdueItems')}
          section={risks.overdueItems}
          all={{ to: '/plan', label: t('start.risks.allPlan') }}
        >
          {(i) => (
            <li key={i.planItemId} className={styles.item}>
              <Link to={`/plan/items/${i.planItemId}`}>
                {i.number} {pick(i.title)}
              </Link>
              <span className={`${styles.meta} ${styles.overdue}`}>{formatDay(i.dueDate, locale)}</span>
            </li>
          )}
        </RiskGroup>
        <RiskGroup testId="start-risk-actions" title={t('start.risks.overdueActions')} section={risks.overdueActions}>
          {(a) => (
            <li key={a.id} className={styles.item}>
              <Link to={`/minutes/${a.minutesId}`}>{a.text}</Link>
              <span className={styles.meta}>
                {t('start.risks.owner', { name: a.ownerName })} ·{' '}
                <span className={styles.overdue}>{a.dueOn ? formatDay(a.dueOn, locale) : ''}</span>
              </span>
            </li>
          )}
        </RiskGroup>
      </div>
    </section>
  );
}

/** The first page after sign-in: what waits for the signed-in person, each item a link to the thing. */
export function StartPage() {
  const { t } = useMessages(startMessages);
  const { locale, pick } = useLocale();
  const user = useCurrentUser();
  const start = useStartPage();

  useEffect(() => {
    document.title = `${t('start.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className="page" id="main" data-testid="start-page">
      <h1>{t('start.greeting', { name: user.displayName })}</h1>
      <p className="muted">{t('start.intro')}</p>
      {start.state === 'loading' ? <Loading /> : null}
      {start.state === 'error' ? <ErrorMessage error={start.error} onRetry={start.reload} /> : null}
      {start.state === 'ready' ? (
        <div className={styles.grid}>
          {start.data.risks ? <Risks risks={start.data.risks} /> : null}
          <Panel
            id="start-meetings"
            title={t('start.meetings.heading')}
            section={start.data.meetings}
            empty={t('start.meetings.empty')}
            all={{ to: '/meetings', label: t('start.meetings.all') }}
          >
            {(m) => (
              <li key={`${m.meetingId}-${m.start}`} className={styles.item} data-testid="start-meeting">
                <Link to={`/meetings/${m.meetingId}`}>{[m.workingGroupCode, m.title].filter(Boolean).join(' ')}</Link>
                <span className={styles.meta}>
                  {/* Compact: my zone and the meeting's, or the Rome ↔ Shanghai counterpart when they agree. */}
                  <ZonedTimes instant={m.start} zones={[m.timeZone]} />
                </span>
              </li>
            )}
          </Panel>
          <Panel
            id="start-actions"
            title={t('start.actions.heading')}
            section={start.data.actions}
            empty={t('start.actions.empty')}
            all={{ to: '/my-actions', label: t('start.actions.all') }}
          >
            {(a) => (
              <li key={a.id} className={styles.item} data-testid="start-action" data-overdue={a.overdue}>
                <Link to={`/minutes/${a.minutesId}`}>{a.text}</Link>
                <span className={styles.meta}>
                  {a.overdue ? (
                    <>
                      <Badge tone="danger">{t('start.actions.overdue')}</Badge>{' '}
                    </>
                  ) : null}
                  {a.dueOn ? t('start.actions.due', { date: formatDay(a.dueOn, locale) }) : t('start.actions.noDue')}
                  {' · '}
                  {t('start.actions.from', {
                    meeting: [a.workingGroupCode, a.meetingTitle].filter(Boolean).join(' '),
                  })}
                </span>
              </li>
            )}
          </Panel>
          <Panel
            id="start-requests"
            title={t('start.requests.heading')}
            section={start.data.requests}
            empty={t('start.requests.empty')}
          >
            {(r) => <RequestItem key={r.kind === 'minutes-approval' ? r.minutesId : r.applicationId} request={r} />}
          </Panel>
          <Panel
            id="start-documents"
            title={t('start.documents.heading')}
            section={start.data.documents}
            empty={t('start.documents.empty')}
            all={{ to: '/documents', label: t('start.documents.all') }}
          >
            {(d) => (
              <li key={d.id} className={styles.item} data-testid="start-document">
                <Link to={`/documents/${d.id}`}>
                  {d.workingGroupCode ? `${d.workingGroupCode} · ` : ''}
                  {pick(d.title)}
                </Link>{' '}
                <Badge tone="neutral">{t(`documentStatus.${d.status}`)}</Badge>
                <span className={styles.meta}>
                  {d.deadline ? (
                    <Link
                      to={`/plan/items/${d.deadline.planItemId}`}
                      className={d.deadline.risk === 'overdue' ? styles.overdue : undefined}
                    >
                      {t('start.documents.counts', {
                        number: d.deadline.number,
                        date: formatDay(d.deadline.dueDate, locale),
                      })}
                    </Link>
                  ) : (
                    t('start.documents.noDeadline')
                  )}
                </span>
              </li>
            )}
          </Panel>
          <Panel
            id="start-mentions"
            title={t('start.mentions.heading')}
            section={start.data.mentions}
            empty={t('start.mentions.empty')}
          >
            {(m) => (
              <li key={m.commentId} className={styles.item} data-testid="start-mention" data-kind={m.kind}>
                <Link to={`/documents/${m.documentId}`}>
                  {t(m.kind === 'mention' ? 'start.mentions.mention' : 'start.mentions.reply', {
                    name: m.authorName,
                    document: pick(m.documentTitle),
                  })}
                </Link>
                <span className={styles.meta}>
                  “{m.excerpt}” · {formatDateTime(m.createdAt, locale)}
                </span>
              </li>
            )}
          </Panel>
          <NotificationsPanel />
        </div>
      ) : null}
    </main>
  );
}
