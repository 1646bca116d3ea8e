import { Link } from 'react-router-dom';
import type { ReviewRoundSummaryDto } from '@roundtable/contracts';
import { useMessages } from '@roundtable/web-i18n';
import { reviewsMessages } from './reviews.messages';
import { useDocumentReviewRounds, useReviewRound } from './reviews.queries';
import styles from './reviews.module.css';

function RoundComments({ round }: { round: ReviewRoundSummaryDto }) {
  const { t } = useMessages(reviewsMessages);
  const detail = useReviewRound(round.id);
  if (detail.state !== 'ready') return null;
  return (
    <ul className={styles.list}>
      {detail.data.comments.map((c) => (
        <li
          key={c.id}
          className={styles.item}
          data-testid="live-review-comment"
          data-state={c.live?.state ?? 'general'}
        >
          <strong>C{c.number}</strong> · {c.reviewerName ?? t('reviews.anonymous')} ·{' '}
          {c.disposition ? t(`reviews.dispositions.${c.disposition}`) : '—'}
          {c.quote ? (
            <p className={c.live?.state === 'deleted' ? styles.deleted : 'muted'}>
              {t(`reviews.live.${c.live?.state ?? 'deleted'}`)}: “{c.quote}”
            </p>
          ) : (
            <p className="muted">{t('reviews.general')}</p>
          )}
          <p>{c.body}</p>
        </li>
      ))}
    </ul>
  );
}

/**
 * Beside the live document: the comments of its newest review round not yet responded (else the newest),
 * each with where its passage now lives in the text, or flagged as deleted; dispositions on the round page.
 */
export function ReviewCommentsPanel({ documentId }: { documentId: string }) {
  const { t } = useMessages(reviewsMessages);
  const rounds = useDocumentReviewRounds(documentId);
  if (rounds.state !== 'ready' || rounds.data.length === 0) return null;
  const round = rounds.data.find((r) => r.status !== 'responded') ?? rounds.data[0];
  return (
    <details className={`card ${styles.item}`} data-testid="review-comments-panel">
      <summary>
        {t('reviews.comments')}: {round.name} · {t(`reviews.status.${round.status}`)} ·{' '}
        {t('reviews.counts', { disposed: round.disposedCount, comments: round.commentCount })}
      </summary>
      <p>
        <Link to={`/review-rounds/${round.id}`}>{t('reviews.disposition')} →</Link>
      </p>
      <RoundComments round={round} />
    </details>
  );
}
