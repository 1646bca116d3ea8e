import { Extension } from '@tiptap/core';
import type { JSONContent } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView, type NodeView } from '@tiptap/pm/view';
import {
  BIBLIOGRAPHY_NODE,
  CITATION_NODE,
  CITATION_SETTINGS_MAP,
  citationStyleOf,
  formatCitations,
  referenceIdsOf,
  referencesOf,
  REFERENCES_MAP,
  type BibliographyEntry,
  type CitationFormatting,
  type CitationStyle,
  type CslItem,
} from '@roundtable/editor-schema';
import type * as Y from 'yjs';

/** What the editor knows of the document's citations: its references, its style and their formatting. */
export interface CitationState {
  references: CslItem[];
  style: CitationStyle;
  formatting: CitationFormatting;
  decorations: DecorationSet;
  /** The citations' reference ids in document order: with the references and the style, what the formatting depends on. */
  signature: string;
}

export const citationKey = new PluginKey<CitationState>('citationLabels');

export interface CitationLabelsOptions {
  document: Y.Doc | null;
  /** Tooltip of a citation naming a reference no longer in the list (the reader's language). */
  brokenTitle: string;
  /** What an empty reference list says. */
  emptyText: string;
  /** The reference list's accessible name. */
  listLabel: string;
}

interface Found {
  citations: Array<{ pos: number; size: number; ids: string[] }>;
  lists: Array<{ pos: number; size: number }>;
}

function find(doc: ProseMirrorNode): Found {
  const found: Found = { citations: [], lists: [] };
  doc.descendants((node, pos) => {
    if (node.type.name === CITATION_NODE)
      found.citations.push({ pos, size: node.nodeSize, ids: referenceIdsOf(node.attrs['referenceIds']) });
    else if (node.type.name === BIBLIOGRAPHY_NODE) found.lists.push({ pos, size: node.nodeSize });
    return true;
  });
  return found;
}

/**
 * The state for a document: labels are formatted again only when what they depend on changed (which
 * references are cited in which order, the references, the style), not on every keystroke.
 */
function stateFor(
  doc: ProseMirrorNode,
  references: CslItem[],
  style: CitationStyle,
  options: CitationLabelsOptions,
  previous?: CitationState,
): CitationState {
  const found = find(doc);
  // References and style are compared by identity: they are new arrays only when a co-author changed them.
  const signature = JSON.stringify(found.citations.map((c) => c.ids));
  const formatting =
    previous && previous.signature === signature && previous.references === references && previous.style === style
      ? previous.formatting
      : formatCitations(
          found.citations.map((c) => c.ids),
          references,
          style,
        );
  const decorations = DecorationSet.create(doc, [
    ...found.citations.map((citation, i) => {
      const label = formatting.labels[i];
      return Decoration.node(citation.pos, citation.pos + citation.size, {
        'data-label': label?.text ?? '',
        ...(label?.broken ? { 'data-broken': 'true', title: options.brokenTitle } : {}),
      });
    }),
    ...found.lists.map((list) =>
      Decoration.node(
        list.pos,
        list.pos + list.size,
        { 'data-entries': String(formatting.entries.length) },
        {
          entries: formatting.entries,
        },
      ),
    ),
  ]);
  return { references, style, formatting, decorations, signature };
}

function renderInline(parent: HTMLElement, content: JSONContent[]): void {
  for (const node of content) {
    let element: Node = parent.ownerDocument.createTextNode(node.text ?? '');
    for (const mark of node.marks ?? []) {
      const wrapper = parent.ownerDocument.createElement(mark.type === 'bold' ? 'strong' : 'em');
      wrapper.appendChild(element);
      element = wrapper;
    }
    parent.appendChild(element);
  }
}

/** The reference list as the editor shows it: the formatted entries, computed, never editable text. */
class BibliographyView implements NodeView {
  readonly dom: HTMLElement;
  private shown = '';

  constructor(
    private readonly options: CitationLabelsOptions,
    decorations: readonly Decoration[],
  ) {
    this.dom = document.createElement('div');
    this.dom.className = 'bibliography';
    this.dom.setAttribute('data-bibliography', '');
    this.dom.setAttribute('contenteditable', 'false');
    this.dom.setAttribute('role', 'list');
    this.dom.setAttribute('aria-label', options.listLabel);
    this.render(decorations);
  }

  private render(decorations: readonly Decoration[]): void {
    const spec = decorations.find((d) => (d.spec as { entries?: unknown }).entries)?.spec as
      { entries: BibliographyEntry[] } | undefined;
    const entries = spec?.entries ?? [];
    const key = JSON.stringify(entries);
    if (key === this.shown && this.dom.childNodes.length > 0) return;
    this.shown = key;
    this.dom.replaceChildren();
    if (entries.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'bibliography__empty';
      empty.textContent = this.options.emptyText;
      this.dom.appendChild(empty);
      return;
    }
    for (const entry of entries) {
      const item = document.createElement('p');
      item.className = 'bibliography__entry';
      item.setAttribute('role', 'listitem');
      item.setAttribute('data-reference-id', entry.id);
      if (!entry.cited) item.setAttribute('data-uncited', 'true');
      renderInline(item, entry.content);
      this.dom.appendChild(item);
    }
  }

  update(node: ProseMirrorNode, decorations: readonly Decoration[]): boolean {
    if (node.type.name !== BIBLIOGRAPHY_NODE) return false;
    this.render(decorations);
    return true;
  }

  ignoreMutation(): boolean {
    return true;
  }

  stopEvent(): boolean {
    return false;
  }
}

/** The references and style of the Y.Doc (none without one), read again whenever a co-author changes them. */
function readDoc(doc: Y.Doc | null): { references: CslItem[]; style: CitationStyle } {
  return doc ? { references: referencesOf(doc), style: citationStyleOf(doc) } : { references: [], style: 'vancouver' };
}

/**
 * Live citation labels and reference list (ADR 039): computed by the shared formatter from the shared
 * document, its reference list and its style — never stored — so co-authors see the same numbers as text
 * moves, and the exports show the same (they use the same function).
 */
export const CitationLabels = Extension.create<CitationLabelsOptions>({
  name: 'citationLabels',

  addOptions() {
    return { document: null, brokenTitle: '', emptyText: '', listLabel: '' };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<CitationState>({
        key: citationKey,
        state: {
          init: (_config, state: EditorState) => {
            const { references, style } = readDoc(options.document);
            return stateFor(state.doc, references, style, options);
          },
          apply: (tr, previous, _old, state) => {
            const meta = tr.getMeta(citationKey) as { references: CslItem[]; style: CitationStyle } | undefined;
            if (meta) return stateFor(state.doc, meta.references, meta.style, options, previous);
            if (!tr.docChanged) return previous;
            return stateFor(state.doc, previous.references, previous.style, options, previous);
          },
        },
        // A co-author's change of the references or the style formats again (the view exists from the start).
        view: (view: EditorView) => {
          const doc = options.document;
          if (!doc) return {};
          const changed = () => view.dispatch(view.state.tr.setMeta(citationKey, readDoc(doc)));
          const references = doc.getMap(REFERENCES_MAP);
          const settings = doc.getMap(CITATION_SETTINGS_MAP);
          references.observe(changed);
          settings.observe(changed);
          return {
            destroy: () => {
              references.unobserve(changed);
              settings.unobserve(changed);
            },
          };
        },
        props: {
          decorations: (state) => citationKey.getState(state)?.decorations,
          nodeViews: {
            [BIBLIOGRAPHY_NODE]: (_node, _view, _getPos, decorations) => new BibliographyView(options, decorations),
          },
        },
      }),
    ];
  },
});

/** The citation state of an editor (references, style, formatted entries). */
export function citationStateOf(state: EditorState): CitationState | undefined {
  return citationKey.getState(state);
}
