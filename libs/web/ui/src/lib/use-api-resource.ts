import { useCallback, useEffect, useState } from 'react';
import { ApiError, apiRequest, isAbortError } from './http';
import type { Resource } from './api/queries';

/**
 * GETs a JSON resource when `path` changes; aborts on unmount. `null` path = do nothing yet.
 * `reload()` refetches while still returning the previous data (no flash of a spinner).
 */
export function useApiResource<T>(path: string | null): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<
    { path: string; data: T; error?: undefined } | { path: string; data?: undefined; error: ApiError } | null
  >(null);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    // A reload of the same path keeps showing the data it has until the fresh copy arrives.
    setResult((prev) => (prev && prev.path === path && !prev.error ? prev : null));
    apiRequest<T>(path, { signal: controller.signal }).then(
      (data) => setResult({ path, data }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setResult({
          path,
          error: error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error)),
        });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  if (!result || result.path !== path) return { state: 'loading', reload };
  if (result.error) return { state: 'error', error: result.error, reload };
  return { state: 'ready', data: result.data as T, reload };
}
