import type { ExpectationDetail, FrameworkDocument, ProficiencyLevel, QualificationDocument } from '../framework/document.js';
import { descriptorSummary, skillScales } from '../framework/scales.js';
import { coverageOf, knownLevels, knownProfile, type Coverage, type KnownProfile, type SkillBasis } from '../framework/known-profile.js';
import { findCheapestRoute, type Route, type RouteOptions } from '../framework/paths.js';
import { compareText, getRole } from '../framework/roles.js';

/**
 * met: known to be at or above the expected level; unmet: known to be below it; unknown: neither rated
 * nor assumed (see known-profile.ts), so neither met nor short and not counted in the shortfall.
 */
export type GapStatus = 'met' | 'unmet' | 'unknown';

export interface SkillGapAnalysis {
  skillKey: string;
  requiredLevel: number;
  requiredLevelName: string | null;
  /** The known level (rated, or assumed from the current role); null when unknown. */
  currentLevel: number | null;
  currentLevelName: string | null;
  /** How the level is known. */
  basis: SkillBasis;
  /** max(0, required − current) on a known level; 0 when unknown (see status). */
  shortfall: number;
  status: GapStatus;
  /** An optional expectation: shown, never counted as met, short or blocking. */
  optional: boolean;
  /** How much the skill counts for the role (1 unless the role weights it). */
  weight: number;
  /** What the role in particular expects at that level, when it says. */
  statement: string | null;
}

/** Names and bounds levels per skill: each skill's own scale (framework/scales.ts). */
export interface GapScales {
  levelName(skillKey: string, level: number): string | null;
  /** The top of the skill's scale; a rating above it counts as the top. Null: no bound. */
  maxLevel(skillKey: string): number | null;
}

/** Each skill's scale of a framework, for analyseGaps. */
export function gapScales(doc: Pick<FrameworkDocument, 'proficiencyScale' | 'scales' | 'skillCategories' | 'skills'>): GapScales {
  const scales = skillScales(doc);
  const base = [...doc.proficiencyScale];
  return {
    levelName: (skillKey, level) => (scales.get(skillKey)?.levels ?? base).find((l) => l.level === level)?.name ?? null,
    maxLevel: (skillKey) => scales.get(skillKey)?.max ?? null,
  };
}

function asGapScales(scale: readonly ProficiencyLevel[] | GapScales): GapScales {
  if (!Array.isArray(scale)) return scale as GapScales;
  const names = new Map((scale as readonly ProficiencyLevel[]).map((l) => [l.level, l.name]));
  return { levelName: (_skillKey, level) => names.get(level) ?? null, maxLevel: () => null };
}

export interface GapAnalysis {
  /** Every expectation, optional ones included (flagged). */
  skills: SkillGapAnalysis[];
  met: SkillGapAnalysis[];
  unmet: SkillGapAnalysis[];
  unknown: SkillGapAnalysis[];
  /** Optional expectations: left out of met, unmet, unknown, the counts and the shortfall. */
  optional: SkillGapAnalysis[];
  /** Required expectations. */
  expectedCount: number;
  coverage: Coverage;
  /** Levels short, summed over the known skills only. */
  totalShortfall: number;
}

/**
 * The profile (rated levels per skill key; a missing key is unrated) against a role's expectations,
 * skill by skill in the expectations' order, under the rule of known-profile.ts: an unrated skill takes
 * its `assumed` level when there is one (the current role's expectation, see knownProfile), and is
 * unknown otherwise. Levels are named from each skill's scale (`gapScales(doc)`; a plain list of levels
 * names every skill alike), and a level above the skill's scale counts as its top. Optional
 * expectations (`details`) are measured and listed but never counted; weights ride along.
 */
export function analyseGaps(
  profile: Readonly<Record<string, number>>,
  expectations: Readonly<Record<string, number>>,
  scale: readonly ProficiencyLevel[] | GapScales,
  assumed: Readonly<Record<string, number>> = {},
  details: Readonly<Record<string, ExpectationDetail>> = {},
): GapAnalysis {
  const scales = asGapScales(scale);
  const own = (record: Readonly<Record<string, number>>, key: string) => {
    const value = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : null;
  };
  const skills: SkillGapAnalysis[] = [];
  for (const skillKey of Object.keys(expectations)) {
    const expected = expectations[skillKey];
    if (typeof expected !== 'number' || !(expected > 0)) continue;
    const requiredLevel = expected;
    const rated = own(profile, skillKey);
    const assumedLevel = rated === null ? own(assumed, skillKey) : null;
    const max = scales.maxLevel(skillKey);
    const known = rated ?? assumedLevel;
    const currentLevel = known === null || max === null ? known : Math.min(known, max);
    const detail = Object.prototype.hasOwnProperty.call(details, skillKey) ? details[skillKey] : undefined;
    const basis: SkillBasis = rated !== null ? 'rated' : assumedLevel !== null ? 'assumed' : 'unknown';
    const shortfall = currentLevel === null ? 0 : Math.max(0, requiredLevel - currentLevel);
    skills.push({
      skillKey,
      requiredLevel,
      requiredLevelName: scales.levelName(skillKey, requiredLevel),
      currentLevel,
      currentLevelName: currentLevel === null ? null : scales.levelName(skillKey, currentLevel),
      basis,
      shortfall,
      status: currentLevel === null ? 'unknown' : shortfall > 0 ? 'unmet' : 'met',
      optional: detail?.optional ?? false,
      weight: detail?.weight ?? 1,
      statement: detail?.statement ?? null,
    });
  }
  const required = skills.filter((s) => !s.optional);
  return {
    skills,
    met: required.filter((s) => s.status === 'met'),
    unmet: required.filter((s) => s.status === 'unmet'),
    unknown: required.filter((s) => s.status === 'unknown'),
    optional: skills.filter((s) => s.optional),
    expectedCount: required.length,
    coverage: coverageOf(required.map((s) => s.basis)),
    totalShortfall: required.reduce((sum, s) => sum + s.shortfall, 0),
  };
}

/** The gaps a plan towards a role addresses: the role itself and each step of the way there. */
export interface RouteGapStep {
  roleKey: string;
  roleTitle: string;
  analysis: GapAnalysis;
}

export interface RouteGaps {
  steps: RouteGapStep[];
  /** Per skill expected by any step: the highest level expected, against the profile; met ones left out. */
  targets: SkillGapAnalysis[];
  /** The profile as known (rated, and assumed from the current role). */
  known: KnownProfile;
  /** The route followed; null when there is no current role, it is the target, or no route leads there. */
  route: Route | null;
}

/**
 * Gaps to each step of the cheapest route from the current role to the target (reusing
 * findCheapestRoute), each measured against the person's own profile as it stands today under the
 * rule of known-profile.ts (unrated skills of the current role assumed at its level, others unknown),
 * and the skill targets a plan should aim at: per skill, the highest level any step expects. When
 * there is no current role, or no route, only the target role counts.
 *
 * The route itself is priced by findCheapestRoute on the known levels (rated and assumed); it still
 * counts a skill that is neither as 0 when choosing between routes.
 */
export function gapsAlongRoute(
  doc: FrameworkDocument,
  profile: Readonly<Record<string, number>>,
  currentRoleKey: string | null,
  targetRoleKey: string,
  options: RouteOptions = {},
): RouteGaps {
  const target = getRole(doc, targetRoleKey);
  const known = knownProfile(doc, profile, currentRoleKey);
  const route =
    currentRoleKey && currentRoleKey !== targetRoleKey && doc.roles.some((r) => r.key === currentRoleKey)
      ? findCheapestRoute(doc, currentRoleKey, targetRoleKey, knownLevels(known), options)
      : null;
  const roleKeys = route && route.steps.length > 0 ? route.steps.map((s) => s.toRoleKey) : [target.key];
  const scales = gapScales(doc);
  const measure = (expectations: Readonly<Record<string, number>>, details?: Readonly<Record<string, ExpectationDetail>>) =>
    analyseGaps(known.rated, expectations, scales, known.assumed, details);
  const steps = roleKeys.map((roleKey) => {
    const role = getRole(doc, roleKey);
    return { roleKey, roleTitle: role.title, analysis: measure(role.expectations, role.expectationDetails) };
  });
  // A skill is a target when some step requires it; one that every step lists as optional is not.
  const highest: Record<string, number> = {};
  for (const step of steps) {
    for (const s of step.analysis.skills) if (!s.optional) highest[s.skillKey] = Math.max(highest[s.skillKey] ?? 0, s.requiredLevel);
  }
  const skillOrder = new Map(doc.skills.map((s, i) => [s.key, i]));
  const targets = measure(highest)
    .skills.filter((s) => s.status !== 'met')
    .sort((a, b) => (skillOrder.get(a.skillKey) ?? Infinity) - (skillOrder.get(b.skillKey) ?? Infinity) || (a.skillKey < b.skillKey ? -1 : 1));
  return { steps, targets, known, route: route && route.steps.length > 0 ? route : null };
}

// ---------------------------------------------------------------------------------------------
// Suggested actions

export const PLAN_ACTION_TYPES = ['qualification', 'on-the-job', 'reading', 'mentoring', 'course', 'other'] as const;
export type PlanActionType = (typeof PLAN_ACTION_TYPES)[number];

export interface SuggestedAction {
  type: PlanActionType;
  title: string;
  description: string;
  skillKeys: string[];
  /** Set on qualification actions. */
  qualificationKey?: string;
}

export interface SuggestionOptions {
  /** The role the plan aims at: qualifications recommended or required for it come first. */
  targetRoleKey?: string;
  /** Qualifications the person already holds (not suggested again). */
  heldQualificationKeys?: readonly string[];
  /** At most this many qualifications per gap skill. Default 2. */
  qualificationsPerSkill?: number;
}

type GapLike = Pick<SkillGapAnalysis, 'skillKey' | 'requiredLevel'>;

function qualificationRank(q: QualificationDocument, gapKeys: ReadonlySet<string>, targetRoleKey: string | undefined): number[] {
  const forTarget = targetRoleKey
    ? q.requiredForRoleKeys.includes(targetRoleKey)
      ? 0
      : q.recommendedForRoleKeys.includes(targetRoleKey)
        ? 1
        : 2
    : 2;
  return [forTarget, -q.skillKeys.filter((k) => gapKeys.has(k)).length];
}

/**
 * Suggested actions for the gap skills, deterministic for the same input:
 * 1. qualifications linked to each gap skill (those the target role requires or recommends first,
 *    then those covering more of the gaps, then by name), each once with every gap skill it covers;
 * 2. per gap skill, on-the-job work at the required level (quoting the level's descriptor) and reading;
 * 3. one mentoring action over all the gap skills.
 */
export function suggestActions(
  doc: FrameworkDocument,
  gaps: readonly GapLike[],
  options: SuggestionOptions = {},
): SuggestedAction[] {
  if (gaps.length === 0) return [];
  const gapKeys = new Set(gaps.map((g) => g.skillKey));
  const held = new Set(options.heldQualificationKeys ?? []);
  const perSkill = options.qualificationsPerSkill ?? 2;
  const skills = new Map(doc.skills.map((s) => [s.key, s]));
  const nameOf = (key: string) => skills.get(key)?.name ?? key;

  const ranked = doc.qualifications
    .filter((q) => !held.has(q.key))
    .map((q) => ({ q, rank: qualificationRank(q, gapKeys, options.targetRoleKey) }))
    .sort((a, b) => (a.rank[0] as number) - (b.rank[0] as number) || (a.rank[1] as number) - (b.rank[1] as number) || compareText(a.q.name, b.q.name));
  const chosen = new Set<string>();
  for (const gap of gaps) {
    ranked
      .filter(({ q }) => q.skillKeys.includes(gap.skillKey))
      .slice(0, Math.max(0, perSkill))
      .forEach(({ q }) => chosen.add(q.key));
  }
  const actions: SuggestedAction[] = ranked
    .filter(({ q }) => chosen.has(q.key))
    .map(({ q }) => {
      const covered = gaps.map((g) => g.skillKey).filter((k) => q.skillKeys.includes(k));
      return {
        type: 'qualification',
        title: `Gain the ${q.name}`,
        description: `Offered by ${q.provider}; covers ${covered.map(nameOf).join(', ')}.${q.url ? ` ${q.url}` : ''}`,
        skillKeys: covered,
        qualificationKey: q.key,
      };
    });

  for (const gap of gaps) {
    const name = nameOf(gap.skillKey);
    const descriptor = descriptorSummary(skills.get(gap.skillKey)?.levels[String(gap.requiredLevel)]);
    actions.push({
      type: 'on-the-job',
      title: `Take on work that needs ${name} at level ${gap.requiredLevel}`,
      description: descriptor ? `Aim for: ${descriptor}` : `Agree a piece of work with your manager that stretches your ${name}.`,
      skillKeys: [gap.skillKey],
    });
    actions.push({
      type: 'reading',
      title: `Read up on ${name}`,
      description: `Choose a book, guide or course notes on ${name} and note what you will apply.`,
      skillKeys: [gap.skillKey],
    });
  }
  actions.push({
    type: 'mentoring',
    title: 'Find a mentor',
    description: `Someone already strong in ${gaps.map((g) => nameOf(g.skillKey)).join(', ')}.`,
    skillKeys: gaps.map((g) => g.skillKey),
  });
  return actions;
}
