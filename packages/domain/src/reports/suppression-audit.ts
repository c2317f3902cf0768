/**
 * An exact check, for one small block of a report (a team, its sub-teams and the people it has
 * directly, by role): can any group of 1..k-1 people be worked out by adding and subtracting the
 * figures that are known? The figures are rows over "atoms" (the finest groups the block tells apart:
 * a sub-team ∩ a role...); a group is worked out exactly when its indicator vector lies in the span of
 * the rows, i.e. when it is orthogonal to every vector of the rows' null space. Two random vectors of
 * the null space (arithmetic modulo a prime) stand in for all of it: a group that sums to zero on both
 * is in the span but for a chance of about 1 in 10^15, and a false alarm only hides one figure more.
 */

import { EPSILON, type Cube, type Dim } from './suppression-model.js';

/** A prime below 2^26, so that products of two residues stay exact in a double. */
const P = 67_108_859;

function mul(a: number, b: number): number {
  return (a * b) % P;
}

function inverse(a: number): number {
  let [r0, r1] = [P, a % P];
  let [t0, t1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return ((t0 % P) + P) % P;
}

/** Random vectors of the null space of the rows (each row: the atoms it sums), over `atoms` atoms. */
function nullSpaceSamples(rows: readonly (readonly number[])[], atoms: number, random: () => number, samples: number): Float64Array[] {
  // Forward elimination (mod P) to echelon form: each row's non-zeros are at or after its pivot.
  const echelon: { pivot: number; row: Float64Array; nonZero: number[] }[] = [];
  const pivotRow = new Int32Array(atoms).fill(-1);
  let row = new Float64Array(atoms);
  for (const set of rows) {
    row.fill(0);
    for (const a of set) row[a] = 1;
    let lead = -1;
    for (let j = 0; j < atoms; j++) {
      const f = row[j] as number;
      if (f === 0) continue;
      const r = pivotRow[j] as number;
      if (r < 0) {
        if (lead < 0) lead = j;
        continue;
      }
      if (lead >= 0) continue; // only columns before the lead need clearing
      const pivot = echelon[r] as { row: Float64Array; nonZero: number[] };
      for (const c of pivot.nonZero) row[c] = ((row[c] as number) - mul(f, pivot.row[c] as number) + P) % P;
    }
    if (lead < 0) continue;
    const inv = inverse(row[lead] as number);
    const nonZero: number[] = [];
    for (let j = lead; j < atoms; j++) {
      if (row[j] === 0) continue;
      row[j] = mul(row[j] as number, inv);
      nonZero.push(j);
    }
    pivotRow[lead] = echelon.length;
    echelon.push({ pivot: lead, row, nonZero });
    row = new Float64Array(atoms); // the pivot row keeps the array; rows that reduce to nothing reuse it
  }
  const byPivot = [...echelon].sort((a, b) => b.pivot - a.pivot);
  return Array.from({ length: samples }, () => {
    const z = new Float64Array(atoms);
    for (let j = 0; j < atoms; j++) if ((pivotRow[j] as number) < 0) z[j] = 1 + Math.floor(random() * (P - 1));
    // Back-substitution, last pivot first: each row's later columns are already set.
    for (const r of byPivot) {
      let sum = 0;
      for (const c of r.nonZero) if (c !== r.pivot) sum = (sum + mul(r.row[c] as number, z[c] as number)) % P;
      z[r.pivot] = (P - sum) % P;
    }
    return z;
  });
}

/**
 * Atoms that every row holds together or not at all cannot be told apart by any combination: merged
 * into one, exactly, which makes the elimination smaller. Returns the merged people, the rows over the
 * merged atoms, and each original atom's merged index.
 */
function mergeIndistinguishable(atomPeople: readonly number[], rows: readonly (readonly number[])[]) {
  const signature: number[][] = atomPeople.map(() => []);
  rows.forEach((row, i) => row.forEach((a) => (signature[a] as number[]).push(i)));
  const bySignature = new Map<string, number>();
  const mergedOf: number[] = [];
  const people: number[] = [];
  signature.forEach((rowsOfAtom, atom) => {
    const key = rowsOfAtom.join(',');
    let merged = bySignature.get(key);
    if (merged === undefined) {
      merged = people.length;
      bySignature.set(key, merged);
      people.push(0);
    }
    people[merged] = (people[merged] as number) + (atomPeople[atom] as number);
    mergedOf.push(merged);
  });
  const mergedRows = rows.map((row) => [...new Set(row.map((a) => mergedOf[a] as number))]);
  return { people, rows: mergedRows, mergedOf };
}

/** Whether the rows determine the figure of this group of atoms. */
export function determines(atomPeople: readonly number[], rows: readonly (readonly number[])[], group: readonly number[], random: () => number): boolean {
  const merged = mergeIndistinguishable(atomPeople, rows);
  const samples = nullSpaceSamples(merged.rows, merged.people.length, random, 2);
  // A group that splits a merged atom cannot be worked out.
  const counts = new Map<number, number>();
  for (const a of group) counts.set(merged.mergedOf[a] as number, (counts.get(merged.mergedOf[a] as number) ?? 0) + 1);
  const sizes = new Map<number, number>();
  for (const m of merged.mergedOf) sizes.set(m, (sizes.get(m) ?? 0) + 1);
  for (const [m, c] of counts) if (sizes.get(m) !== c) return false;
  return samples.every((z) => [...counts.keys()].reduce((sum, m) => (sum + (z[m] as number)) % P, 0) === 0);
}

/**
 * A group of atoms with 1..k-1 people in total that the rows determine, or null. Only atoms with
 * 1..k-1 people can be in such a group; the search stops at the first one found.
 */
export function smallDeterminedGroup(
  atomPeople: readonly number[],
  rows: readonly (readonly number[])[],
  k: number,
  random: () => number,
): number[] | null {
  if (rows.length === 0) return null;
  const merged = mergeIndistinguishable(atomPeople, rows);
  const small = merged.people.flatMap((people, atom) => (people > 0 && people < k ? [atom] : []));
  if (small.length === 0) return null;
  const [z1, z2] = nullSpaceSamples(merged.rows, merged.people.length, random, 2) as [Float64Array, Float64Array];
  const chosen: number[] = [];
  let found: number[] | null = null;
  const search = (from: number, total: number, s1: number, s2: number): void => {
    if (chosen.length > 0 && s1 === 0 && s2 === 0) {
      found = [...chosen];
      return;
    }
    for (let i = from; i < small.length && found === null; i++) {
      const atom = small[i] as number;
      const next = total + (merged.people[atom] as number);
      if (next >= k) continue;
      chosen.push(atom);
      search(i + 1, next, (s1 + (z1[atom] as number)) % P, (s2 + (z2[atom] as number)) % P);
      chosen.pop();
    }
  };
  search(0, 0, 0, 0);
  if (found === null) return null;
  // Back to the original atoms.
  const chosenMerged = new Set<number>(found);
  return merged.mergedOf.flatMap((m, atom) => (chosenMerged.has(m) ? [atom] : []));
}

export interface BlockAuditContext {
  cube: Cube;
  /** The first hierarchy (teams) and the second (filters). */
  teams: Dim;
  filters: Dim;
  counts: readonly number[];
  known: Uint8Array;
  visible: Uint8Array;
  k: number;
  hide: (cell: number) => void;
  /** < 0 when the first cell is the one to give up first. */
  lessImportant: (a: number, b: number) => number;
}

interface Block {
  cells: number[];
  atomPeople: number[];
  /** Per cell of the block: the atoms it sums. */
  rows: Map<number, number[]>;
  hasSmall: boolean;
}

/**
 * The exact check of each block: a node of the first hierarchy with its children and own part, by
 * the leaves of the second. The rules of suppression-cube.ts work out one unknown at a time; an
 * attacker solving several equations at once could still single out a few people, which so far has
 * only been seen within such a block. Returns a function that checks every block whose known figures
 * changed since it was last found clean, hides the least important shown figure that breaks what it
 * finds, and says whether it hid anything.
 */
export function blockAuditor(ctx: BlockAuditContext): () => boolean {
  const { cube, teams, filters, counts, known, visible, k } = ctx;
  const n = cube.coords.length;
  const leavesOf = new Map<number, number[]>();
  const leaves = (node: number): number[] => {
    let list = leavesOf.get(node);
    if (list) return list;
    if (node < filters.realCount) {
      const kids = filters.children[node] as number[];
      const own = filters.own.get(node);
      list = kids.length === 0 ? [node] : [...kids.flatMap(leaves), ...(own === undefined ? [] : [own])];
    } else {
      list = [node];
      for (const [real, entries] of filters.without) {
        const entry = entries.find(([, without]) => without === node);
        if (entry) {
          const removed = new Set(leaves(entry[0]));
          list = leaves(real).filter((l) => !removed.has(l));
          break;
        }
      }
    }
    leavesOf.set(node, list);
    return list;
  };
  const byTeamNode = new Map<number, number[]>();
  for (let j = 0; j < n; j++) {
    const node = (cube.coords[j] as number[])[0] as number;
    const list = byTeamNode.get(node);
    if (list) list.push(j);
    else byTeamNode.set(node, [j]);
  }
  const width = filters.names.length;
  const blocks = new Map<number, Block>();
  const blockOf = (team: number, members: number[]): Block => {
    let block = blocks.get(team);
    if (block) return block;
    const atomIndex = new Map<number, number>();
    const atomPeople: number[] = [];
    for (const member of members) {
      for (const j of byTeamNode.get(member) ?? []) {
        const f = (cube.coords[j] as number[])[1] as number;
        const under = leaves(f);
        if (under.length !== 1 || under[0] !== f || (counts[j] as number) <= EPSILON) continue;
        atomIndex.set(member * width + f, atomPeople.length);
        atomPeople.push(counts[j] as number);
      }
    }
    const rows = new Map<number, number[]>();
    const cells: number[] = [];
    for (const node of [team, ...members]) {
      const of = node === team ? members : [node];
      for (const j of byTeamNode.get(node) ?? []) {
        if ((counts[j] as number) <= EPSILON) continue;
        const f = (cube.coords[j] as number[])[1] as number;
        const row: number[] = [];
        for (const member of of) {
          for (const leaf of leaves(f)) {
            const atom = atomIndex.get(member * width + leaf);
            if (atom !== undefined) row.push(atom);
          }
        }
        cells.push(j);
        rows.set(j, row);
      }
    }
    block = { cells, atomPeople, rows, hasSmall: atomPeople.some((people) => people < k) };
    blocks.set(team, block);
    return block;
  };
  let seed = 0x2545f491;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  /** Per block, the known figures it was last found clean with. */
  const clean = new Map<number, string>();
  return () => {
    let hid = false;
    for (let team = 0; team < teams.realCount; team++) {
      const own = teams.own.get(team);
      if (own === undefined) continue;
      const block = blockOf(team, [own, ...(teams.children[team] as number[])]);
      if (!block.hasSmall) continue;
      for (let attempt = 0; attempt < 64; attempt++) {
        const knownCells = block.cells.filter((j) => known[j]);
        const signature = knownCells.join(',');
        if (clean.get(team) === signature) break;
        const rowCells: number[] = [];
        const rows: number[][] = [];
        for (const j of knownCells) {
          rowCells.push(j);
          rows.push(block.rows.get(j) as number[]);
        }
        const group = smallDeterminedGroup(block.atomPeople, rows, k, random);
        if (!group) {
          clean.set(team, signature);
          break;
        }
        const inGroup = new Set(group);
        const candidates = rowCells
          .map((j, i) => [j, i] as const)
          .filter(([j, i]) => visible[j] && (rows[i] as number[]).some((a) => inGroup.has(a)))
          .sort(([a], [b]) => ctx.lessImportant(a, b));
        if (candidates.length === 0) break;
        // The least important of the first few shown figures whose loss breaks it, else the least important.
        const breaking = candidates.slice(0, 3).find(([, i]) => !determines(block.atomPeople, rows.filter((_, r) => r !== i), group, random));
        ctx.hide((breaking ?? candidates[0])?.[0] as number);
        hid = true;
      }
    }
    return hid;
  };
}
