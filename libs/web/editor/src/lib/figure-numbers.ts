import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

const key = new PluginKey<DecorationSet>('figureNumbers');

/** A figure or footnote of the editor's document, numbered in document order (as notes.ts numbers the JSON). */
export interface NumberedNode {
  pos: number;
  node: ProseMirrorNode;
  number: number;
}

export function numberedNodes(doc: ProseMirrorNode, type: 'figure' | 'footnote'): NumberedNode[] {
  const found: NumberedNode[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === type) found.push({ pos, node, number: found.length + 1 });
    // Footnotes are inline: look inside every block; figures are blocks: no need to enter text.
    return type === 'footnote' || !node.isTextblock;
  });
  return found;
}

interface FigureWords {
  label: (number: number) => string;
  /** Shown where a figure's image cannot be (no library file named). */
  missing: string;
}

const cssString = (text: string) => `"${text.replace(/["\\\n]/g, '')}"`;

function decorate(doc: ProseMirrorNode, { label, missing }: FigureWords): DecorationSet {
  const figures = numberedNodes(doc, 'figure').map(({ pos, node, number }) =>
    Decoration.node(pos, pos + node.nodeSize, {
      'data-figure-number': String(number),
      // Read by the caption's ::before (CSS attr() reads only the element's own attributes).
      style: `--figure-label: ${cssString(label(number))}; --figure-missing: ${cssString(missing)}`,
    }),
  );
  const notes = numberedNodes(doc, 'footnote').map(({ pos, node, number }) =>
    Decoration.node(pos, pos + node.nodeSize, {
      'data-footnote-number': String(number),
      title: String(node.attrs['text'] ?? ''),
    }),
  );
  return DecorationSet.create(doc, [...figures, ...notes]);
}

/**
 * Live figure and footnote numbers: computed from the shared document on every change, never stored, so every
 * co-author sees the same "Figure 2" and footnote 3 as text moves (ADR 038). `label` words a figure's number in
 * the reader's language.
 */
export const FigureNumbers = Extension.create<FigureWords>({
  name: 'figureNumbers',
  addOptions() {
    return { label: (number: number) => `Figure ${number}`, missing: '' };
  },
  addProseMirrorPlugins() {
    const words = this.options;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state.doc, words),
          apply: (tr, previous, _old, state) => (tr.docChanged ? decorate(state.doc, words) : previous),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
