import { cycleThrough } from './roadmap.graph';

describe('cycleThrough', () => {
  const edges = new Map<string, string[]>([
    ['b', ['c']],
    ['c', ['d']],
    ['d', []],
  ]);

  it('names a self-dependency', () => {
    expect(cycleThrough(edges, 'a', ['a'])).toEqual(['a', 'a']);
  });

  it('names a direct cycle in order', () => {
    expect(cycleThrough(new Map([['b', ['a']]]), 'a', ['b'])).toEqual(['a', 'b', 'a']);
  });

  it('names an indirect cycle in order, starting and ending with the action changed', () => {
    expect(cycleThrough(edges, 'd', ['b'])).toEqual(['d', 'b', 'c', 'd']);
  });

  it('accepts a dependency that keeps the graph acyclic (a diamond included)', () => {
    expect(cycleThrough(edges, 'a', ['b', 'c', 'd'])).toBeNull();
    expect(cycleThrough(new Map([...edges, ['a', ['b', 'c']]]), 'e', ['a', 'd'])).toBeNull();
  });

  it('replaces the changed action’s old dependencies', () => {
    // d used to depend on nothing; giving it [c] while c depends on d is a cycle, whatever d had before.
    expect(cycleThrough(new Map([...edges, ['d', ['x']]]), 'd', ['c'])).toEqual(['d', 'c', 'd']);
  });
});
