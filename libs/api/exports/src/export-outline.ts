import type { JSONContent } from '@tiptap/core';
import { plainText, sectionLevelOf } from '@roundtable/editor-schema';

export { plainText };

/** A document's outline for the renderers: the shared rule (`@roundtable/editor-schema` outline.ts), as the editor numbers it. */
export interface Outline {
  /** The opening heading's node, rendered as the Title, or null. */
  titleNode: JSONContent | null;
  /** The nodes after the title. */
  body: JSONContent[];
  /** The section level (1–3) of a heading of editor level `level`. */
  sectionLevel(level: number): number;
  /** The editor level rendered as section level 1. */
  topLevel: number;
}

export function outlineOf(doc: JSONContent): Outline {
  const nodes = doc.content ?? [];
  const first = nodes[0];
  const titleNode = first?.type === 'heading' && Number(first.attrs?.level ?? 1) === 1 ? first : null;
  const body = titleNode ? nodes.slice(1) : nodes;
  const levels = body.filter((n) => n.type === 'heading').map((n) => Number(n.attrs?.level ?? 1));
  const topLevel = levels.length > 0 ? Math.min(...levels) : 1;
  return {
    titleNode,
    body,
    topLevel,
    sectionLevel: (level) => sectionLevelOf(level, topLevel),
  };
}

/** Han ideographs, CJK punctuation, kana, Hangul and full-width forms: text set with the East Asian font. */
export const EAST_ASIAN =
  /[\u2E80-\u2FFF\u3000-\u30FF\u3100-\u31FF\u3200-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\uD840-\uD87F][\uDC00-\uDFFF]/;

/** Splits text into runs that are all East Asian or all not, in order. */
export function scriptRuns(text: string): Array<{ text: string; eastAsian: boolean }> {
  const runs: Array<{ text: string; eastAsian: boolean }> = [];
  for (const char of text) {
    const eastAsian = EAST_ASIAN.test(char);
    const last = runs[runs.length - 1];
    if (last && last.eastAsian === eastAsian) last.text += char;
    else runs.push({ text: char, eastAsian });
  }
  return runs;
}
