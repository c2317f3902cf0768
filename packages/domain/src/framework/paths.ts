import type { FrameworkDocument, RoleDocument, TransitionDocument, TransitionKind } from './document.js';
import { expectedLevel, getRole } from './roles.js';
import { searchRoute, tidy } from './route-search.js';

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

/** The framework's skills by key: their order and names (built once per call, not once per role). */
interface SkillCatalogue {
  order: ReadonlyMap<string, number>;
  names: ReadonlyMap<string, string>;
}

function catalogueOf(doc: FrameworkDocument): SkillCatalogue {
  const order = new Map<string, number>();
  doc.skills.forEach((s, i) => {
    if (!order.has(s.key)) order.set(s.key, i);
  });
  return { order, names: new Map(doc.skills.map((s) => [s.key, s.name])) };
}

/** Skill keys a role expects, in the framework's skill order (skills the framework lacks last, by key). */
function expectedSkillKeys(catalogue: SkillCatalogue, role: RoleDocument): string[] {
  const keys = Object.keys(role.expectations).filter((key) => expectedLevel(role, key) > 0);
  const rank = (key: string) => catalogue.order.get(key) ?? Infinity;
  return keys.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Where the profile falls short of a role's expectations, in the framework's skill order. */
export function roleGaps(doc: FrameworkDocument, role: RoleDocument, profile: SkillProfile): SkillGap[] {
  return gapsOf(catalogueOf(doc), role, profile);
}

function gapsOf(catalogue: SkillCatalogue, role: RoleDocument, profile: SkillProfile): SkillGap[] {
  const gaps: SkillGap[] = [];
  for (const skillKey of expectedSkillKeys(catalogue, role)) {
    const requiredLevel = expectedLevel(role, skillKey);
    const currentLevel = levelOf(profile, skillKey);
    if (currentLevel >= requiredLevel) continue;
    gaps.push({ skillKey, skillName: catalogue.names.get(skillKey) ?? skillKey, currentLevel, requiredLevel, shortfall: requiredLevel - currentLevel });
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
  /**
   * Search budget: partial routes extended before the best route found so far is returned with
   * `optimal: false`. Default {@link DEFAULT_MAX_EXPANDED_LABELS}.
   */
  maxExpandedLabels?: number;
  /** Search budget: partial routes made before the search stops. Default {@link DEFAULT_MAX_GENERATED_LABELS}. */
  maxGeneratedLabels?: number;
  /**
   * Incomparable partial routes kept at one role; past that the least promising is dropped and the
   * route is no longer proven optimal unless nothing dropped could have beaten it.
   * Default {@link DEFAULT_MAX_LABELS_PER_ROLE}.
   */
  maxLabelsPerRole?: number;
}

export interface RouteStep {
  fromRoleKey: string;
  toRoleKey: string;
  kind: TransitionKind;
  /** The transition's typical months, or defaultTypicalMonths when it has none (see monthsAssumed). */
  typicalMonths: number;
  /** true when the transition gives no typical months and defaultTypicalMonths was assumed: say so. */
  monthsAssumed: boolean;
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
  /** How many steps' months were assumed (no typical months given). */
  assumedMonthSteps: number;
}

const DEFAULT_ROUTE_KINDS: readonly TransitionKind[] = ['promotion', 'lateral'];

/** Default search budget: partial routes extended before the best route found so far is returned as is. */
export const DEFAULT_MAX_EXPANDED_LABELS = 5_000;
/** Default search budget: partial routes made (each extension by one move) before the search stops. */
export const DEFAULT_MAX_GENERATED_LABELS = 40_000;
/** Default number of incomparable partial routes kept at one role (see route-search.ts). */
export const DEFAULT_MAX_LABELS_PER_ROLE = 64;


/** A route and whether the search proved it the cheapest. */
export interface RouteSearchResult {
  route: Route | null;
  /**
   * False when the search budget ran out first: the route is the best found, and a cheaper one may
   * exist. True when no cheaper route (nor an equally cheap one that wins the tie-break) exists.
   */
  optimal: boolean;
  /** Work done: partial routes extended, and partial routes made. */
  expandedLabels: number;
  generatedLabels: number;
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
 * Because the cost of a step depends on the route walked so far, the search runs over (role,
 * profile) labels, not over roles alone: a best-first branch and bound, exact within a budget of
 * work (see route-search.ts and {@link searchCheapestRoute}, which also says whether the route was
 * proven cheapest). Routes never visit a role twice (costs are never negative, so a loop cannot
 * help), which also makes cycles of lateral moves harmless. Equal-cost routes are broken
 * deterministically: fewer steps first, then the route whose sequence of role keys sorts first.
 */
export function findCheapestRoute(
  doc: FrameworkDocument,
  fromRoleKey: string,
  toRoleKey: string,
  profile: SkillProfile,
  options: RouteOptions = {},
): Route | null {
  return searchCheapestRoute(doc, fromRoleKey, toRoleKey, profile, options).route;
}

/** {@link findCheapestRoute} with whether the route is proven cheapest and the work it took. */
export function searchCheapestRoute(
  doc: FrameworkDocument,
  fromRoleKey: string,
  toRoleKey: string,
  profile: SkillProfile,
  options: RouteOptions = {},
): RouteSearchResult {
  getRole(doc, fromRoleKey);
  getRole(doc, toRoleKey);
  const monthWeight = options.monthWeight ?? 1 / 12;
  const defaultMonths = options.defaultTypicalMonths ?? 12;
  const kinds = new Set<TransitionKind>(options.kinds ?? DEFAULT_ROUTE_KINDS);
  const qualificationCost = options.missingQualificationCost ?? 0;
  if (!(monthWeight >= 0) || !(defaultMonths >= 0) || !(qualificationCost >= 0)) {
    throw new RangeError('route weights must be zero or positive');
  }
  const maxExpandedLabels = options.maxExpandedLabels ?? DEFAULT_MAX_EXPANDED_LABELS;
  const maxGeneratedLabels = options.maxGeneratedLabels ?? DEFAULT_MAX_GENERATED_LABELS;
  const maxLabelsPerRole = options.maxLabelsPerRole ?? DEFAULT_MAX_LABELS_PER_ROLE;
  if (!(maxExpandedLabels >= 0) || !(maxGeneratedLabels >= 0) || !(maxLabelsPerRole >= 1)) throw new RangeError('route search budget must be positive');

  const graph = buildRoleGraph(doc);
  const skillKeys = [...new Set([...doc.skills.map((s) => s.key), ...doc.roles.flatMap((r) => Object.keys(r.expectations))])];
  const requiredQualifications = new Map<string, string[]>();
  for (const q of doc.qualifications) {
    for (const roleKey of q.requiredForRoleKeys) {
      requiredQualifications.set(roleKey, [...(requiredQualifications.get(roleKey) ?? []), q.key]);
    }
  }
  const heldQualificationKeys = options.heldQualificationKeys ?? [];
  const outcome = searchRoute({
    graph,
    skillKeys,
    fromRoleKey,
    toRoleKey,
    profile,
    kinds,
    monthWeight,
    defaultTypicalMonths: defaultMonths,
    qualificationCost,
    heldQualificationKeys,
    requiredQualifications,
    maxExpandedLabels,
    maxGeneratedLabels,
    maxLabelsPerRole,
  });
  const stats = { optimal: outcome.optimal, expandedLabels: outcome.expandedLabels, generatedLabels: outcome.generatedLabels };
  if (!outcome.moves) return { route: null, ...stats };

  // Walk the chosen moves with the pricing rules to give each step its gaps and figures.
  const catalogue = catalogueOf(doc);
  const current: Record<string, number> = Object.fromEntries(skillKeys.map((key) => [key, levelOf(profile, key)]));
  let held = new Set(heldQualificationKeys);
  let cost = 0;
  const steps: RouteStep[] = [];
  for (const transition of outcome.moves) {
    const target = graph.roles.get(transition.toRoleKey) as RoleDocument;
    const gaps = gapsOf(catalogue, target, current);
    const shortfall = sumShortfall(gaps);
    const missing = (requiredQualifications.get(target.key) ?? []).filter((q) => !held.has(q));
    const months = transition.typicalMonths ?? defaultMonths;
    const stepCost = tidy(shortfall + monthWeight * months + qualificationCost * missing.length);
    cost = tidy(cost + stepCost);
    for (const gap of gaps) current[gap.skillKey] = gap.requiredLevel;
    if (missing.length > 0) held = new Set([...held, ...missing]);
    steps.push({
      fromRoleKey: transition.fromRoleKey,
      toRoleKey: target.key,
      kind: transition.kind,
      typicalMonths: months,
      monthsAssumed: transition.typicalMonths === undefined,
      ...(transition.guidance !== undefined ? { guidance: transition.guidance } : {}),
      gaps,
      shortfall,
      missingQualificationKeys: missing,
      cost: stepCost,
    });
  }
  return { route: toRoute(fromRoleKey, toRoleKey, steps, cost), ...stats };
}

function toRoute(fromRoleKey: string, toRoleKey: string, steps: RouteStep[], totalCost: number): Route {
  return {
    fromRoleKey,
    toRoleKey,
    steps,
    totalCost,
    totalShortfall: steps.reduce((sum, step) => sum + step.shortfall, 0),
    totalMonths: steps.reduce((sum, step) => sum + step.typicalMonths, 0),
    assumedMonthSteps: steps.filter((step) => step.monthsAssumed).length,
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
  | { found: true; route: Route; /** See RouteSearchResult.optimal. */ optimal: boolean }
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
  const { route, optimal } = searchCheapestRoute(doc, fromRoleKey, toRoleKey, profile, options);
  if (route) return { found: true, route, optimal };
  const kinds = new Set<TransitionKind>(options.kinds ?? DEFAULT_ROUTE_KINDS);
  const followed = (moves: readonly TransitionDocument[] | undefined) => (moves ?? []).some((t) => kinds.has(t.kind));
  if (!followed(graph.outgoing.get(fromRoleKey))) return { found: false, reason: 'no-moves-out', roleKey: fromRoleKey };
  if (!followed(graph.incoming.get(toRoleKey))) return { found: false, reason: 'no-moves-in', roleKey: toRoleKey };
  return { found: false, reason: 'unreachable' };
}
