import { suppressAcrossHierarchies } from './suppression-cube.js';
import { Cube, EPSILON, InconsistentCountsError, buildDim, prepareVirtualNodes, type Dim } from './suppression-model.js';

/**
 * Aggregates, not gossip: which figures of a report must not be shown because they, or something
 * that can be worked out from the figures that are shown, describe fewer than k people.
 *
 * The model. A report is a cube of cells: each cell has one coordinate per dimension (a team, a
 * track/role filter, a skill...) and the number of people its figure is over. A dimension may be a
 * hierarchy (teams nest; "all roles" ⊃ a track ⊃ a role) along which counts add up: a cell's count is
 * the sum of its children's plus the people it has directly (a team's own members, people with no
 * role...). A flat dimension (no parents: skills, months) relates nothing to anything, so each of its
 * values is a separate problem. The attacker is assumed to know every count (who is in which team
 * and role is in the directory) and every shown figure, and to add and subtract figures at will.
 *
 * One hierarchy (the residual rule, exact). Look at one shown cell X: its residual is X's people
 * minus the people of its maximal shown descendants (shown cells below X with no shown cell between
 * them and X); "X minus everything shown below it" reveals exactly that group. Shown cells must have
 * 0 people or at least k, and so must every shown cell's residual; a cell with 1..k-1 people is
 * suppressed ("small") and, when a residual has 1..k-1 people, the smallest shown cells on X's
 * frontier are suppressed too ("complementary") until it has none or at least k. The shown cells of
 * one hierarchy form a laminar family (any two are nested or disjoint), and then every group whose
 * figure can be worked out from them, by any sums and differences over any number of levels, is a
 * union of residuals: 0 or at least k people. So parent-minus-children at any depth reveals nothing
 * small, and neither does "team total minus team ∩ role" when the filters are the hierarchy.
 *
 * Two or more hierarchies (team × track/role; suppression-cube.ts). Their cells are not laminar (a
 * team's filtered figure overlaps its sub-team's unfiltered one), and the residual rule alone lets an
 * attacker chain subtractions across both (work out a hidden sub-team ∩ role from the sub-team's total
 * and its other roles, then subtract it along the teams). So:
 * 1. the cube is completed with the groups an attacker can form, each with its count: every node's own
 *    part, and along dimensions with `complements` every "node without one descendant" (everyone but
 *    one role, a track without one role);
 * 2. every "parent = sum of parts" relation becomes an equation, and a hidden cell counts as known when
 *    it is the only unknown term of one whose other terms are known (repeatedly, across dimensions,
 *    kept current as cells are hidden);
 * 3. the rules above apply to what is known, not just to what is shown: a known group of 1..k-1 people,
 *    or a known cell whose residual has 1..k-1 people, costs the least important shown figure it rests
 *    on (the most detailed along the last dimension first: a role before a track before everyone, so
 *    team totals are kept where a role's figures can go instead);
 * 4. an exact check per block (a team, its sub-teams and own people, by role; suppression-audit.ts)
 *    finds any group of 1..k-1 people that several equations solved together would give, and hides a
 *    figure until there is none.
 * An attack spanning several blocks at once is not excluded by construction: suppression.test.ts runs
 * an exhaustive attacker (every group of fewer than k people against the span of the shown figures)
 * over random organisations and finds none (nor did 24,000 more in development); docs/ARCHITECTURE.md
 * states the residual risk.
 *
 * Not covered: differences between two snapshots (months) of the same cell describe who changed, not
 * who is in a group, and are not protected; a figure of 0% or 100% says the same thing about everyone
 * in its group (k protects against singling out, not against a whole group sharing a value).
 */

/** The organisation's default k, and the smallest k it may set. */
export const DEFAULT_K = 5;
export const MIN_K = 3;

/** The k to use for an organisation's setting: the default when unset, never below {@link MIN_K}. */
export function effectiveK(setting?: number | null): number {
  if (setting === null || setting === undefined || !Number.isFinite(setting)) return DEFAULT_K;
  return Math.max(MIN_K, Math.floor(setting));
}

/** A dimension's hierarchy: each node's parent (null or absent: a top node). No parents: a flat dimension. */
export interface SuppressionDimension {
  name?: string;
  parents?: ReadonlyMap<string, string | null> | Readonly<Record<string, string | null>>;
  /**
   * With two or more hierarchies, also track "a node without one of its children" along this one
   * (default true). Either hierarchy's complements close the attacks found so far; leaving them out
   * of a wide hierarchy (teams with many sub-teams) makes the cube much smaller.
   */
  complements?: boolean;
}

/** One figure of the report: its coordinates (one per dimension) and how many people it is over. */
export interface CountedCell {
  coords: readonly string[];
  count: number;
  /**
   * false for a group that exists (its people count in its parents) but is never shown, such as a
   * team ∩ assessor cell when only team and assessor totals are published. Default true.
   */
  publish?: boolean;
}

/** small: 1..k-1 people; complementary: hidden so that a small group cannot be worked out; unpublished: never shown. */
export type SuppressionReason = 'small' | 'complementary' | 'unpublished';

export interface SuppressionResult {
  /** Aligned with the input cells: null when the cell may be shown, otherwise why it may not. */
  reasons: (SuppressionReason | null)[];
  /** true when the cell must not be shown. */
  suppressed: boolean[];
  primaryCount: number;
  complementaryCount: number;
}

export { InconsistentCountsError };

/**
 * Which cells of a cube must be suppressed so that no figure over fewer than `k` people can be read
 * or worked out from the cells that are shown (see the module documentation for what is guaranteed).
 *
 * `cells` must be the whole cube the audience can see across every view and filter (every
 * combination with people; an absent combination has none): suppression decided per view would let
 * two views be subtracted. Along each hierarchy a cell's count must be at least the sum of its
 * children's, and a cell with people needs its parent cell ({@link InconsistentCountsError}).
 * `k` is the organisation's setting (see {@link effectiveK}). Deterministic: the same input gives the
 * same answer. List the dimensions from the one whose figures matter most to keep (teams) to the one
 * whose figures go first (filters): across hierarchies, a complement is taken from the most detailed
 * cells of the last one first, then the smaller figure.
 */
export function suppressSmallCells(
  dimensions: readonly SuppressionDimension[],
  cells: readonly CountedCell[],
  k: number,
): SuppressionResult {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive whole number, not ${k}`);
  const used = dimensions.map(() => new Set<string>());
  cells.forEach((cell, i) => {
    if (cell.coords.length !== dimensions.length) {
      throw new RangeError(`cell ${i} has ${cell.coords.length} coordinates for ${dimensions.length} dimensions`);
    }
    if (!Number.isFinite(cell.count) || cell.count < 0) throw new RangeError(`cell ${i} has count ${cell.count}`);
    cell.coords.forEach((c, d) => (used[d] as Set<string>).add(c));
  });
  const dims = dimensions.map((spec, d) => buildDim(spec, d, used[d] as Set<string>));
  const hierarchical = dims.flatMap((dim, d) => (dim.hierarchical ? [d] : []));

  // Flat dimensions relate nothing: each combination of their coordinates is a separate problem.
  const flat = dims.flatMap((dim, d) => (dim.hierarchical ? [] : [d]));
  const problems = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    const key = flat.map((d) => cell.coords[d]).join('\u0000');
    const members = problems.get(key);
    if (members) members.push(i);
    else problems.set(key, [i]);
  });

  const reasons: (SuppressionReason | null)[] = cells.map((cell) =>
    cell.publish === false ? 'unpublished' : cell.count > 0 && cell.count < k ? 'small' : null,
  );
  if (hierarchical.length >= 2) prepareVirtualNodes(dims, hierarchical);
  for (const members of problems.values()) {
    if (hierarchical.length === 0) continue;
    const cube = new Cube(dims, hierarchical, cells, members);
    if (hierarchical.length === 1) suppressAlongOneHierarchy(cube, k, reasons);
    else suppressAcrossHierarchies(cube, k, reasons);
  }

  let primaryCount = 0;
  let complementaryCount = 0;
  for (const r of reasons) {
    if (r === 'small') primaryCount++;
    else if (r === 'complementary') complementaryCount++;
  }
  return { reasons, suppressed: reasons.map((r) => r !== null), primaryCount, complementaryCount };
}

/**
 * One hierarchy: the residual rule, deepest cells first; exact (see the module documentation).
 */
function suppressAlongOneHierarchy(cube: Cube, k: number, reasons: (SuppressionReason | null)[]): void {
  cube.checkParents();
  const dim = cube.dims[cube.hierarchical[0] as number] as Dim;
  const n = cube.coords.length;
  const counts = cube.counts;
  const hidden = new Uint8Array(n);
  const children: number[][] = Array.from({ length: n }, () => []);
  const roots: number[] = [];
  for (let j = 0; j < n; j++) {
    const r = reasons[cube.input[j] as number];
    if (r !== null && r !== undefined) hidden[j] = 1;
    cube.ownCount(j, 0);
    // The nearest ancestor that is a cell (a cell without people may lack its parent).
    let node = dim.parent[(cube.coords[j] as number[])[0] as number] as number;
    let up: number | undefined;
    while (node >= 0 && (up = cube.moved(j, 0, node)) === undefined) node = dim.parent[node] as number;
    if (up === undefined) roots.push(j);
    else (children[up] as number[]).push(j);
  }
  const postOrder: number[] = [];
  const stack: [number, number][] = roots.map((r) => [r, 0]);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as [number, number];
    const kids = children[top[0]] as number[];
    if (top[1] < kids.length) stack.push([kids[top[1]++] as number, 0]);
    else {
      stack.pop();
      postOrder.push(top[0]);
    }
  }
  const cover = (j: number): number => {
    let sum = 0;
    for (const c of children[j] as number[]) sum += hidden[c] ? cover(c) : (counts[c] as number);
    return sum;
  };
  const frontier = (j: number, out: number[] = []): number[] => {
    for (const c of children[j] as number[]) {
      if (hidden[c]) frontier(c, out);
      else if ((counts[c] as number) > 0) out.push(c);
    }
    return out;
  };
  for (const j of postOrder) {
    if (hidden[j]) continue;
    let residual = (counts[j] as number) - cover(j);
    while (residual > EPSILON && residual < k) {
      // The smallest shown figure whose hiding adds people to the residual (then any, then by order).
      let best = -1;
      let bestGain = false;
      for (const c of frontier(j)) {
        const gain = (counts[c] as number) - cover(c) > EPSILON;
        if (best < 0 || (gain && !bestGain) || (gain === bestGain && (counts[c] as number) < (counts[best] as number))) {
          best = c;
          bestGain = gain;
        }
      }
      if (best < 0) break; // cannot happen when counts add up: the residual would be the cell's count
      hidden[best] = 1;
      reasons[cube.input[best] as number] = 'complementary';
      residual = (counts[j] as number) - cover(j);
    }
  }
  // A hidden figure that can be worked out anyway (the only unknown of "parent = children", when the
  // parent has nobody of its own) is shown: showing it reveals nothing more.
  const parentOf = new Int32Array(n).fill(-1);
  children.forEach((kids, p) => kids.forEach((c) => (parentOf[c] = p)));
  const ownOf = (j: number) => (counts[j] as number) - (children[j] as number[]).reduce((sum, c) => sum + (counts[c] as number), 0);
  const known = (j: number) => !hidden[j] || (counts[j] as number) === 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (let j = 0; j < n; j++) {
      if (!hidden[j] || reasons[cube.input[j] as number] !== 'complementary') continue;
      const p = parentOf[j] as number;
      const fromChildren = ownOf(j) <= EPSILON && (children[j] as number[]).every(known);
      const fromParent = p >= 0 && !hidden[p] && ownOf(p) <= EPSILON && (children[p] as number[]).every((c) => c === j || known(c));
      if (fromChildren || fromParent) {
        hidden[j] = 0;
        reasons[cube.input[j] as number] = null;
        changed = true;
      }
    }
  }
}

