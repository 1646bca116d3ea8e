import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ErrorCode, NEXT_CURSOR_HEADER, PAGE_LIMITS, type PageQuery } from '@roundtable/contracts';
import type { Response } from 'express';
import { ApiException } from './api.exception';

/** base64url of the cursor's JSON; longer than any key we page by needs. */
const CURSOR_PATTERN = /^[A-Za-z0-9_-]+$/;
const CURSOR_MAX = 1024;

/**
 * `limit` and `cursor`, the query of every paged list (ADR 029). A feature's list query extends it with its
 * own filters (the validation pipe refuses unknown query fields, so the filters must be declared here too).
 */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PAGE_LIMITS.max,
    default: PAGE_LIMITS.default,
    description: `Rows per page (1 to ${PAGE_LIMITS.max}, default ${PAGE_LIMITS.default}).`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(PAGE_LIMITS.max, { message: `limit must be at most ${PAGE_LIMITS.max}` })
  limit?: number;

  @ApiPropertyOptional({
    maxLength: CURSOR_MAX,
    pattern: CURSOR_PATTERN.source,
    description: 'The `X-Next-Cursor` response header of the previous page; omit for the first page.',
  })
  @IsOptional()
  @IsString({ message: 'cursor must be text' })
  @MaxLength(CURSOR_MAX, { message: `cursor must be at most ${CURSOR_MAX} characters` })
  @Matches(CURSOR_PATTERN, { message: 'cursor must be the X-Next-Cursor header of a previous page' })
  cursor?: string;
}

/** The kinds of value a cursor may hold, each checked before it reaches SQL. */
export type CursorKind = 'text' | 'timestamp' | 'uuid' | 'int';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// PostgreSQL's text form of timestamptz (`2026-12-07 11:58:38.123456+00`) or ISO 8601.
// NUL (PostgreSQL refuses it in text) and lone surrogates (not valid UTF-8).
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](?:0\d|1[0-5])(?::?[0-5]\d)?)$/;

/** A timestamp PostgreSQL accepts: the form above, with a real calendar day and time of day. */
function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

function fits(kind: CursorKind, value: unknown): boolean {
  switch (kind) {
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamp':
      return typeof value === 'string' && isTimestamp(value);
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'text':
      return typeof value === 'string' && value.length <= 500 && !UNSAFE_TEXT.test(value);
  }
}

function badCursor(): ApiException {
  return new ApiException(ErrorCode.ValidationFailed, 'Invalid query', {
    fields: [
      { field: 'cursor', message: 'cursor must be the X-Next-Cursor header of a previous page', code: 'matches' },
    ],
  });
}

/** The opaque cursor for a row's sort key (the values of its ORDER BY columns, last the unique id). */
export function encodeCursor(key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The sort key a cursor holds, checked against the kinds the list sorts by; null without a cursor. Anything
 * else (forged, from another list, truncated) is a 400 naming `cursor`, never a 500 from SQL.
 */
export function decodeCursor(cursor: string | undefined, kinds: readonly CursorKind[]): unknown[] | null {
  if (cursor === undefined) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(key) || key.length !== kinds.length || !kinds.every((kind, i) => fits(kind, key[i]))) {
    throw badCursor();
  }
  return key;
}

/** One page of a list: its rows and the next page's cursor (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export function pageLimit(query: PageQuery): number {
  return query.limit ?? PAGE_LIMITS.default;
}

/** From rows fetched with `LIMIT limit + 1` after the cursor's key: the page and whether another follows. */
export function pageOf<R>(rows: R[], limit: number, key: (row: R) => readonly unknown[]): Page<R> {
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? encodeCursor(key(items[items.length - 1])) : null };
}

/**
 * A keyset page of a list the policy filters row by row (in the shared domain, not in SQL): reads batches
 * in key order after the cursor until `limit` rows are kept or the rows run out, so a page never holds a
 * row the caller may not see and a skipped row never costs a gap.
 */
export async function scanPage<R>(options: {
  limit: number;
  after: unknown[] | null;
  fetch: (after: readonly unknown[] | null, count: number) => Promise<R[]>;
  keep: (row: R) => boolean;
  key: (row: R) => readonly unknown[];
}): Promise<Page<R>> {
  const { limit, fetch, keep, key } = options;
  const batch = Math.max(limit + 1, 50);
  const kept: R[] = [];
  let after: readonly unknown[] | null = options.after;
  for (;;) {
    const rows = await fetch(after, batch);
    for (const row of rows) {
      if (!keep(row)) continue;
      kept.push(row);
      if (kept.length > limit) return pageOf(kept, limit, key);
    }
    if (rows.length < batch) return { items: kept, next: null };
    after = key(rows[rows.length - 1]);
  }
}

/**
 * A page of a list that is small by nature and built in memory (a user's projects, a group's invitations):
 * the cursor holds the offset. Such lists are bounded by the limit like every other.
 */
export function pageInMemory<T>(items: readonly T[], query: PageQuery): Page<T> {
  const [offset] = (decodeCursor(query.cursor, ['int']) ?? [0]) as number[];
  if (offset < 0) throw badCursor();
  const limit = pageLimit(query);
  const slice = items.slice(offset, offset + limit);
  return { items: slice, next: offset + limit < items.length ? encodeCursor([offset + limit]) : null };
}

/** Answers a page: the rows as the body (the list it always was) and the next cursor in `X-Next-Cursor`. */
export function sendPage<T>(response: Response, page: Page<T>): T[] {
  if (page.next) response.setHeader(NEXT_CURSOR_HEADER, page.next);
  return page.items;
}
