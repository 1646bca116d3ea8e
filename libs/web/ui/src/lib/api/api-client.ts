import createClient from 'openapi-fetch';
import { NEXT_CURSOR_HEADER } from '@roundtable/contracts';
import { ApiError, toApiError, UNAUTHENTICATED_EVENT } from '../http';
import type { components, paths } from './api-schema.gen';

export type ApiPaths = paths;
/** The request body schemas the server publishes (its DTO classes). */
export type ApiSchemas = components['schemas'];

/**
 * The typed client over the paths the server publishes (api-schema.gen.ts, generated from /api/openapi.json):
 * a misspelt path, a missing path parameter or a wrong request body fails the type check. Same-origin only,
 * with the session cookie; JSON bodies are sent as application/json (the server refuses anything else).
 * The server does not describe its responses yet, so callers name the response type from @roundtable/contracts.
 */
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { Accept: 'application/json' },
  // Looked up on each call, not once at import (component tests answer with their own fetch).
  fetch: (request: Request) => globalThis.fetch(request),
});

export interface UnwrapOptions {
  /** Do not broadcast a 401 (the session probe and the login form handle it themselves). */
  quietUnauthenticated?: boolean;
}

/**
 * Awaits one `api.GET(...)`/`api.POST(...)` call: resolves with its JSON body (undefined for an empty answer) or
 * throws the one error type the pages know, ApiError, built from the server's ApiErrorBody. A 401 is announced
 * on `window` so the session signs out.
 */
export async function unwrap<T>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  options: UnwrapOptions = {},
): Promise<T> {
  return (await settle(call, options)).data as T;
}

/** One page of a list (ADR 029): its rows and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** Like `unwrap`, for a paged list: the body's rows and the `X-Next-Cursor` header. */
export async function unwrapPage<T>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  options: UnwrapOptions = {},
): Promise<Page<T>> {
  const { data, response } = await settle(call, options);
  return { items: data as T[], next: response.headers.get(NEXT_CURSOR_HEADER) };
}

/** Like `unwrap`, for a list whose body is an object (the library's): the body and `X-Next-Cursor`. */
export async function unwrapWithCursor<B>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  options: UnwrapOptions = {},
): Promise<{ body: B; next: string | null }> {
  const { data, response } = await settle(call, options);
  return { body: data as B, next: response.headers.get(NEXT_CURSOR_HEADER) };
}

async function settle(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  options: UnwrapOptions,
): Promise<{ data?: unknown; response: Response }> {
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  const { response } = result;
  if (!response.ok) {
    const error = toApiError(response, result.error);
    if (response.status === 401 && !options.quietUnauthenticated && typeof window !== 'undefined') {
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    }
    throw error;
  }
  return result;
}
