import type { AnyExtension, JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/** Name of the Y.XmlFragment that holds the editor content in every document's Y.Doc. */
export const EDITOR_FRAGMENT = 'default';

/**
 * The one editor schema, used by the web editor and by the server (rendering, seeding, validation).
 * Undo/redo is off because Collaboration brings its own Yjs-aware history.
 */
export function editorExtensions(): AnyExtension[] {
  return [StarterKit.configure({ undoRedo: false })];
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
