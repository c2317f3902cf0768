/** Internal graph helpers for the people rules (not exported from the package). */

/** The cycles of a graph in which every node has at most one successor, each listed once in walk order. */
export function successorCycles(nodes: readonly string[], next: ReadonlyMap<string, string | null | undefined>): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of nodes) {
    if (done.has(start)) continue;
    const position = new Map<string, number>();
    const walk: string[] = [];
    let current: string | null = start;
    while (current !== null && !done.has(current) && !position.has(current)) {
      position.set(current, walk.length);
      walk.push(current);
      current = next.get(current) ?? null;
    }
    if (current !== null && position.has(current)) cycles.push(walk.slice(position.get(current)));
    for (const node of walk) done.add(node);
  }
  return cycles;
}
