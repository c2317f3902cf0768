import type { FrameworkDocument, ProficiencyLevel, QualificationDocument } from '../framework/document.js';
import { findCheapestRoute, type RouteOptions } from '../framework/paths.js';
import { compareText, getRole } from '../framework/roles.js';

/** met: at or above the expected level; unmet: assessed below it; unassessed: never rated (counts as 0). */
export type GapStatus = 'met' | 'unmet' | 'unassessed';

export interface SkillGapAnalysis {
  skillKey: string;
  requiredLevel: number;
  requiredLevelName: string | null;
  /** null when the skill has not been assessed. */
  currentLevel: number | null;
  currentLevelName: string | null;
  /** max(0, required − current), counting an unassessed skill as level 0. */
  shortfall: number;
  status: GapStatus;
}

export interface GapAnalysis {
  skills: SkillGapAnalysis[];
  met: SkillGapAnalysis[];
  unmet: SkillGapAnalysis[];
  unassessed: SkillGapAnalysis[];
  expectedCount: number;
  totalShortfall: number;
}

/**
 * The profile (assessed levels per skill key; a missing key is unassessed) against a role's
 * expectations, skill by skill in the expectations' order. Levels are named from the scale.
 */
export function analyseGaps(
  profile: Readonly<Record<string, number>>,
  expectations: Readonly<Record<string, number>>,
  scale: readonly ProficiencyLevel[],
): GapAnalysis {
  const names = new Map(scale.map((l) => [l.level, l.name]));
  const skills: SkillGapAnalysis[] = [];
  for (const skillKey of Object.keys(expectations)) {
    const expected = expectations[skillKey];
    if (typeof expected !== 'number' || !(expected > 0)) continue;
    const requiredLevel = expected;
    const assessed = Object.prototype.hasOwnProperty.call(profile, skillKey) ? profile[skillKey] : undefined;
    const currentLevel = typeof assessed === 'number' && Number.isFinite(assessed) ? Math.max(0, assessed) : null;
    const shortfall = Math.max(0, requiredLevel - (currentLevel ?? 0));
    skills.push({
      skillKey,
      requiredLevel,
      requiredLevelName: names.get(requiredLevel) ?? null,
      currentLevel,
      currentLevelName: currentLevel === null ? null : (names.get(currentLevel) ?? null),
      shortfall,
      status: currentLevel === null ? 'unassessed' : shortfall > 0 ? 'unmet' : 'met',
    });
  }
  return {
    skills,
    met: skills.filter((s) => s.status === 'met'),
    unmet: skills.filter((s) => s.status === 'unmet'),
    unassessed: skills.filter((s) => s.status === 'unassessed'),
    expectedCount: skills.length,
    totalShortfall: skills.reduce((sum, s) => sum + s.shortfall, 0),
  };
}

/** The gaps a plan towards a role addresses: the role itself and each step of the way there. */
export interface RouteGapStep {
  roleKey: string;
  roleTitle: string;
  analysis: GapAnalysis;
}

/**
 * Gaps to each step of the cheapest route from the current role to the target (reusing
 * findCheapestRoute), each measured against the person's own profile as it stands today, and the
 * skill targets a plan should aim at: per skill, the highest level any step expects. When there is
 * no current role, or no route, only the target role counts.
 */
export function gapsAlongRoute(
  doc: FrameworkDocument,
  profile: Readonly<Record<string, number>>,
  currentRoleKey: string | null,
  targetRoleKey: string,
  options: RouteOptions = {},
): { steps: RouteGapStep[]; targets: SkillGapAnalysis[] } {
  const target = getRole(doc, targetRoleKey);
  const route =
    currentRoleKey && currentRoleKey !== targetRoleKey
      ? findCheapestRoute(doc, currentRoleKey, targetRoleKey, profile, options)
      : null;
  const roleKeys = route ? route.steps.map((s) => s.toRoleKey) : [target.key];
  const steps = roleKeys.map((roleKey) => {
    const role = getRole(doc, roleKey);
    return { roleKey, roleTitle: role.title, analysis: analyseGaps(profile, role.expectations, doc.proficiencyScale) };
  });
  const highest: Record<string, number> = {};
  for (const step of steps) {
    for (const s of step.analysis.skills) highest[s.skillKey] = Math.max(highest[s.skillKey] ?? 0, s.requiredLevel);
  }
  const skillOrder = new Map(doc.skills.map((s, i) => [s.key, i]));
  const targets = analyseGaps(profile, highest, doc.proficiencyScale)
    .skills.filter((s) => s.status !== 'met')
    .sort((a, b) => (skillOrder.get(a.skillKey) ?? Infinity) - (skillOrder.get(b.skillKey) ?? Infinity) || (a.skillKey < b.skillKey ? -1 : 1));
  return { steps, targets };
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
    const descriptor = skills.get(gap.skillKey)?.levels[String(gap.requiredLevel)];
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
