import {
  QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryKey,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '../http';
import type { Page } from './api-client';

/** What a page renders from a query: a spinner, the data, or the error with a retry. */
export type Resource<T> =
  | { state: 'loading'; data?: undefined; error?: undefined; reload: () => void }
  | { state: 'ready'; data: T; error?: undefined; reload: () => void }
  | { state: 'error'; data?: undefined; error: ApiError; reload: () => void };

/**
 * The app's one QueryClient. No retries (a 404 or 403 is an answer, shown at once, as before), no refetch on
 * window focus or reconnect (no refetch storms when a tab comes back); data is refetched when a page mounts
 * and whenever a mutation invalidates its feature's keys.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: 0 },
      mutations: { retry: false },
    },
  });
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error));
}

/**
 * One server resource through TanStack Query, shaped for rendering. `enabled: false` (nothing to ask yet)
 * renders as loading. A refetch keeps showing the data it has; a retry after an error shows the spinner.
 */
export function useApiQuery<T>(
  queryKey: QueryKey,
  queryFn: (signal: AbortSignal) => Promise<T>,
  enabled = true,
): Resource<T> {
  const query = useQuery({ queryKey, queryFn: ({ signal }) => queryFn(signal), enabled });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  if (query.status === 'success') return { state: 'ready', data: query.data, reload };
  if (query.status === 'error' && !query.isFetching) return { state: 'error', error: asApiError(query.error), reload };
  return { state: 'loading', reload };
}

/** A paged list (ADR 029) as rendered: the rows loaded so far, and whether and how to load the next page. */
export type PagedResource<T, P extends Page<T> = Page<T>> = Resource<T[]> & {
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  /** The first page as the server answered it (for what a list body carries beside its rows). */
  firstPage: P | undefined;
};

/**
 * A paged list through TanStack Query's infinite query: the first page when the page mounts, the next one
 * (after the last page's `X-Next-Cursor`) on `loadMore()`. A refetch (a mutation's invalidation) reloads the
 * pages loaded so far.
 */
export function useApiPagedQuery<T, P extends Page<T> = Page<T>>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<P>,
  enabled = true,
): PagedResource<T, P> {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled,
  });
  const { refetch, fetchNextPage } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const paging = {
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore,
    firstPage: query.data?.pages[0],
  };
  if (query.status === 'success') {
    return { state: 'ready', data: query.data.pages.flatMap((page) => page.items), reload, ...paging };
  }
  if (query.status === 'error' && !query.isFetching) {
    return { state: 'error', error: asApiError(query.error), reload, ...paging };
  }
  return { state: 'loading', reload, ...paging };
}

/**
 * A change sent to the server: `run(...)` resolves with the answer (undefined when it failed: the error is in
 * `error`), and, once it succeeded, the queries under `invalidates` (a feature's key prefixes) are refetched
 * before `pending` turns false, so the page shows the changed state as soon as the button is enabled again.
 */
export function useApiMutation<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  invalidates: readonly QueryKey[] | ((result: R, ...args: A) => readonly QueryKey[]),
) {
  const queryClient = useQueryClient();
  const mutation = useMutation<R, unknown, A>({
    mutationFn: (args) => action(...args),
    onSuccess: async (result, args) => {
      const keys = typeof invalidates === 'function' ? invalidates(result, ...args) : invalidates;
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
  const { mutateAsync, reset } = mutation;
  const run = useCallback(
    async (...args: A): Promise<R | undefined> => {
      try {
        return await mutateAsync(args);
      } catch {
        return undefined;
      }
    },
    [mutateAsync],
  );
  return { run, pending: mutation.isPending, error: mutation.error, reset };
}
