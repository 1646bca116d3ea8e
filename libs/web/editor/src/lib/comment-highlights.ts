import type { CommentThreadDto, RelativePositionJson } from '@roundtable/contracts';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

type Anchored = Pick<CommentThreadDto, 'id' | 'anchorStart' | 'anchorEnd'>;

interface HighlightState {
  threads: Anchored[];
  activeId: string | null;
  decorations: DecorationSet;
}

interface SyncState {
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof relativePositionToAbsolutePosition>[3] } | null;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

/** Where a thread's anchors are now in this editor state (null when the text is gone or not synced yet). */
export function liveRangeIn(
  state: EditorState,
  thread: { anchorStart: RelativePositionJson; anchorEnd: RelativePositionJson },
): { from: number; to: number } | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  const doc = sync?.type?.doc;
  if (!sync?.binding || !doc) return null;
  const resolve = (json: RelativePositionJson) =>
    relativePositionToAbsolutePosition(doc, sync.type, Y.createRelativePositionFromJSON(json), sync.binding!.mapping);
  const from = resolve(thread.anchorStart);
  const to = resolve(thread.anchorEnd);
  return from !== null && to !== null && to > from && to <= state.doc.content.size ? { from, to } : null;
}

function decorate(state: EditorState, threads: Anchored[], activeId: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = liveRangeIn(state, thread);
    if (!range) continue;
    const active = thread.id === activeId;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: active ? 'comment-highlight comment-highlight--active' : 'comment-highlight',
          'data-thread-id': thread.id,
        },
        { threadId: thread.id },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights the text of open comment threads. Positions come from the Yjs anchors whenever the thread list
 * changes or a remote change arrives, and are mapped through local edits in between (the Yjs mapping is
 * only brought up to date after a local transaction has been applied). Clicking highlighted text activates
 * its thread.
 */
export function commentHighlights(onActivate: (threadId: string) => void): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: () => ({ threads: [], activeId: null, decorations: DecorationSet.empty }),
      apply(tr, value, _old, state) {
        const update = tr.getMeta(commentHighlightsKey) as
          Partial<Pick<HighlightState, 'threads' | 'activeId'>> | undefined;
        if (update) {
          const next = { ...value, ...update };
          return { ...next, decorations: decorate(state, next.threads, next.activeId) };
        }
        if (!tr.docChanged) return value;
        const remote =
          (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
        return {
          ...value,
          decorations: remote
            ? decorate(state, value.threads, value.activeId)
            : value.decorations.map(tr.mapping, tr.doc),
        };
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleClick(view, pos) {
        const found = commentHighlightsKey.getState(view.state)?.decorations.find(pos, pos) ?? [];
        const threadId = (found[0]?.spec as { threadId?: string } | undefined)?.threadId;
        if (threadId) onActivate(threadId);
        return false;
      },
    },
  });
}
