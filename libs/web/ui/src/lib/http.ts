import type { ApiErrorBody, ErrorCode, FieldError } from '@roundtable/contracts';

/** Event dispatched on `window` whenever the API answers 401, so the session can sign out. */
export const UNAUTHENTICATED_EVENT = 'roundtable:unauthenticated';

/** A failed API call. `code` is the API's ErrorCode, or 'network' / 'unknown'. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network' | 'unknown',
    message: string,
    readonly fields: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).code === 'string';
}

/** The ApiError for a failed response whose body has already been read (parsed JSON, text or nothing). */
export function toApiError(response: Response, body: unknown): ApiError {
  const retryHeader = Number(response.headers.get('Retry-After'));
  if (isApiErrorBody(body)) {
    return new ApiError(
      response.status,
      body.code,
      body.message,
      body.fields ?? [],
      body.retryAfterSeconds ?? (Number.isFinite(retryHeader) && retryHeader > 0 ? retryHeader : undefined),
    );
  }
  return new ApiError(response.status, 'unknown', response.statusText);
}

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Do not broadcast a 401 (the session probe and the login form handle it themselves). */
  quietUnauthenticated?: boolean;
}

/** Calls the same-origin API; resolves with the JSON body (undefined for 204) or throws ApiError. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    const error = toApiError(response, body);
    if (response.status === 401 && !options.quietUnauthenticated && typeof window !== 'undefined') {
      window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
