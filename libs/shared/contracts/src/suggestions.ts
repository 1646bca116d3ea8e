/** Suggestion mode (track changes, ADR 040): what the text holds is only the id; the rest is this row. */
export type SuggestionKind = 'insert' | 'delete' | 'format';
export const SUGGESTION_KINDS: readonly SuggestionKind[] = ['insert', 'delete', 'format'];

/** The last decision taken on a suggestion; it is open for as long as its marks are in the text. */
export type SuggestionState = 'open' | 'accepted' | 'rejected';

export type SuggestionDecision = 'accept' | 'reject';

export interface SuggestionDto {
  id: string;
  documentId: string;
  kind: SuggestionKind;
  state: SuggestionState;
  /** null once the author's account is gone (the text keeps the suggestion, the name shows as unknown). */
  authorUserId: string | null;
  authorName: string | null;
  /** The author's caret colour: the suggestion is shown in it. */
  authorColor: string | null;
  createdAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  /** The comment thread discussing it, if any (an ordinary thread anchored on its text). */
  threadId: string | null;
}

export interface SuggestionDecisionResultDto {
  decision: SuggestionDecision;
  /** The ids whose marks were found in the text and resolved. */
  decided: string[];
}
