import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMessages } from '@roundtable/web-i18n';
import { ErrorMessage, FormError, Loading, formatDateTime, useApiMutation } from '@roundtable/web-ui';
import { reviewsMessages } from './reviews.messages';
import { reviewCommands, reviewKeys, useDocumentReviewRounds, type OpenRoundValues } from './reviews.queries';
import styles from './reviews.module.css';

function inTwoWeeks(): string {
  const date = new Date(Date.now() + 14 * 24 * 3600 * 1000);
  date.setMinutes(0, 0, 0);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function OpenRoundForm({ documentId }: { documentId: string }) {
  const { t } = useMessages(reviewsMessages);
  const navigate = useNavigate();
  const [values, setValues] = useState<OpenRoundValues>({
    name: '',
    closesAt: inTwoWeeks(),
    instructionsEn: '',
    instructionsZh: '',
    questions: [],
  });
  const open = useApiMutation(reviewCommands.open, [reviewKeys.all]);
  const setQuestion = (index: number, change: Partial<OpenRoundValues['questions'][number]>) =>
    setValues({ ...values, questions: values.questions.map((q, i) => (i === index ? { ...q, ...change } : q)) });
  return (
    <form
      className={`card ${styles.item} ${styles.stack}`}
      onSubmit={async (event) => {
        event.preventDefault();
        const round = await open.run(documentId, values);
        if (round) navigate(`/review-rounds/${round.id}`);
      }}
    >
      <h2>{t('reviews.open')}</h2>
      <label className="field">
        <span>{t('reviews.name')}</span>
        <input
          value={values.name}
          onChange={(e) => setValues({ ...values, name: e.target.value })}
          data-testid="round-name"
        />
      </label>
      <label className="field">
        <span>{t('reviews.closesAt')}</span>
        <input
          type="datetime-local"
          value={values.closesAt}
          onChange={(e) => setValues({ ...values, closesAt: e.target.value })}
          data-testid="round-closes"
        />
      </label>
      <label className="field">
        <span>{t('reviews.instructionsEn')}</span>
        <textarea
          value={values.instructionsEn}
          onChange={(e) => setValues({ ...values, instructionsEn: e.target.value })}
          data-testid="round-instructions-en"
        />
      </label>
      <label className="field">
        <span>{t('reviews.instructionsZh')}</span>
        <textarea
          value={values.instructionsZh}
          onChange={(e) => setValues({ ...values, instructionsZh: e.target.value })}
          data-testid="round-instructions-zh"
        />
      </label>
      <fieldset className={styles.stack}>
        <legend>{t('reviews.questions')}</legend>
        {values.questions.map((q, index) => (
          <div key={index} className={styles.stack} data-testid="round-question">
            <label className="field">
              <span>{t('reviews.questionEn')}</span>
              <input value={q.textEn} onChange={(e) => setQuestion(index, { textEn: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('reviews.questionZh')}</span>
              <input value={q.textZh} onChange={(e) => setQuestion(index, { textZh: e.target.value })} />
            </label>
            <label className="field">
              <span>{t('reviews.scaleMax')}</span>
              <input
                type="number"
                min={2}
                max={10}
                value={q.scaleMax ?? ''}
                onChange={(e) => setQuestion(index, { scaleMax: e.target.value ? Number(e.target.value) : null })}
              />
            </label>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() =>
            setValues({ ...values, questions: [...values.questions, { textEn: '', textZh: '', scaleMax: 5 }] })
          }
          data-testid="add-question"
        >
          {t('reviews.addQuestion')}
        </button>
      </fieldset>
      <FormError error={open.error} />
      <button type="submit" className="button" disabled={open.pending} data-testid="open-round">
        {t('reviews.start')}
      </button>
    </form>
  );
}

/** `/documents/:id/review-rounds`: the document's rounds, and opening one (co-chairs and coordinators). */
export function DocumentReviewRoundsPage() {
  const { t } = useMessages(reviewsMessages);
  const { i18n } = useTranslation();
  const { id = '' } = useParams();
  const rounds = useDocumentReviewRounds(id);

  useEffect(() => {
    document.title = `${t('reviews.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className="page" id="main">
      <header className="page__header">
        <h1>{t('reviews.title')}</h1>
        <p className="muted">{t('reviews.intro')}</p>
      </header>
      {rounds.state === 'loading' ? <Loading /> : null}
      {rounds.state === 'error' ? <ErrorMessage error={rounds.error} onRetry={rounds.reload} /> : null}
      {rounds.state === 'ready' ? (
        rounds.data.length === 0 ? (
          <p className="muted">{t('reviews.none')}</p>
        ) : (
          <ul className={styles.list}>
            {rounds.data.map((r) => (
              <li key={r.id} className={`card ${styles.item}`} data-testid="review-round">
                <Link to={`/review-rounds/${r.id}`}>{r.name}</Link> · {t(`reviews.status.${r.status}`)} ·{' '}
                {t('reviews.until', { date: formatDateTime(r.closesAt, i18n.language) })} ·{' '}
                {t('reviews.counts', { disposed: r.disposedCount, comments: r.commentCount })}
              </li>
            ))}
          </ul>
        )
      ) : null}
      <OpenRoundForm documentId={id} />
    </main>
  );
}
