import { Mark, mergeAttributes } from '@tiptap/core';

/**
 * Suggestion marks (track changes, ADR 040). The document holds only the suggestion's id: who made it, when,
 * and whether it was accepted or rejected live in the `suggestions` table (api-suggestions), so renaming or
 * erasing a person changes one row, never the text.
 */
export const SUGGESTION_INSERT = 'suggestionInsert';
export const SUGGESTION_DELETE = 'suggestionDelete';
export const SUGGESTION_FORMAT = 'suggestionFormat';

const idAttribute = {
  default: null,
  parseHTML: (element: HTMLElement) => element.getAttribute('data-suggestion'),
  renderHTML: (attributes: Record<string, unknown>) => ({ 'data-suggestion': attributes['id'] }),
};

/** Text a co-author proposes to add. */
export const SuggestionInsert = Mark.create({
  name: SUGGESTION_INSERT,
  inclusive: false,
  addAttributes: () => ({ id: idAttribute }),
  parseHTML: () => [{ tag: 'ins[data-suggestion]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => ['ins', mergeAttributes(HTMLAttributes, { class: 'suggestion-insert' }), 0],
});

/** Text a co-author proposes to remove: kept in the document, struck through, until accepted. */
export const SuggestionDelete = Mark.create({
  name: SUGGESTION_DELETE,
  inclusive: false,
  addAttributes: () => ({ id: idAttribute }),
  parseHTML: () => [{ tag: 'del[data-suggestion]', priority: 60 }], // before Strike's <del>
  renderHTML: ({ HTMLAttributes }) => ['del', mergeAttributes(HTMLAttributes, { class: 'suggestion-delete' }), 0],
});

/**
 * A proposed formatting change: `op` 'add' or 'remove' of the mark named `mark` (bold, italic…), already applied
 * to the text so everyone sees the result; rejecting reverts it. Several may overlap (excludes nothing).
 */
export const SuggestionFormat = Mark.create({
  name: SUGGESTION_FORMAT,
  inclusive: false,
  excludes: '',
  addAttributes: () => ({
    id: idAttribute,
    mark: {
      default: null,
      parseHTML: (element: HTMLElement) => element.getAttribute('data-format-mark'),
      renderHTML: (attributes: Record<string, unknown>) => ({ 'data-format-mark': attributes['mark'] }),
    },
    op: {
      default: 'add',
      parseHTML: (element: HTMLElement) => element.getAttribute('data-format-op'),
      renderHTML: (attributes: Record<string, unknown>) => ({ 'data-format-op': attributes['op'] }),
    },
  }),
  parseHTML: () => [{ tag: 'span[data-suggestion][data-format-mark]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', mergeAttributes(HTMLAttributes, { class: 'suggestion-format' }), 0],
});

export const suggestionMarks = [SuggestionInsert, SuggestionDelete, SuggestionFormat];
