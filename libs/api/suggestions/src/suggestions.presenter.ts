import type { SuggestionDto } from '@roundtable/contracts';
import { userColor } from '@roundtable/domain';
import type { SuggestionRow } from './suggestions.repository';

/** Pure: a row as the API shows it. */
export function presentSuggestion(row: SuggestionRow): SuggestionDto {
  return {
    id: row.id,
    documentId: row.document_id,
    kind: row.kind,
    state: row.state,
    authorUserId: row.author_user_id,
    authorName: row.author_name,
    authorColor: row.author_user_id ? userColor(row.author_user_id) : null,
    createdAt: new Date(row.created_at).toISOString(),
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    threadId: row.thread_id,
  };
}

/** Who made each suggestion, by id, for exports (Word's w:author / w:date). */
export function authorsById(rows: SuggestionRow[]): Map<string, { author: string; date: string }> {
  return new Map(
    rows.map((row) => [row.id, { author: row.author_name ?? '—', date: new Date(row.created_at).toISOString() }]),
  );
}
