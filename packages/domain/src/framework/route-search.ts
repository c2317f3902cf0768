import type { RoleDocument, TransitionDocument, TransitionKind } from './document.js';
import type { RoleGraph, SkillProfile } from './paths.js';
import { expectedLevel } from './roles.js';

/**
 * The search behind findCheapestRoute: which moves make the cheapest route, and how much work it
 * took to know. Pricing rules are in RouteOptions (paths.ts); this file only searches.
 *
 * Why it is not a plain Dijkstra: the price of a step depends on everything learnt on the way
 * (the profile rises to each role stepped into), so the state is (role, profile, qualifications
 * held), and the number of such states can grow exponentially with the length of the route (each
 * lateral move brings other skills). Exactly minimising such a price is NP-hard in general (with
 * qualifications priced, it contains the minimum-label path problem), so the search is exact under
 * a budget:
 *
 * 1. An upper bound first, in polynomial time: Dijkstras over roles where each step is priced
 *    as if the person only knew their starting profile (or that raised to the target's
 *    expectations, which every route pays for anyway) and the role they step from. Their routes,
 *    priced exactly, give the incumbent: there is always an answer when a route exists.
 * 2. Then a best-first (A*) branch and bound over (role, profile) labels: f = cost so far + a
 *    lower bound of the rest (the target's own shortfall against the profile so far, its missing
 *    qualifications, and the fewest weighted months to it). Labels that cannot beat the incumbent
 *    are dropped, and so are labels dominated at the same role (no dearer, knowing no less,
 *    holding no fewer qualifications). When the best f left exceeds the incumbent, the incumbent
 *    is optimal.
 * 3. Work is counted: at `maxExpandedLabels` labels extended or `maxGeneratedLabels` labels made,
 *    the search stops and returns the incumbent with `optimal: false`. At most `maxLabelsPerRole`
 *    incomparable labels are kept per role (the least promising is dropped, and the answer is then
 *    proven only if nothing dropped could have beaten it). Each label made costs O(skills) plus a
 *    dominance check against at most maxLabelsPerRole others, so the work is bounded by
 *    maxGeneratedLabels × maxLabelsPerRole × skills plus the Dijkstras' O(transitions × skills +
 *    roles log roles): polynomial in the framework's size whatever its shape. On a 200-role,
 *    400-skill framework the defaults stop within a few hundred milliseconds.
 */

export interface RouteSearchInput {
  graph: RoleGraph;
  /** Every skill key in play: the framework's, then any only named by expectations. */
  skillKeys: readonly string[];
  fromRoleKey: string;
  toRoleKey: string;
  profile: SkillProfile;
  kinds: ReadonlySet<TransitionKind>;
  monthWeight: number;
  defaultTypicalMonths: number;
  qualificationCost: number;
  heldQualificationKeys: readonly string[];
  /** Required qualification keys per role key, in document order. */
  requiredQualifications: ReadonlyMap<string, readonly string[]>;
  maxExpandedLabels: number;
  maxGeneratedLabels: number;
  /** Incomparable labels kept at one role (a beam: past it, the label with the highest f is dropped). */
  maxLabelsPerRole: number;
}

export interface RouteSearchStats {
  /** Labels taken off the queue and extended by every move out of their role. */
  expandedLabels: number;
  /** Labels made (before pruning). */
  generatedLabels: number;
}

export interface RouteSearchOutcome extends RouteSearchStats {
  /** The moves of the cheapest route found, in order; null when no route exists. */
  moves: TransitionDocument[] | null;
  /** True when no cheaper route (nor an equally cheap one that wins the tie-break) exists. */
  optimal: boolean;
}

const EPSILON = 1e-9;

/** Rounds away floating-point noise so that equal sums compare equal (costs are shown, not integrated). */
export function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

function levelOf(profile: SkillProfile, skillKey: string): number {
  const value = Object.prototype.hasOwnProperty.call(profile, skillKey) ? profile[skillKey] : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

type Ranks = Uint8Array | Uint16Array | Float64Array;

/** What a person knows at a point of a route: levels (as ranks), their group sums, qualifications held. */
interface Known {
  ranks: Ranks;
  sums: Int32Array;
  held: Uint8Array;
}

/** Skills are put in 16 groups (by index) for the quick dominance test. */
const GROUP_MASK = 15;

interface Label {
  role: number;
  /** Per skill, the rank of the level known (see `values`). */
  ranks: Ranks;
  /** Sums of `ranks` over groups of skills: a quick test that rules most labels out of dominating another. */
  sums: Int32Array;
  /** Per qualification, 1 when held. Shared with the parent when unchanged. */
  held: Uint8Array;
  /** Cost so far (tidied as each step is added, as the route's own figures are). */
  g: number;
  /** g + lower bound of the rest. */
  f: number;
  depth: number;
  parent: Label | null;
  via: TransitionDocument | null;
  seq: number;
  dead: boolean;
}

interface Incumbent {
  g: number;
  moves: TransitionDocument[];
  keys: string[];
}

export function searchRoute(input: RouteSearchInput): RouteSearchOutcome {
  const { graph, kinds, monthWeight, qualificationCost } = input;
  const roleKeys = [...graph.roles.keys()];
  const roleIndex = new Map(roleKeys.map((key, i) => [key, i]));
  const from = roleIndex.get(input.fromRoleKey) as number;
  const to = roleIndex.get(input.toRoleKey) as number;
  const stats: RouteSearchStats = { expandedLabels: 0, generatedLabels: 0 };
  if (from === to) return { moves: [], optimal: true, ...stats };

  // Levels as ranks among every level in play, so a profile fits in a small typed array and
  // comparisons stay exact; `values[rank]` is the level itself.
  const skillIndex = new Map(input.skillKeys.map((key, i) => [key, i]));
  const startLevels = input.skillKeys.map((key) => levelOf(input.profile, key));
  const levelSet = new Set<number>([0, ...startLevels]);
  for (const role of graph.roles.values()) for (const key of Object.keys(role.expectations)) levelSet.add(expectedLevel(role, key));
  const values = [...levelSet].sort((a, b) => a - b);
  const rankOf = new Map(values.map((value, i) => [value, i]));
  const newRanks = (): Ranks =>
    values.length <= 0x100
      ? new Uint8Array(input.skillKeys.length)
      : values.length <= 0x10000
        ? new Uint16Array(input.skillKeys.length)
        : new Float64Array(input.skillKeys.length);

  // Each role's positive expectations as (skill, rank) pairs, in skill order as roleGaps walks them.
  const expects: Array<{ skills: Int32Array; ranks: Int32Array }> = roleKeys.map((key) => {
    const role = graph.roles.get(key) as RoleDocument;
    const pairs = Object.keys(role.expectations)
      .map((skill) => [skillIndex.get(skill) as number, expectedLevel(role, skill)] as const)
      .filter(([, level]) => level > 0)
      .sort((a, b) => a[0] - b[0]);
    return { skills: Int32Array.from(pairs, ([s]) => s), ranks: Int32Array.from(pairs, ([, level]) => rankOf.get(level) as number) };
  });
  const qualificationKeys = [
    ...new Set([...input.heldQualificationKeys, ...[...input.requiredQualifications.values()].flat()]),
  ];
  const qualificationIndex = new Map(qualificationKeys.map((key, i) => [key, i]));
  const required: Int32Array[] = roleKeys.map((key) =>
    Int32Array.from(input.requiredQualifications.get(key) ?? [], (q) => qualificationIndex.get(q) as number),
  );
  const months = (t: TransitionDocument) => t.typicalMonths ?? input.defaultTypicalMonths;
  const outgoing: TransitionDocument[][] = roleKeys.map((key) => (graph.outgoing.get(key) ?? []).filter((t) => kinds.has(t.kind)));

  /** Price of stepping into `role` with this profile and these qualifications. */
  const stepCost = (ranks: Ranks, held: Uint8Array, role: number, transition: TransitionDocument): number => {
    const e = expects[role] as { skills: Int32Array; ranks: Int32Array };
    let shortfall = 0;
    for (let i = 0; i < e.skills.length; i++) {
      const have = ranks[e.skills[i] as number] as number;
      const need = e.ranks[i] as number;
      if (have < need) shortfall += (values[need] as number) - (values[have] as number);
    }
    let missing = 0;
    for (const q of required[role] as Int32Array) if (held[q] === 0) missing += 1;
    return tidy(shortfall + monthWeight * months(transition) + qualificationCost * missing);
  };
  const stepInto = (ranks: Ranks, sums: Int32Array, held: Uint8Array, role: number): Known => {
    const e = expects[role] as { skills: Int32Array; ranks: Int32Array };
    const nextRanks = ranks.slice() as Ranks;
    const nextSums = sums.slice();
    for (let i = 0; i < e.skills.length; i++) {
      const s = e.skills[i] as number;
      const need = e.ranks[i] as number;
      const have = nextRanks[s] as number;
      if (have < need) {
        nextRanks[s] = need;
        nextSums[s & GROUP_MASK] = (nextSums[s & GROUP_MASK] as number) + need - have;
      }
    }
    let nextHeld = held;
    for (const q of required[role] as Int32Array) {
      if (nextHeld[q] === 0) {
        if (nextHeld === held) nextHeld = held.slice();
        nextHeld[q] = 1;
      }
    }
    return { ranks: nextRanks, sums: nextSums, held: nextHeld };
  };

  const startRanks = newRanks();
  startLevels.forEach((level, i) => (startRanks[i] = rankOf.get(level) as number));
  const startSums = new Int32Array(GROUP_MASK + 1);
  startRanks.forEach((rank, i) => (startSums[i & GROUP_MASK] = (startSums[i & GROUP_MASK] as number) + rank));
  const startHeld = new Uint8Array(qualificationKeys.length);
  for (const q of input.heldQualificationKeys) startHeld[qualificationIndex.get(q) as number] = 1;

  // Lower bound of the months still to go: fewest weighted months from each role to the target
  // (Dijkstra backwards). Infinity marks roles from which the target cannot be reached.
  const monthsLeft = new Float64Array(roleKeys.length).fill(Infinity);
  {
    monthsLeft[to] = 0;
    const done = new Uint8Array(roleKeys.length);
    const queue = new MinQueue<number>();
    queue.push(0, to);
    while (queue.size > 0) {
      const [d, role] = queue.pop() as [number, number];
      if (done[role]) continue;
      done[role] = 1;
      for (const t of graph.incoming.get(roleKeys[role] as string) ?? []) {
        if (!kinds.has(t.kind)) continue;
        const prev = roleIndex.get(t.fromRoleKey) as number;
        const nd = d + monthWeight * months(t);
        if (nd < (monthsLeft[prev] as number)) {
          monthsLeft[prev] = nd;
          queue.push(nd, prev);
        }
      }
    }
  }
  if (monthsLeft[from] === Infinity) return { moves: null, optimal: true, ...stats };

  const target = expects[to] as { skills: Int32Array; ranks: Int32Array };
  const targetRequired = [...new Set(required[to] as Int32Array)];
  // Each role's expectation of each of the target's skills (as ranks), so the lower bound after a
  // step can be had before the step's profile is made.
  const towardsTarget = new Int32Array(roleKeys.length * target.skills.length);
  roleKeys.forEach((key, role) => {
    const e = expects[role] as { skills: Int32Array; ranks: Int32Array };
    const bySkill = new Map<number, number>();
    e.skills.forEach((skill, i) => bySkill.set(skill, e.ranks[i] as number));
    target.skills.forEach((skill, i) => (towardsTarget[role * target.skills.length + i] = bySkill.get(skill) ?? 0));
  });
  /** A lower bound of the cost left once `role` is stepped into from a label knowing `known`. */
  const lowerBound = (known: Known, role: number): number => {
    let shortfall = 0;
    const offset = role * target.skills.length;
    for (let i = 0; i < target.skills.length; i++) {
      const have = Math.max(known.ranks[target.skills[i] as number] as number, towardsTarget[offset + i] as number);
      const need = target.ranks[i] as number;
      if (have < need) shortfall += (values[need] as number) - (values[have] as number);
    }
    let missing = 0;
    const gained = required[role] as Int32Array;
    for (const q of targetRequired) if (known.held[q] === 0 && !gained.includes(q)) missing += 1;
    return (monthsLeft[role] as number) + shortfall + qualificationCost * missing;
  };

  // 1. The incumbent: Dijkstras over roles, each step priced per move as if the person knew only
  //    `base` and the role stepped from (base: the start profile, an over-estimate of each step's
  //    true price; or the start profile raised to the target, which every route pays anyway, so
  //    steps are priced by what they add beyond the target). Each route found is priced exactly.
  const start0: Known = { ranks: startRanks, sums: startSums, held: startHeld };
  const cheapestBy = (base: Known): TransitionDocument[] => {
    const baseAt = roleKeys.map((_, role) => (role === from ? base : stepInto(base.ranks, base.sums, base.held, role)));
    const dist = new Float64Array(roleKeys.length).fill(Infinity);
    const via: Array<TransitionDocument | null> = roleKeys.map(() => null);
    const done = new Uint8Array(roleKeys.length);
    const queue = new MinQueue<number>();
    dist[from] = 0;
    queue.push(0, from);
    while (queue.size > 0) {
      const [d, role] = queue.pop() as [number, number];
      if (done[role]) continue;
      done[role] = 1;
      if (role === to) break;
      const known = baseAt[role] as Known;
      for (const t of outgoing[role] as TransitionDocument[]) {
        const next = roleIndex.get(t.toRoleKey) as number;
        if (done[next] || monthsLeft[next] === Infinity) continue;
        const nd = d + stepCost(known.ranks, known.held, next, t);
        if (nd < (dist[next] as number) - EPSILON) {
          dist[next] = nd;
          via[next] = t;
          queue.push(nd, next);
        }
      }
    }
    const moves: TransitionDocument[] = [];
    for (let role = to; role !== from; ) {
      const t = via[role] as TransitionDocument;
      moves.unshift(t);
      role = roleIndex.get(t.fromRoleKey) as number;
    }
    return moves;
  };
  const priced = (moves: TransitionDocument[]): Incumbent => {
    let known = start0;
    let g = 0;
    for (const t of moves) {
      const next = roleIndex.get(t.toRoleKey) as number;
      g = tidy(g + stepCost(known.ranks, known.held, next, t));
      known = stepInto(known.ranks, known.sums, known.held, next);
    }
    return { g, moves, keys: [input.fromRoleKey, ...moves.map((t) => t.toRoleKey)] };
  };
  let best = priced(cheapestBy(start0));
  {
    const other = priced(cheapestBy(stepInto(startRanks, startSums, startHeld, to)));
    if (other.g < best.g - EPSILON || (other.g <= best.g + EPSILON && comparePaths(other.keys, best.keys) < 0)) best = other;
  }

  // 2. Best-first branch and bound over labels.
  const pathOf = (label: Label): string[] => {
    const keys: string[] = [];
    for (let l: Label | null = label; l; l = l.parent) keys.push(roleKeys[l.role] as string);
    return keys.reverse();
  };
  const movesOf = (label: Label): TransitionDocument[] => {
    const moves: TransitionDocument[] = [];
    for (let l: Label | null = label; l?.via; l = l.parent) moves.push(l.via);
    return moves.reverse();
  };
  const onPath = (label: Label, role: number): boolean => {
    for (let l: Label | null = label; l; l = l.parent) if (l.role === role) return true;
    return false;
  };
  /** `a` makes `b` pointless (see the file comment); on an exact tie `a` also wins the tie-break. */
  const dominates = (a: Label, b: Label): boolean => {
    if (a.g > b.g + EPSILON) return false;
    for (let i = 0; i <= GROUP_MASK; i++) if ((a.sums[i] as number) < (b.sums[i] as number)) return false;
    const ar = a.ranks;
    const br = b.ranks;
    for (let i = 0; i < ar.length; i++) if ((ar[i] as number) < (br[i] as number)) return false;
    if (a.held !== b.held) for (let i = 0; i < a.held.length; i++) if ((a.held[i] as number) < (b.held[i] as number)) return false;
    return a.g < b.g - EPSILON || comparePaths(pathOf(a), pathOf(b)) <= 0;
  };

  /**
   * Keeps `next` among the labels at its role unless one of them dominates it, and retires those
   * it dominates. At most `maxLabelsPerRole` incomparable labels stay at a role: past that the one
   * with the highest f is dropped (a beam), which bounds the work per label; `droppedF` keeps the
   * lowest f ever dropped, so the answer is still proven optimal when nothing dropped could have
   * beaten it.
   */
  let droppedF = Infinity;
  const admit = (here: Label[], next: Label): boolean => {
    if (here.some((other) => dominates(other, next))) return false;
    let kept = here.filter((other) => {
      if (!dominates(next, other)) return true;
      other.dead = true;
      return false;
    });
    kept.push(next);
    if (kept.length > input.maxLabelsPerRole) {
      let worst = 0;
      for (let i = 1; i < kept.length; i++) if (before(kept[worst] as Label, kept[i] as Label)) worst = i;
      const dropped = kept[worst] as Label;
      dropped.dead = true;
      droppedF = Math.min(droppedF, dropped.f);
      kept = kept.filter((other) => other !== dropped);
    }
    here.length = 0;
    here.push(...kept);
    return !next.dead;
  };

  let seq = 0;
  const start: Label = { role: from, ranks: startRanks, sums: startSums, held: startHeld, g: 0, f: 0, depth: 0, parent: null, via: null, seq: seq++, dead: false };
  start.f = lowerBound(start, from);
  const labelsAt: Label[][] = roleKeys.map(() => []);
  labelsAt[from] = [start];
  const heap = new LabelHeap();
  heap.push(start);
  let exhausted = false;

  while (heap.size > 0) {
    const label = heap.pop() as Label;
    if (label.dead) continue;
    if (label.f > best.g + EPSILON) break;
    if (stats.expandedLabels >= input.maxExpandedLabels || stats.generatedLabels >= input.maxGeneratedLabels) {
      exhausted = true;
      break;
    }
    stats.expandedLabels += 1;
    for (const transition of outgoing[label.role] as TransitionDocument[]) {
      const role = roleIndex.get(transition.toRoleKey) as number;
      if (monthsLeft[role] === Infinity || onPath(label, role)) continue;
      stats.generatedLabels += 1;
      const g = tidy(label.g + stepCost(label.ranks, label.held, role, transition));
      if (g > best.g + EPSILON) continue;
      if (role === to) {
        const { ranks, sums, held } = stepInto(label.ranks, label.sums, label.held, role);
        const next: Label = { role, ranks, sums, held, g, f: g, depth: label.depth + 1, parent: label, via: transition, seq: seq++, dead: false };
        if (g < best.g - EPSILON || (g <= best.g + EPSILON && comparePaths(pathOf(next), best.keys) < 0)) {
          best = { g, moves: movesOf(next), keys: pathOf(next) };
        }
        continue;
      }
      const f = g + lowerBound(label, role);
      if (f > best.g + EPSILON) continue;
      const { ranks, sums, held } = stepInto(label.ranks, label.sums, label.held, role);
      const next: Label = { role, ranks, sums, held, g, f, depth: label.depth + 1, parent: label, via: transition, seq: seq++, dead: false };
      if (admit(labelsAt[role] as Label[], next)) heap.push(next);
    }
  }
  return { moves: best.moves, optimal: !exhausted && droppedF > best.g + EPSILON, ...stats };
}

/** Fewer steps first; then the route whose sequence of role keys sorts first. */
export function comparePaths(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Lower f first; then fewer steps; then the label made first (deterministic). */
function before(a: Label, b: Label): boolean {
  if (a.f !== b.f) return a.f < b.f;
  if (a.depth !== b.depth) return a.depth < b.depth;
  return a.seq < b.seq;
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
      if (!before(items[i] as Label, items[parent] as Label)) break;
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
      let first = i;
      if (left < items.length && before(items[left] as Label, items[first] as Label)) first = left;
      if (right < items.length && before(items[right] as Label, items[first] as Label)) first = right;
      if (first === i) break;
      [items[i], items[first]] = [items[first] as Label, items[i] as Label];
      i = first;
    }
    return top;
  }
}

/** A binary min-heap of (priority, value) pairs, for the Dijkstras over roles. */
class MinQueue<T> {
  private readonly items: Array<[number, T]> = [];

  get size(): number {
    return this.items.length;
  }

  push(priority: number, value: T): void {
    const items = this.items;
    items.push([priority, value]);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as [number, T])[0] <= priority) break;
      [items[i], items[parent]] = [items[parent] as [number, T], items[i] as [number, T]];
      i = parent;
    }
  }

  pop(): [number, T] | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let first = i;
      if (left < items.length && (items[left] as [number, T])[0] < (items[first] as [number, T])[0]) first = left;
      if (right < items.length && (items[right] as [number, T])[0] < (items[first] as [number, T])[0]) first = right;
      if (first === i) break;
      [items[i], items[first]] = [items[first] as [number, T], items[i] as [number, T]];
      i = first;
    }
    return top;
  }
}
