import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ReviewAnswerDto, ReviewerViewDto } from '@roundtable/contracts';
import { useMessages } from '@roundtable/web-i18n';
import { ErrorMessage, FormError, Loading, formatDateTime, useApiMutation } from '@roundtable/web-ui';
import { reviewsMessages } from './reviews.messages';
import { reviewerCommands, reviewHrefs, reviewKeys, useReviewerView } from './reviews.queries';
import styles from './reviews.module.css';

interface Selection {
  quote: string;
  start: number;
}

/** The passage selected inside `container`, with its offset in the container's text (as the server counts it). */
function selectionIn(container: HTMLElement): Selection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  const quote = range.toString();
  return quote.trim() ? { quote, start: before.toString().length } : null;
}

function Questionnaire({ view }: { view: ReviewerViewDto }) {
  const { t } = useMessages(reviewsMessages);
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const [answers, setAnswers] = useState<ReviewAnswerDto[]>(() =>
    view.questions.map(
      (q) => view.answers.find((a) => a.questionId === q.id) ?? { questionId: q.id, scale: null, text: null },
    ),
  );
  const save = useApiMutation(reviewerCommands.answer, [reviewKeys.reviewer(view.roundId)]);
  if (view.questions.length === 0) return null;
  const set = (index: number, change: Partial<ReviewAnswerDto>) =>
    setAnswers((current) => current.map((a, i) => (i === index ? { ...a, ...change } : a)));
  return (
    <section className={`card ${styles.item}`} aria-labelledby="review-questions">
      <h2 id="review-questions">{t('reviews.answers')}</h2>
      <form
        className={styles.stack}
        onSubmit={(event) => {
          event.preventDefault();
          void save.run(view.roundId, answers);
        }}
      >
        {view.questions.map((q, index) => (
          <fieldset key={q.id} disabled={!view.canEdit} data-testid={`question-${q.id}`}>
            <legend>{zh ? q.textZh : q.textEn}</legend>
            {q.scaleMax ? (
              <div className="button-row" role="radiogroup">
                {Array.from({ length: q.scaleMax }, (_, i) => i + 1).map((value) => (
                  <label key={value}>
                    <input
                      type="radio"
                      name={`scale-${q.id}`}
                      checked={answers[index].scale === value}
                      onChange={() => set(index, { scale: value })}
                    />{' '}
                    {value}
                  </label>
                ))}
              </div>
            ) : null}
            <label className="field">
              <span>{t('reviews.answerText')}</span>
              <textarea
                value={answers[index].text ?? ''}
                onChange={(event) => set(index, { text: event.target.value })}
                data-testid={`answer-${q.id}`}
              />
            </label>
          </fieldset>
        ))}
        <FormError error={save.error} />
        {view.canEdit ? (
          <button type="submit" className="button button--secondary" disabled={save.pending} data-testid="save-answers">
            {t('reviews.saveAnswers')}
          </button>
        ) : null}
      </form>
    </section>
  );
}

function ReviewerView({ view }: { view: ReviewerViewDto }) {
  const { t } = useMessages(reviewsMessages);
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const frozen = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<Selection | null>(null);
  const [body, setBody] = useState('');
  const [consent, setConsent] = useState(view.reviewer.consentNamed);
  const keys = [reviewKeys.reviewer(view.roundId)];
  const comment = useApiMutation(reviewerCommands.comment, keys);
  const withdraw = useApiMutation(reviewerCommands.deleteComment, keys);
  const submit = useApiMutation(reviewerCommands.submit, keys);
  const title = zh ? view.documentTitleZh : view.documentTitle;

  useEffect(() => {
    document.title = `${t('reviews.reviewTitle', { title })} · ${t('app.name')}`;
  }, [t, title]);

  async function add() {
    const done = await comment.run(view.roundId, {
      body,
      ...(selected ? { quote: selected.quote, start: selected.start } : {}),
    });
    if (done) {
      setBody('');
      setSelected(null);
    }
  }

  return (
    <>
      <header className="page__header">
        <h1>{t('reviews.reviewTitle', { title })}</h1>
        <p className="muted">
          {view.name} · {t(`reviews.status.${view.status}`)} ·{' '}
          {t('reviews.until', { date: formatDateTime(view.closesAt, i18n.language) })}
        </p>
        {(zh ? view.instructionsZh : view.instructionsEn) ? (
          <p data-testid="instructions">{zh ? view.instructionsZh : view.instructionsEn}</p>
        ) : null}
        {view.status === 'closed' ? <p className="alert alert--info">{t('reviews.closedNotice')}</p> : null}
        {view.status === 'responded' ? <p className="alert alert--info">{t('reviews.respondedNotice')}</p> : null}
      </header>
      <div className={styles.layout}>
        <section aria-labelledby="frozen-heading">
          <h2 id="frozen-heading">{t('reviews.frozen')}</h2>
          <p className="button-row">
            {t('reviews.download')}: <a href={reviewHrefs.frozenFile(view.roundId, 'docx')}>DOCX</a>{' '}
            <a href={reviewHrefs.frozenFile(view.roundId, 'pdf')}>PDF</a>
          </p>
          {/* Our own server's rendering of the frozen version through the shared schema (as the versions panel). */}
          <div
            ref={frozen}
            className={`card ${styles.frozen}`}
            data-testid="frozen-text"
            onMouseUp={() => frozen.current && view.canEdit && setSelected(selectionIn(frozen.current))}
            onKeyUp={() => frozen.current && view.canEdit && setSelected(selectionIn(frozen.current))}
            dangerouslySetInnerHTML={{ __html: view.html }}
          />
        </section>
        <aside className={styles.stack}>
          {view.canEdit ? (
            <section className={`card ${styles.item}`}>
              <p className="muted">{t('reviews.selectHint')}</p>
              {selected ? (
                <>
                  <strong>{t('reviews.selected')}</strong>
                  <blockquote className={styles.quote} data-testid="selected-quote">
                    {selected.quote}
                  </blockquote>
                  <button type="button" className="button button--secondary" onClick={() => setSelected(null)}>
                    {t('reviews.clearSelection')}
                  </button>
                </>
              ) : null}
              <label className="field">
                <span>{t('reviews.commentBody')}</span>
                <textarea value={body} onChange={(event) => setBody(event.target.value)} data-testid="comment-body" />
              </label>
              <FormError error={comment.error} />
              <button
                type="button"
                className="button"
                disabled={comment.pending || !body.trim()}
                onClick={() => void add()}
                data-testid="add-comment"
              >
                {t('reviews.addComment')}
              </button>
            </section>
          ) : null}
          <section className={`card ${styles.item}`} aria-labelledby="my-comments">
            <h2 id="my-comments">{t('reviews.yourComments')}</h2>
            <ul className={styles.list}>
              {view.comments.map((c) => (
                <li key={c.id} data-testid="my-comment">
                  {c.quote ? <blockquote className={styles.quote}>{c.quote}</blockquote> : null}
                  <p>{c.body}</p>
                  {c.disposition ? (
                    <p data-testid="my-comment-response">
                      <strong>{t(`reviews.dispositions.${c.disposition}`)}</strong>
                      {' · '}
                      {t('reviews.response')}: {(zh ? c.responseZh : c.responseEn) ?? c.responseEn ?? c.responseZh}
                    </p>
                  ) : null}
                  {view.canEdit ? (
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => void withdraw.run(view.roundId, c.id)}
                    >
                      {t('reviews.withdraw')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
          <Questionnaire view={view} />
          {view.canEdit ? (
            <section className={`card ${styles.item} ${styles.stack}`}>
              <label>
                <input type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} />{' '}
                {t('reviews.consent')}
              </label>
              <FormError error={submit.error} />
              <button
                type="button"
                className="button"
                disabled={submit.pending}
                onClick={() => void submit.run(view.roundId, consent)}
                data-testid="submit-review"
              >
                {t('reviews.submit')}
              </button>
              {view.reviewer.submittedAt ? (
                <p className="muted" data-testid="submitted">
                  {t('reviews.submittedAt', { date: formatDateTime(view.reviewer.submittedAt, i18n.language) })}
                </p>
              ) : null}
            </section>
          ) : null}
        </aside>
      </div>
    </>
  );
}

/** `/review/:roundId`: what an outside reviewer (or a member) sees of a round: the frozen text, never the live one. */
export function ReviewerPage() {
  const { roundId = '' } = useParams();
  const view = useReviewerView(roundId);
  return (
    <main className="page" id="main">
      {view.state === 'loading' ? <Loading /> : null}
      {view.state === 'error' ? <ErrorMessage error={view.error} onRetry={view.reload} /> : null}
      {view.state === 'ready' ? <ReviewerView view={view.data} /> : null}
    </main>
  );
}
