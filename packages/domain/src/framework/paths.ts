import type { FrameworkDocument, RoleDocument, TransitionDocument, TransitionKind } from './document.js';
import { expectedLevel, getRole } from './roles.js';

/**
 * A person's proficiency per skill key. In roleGaps and findCheapestRoute a missing skill counts as
 * level 0; everywhere else (closestRoles, readiness, plan gaps, the publish preview) a missing skill is
 * unknown, not 0 (see known-profile.ts, whose knownGaps gives a route step's gaps under that rule).
 */
export type SkillProfile = Readonly<Record<string, number>>;

/** One skill where a person is below what a role expects. */
export interface SkillGap {
  skillKey: string;
  /** The skill's name, or its key when the framework does not define the skill. */
  skillName: string;
  currentLevel: number;
  requiredLevel: number;
  /** requiredLevel − currentLevel, always ≥ 1. */
  shortfall: number;
}

// ---------------------------------------------------------------------------------------------
// The role graph

export interface RoleGraph {
  roles: ReadonlyMap<string, RoleDocument>;
  /** Transitions leaving each role (every role has an entry), in document order. */
  outgoing: ReadonlyMap<string, readonly TransitionDocument[]>;
  /** Transitions arriving at each role (every role has an entry), in document order. */
  incoming: ReadonlyMap<string, readonly TransitionDocument[]>;
}

/**
 * Roles as nodes and transitions as directed edges. Transitions that name an unknown role or lead
 * a role to itself are left out (validateFramework reports them).
 */
export function buildRoleGraph(doc: FrameworkDocument): RoleGraph {
  const roles = new Map<string, RoleDocument>();
  for (const role of doc.roles) if (!roles.has(role.key)) roles.set(role.key, role);
  const outgoing = new Map<string, TransitionDocument[]>([...roles.keys()].map((k) => [k, []]));
  const incoming = new Map<string, TransitionDocument[]>([...roles.keys()].map((k) => [k, []]));
  for (const t of doc.transitions) {
    if (t.fromRoleKey === t.toRoleKey) continue;
    const out = outgoing.get(t.fromRoleKey);
    const inc = incoming.get(t.toRoleKey);
    if (!out || !inc) continue;
    out.push(t);
    inc.push(t);
  }
  return { roles, outgoing, incoming };
}

// ---------------------------------------------------------------------------------------------
// Gaps

/** The profile of someone who exactly meets a role: its positive expectations (the assumed profile of its holder). */
export function roleProfile(role: RoleDocument): SkillProfile {
  const profile: Record<string, number> = {};
  for (const key of Object.keys(role.expectations)) {
    const level = expectedLevel(role, key);
    if (level > 0) profile[key] = level;
  }
  return profile;
}

function levelOf(profile: SkillProfile, skillKey: string): number {
  const value = Object.prototype.hasOwnProperty.call(profile, skillKey) ? profile[skillKey] : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Skill keys a role expects, in the framework's skill order (skills the framework lacks last, by key). */
function expectedSkillKeys(doc: FrameworkDocument, role: RoleDocument): string[] {
  const known = new Set(doc.skills.map((s) => s.key));
  const keys = doc.skills.map((s) => s.key).filter((key) => expectedLevel(role, key) > 0);
  const unknown = Object.keys(role.expectations).filter((key) => !known.has(key) && expectedLevel(role, key) > 0);
  return [...keys, ...unknown.sort()];
}

/** Where the profile falls short of a role's expectations, in the framework's skill order. */
export function roleGaps(doc: FrameworkDocument, role: RoleDocument, profile: SkillProfile): SkillGap[] {
  const names = new Map(doc.skills.map((s) => [s.key, s.name]));
  const gaps: SkillGap[] = [];
  for (const skillKey of expectedSkillKeys(doc, role)) {
    const requiredLevel = expectedLevel(role, skillKey);
    const currentLevel = levelOf(profile, skillKey);
    if (currentLevel >= requiredLevel) continue;
    gaps.push({ skillKey, skillName: names.get(skillKey) ?? skillKey, currentLevel, requiredLevel, shortfall: requiredLevel - currentLevel });
  }
  return gaps;
}

function sumShortfall(gaps: readonly SkillGap[]): number {
  return gaps.reduce((sum, gap) => sum + gap.shortfall, 0);
}

// ---------------------------------------------------------------------------------------------
// Closest roles: ranked by fit under the unknown-skill rule (closest-roles.ts), re-exported here.

export { closestRoles, roleFit, type RoleFit, type ClosestRolesOptions } from './closest-roles.js';

// ---------------------------------------------------------------------------------------------
// Cheapest route

/**
 * How a route is priced. The cost of a step into role R is
 *
 *     shortfall(profile so far, R's expectations)                  (levels, summed over R's skills)
 *   + monthWeight × typical months of the transition
 *   + missingQualificationCost × R's required qualifications the person does not hold yet
 *
 * With the defaults, one year of typical time costs as much as one level of skill shortfall:
 * skill gaps dominate (a promotion typically asks for 10–25 levels of growth over 1–4 years) and
 * time separates routes whose gaps are similar.
 */
export interface RouteOptions {
  /** Cost of one month of typical time. Default 1/12 (a year = one level of shortfall). */
  monthWeight?: number;
  /** Months assumed for a transition without typicalMonths. Default 12. */
  defaultTypicalMonths?: number;
  /** Only follow these kinds of transition. Default: promotions and lateral moves. */
  kinds?: readonly TransitionKind[];
  /** Qualifications the person already holds (keys). */
  heldQualificationKeys?: readonly string[];
  /** Cost of each required qualification of the target role that the person lacks. Default 0 (listed, not priced). */
  missingQualificationCost?: number;
}

export interface RouteStep {
  fromRoleKey: string;
  toRoleKey: string;
  kind: TransitionKind;
  /** The transition's typical months, or defaultTypicalMonths when it has none. */
  typicalMonths: number;
  guidance?: string;
  /** Gaps against the target role, measured on the profile as it stands after the earlier steps. */
  gaps: SkillGap[];
  shortfall: number;
  /** Required qualifications of the target role the person does not hold at this point. */
  missingQualificationKeys: string[];
  cost: number;
}

export interface Route {
  fromRoleKey: string;
  toRoleKey: string;
  steps: RouteStep[];
  totalCost: number;
  totalShortfall: number;
  totalMonths: number;
}

const DEFAULT_ROUTE_KINDS: readonly TransitionKind[] = ['promotion', 'lateral'];

const EPSILON = 1e-9;

/** Rounds away floating-point noise so that equal sums compare equal (costs are shown, not integrated). */
function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

interface Label {
  role: string;
  /** Levels per skill index (see `skillIndex` in findCheapestRoute). */
  levels: number[];
  held: ReadonlySet<string>;
  cost: number;
  path: string[];
  steps: RouteStep[];
  dead: boolean;
}

/** Cheaper first; on equal cost fewer steps; then the route whose role keys come first in order. */
function compareLabels(a: Label, b: Label): number {
  if (Math.abs(a.cost - b.cost) > EPSILON) return a.cost < b.cost ? -1 : 1;
  return comparePaths(a.path, b.path);
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * `a` makes `b` pointless: reaching the same role no dearer, knowing at least as much and holding at
 * least the same qualifications can only make every continuation no dearer (shortfall never grows
 * with the profile), and on an exact tie `a` also wins the tie-break.
 */
function dominates(a: Label, b: Label): boolean {
  if (a.cost > b.cost + EPSILON) return false;
  for (let i = 0; i < a.levels.length; i++) if ((a.levels[i] as number) < (b.levels[i] as number)) return false;
  for (const q of b.held) if (!a.held.has(q)) return false;
  return a.cost < b.cost - EPSILON || comparePaths(a.path, b.path) <= 0;
}

class LabelHeap {
  private readonly items: Label[] = [];

  get size(): number {
    return this.items.length;
  }

  push(label: Label): void {
    const items = this.items;
    items.push(label);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compareLabels(items[i] as Label, items[parent] as Label) >= 0) break;
      [items[i], items[parent]] = [items[parent] as Label, items[i] as Label];
      i = parent;
    }
  }

  pop(): Label | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && compareLabels(items[left] as Label, items[smallest] as Label) < 0) smallest = left;
      if (right < items.length && compareLabels(items[right] as Label, items[smallest] as Label) < 0) smallest = right;
      if (smallest === i) break;
      [items[i], items[smallest]] = [items[smallest] as Label, items[i] as Label];
      i = smallest;
    }
    return top;
  }
}

/**
 * The cheapest route from one role to another for a person with the given skill profile, or null
 * when no chain of transitions leads there. Throws UnknownRoleError for an unknown role key.
 *
 * The profile improves as the route is walked: after each step the person is assumed to meet the
 * role they stepped into (and to hold its required qualifications). The starting role is not
 * assumed met. So a step's gaps are measured against the profile as it stands after the earlier
 * steps, and skills learnt early are not paid for twice.
 *
 * Because the cost of a step depends on the route walked so far, the search is a Dijkstra over
 * (role, profile) labels with dominance pruning, not over roles alone; it is exact. Routes never
 * visit a role twice (costs are never negative, so a loop cannot help), which also makes cycles of
 * lateral moves harmless. Equal-cost routes are broken deterministically: fewer steps first, then
 * the route whose sequence of role keys sorts first.
 */
export function findCheapestRoute(
  doc: FrameworkDocument,
  fromRoleKey: string,
  toRoleKey: string,
  profile: SkillProfile,
  options: RouteOptions = {},
): Route | null {
  getRole(doc, fromRoleKey);
  getRole(doc, toRoleKey);
  const monthWeight = options.monthWeight ?? 1 / 12;
  const defaultMonths = options.defaultTypicalMonths ?? 12;
  const kinds = new Set<TransitionKind>(options.kinds ?? DEFAULT_ROUTE_KINDS);
  const qualificationCost = options.missingQualificationCost ?? 0;
  if (!(monthWeight >= 0) || !(defaultMonths >= 0) || !(qualificationCost >= 0)) {
    throw new RangeError('route weights must be zero or positive');
  }

  const graph = buildRoleGraph(doc);
  const skillKeys = [...new Set([...doc.skills.map((s) => s.key), ...doc.roles.flatMap((r) => Object.keys(r.expectations))])];
  const skillIndex = new Map(skillKeys.map((key, i) => [key, i]));
  const requiredQualifications = new Map<string, string[]>();
  for (const q of doc.qualifications) {
    for (const roleKey of q.requiredForRoleKeys) {
      requiredQualifications.set(roleKey, [...(requiredQualifications.get(roleKey) ?? []), q.key]);
    }
  }

  const start: Label = {
    role: fromRoleKey,
    levels: skillKeys.map((key) => levelOf(profile, key)),
    held: new Set(options.heldQualificationKeys ?? []),
    cost: 0,
    path: [fromRoleKey],
    steps: [],
    dead: false,
  };
  const labelsAt = new Map<string, Label[]>([[fromRoleKey, [start]]]);
  const heap = new LabelHeap();
  heap.push(start);

  while (heap.size > 0) {
    const label = heap.pop() as Label;
    if (label.dead) continue;
    if (label.role === toRoleKey) return toRoute(fromRoleKey, toRoleKey, label);
    for (const transition of graph.outgoing.get(label.role) ?? []) {
      if (!kinds.has(transition.kind) || label.path.includes(transition.toRoleKey)) continue;
      const target = graph.roles.get(transition.toRoleKey) as RoleDocument;
      const current: Record<string, number> = {};
      skillKeys.forEach((key, i) => (current[key] = label.levels[i] as number));
      const gaps = roleGaps(doc, target, current);
      const shortfall = sumShortfall(gaps);
      const missing = (requiredQualifications.get(target.key) ?? []).filter((q) => !label.held.has(q));
      const months = transition.typicalMonths ?? defaultMonths;
      const cost = tidy(shortfall + monthWeight * months + qualificationCost * missing.length);
      const levels = [...label.levels];
      for (const gap of gaps) levels[skillIndex.get(gap.skillKey) as number] = gap.requiredLevel;
      const next: Label = {
        role: target.key,
        levels,
        held: missing.length > 0 ? new Set([...label.held, ...missing]) : label.held,
        cost: tidy(label.cost + cost),
        path: [...label.path, target.key],
        steps: [
          ...label.steps,
          {
            fromRoleKey: label.role,
            toRoleKey: target.key,
            kind: transition.kind,
            typicalMonths: months,
            ...(transition.guidance !== undefined ? { guidance: transition.guidance } : {}),
            gaps,
            shortfall,
            missingQualificationKeys: missing,
            cost,
          },
        ],
        dead: false,
      };
      const here = labelsAt.get(target.key) ?? [];
      if (here.some((other) => !other.dead && dominates(other, next))) continue;
      for (const other of here) if (!other.dead && dominates(next, other)) other.dead = true;
      labelsAt.set(target.key, [...here.filter((other) => !other.dead), next]);
      heap.push(next);
    }
  }
  return null;
}

function toRoute(fromRoleKey: string, toRoleKey: string, label: Label): Route {
  return {
    fromRoleKey,
    toRoleKey,
    steps: label.steps,
    totalCost: label.cost,
    totalShortfall: label.steps.reduce((sum, step) => sum + step.shortfall, 0),
    totalMonths: label.steps.reduce((sum, step) => sum + step.typicalMonths, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Route with an explicit answer when there is none

/**
 * Why there is no route, most specific first:
 * - `empty-framework`: the framework has no roles at all;
 * - `unknown-role`: a role key is not in the framework (`roleKey` says which);
 * - `no-moves-out`: the starting role has no move of the kinds followed;
 * - `no-moves-in`: no move of the kinds followed leads into the target role;
 * - `unreachable`: moves exist at both ends, but no chain of them connects the two roles.
 */
export type NoRouteReason = 'empty-framework' | 'unknown-role' | 'no-moves-out' | 'no-moves-in' | 'unreachable';

export type RouteResult =
  | { found: true; route: Route }
  | { found: false; reason: NoRouteReason; roleKey?: string };

/**
 * {@link findCheapestRoute} with every outcome as a value: a route (possibly of no steps, from a role
 * to itself), or the reason there is none. Never throws for unknown roles or an empty framework;
 * still throws RangeError for negative weights (a programming error, not an answer).
 */
export function planRoute(
  doc: FrameworkDocument,
  fromRoleKey: string,
  toRoleKey: string,
  profile: SkillProfile,
  options: RouteOptions = {},
): RouteResult {
  const graph = buildRoleGraph(doc);
  if (graph.roles.size === 0) return { found: false, reason: 'empty-framework' };
  for (const key of [fromRoleKey, toRoleKey]) {
    if (!graph.roles.has(key)) return { found: false, reason: 'unknown-role', roleKey: key };
  }
  const route = findCheapestRoute(doc, fromRoleKey, toRoleKey, profile, options);
  if (route) return { found: true, route };
  const kinds = new Set<TransitionKind>(options.kinds ?? DEFAULT_ROUTE_KINDS);
  const followed = (moves: readonly TransitionDocument[] | undefined) => (moves ?? []).some((t) => kinds.has(t.kind));
  if (!followed(graph.outgoing.get(fromRoleKey))) return { found: false, reason: 'no-moves-out', roleKey: fromRoleKey };
  if (!followed(graph.incoming.get(toRoleKey))) return { found: false, reason: 'no-moves-in', roleKey: toRoleKey };
  return { found: false, reason: 'unreachable' };
}
