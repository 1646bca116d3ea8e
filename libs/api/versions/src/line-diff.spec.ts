import type { LineDiffEntry } from '@roundtable/contracts';
import { diffLines, diffText } from './line-diff';

/** Applying the diff to `before` must give `after`, and its equal lines must be a longest common subsequence. */
function check(before: string[], after: string[], diff: LineDiffEntry[]): void {
  expect(diff.filter((e) => e.op !== 'insert').map((e) => e.text)).toEqual(before);
  expect(diff.filter((e) => e.op !== 'delete').map((e) => e.text)).toEqual(after);
  expect(diff.filter((e) => e.op === 'equal').length).toBe(lcsLength(before, after));
}

function lcsLength(a: string[], b: string[]): number {
  const row = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

describe('diffLines', () => {
  it('reports identical texts as equal lines', () => {
    expect(diffLines(['a', 'b'], ['a', 'b'])).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'equal', text: 'b' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffLines([], [])).toEqual([]);
    expect(diffLines([], ['x'])).toEqual([{ op: 'insert', text: 'x' }]);
    expect(diffLines(['x'], [])).toEqual([{ op: 'delete', text: 'x' }]);
  });

  it('finds inserted, deleted and changed lines', () => {
    expect(diffLines(['# Title', '', 'one', 'two'], ['# Title', '', 'one', 'one and a half', 'two'])).toEqual([
      { op: 'equal', text: '# Title' },
      { op: 'equal', text: '' },
      { op: 'equal', text: 'one' },
      { op: 'insert', text: 'one and a half' },
      { op: 'equal', text: 'two' },
    ]);
    expect(diffLines(['a', 'b', 'c'], ['a', 'B', 'c'])).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: 'b' },
      { op: 'insert', text: 'B' },
      { op: 'equal', text: 'c' },
    ]);
  });

  it('gives a minimal script on the classic example', () => {
    const before = 'ABCABBA'.split('');
    const after = 'CBABAC'.split('');
    const diff = diffLines(before, after);
    check(before, after, diff);
    expect(diff.filter((e) => e.op !== 'equal')).toHaveLength(5);
  });

  it('is correct on random inputs', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 200; round++) {
      const line = () => 'abcde'[Math.floor(random() * 5)];
      const before = Array.from({ length: Math.floor(random() * 30) }, line);
      const after = Array.from({ length: Math.floor(random() * 30) }, line);
      check(before, after, diffLines(before, after));
    }
  });

  it('reports two unrelated long texts as all deleted, then all inserted', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`);
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`);
    const started = performance.now();
    const diff = diffLines(before, after);
    expect(diff).toEqual([
      ...before.map((text) => ({ op: 'delete', text })),
      ...after.map((text) => ({ op: 'insert', text })),
    ]);
    // Bounded work: this used to be capped at 4,000 differing lines, and still is (in comparisons).
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('still finds the few changes of a long text', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    const after = before.map((line, i) => (i % 300 === 0 ? `${line} (edited)` : line));
    const diff = diffLines(before, after);
    check(before, after, diff);
    expect(diff.filter((e) => e.op === 'delete')).toHaveLength(10);
  });

  it('splits texts into lines, ignoring one trailing newline', () => {
    expect(diffText('a\nb\n', 'a\nc\n')).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: 'b' },
      { op: 'insert', text: 'c' },
    ]);
    expect(diffText('', 'a')).toEqual([{ op: 'insert', text: 'a' }]);
  });
});
