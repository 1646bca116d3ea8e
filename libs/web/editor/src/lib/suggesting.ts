import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { isSuggestionMark, trackChanges, type SuggestionKind } from '@roundtable/editor-schema';

/** Who made each suggestion id (from the server's list): the text carries only ids (ADR 040). */
export interface SuggestionAuthors {
  /** Palette index of the author's colour (userColorIndex), by suggestion id. */
  colorOf: ReadonlyMap<string, number>;
  /** Ids whose author is the signed-in person. */
  mine: ReadonlySet<string>;
}

interface SuggestingState {
  enabled: boolean;
  authors: SuggestionAuthors;
  decorations: DecorationSet;
}

export const suggestingKey = new PluginKey<SuggestingState>('suggesting');

type Meta = { enabled?: boolean; authors?: SuggestionAuthors };

const NO_AUTHORS: SuggestionAuthors = { colorOf: new Map(), mine: new Set() };

/** Each suggestion's text gets its author's colour class (suggestion-author-0…7); unknown ids the neutral one. */
function decorate(state: EditorState, authors: SuggestionAuthors): DecorationSet {
  const decorations: Decoration[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    const mark = node.marks.find(isSuggestionMark);
    if (mark) {
      const color = authors.colorOf.get(mark.attrs['id'] as string);
      decorations.push(
        Decoration.inline(pos, pos + node.nodeSize, {
          class: color === undefined ? 'suggestion-author' : `suggestion-author suggestion-author-${color}`,
        }),
      );
    }
    return false;
  });
  return DecorationSet.create(state.doc, decorations);
}

export interface SuggestingOptions {
  /** A new suggestion id was used: the editor records it with the server (author and time are kept there). */
  onCreate: (id: string, kind: SuggestionKind) => void;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggesting: {
      /** Turns the per-user Suggesting switch on or off. */
      setSuggesting: (enabled: boolean) => ReturnType;
      /** Passes the server's list of who made which suggestion. */
      setSuggestionAuthors: (authors: SuggestionAuthors) => ReturnType;
    };
  }
}

export function isSuggesting(state: EditorState): boolean {
  return suggestingKey.getState(state)?.enabled ?? false;
}

/**
 * Suggestion mode (track changes, ADR 040). While the switch is on, every local change is rewritten into
 * suggestions by the shared schema's `trackChanges` before the Yjs binding sees it: remote changes (Yjs, undo
 * included, which arrives through the binding) are never rewritten. Ids are random UUIDs, so two people never
 * make the same one; typing next to one's own suggestion extends it.
 */
export const Suggesting = Extension.create<SuggestingOptions>({
  name: 'suggesting',

  addOptions() {
    return { onCreate: () => undefined };
  },

  addCommands() {
    return {
      setSuggesting:
        (enabled) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestingKey, { enabled } satisfies Meta);
          return true;
        },
      setSuggestionAuthors:
        (authors) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(suggestingKey, { authors } satisfies Meta).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    const madeHere = new Set<string>();
    return [
      new Plugin<SuggestingState>({
        key: suggestingKey,
        state: {
          init: (_config, state) => ({ enabled: false, authors: NO_AUTHORS, decorations: decorate(state, NO_AUTHORS) }),
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(suggestingKey) as Meta | undefined;
            const next = { ...value, ...(meta ?? {}) };
            if (!meta?.authors && !tr.docChanged) return next;
            return { ...next, decorations: decorate(state, next.authors) };
          },
        },
        appendTransaction(transactions, oldState, newState) {
          const plugin = suggestingKey.getState(newState);
          if (!plugin?.enabled) return null;
          const local = transactions.filter(
            (tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey) && !tr.getMeta(suggestingKey),
          );
          if (local.length === 0 || local.length !== transactions.filter((tr) => tr.docChanged).length) return null;
          const tracked = trackChanges(oldState, newState, local, {
            newId: () => crypto.randomUUID(),
            isOwn: (id) => madeHere.has(id) || plugin.authors.mine.has(id),
            onCreate: (id, kind) => {
              madeHere.add(id);
              options.onCreate(id, kind);
            },
          });
          return tracked?.setMeta(suggestingKey, {}) ?? null;
        },
        props: {
          decorations: (state) => suggestingKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
