/**
 * The route search as it was before it had a bound (main at 6b15f55, packages/domain/src/framework/paths.ts,
 * compiled): an exact Dijkstra over (role, profile) labels with dominance pruning and no limit on
 * work. Kept only as the baseline bench/career-route.mjs times the bounded search against.
 */
import { buildRoleGraph, getRole, roleGaps } from '@trellis/domain';

function levelOf(profile, skillKey) {
    const value = Object.prototype.hasOwnProperty.call(profile, skillKey) ? profile[skillKey] : undefined;
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function sumShortfall(gaps) {
    return gaps.reduce((sum, gap) => sum + gap.shortfall, 0);
}

const DEFAULT_ROUTE_KINDS = ['promotion', 'lateral'];
const EPSILON = 1e-9;
/** Rounds away floating-point noise so that equal sums compare equal (costs are shown, not integrated). */
function tidy(value) {
    return Math.round(value * 1e9) / 1e9;
}
/** Cheaper first; on equal cost fewer steps; then the route whose role keys come first in order. */
function compareLabels(a, b) {
    if (Math.abs(a.cost - b.cost) > EPSILON)
        return a.cost < b.cost ? -1 : 1;
    return comparePaths(a.path, b.path);
}
function comparePaths(a, b) {
    if (a.length !== b.length)
        return a.length - b.length;
    for (let i = 0; i < a.length; i++) {
        const x = a[i];
        const y = b[i];
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}
/**
 * `a` makes `b` pointless: reaching the same role no dearer, knowing at least as much and holding at
 * least the same qualifications can only make every continuation no dearer (shortfall never grows
 * with the profile), and on an exact tie `a` also wins the tie-break.
 */
function dominates(a, b) {
    if (a.cost > b.cost + EPSILON)
        return false;
    for (let i = 0; i < a.levels.length; i++)
        if (a.levels[i] < b.levels[i])
            return false;
    for (const q of b.held)
        if (!a.held.has(q))
            return false;
    return a.cost < b.cost - EPSILON || comparePaths(a.path, b.path) <= 0;
}
class LabelHeap {
    items = [];
    get size() {
        return this.items.length;
    }
    push(label) {
        const items = this.items;
        items.push(label);
        let i = items.length - 1;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (compareLabels(items[i], items[parent]) >= 0)
                break;
            [items[i], items[parent]] = [items[parent], items[i]];
            i = parent;
        }
    }
    pop() {
        const items = this.items;
        const top = items[0];
        const last = items.pop();
        if (top === undefined || last === undefined || items.length === 0)
            return top;
        items[0] = last;
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let smallest = i;
            if (left < items.length && compareLabels(items[left], items[smallest]) < 0)
                smallest = left;
            if (right < items.length && compareLabels(items[right], items[smallest]) < 0)
                smallest = right;
            if (smallest === i)
                break;
            [items[i], items[smallest]] = [items[smallest], items[i]];
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
export function findCheapestRoute(doc, fromRoleKey, toRoleKey, profile, options = {}) {
    getRole(doc, fromRoleKey);
    getRole(doc, toRoleKey);
    const monthWeight = options.monthWeight ?? 1 / 12;
    const defaultMonths = options.defaultTypicalMonths ?? 12;
    const kinds = new Set(options.kinds ?? DEFAULT_ROUTE_KINDS);
    const qualificationCost = options.missingQualificationCost ?? 0;
    if (!(monthWeight >= 0) || !(defaultMonths >= 0) || !(qualificationCost >= 0)) {
        throw new RangeError('route weights must be zero or positive');
    }
    const graph = buildRoleGraph(doc);
    const skillKeys = [...new Set([...doc.skills.map((s) => s.key), ...doc.roles.flatMap((r) => Object.keys(r.expectations))])];
    const skillIndex = new Map(skillKeys.map((key, i) => [key, i]));
    const requiredQualifications = new Map();
    for (const q of doc.qualifications) {
        for (const roleKey of q.requiredForRoleKeys) {
            requiredQualifications.set(roleKey, [...(requiredQualifications.get(roleKey) ?? []), q.key]);
        }
    }
    const start = {
        role: fromRoleKey,
        levels: skillKeys.map((key) => levelOf(profile, key)),
        held: new Set(options.heldQualificationKeys ?? []),
        cost: 0,
        path: [fromRoleKey],
        steps: [],
        dead: false,
    };
    const labelsAt = new Map([[fromRoleKey, [start]]]);
    const heap = new LabelHeap();
    heap.push(start);
    while (heap.size > 0) {
        const label = heap.pop();
        if (label.dead)
            continue;
        if (label.role === toRoleKey)
            return toRoute(fromRoleKey, toRoleKey, label);
        for (const transition of graph.outgoing.get(label.role) ?? []) {
            if (!kinds.has(transition.kind) || label.path.includes(transition.toRoleKey))
                continue;
            const target = graph.roles.get(transition.toRoleKey);
            const current = {};
            skillKeys.forEach((key, i) => (current[key] = label.levels[i]));
            const gaps = roleGaps(doc, target, current);
            const shortfall = sumShortfall(gaps);
            const missing = (requiredQualifications.get(target.key) ?? []).filter((q) => !label.held.has(q));
            const months = transition.typicalMonths ?? defaultMonths;
            const cost = tidy(shortfall + monthWeight * months + qualificationCost * missing.length);
            const levels = [...label.levels];
            for (const gap of gaps)
                levels[skillIndex.get(gap.skillKey)] = gap.requiredLevel;
            const next = {
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
            if (here.some((other) => !other.dead && dominates(other, next)))
                continue;
            for (const other of here)
                if (!other.dead && dominates(next, other))
                    other.dead = true;
            labelsAt.set(target.key, [...here.filter((other) => !other.dead), next]);
            heap.push(next);
        }
    }
    return null;
}
function toRoute(fromRoleKey, toRoleKey, label) {
    return {
        fromRoleKey,
        toRoleKey,
        steps: label.steps,
        totalCost: label.cost,
        totalShortfall: label.steps.reduce((sum, step) => sum + step.shortfall, 0),
        totalMonths: label.steps.reduce((sum, step) => sum + step.typicalMonths, 0),
    };
}
