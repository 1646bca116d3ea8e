import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { MINUTES_LIMITS, type MinutesDto } from '@roundtable/contracts';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import {
  Badge,
  ErrorMessage,
  FormError,
  Loading,
  fieldError,
  formatDateTime,
  useApiMutation,
} from '@roundtable/web-ui';
import { meetingCommands, meetingKeys, useMinutes } from '../meetings.queries';
import { ZonedTimes } from '../zoned-times';
import { ActionItemsList } from './action-items.list';
import { ActionItemForm, DecisionForm } from './item.forms';
import { minutesMessages } from './minutes.messages';

function MinutesDetail({ initial }: { initial: MinutesDto }) {
  const { t } = useMessages(minutesMessages);
  const { locale } = useLocale();
  const [minutes, setMinutes] = useState(initial);
  useEffect(() => setMinutes(initial), [initial]);
  useEffect(() => {
    document.title = `${t('minutes.title')} · ${minutes.meetingTitle} · ${t('app.name')}`;
  }, [minutes.meetingTitle, t]);
  const [days, setDays] = useState(String(MINUTES_LIMITS.commentDaysDefault));
  const circulate = useApiMutation(
    async () => setMinutes(await meetingCommands.circulateMinutes(minutes.id, Number(days))),
    [meetingKeys.all],
  );
  const approve = useApiMutation(
    async () => setMinutes(await meetingCommands.approveMinutes(minutes.id)),
    [meetingKeys.all],
  );
  const tone = minutes.status === 'approved' ? 'success' : minutes.status === 'circulated' ? 'info' : 'neutral';
  return (
    <>
      <header className="page__header">
        <p className="eyebrow">
          <Link to="/minutes">{t('minutes.archive.title')}</Link>
          {minutes.workingGroupCode ? ` · ${minutes.workingGroupCode}` : ''}
        </p>
        <h1 data-testid="minutes-title">
          {t('minutes.title')}: {minutes.meetingTitle}
        </h1>
        <p>
          <ZonedTimes instant={minutes.occurrenceStart} zones={[minutes.meetingTimeZone]} />
        </p>
        <p>
          <Badge tone={tone}>
            <span data-testid="minutes-status" data-status={minutes.status}>
              {t(`minutes.status.${minutes.status}`)}
            </span>
          </Badge>
          {minutes.status === 'circulated' && minutes.commentsUntil ? (
            <span className="muted" data-testid="comments-until">
              {' '}
              {t('minutes.commentsUntil', { date: formatDateTime(minutes.commentsUntil, locale) })}
            </span>
          ) : null}
        </p>
      </header>

      <section className="section" aria-labelledby="minutes-document">
        <h2 id="minutes-document">{t('minutes.document')}</h2>
        <p>
          <Link
            className="button button--primary"
            to={`/documents/${minutes.documentId}`}
            data-testid="minutes-open-document"
          >
            {minutes.status === 'approved' ? t('minutes.readDocument') : t('minutes.writeDocument')}
          </Link>
        </p>
        {minutes.status === 'approved' ? <p className="muted">{t('minutes.lockedNote')}</p> : null}
      </section>

      <section className="section" aria-labelledby="minutes-approval">
        <h2 id="minutes-approval">{t('minutes.approval.title')}</h2>
        <p className="muted">{t('minutes.approval.needed', { count: minutes.approvalsNeeded })}</p>
        <ul data-testid="approvals">
          {minutes.approvals.map((a) => (
            <li key={a.userId}>
              {t('minutes.approval.by', { name: a.displayName, date: formatDateTime(a.approvedAt, locale) })}
            </li>
          ))}
        </ul>
        {minutes.canManage && minutes.status === 'draft' ? (
          <form
            className="form form--inline"
            onSubmit={(e) => {
              e.preventDefault();
              void circulate.run();
            }}
          >
            <label>
              {t('minutes.circulate.days')}{' '}
              <input
                type="number"
                min={MINUTES_LIMITS.commentDaysMin}
                max={MINUTES_LIMITS.commentDaysMax}
                value={days}
                onChange={(e) => setDays(e.target.value)}
                data-testid="circulate-days"
              />
            </label>
            <button
              type="submit"
              className="button button--primary"
              disabled={circulate.pending}
              data-testid="minutes-circulate"
            >
              {t('minutes.circulate.submit')}
            </button>
            {fieldError(circulate.error, 'commentDays') ? (
              <span className="form__error">{fieldError(circulate.error, 'commentDays')}</span>
            ) : null}
          </form>
        ) : null}
        {minutes.canApprove ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void approve.run()}
            disabled={approve.pending}
            data-testid="minutes-approve"
          >
            {t('minutes.approval.approve')}
          </button>
        ) : null}
        <FormError error={circulate.error ?? approve.error} />
      </section>

      <section className="section" aria-labelledby="minutes-decisions">
        <h2 id="minutes-decisions">{t('minutes.decisions.title')}</h2>
        {minutes.decisions.length === 0 ? (
          <p className="muted">{t('minutes.decisions.none')}</p>
        ) : (
          <ul data-testid="decisions">
            {minutes.decisions.map((d) => (
              <li key={d.id}>
                {d.text}
                {d.agendaItemTitle ? (
                  <span className="muted"> · {t('minutes.agendaItem', { title: d.agendaItemTitle })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {minutes.canEditItems ? <DecisionForm minutes={minutes} /> : null}
      </section>

      <section className="section" aria-labelledby="minutes-actions">
        <h2 id="minutes-actions">{t('minutes.actions.title')}</h2>
        <ActionItemsList
          actions={minutes.actions}
          onChanged={(a) => setMinutes({ ...minutes, actions: minutes.actions.map((x) => (x.id === a.id ? a : x)) })}
        />
        {minutes.canEditItems ? <ActionItemForm minutes={minutes} /> : null}
      </section>
    </>
  );
}

export function MinutesPage() {
  const { id = '' } = useParams();
  const minutes = useMinutes(id);
  return (
    <main id="main" className="page">
      {minutes.state === 'loading' ? <Loading /> : null}
      {minutes.state === 'error' ? <ErrorMessage error={minutes.error} onRetry={minutes.reload} /> : null}
      {minutes.state === 'ready' ? <MinutesDetail initial={minutes.data} /> : null}
    </main>
  );
}
