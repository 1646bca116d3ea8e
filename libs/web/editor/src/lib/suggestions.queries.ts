import type { SuggestionDecisionResultDto, SuggestionDto, SuggestionKind } from '@roundtable/contracts';
import { api, unwrap, unwrapPage, useApiMutation, useApiPagedQuery, type ApiSchemas } from '@roundtable/web-ui';

export const suggestionKeys = {
  list: (documentId: string) => ['documents', 'detail', documentId, 'suggestions'] as const,
};

/** Who made which suggestion (ADR 040), oldest first, one page at a time. */
export function useSuggestions(documentId: string) {
  return useApiPagedQuery<SuggestionDto>(suggestionKeys.list(documentId), (cursor, signal) =>
    unwrapPage<SuggestionDto>(
      api.GET('/api/documents/{id}/suggestions', {
        params: { path: { id: documentId }, query: cursor ? { cursor } : {} },
        signal,
      }),
    ),
  );
}

export type SuggestionSelectionBody = Omit<ApiSchemas['DecideSuggestionsDto'], 'decision'>;

export const suggestionCommands = {
  register: (documentId: string, id: string, kind: SuggestionKind) =>
    unwrap<SuggestionDto>(
      api.POST('/api/documents/{id}/suggestions', { params: { path: { id: documentId } }, body: { id, kind } }),
    ),
  decide: (documentId: string, decision: 'accept' | 'reject', selection: SuggestionSelectionBody) =>
    unwrap<SuggestionDecisionResultDto>(
      api.POST('/api/documents/{id}/suggestions/decisions', {
        params: { path: { id: documentId } },
        body: { decision, ...selection },
      }),
    ),
  linkThread: (documentId: string, suggestionId: string, threadId: string) =>
    unwrap<void>(
      api.PUT('/api/documents/{id}/suggestions/{suggestionId}/thread', {
        params: { path: { id: documentId, suggestionId } },
        body: { threadId },
      }),
    ),
};

export function useDecideSuggestions(documentId: string) {
  return useApiMutation(
    (decision: 'accept' | 'reject', selection: SuggestionSelectionBody) =>
      suggestionCommands.decide(documentId, decision, selection),
    [suggestionKeys.list(documentId)],
  );
}
