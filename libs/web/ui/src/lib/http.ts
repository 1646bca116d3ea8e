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

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
