import type { FrameworkDocument, RoleDocument, TransitionDocument, TransitionKind } from './document.js';
import { summaryDescriptor } from './scales.js';
import { buildRoleGraph, closestRoles, findCheapestRoute, planRoute, roleGaps, roleProfile, searchCheapestRoute, type Route } from './paths.js';
import { pmoFramework } from './pmo-framework.js';
import { UnknownRoleError } from './roles.js';
import { smallFramework } from './test-fixtures.js';
import { validateFramework } from './validate.js';

/** A framework made of roles with the given expectations (skills s, t, u on a 1-5 scale) and transitions. */
function graph(
  roles: Record<string, Record<string, number>>,
  transitions: Array<[from: string, to: string, months?: number, kind?: TransitionKind]>,
): FrameworkDocument {
  const skills = ['s', 't', 'u'];
  const doc: FrameworkDocument = {
    schemaVersion: '1',
    key: 'graph',
    name: 'Graph',
    proficiencyScale: [1, 2, 3, 4, 5].map((level) => ({ level, name: `L${level}`, summary: `Level ${level}.` })),
    skillCategories: [{ key: 'c', name: 'C' }],
    skills: skills.map((key) => ({
      key,
      name: key.toUpperCase(),
      categoryKey: 'c',
      levels: Object.fromEntries([1, 2, 3, 4, 5].map((l) => [String(l), summaryDescriptor(`${key} at ${l}`)])),
    })),
    tracks: [{ key: 'track', name: 'Track', kind: 'core' }],
    roles: Object.entries(roles).map(
      ([key, expectations], i): RoleDocument => ({
        key,
        title: key.toUpperCase(),
        trackKey: 'track',
        level: i + 1,
        summary: key,
        responsibilities: [],
        expectations,
      }),
    ),
    transitions: transitions.map(
      ([fromRoleKey, toRoleKey, typicalMonths, kind]): TransitionDocument => ({
        fromRoleKey,
        toRoleKey,
        kind: kind ?? 'promotion',
        ...(typicalMonths === undefined ? {} : { typicalMonths }),
      }),
    ),
    qualifications: [],
  };
  return doc;
}

const keysOf = (route: Route | null) => (route ? [route.fromRoleKey, ...route.steps.map((s) => s.toRoleKey)] : null);

describe('buildRoleGraph', () => {
  it('indexes transitions by role and leaves out unknown roles and self-loops', () => {
    const doc = graph({ a: {}, b: {} }, [
      ['a', 'b'],
      ['a', 'ghost'],
      ['b', 'b'],
      ['b', 'a', 6, 'lateral'],
    ]);
    const g = buildRoleGraph(doc);
    expect([...g.roles.keys()]).toEqual(['a', 'b']);
    expect(g.outgoing.get('a')?.map((t) => t.toRoleKey)).toEqual(['b']);
    expect(g.outgoing.get('b')?.map((t) => t.toRoleKey)).toEqual(['a']);
    expect(g.incoming.get('a')?.map((t) => t.fromRoleKey)).toEqual(['b']);
  });
});

describe('roleGaps', () => {
  it('lists the skills where the profile is below the role, in skill order', () => {
    const doc = graph({ r: { u: 2, s: 3, t: 1 } }, []);
    expect(roleGaps(doc, doc.roles[0]!, { s: 1, t: 4 })).toEqual([
      { skillKey: 's', skillName: 'S', currentLevel: 1, requiredLevel: 3, shortfall: 2 },
      { skillKey: 'u', skillName: 'U', currentLevel: 0, requiredLevel: 2, shortfall: 2 },
    ]);
  });
});

describe('roleProfile', () => {
  it('is the positive expectations of a role, so its holder has no gaps against it', () => {
    const doc = graph({ r: { s: 3, t: 0, u: -1 } }, []);
    const role = doc.roles[0]!;
    expect(roleProfile(role)).toEqual({ s: 3 });
    expect(roleGaps(doc, role, roleProfile(role))).toEqual([]);
  });
});

describe('findCheapestRoute', () => {
  it('prices each step by the shortfall against the improving profile plus weighted months', () => {
    const route = findCheapestRoute(smallFramework(), 'pmo-analyst', 'pmo-manager', { planning: 1, 'risk-management': 1 });
    expect(keysOf(route)).toEqual(['pmo-analyst', 'senior-pmo-analyst', 'pmo-manager']);
    const [first, second] = route!.steps;
    // Into Senior PMO Analyst: planning 1→2, risk 1→2, mentoring 0→1 = 3 levels, plus 24 months / 12 = 2.
    expect(first).toMatchObject({ kind: 'promotion', typicalMonths: 24, shortfall: 3, cost: 5, missingQualificationKeys: [] });
    expect(first!.gaps.map((g) => [g.skillKey, g.currentLevel, g.requiredLevel])).toEqual([
      ['planning', 1, 2],
      ['risk-management', 1, 2],
      ['mentoring', 0, 1],
    ]);
    // Into PMO Manager, measured from the Senior PMO Analyst's levels: 3 levels, plus 36 / 12 = 3.
    expect(second!.gaps.map((g) => [g.skillKey, g.currentLevel, g.requiredLevel])).toEqual([
      ['planning', 2, 3],
      ['risk-management', 2, 3],
      ['mentoring', 1, 2],
    ]);
    expect(second).toMatchObject({ shortfall: 3, cost: 6 });
    expect(route).toMatchObject({ totalCost: 11, totalShortfall: 6, totalMonths: 60 });
  });

  it('does not charge twice for a skill learnt earlier on the route', () => {
    // Via b the person learns s=3 that d also needs; via c the first step is cheaper but d then costs 3.
    const doc = graph({ a: {}, b: { s: 3 }, c: { t: 1 }, d: { s: 3 } }, [
      ['a', 'b', 0],
      ['a', 'c', 0],
      ['b', 'd', 0],
      ['c', 'd', 0],
    ]);
    const route = findCheapestRoute(doc, 'a', 'd', {});
    expect(keysOf(route)).toEqual(['a', 'b', 'd']);
    expect(route?.steps.map((s) => s.cost)).toEqual([3, 0]);
    expect(route?.totalCost).toBe(3);
  });

  it('keeps a dearer partial route when the profile it builds pays off later', () => {
    // At d, the route via b is cheaper so far (2 < 3), but only the route via c prepares for e.
    const doc = graph({ a: {}, b: { s: 2 }, c: { t: 3 }, d: {}, e: { t: 3 } }, [
      ['a', 'b', 0],
      ['a', 'c', 0],
      ['b', 'd', 0],
      ['c', 'd', 0],
      ['d', 'e', 0],
    ]);
    const route = findCheapestRoute(doc, 'a', 'e', {});
    expect(keysOf(route)).toEqual(['a', 'c', 'd', 'e']);
    expect(route?.totalCost).toBe(3);
  });

  it('uses the weighting of months, and defaultTypicalMonths when a transition has none', () => {
    const doc = graph({ a: {}, b: { s: 1 }, c: { s: 1 }, d: {} }, [
      ['a', 'b', 30],
      ['a', 'c'],
      ['b', 'd', 0],
      ['c', 'd', 0],
    ]);
    expect(keysOf(findCheapestRoute(doc, 'a', 'd', {}))).toEqual(['a', 'c', 'd']); // 12 default < 30
    expect(findCheapestRoute(doc, 'a', 'd', {})?.steps[0]?.typicalMonths).toBe(12);
    expect(keysOf(findCheapestRoute(doc, 'a', 'd', {}, { defaultTypicalMonths: 48 }))).toEqual(['a', 'b', 'd']);
    const route = findCheapestRoute(doc, 'a', 'd', {}, { monthWeight: 1 });
    expect(route?.totalCost).toBe(1 + 12);
  });

  it('returns null when no route exists', () => {
    const doc = smallFramework();
    expect(findCheapestRoute(doc, 'pmo-manager', 'pmo-analyst', {})).toBeNull();
    expect(findCheapestRoute(doc, 'project-manager', 'pmo-analyst', {})).toBeNull();
  });

  it('returns an empty route from a role to itself', () => {
    expect(findCheapestRoute(smallFramework(), 'pmo-manager', 'pmo-manager', {})).toEqual({
      fromRoleKey: 'pmo-manager',
      toRoleKey: 'pmo-manager',
      steps: [],
      totalCost: 0,
      totalShortfall: 0,
      totalMonths: 0,
      assumedMonthSteps: 0,
    });
  });

  it('marks a step whose transition gives no typical months as assumed', () => {
    const doc = smallFramework();
    delete doc.transitions[0]!.typicalMonths;
    const route = findCheapestRoute(doc, 'pmo-analyst', 'pmo-manager', {})!;
    expect(route.steps.map((s) => [s.toRoleKey, s.typicalMonths, s.monthsAssumed])).toEqual([
      ['senior-pmo-analyst', 12, true],
      ['pmo-manager', 36, false],
    ]);
    expect(route.assumedMonthSteps).toBe(1);
  });

  it('terminates on cycles of lateral moves, with or without a way out', () => {
    const doc = graph({ a: {}, b: { s: 1 }, c: { t: 1 }, d: { u: 1 } }, [
      ['a', 'b', 0, 'lateral'],
      ['b', 'a', 0, 'lateral'],
      ['b', 'c', 0, 'lateral'],
      ['c', 'a', 0, 'lateral'],
      ['c', 'b', 0, 'lateral'],
    ]);
    expect(validateFramework(doc).ok).toBe(true);
    expect(findCheapestRoute(doc, 'a', 'd', {})).toBeNull();
    expect(keysOf(findCheapestRoute(doc, 'a', 'c', {}))).toEqual(['a', 'b', 'c']);
    doc.transitions.push({ fromRoleKey: 'c', toRoleKey: 'd', kind: 'promotion', typicalMonths: 0 });
    expect(keysOf(findCheapestRoute(doc, 'a', 'd', {}))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('breaks ties between equal-cost routes by role keys, whatever the document order', () => {
    const diamond = (first: string, second: string) =>
      graph({ a: {}, [first]: { s: 1 }, [second]: { t: 1 }, z: {} }, [
        ['a', first, 12],
        ['a', second, 12],
        [first, 'z', 12],
        [second, 'z', 12],
      ]);
    expect(keysOf(findCheapestRoute(diamond('b', 'c'), 'a', 'z', {}))).toEqual(['a', 'b', 'z']);
    expect(keysOf(findCheapestRoute(diamond('c', 'b'), 'a', 'z', {}))).toEqual(['a', 'b', 'z']);
  });

  it('prefers fewer steps between equal-cost routes', () => {
    // a→b→z costs 1 + 0; a→z directly costs 1 (months 12 at the default weight): the direct route wins.
    const doc = graph({ a: {}, b: { s: 1 }, z: {} }, [
      ['a', 'b', 0],
      ['b', 'z', 0],
      ['a', 'z', 12],
    ]);
    const route = findCheapestRoute(doc, 'a', 'z', {});
    expect(route?.totalCost).toBe(1);
    expect(keysOf(route)).toEqual(['a', 'z']);
  });

  it('follows only the kinds of transition asked for', () => {
    const doc = smallFramework();
    expect(keysOf(findCheapestRoute(doc, 'pmo-analyst', 'project-manager', {}))).toEqual([
      'pmo-analyst',
      'senior-pmo-analyst',
      'project-manager',
    ]);
    expect(findCheapestRoute(doc, 'pmo-analyst', 'project-manager', {}, { kinds: ['promotion'] })).toBeNull();
  });

  it('lists missing required qualifications and prices them when asked', () => {
    const doc = graph({ a: {}, b: {}, c: { s: 1 }, z: {} }, [
      ['a', 'b', 0],
      ['a', 'c', 0],
      ['b', 'z', 0],
      ['c', 'z', 0],
    ]);
    doc.qualifications.push({ key: 'q', name: 'Q', provider: 'P', skillKeys: [], requiredForRoleKeys: ['b'], recommendedForRoleKeys: [] });
    const unpriced = findCheapestRoute(doc, 'a', 'z', {});
    expect(keysOf(unpriced)).toEqual(['a', 'b', 'z']);
    expect(unpriced?.steps[0]?.missingQualificationKeys).toEqual(['q']);
    expect(keysOf(findCheapestRoute(doc, 'a', 'z', {}, { missingQualificationCost: 2 }))).toEqual(['a', 'c', 'z']);
    const held = findCheapestRoute(doc, 'a', 'z', {}, { missingQualificationCost: 2, heldQualificationKeys: ['q'] });
    expect(keysOf(held)).toEqual(['a', 'b', 'z']);
    expect(held?.steps[0]?.missingQualificationKeys).toEqual([]);
  });

  it('throws for unknown roles and for negative weights', () => {
    expect(() => findCheapestRoute(smallFramework(), 'pmo-analyst', 'cto', {})).toThrow(UnknownRoleError);
    expect(() => findCheapestRoute(smallFramework(), 'pmo-analyst', 'pmo-manager', {}, { monthWeight: -1 })).toThrow(RangeError);
  });

  it('handles an empty framework', () => {
    const empty = graph({}, []);
    expect(validateFramework(empty).ok).toBe(true);
    expect(() => findCheapestRoute(empty, 'a', 'b', {})).toThrow(UnknownRoleError);
    expect(buildRoleGraph(empty).roles.size).toBe(0);
    expect(closestRoles(empty, { s: 3 }, 5)).toEqual([]);
  });

  it('finds routes on the built-in framework, following real transitions, deterministically', () => {
    const administrator = Object.fromEntries(
      Object.entries(pmoFramework.roles.find((r) => r.key === 'pmo-administrator')!.expectations),
    );
    const route = findCheapestRoute(pmoFramework, 'pmo-administrator', 'project-manager', administrator);
    expect(route).not.toBeNull();
    expect(route!.steps.at(-1)?.toRoleKey).toBe('project-manager');
    for (const step of route!.steps) {
      expect(pmoFramework.transitions.some((t) => t.fromRoleKey === step.fromRoleKey && t.toRoleKey === step.toRoleKey)).toBe(true);
    }
    expect(findCheapestRoute(pmoFramework, 'pmo-administrator', 'project-manager', administrator)).toEqual(route);
    expect(findCheapestRoute(pmoFramework, 'portfolio-manager', 'pmo-administrator', {})).toBeNull();
  });
});

describe('planRoute', () => {
  it('returns the same route as findCheapestRoute when there is one', () => {
    const profile = { planning: 1 };
    expect(planRoute(smallFramework(), 'pmo-analyst', 'pmo-manager', profile)).toEqual({
      found: true,
      route: findCheapestRoute(smallFramework(), 'pmo-analyst', 'pmo-manager', profile),
      optimal: true,
    });
  });

  it('answers a route of no steps from a role to itself', () => {
    const result = planRoute(smallFramework(), 'pmo-manager', 'pmo-manager', {});
    expect(result).toMatchObject({ found: true, route: { steps: [], totalMonths: 0, totalShortfall: 0 } });
  });

  it('says the framework is empty instead of throwing', () => {
    expect(planRoute(graph({}, []), 'a', 'b', {})).toEqual({ found: false, reason: 'empty-framework' });
  });

  it('names the unknown role instead of throwing', () => {
    expect(planRoute(smallFramework(), 'pmo-analyst', 'cto', {})).toEqual({ found: false, reason: 'unknown-role', roleKey: 'cto' });
    expect(planRoute(smallFramework(), 'intern', 'cto', {})).toEqual({ found: false, reason: 'unknown-role', roleKey: 'intern' });
  });

  it('tells a dead end from a role nobody moves into and from two disconnected parts', () => {
    // a → b; c → d: a has moves out and d moves in, but nothing joins them.
    const doc = graph({ a: {}, b: {}, c: {}, d: {} }, [
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(planRoute(doc, 'b', 'd', {})).toEqual({ found: false, reason: 'no-moves-out', roleKey: 'b' });
    expect(planRoute(doc, 'a', 'c', {})).toEqual({ found: false, reason: 'no-moves-in', roleKey: 'c' });
    expect(planRoute(doc, 'a', 'd', {})).toEqual({ found: false, reason: 'unreachable' });
  });

  it('judges dead ends by the kinds of move followed', () => {
    // Only a lateral move leaves a: following promotions only, a is a dead end.
    const doc = graph({ a: {}, b: {} }, [['a', 'b', 12, 'lateral']]);
    expect(planRoute(doc, 'a', 'b', {}).found).toBe(true);
    expect(planRoute(doc, 'a', 'b', {}, { kinds: ['promotion'] })).toEqual({ found: false, reason: 'no-moves-out', roleKey: 'a' });
  });

  it('reports an unreachable target inside a cycle of lateral moves', () => {
    const doc = graph({ a: {}, b: {}, c: {}, d: {} }, [
      ['a', 'b', 0, 'lateral'],
      ['b', 'a', 0, 'lateral'],
      ['c', 'd', 0, 'lateral'],
      ['d', 'c', 0, 'lateral'],
    ]);
    expect(planRoute(doc, 'a', 'c', {})).toEqual({ found: false, reason: 'unreachable' });
  });
});

describe('findCheapestRoute on larger graphs', () => {
  it('finds every route of the built-in framework from its holder\'s profile, proven optimal with little work', () => {
    let found = 0;
    for (const from of pmoFramework.roles) {
      for (const to of pmoFramework.roles) {
        const result = planRoute(pmoFramework, from.key, to.key, roleProfile(from));
        if (result.found) {
          found += 1;
          expect(result.optimal).toBe(true);
          expect(result.route.steps.every((step) => step.cost >= 0 && step.gaps.every((gap) => gap.shortfall > 0))).toBe(true);
        } else {
          expect(['no-moves-out', 'no-moves-in', 'unreachable']).toContain(result.reason);
        }
        // This is interactive (one GraphQL request): the work is counted, not timed (bench/ times it).
        expect(searchCheapestRoute(pmoFramework, from.key, to.key, roleProfile(from)).expandedLabels).toBeLessThanOrEqual(100);
      }
    }
    expect(found).toBeGreaterThan(pmoFramework.roles.length);
  });

  it('terminates on a dense graph where every role can move laterally to every other', () => {
    const names = 'abcdefghij'.split('');
    const roles = Object.fromEntries(names.map((name, i) => [name, { s: 1 + (i % 5), t: 1 + ((i * 3) % 5), u: 1 + ((i * 7) % 5) }]));
    const edges: Array<[string, string, number, TransitionKind]> = [];
    for (const from of names) for (const to of names) if (from !== to) edges.push([from, to, 6, 'lateral']);
    const route = findCheapestRoute(graph(roles, edges), 'a', 'j', {});
    expect(route?.steps.at(-1)?.toRoleKey).toBe('j');
    expect(new Set(keysOf(route)).size).toBe(keysOf(route)!.length);
  });
});

/**
 * Brute force: price every simple route by walking it with the same rules (the profile rises to
 * each role stepped into) and keep the best by (cost, steps, role keys).
 */
function bruteForce(doc: FrameworkDocument, from: string, to: string, profile: Record<string, number>, monthWeight = 1 / 12) {
  const g = buildRoleGraph(doc);
  let best: { cost: number; path: string[] } | null = null;
  const better = (cost: number, path: string[]) => {
    if (!best) return true;
    if (Math.abs(cost - best.cost) > 1e-9) return cost < best.cost;
    if (path.length !== best.path.length) return path.length < best.path.length;
    return path.join('\u0000') < best.path.join('\u0000');
  };
  const walk = (role: string, path: string[], levels: Record<string, number>, cost: number) => {
    if (role === to) {
      if (better(cost, path)) best = { cost, path };
      return;
    }
    for (const t of g.outgoing.get(role) ?? []) {
      if (path.includes(t.toRoleKey)) continue;
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
      walk(t.toRoleKey, [...path, t.toRoleKey], next, cost + shortfall + monthWeight * (t.typicalMonths ?? 12));
    }
  };
  walk(from, [from], { ...profile }, 0);
  return best as { cost: number; path: string[] } | null;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('findCheapestRoute against brute force', () => {
  it('matches the best simple route on the built-in framework', () => {
    const administrator = { ...pmoFramework.roles.find((r) => r.key === 'pmo-administrator')!.expectations };
    const pairs: Array<[string, string, Record<string, number>]> = [
      ['pmo-administrator', 'head-of-pmo', administrator],
      ['pmo-administrator', 'project-manager', administrator],
      ['pmo-administrator', 'portfolio-manager', {}],
      ['project-support-officer', 'programme-manager', {}],
      ['business-analyst', 'pmo-manager', { 'requirements-analysis': 4, facilitation: 3 }],
      ['pmo-analyst', 'product-owner', {}],
    ];
    for (const [from, to, profile] of pairs) {
      const expected = bruteForce(pmoFramework, from, to, profile);
      const route = findCheapestRoute(pmoFramework, from, to, profile);
      expect([from, to, keysOf(route), route?.totalCost.toFixed(6)]).toEqual([from, to, expected?.path ?? null, expected?.cost.toFixed(6)]);
    }
  });

  it('matches the best simple route on random graphs with mixed profiles', () => {
    const next = random(20240611);
    const pick = (n: number) => Math.floor(next() * n);
    for (let trial = 0; trial < 150; trial++) {
      const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].slice(0, 3 + pick(5));
      const roles = Object.fromEntries(
        names.map((name) => [name, Object.fromEntries(['s', 't', 'u'].filter(() => next() < 0.6).map((skill) => [skill, 1 + pick(5)]))]),
      );
      const edges: Array<[string, string, number, TransitionKind]> = [];
      for (const from of names) {
        for (const to of names) {
          if (from !== to && next() < 0.35) edges.push([from, to, pick(4) * 6, next() < 0.5 ? 'promotion' : 'lateral']);
        }
      }
      const doc = graph(roles, edges);
      const profile = { s: pick(4), t: pick(4), u: pick(4) };
      const weight = [0, 1 / 12, 1][pick(3)]!;
      const from = names[pick(names.length)]!;
      const to = names[pick(names.length)]!;
      const expected = from === to ? { cost: 0, path: [from] } : bruteForce(doc, from, to, profile, weight);
      const route = findCheapestRoute(doc, from, to, profile, { monthWeight: weight });
      expect([trial, keysOf(route), route?.totalCost.toFixed(6)]).toEqual([trial, expected?.path ?? null, expected?.cost.toFixed(6)]);
    }
  });
});
