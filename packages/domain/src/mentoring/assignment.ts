import {
  coverageFrom,
  creditFor,
  crossTeamBonusFor,
  DEFAULT_MATCHING_POLICY,
  exclusionReason,
  freePlaces,
  prepareFocus,
  scoreFrom,
  teamRelation,
  type MatchingPolicy,
  type MenteeForMatching,
  type MentorForMatching,
} from './matching.js';
import type { ReportingLines } from './reporting-lines.js';

/**
 * The matching board: the best overall assignment of a programme's mentees to its mentors.
 *
 * ## What "best" means
 * 1. As many mentees as possible get a mentor; then
 * 2. the total score of the pairs is as high as possible (scores as {@link scoreMatch} gives them,
 *    the cross-team bonus included, to the cent).
 * Respecting: each mentee at most one mentor; each mentor at most their free places
 * (capacity − occupied, 0 when paused); only pairs {@link exclusionReason} allows and whose score is
 * above 0 (a mentor covering none of the focus skills is no match, so a mentee with no such pair
 * stays unassigned rather than being paired for the count).
 *
 * ## How
 * The Hungarian method (shortest augmenting paths with potentials) on the mentee × mentor matrix,
 * where a mentor's column stands for as many identical slots as they have free places (the
 * capacity-expanded matrix, without expanding it). As a min-cost flow: mentee → mentor (capacity
 * 1, cost `maxScore − score`), mentor → sink (capacity = free places), and each mentee → sink
 * directly (cost `BIG + maxScore`: "no mentor"), with `BIG` larger than any possible total score.
 * Every mentee sends one unit, so the total cost is `N·maxScore − Σscore + BIG·unassigned`: its
 * minimum has the fewest unassigned mentees, then the highest total score among those. Mentees
 * are added one at a time, each along a cheapest residual path found by Dijkstra on reduced costs
 * (stopping when the sink is reached); each step keeps the assignment optimal for the mentees added
 * so far. Scores are integers (cents), so no rounding decides anything. Cost: O(mentees ×
 * (mentors + searched mentees × mentors)); 1,000 × 300 in well under a second (bench/mentor-matching.mjs).
 *
 * ## Ties
 * Mentees and mentors are taken in person-id order whatever the input's order, and the path search
 * breaks equal distances by node; the same programme always gets the same proposal. Among equally
 * good assignments the proposal is one of them, not a particular one.
 */

export interface AssignmentInput {
  mentees: readonly MenteeForMatching[];
  mentors: readonly MentorForMatching[];
  lines: ReportingLines;
  policy?: MatchingPolicy;
}

export interface ProposedPair {
  menteeId: string;
  mentorId: string;
  /** The pair's score (as `scoreMatch` gives it); explain it with `scoreMatch`. */
  score: number;
}

/** no-suitable-mentor: no eligible mentor covers any of the focus skills; no-place-left: all such mentors' places went to others. */
export type UnassignedReason = 'no-suitable-mentor' | 'no-place-left';

export interface AssignmentProposal {
  /** One per assigned mentee, by mentee id. */
  pairs: ProposedPair[];
  /** By mentee id. */
  unassigned: { menteeId: string; reason: UnassignedReason }[];
  assignedCount: number;
  /** Σ of the pairs' scores, 2 decimals. */
  totalScore: number;
  /** Every mentor, by id: mentees proposed and places still free after the proposal. */
  mentorLoad: { mentorId: string; assigned: number; freePlacesLeft: number }[];
}

export interface EligiblePair {
  menteeId: string;
  mentorId: string;
  score: number;
}

interface Board {
  mentees: MenteeForMatching[];
  mentors: MentorForMatching[];
  places: Int32Array;
  /** Row-major mentees × mentors: the pair's score in cents, 0 when the pair may not be used. */
  cents: Int32Array;
  /** Per mentee: how many pairs it may use. */
  candidates: Int32Array;
}

function uniqueSorted<T extends { personId: string }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.personId)) byId.set(item.personId, item);
  return [...byId.values()].sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}

/** Every pair's score, as `scoreMatch` computes it, on dense arrays (the same arithmetic in the same order). */
function buildBoard(input: AssignmentInput): Board {
  const policy = input.policy ?? DEFAULT_MATCHING_POLICY;
  const mentees = uniqueSorted(input.mentees);
  const mentors = uniqueSorted(input.mentors);
  const m = mentees.length;
  const k = mentors.length;
  const places = Int32Array.from(mentors, (mentor) => freePlaces(mentor));

  const skillIndex = new Map<string, number>();
  const focus = mentees.map((mentee) => {
    const prepared = prepareFocus(mentee.focusSkills);
    return {
      skill: Int32Array.from(prepared, (f) => {
        let index = skillIndex.get(f.skillKey);
        if (index === undefined) skillIndex.set(f.skillKey, (index = skillIndex.size));
        return index;
      }),
      baseline: Float64Array.from(prepared, (f) => f.baseline),
      needed: Float64Array.from(prepared, (f) => f.needed),
      weight: Float64Array.from(prepared, (f) => f.weight),
    };
  });
  const skills = skillIndex.size;
  // Per mentor and skill: the level (NaN: not offered or never assessed) and the confirmed level (NaN: none).
  const level = new Float64Array(k * skills).fill(NaN);
  const confirmed = new Float64Array(k * skills).fill(NaN);
  mentors.forEach((mentor, j) => {
    for (const [skillKey, index] of skillIndex) {
      if (!Object.prototype.hasOwnProperty.call(mentor.skills, skillKey)) continue;
      const s = mentor.skills[skillKey];
      if (!s) continue;
      level[j * skills + index] = s.level;
      confirmed[j * skills + index] = s.confirmedLevel === null ? NaN : s.confirmedLevel;
    }
  });

  const cents = new Int32Array(m * k);
  const candidates = new Int32Array(m);
  mentees.forEach((mentee, i) => {
    const f = focus[i] as (typeof focus)[number];
    for (let j = 0; j < k; j++) {
      if ((places[j] as number) <= 0) continue;
      const mentor = mentors[j] as MentorForMatching;
      if (exclusionReason(mentee, mentor, input.lines, policy) !== null) continue;
      let points = 0;
      let weights = 0;
      for (let x = 0; x < f.skill.length; x++) {
        const at = j * skills + (f.skill[x] as number);
        const l = level[at] as number;
        const w = f.weight[x] as number;
        if (!Number.isNaN(l)) {
          const c = confirmed[at] as number;
          points += w * creditFor(f.baseline[x] as number, f.needed[x] as number, l, Number.isNaN(c) ? null : c);
        }
        weights += w;
      }
      const coverage = coverageFrom(points, weights);
      const score = scoreFrom(coverage, crossTeamBonusFor(coverage, teamRelation(mentee.teamId, mentor.teamId), policy));
      const c = Math.round(score * 100);
      if (c <= 0) continue;
      cents[i * k + j] = c;
      candidates[i] = (candidates[i] as number) + 1;
    }
  });
  return { mentees, mentors, places, cents, candidates };
}

/** Every pair the board may use, with its score (mentees by id, each best score first, then mentor id): for baselines and reports. */
export function eligiblePairs(input: AssignmentInput): EligiblePair[] {
  const { mentees, mentors, cents } = buildBoard(input);
  const k = mentors.length;
  const pairs: EligiblePair[] = [];
  mentees.forEach((mentee, i) => {
    const row: EligiblePair[] = [];
    for (let j = 0; j < k; j++) {
      const c = cents[i * k + j] as number;
      if (c > 0) row.push({ menteeId: mentee.personId, mentorId: (mentors[j] as MentorForMatching).personId, score: c / 100 });
    }
    row.sort((a, b) => b.score - a.score || (a.mentorId < b.mentorId ? -1 : 1));
    pairs.push(...row);
  });
  return pairs;
}

const UNPROCESSED = -1;
const NO_MENTOR = -2;

/**
 * The Hungarian method over the board (see the module comment): each mentee's column (mentor
 * index), or NO_MENTOR, or UNPROCESSED for mentees with no pair at all.
 *
 * Nodes: mentee rows, mentor columns and the sink t; potentials hr, hc, ht keep every residual
 * edge's reduced cost `cost + h(from) − h(to)` ≥ 0. A row's only way in is from the column it is
 * assigned to, so its distance is final when that column is settled, and it is expanded at once.
 * After each search, settled nodes' potentials move by `distance − d(t)` (reached rows by
 * `min(distance, d(t)) − d(t)`), which keeps reduced costs ≥ 0 (Dijkstra with early stop).
 */
function hungarian(board: Board): Int32Array {
  const { cents, places, candidates } = board;
  const m = board.mentees.length;
  const k = board.mentors.length;
  let maxCents = 0;
  for (let x = 0; x < cents.length; x++) if ((cents[x] as number) > maxCents) maxCents = cents[x] as number;
  const noMentorCost = m * maxCents + 1 + maxCents;

  const assigned = new Int32Array(m).fill(UNPROCESSED);
  const rowsOf: number[][] = Array.from({ length: k }, () => []);
  const hr = new Float64Array(m);
  const hc = new Float64Array(k);
  const ht = 0; // only differences matter, and t is never moved (see the update below)
  const distC = new Float64Array(k);
  const prevC = new Int32Array(k);
  const doneC = new Uint8Array(k);
  const distR = new Float64Array(m);
  const reached: number[] = [];
  const settled: number[] = [];

  for (let r = 0; r < m; r++) {
    if ((candidates[r] as number) === 0) continue;
    distC.fill(Infinity);
    prevC.fill(-1);
    doneC.fill(0);
    reached.length = 0;
    settled.length = 0;
    let dt = Infinity;
    let tViaCol = -1;
    let tViaRow = -1;

    const expand = (w: number, dw: number) => {
      // Nothing reached through a row at or beyond d(t) can be closer than t: leave it unreached.
      if (dw >= dt) return;
      distR[w] = dw;
      reached.push(w);
      const base = w * k;
      const own = assigned[w] as number;
      const hw = hr[w] as number;
      const rowCost = dw + maxCents + hw;
      for (let j = 0; j < k; j++) {
        const c = cents[base + j] as number;
        if (c === 0 || doneC[j] || j === own) continue;
        const nd = rowCost - c - (hc[j] as number);
        if (nd < (distC[j] as number)) {
          distC[j] = nd;
          prevC[j] = w;
        }
      }
      const viaNoMentor = dw + noMentorCost + hw - ht;
      if (viaNoMentor < dt) {
        dt = viaNoMentor;
        tViaRow = w;
        tViaCol = -1;
      }
    };

    expand(r, 0);
    for (;;) {
      let best = -1;
      let bestD = Infinity;
      for (let j = 0; j < k; j++) {
        if (!doneC[j] && (distC[j] as number) < bestD) {
          bestD = distC[j] as number;
          best = j;
        }
      }
      if (best === -1 || dt <= bestD) break;
      doneC[best] = 1;
      settled.push(best);
      const hj = hc[best] as number;
      const rows = rowsOf[best] as number[];
      if (rows.length < (places[best] as number)) {
        const viaPlace = bestD + hj - ht;
        if (viaPlace < dt) {
          dt = viaPlace;
          tViaCol = best;
          tViaRow = -1;
        }
      }
      for (const w of rows) expand(w, bestD - (maxCents - (cents[w * k + best] as number)) + hj - (hr[w] as number));
    }

    for (const j of settled) hc[j] = (hc[j] as number) + (distC[j] as number) - dt;
    for (const w of reached) hr[w] = (hr[w] as number) + Math.min(distR[w] as number, dt) - dt;

    let col: number;
    if (tViaCol >= 0) {
      col = tViaCol;
    } else {
      const w = tViaRow;
      const previous = assigned[w] as number;
      assigned[w] = NO_MENTOR;
      if (w === r) continue;
      const rows = rowsOf[previous] as number[];
      rows.splice(rows.indexOf(w), 1);
      col = previous;
    }
    for (;;) {
      const w = prevC[col] as number;
      const previous = assigned[w] as number;
      (rowsOf[col] as number[]).push(w);
      assigned[w] = col;
      if (w === r) break;
      const rows = rowsOf[previous] as number[];
      rows.splice(rows.indexOf(w), 1);
      col = previous;
    }
  }
  return assigned;
}

/** The best overall assignment (see the module comment). */
export function proposeAssignment(input: AssignmentInput): AssignmentProposal {
  const board = buildBoard(input);
  const { mentees, mentors, places, cents, candidates } = board;
  const k = mentors.length;
  const assignedTo = hungarian(board);
  const pairs: ProposedPair[] = [];
  const unassigned: AssignmentProposal['unassigned'] = [];
  const load = new Int32Array(k);
  let totalCents = 0;
  mentees.forEach((mentee, i) => {
    const j = assignedTo[i] as number;
    if (j < 0) {
      unassigned.push({ menteeId: mentee.personId, reason: (candidates[i] as number) === 0 ? 'no-suitable-mentor' : 'no-place-left' });
      return;
    }
    const c = cents[i * k + j] as number;
    load[j] = (load[j] as number) + 1;
    totalCents += c;
    pairs.push({ menteeId: mentee.personId, mentorId: (mentors[j] as MentorForMatching).personId, score: c / 100 });
  });
  return {
    pairs,
    unassigned,
    assignedCount: pairs.length,
    totalScore: totalCents / 100,
    mentorLoad: mentors.map((mentor, j) => ({ mentorId: mentor.personId, assigned: load[j] as number, freePlacesLeft: (places[j] as number) - (load[j] as number) })),
  };
}
