import type { AnyExtension, JSONContent } from '@tiptap/core';
import { safeHref } from './markdown';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { suggestionMarks } from './suggestion.marks';
import { Figure } from './figure.node';
import { Footnote } from './footnote.node';
import { Recommendation } from './recommendation.node';
import { Citations } from './citation.node';

/** Name of the Y.XmlFragment that holds the editor content in every document's Y.Doc. */
export const EDITOR_FRAGMENT = 'default';

/** Heading levels a paper uses: the title and two levels of numbered sections below it (see outline.ts). */
export const HEADING_LEVELS = [1, 2, 3] as const;

/**
 * The one editor schema, used by the web editor and by the server (rendering, seeding, validation).
 * Undo/redo is off because Collaboration brings its own Yjs-aware history (which undoes only one's own edits).
 * Links open only on purpose (Ctrl/⌘-click in the editor) and keep to web, mail and phone addresses; tables may
 * merge cells and have a header row; column widths are not stored (they follow the page in every export).
 */
export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [...HEADING_LEVELS] },
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        isAllowedUri: (url, ctx) => safeHref(url) !== null && ctx.defaultValidate(url),
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    ...suggestionMarks, // track changes (ADR 040)
    Figure,
    Footnote,
    Recommendation,
    Citations,
  ];
}

export interface SeedSection {
  heading: string;
  body: string;
}

/** ProseMirror refuses empty text nodes, so an empty string becomes an empty node. */
function textContent(text: string): JSONContent[] {
  return text ? [{ type: 'text', text }] : [];
}

/** Initial content for a new document: a title followed by headed sections. */
export function documentTemplate(title: string, sections: SeedSection[]): JSONContent {
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: textContent(title) },
      ...sections.flatMap((section): JSONContent[] => [
        { type: 'heading', attrs: { level: 2 }, content: textContent(section.heading) },
        { type: 'paragraph', content: textContent(section.body) },
      ]),
    ],
  };
}
