import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { numberHeadings } from '@roundtable/editor-schema';

const key = new PluginKey<DecorationSet>('sectionNumbers');

/** Each top-level heading's section number as `data-section-number` (shown by CSS), by the shared outline rule. */
function decorate(doc: ProseMirrorNode): DecorationSet {
  const headings: Array<{ level: number; text: string; pos: number; size: number }> = [];
  doc.forEach((node, pos) => {
    if (node.type.name === 'heading')
      headings.push({ level: Number(node.attrs['level']), text: node.textContent, pos, size: node.nodeSize });
  });
  const first = doc.firstChild;
  const startsWithTitle = first?.type.name === 'heading' && Number(first.attrs['level']) === 1;
  const numbered = numberHeadings(headings, startsWithTitle);
  return DecorationSet.create(
    doc,
    numbered.flatMap((entry, i) =>
      entry.number === null
        ? [Decoration.node(headings[i].pos, headings[i].pos + headings[i].size, { 'data-title': 'true' })]
        : [
            Decoration.node(headings[i].pos, headings[i].pos + headings[i].size, {
              'data-section-number': entry.number,
            }),
          ],
    ),
  );
}

/**
 * Live section numbers: every co-author sees the same numbers as the text moves, because they are computed
 * from the shared document, never stored in it (exports number the same way from the same rule).
 */
export const SectionNumbers = Extension.create({
  name: 'sectionNumbers',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state.doc),
          apply: (tr, previous, _old, state) => (tr.docChanged ? decorate(state.doc) : previous),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});
