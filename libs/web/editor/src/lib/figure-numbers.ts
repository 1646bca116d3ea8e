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

function decorate(doc: ProseMirrorNode, label: (number: number) => string): DecorationSet {
  const figures = numberedNodes(doc, 'figure').map(({ pos, node, number }) =>
    Decoration.node(pos, pos + node.nodeSize, {
      'data-figure-number': String(number),
      // Read by the caption's ::before (CSS attr() reads only the element's own attributes).
      style: `--figure-label: "${label(number).replace(/["\\]/g, '')}"`,
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
export const FigureNumbers = Extension.create<{ label: (number: number) => string }>({
  name: 'figureNumbers',
  addOptions() {
    return { label: (number: number) => `Figure ${number}` };
  },
  addProseMirrorPlugins() {
    const { label } = this.options;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state.doc, label),
          apply: (tr, previous, _old, state) => (tr.docChanged ? decorate(state.doc, label) : previous),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
