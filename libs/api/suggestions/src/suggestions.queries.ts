import { Injectable } from '@nestjs/common';
import { ErrorCode, type PageQuery, type SuggestionDto } from '@roundtable/contracts';
import { ApiException, decodeCursor, pageLimit, pageOf, type Page } from '@roundtable/api-platform';
import { authorsById, presentSuggestion } from './suggestions.presenter';
import { SuggestionsRepository, type SuggestionRow } from './suggestions.repository';

/** Reads of suggestions (never write). */
@Injectable()
export class SuggestionsQueries {
  constructor(private readonly repository: SuggestionsRepository) {}

  /** One page of a document's suggestions, oldest first (ADR 029). */
  async list(documentId: string, query: PageQuery): Promise<Page<SuggestionDto>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const limit = pageLimit(query);
    const page = pageOf(await this.repository.page(documentId, after, limit + 1), limit, (row) => [row.key_at, row.id]);
    return { items: page.items.map(presentSuggestion), next: page.next };
  }

  async one(documentId: string, id: string): Promise<SuggestionDto> {
    const row = await this.repository.one(id);
    if (!row || row.document_id !== documentId) throw new ApiException(ErrorCode.NotFound, 'Suggestion not found.');
    return presentSuggestion(row);
  }

  /** Author and time of every suggestion of a document, by id (exports write them as Word tracked changes). */
  async authors(documentId: string): Promise<Map<string, { author: string; date: string }>> {
    const rows: SuggestionRow[] = [];
    let after: readonly unknown[] | null = null;
    for (;;) {
      const batch = await this.repository.page(documentId, after, 500);
      rows.push(...batch);
      if (batch.length < 500) break;
      const last = batch[batch.length - 1]!;
      after = [last.key_at, last.id];
    }
    return authorsById(rows);
  }
}
