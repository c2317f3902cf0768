import { compareText } from '../framework/roles.js';
import { successorCycles } from './cycles.js';

/**
 * Teams are nested: each has at most one parent. A team is named in files and screens by its path,
 * the names from the top-level team down joined by "/", e.g. `Delivery/PMO`.
 */

export const TEAM_PATH_SEPARATOR = '/';
export const MAX_TEAM_NAME_LENGTH = 100;

/** The fields of a team these rules need; the API's and the web's team types fit it. */
export interface TeamLike {
  id: string;
  parentId: string | null;
  name: string;
}

/**
 * Splits a team path into its team names, each trimmed: `" Delivery / PMO "` → `["Delivery", "PMO"]`.
 * A problem (a sentence for a person) when the path is empty, has an empty part (`Delivery//PMO`,
 * `/Delivery`, `Delivery/`) or a name longer than {@link MAX_TEAM_NAME_LENGTH} characters.
 */
export function parseTeamPath(path: string): string[] | { problem: string } {
  if (path.trim() === '') return { problem: 'team path is empty' };
  const segments = path.split(TEAM_PATH_SEPARATOR).map((s) => s.trim());
  if (segments.some((s) => s === '')) return { problem: `team path "${path.trim()}" has an empty part` };
  const long = segments.find((s) => [...s].length > MAX_TEAM_NAME_LENGTH);
  if (long !== undefined) {
    return { problem: `team path "${path.trim()}" has a name longer than ${MAX_TEAM_NAME_LENGTH} characters` };
  }
  return segments;
}

/** The team path of a list of team names: `["Delivery", "PMO"]` → `Delivery/PMO`. */
export function formatTeamPath(segments: readonly string[]): string {
  return segments.join(TEAM_PATH_SEPARATOR);
}

/**
 * What is wrong with a team name (for creating or renaming a team), or null. A name may not contain
 * "/", since paths could then not be read back.
 */
export function teamNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'team name is empty';
  if (trimmed.includes(TEAM_PATH_SEPARATOR)) return `team name "${trimmed}" must not contain "${TEAM_PATH_SEPARATOR}"`;
  if ([...trimmed].length > MAX_TEAM_NAME_LENGTH) return `team name is longer than ${MAX_TEAM_NAME_LENGTH} characters`;
  return null;
}

/**
 * The path of one team, e.g. `Delivery/PMO`; null when the team is unknown or its ancestry is broken
 * (a parent that does not exist, or a loop of parents). To resolve many teams, use {@link teamPaths}.
 */
export function teamPathOf(teamId: string, teams: readonly TeamLike[]): string | null {
  const byId = new Map<string, TeamLike>();
  for (const team of teams) if (!byId.has(team.id)) byId.set(team.id, team);
  return pathIn(teamId, byId);
}

/** The path of every team whose ancestry is sound, by team id (see {@link teamPathOf}). */
export function teamPaths(teams: readonly TeamLike[]): Map<string, string> {
  const byId = new Map<string, TeamLike>();
  for (const team of teams) if (!byId.has(team.id)) byId.set(team.id, team);
  const paths = new Map<string, string>();
  for (const id of byId.keys()) {
    const path = pathIn(id, byId, paths);
    if (path !== null) paths.set(id, path);
  }
  return paths;
}

function pathIn(teamId: string, byId: ReadonlyMap<string, TeamLike>, known?: ReadonlyMap<string, string>): string | null {
  const names: string[] = [];
  const seen = new Set<string>();
  let id: string | null = teamId;
  let prefix: string | null = null;
  while (id !== null) {
    const cached = known?.get(id);
    if (cached !== undefined) {
      prefix = cached;
      break;
    }
    const team = byId.get(id);
    if (!team || seen.has(id)) return null;
    seen.add(id);
    names.push(team.name);
    id = team.parentId;
  }
  names.reverse();
  return formatTeamPath(prefix === null ? names : [prefix, ...names]);
}

export interface TeamTreeNode<T extends TeamLike = TeamLike> {
  team: T;
  /** e.g. `Delivery/PMO`. */
  path: string;
  /** 0 for a top-level team. */
  depth: number;
  /** Sorted by name (case-insensitively), then id. */
  children: TeamTreeNode<T>[];
}

export type TeamTreeProblemKind = 'missing-parent' | 'loop' | 'duplicate-name';

/** Something wrong with the stored teams, found while building the tree; the tree is still complete. */
export interface TeamTreeProblem {
  kind: TeamTreeProblemKind;
  /** The team the problem is about (for a loop: the team shown at the top level to break it). */
  teamId: string;
  message: string;
}

export interface TeamTree<T extends TeamLike = TeamLike> {
  /** The top-level teams, sorted by name, then id. */
  roots: TeamTreeNode<T>[];
  problems: TeamTreeProblem[];
}

/**
 * Nests the teams under their parents, every level sorted by name. Every team appears exactly once,
 * even in broken data, and the function always terminates:
 * - a team whose parent does not exist is shown at the top level (`missing-parent`);
 * - a loop of parents (A's parent is B, B's parent is A) is broken at the team with the first name,
 *   which is shown at the top level (`loop`);
 * - two teams with the same name (case-insensitively) under the same parent are reported
 *   (`duplicate-name`), since their paths cannot be told apart.
 * When an id appears twice, the first team with that id is used.
 */
export function buildTeamTree<T extends TeamLike>(teams: readonly T[]): TeamTree<T> {
  const byId = new Map<string, T>();
  for (const team of teams) if (!byId.has(team.id)) byId.set(team.id, team);
  const problems: TeamTreeProblem[] = [];

  const parentOf = new Map<string, string | null>();
  for (const team of byId.values()) {
    if (team.parentId !== null && !byId.has(team.parentId)) {
      problems.push({
        kind: 'missing-parent',
        teamId: team.id,
        message: `team "${team.name}" has a parent that does not exist; it is shown at the top level`,
      });
      parentOf.set(team.id, null);
    } else {
      parentOf.set(team.id, team.parentId);
    }
  }

  for (const cycle of successorCycles([...byId.keys()], parentOf)) {
    const members = cycle.map((id) => byId.get(id)!);
    const breakAt = [...members].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id))[0]!;
    const start = cycle.indexOf(breakAt.id);
    const ordered = [...cycle.slice(start), ...cycle.slice(0, start), breakAt.id].map((id) => byId.get(id)!.name);
    problems.push({
      kind: 'loop',
      teamId: breakAt.id,
      message: `teams form a loop of parents (each followed by its parent): ${ordered.join(' → ')}; "${breakAt.name}" is shown at the top level`,
    });
    parentOf.set(breakAt.id, null);
  }

  const childrenOf = new Map<string | null, T[]>();
  for (const team of byId.values()) {
    const parent = parentOf.get(team.id) ?? null;
    const list = childrenOf.get(parent);
    if (list) list.push(team);
    else childrenOf.set(parent, [team]);
  }

  /** The sorted child nodes of a parent (children not filled in yet), reporting duplicate names. */
  const nodesUnder = (parent: string | null, parentPath: string | null, depth: number): TeamTreeNode<T>[] => {
    const children = [...(childrenOf.get(parent) ?? [])].sort(
      (a, b) => compareText(a.name, b.name) || compareText(a.id, b.id),
    );
    const seenNames = new Set<string>();
    for (const team of children) {
      const key = team.name.trim().toLowerCase();
      if (!seenNames.has(key)) {
        seenNames.add(key);
        continue;
      }
      problems.push({
        kind: 'duplicate-name',
        teamId: team.id,
        message: `two teams ${parentPath === null ? 'at the top level' : `in "${parentPath}"`} are called "${team.name.trim()}"`,
      });
    }
    return children.map((team) => ({
      team,
      path: parentPath === null ? team.name : formatTeamPath([parentPath, team.name]),
      depth,
      children: [],
    }));
  };

  // Depth-first without recursion, so that a very deep hierarchy cannot overflow the stack.
  const roots = nodesUnder(null, null, 0);
  const stack = [...roots].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    node.children = nodesUnder(node.team.id, node.path, node.depth + 1);
    stack.push(...[...node.children].reverse());
  }
  return { roots, problems };
}
