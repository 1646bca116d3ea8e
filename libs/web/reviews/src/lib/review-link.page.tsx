import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useMessages } from '@roundtable/web-i18n';
import { ErrorMessage, Loading } from '@roundtable/web-ui';
import { reviewsMessages } from './reviews.messages';
import { reviewerCommands } from './reviews.queries';

/**
 * `/review/link/:token`, the personal link in the reviewer's mail: swaps the token for a reviewer session
 * (cookie) and replaces the address with the round's, so the token leaves the address bar and the history.
 */
export function ReviewLinkPage() {
  const { t } = useMessages(reviewsMessages);
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    reviewerCommands.startSession(token).then(
      (session) => navigate(`/review/${session.roundId}`, { replace: true }),
      (failure: unknown) => {
        window.history.replaceState(null, '', '/review/link');
        setError(failure);
      },
    );
  }, [token, navigate]);

  return (
    <main className="page" id="main">
      {error ? <ErrorMessage error={error} /> : <Loading label={t('reviews.linkOpening')} />}
    </main>
  );
}
