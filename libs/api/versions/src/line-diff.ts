import type { LineDiffEntry } from '@roundtable/contracts';
import diffSequence from '@jest/diff-sequences';

/**
 * Work allowed per line of the two texts, in line comparisons: about what a shortest edit script of this
 * many differing lines costs. Beyond it the diff is reported as "all old lines deleted, all new inserted"
 * (a diff of two unrelated texts says nothing more, and it must not hold up the request).
 */
const MAX_EDIT_DISTANCE = 4000;

class TooDifferent extends Error {}

/**
 * Line diff from `before` to `after`: a longest common subsequence from `@jest/diff-sequences` (Myers'
 * O((N+M)·D) algorithm in linear space, common prefix and suffix first), with deletions before insertions
 * within a changed block.
 */
export function diffLines(before: string[], after: string[]): LineDiffEntry[] {
  const out: LineDiffEntry[] = [];
  let a = 0;
  let b = 0;
  const changedUpTo = (aEnd: number, bEnd: number) => {
    while (a < aEnd) out.push({ op: 'delete', text: before[a++] });
    while (b < bEnd) out.push({ op: 'insert', text: after[b++] });
  };
  let budget = (before.length + after.length) * MAX_EDIT_DISTANCE;
  try {
    diffSequence(
      before.length,
      after.length,
      (i, j) => {
        if (--budget < 0) throw new TooDifferent();
        return before[i] === after[j];
      },
      (common, aCommon, bCommon) => {
        changedUpTo(aCommon, bCommon);
        for (let k = 0; k < common; k++) out.push({ op: 'equal', text: before[a++] });
        b += common;
      },
    );
  } catch (error) {
    if (!(error instanceof TooDifferent)) throw error;
    return [...before.map((text) => entry('delete', text)), ...after.map((text) => entry('insert', text))];
  }
  changedUpTo(before.length, after.length);
  return out;
}

/** Splits two texts into lines and diffs them. */
export function diffText(before: string, after: string): LineDiffEntry[] {
  return diffLines(splitLines(before), splitLines(after));
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n');
}

function entry(op: LineDiffEntry['op'], text: string): LineDiffEntry {
  return { op, text };
}
