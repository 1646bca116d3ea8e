import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DISPOSITIONS, type Disposition, type ReviewCommentDto, type ReviewRoundDto } from '@roundtable/contracts';
import { useMessages } from '@roundtable/web-i18n';
import { ErrorMessage, FormError, Loading, formatDateTime, useApiMutation } from '@roundtable/web-ui';
import { reviewsMessages } from './reviews.messages';
import { reviewCommands, reviewHrefs, reviewKeys, useReviewRound, type InviteValues } from './reviews.queries';
import styles from './reviews.module.css';

const OUTSIDE_TYPES: InviteValues['type'][] = ['funder', 'ministry', 'agency', 'patient-organisation', 'other'];

function InviteForm({ round }: { round: ReviewRoundDto }) {
  const { t } = useMessages(reviewsMessages);
  const empty: InviteValues = { name: '', email: '', organisation: '', type: 'funder', locale: 'en' };
  const [values, setValues] = useState<InviteValues>(empty);
  const invite = useApiMutation(reviewCommands.invite, [reviewKeys.all]);
  const field = (name: 'name' | 'email' | 'organisation', label: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        value={values[name]}
        type={name === 'email' ? 'email' : 'text'}
        onChange={(event) => setValues({ ...values, [name]: event.target.value })}
        data-testid={`invite-${name}`}
      />
    </label>
  );
  return (
    <form
      className={styles.stack}
      onSubmit={async (event) => {
        event.preventDefault();
        if (await invite.run(round.id, values)) setValues(empty);
      }}
    >
      <h3>{t('reviews.invite')}</h3>
      {field('name', t('reviews.name'))}
      {field('email', t('reviews.email'))}
      {field('organisation', t('reviews.organisation'))}
      <label className="field">
        <span>{t('reviews.type')}</span>
        <select
          value={values.type}
          onChange={(event) => setValues({ ...values, type: event.target.value as InviteValues['type'] })}
          data-testid="invite-type"
        >
          {OUTSIDE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`reviews.types.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('reviews.language')}</span>
        <select
          value={values.locale}
          onChange={(event) => setValues({ ...values, locale: event.target.value as InviteValues['locale'] })}
          data-testid="invite-locale"
        >
          <option value="en">{t('reviews.languages.en')}</option>
          <option value="zh-CN">{t('reviews.languages.zh-CN')}</option>
        </select>
      </label>
      <FormError error={invite.error} />
      <button type="submit" className="button" disabled={invite.pending} data-testid="invite-submit">
        {t('reviews.invite')}
      </button>
    </form>
  );
}

function DispositionForm({ round, comment }: { round: ReviewRoundDto; comment: ReviewCommentDto }) {
  const { t } = useMessages(reviewsMessages);
  const [disposition, setDisposition] = useState<Disposition>(comment.disposition ?? 'accepted');
  const [responseEn, setResponseEn] = useState(comment.responseEn ?? '');
  const [responseZh, setResponseZh] = useState(comment.responseZh ?? '');
  const [links, setLinks] = useState(comment.changeLinks.join('\n'));
  const [duplicateOf, setDuplicateOf] = useState(comment.duplicateOfCommentId ?? '');
  const save = useApiMutation(reviewCommands.dispose, [reviewKeys.all]);
  const disabled = round.status === 'responded';
  return (
    <form
      className={styles.stack}
      onSubmit={(event) => {
        event.preventDefault();
        void save.run(round.id, comment.id, {
          disposition,
          responseEn,
          responseZh,
          changeLinks: links
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
          duplicateOfCommentId: duplicateOf,
        });
      }}
    >
      <fieldset disabled={disabled} className={styles.stack}>
        <label className="field">
          <span>{t('reviews.disposition')}</span>
          <select
            value={disposition}
            onChange={(event) => setDisposition(event.target.value as Disposition)}
            data-testid="disposition"
          >
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {t(`reviews.dispositions.${d}`)}
              </option>
            ))}
          </select>
        </label>
        {disposition === 'duplicate' ? (
          <label className="field">
            <span>{t('reviews.duplicateOf')}</span>
            <select value={duplicateOf} onChange={(event) => setDuplicateOf(event.target.value)}>
              <option value="" />
              {round.comments
                .filter((c) => c.id !== comment.id)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    C{c.number}
                  </option>
                ))}
            </select>
          </label>
        ) : null}
        <label className="field">
          <span>{t('reviews.responseEn')}</span>
          <textarea
            value={responseEn}
            onChange={(event) => setResponseEn(event.target.value)}
            data-testid="response-en"
          />
        </label>
        <label className="field">
          <span>{t('reviews.responseZh')}</span>
          <textarea
            value={responseZh}
            onChange={(event) => setResponseZh(event.target.value)}
            data-testid="response-zh"
          />
        </label>
        <label className="field">
          <span>{t('reviews.changeLinks')}</span>
          <textarea value={links} onChange={(event) => setLinks(event.target.value)} data-testid="change-links" />
        </label>
        <FormError error={save.error} />
        <button
          type="submit"
          className="button button--secondary"
          disabled={save.pending}
          data-testid="save-disposition"
        >
          {t('reviews.save')}
        </button>
      </fieldset>
    </form>
  );
}

function CommentItem({ round, comment }: { round: ReviewRoundDto; comment: ReviewCommentDto }) {
  const { t } = useMessages(reviewsMessages);
  return (
    <li className={`card ${styles.item}`} data-testid="review-comment" data-number={comment.number}>
      <p>
        <strong>C{comment.number}</strong> · {comment.reviewerName ?? t('reviews.anonymous')}
        {comment.reviewerOrganisation ? ` (${comment.reviewerOrganisation})` : ''} ·{' '}
        {t(`reviews.types.${comment.reviewerType}`)}
      </p>
      {comment.quote ? (
        <>
          <blockquote className={styles.quote}>{comment.quote}</blockquote>
          {comment.live ? (
            <p
              className={comment.live.state === 'deleted' ? styles.deleted : 'muted'}
              data-testid="live-anchor"
              data-state={comment.live.state}
            >
              {t(`reviews.live.${comment.live.state}`)}
              {comment.live.state !== 'deleted'
                ? `: …${comment.live.before}[${comment.quote}]${comment.live.after}…`
                : ''}
            </p>
          ) : null}
        </>
      ) : (
        <p className="muted">{t('reviews.general')}</p>
      )}
      <p>{comment.body}</p>
      {round.canRespond ? <DispositionForm round={round} comment={comment} /> : null}
      {!round.canRespond && comment.disposition ? <p>{t(`reviews.dispositions.${comment.disposition}`)}</p> : null}
    </li>
  );
}

function RoundView({ round }: { round: ReviewRoundDto }) {
  const { t } = useMessages(reviewsMessages);
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const keys = [reviewKeys.all];
  const close = useApiMutation(reviewCommands.close, keys);
  const respond = useApiMutation(reviewCommands.respond, keys);
  const revoke = useApiMutation(reviewCommands.revoke, keys);
  const resend = useApiMutation(reviewCommands.resend, keys);

  useEffect(() => {
    document.title = `${round.name} · ${t('app.name')}`;
  }, [round.name, t]);

  return (
    <>
      <header className="page__header page__header--split">
        <div>
          <h1>{round.name}</h1>
          <p className="muted">
            {zh ? round.documentTitleZh : round.documentTitle} ·{' '}
            <span data-testid="round-status">{t(`reviews.status.${round.status}`)}</span> ·{' '}
            {t('reviews.until', { date: formatDateTime(round.closesAt, i18n.language) })}
          </p>
          <p className="muted">
            {t('reviews.counts', { disposed: round.disposedCount, comments: round.commentCount })}
          </p>
        </div>
        <div className="button-row">
          <Link to={`/documents/${round.documentId}`} className="button button--secondary">
            {t('reviews.openDocument')}
          </Link>
          {round.canReviewAsMember ? (
            <Link to={`/review/${round.id}`} className="button button--secondary">
              {t('reviews.reviewAsMember')}
            </Link>
          ) : null}
          <a href={reviewHrefs.matrixCsv(round.id, i18n.language)} className="button button--secondary">
            {t('reviews.matrix')} · {t('reviews.csv')}
          </a>
          <a href={reviewHrefs.matrixDocx(round.id, i18n.language)} className="button button--secondary">
            {t('reviews.matrix')} · {t('reviews.docx')}
          </a>
          {round.canManage && (round.status === 'open' || round.status === 'scheduled') ? (
            <button type="button" className="button" onClick={() => void close.run(round.id)} data-testid="close-round">
              {t('reviews.close')}
            </button>
          ) : null}
          {round.canManage && round.status === 'closed' ? (
            <button
              type="button"
              className="button"
              onClick={() => void respond.run(round.id)}
              data-testid="respond-round"
            >
              {t('reviews.respond')}
            </button>
          ) : null}
        </div>
      </header>
      <FormError error={close.error ?? respond.error ?? revoke.error ?? resend.error} />
      <div className={styles.layout}>
        <section aria-labelledby="review-comments">
          <h2 id="review-comments">{t('reviews.comments')}</h2>
          <ul className={styles.list}>
            {round.comments.map((c) => (
              <CommentItem key={c.id} round={round} comment={c} />
            ))}
          </ul>
        </section>
        {round.canManage ? (
          <aside className={`card ${styles.item} ${styles.stack}`} aria-labelledby="review-reviewers">
            <h2 id="review-reviewers">{t('reviews.reviewers')}</h2>
            <ul className={styles.list}>
              {round.reviewers.map((r) => (
                <li key={r.id} data-testid="reviewer">
                  {r.name} · {r.organisation ?? ''} · {t(`reviews.types.${r.type}`)}
                  {r.email ? ` · ${r.email}` : ''}
                  {r.revokedAt ? ` · ${t('reviews.revoked')}` : ''}
                  {r.submittedAt ? ` · ${t('reviews.submitted')}` : ''}
                  {!r.member && (round.status === 'open' || round.status === 'scheduled') ? (
                    <span className="button-row">
                      {!r.revokedAt ? (
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => void revoke.run(round.id, r.id)}
                        >
                          {t('reviews.revoke')}
                        </button>
                      ) : null}
                      <button
                        type="button"
                        className="button button--secondary"
                        onClick={() => void resend.run(round.id, r.id)}
                      >
                        {t('reviews.resend')}
                      </button>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            {round.status === 'open' || round.status === 'scheduled' ? <InviteForm round={round} /> : null}
          </aside>
        ) : null}
      </div>
    </>
  );
}

/** `/review-rounds/:id`: a round for the project — comments beside where their passages now live, dispositions. */
export function ReviewRoundPage() {
  const { id = '' } = useParams();
  const round = useReviewRound(id);
  return (
    <main className="page" id="main">
      {round.state === 'loading' ? <Loading /> : null}
      {round.state === 'error' ? <ErrorMessage error={round.error} onRetry={round.reload} /> : null}
      {round.state === 'ready' ? <RoundView round={round.data} /> : null}
    </main>
  );
}
