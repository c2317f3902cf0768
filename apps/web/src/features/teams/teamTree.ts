/** A team of the tree, with its sub-teams, sorted by name at every level. */
export interface TeamNode<T> {
  team: T;
  depth: number;
  children: TeamNode<T>[];
}

interface TreeTeam {
  id: string;
  name: string;
  parentId: string | null;
}

/**
 * Nests teams under their parents (the API lists every team, each with its parent). A team whose parent is not in
 * the list, or that sits in a loop of parents, is shown at the top level, so every team appears exactly once.
 */
export function buildTeamTree<T extends TreeTeam>(teams: readonly T[]): TeamNode<T>[] {
  const byId = new Map<string, T>();
  for (const team of teams) if (!byId.has(team.id)) byId.set(team.id, team);

  const childrenOf = new Map<string | null, T[]>();
  for (const team of byId.values()) {
    const parent = team.parentId !== null && byId.has(team.parentId) ? team.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), team]);
  }
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);

  const placed = new Set<string>();
  const nodesUnder = (parent: string | null, depth: number): TeamNode<T>[] =>
    [...(childrenOf.get(parent) ?? [])]
      .sort(byName)
      .filter((team) => !placed.has(team.id))
      .map((team) => {
        placed.add(team.id);
        return { team, depth, children: nodesUnder(team.id, depth + 1) };
      });

  const roots = nodesUnder(null, 0);
  // Teams in a loop of parents are never reached from the top: show each loop at the top level.
  for (const team of [...byId.values()].sort(byName)) {
    if (placed.has(team.id)) continue;
    placed.add(team.id);
    roots.push({ team, depth: 0, children: nodesUnder(team.id, 1) });
  }
  return roots;
}

/** Every team id in the tree, parents before children. */
export function teamIds<T extends { id: string }>(nodes: readonly TeamNode<T>[]): string[] {
  return nodes.flatMap((node) => [node.team.id, ...teamIds(node.children)]);
}
