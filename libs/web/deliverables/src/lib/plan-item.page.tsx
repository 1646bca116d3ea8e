import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { publicationPath, type PlanDocumentDto, type PlanItemDetailDto } from '@roundtable/contracts';
import { DocumentStatusSelect } from '@roundtable/web-projects';
import { useLocale, useMessages } from '@roundtable/web-i18n';
import {
  Badge,
  ErrorMessage,
  Field,
  FormError,
  Loading,
  SubmitButton,
  fieldError,
  formatDateTime,
  useApiMutation,
  type ApiSchemas,
} from '@roundtable/web-ui';
import { RISK_TONE, daysLeftLabel, monthLabel, riskLabel, statusLabel, typeLabel } from './plan-format';
import { ReadinessBar } from './readiness-bar';
import { EditPlanItemForm, LinkDocumentForm, UnlinkDocumentButton } from './plan-editor.forms';
import { planCommands, planKeys, useDocumentPublication, usePlanItem } from './plan.queries';
import { planPublicationMessages } from './plan-publication.messages';
import styles from './plan.module.css';
import { planMessages } from './plan.messages';

/** "Published at /p/{slug}" under a linked document that is on a public page (ADR 031). */
function PublishedAt({ documentId }: { documentId: string }) {
  const { t } = useMessages(planPublicationMessages);
  const publication = useDocumentPublication(documentId);
  if (publication.state !== 'ready' || !publication.data.published || !publication.data.slug) return null;
  const path = publicationPath(publication.data.slug);
  return (
    <p className="muted" data-testid="plan-document-published">
      {t('planPublication.publishedAt')} <a href={path}>{path}</a>
    </p>
  );
}

function DocumentRow({
  document,
  onChanged,
  itemId,
}: {
  document: PlanDocumentDto;
  onChanged: () => void;
  /** Set for coordinators: the item the document can be unlinked from. */
  itemId?: string;
}) {
  const { t } = useMessages(planMessages);
  const { locale, pick } = useLocale();
  return (
    <li
      className={styles.planDocument}
      data-testid="plan-document"
      data-document-id={document.id}
      data-status={document.status}
    >
      <div className={styles.planDocumentHead}>
        <Link to={`/documents/${document.id}`}>{pick(document.title)}</Link>
        <span className="muted">{document.workingGroupCode ?? t('home.documents.projectLevel')}</span>
      </div>
      <ReadinessBar share={document.progress} label={pick(document.title)} testId="document-progress" />
      <PublishedAt documentId={document.id} />
      <div className={styles.planDocumentState}>
        {document.canSetStatus ? (
          <DocumentStatusSelect documentId={document.id} status={document.status} onChanged={onChanged} />
        ) : (
          <Badge tone={document.status === 'final' ? 'success' : 'info'}>
            {t(`documentStatus.${document.status}`)}
          </Badge>
        )}
        <span className="muted">{t('plan.required', { status: t(`documentStatus.${document.requiredStatus}`) })}</span>
        {document.requiresReviewResponded ? (
          <Link
            to={`/documents/${document.id}/review-rounds`}
            data-testid="document-review"
            data-responded={document.reviewResponded}
          >
            {document.reviewResponded ? t('plan.reviewResponded') : t('plan.reviewNeeded')}
          </Link>
        ) : null}
        {document.statusChangedAt ? (
          <span className="muted">
            {t('plan.changes.byAt', {
              name: document.statusChangedBy ?? t('plan.changes.someone'),
              date: formatDateTime(document.statusChangedAt, locale),
            })}
          </span>
        ) : null}
        {itemId ? <UnlinkDocumentButton itemId={itemId} documentId={document.id} title={pick(document.title)} /> : null}
      </div>
    </li>
  );
}

function RebaselineForm({ item }: { item: PlanItemDetailDto }) {
  const { t } = useMessages(planMessages);
  const [dueMonth, setDueMonth] = useState(`M${item.dueMonth}`);
  const [reason, setReason] = useState('');
  const save = useApiMutation(async () => {
    await planCommands.rebaseline(item.id, dueMonth, reason);
    setReason('');
  }, [planKeys.all]);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save.run();
  }
  return (
    <form className={`form card ${styles.planCard}`} onSubmit={onSubmit} data-testid="rebaseline-form" noValidate>
      <h3>{t('plan.rebaseline.title')}</h3>
      <Field label={t('plan.rebaseline.dueMonth')} error={fieldError(save.error, 'dueMonth')}>
        {(props) => <input {...props} value={dueMonth} onChange={(e) => setDueMonth(e.target.value)} name="dueMonth" />}
      </Field>
      <Field label={t('plan.rebaseline.reason')} error={fieldError(save.error, 'reason')}>
        {(props) => (
          <textarea {...props} value={reason} onChange={(e) => setReason(e.target.value)} name="reason" rows={2} />
        )}
      </Field>
      <FormError error={save.error} />
      <SubmitButton pending={save.pending} label={t('plan.rebaseline.save')} />
    </form>
  );
}

/** One milestone or deliverable: readiness per document, the lifecycle controls, status, history. */
export function PlanItemPage() {
  const { t } = useMessages(planMessages);
  const { locale, pick } = useLocale();
  const { id } = useParams();
  const item = usePlanItem(id);
  const move = useApiMutation(
    (status: ApiSchemas['ChangeStatusDto']['status']) => planCommands.setStatus(id ?? '', status),
    [planKeys.all],
  );
  const data = item.state === 'ready' ? item.data : null;

  useEffect(() => {
    document.title = `${data ? data.number : t('plan.title')} · ${t('app.name')}`;
  }, [t, data]);

  return (
    <main className="page" id="main">
      <p>
        <Link to="/plan">← {t('plan.title')}</Link>
      </p>
      {item.state === 'loading' ? <Loading /> : null}
      {item.state === 'error' ? <ErrorMessage error={item.error} onRetry={item.reload} /> : null}
      {data ? (
        <>
          <header
            className="page__header"
            data-testid="plan-item"
            data-risk={data.risk}
            data-status={data.status ?? ''}
          >
            <h1>
              {data.number} · {pick(data.title)}
            </h1>
            <p className={styles.deadlineMeta}>
              {data.kind === 'milestone'
                ? t('plan.kind.milestone')
                : `${t('plan.kind.deliverable')} · ${typeLabel(t, data.type)} · ${data.dissemination}`}
              {data.leadPartner ? ` · ${t('plan.leadPartner', { name: data.leadPartner.shortName })}` : null}
              {data.taskCode ? ` · ${data.taskCode}` : null}
            </p>
            <p className={styles.deadlineMeta}>
              <strong>{monthLabel(t, data.dueMonth, data.dueDate, locale)}</strong> · {daysLeftLabel(t, data)} ·{' '}
              <Badge tone={RISK_TONE[data.risk]}>
                <span data-testid="risk-badge">{riskLabel(t, data.risk)}</span>
              </Badge>{' '}
              · <span data-testid="item-status">{statusLabel(t, data)}</span>
            </p>
            {data.meansOfVerification ? (
              <p className="muted">{t('plan.verification', { text: data.meansOfVerification })}</p>
            ) : null}
          </header>

          <section aria-labelledby="readiness-title" className={`card ${styles.planCard}`}>
            <h2 id="readiness-title">{t('plan.readiness')}</h2>
            <ReadinessBar
              share={data.readiness.share}
              label={t('plan.readinessOf', { number: data.number })}
              testId="item-readiness"
            />
            <p className="muted">
              {t('plan.documentsReady', { ready: data.readiness.readyCount, total: data.readiness.total })}
            </p>
            {data.documents.length === 0 ? <p className="muted">{t('plan.noDocuments')}</p> : null}
            <ul className={styles.planDocuments}>
              {data.documents.map((document) => (
                <DocumentRow
                  key={document.id}
                  document={document}
                  onChanged={item.reload}
                  itemId={data.canManage ? data.id : undefined}
                />
              ))}
            </ul>
          </section>

          {data.canManage && data.nextStatuses.length > 0 ? (
            <section aria-labelledby="status-title" className={`card ${styles.planCard}`}>
              <h2 id="status-title">{t('plan.changeStatus')}</h2>
              <div className="button-row">
                {data.nextStatuses.map((status) => (
                  <button
                    key={status}
                    type="button"
                    className="button button--secondary"
                    disabled={move.pending}
                    onClick={() => void move.run(status)}
                    data-testid={`status-to-${status}`}
                  >
                    {t(`plan.status.${status}`)}
                  </button>
                ))}
              </div>
              <FormError error={move.error} />
            </section>
          ) : null}
          {data.canManage ? <EditPlanItemForm item={data} /> : null}
          {data.canManage ? <LinkDocumentForm item={data} /> : null}
          {data.canManage ? <RebaselineForm item={data} /> : null}

          <section aria-labelledby="history-title">
            <h2 id="history-title">{t('plan.history')}</h2>
            <ul className={styles.history} data-testid="plan-history">
              {data.statusHistory.map((h, index) => (
                <li key={`s${index}`}>
                  {h.from
                    ? t('plan.changes.status', { from: t(`plan.status.${h.from}`), to: t(`plan.status.${h.to}`) })
                    : t(`plan.status.${h.to}`)}{' '}
                  <span className="muted">
                    {t('plan.changes.byAt', {
                      name: h.by ?? t('plan.changes.someone'),
                      date: formatDateTime(h.at, locale),
                    })}
                  </span>
                  {h.note ? <q className={styles.historyNote}>{h.note}</q> : null}
                </li>
              ))}
              {data.rebaselines.map((r, index) => (
                <li key={`r${index}`}>
                  {t('plan.changes.rebaseline', { from: `M${r.fromMonth}`, to: `M${r.toMonth}` })}{' '}
                  <q className={styles.historyNote}>{r.reason}</q>{' '}
                  <span className="muted">
                    {t('plan.changes.byAt', {
                      name: r.by ?? t('plan.changes.someone'),
                      date: formatDateTime(r.at, locale),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </main>
  );
}
