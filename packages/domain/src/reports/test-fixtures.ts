/**
 * An exhaustive attacker for tests: given the groups of people whose figures are shown (each a set of
 * "atoms", the finest groups the data can tell apart) and how many people each atom holds, finds
 * every group of 1..k-1 people whose figure can be worked out by adding and subtracting shown
 * figures, i.e. whose indicator vector lies in the span of the shown groups' (exact rational
 * arithmetic). Exponential in the number of small atoms: for small hand-made and random cases only.
 */

type Fraction = [bigint, bigint];

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}
function norm([n, d]: Fraction): Fraction {
  if (n === 0n) return [0n, 1n];
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return [n / g, d / g];
}
const sub = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1] - b[0] * a[1], a[1] * b[1]]);
const mul = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[0], a[1] * b[1]]);
const div = (a: Fraction, b: Fraction): Fraction => norm([a[0] * b[1], a[1] * b[0]]);

/** A membership test for the span of 0/1 vectors over `size` atoms. */
export function spanOf(sets: readonly (readonly number[])[], size: number): (set: readonly number[]) => boolean {
  const basis: { pivot: number; row: Fraction[] }[] = [];
  const toRow = (set: readonly number[]) => {
    const row: Fraction[] = Array.from({ length: size }, () => [0n, 1n] as Fraction);
    for (const a of set) row[a] = [1n, 1n];
    return row;
  };
  const reduce = (row: Fraction[]) => {
    for (const b of basis) {
      const f = row[b.pivot] as Fraction;
      if (f[0] === 0n) continue;
      for (let j = 0; j < size; j++) row[j] = sub(row[j] as Fraction, mul(f, b.row[j] as Fraction));
    }
    return row;
  };
  for (const set of sets) {
    const row = reduce(toRow(set));
    const pivot = row.findIndex((x) => x[0] !== 0n);
    if (pivot < 0) continue;
    const p = row[pivot] as Fraction;
    for (let j = 0; j < size; j++) row[j] = div(row[j] as Fraction, p);
    for (const b of basis) {
      const f = b.row[pivot] as Fraction;
      if (f[0] === 0n) continue;
      for (let j = 0; j < size; j++) b.row[j] = sub(b.row[j] as Fraction, mul(f, row[j] as Fraction));
    }
    basis.push({ pivot, row });
  }
  return (set) => reduce(toRow(set)).every((x) => x[0] === 0n);
}

/** Every group of atoms with 1..k-1 people in total whose figure the shown groups reveal. */
export function recoverableSmallGroups(
  atomPeople: readonly number[],
  shownSets: readonly (readonly number[])[],
  k: number,
): number[][] {
  const inSpan = spanOf(shownSets, atomPeople.length);
  const small = atomPeople.flatMap((people, atom) => (people > 0 && people < k ? [atom] : []));
  const found: number[][] = [];
  const chosen: number[] = [];
  const search = (from: number, total: number) => {
    if (chosen.length > 0 && inSpan(chosen)) found.push([...chosen]);
    for (let i = from; i < small.length; i++) {
      const atom = small[i] as number;
      const next = total + (atomPeople[atom] as number);
      if (next >= k) continue;
      chosen.push(atom);
      search(i + 1, next);
      chosen.pop();
    }
  };
  search(0, 0);
  return found;
}

/**
 * Atoms from people: people with the same signature (the list of shown-or-not groups they belong to)
 * are indistinguishable, so each distinct signature is one atom.
 */
export function atomsOf<P>(people: readonly P[], groups: readonly ((p: P) => boolean)[]): { atomPeople: number[]; members: number[][] } {
  const bySignature = new Map<string, number>();
  const atomPeople: number[] = [];
  const atomOf = people.map((person) => {
    const signature = groups.map((g) => (g(person) ? '1' : '0')).join('');
    let atom = bySignature.get(signature);
    if (atom === undefined) {
      atom = atomPeople.length;
      bySignature.set(signature, atom);
      atomPeople.push(0);
    }
    atomPeople[atom] = (atomPeople[atom] as number) + 1;
    return atom;
  });
  const members = groups.map((g) => [...new Set(people.flatMap((p, i) => (g(p) ? [atomOf[i] as number] : [])))]);
  return { atomPeople, members };
}

// ---------------------------------------------------------------------------------------------
// A small hand-made organisation (the small test framework: planning, risk-management, mentoring on
// a 1..3 scale; PMO analyst 1/1, senior 2/2/1, PMO manager 3/3/2, project manager 3/2).

import { smallFramework } from '../framework/test-fixtures.js';
import type { Assessment } from '../plans/assessments.js';
import { reportCatalogue } from './organisation.js';
import type { ReportPerson } from './skills.js';

export const ratedAt = new Date('2026-03-01T00:00:00Z');

export function rated(levels: Record<string, number>, source: Assessment['source'] = 'manager', at = ratedAt): Assessment[] {
  return Object.entries(levels).map(([skillKey, level]) => ({ skillKey, level, source, assessedAt: at }));
}

/** Delivery (one PMO manager directly) ⊃ PMO (5 people) and Projects (4 project managers, one unrated). */
export const smallTeams = [
  { id: 'delivery', parentId: null, name: 'Delivery' },
  { id: 'pmo', parentId: 'delivery', name: 'PMO' },
  { id: 'projects', parentId: 'delivery', name: 'Projects' },
];

export function smallPeople(): ReportPerson[] {
  const person = (id: string, teamId: string, roleId: string, levels: Record<string, number>): ReportPerson => ({
    id,
    teamId,
    roleId,
    assessments: rated(levels),
  });
  return [
    person('a1', 'pmo', 'pmo-analyst', { planning: 1, 'risk-management': 1 }),
    person('a2', 'pmo', 'pmo-analyst', { planning: 2, 'risk-management': 1 }),
    person('a3', 'pmo', 'pmo-analyst', { planning: 1 }),
    person('s1', 'pmo', 'senior-pmo-analyst', { planning: 2, 'risk-management': 2, mentoring: 1 }),
    person('m1', 'pmo', 'pmo-manager', { planning: 3, 'risk-management': 2, mentoring: 3 }),
    person('j1', 'projects', 'project-manager', { planning: 3, 'risk-management': 2 }),
    person('j2', 'projects', 'project-manager', { planning: 2, 'risk-management': 2 }),
    person('j3', 'projects', 'project-manager', { planning: 3, 'risk-management': 1 }),
    person('j4', 'projects', 'project-manager', {}),
    person('d1', 'delivery', 'pmo-manager', { planning: 3, 'risk-management': 3, mentoring: 2 }),
  ];
}

export const smallCatalogue = () => reportCatalogue(smallFramework());

// ---------------------------------------------------------------------------------------------
// Team × filter cubes from atoms (people directly in a team with a role), for attacks on suppression.

export interface Atom {
  team: string;
  role: string;
  people: number;
}

export interface TestCube {
  teamParents: Record<string, string | null>;
  filterParents: Record<string, string | null>;
  cells: { coords: [string, string]; count: number; atoms: number[] }[];
}

/** Every (team, filter) cell: its count and the atoms in it (teams with sub-teams, all ⊃ track ⊃ role). */
export function teamFilterCube(atoms: readonly Atom[], teamParents: Record<string, string | null>, trackOf: (role: string) => string): TestCube {
  const filterParents: Record<string, string | null> = { all: null };
  for (const a of atoms) {
    filterParents[trackOf(a.role)] = 'all';
    filterParents[a.role] = trackOf(a.role);
  }
  const under = (team: string, ancestor: string) => {
    for (let t: string | null = team; t !== null; t = teamParents[t] ?? null) if (t === ancestor) return true;
    return false;
  };
  const inFilter = (role: string, f: string) => f === 'all' || f === role || f === trackOf(role);
  const cells: TestCube['cells'] = [];
  for (const team of Object.keys(teamParents)) {
    for (const f of Object.keys(filterParents)) {
      const members = atoms.flatMap((a, i) => (under(a.team, team) && inFilter(a.role, f) ? [i] : []));
      cells.push({ coords: [team, f], count: members.reduce((s, i) => s + (atoms[i] as Atom).people, 0), atoms: members });
    }
  }
  return { teamParents, filterParents, cells };
}

/** A seeded pseudo-random generator (LCG) for reproducible random organisations. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
