import type { FrameworkDocument, RoleDocument, TransitionKind } from './document.js';
import {
  buildRoleGraph,
  DEFAULT_MAX_EXPANDED_LABELS,
  DEFAULT_MAX_GENERATED_LABELS,
  searchCheapestRoute,
  type Route,
  type RouteOptions,
} from './paths.js';
import { seededRandom, syntheticFramework } from './synthetic.js';
import { validateFramework } from './validate.js';

const keysOf = (route: Route | null) => (route ? [route.fromRoleKey, ...route.steps.map((s) => s.toRoleKey)] : null);

/** Checks a route is made of real moves of the framework, visits no role twice and ends where asked. */
function expectWellFormed(doc: FrameworkDocument, route: Route | null, from: string, to: string) {
  expect(route).not.toBeNull();
  const keys = keysOf(route)!;
  expect(keys[0]).toBe(from);
  expect(keys.at(-1)).toBe(to);
  expect(new Set(keys).size).toBe(keys.length);
  for (const step of route!.steps) {
    expect(doc.transitions.some((t) => t.fromRoleKey === step.fromRoleKey && t.toRoleKey === step.toRoleKey)).toBe(true);
  }
}

/**
 * Brute force over every simple route, priced by walking it with the rules of RouteOptions: the
 * profile rises to each role stepped into, and its required qualifications are held from then on.
 * Best by (cost, steps, role keys).
 */
function bruteForce(doc: FrameworkDocument, from: string, to: string, profile: Record<string, number>, options: RouteOptions) {
  const monthWeight = options.monthWeight ?? 1 / 12;
  const qualificationCost = options.missingQualificationCost ?? 0;
  const g = buildRoleGraph(doc);
  const required = (role: string) => doc.qualifications.filter((q) => q.requiredForRoleKeys.includes(role)).map((q) => q.key);
  let best: { cost: number; path: string[] } | null = null;
  const better = (cost: number, path: string[]) => {
    if (!best) return true;
    if (Math.abs(cost - best.cost) > 1e-9) return cost < best.cost;
    if (path.length !== best.path.length) return path.length < best.path.length;
    return path.join('\u0000') < best.path.join('\u0000');
  };
  const walk = (role: string, path: string[], levels: Record<string, number>, held: Set<string>, cost: number) => {
    if (role === to) {
      if (better(cost, path)) best = { cost, path };
      return;
    }
    for (const t of g.outgoing.get(role) ?? []) {
      if (path.includes(t.toRoleKey) || !(options.kinds ?? ['promotion', 'lateral']).includes(t.kind)) continue;
      const target = g.roles.get(t.toRoleKey)!;
      const next = { ...levels };
      let shortfall = 0;
      for (const [skill, level] of Object.entries(target.expectations)) {
        const have = next[skill] ?? 0;
        if (have < level) {
          shortfall += level - have;
          next[skill] = level;
        }
      }
      const missing = required(target.key).filter((q) => !held.has(q));
      const step = shortfall + monthWeight * (t.typicalMonths ?? 12) + qualificationCost * missing.length;
      walk(t.toRoleKey, [...path, t.toRoleKey], next, new Set([...held, ...missing]), cost + step);
    }
  };
  walk(from, [from], { ...profile }, new Set(options.heldQualificationKeys ?? []), 0);
  return from === to ? { cost: 0, path: [from] } : (best as { cost: number; path: string[] } | null);
}

/** The cost of walking the given roles (every move must exist), by the rules of RouteOptions' defaults. */
function priceRoute(doc: FrameworkDocument, path: string[], profile: Record<string, number>): number {
  const levels = { ...profile };
  let cost = 0;
  for (let i = 1; i < path.length; i++) {
    const move = doc.transitions.find((t) => t.fromRoleKey === path[i - 1] && t.toRoleKey === path[i]);
    if (!move) throw new Error(`no move ${path[i - 1]} -> ${path[i]}`);
    const role = doc.roles.find((r) => r.key === path[i])!;
    for (const [skill, level] of Object.entries(role.expectations)) {
      if ((levels[skill] ?? 0) < level) {
        cost += level - (levels[skill] ?? 0);
        levels[skill] = level;
      }
    }
    cost += (move.typicalMonths ?? 12) / 12;
  }
  return cost;
}

/** In syntheticFramework: up the starting track to the target's level, then lateral moves to the target's track. */
function ladderRoute(from: string, to: string): string[] {
  const parse = (key: string) => key.match(/^track-(\d+)-role-(\d+)$/)!.slice(1).map(Number) as [number, number];
  const key = (track: number, level: number) => `track-${String(track).padStart(2, '0')}-role-${String(level).padStart(2, '0')}`;
  const [track, level] = parse(from);
  const [targetTrack, targetLevel] = parse(to);
  const path = [from];
  for (let l = level + 1; l <= targetLevel; l++) path.push(key(track, l));
  for (let t = track; t !== targetTrack; ) path.push(key((t += Math.sign(targetTrack - track)), targetLevel));
  return path;
}

/** A small random framework: 3-8 roles over skills s, t, u, v, random moves and qualifications. */
function randomFramework(next: () => number): FrameworkDocument {
  const pick = (n: number) => Math.floor(next() * n);
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].slice(0, 3 + pick(6));
  const skills = ['s', 't', 'u', 'v'];
  const roles = names.map(
    (key, i): RoleDocument => ({
      key,
      title: key.toUpperCase(),
      trackKey: 'track',
      level: i + 1,
      summary: key,
      responsibilities: [],
      expectations: Object.fromEntries(skills.filter(() => next() < 0.6).map((skill) => [skill, 1 + pick(5)])),
    }),
  );
  const transitions = [];
  for (const from of names) {
    for (const to of names) {
      if (from !== to && next() < 0.4) {
        transitions.push({
          fromRoleKey: from,
          toRoleKey: to,
          kind: (next() < 0.5 ? 'promotion' : 'lateral') as TransitionKind,
          ...(next() < 0.8 ? { typicalMonths: pick(4) * 6 } : {}),
        });
      }
    }
  }
  const qualifications = ['q1', 'q2', 'q3'].map((key) => ({
    key,
    name: key,
    provider: 'P',
    skillKeys: [],
    requiredForRoleKeys: names.filter(() => next() < 0.3),
    recommendedForRoleKeys: [],
  }));
  return {
    schemaVersion: '1',
    key: 'random',
    name: 'Random',
    proficiencyScale: [1, 2, 3, 4, 5].map((level) => ({ level, name: `L${level}`, summary: `Level ${level}.` })),
    skillCategories: [{ key: 'c', name: 'C' }],
    skills: skills.map((key) => ({ key, name: key, categoryKey: 'c', levels: {} })),
    tracks: [{ key: 'track', name: 'Track', kind: 'core' }],
    roles,
    transitions,
    qualifications,
  };
}

interface Trial {
  doc: FrameworkDocument;
  from: string;
  to: string;
  profile: Record<string, number>;
  options: RouteOptions;
}

function trials(seed: number, count: number): Trial[] {
  const next = seededRandom(seed);
  const pick = (n: number) => Math.floor(next() * n);
  return Array.from({ length: count }, () => {
    const doc = randomFramework(next);
    const names = doc.roles.map((r) => r.key);
    return {
      doc,
      from: names[pick(names.length)]!,
      to: names[pick(names.length)]!,
      profile: { s: pick(4), t: pick(4), u: pick(3), v: pick(2) },
      options: {
        monthWeight: [0, 1 / 12, 1][pick(3)]!,
        missingQualificationCost: [0, 1, 4][pick(3)]!,
        heldQualificationKeys: ['q1', 'q2', 'q3'].filter(() => next() < 0.3),
        ...(next() < 0.2 ? { kinds: ['promotion'] as TransitionKind[] } : {}),
      },
    };
  });
}

describe('syntheticFramework', () => {
  it('makes a valid framework of the asked size, the same for the same seed', () => {
    const doc = syntheticFramework();
    expect(validateFramework(doc).ok).toBe(true);
    expect([doc.roles.length, doc.skills.length]).toEqual([200, 400]);
    expect(syntheticFramework()).toEqual(doc);
    expect(syntheticFramework({ seed: 2 })).not.toEqual(doc);
    expect(syntheticFramework({ roles: 30, skills: 60, tracks: 3 }).roles).toHaveLength(30);
  });
});

describe('searchCheapestRoute on a 200-role, 400-skill framework', () => {
  const doc = syntheticFramework();
  const maxOutDegree = Math.max(...[...buildRoleGraph(doc).outgoing.values()].map((moves) => moves.length));

  it('answers long routes within the default budget of work, better than the route up one ladder and across', () => {
    for (const [from, to] of [
      ['track-01-role-01', 'track-10-role-20'],
      ['track-05-role-01', 'track-06-role-20'],
      ['track-01-role-01', 'track-01-role-20'],
    ] as const) {
      const result = searchCheapestRoute(doc, from, to, {});
      expectWellFormed(doc, result.route, from, to);
      // The budget is counted in labels, not time: the search stops when it is spent.
      expect(result.expandedLabels).toBeLessThanOrEqual(DEFAULT_MAX_EXPANDED_LABELS);
      expect(result.generatedLabels).toBeLessThanOrEqual(DEFAULT_MAX_GENERATED_LABELS + maxOutDegree);
      // No dearer than the obvious route: up the starting track, then laterals along the target's level.
      expect(result.route!.totalCost).toBeLessThanOrEqual(priceRoute(doc, ladderRoute(from, to), {}));
    }
  });

  it('proves a shorter route optimal with little work', () => {
    const result = searchCheapestRoute(doc, 'track-01-role-01', 'track-03-role-08', {});
    expectWellFormed(doc, result.route, 'track-01-role-01', 'track-03-role-08');
    expect(result.optimal).toBe(true);
    expect(result.expandedLabels).toBeLessThan(1000);
  });

  it('stops at a small budget with the best route found, flagged as not proven', () => {
    const result = searchCheapestRoute(doc, 'track-01-role-01', 'track-10-role-20', {}, { maxExpandedLabels: 10 });
    expectWellFormed(doc, result.route, 'track-01-role-01', 'track-10-role-20');
    expect(result.optimal).toBe(false);
    expect(result.expandedLabels).toBe(10);
    const generated = searchCheapestRoute(doc, 'track-01-role-01', 'track-10-role-20', {}, { maxGeneratedLabels: 50 });
    expect(generated.optimal).toBe(false);
    expect(generated.generatedLabels).toBeLessThanOrEqual(50 + maxOutDegree);
  });
});

describe('searchCheapestRoute against brute force (seeded random frameworks with qualifications)', () => {
  it('finds the best simple route and says it is optimal', () => {
    let routes = 0;
    for (const [i, { doc, from, to, profile, options }] of trials(424242, 250).entries()) {
      const expected = bruteForce(doc, from, to, profile, options);
      const result = searchCheapestRoute(doc, from, to, profile, options);
      expect([i, keysOf(result.route), result.route?.totalCost.toFixed(6)]).toEqual([i, expected?.path ?? null, expected?.cost.toFixed(6)]);
      expect([i, result.optimal]).toEqual([i, true]);
      if (result.route && result.route.steps.length > 1) routes += 1;
    }
    expect(routes).toBeGreaterThan(50);
  });

  it('with no budget returns a real route that is never cheaper than the best, and claims optimality only when it is the best', () => {
    let unproven = 0;
    for (const [i, { doc, from, to, profile, options }] of trials(777, 250).entries()) {
      const expected = bruteForce(doc, from, to, profile, options);
      for (const budget of [{ maxExpandedLabels: 0 }, { maxGeneratedLabels: 1 }, { maxLabelsPerRole: 1 }]) {
        const result = searchCheapestRoute(doc, from, to, profile, { ...options, ...budget });
        expect([i, result.route === null]).toEqual([i, expected === null]);
        if (!expected || !result.route) continue;
        expectWellFormed(doc, result.route, from, to);
        expect(result.route.totalCost).toBeGreaterThanOrEqual(expected.cost - 1e-9);
        if (result.optimal) {
          expect([i, keysOf(result.route), result.route.totalCost.toFixed(6)]).toEqual([i, expected.path, expected.cost.toFixed(6)]);
        } else {
          unproven += 1;
        }
      }
    }
    // The budget path was taken.
    expect(unproven).toBeGreaterThan(20);
  });

  it('with no budget answers the first route it priced, which can be dearer than the best', () => {
    // Via b the person learns s=3, which x needs later; priced step by step from the role stepped
    // from, the route via c looks cheaper (4 against 6), but walked it costs 4 against 3.
    const doc = randomFramework(seededRandom(1));
    const role = (key: string, expectations: Record<string, number>): RoleDocument => ({
      key,
      title: key,
      trackKey: 'track',
      level: 1,
      summary: key,
      responsibilities: [],
      expectations,
    });
    doc.roles = [role('a', {}), role('b', { s: 3 }), role('c', {}), role('d', {}), role('x', { s: 3 }), role('e', {})];
    doc.qualifications = [];
    doc.transitions = [
      ['a', 'b', 0],
      ['a', 'c', 12],
      ['b', 'd', 0],
      ['c', 'd', 0],
      ['d', 'x', 0],
      ['x', 'e', 0],
    ].map(([fromRoleKey, toRoleKey, typicalMonths]) => ({
      fromRoleKey: fromRoleKey as string,
      toRoleKey: toRoleKey as string,
      kind: 'promotion' as const,
      typicalMonths: typicalMonths as number,
    }));
    const hurried = searchCheapestRoute(doc, 'a', 'e', {}, { maxExpandedLabels: 0 });
    expect([keysOf(hurried.route), hurried.route?.totalCost, hurried.optimal]).toEqual([['a', 'c', 'd', 'x', 'e'], 4, false]);
    const searched = searchCheapestRoute(doc, 'a', 'e', {});
    expect([keysOf(searched.route), searched.route?.totalCost, searched.optimal]).toEqual([['a', 'b', 'd', 'x', 'e'], 3, true]);
    expect(bruteForce(doc, 'a', 'e', {}, {})).toEqual({ cost: 3, path: ['a', 'b', 'd', 'x', 'e'] });
  });
});
