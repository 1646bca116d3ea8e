import type { LineDiffEntry } from '@roundtable/contracts';

/** Beyond this many differing lines a diff is reported as "all old lines deleted, all new inserted". */
const MAX_EDIT_DISTANCE = 4000;

/**
 * Line diff (Myers' O((N+M)·D) shortest edit script) from `before` to `after`. The common prefix and
 * suffix are matched first; deletions come before insertions within a changed block.
 */
export function diffLines(before: string[], after: string[]): LineDiffEntry[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before[endA - 1] === after[endB - 1]) {
    endA--;
    endB--;
  }
  const equal = (text: string): LineDiffEntry => ({ op: 'equal', text });
  return [
    ...before.slice(0, start).map(equal),
    ...myers(before.slice(start, endA), after.slice(start, endB)),
    ...before.slice(endA).map(equal),
  ];
}

/** Splits two texts into lines and diffs them. */
export function diffText(before: string, after: string): LineDiffEntry[] {
  return diffLines(splitLines(before), splitLines(after));
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  return text.replace(/\n$/, '').split('\n');
}

function myers(a: string[], b: string[]): LineDiffEntry[] {
  const n = a.length;
  const m = b.length;
  const deleteAll = (): LineDiffEntry[] => a.map((text) => ({ op: 'delete', text }));
  const insertAll = (): LineDiffEntry[] => b.map((text) => ({ op: 'insert', text }));
  if (n === 0 || m === 0) return [...deleteAll(), ...insertAll()];
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v for diagonals -d..d as it was before round d (index k + d).
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return [...deleteAll(), ...insertAll()];
}

function backtrack(trace: Int32Array[], a: string[], b: string[], depth: number): LineDiffEntry[] {
  const out: LineDiffEntry[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = depth; d > 0; d--) {
    const v = trace[d];
    const at = (k: number) => v[k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ op: 'equal', text: a[--x] });
      y--;
    }
    if (x === prevX) out.push({ op: 'insert', text: b[--y] });
    else out.push({ op: 'delete', text: a[--x] });
  }
  while (x > 0 && y > 0) {
    out.push({ op: 'equal', text: a[--x] });
    y--;
  }
  out.reverse();
  // Group each changed block as deletions then insertions, which reads better than interleaving.
  const grouped: LineDiffEntry[] = [];
  let dels: LineDiffEntry[] = [];
  let ins: LineDiffEntry[] = [];
  const flush = () => {
    grouped.push(...dels, ...ins);
    dels = [];
    ins = [];
  };
  for (const entry of out) {
    if (entry.op === 'equal') {
      flush();
      grouped.push(entry);
    } else (entry.op === 'delete' ? dels : ins).push(entry);
  }
  flush();
  return grouped;
}
