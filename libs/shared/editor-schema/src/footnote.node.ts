import { Node, mergeAttributes } from '@tiptap/core';
import { Fragment, Slice, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/** Longest footnote text kept (characters); a footnote is a sentence or two, not a section. */
export const FOOTNOTE_MAX_LENGTH = 2000;

/** A footnote's text as stored: a string, without control characters but newlines, at most the limit. */
export function footnoteText(value: unknown): string {
  return typeof value === 'string'
    ? value.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '').slice(0, FOOTNOTE_MAX_LENGTH)
    : '';
}

/** A fresh footnote id (which note the list at the bottom edits, whatever moves around it). */
export function newFootnoteId(): string {
  return `fn-${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Inserts a footnote mark at the cursor; its text is edited in the notes below the document. */
      insertFootnote: (attrs?: { id?: string; text?: string }) => ReturnType;
      /** Sets the text of the footnote with this id (wherever it is now). */
      setFootnoteText: (id: string, text: string) => ReturnType;
    };
  }
}

/**
 * A footnote: an inline mark in the text whose note is its `text` attribute, numbered 1, 2… in document order
 * (notes.ts, never stored) and edited in the notes list under the document. One inline atom rather than inline
 * content: the cursor never wanders into a note in the middle of a sentence, and Yjs carries the note as one
 * attribute of the mark (ADR 038).
 */
export const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-footnote-id'),
        renderHTML: (attrs) => (attrs['id'] ? { 'data-footnote-id': String(attrs['id']).slice(0, 64) } : {}),
      },
      text: {
        default: '',
        parseHTML: (element) => footnoteText(element.getAttribute('data-text') ?? element.textContent),
        renderHTML: (attrs) => ({ 'data-text': footnoteText(attrs['text']) }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'sup[data-footnote]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes, { 'data-footnote': '' })];
  },

  renderText() {
    return '';
  },

  addKeyboardShortcuts() {
    // Word's shortcut for a footnote.
    return { 'Mod-Alt-f': () => this.editor.commands.insertFootnote() };
  },

  addProseMirrorPlugins() {
    // A pasted or dropped copy of a footnote is a new footnote: a fresh id, so editing one never edits the other.
    const renew = (fragment: Fragment): Fragment => {
      const nodes: ProseMirrorNode[] = [];
      fragment.forEach((node) => {
        if (node.type.name === this.name) nodes.push(node.type.create({ ...node.attrs, id: newFootnoteId() }));
        else nodes.push(node.copy(renew(node.content)));
      });
      return Fragment.fromArray(nodes);
    };
    return [
      new Plugin({
        key: new PluginKey('footnoteIds'),
        props: { transformPasted: (slice) => new Slice(renew(slice.content), slice.openStart, slice.openEnd) },
      }),
    ];
  },

  addCommands() {
    return {
      insertFootnote:
        (attrs = {}) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs: { id: attrs.id ?? newFootnoteId(), text: footnoteText(attrs.text) },
          }),
      setFootnoteText:
        (id, text) =>
        ({ state, tr, dispatch }) => {
          let found = -1;
          state.doc.descendants((node, pos) => {
            if (found >= 0) return false;
            if (node.type.name === this.name && node.attrs['id'] === id) found = pos;
            return true;
          });
          if (found < 0) return false;
          if (dispatch) tr.setNodeAttribute(found, 'text', footnoteText(text));
          return true;
        },
    };
  },
});
