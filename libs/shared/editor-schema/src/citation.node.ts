import { Extension, mergeAttributes, Node } from '@tiptap/core';

/** Node names of citations, shared by the schema, the formatter, the editor and the exports. */
export const CITATION_NODE = 'citation';
export const BIBLIOGRAPHY_NODE = 'bibliography';

/** Reference ids are stored joined by commas in one attribute (a plain string in the Y.XmlElement). */
export function referenceIdsOf(value: unknown): string[] {
  return String(value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      /** Inserts an in-text citation of these references (in this order) at the selection. */
      insertCitation: (referenceIds: string[]) => ReturnType;
    };
    bibliography: {
      /** Inserts the generated reference list at the selection. */
      insertBibliography: () => ReturnType;
    };
  }
}

/**
 * An in-text citation of one or more entries of the document's reference list (ADR 039). It stores only the
 * reference ids: its label ("(1,3)" in Vancouver, "(Smith & Wang, 2020)" in APA) depends on the whole document
 * and is computed by `formatCitations`, never stored, so co-authors moving text always agree on the numbers.
 */
export const Citation = Node.create({
  name: CITATION_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      referenceIds: {
        default: '',
        parseHTML: (element) => referenceIdsOf(element.getAttribute('data-references')).join(','),
        renderHTML: (attributes) => ({ 'data-references': referenceIdsOf(attributes['referenceIds']).join(',') }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-citation]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ 'data-citation': '', class: 'citation' }, HTMLAttributes)];
  },

  renderText() {
    return '';
  },

  addCommands() {
    return {
      insertCitation:
        (referenceIds) =>
        ({ commands }) =>
          referenceIds.length > 0 &&
          commands.insertContent({ type: CITATION_NODE, attrs: { referenceIds: referenceIds.join(',') } }),
    };
  },
});

/**
 * The generated reference list: where it stands in the document, the formatted entries of every reference
 * (cited ones first, in the style's order). Its content is computed, never stored.
 */
export const Bibliography = Node.create({
  name: BIBLIOGRAPHY_NODE,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,

  parseHTML() {
    return [{ tag: 'div[data-bibliography]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-bibliography': '', class: 'bibliography' }, HTMLAttributes)];
  },

  addCommands() {
    return {
      insertBibliography:
        () =>
        ({ commands }) =>
          commands.insertContent({ type: BIBLIOGRAPHY_NODE }),
    };
  },
});

/** Both citation nodes, as the one entry `editorExtensions()` lists. */
export const Citations = Extension.create({
  name: 'citations',
  addExtensions: () => [Citation, Bibliography],
});
