/**
 * The one paging contract of every list endpoint (ADR 029): `limit` (1…`max`, default `default`) and an
 * opaque `cursor`; the body stays the list it always was, and the response header `X-Next-Cursor` carries
 * the cursor of the next page when there is one (absent on the last page).
 */
export const PAGE_LIMITS = { default: 200, max: 500 } as const;

/** Response header with the next page's cursor (lower case, as Fetch's `Headers` reads it). */
export const NEXT_CURSOR_HEADER = 'x-next-cursor';

/** What a paged request may send (every list endpoint's query accepts these two). */
export interface PageQuery {
  limit?: number;
  cursor?: string;
}
