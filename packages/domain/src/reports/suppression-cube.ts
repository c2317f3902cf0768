import { blockAuditor } from './suppression-audit.js';
import { Cube, EPSILON, InconsistentCountsError, type Dim } from './suppression-model.js';
import type { SuppressionReason } from './suppression.js';

/**
 * Two or more hierarchies: the completed cube, its equations, what is known, and the residual rule
 * applied to what is known (see the module documentation).
 */
export function suppressAcrossHierarchies(cube: Cube, k: number, reasons: (SuppressionReason | null)[]): void {
  cube.checkParents();
  const H = cube.hierarchical.length;
  const dimOf = (h: number) => cube.dims[cube.hierarchical[h] as number] as Dim;
  const counts = cube.counts;

  // Complete the cube: "node without one child" groups, then own parts (so own-of-complement and
  // own-of-own parts exist too), each with the count the attacker can work out.
  for (let h = 0; h < H; h++) {
    const dim = dimOf(h);
    const existing = cube.coords.length;
    for (let j = 0; j < existing; j++) {
      const node = (cube.coords[j] as number[])[h] as number;
      for (const [kid, without] of dim.without.get(node) ?? []) {
        const rest = (counts[j] as number) - cube.countMoved(j, h, kid);
        if (rest < -EPSILON) {
          throw new InconsistentCountsError(`cell (${cube.describe(cube.coords[j] as number[])}) has fewer people than its part ${dim.names[kid]}`);
        }
        if (rest > EPSILON) {
          const c = [...(cube.coords[j] as number[])];
          c[h] = without;
          cube.add(c, rest, -1);
        }
      }
    }
  }
  for (let h = 0; h < H; h++) {
    const dim = dimOf(h);
    const existing = cube.coords.length;
    for (let j = 0; j < existing; j++) {
      const node = (cube.coords[j] as number[])[h] as number;
      const own = dim.own.get(node);
      if (own === undefined) continue;
      const rest = cube.ownCount(j, h);
      if (rest > EPSILON) {
        const c = [...(cube.coords[j] as number[])];
        c[h] = own;
        cube.add(c, rest, -1);
      }
    }
  }

  // Equations "parent = sum of parts" (parts with people only), in compressed rows.
  const n = cube.coords.length;
  const eqDim: number[] = [];
  const eqParent: number[] = [];
  const eqStart: number[] = [0];
  const eqParts: number[] = [];
  /** Per hierarchy, per cell: the equation splitting it into its children and own part (-1: none). */
  const split: Int32Array[] = Array.from({ length: H }, () => new Int32Array(n).fill(-1));
  const pushPart = (j: number, h: number, node: number) => {
    const part = cube.moved(j, h, node);
    if (part !== undefined && (counts[part] as number) > EPSILON) eqParts.push(part);
  };
  const closeEquation = (h: number, parent: number) => {
    eqDim.push(h);
    eqParent.push(parent);
    eqStart.push(eqParts.length);
  };
  for (let h = 0; h < H; h++) {
    const dim = dimOf(h);
    for (let j = 0; j < n; j++) {
      const node = (cube.coords[j] as number[])[h] as number;
      const own = dim.own.get(node);
      if (own === undefined) continue;
      const kids = dim.children[node] as number[];
      for (const kid of kids) pushPart(j, h, kid);
      pushPart(j, h, own);
      (split[h] as Int32Array)[j] = eqDim.length;
      closeEquation(h, j);
      for (const [descendant, without, via] of dim.without.get(node) ?? []) {
        pushPart(j, h, descendant);
        pushPart(j, h, without);
        closeEquation(h, j);
        const w = cube.moved(j, h, without);
        if (w === undefined) continue;
        // The same group as its own sum (the other children, the own part, and the child on the way
        // without the descendant), so that knowing it and all but one of its parts is seen.
        for (const other of kids) if (other !== via) pushPart(j, h, other);
        pushPart(j, h, own);
        if (via !== descendant) {
          const inner = dim.without.get(via)?.find(([d]) => d === descendant);
          if (inner) pushPart(j, h, inner[1]);
        }
        closeEquation(h, w);
      }
    }
  }
  const E = eqDim.length;
  // Per cell, the equations it takes part in.
  const cellStart = new Int32Array(n + 1);
  for (let e = 0; e < E; e++) {
    (cellStart[(eqParent[e] as number) + 1] as number)++;
    for (let p = eqStart[e] as number; p < (eqStart[e + 1] as number); p++) (cellStart[(eqParts[p] as number) + 1] as number)++;
  }
  for (let j = 0; j < n; j++) cellStart[j + 1] = (cellStart[j + 1] as number) + (cellStart[j] as number);
  const cellEqs = new Int32Array(cellStart[n] as number);
  const fill = cellStart.slice(0, n);
  for (let e = 0; e < E; e++) {
    cellEqs[(fill[eqParent[e] as number] as number)++] = e;
    for (let p = eqStart[e] as number; p < (eqStart[e + 1] as number); p++) cellEqs[(fill[eqParts[p] as number] as number)++] = e;
  }
  // Deepest parents first along each hierarchy, so a cell is settled after everything below it.
  const depthOf = (e: number) => dimOf(eqDim[e] as number).depth[(cube.coords[eqParent[e] as number] as number[])[eqDim[e] as number] as number] as number;
  const byDepth: number[][] = [];
  for (let e = 0; e < E; e++) {
    const depth = depthOf(e);
    while (byDepth.length <= depth) byDepth.push([]);
    (byDepth[depth] as number[]).push(e);
  }
  const order = byDepth.reverse().flat();

  const visible = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const input = cube.input[j] as number;
    if (input >= 0 && reasons[input] === null) visible[j] = 1;
  }
  const known = new Uint8Array(n);
  const derivedBy = new Int32Array(n);
  const seen = new Int32Array(n);
  let stamp = 0;
  // What can be worked out: shown cells, and the only unknown term of an equation whose other terms
  // are known, repeatedly. Kept current as cells are hidden: a hidden cell, and whatever was worked
  // out from it, is retracted, then the equations around them are tried again.
  const dependents: number[][] = Array.from({ length: n }, () => []);
  const queue: number[] = [];
  const queued = new Uint8Array(E);
  const enqueueAround = (j: number) => {
    for (let q = cellStart[j] as number; q < (cellStart[j + 1] as number); q++) {
      const e = cellEqs[q] as number;
      if (!queued[e]) {
        queued[e] = 1;
        queue.push(e);
      }
    }
  };
  const involves = (e: number, j: number) => {
    if (eqParent[e] === j) return true;
    for (let p = eqStart[e] as number; p < (eqStart[e + 1] as number); p++) if (eqParts[p] === j) return true;
    return false;
  };
  const workOut = () => {
    while (queue.length > 0) {
      const e = queue.pop() as number;
      queued[e] = 0;
      let unknown = known[eqParent[e] as number] ? -1 : (eqParent[e] as number);
      let unknowns = unknown < 0 ? 0 : 1;
      for (let p = eqStart[e] as number; p < (eqStart[e + 1] as number) && unknowns < 2; p++) {
        const part = eqParts[p] as number;
        if (!known[part]) {
          unknowns++;
          unknown = part;
        }
      }
      if (unknowns !== 1) continue;
      known[unknown] = 1;
      derivedBy[unknown] = e;
      if (eqParent[e] !== unknown) (dependents[eqParent[e] as number] as number[]).push(unknown);
      for (let p = eqStart[e] as number; p < (eqStart[e + 1] as number); p++) {
        if (eqParts[p] !== unknown) (dependents[eqParts[p] as number] as number[]).push(unknown);
      }
      enqueueAround(unknown);
    }
  };
  const hide = (j: number) => {
    visible[j] = 0;
    reasons[cube.input[j] as number] = 'complementary';
    const stack = [j];
    while (stack.length > 0) {
      const x = stack.pop() as number;
      if (!known[x]) continue;
      known[x] = 0;
      derivedBy[x] = -1;
      for (const d of dependents[x] as number[]) {
        if (known[d] && !visible[d] && (derivedBy[d] as number) >= 0 && involves(derivedBy[d] as number, x)) stack.push(d);
      }
      dependents[x] = [];
      enqueueAround(x);
    }
    workOut();
  };
  // Which figure to give up first: the most detailed along the last hierarchy (a role before a track
  // before everyone), then along the earlier ones (a sub-team before its team), then the smaller.
  const smaller = (a: number, b: number) => {
    const ca = cube.coords[a] as number[];
    const cb = cube.coords[b] as number[];
    for (let h = H - 1; h >= 0; h--) {
      const depth = dimOf(h).depth;
      const d = (depth[cb[h] as number] as number) - (depth[ca[h] as number] as number);
      if (d !== 0) return d;
    }
    return (counts[a] as number) - (counts[b] as number) || a - b;
  };
  /**
   * The shown figures a known cell rests on: itself when shown, else the shown terms of the equation it
   * was worked out from and, through the worked-out terms, theirs (hiding any one of them breaks this
   * way of working it out). Up to a bound, so that a long chain costs little.
   */
  const supports = (start: number, out: number[]) => {
    const stack = [start];
    let visited = 0;
    while (stack.length > 0 && visited < 256) {
      const x = stack.pop() as number;
      if (seen[x] === stamp || !known[x] || (counts[x] as number) <= EPSILON) continue;
      seen[x] = stamp;
      visited++;
      if (visible[x]) {
        out.push(x);
        continue;
      }
      const e = derivedBy[x] as number;
      if (e < 0) continue;
      if (eqParent[e] !== x) stack.push(eqParent[e] as number);
      for (let p = eqStart[e] as number; p < (eqStart[e + 1] as number); p++) if (eqParts[p] !== x) stack.push(eqParts[p] as number);
    }
    return out;
  };
  /** Hides the least important of the candidates (see `smaller`); false when there is none. */
  const hideOne = (candidates: number[]): boolean => {
    if (candidates.length === 0) return false;
    hide(candidates.reduce((best, c) => (smaller(c, best) < 0 ? c : best)));
    return true;
  };
  /** Makes a known cell unknown again by hiding the least important shown figure it rests on. */
  const unlearn = (j: number): boolean => {
    stamp++;
    return hideOne(supports(j, []));
  };
  const cover = (j: number, h: number): number => {
    const e = (split[h] as Int32Array)[j] as number;
    if (e < 0) return 0;
    let sum = 0;
    for (let p = eqStart[e] as number; p < (eqStart[e + 1] as number); p++) {
      const part = eqParts[p] as number;
      sum += known[part] ? (counts[part] as number) : cover(part, h);
    }
    return sum;
  };
  const residualOf = (e: number) => {
    let covered = 0;
    for (let p = eqStart[e] as number; p < (eqStart[e + 1] as number); p++) {
      const part = eqParts[p] as number;
      covered += known[part] ? (counts[part] as number) : cover(part, eqDim[e] as number);
    }
    return (counts[eqParent[e] as number] as number) - covered;
  };
  const frontier = (e: number, out: number[]): number[] => {
    for (let p = eqStart[e] as number; p < (eqStart[e + 1] as number); p++) {
      const part = eqParts[p] as number;
      if (known[part]) out.push(part);
      else {
        const below = (split[eqDim[e] as number] as Int32Array)[part] as number;
        if (below >= 0) frontier(below, out);
      }
    }
    return out;
  };

  known.set(visible);
  derivedBy.fill(-1);
  for (let e = 0; e < E; e++) {
    queue.push(e);
    queued[e] = 1;
  }
  workOut();
  const auditBlocks =
    H === 2 ? blockAuditor({ cube, teams: dimOf(0), filters: dimOf(1), counts, known, visible, k, hide, lessImportant: smaller }) : () => false;
  for (let round = 0; round <= n; round++) {
    let changed = false;
    // A group worked out by subtraction with 1..k-1 people.
    for (let j = 0; j < n; j++) {
      if (known[j] && !visible[j] && (counts[j] as number) < k && unlearn(j)) changed = true;
    }
    // The residual rule on what is known.
    for (const e of order) {
      if (!known[eqParent[e] as number]) continue;
      let residual = residualOf(e);
      while (residual > EPSILON && residual < k) {
        // Make one figure below unknown (a shown one, or one a shown one lets be worked out), or
        // failing that the figure itself.
        stamp++;
        const candidates: number[] = [];
        for (const t of frontier(e, [])) supports(t, candidates);
        if (!hideOne(candidates) && !unlearn(eqParent[e] as number)) break;
        changed = true;
        if (!known[eqParent[e] as number]) break;
        residual = residualOf(e);
      }
    }
    if (!changed && !auditBlocks()) break;
  }
  // A hidden figure that can be worked out anyway is shown: showing it reveals nothing more.
  for (let j = 0; j < n; j++) {
    const input = cube.input[j] as number;
    if (input >= 0 && known[j] && reasons[input] === 'complementary') reasons[input] = null;
  }
}
