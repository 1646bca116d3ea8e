import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { Editor } from '@tiptap/core';
import type { CommentThreadDto } from '@roundtable/contracts';
import { liveRangeIn } from './comment-highlights';

/** One thread to place: where its passage starts (px from the top of the thread list; null: no passage) and how tall it is. */
export interface ThreadBox {
  id: string;
  anchorTop: number | null;
  height: number;
}

/** Space kept between two threads pushed against each other (px). */
export const THREAD_GAP = 8;

/**
 * Where each thread goes beside the text: at its passage's height, in the order of the passages, each pushed
 * down just below the one before when they would overlap; threads without a passage (detached) follow the
 * last one. Never above the top of the list. Returns the tops (px) and the height the list needs.
 */
export function stackThreads(
  boxes: readonly ThreadBox[],
  gap = THREAD_GAP,
): { tops: Map<string, number>; height: number } {
  const anchored = boxes
    .map((box, index) => ({ box, index }))
    .filter(({ box }) => box.anchorTop !== null)
    .sort((a, b) => a.box.anchorTop! - b.box.anchorTop! || a.index - b.index)
    .map(({ box }) => box);
  const detached = boxes.filter((box) => box.anchorTop === null);
  const tops = new Map<string, number>();
  let next = 0;
  for (const box of [...anchored, ...detached]) {
    const top = Math.max(next, box.anchorTop ?? next);
    tops.set(box.id, Math.round(top));
    next = top + box.height + gap;
  }
  return { tops, height: Math.max(0, Math.round(next - gap)) };
}

/** Whether the viewport is at least `query` wide, following changes. */
export function useMediaQuery(query: string): boolean {
  const read = () =>
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const [matches, setMatches] = useState(read);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    onChange();
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/**
 * Keeps the threads in `list` (one `[data-thread-id]` child per thread) beside their passages in `editor`:
 * recomputed after each edit (local or remote), on scroll and resize, and when a thread, the list or the panel
 * around it grows or shrinks.
 * Off (`enabled` false, phones), the list flows normally below the text.
 */
export function useThreadPositions(
  editor: Editor,
  threads: readonly CommentThreadDto[],
  list: RefObject<HTMLElement | null>,
  enabled: boolean,
): { tops: Map<string, number>; height: number } | null {
  const [layout, setLayout] = useState<{ tops: Map<string, number>; height: number } | null>(null);

  useLayoutEffect(() => {
    if (!enabled) {
      setLayout(null);
      return;
    }
    let frame = 0;
    const measure = () => {
      frame = 0;
      const element = list.current;
      if (!element || editor.isDestroyed) return;
      const origin = element.getBoundingClientRect().top;
      const boxes: ThreadBox[] = threads.map((thread) => {
        const item = element.querySelector<HTMLElement>(`[data-thread-id="${thread.id}"]`);
        const range = thread.detached ? null : liveRangeIn(editor.state, thread);
        let anchorTop: number | null = null;
        if (range) {
          try {
            anchorTop = editor.view.coordsAtPos(range.from, 1).top - origin;
          } catch {
            anchorTop = null; // not laid out (yet)
          }
        }
        return { id: thread.id, anchorTop, height: item?.offsetHeight ?? 0 };
      });
      const next = stackThreads(boxes);
      setLayout((previous) =>
        previous &&
        previous.height === next.height &&
        previous.tops.size === next.tops.size &&
        [...next.tops].every(([id, top]) => previous.tops.get(id) === top)
          ? previous
          : next,
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    editor.on('update', schedule);
    editor.on('transaction', schedule);
    window.addEventListener('resize', schedule);
    window.addEventListener('scroll', schedule, true);
    const resized = typeof ResizeObserver === 'function' ? new ResizeObserver(schedule) : null;
    resized?.observe(editor.view.dom);
    if (list.current) {
      resized?.observe(list.current);
      // What sits above the list in the panel (a new comment's form) moves it: the panel's size changes then.
      if (list.current.parentElement) resized?.observe(list.current.parentElement);
      list.current.querySelectorAll('[data-thread-id]').forEach((item) => resized?.observe(item));
    }
    return () => {
      if (frame) cancelAnimationFrame(frame);
      editor.off('update', schedule);
      editor.off('transaction', schedule);
      window.removeEventListener('resize', schedule);
      window.removeEventListener('scroll', schedule, true);
      resized?.disconnect();
    };
  }, [editor, threads, list, enabled]);

  return enabled ? layout : null;
}
