import { z } from 'zod';
import type { MentorSkillLevel } from './profiles.js';
import type { ReportingLines } from './reporting-lines.js';
import { distinct, skillKeySchema } from './text.js';

/**
 * Finding a mentor: mentors ranked by how well their assessed levels cover the mentee's focus gap
 * skills at the level the target role expects.
 *
 * ## The score (0..100, plus a cross-team bonus)
 * Each focus skill has a weight, the size of the gap: `needed − current`, at least 1. A plan's focus
 * skills have a known current level (rated or assumed); a focus skill with an unknown one (a
 * relationship may agree on a skill the mentee never rated) counts it as 0: the whole level is the
 * gap. Each mentor earns a credit per focus skill:
 * - 1 when their level is at or above the needed level (covered);
 * - `PARTIAL_CREDIT × (level − current) / (needed − current)` when it is above the mentee's current
 *   level but below the needed one (part of the way: always below half a point);
 * - 0 otherwise, and for skills the mentor does not offer or was never assessed in.
 * The credit is earned in full on the level the mentor's line manager backs (`confirmedLevel`),
 * and at `SELF_ONLY_FACTOR` on a level only the mentor's own later rating claims; the better of the
 * two counts. `coverage = 100 × Σ(weight × credit) / Σ weight`, rounded to 2 decimals, so a mentor
 * covering every focus skill at a manager-confirmed level scores 100, and big gaps matter more.
 * When the organisation prefers cross-team mentoring, a mentor from another team than the
 * mentee's gets `crossTeamBonus` points (default 10) on top, if they cover anything: a
 * preference, not a rule, so a same-team mentor covering clearly more still ranks first.
 *
 * ## Who is suggested at all
 * Not the mentee; not anyone in the mentee's reporting line (managers up, reports down) unless the
 * mentee asks to include it; not a mentor the mentee is excluded from (an open relationship, a
 * declined request: the caller's list); not a paused mentor; not one at capacity
 * (`occupiedPlaces >= capacity`); not a mentor who takes only their own team when the mentee is
 * from another (or either team is unknown); and not one who covers none of the focus skills.
 *
 * ## Ties (deterministic)
 * Higher score first; then more focus skills fully covered; then more free places (spreads the
 * load); then the mentor's person id (stable and arbitrary, so the same input gives the same order).
 */

/** Credit for a mentor between the mentee's current level and the needed level, at most (exclusive). */
export const PARTIAL_CREDIT = 0.5;
/** Weight of a level only the mentor's self rating claims, against 1 for a manager-backed level. */
export const SELF_ONLY_FACTOR = 0.75;
export const DEFAULT_CROSS_TEAM_BONUS = 10;
export const MAX_CROSS_TEAM_BONUS = 50;

/** One of the mentee's focus gap skills: where they are and what the target role expects. */
export interface MenteeFocusSkill {
  skillKey: string;
  /**
   * The mentee's known level (rated, or assumed from their current role: see known-profile.ts);
   * null when unknown. A plan's focus skills always have one; null counts as 0 here (see above).
   */
  currentLevel: number | null;
  /** The level the target role expects (or the highest step of the route expects). */
  neededLevel: number;
}

/** A gap as the plans module describes it: `SkillGapAnalysis` (requiredLevel) or a plan's focus skill / `RankedGap` (targetLevel). */
export type GapLike = { skillKey: string; currentLevel: number | null; status?: string } & ({ requiredLevel: number } | { targetLevel: number });

/**
 * A mentee's focus skills from their plan: the plan's focus skills (`PlanProposal.focus`, or
 * `RankedGap`s), or a gap analysis (`gapsAlongRoute(...).targets`, `analyseGaps(...).skills`), each
 * with its known current level and the level the target role expects. With `focusSkillKeys`, only
 * those skills, in that order (the skills a relationship agreed, say); without, every gap that is
 * unmet (met and unknown ones are no gaps: unknown is not zero).
 */
export function focusSkillsFromGaps(gaps: readonly GapLike[], focusSkillKeys?: readonly string[]): MenteeFocusSkill[] {
  const toFocus = (g: GapLike): MenteeFocusSkill => ({ skillKey: g.skillKey, currentLevel: g.currentLevel, neededLevel: 'targetLevel' in g ? g.targetLevel : g.requiredLevel });
  if (!focusSkillKeys) return gaps.filter((g) => g.status === undefined || g.status === 'unmet').map(toFocus);
  const byKey = new Map(gaps.map((g) => [g.skillKey, g]));
  return focusSkillKeys.flatMap((k) => {
    const gap = byKey.get(k);
    return gap ? [toFocus(gap)] : [];
  });
}

export interface MenteeForMatching {
  personId: string;
  teamId: string | null;
  /** In the plan's order; duplicates after the first are ignored. */
  focusSkills: readonly MenteeFocusSkill[];
  /** Mentors not to suggest: those with an open relationship with the mentee, declined requests... */
  excludedMentorIds?: readonly string[];
}

export interface MentorForMatching {
  personId: string;
  teamId: string | null;
  capacity: number;
  /** Relationships that occupy a place now (active and paused; see `occupiesPlace`). */
  occupiedPlaces: number;
  paused: boolean;
  acceptsOtherTeams: boolean;
  /** The skills the mentor offers, at their assessed levels (`mentorSkillLevels(assessments, offered)`). */
  skills: Readonly<Record<string, MentorSkillLevel>>;
}

export const CROSS_TEAM_POLICIES = ['no-preference', 'prefer-other-teams'] as const;
export type CrossTeamPolicy = (typeof CROSS_TEAM_POLICIES)[number];

export interface MatchingPolicy {
  /** The organisation's setting: whether mentors from other teams are preferred. */
  crossTeam: CrossTeamPolicy;
  /** Points added for a mentor from another team under `prefer-other-teams` (default 10). */
  crossTeamBonus?: number;
  /** Suggest people in the mentee's own reporting line too (default false: excluded). */
  includeReportingLine?: boolean;
}

export const DEFAULT_MATCHING_POLICY: Readonly<MatchingPolicy> = { crossTeam: 'no-preference' };

export const EXCLUSION_REASONS = ['self', 'excluded', 'reporting-line', 'own-team-only', 'paused', 'at-capacity', 'no-coverage'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** How the mentor stands to the mentee's team: unknown when either has no team. */
export type TeamRelation = 'same' | 'other' | 'unknown';

export function teamRelation(menteeTeamId: string | null, mentorTeamId: string | null): TeamRelation {
  if (menteeTeamId === null || mentorTeamId === null) return 'unknown';
  return menteeTeamId === mentorTeamId ? 'same' : 'other';
}

export function freePlaces(mentor: Pick<MentorForMatching, 'capacity' | 'occupiedPlaces' | 'paused'>): number {
  return mentor.paused ? 0 : Math.max(0, mentor.capacity - mentor.occupiedPlaces);
}

/**
 * Why this mentor may not be suggested to (or paired with) this mentee, or null when they may.
 * Coverage is not judged here (see {@link scoreMatch}). Reasons are checked in the order of
 * {@link EXCLUSION_REASONS}; the first that applies is returned.
 */
export function exclusionReason(
  mentee: Pick<MenteeForMatching, 'personId' | 'teamId' | 'excludedMentorIds'>,
  mentor: Pick<MentorForMatching, 'personId' | 'teamId' | 'capacity' | 'occupiedPlaces' | 'paused' | 'acceptsOtherTeams'>,
  lines: ReportingLines,
  policy: MatchingPolicy = DEFAULT_MATCHING_POLICY,
): Exclude<ExclusionReason, 'no-coverage'> | null {
  if (mentor.personId === mentee.personId) return 'self';
  if (mentee.excludedMentorIds?.includes(mentor.personId)) return 'excluded';
  if (!policy.includeReportingLine && lines.inLine(mentee.personId, mentor.personId)) return 'reporting-line';
  if (!mentor.acceptsOtherTeams && teamRelation(mentee.teamId, mentor.teamId) !== 'same') return 'own-team-only';
  if (mentor.paused) return 'paused';
  if (mentor.occupiedPlaces >= mentor.capacity) return 'at-capacity';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Scoring

export type SkillCoverage = 'full' | 'partial' | 'none';

/** One focus skill of a suggestion, as data the UI words ("Risk & opportunity management: 4, you need 3"). */
export interface SkillMatch {
  skillKey: string;
  /** What the target role expects. */
  needed: number;
  /** The mentee's known current level (null: unknown). */
  menteeLevel: number | null;
  /** The mentor's counted level in the skill; null when they do not offer it or were never assessed. */
  mentorLevel: number | null;
  /** The part of `mentorLevel` their line manager backs (null: never rated by the manager). */
  confirmedLevel: number | null;
  /** full: mentorLevel ≥ needed; partial: above the mentee's level but below needed; none otherwise. */
  coverage: SkillCoverage;
  /** Which rating earned the credit: the manager-backed level or only the self rating; null: no credit. */
  basis: 'manager' | 'self' | null;
  /** The gap size: needed − current (an unknown level counts as 0), at least 1. */
  weight: number;
  /** weight × credit (0..weight). */
  points: number;
}

export interface MatchScore {
  /** coverage + crossTeamBonus, 2 decimals: what mentors are ranked by. */
  score: number;
  /** 100 × Σ points / Σ weight, 2 decimals (0..100). */
  coverage: number;
  /** Points added for being in another team (0 unless the organisation prefers it). */
  crossTeamBonus: number;
  team: TeamRelation;
  /** One per focus skill, in the mentee's order. */
  skills: SkillMatch[];
  /** Skill keys fully covered, partly covered, and not covered at all (each in focus order). */
  covered: string[];
  partial: string[];
  notCovered: string[];
}

/** A focus skill with its baseline and weight worked out (internal to matching and the board). */
export interface PreparedFocus {
  skillKey: string;
  baseline: number;
  needed: number;
  menteeLevel: number | null;
  weight: number;
}

/** Focus skills deduplicated (first wins), with baseline and weight. Internal to matching and the board. */
export function prepareFocus(focusSkills: readonly MenteeFocusSkill[]): PreparedFocus[] {
  const seen = new Set<string>();
  const prepared: PreparedFocus[] = [];
  for (const f of focusSkills) {
    if (seen.has(f.skillKey)) continue;
    seen.add(f.skillKey);
    const baseline = f.currentLevel === null ? 0 : Math.max(0, f.currentLevel);
    prepared.push({ skillKey: f.skillKey, baseline, needed: f.neededLevel, menteeLevel: f.currentLevel, weight: Math.max(1, f.neededLevel - baseline) });
  }
  return prepared;
}

function levelCredit(level: number, baseline: number, needed: number): number {
  if (level >= needed) return 1;
  if (level > baseline) return (PARTIAL_CREDIT * (level - baseline)) / (needed - baseline);
  return 0;
}

function managerCredit(baseline: number, needed: number, level: number, confirmedLevel: number | null): number {
  return confirmedLevel === null ? 0 : levelCredit(Math.min(confirmedLevel, level), baseline, needed);
}

function selfCredit(baseline: number, needed: number, level: number): number {
  return SELF_ONLY_FACTOR * levelCredit(level, baseline, needed);
}

/**
 * The credit (0..1) a mentor earns on one focus skill: the better of the manager-backed and the
 * self-only credit. Internal: the board calls it on numbers, so its scores are the same as these.
 */
export function creditFor(baseline: number, needed: number, level: number, confirmedLevel: number | null): number {
  return Math.max(managerCredit(baseline, needed, level, confirmedLevel), selfCredit(baseline, needed, level));
}

/** The credit and its basis for one focus skill (the explanation's view of {@link creditFor}). */
function skillCredit(f: PreparedFocus, s: MentorSkillLevel | undefined): { credit: number; basis: 'manager' | 'self' | null } {
  if (!s) return { credit: 0, basis: null };
  const credit = creditFor(f.baseline, f.needed, s.level, s.confirmedLevel);
  if (credit === 0) return { credit: 0, basis: null };
  return { credit, basis: managerCredit(f.baseline, f.needed, s.level, s.confirmedLevel) >= selfCredit(f.baseline, f.needed, s.level) ? 'manager' : 'self' };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Σ(weight × credit) and Σ weight → the coverage (0..100, 2 decimals). Internal, shared with the board. */
export function coverageFrom(points: number, weights: number): number {
  return weights === 0 ? 0 : round2((100 * points) / weights);
}

function coverageOf(focus: readonly PreparedFocus[], skills: Readonly<Record<string, MentorSkillLevel>>): number {
  let points = 0;
  let weights = 0;
  for (const f of focus) {
    const s = own(skills, f.skillKey);
    if (s) points += f.weight * creditFor(f.baseline, f.needed, s.level, s.confirmedLevel);
    weights += f.weight;
  }
  return coverageFrom(points, weights);
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The bonus for the mentor's team (see the module comment). Internal, shared with the board. */
export function crossTeamBonusFor(coverage: number, team: TeamRelation, policy: MatchingPolicy): number {
  if (coverage <= 0 || team !== 'other' || policy.crossTeam !== 'prefer-other-teams') return 0;
  const bonus = policy.crossTeamBonus ?? DEFAULT_CROSS_TEAM_BONUS;
  return Math.min(MAX_CROSS_TEAM_BONUS, Math.max(0, bonus));
}

/** coverage + bonus, 2 decimals. Internal, shared with the board. */
export function scoreFrom(coverage: number, bonus: number): number {
  return round2(coverage + bonus);
}

/** How well one mentor covers one mentee's focus skills, explained skill by skill (eligibility aside). */
export function scoreMatch(
  mentee: Pick<MenteeForMatching, 'teamId' | 'focusSkills'>,
  mentor: Pick<MentorForMatching, 'teamId' | 'skills'>,
  policy: MatchingPolicy = DEFAULT_MATCHING_POLICY,
): MatchScore {
  const focus = prepareFocus(mentee.focusSkills);
  const skills: SkillMatch[] = focus.map((f) => {
    const s = own(mentor.skills, f.skillKey);
    const { credit, basis } = skillCredit(f, s);
    const coverage: SkillCoverage = !s ? 'none' : s.level >= f.needed ? 'full' : credit > 0 ? 'partial' : 'none';
    return {
      skillKey: f.skillKey,
      needed: f.needed,
      menteeLevel: f.menteeLevel,
      mentorLevel: s?.level ?? null,
      confirmedLevel: s?.confirmedLevel ?? null,
      coverage,
      basis,
      weight: f.weight,
      points: f.weight * credit,
    };
  });
  const coverage = coverageOf(focus, mentor.skills);
  const team = teamRelation(mentee.teamId, mentor.teamId);
  const crossTeamBonus = crossTeamBonusFor(coverage, team, policy);
  return {
    score: scoreFrom(coverage, crossTeamBonus),
    coverage,
    crossTeamBonus,
    team,
    skills,
    covered: skills.filter((s) => s.coverage === 'full').map((s) => s.skillKey),
    partial: skills.filter((s) => s.coverage === 'partial').map((s) => s.skillKey),
    notCovered: skills.filter((s) => s.coverage === 'none').map((s) => s.skillKey),
  };
}

// ---------------------------------------------------------------------------------------------
// Ranking

export interface MentorSuggestion extends MatchScore {
  mentorId: string;
  /** Places the mentor has left (capacity − occupied). */
  freePlaces: number;
}

export interface MentorExclusion {
  mentorId: string;
  reason: ExclusionReason;
}

export interface MentorRanking {
  /** Best first (see the tie-break above), at most `limit`. */
  suggestions: MentorSuggestion[];
  /** Every mentor not suggested and why (in the input's order); the UI may show the count only. */
  excluded: MentorExclusion[];
  /** Focus skills no suggested mentor covers even partly ("no one available covers these yet"). */
  uncoveredSkillKeys: string[];
}

/** The ranking's order: higher score, more skills fully covered, more free places, then mentor id. */
export function compareSuggestions(a: MentorSuggestion, b: MentorSuggestion): number {
  return b.score - a.score || b.covered.length - a.covered.length || b.freePlaces - a.freePlaces || (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0);
}

/** Mentors for one mentee, ranked and explained (see the module comment for the rule). */
export function rankMentors(
  mentee: MenteeForMatching,
  mentors: readonly MentorForMatching[],
  lines: ReportingLines,
  policy: MatchingPolicy = DEFAULT_MATCHING_POLICY,
  options: { limit?: number } = {},
): MentorRanking {
  const suggestions: MentorSuggestion[] = [];
  const excluded: MentorExclusion[] = [];
  const seen = new Set<string>();
  for (const mentor of mentors) {
    if (seen.has(mentor.personId)) continue;
    seen.add(mentor.personId);
    const reason = exclusionReason(mentee, mentor, lines, policy);
    if (reason) {
      excluded.push({ mentorId: mentor.personId, reason });
      continue;
    }
    const match = scoreMatch(mentee, mentor, policy);
    if (match.coverage <= 0) {
      excluded.push({ mentorId: mentor.personId, reason: 'no-coverage' });
      continue;
    }
    suggestions.push({ mentorId: mentor.personId, freePlaces: freePlaces(mentor), ...match });
  }
  suggestions.sort(compareSuggestions);
  const reached = new Set(suggestions.flatMap((s) => [...s.covered, ...s.partial]));
  const uncoveredSkillKeys = prepareFocus(mentee.focusSkills)
    .map((f) => f.skillKey)
    .filter((k) => !reached.has(k));
  return { suggestions: suggestions.slice(0, options.limit ?? suggestions.length), excluded, uncoveredSkillKeys };
}

/**
 * One sentence per skill, in plain English, for places without their own wording (e-mail, CSV):
 * "Risk & opportunity management: 4, you need 3". `nameOf` names a skill key.
 */
export function describeSkillMatch(match: SkillMatch, nameOf: (skillKey: string) => string = (k) => k): string {
  const name = nameOf(match.skillKey);
  if (match.mentorLevel === null) return `${name}: not offered, you need ${match.needed}`;
  const self = match.basis === 'self' ? ' (self-rated)' : '';
  const part = match.coverage === 'partial' ? ', part of the way' : match.coverage === 'none' ? ', not above your level' : '';
  return `${name}: ${match.mentorLevel}${self}, you need ${match.needed}${part}`;
}

// ---------------------------------------------------------------------------------------------
// Input

export const MAX_MENTOR_SEARCH_SKILLS = 10;

/** The "Find a mentor" query: which focus skills (default: the plan's focus), include my reporting line, how many. */
export const findMentorsQuerySchema = z.object({
  focusSkillKeys: distinct(skillKeySchema, { min: 1, max: MAX_MENTOR_SEARCH_SKILLS, what: 'focus skill' }).optional(),
  includeReportingLine: z.boolean().default(false),
  limit: z.number().int().min(1).max(50).default(10),
});
export type FindMentorsQuery = z.output<typeof findMentorsQuerySchema>;
