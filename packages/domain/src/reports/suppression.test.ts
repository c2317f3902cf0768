import { DEFAULT_K, InconsistentCountsError, MIN_K, effectiveK, suppressSmallCells, type CountedCell } from './suppression.js';
import { recoverableSmallGroups, seeded, teamFilterCube, type Atom, type TestCube } from './test-fixtures.js';

/** Suppression of a one-level tree P ⊃ A, B, C, D: reasons by node. */
function oneLevel(counts: Record<string, number>, k = 5) {
  const cells = Object.entries(counts).map(([node, count]) => ({ coords: [node], count }));
  const result = suppressSmallCells([{ parents: { P: null, A: 'P', B: 'P', C: 'P', D: 'P' } }], cells, k);
  return Object.fromEntries(cells.map((c, i) => [c.coords[0], result.reasons[i]]));
}

/** The attacker against a team × filter cube: small groups recoverable from the cells shown. */
function attack(cube: TestCube, atoms: readonly Atom[], suppressed: readonly boolean[], k: number) {
  const shown = cube.cells.filter((_, i) => !suppressed[i]).map((c) => c.atoms);
  return recoverableSmallGroups(
    atoms.map((a) => a.people),
    shown,
    k,
  ).map((group) => group.map((i) => atoms[i]));
}

function suppressCube(cube: TestCube, k: number) {
  return suppressSmallCells(
    // As the reports call it (suppressMeasure): complements along the filters, not the teams.
    [{ name: 'teams', parents: cube.teamParents, complements: false }, { name: 'filters', parents: cube.filterParents }],
    cube.cells.map((c) => ({ coords: c.coords, count: c.count })),
    k,
  );
}

/** A random organisation: a team tree of 2 or 3 levels, 2..6 roles on 2 or 3 tracks, random sizes. */
function randomOrganisation(seed: number, zeroShare: number, maxSize: number) {
  const r = seeded(seed);
  const k = 3 + Math.floor(r() * 3);
  const teamParents: Record<string, string | null> = { root: null };
  const children = 2 + Math.floor(r() * 3);
  for (let i = 0; i < children; i++) {
    teamParents[`t${i}`] = 'root';
    if (r() < 0.4) {
      for (let j = 0; j < 2 + Math.floor(r() * 2); j++) {
        teamParents[`t${i}${j}`] = `t${i}`;
        if (r() < 0.2) teamParents[`t${i}${j}x`] = `t${i}${j}`;
      }
    }
  }
  const roles = ['a1', 'a2', 'b1', 'b2', 'a3', 'c1'].slice(0, 2 + Math.floor(r() * 5));
  const atoms: Atom[] = [];
  for (const team of Object.keys(teamParents)) {
    for (const role of roles) atoms.push({ team, role, people: r() < zeroShare ? 0 : Math.floor(r() * maxSize) });
  }
  return { k, atoms, cube: teamFilterCube(atoms, teamParents, (role) => `track-${role[0]}`) };
}

describe('effectiveK', () => {
  it('defaults to 5 and never goes below 3', () => {
    expect(effectiveK()).toBe(DEFAULT_K);
    expect(effectiveK(null)).toBe(5);
    expect(effectiveK(Number.NaN)).toBe(5);
    expect(effectiveK(8)).toBe(8);
    expect(effectiveK(7.9)).toBe(7);
    expect(effectiveK(2)).toBe(MIN_K);
    expect(effectiveK(0)).toBe(3);
    expect(effectiveK(-4)).toBe(3);
  });
});

describe('suppressSmallCells along one hierarchy', () => {
  it('suppresses 1..k-1 people, shows 0 and k or more', () => {
    const result = suppressSmallCells(
      [{}],
      [0, 1, 4, 5, 12].map((count, i) => ({ coords: [`x${i}`], count })),
      5,
    );
    expect(result.reasons).toEqual([null, 'small', 'small', null, null]);
    expect(result.suppressed).toEqual([false, true, true, false, false]);
    expect([result.primaryCount, result.complementaryCount]).toEqual([2, 0]);
  });

  it('sibling subtraction: with exactly one child suppressed, the next smallest is suppressed too', () => {
    // P − B − C would give A's 3 people.
    expect(oneLevel({ P: 20, A: 3, B: 8, C: 9 })).toEqual({ P: null, A: 'small', B: 'complementary', C: null });
  });

  it('the parent’s own people count: a parent minus all its shown children must not be a small group', () => {
    // P has one person of its own: P − A − B reveals them.
    expect(oneLevel({ P: 12, A: 6, B: 5 })).toEqual({ P: null, A: null, B: 'complementary' });
  });

  it('suppressed siblings together must be at least k people, not just two cells', () => {
    // A and B are suppressed, but together they are 3 people: P − C − D would describe them.
    expect(oneLevel({ P: 23, A: 1, B: 2, C: 10, D: 10 })).toEqual({ P: null, A: 'small', B: 'small', C: 'complementary', D: null });
  });

  it('needs no complement when the hidden siblings already make k', () => {
    expect(oneLevel({ P: 24, A: 2, B: 3, C: 9, D: 10 })).toEqual({ P: null, A: 'small', B: 'small', C: null, D: null });
  });

  it('shows a hidden figure anyway when it equals one that is shown (a parent with one child and nobody of its own)', () => {
    expect(oneLevel({ P: 10, A: 10 })).toEqual({ P: null, A: null });
  });

  it('protects across levels: a grand-parent minus a parent minus the shown cousins', () => {
    const parents = { G: null, P: 'G', Q: 'G', A: 'P', B: 'P', C: 'Q' };
    const counts = { G: 30, P: 17, Q: 13, A: 2, B: 15, C: 13 };
    const cells = Object.entries(counts).map(([node, count]) => ({ coords: [node], count }));
    const result = suppressSmallCells([{ parents }], cells, 5);
    const shown = cells.filter((_, i) => !result.suppressed[i]).map((c) => c.coords[0]);
    // A (2) is small; P − B would reveal it, so B is hidden; then G − Q − (P's shown parts) is checked too.
    expect(result.reasons[cells.findIndex((c) => c.coords[0] === 'A')]).toBe('small');
    const atoms = { A: 2, B: 15, C: 13 } as Record<string, number>;
    const members: Record<string, string[]> = { G: ['A', 'B', 'C'], P: ['A', 'B'], Q: ['C'], A: ['A'], B: ['B'], C: ['C'] };
    const names = Object.keys(atoms);
    const found = recoverableSmallGroups(
      names.map((n) => atoms[n] as number),
      shown.map((s) => (members[s as string] as string[]).map((m) => names.indexOf(m))),
      5,
    );
    expect(found).toEqual([]);
    expect(shown).toContain('G');
  });

  it('treats each value of a flat dimension (a skill) as a separate problem', () => {
    const parents = { P: null, A: 'P', B: 'P' };
    const cells = [
      { coords: ['P', 'planning'], count: 10 },
      { coords: ['A', 'planning'], count: 2 },
      { coords: ['B', 'planning'], count: 8 },
      { coords: ['P', 'risk'], count: 10 },
      { coords: ['A', 'risk'], count: 5 },
      { coords: ['B', 'risk'], count: 5 },
    ];
    const result = suppressSmallCells([{ parents }, {}], cells, 5);
    expect(result.reasons).toEqual([null, 'small', 'complementary', null, null, null]);
  });

  it('never shows an unpublished cell, and counts it as protection', () => {
    const cells: CountedCell[] = [
      { coords: ['P'], count: 20 },
      { coords: ['A'], count: 2 },
      { coords: ['B'], count: 9, publish: false },
      { coords: ['C'], count: 9 },
    ];
    const result = suppressSmallCells([{ parents: { P: null, A: 'P', B: 'P', C: 'P' } }], cells, 5);
    expect(result.reasons).toEqual([null, 'small', 'unpublished', null]);
  });

  it('leaves no recoverable small group in random trees (exhaustive attacker)', () => {
    let cases = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { k, atoms, cube } = randomOrganisation(seed, 0.35, 8);
      const teamsOnly: TestCube = { ...cube, cells: cube.cells.filter((c) => c.coords[1] === 'all') };
      const result = suppressSmallCells([{ parents: cube.teamParents }, {}], teamsOnly.cells.map((c) => ({ coords: c.coords, count: c.count })), k);
      expect(attack(teamsOnly, atoms, result.suppressed, k)).toEqual([]);
      cases++;
    }
    expect(cases).toBe(300);
  });
});

describe('suppressSmallCells across teams and track/role filters', () => {
  it('two overlapping filters: the team total minus the team ∩ role must not reveal the other few', () => {
    // Team T: 10 analysts, 2 leads (both on the PMO track). Showing T (all), T ∩ track and T ∩ analyst
    // would give the leads' figure by subtraction.
    const atoms: Atom[] = [
      { team: 'T', role: 'analyst', people: 10 },
      { team: 'T', role: 'lead', people: 2 },
    ];
    const cube = teamFilterCube(atoms, { T: null }, () => 'pmo');
    const result = suppressCube(cube, 5);
    const reason = (f: string) => result.reasons[cube.cells.findIndex((c) => c.coords[1] === f)];
    expect(reason('lead')).toBe('small');
    expect(reason('analyst')).toBe('complementary');
    expect(reason('all')).toBeNull();
    expect(attack(cube, atoms, result.suppressed, 5)).toEqual([]);
  });

  it('two overlapping filters on sub-teams: a parent’s role figure minus its children’s must not isolate anyone', () => {
    const atoms: Atom[] = [
      { team: 'P', role: 'pm', people: 1 },
      { team: 'A', role: 'pm', people: 6 },
      { team: 'A', role: 'analyst', people: 7 },
      { team: 'B', role: 'pm', people: 6 },
      { team: 'B', role: 'analyst', people: 8 },
    ];
    const cube = teamFilterCube(atoms, { P: null, A: 'P', B: 'P' }, (role) => (role === 'pm' ? 'delivery' : 'pmo'));
    const result = suppressCube(cube, 5);
    expect(attack(cube, atoms, result.suppressed, 5)).toEqual([]);
    // The organisation's figures stay: the protection is bought lower down.
    expect(result.reasons[cube.cells.findIndex((c) => c.coords[0] === 'P' && c.coords[1] === 'all')]).toBeNull();
  });

  it('closes a chained attack across both dimensions that the per-dimension rule alone misses', () => {
    // Found by the random attacker: derive t0 ∩ b2 from t0's total and its other roles, then subtract
    // it from root ∩ b2 to single out root's own b2 person.
    const own = (team: string, sizes: number[]) => ['a1', 'a2', 'b1', 'b2'].map((role, i) => ({ team, role, people: sizes[i] as number }));
    const atoms: Atom[] = [
      ...own('root', [6, 4, 0, 1]),
      ...own('t0', [3, 1, 3, 5]),
      ...own('t00', [0, 0, 6, 6]),
      ...own('t01', [5, 0, 0, 0]),
    ];
    const cube = teamFilterCube(atoms, { root: null, t0: 'root', t00: 't0', t01: 't0' }, (role) => `track-${role[0]}`);
    const k = 3;
    // The residual rule applied line by line (each team along the filters, each filter along the
    // teams) until nothing changes, with what one line hides counted as hidden in the others.
    const hidden = cube.cells.map((c) => c.count > 0 && c.count < k);
    for (let changed = true; changed; ) {
      changed = false;
      for (const [fixed, along, parents] of [
        [1, 0, cube.teamParents],
        [0, 1, cube.filterParents],
      ] as const) {
        for (const value of new Set(cube.cells.map((c) => c.coords[fixed]))) {
          const line = cube.cells.map((c, i) => [c, i] as const).filter(([c]) => c.coords[fixed] === value);
          const result = suppressSmallCells(
            [{ parents }],
            line.map(([c, i]) => ({ coords: [c.coords[along]], count: c.count, publish: !hidden[i] })),
            k,
          );
          line.forEach(([, i], j) => {
            if (result.reasons[j] === 'complementary' && !hidden[i]) hidden[i] = changed = true;
          });
        }
      }
    }
    expect(attack(cube, atoms, hidden, k)).toContainEqual([{ team: 'root', role: 'b2', people: 1 }]);
    const result = suppressCube(cube, k);
    expect(attack(cube, atoms, result.suppressed, k)).toEqual([]);
  });

  it.each([
    {
      name: 'a union of roles across tracks, between a team and a sub-team with only those roles',
      k: 4,
      roles: ['a1', 'a2', 'b1', 'b2', 'a3', 'c1'],
      parents: { root: null, t0: 'root', t00: 't0', t01: 't0', t1: 'root', t2: 'root', t3: 'root', t30: 't3', t31: 't3', t31x: 't31', t32: 't3', t32x: 't32' },
      own: {
        root: [0, 0, 7, 1, 0, 1],
        t0: [0, 0, 0, 1, 0, 0],
        t00: [0, 1, 1, 0, 3, 0],
        t01: [6, 5, 0, 0, 0, 0],
        t1: [4, 7, 0, 0, 0, 6],
        t2: [3, 0, 3, 0, 0, 6],
        t3: [7, 2, 6, 4, 1, 4],
        t30: [7, 0, 0, 5, 6, 7],
        t31: [0, 0, 3, 0, 3, 6],
        t31x: [0, 5, 3, 0, 0, 0],
        t32: [4, 2, 1, 0, 3, 3],
        t32x: [0, 2, 3, 0, 0, 0],
      },
    },
    {
      name: '"everyone but one role" across two levels of the filters',
      k: 3,
      roles: ['a1', 'a2', 'b1'],
      parents: { root: null, t0: 'root', t00: 't0', t00x: 't00', t01: 't0', t1: 'root', t11: 't1' },
      own: { root: [1, 1, 1], t00: [4, 0, 4], t00x: [6, 0, 0], t01: [4, 6, 2], t1: [5, 0, 0], t11: [3, 0, 0] },
    },
  ])('closes attacks found by the random attacker on earlier versions: $name', ({ k, roles, parents, own }) => {
    const atoms: Atom[] = Object.entries(own as unknown as Record<string, number[]>).flatMap(([team, sizes]) =>
      roles.map((role, i) => ({ team, role, people: sizes[i] as number })),
    );
    const cube = teamFilterCube(atoms, parents as unknown as Record<string, string | null>, (role) => `track-${role[0]}`);
    const result = suppressCube(cube, k);
    expect(attack(cube, atoms, result.suppressed, k)).toEqual([]);
    // Without any suppression beyond the small cells, both give a group away.
    const primaryOnly = cube.cells.map((c) => c.count > 0 && c.count < k);
    expect(attack(cube, atoms, primaryOnly, k).length).toBeGreaterThan(0);
  });

  it.each([
    [0.35, 8],
    [0.2, 12],
    [0.55, 5],
  ])('leaves no recoverable small group in random organisations (zero share %s, sizes up to %s)', (zeroShare, maxSize) => {
    const leaks: unknown[] = [];
    let shownShare = 0;
    const runs = 120;
    for (let seed = 1; seed <= runs; seed++) {
      const { k, atoms, cube } = randomOrganisation(seed * 7919, zeroShare, maxSize);
      const result = suppressCube(cube, k);
      const found = attack(cube, atoms, result.suppressed, k);
      if (found.length > 0) leaks.push({ seed, found });
      shownShare += result.suppressed.filter((s) => !s).length / cube.cells.length;
    }
    expect(leaks).toEqual([]);
    // Not everything hidden to get there.
    expect(shownShare / runs).toBeGreaterThan(0.4);
  });
});

describe('suppressSmallCells errors', () => {
  it('refuses counts that do not add up, a missing parent, duplicates and a bad k', () => {
    const parents = { P: null, A: 'P' };
    expect(() => suppressSmallCells([{ parents }], [{ coords: ['P'], count: 3 }, { coords: ['A'], count: 5 }], 3)).toThrow(InconsistentCountsError);
    expect(() => suppressSmallCells([{ parents }], [{ coords: ['A'], count: 5 }], 3)).toThrow(/parent \(P\) is missing/);
    expect(() => suppressSmallCells([{ parents }], [{ coords: ['A'], count: 1 }, { coords: ['A'], count: 1 }, { coords: ['P'], count: 9 }], 3)).toThrow(/same coordinates/);
    expect(() => suppressSmallCells([{ parents }, {}], [{ coords: ['A'], count: 1 }], 3)).toThrow(/coordinates/);
    expect(() => suppressSmallCells([{}], [{ coords: ['A'], count: -1 }], 3)).toThrow(/count/);
    expect(() => suppressSmallCells([{}], [], 0)).toThrow(/positive whole number/);
    expect(() => suppressSmallCells([{ parents: { A: 'B', B: 'A' } }], [{ coords: ['A'], count: 1 }], 3)).toThrow(/loop/);
  });
});

describe('suppressSmallCells at scale', () => {
  it('handles 1,000 teams × 50 skills, and every shown figure obeys the residual rule', () => {
    const r = seeded(2026);
    const parents: Record<string, string | null> = { org: null };
    for (let a = 0; a < 10; a++) {
      parents[`d${a}`] = 'org';
      for (let b = 0; b < 10; b++) {
        parents[`d${a}-${b}`] = `d${a}`;
        for (let c = 0; c < 9; c++) parents[`d${a}-${b}-${c}`] = `d${a}-${b}`;
      }
    }
    const teams = Object.keys(parents);
    expect(teams.length).toBe(1011);
    const childrenOf = new Map<string, string[]>();
    for (const [team, parent] of Object.entries(parents)) if (parent) childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), team]);
    const cells: CountedCell[] = [];
    const totals: Map<string, number>[] = [];
    for (let s = 0; s < 50; s++) {
      const total = new Map<string, number>();
      const fill = (team: string): number => {
        const kids = childrenOf.get(team) ?? [];
        const own = Math.floor(r() * (kids.length === 0 ? 14 : 3));
        const sum = own + kids.reduce((acc, kid) => acc + fill(kid), 0);
        total.set(team, sum);
        return sum;
      };
      fill('org');
      totals.push(total);
      for (const team of teams) cells.push({ coords: [team, `skill-${s}`], count: total.get(team) as number });
    }
    const k = 5;
    const result = suppressSmallCells([{ name: 'teams', parents }, { name: 'skills' }], cells, k);
    expect(result.primaryCount).toBeGreaterThan(0);
    expect(result.complementaryCount).toBeGreaterThan(0);
    // An independent check of the guarantee on every shown cell.
    const shown = new Set(cells.flatMap((c, i) => (result.suppressed[i] ? [] : [`${c.coords[0]}|${c.coords[1]}`])));
    const cover = (team: string, skill: string, total: Map<string, number>): number =>
      (childrenOf.get(team) ?? []).reduce(
        (acc, kid) => acc + (shown.has(`${kid}|${skill}`) ? (total.get(kid) as number) : cover(kid, skill, total)),
        0,
      );
    let checked = 0;
    for (let s = 0; s < 50; s++) {
      const total = totals[s] as Map<string, number>;
      for (const team of teams) {
        if (!shown.has(`${team}|skill-${s}`)) continue;
        const count = total.get(team) as number;
        const residual = count - cover(team, `skill-${s}`, total);
        expect(count === 0 || count >= k).toBe(true);
        expect(residual === 0 || residual >= k).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30_000);
  }, 120_000);
});
