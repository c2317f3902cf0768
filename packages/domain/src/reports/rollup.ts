import {
  ALL_PEOPLE,
  filterHierarchy,
  filterNodesOf,
  teamNode,
  type ReportCatalogue,
  type TeamHierarchy,
} from './organisation.js';
import { suppressSmallCells, type SuppressionReason } from './suppression.js';

/**
 * Rolling additive rows up the team tree (a team's figure includes its sub-teams') and the
 * track/role filters, then deciding which figures to suppress. Every report is built on this: its
 * rows are per (team, role, key) with a fixed list of additive values (counts and sums), so the
 * database can keep them pre-aggregated and the same code reads them.
 */

/** One pre-aggregated row: people directly in a team with a role, for one key (a skill, a course...). */
export interface AdditiveRow {
  teamId: string | null;
  roleId: string | null;
  key: string;
  values: ArrayLike<number>;
}

/** A rolled-up cell: a team (with its sub-teams) × a filter node × a key. */
export interface RolledCell {
  team: string;
  filter: string;
  key: string;
  values: Float64Array;
}

const SEP = '\u0000';

export function cellKey(team: string, filter: string, key: string): string {
  return `${team}${SEP}${filter}${SEP}${key}`;
}

export interface RollupOptions {
  /** Roll up by track and role as well as for everyone (default true). */
  filters?: boolean;
}

/**
 * Sums rows into every team node above their team (the organisation included) and every filter node
 * their role counts in. A row whose team is unknown counts at the organisation; a row whose role is
 * unknown counts under "everyone" only.
 */
export function rollUp(
  rows: Iterable<AdditiveRow>,
  width: number,
  hierarchy: TeamHierarchy,
  catalogue: ReportCatalogue,
  options: RollupOptions = {},
): Map<string, RolledCell> {
  const withFilters = options.filters ?? true;
  const filterCache = new Map<string | null, string[]>();
  const filtersOf = (roleId: string | null) => {
    let nodes = filterCache.get(roleId);
    if (!nodes) {
      nodes = withFilters ? filterNodesOf(catalogue, roleId) : [ALL_PEOPLE];
      filterCache.set(roleId, nodes);
    }
    return nodes;
  };
  // First per team (directly), then each team's cells added into its parent, deepest teams first.
  const byTeam = new Map<string, Map<string, RolledCell>>();
  const cellsOf = (team: string) => {
    let cells = byTeam.get(team);
    if (!cells) {
      cells = new Map();
      byTeam.set(team, cells);
    }
    return cells;
  };
  const addInto = (cells: Map<string, RolledCell>, team: string, filter: string, key: string, values: ArrayLike<number>) => {
    const id = `${filter}${SEP}${key}`;
    let cell = cells.get(id);
    if (!cell) {
      cell = { team, filter, key, values: new Float64Array(width) };
      cells.set(id, cell);
    }
    for (let i = 0; i < width; i++) cell.values[i] = (cell.values[i] as number) + ((values[i] as number) ?? 0);
  };
  for (const row of rows) {
    const team = teamNode(hierarchy, row.teamId);
    const cells = cellsOf(team);
    for (const filter of filtersOf(row.roleId)) addInto(cells, team, filter, row.key, row.values);
  }
  const result = new Map<string, RolledCell>();
  for (let i = hierarchy.order.length - 1; i >= 0; i--) {
    const team = hierarchy.order[i] as string;
    const cells = byTeam.get(team);
    if (!cells) continue;
    const parent = hierarchy.parent.get(team) ?? null;
    const parentCells = parent === null ? null : cellsOf(parent);
    for (const cell of cells.values()) {
      result.set(cellKey(team, cell.filter, cell.key), cell);
      if (parentCells && parent !== null) addInto(parentCells, parent, cell.filter, cell.key, cell.values);
    }
  }
  return result;
}

/**
 * Which rolled-up cells' figures over the people counted by `values[measure]` must be suppressed
 * (see {@link suppressSmallCells}), over the whole cube: every team, every filter node, each key
 * separately. Returns the reason per cell key (absent: shown).
 */
export function suppressMeasure(
  cells: ReadonlyMap<string, RolledCell>,
  measure: number,
  hierarchy: TeamHierarchy,
  catalogue: ReportCatalogue,
  k: number,
): Map<string, SuppressionReason> {
  const list = [...cells.entries()];
  const result = suppressSmallCells(
    [
      // "A track without one role" is tracked; "a team without one sub-team" need not be (either
      // closes the cross attacks: see suppression.ts), and teams have many more children.
      { name: 'teams', parents: hierarchy.parent, complements: false },
      { name: 'filters', parents: filterHierarchy(catalogue) },
      { name: 'keys' },
    ],
    list.map(([, cell]) => ({ coords: [cell.team, cell.filter, cell.key], count: cell.values[measure] as number })),
    k,
  );
  const reasons = new Map<string, SuppressionReason>();
  list.forEach(([key], i) => {
    const reason = result.reasons[i];
    if (reason) reasons.set(key, reason);
  });
  return reasons;
}

/** A figure as reports hand it out: its value, the people it is over, or why it is suppressed. */
export interface Figure {
  /** null when suppressed, or when there is nobody to measure (a share of 0 people). */
  value: number | null;
  /** How many people the figure is over; null when suppressed. */
  people: number | null;
  suppressed: SuppressionReason | null;
}

export function figure(value: number | null, people: number, suppressed: SuppressionReason | null | undefined): Figure {
  if (suppressed) return { value: null, people: null, suppressed };
  return { value: people > 0 ? value : null, people, suppressed: null };
}

/** value / people, or null when there is nobody. */
export function ratio(sum: number, people: number): number | null {
  return people > 0 ? sum / people : null;
}

