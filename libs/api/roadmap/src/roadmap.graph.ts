/**
 * The dependency graph of a roadmap's actions (edges: action → an action it depends on). Pure: the commands
 * ask it, under the roadmap's lock, whether new edges would close a cycle.
 */
export type Edges = ReadonlyMap<string, readonly string[]>;

/**
 * The cycle that giving `actionId` the dependencies `dependsOn` would make, in order, starting and ending
 * with `actionId` (a self-dependency is `[id, id]`); null when the graph stays acyclic. `edges` holds the
 * other actions' dependencies (those of `actionId` are replaced by `dependsOn`).
 */
export function cycleThrough(edges: Edges, actionId: string, dependsOn: readonly string[]): string[] | null {
  if (dependsOn.includes(actionId)) return [actionId, actionId];
  const graph = new Map(edges);
  graph.set(actionId, dependsOn);
  // Breadth-first from the new dependencies back to actionId: the shortest cycle, the easiest to read.
  const previous = new Map<string, string>();
  const queue: string[] = [];
  for (const target of dependsOn) {
    if (!previous.has(target)) {
      previous.set(target, actionId);
      queue.push(target);
    }
  }
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (current === actionId) {
      const path = [actionId];
      let step = previous.get(actionId) as string;
      while (step !== actionId) {
        path.unshift(step);
        step = previous.get(step) as string;
      }
      return [actionId, ...path];
    }
    for (const next of graph.get(current) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}
