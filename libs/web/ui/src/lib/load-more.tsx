import { useTranslation } from 'react-i18next';
import type { Resource } from './api/queries';

/** "Load more" under a paged list (ADR 029), shown while another page follows. */
export function LoadMore({
  list,
  testId,
}: {
  list: Pick<Resource<unknown>, 'state'> & { hasMore: boolean; loadingMore: boolean; loadMore: () => void };
  testId?: string;
}) {
  const { t } = useTranslation();
  if (list.state !== 'ready' || !list.hasMore) return null;
  return (
    <p className="load-more">
      <button
        type="button"
        className="button button--secondary"
        disabled={list.loadingMore}
        aria-busy={list.loadingMore}
        onClick={list.loadMore}
        data-testid={testId ?? 'load-more'}
      >
        {list.loadingMore ? t('app.loading') : t('app.loadMore')}
      </button>
    </p>
  );
}
