import { z } from 'zod';
import type { FrameworkDocument, QualificationDocument, RoleDocument } from '../framework/document.js';
import { describeCoverage, type Coverage, type LevelBasis } from '../framework/known-profile.js';
import type { RouteOptions } from '../framework/paths.js';
import { compareText, expectedLevel, getRole } from '../framework/roles.js';
import { descriptorActivities } from './descriptors.js';
import { descriptorSummary, levelNamer } from '../framework/scales.js';
import { gapsAlongRoute, type PlanActionType, type RouteGaps, type SuggestedAction } from './gaps.js';

/**
 * Focused plans: a plan is a few things a person will really do this quarter. The gaps along the
 * route are ranked; 3 to 5 of them are proposed as this revision's focus, each with one or two
 * concrete suggestions drawn from the next level's descriptor; the rest stay visible as "later",
 * without actions. Suggestions are not actions: the person chooses some, and those become actions.
 */

export const MIN_FOCUS_SKILLS = 3;
export const MAX_FOCUS_SKILLS = 5;
export const MAX_SUGGESTIONS_PER_SKILL = 2;
/** At most this many actions come from one proposal (5 focus skills × 2 suggestions). */
export const MAX_PROPOSED_ACTIONS = 10;

/** One known gap along the route, with why it ranks where it does. */
export interface RankedGap {
  skillKey: string;
  skillName: string;
  /** The known level: rated, or assumed from the current role. */
  currentLevel: number;
  basis: LevelBasis;
  /** The highest level any step of the route expects. */
  targetLevel: number;
  shortfall: number;
  /** The level the route's next step expects; null when it does not expect the skill. */
  nextStepLevel: number | null;
  /** The next step expects more than the known level: the gap stands in the way of the next move. */
  blocking: boolean;
  /** Steps of the route whose role expects more than the known level, out of totalSteps. */
  stepsNeeding: number;
  totalSteps: number;
  reason: string;
}

/** A skill the route expects that is neither rated nor assumed: rate it to know whether it is a gap. */
export interface UnknownExpectation {
  skillKey: string;
  skillName: string;
  requiredLevel: number;
  stepsNeeding: number;
}

export interface PlanSuggestion {
  /**
   * Stable for the same framework, profile and target: "practise:<skill>:<level>:<n>",
   * "qualification:<key>", "mentor:<skill>".
   */
  id: string;
  type: PlanActionType;
  title: string;
  description: string;
  skillKeys: string[];
  qualificationKey?: string;
}

export interface FocusSkill extends RankedGap {
  /** What this revision aims at: the next level up (current + 1, at most the target level). */
  aimLevel: number;
  aimLevelName: string | null;
  /** The framework's descriptor of the aim level, quoted by the suggestions and the check-in. */
  aimDescriptor: string | null;
  /** One or two suggestions, ids into PlanProposal.suggestions. */
  suggestionIds: string[];
}

export interface PlanProposal {
  targetRoleKey: string;
  /** The roles of the route after the current role, ending with the target ([target] without a route). */
  stepRoleKeys: string[];
  /** Every known gap along the route, ranked (rankGaps); focus and later split it. */
  ranked: RankedGap[];
  focus: FocusSkill[];
  /** The rest of the ranked gaps: visible, no actions. */
  later: RankedGap[];
  unknown: UnknownExpectation[];
  /** At most MAX_PROPOSED_ACTIONS, in focus order; a qualification appears once for every focus skill it covers. */
  suggestions: PlanSuggestion[];
  /** A starting choice: the first suggestion of each focus skill. */
  defaultSuggestionIds: string[];
  /** How much of the target role's expectations is rated, assumed and unknown. */
  coverage: Coverage;
  assumption: string;
}

export interface PlanProposalOptions {
  /** Qualifications the person already holds (never suggested). */
  heldQualificationKeys?: readonly string[];
  /** The person's own choice of focus (see focusProblems); default: the rule of proposePlan. */
  focusSkillKeys?: readonly string[];
  route?: RouteOptions;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The known gaps along the route, ranked: blocking gaps first (the route's next step expects more
 * than the known level: the framework marks no expectation as required, so what stands in the way of
 * the next move is what blocks), then the larger shortfall to the highest level the route expects,
 * then the more steps of the route that need the skill, then the framework's skill order.
 */
export function rankGaps(doc: FrameworkDocument, gaps: RouteGaps): RankedGap[] {
  const skills = new Map(doc.skills.map((s, i) => [s.key, { skill: s, order: i }]));
  const next = gaps.steps[0];
  const nextRole = next ? getRole(doc, next.roleKey) : null;
  const totalSteps = gaps.steps.length;
  const ranked = gaps.targets
    .filter((t) => t.status === 'unmet' && t.currentLevel !== null)
    .map((t): RankedGap => {
      const current = t.currentLevel as number;
      const nextStepLevel = nextRole ? expectedLevel(nextRole, t.skillKey) || null : null;
      const stepsNeeding = gaps.steps.filter((step) => step.analysis.skills.some((s) => s.skillKey === t.skillKey && s.requiredLevel > current)).length;
      const blocking = nextStepLevel !== null && nextStepLevel > current;
      const basis = t.basis === 'rated' ? 'rated' : 'assumed';
      const skillName = skills.get(t.skillKey)?.skill.name ?? t.skillKey;
      const at = `you are at ${current} (${basis === 'rated' ? 'rated' : 'assumed from your current role'})`;
      const reason = blocking
        ? `Your next step, ${nextRole?.title}, expects level ${nextStepLevel}; ${at}. ${plural(t.shortfall, 'level')} to reach ${t.requiredLevel}, needed by ${stepsNeeding} of ${plural(totalSteps, 'step')}.`
        : `${plural(t.shortfall, 'level')} to reach ${t.requiredLevel}; ${at}. Needed by ${stepsNeeding} of ${plural(totalSteps, 'step')}, not by the next one.`;
      return { skillKey: t.skillKey, skillName, currentLevel: current, basis, targetLevel: t.requiredLevel, shortfall: t.shortfall, nextStepLevel, blocking, stepsNeeding, totalSteps, reason };
    });
  const order = (key: string) => skills.get(key)?.order ?? Infinity;
  return ranked.sort(
    (a, b) =>
      Number(b.blocking) - Number(a.blocking) ||
      b.shortfall - a.shortfall ||
      b.stepsNeeding - a.stepsNeeding ||
      order(a.skillKey) - order(b.skillKey) ||
      compareText(a.skillKey, b.skillKey),
  );
}

/** Why a chosen focus cannot be used, by field ("skillKeys" or "skillKeys.<i>"); {} when it can. */
export function focusProblems(ranked: readonly RankedGap[], skillKeys: readonly string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  if (skillKeys.length === 0) problems.skillKeys = 'Choose at least one skill to focus on.';
  if (skillKeys.length > MAX_FOCUS_SKILLS) problems.skillKeys = `Focus on at most ${MAX_FOCUS_SKILLS} skills this revision; the rest stay as "later".`;
  const gaps = new Set(ranked.map((g) => g.skillKey));
  const seen = new Set<string>();
  skillKeys.forEach((key, i) => {
    if (seen.has(key)) problems[`skillKeys.${i}`] = 'This skill is chosen twice.';
    else if (!gaps.has(key)) problems[`skillKeys.${i}`] = `"${key}" is not a gap on the way to this role: choose among the ranked gaps.`;
    seen.add(key);
  });
  return problems;
}

export class FocusSelectionError extends Error {
  constructor(readonly problems: Record<string, string>) {
    super(`invalid focus: ${Object.values(problems).join(' ')}`);
    this.name = 'FocusSelectionError';
  }
}

/** Roles (titles) whose holders work at `level` or above in a skill, the target first, then by seniority. */
function practitioners(doc: FrameworkDocument, skillKey: string, level: number, target: RoleDocument): string[] {
  const roles = doc.roles.filter((r) => expectedLevel(r, skillKey) >= level);
  roles.sort((a, b) => Number(b.key === target.key) - Number(a.key === target.key) || (a.band ?? 0) - (b.band ?? 0) || a.level - b.level || compareText(a.title, b.title));
  return roles.slice(0, 2).map((r) => r.title);
}

interface QualificationPick {
  q: QualificationDocument;
  required: boolean;
  covers: string[];
}

/**
 * Qualifications worth suggesting: only those the target role requires or recommends AND that cover
 * at least one focus skill, not held. Required ones first, then the ones covering more focus skills,
 * then more of all the gaps, then by name; the best one, and a second only when it is required too.
 */
function pickQualifications(doc: FrameworkDocument, target: RoleDocument, focusKeys: readonly string[], rankedKeys: ReadonlySet<string>, held: ReadonlySet<string>): QualificationPick[] {
  const picks = doc.qualifications
    .filter((q) => !held.has(q.key))
    .map((q) => ({
      q,
      required: q.requiredForRoleKeys.includes(target.key),
      recommended: q.recommendedForRoleKeys.includes(target.key),
      covers: focusKeys.filter((k) => q.skillKeys.includes(k)),
      coversGaps: q.skillKeys.filter((k) => rankedKeys.has(k)).length,
    }))
    .filter((p) => (p.required || p.recommended) && p.covers.length > 0)
    .sort((a, b) => Number(b.required) - Number(a.required) || b.covers.length - a.covers.length || b.coversGaps - a.coversGaps || compareText(a.q.name, b.q.name));
  return picks.filter((p, i) => i === 0 || (i === 1 && p.required)).map(({ q, required, covers }) => ({ q, required, covers }));
}

/**
 * A focused plan proposal towards a target role for a person with these rated levels (absent =
 * unrated) in their current role, under the rule of known-profile.ts:
 * - the gaps along the cheapest route, ranked (rankGaps);
 * - the focus: the blocking gaps, at least MIN_FOCUS_SKILLS and at most MAX_FOCUS_SKILLS of the ranked
 *   gaps (or the person's own choice, options.focusSkillKeys, checked by focusProblems: throws
 *   FocusSelectionError when it is not valid);
 * - per focus skill, one or two suggestions aimed at the next level up: doing what the framework's
 *   descriptor of that level says (its first activity, e.g. "Run risk management for complex
 *   programmes", quoting the descriptor), then a qualification covering it (only one the target
 *   requires or recommends), or a mentor (at most once, for the largest focus gap no qualification
 *   covers), or the descriptor's next activity;
 * - the rest of the gaps as "later", and the expectations nothing is known about as "unknown".
 * Deterministic for the same input.
 */
export function proposePlan(
  doc: FrameworkDocument,
  rated: Readonly<Record<string, number>>,
  currentRoleKey: string | null,
  targetRoleKey: string,
  options: PlanProposalOptions = {},
): PlanProposal {
  const target = getRole(doc, targetRoleKey);
  const gaps = gapsAlongRoute(doc, rated, currentRoleKey, targetRoleKey, options.route);
  const ranked = rankGaps(doc, gaps);
  let focusGaps: RankedGap[];
  if (options.focusSkillKeys) {
    const problems = focusProblems(ranked, options.focusSkillKeys);
    if (Object.keys(problems).length > 0) throw new FocusSelectionError(problems);
    const chosen = new Set(options.focusSkillKeys);
    focusGaps = ranked.filter((g) => chosen.has(g.skillKey));
  } else {
    const blocking = ranked.filter((g) => g.blocking).length;
    focusGaps = ranked.slice(0, Math.min(MAX_FOCUS_SKILLS, Math.max(MIN_FOCUS_SKILLS, blocking)));
  }
  const focusKeys = focusGaps.map((g) => g.skillKey);
  const skills = new Map(doc.skills.map((s) => [s.key, s]));
  const levelName = levelNamer(doc);
  const qualifications = pickQualifications(doc, target, focusKeys, new Set(ranked.map((g) => g.skillKey)), new Set(options.heldQualificationKeys ?? []));
  const covered = new Set(qualifications.flatMap((p) => p.covers));
  const mentorFor = focusGaps
    .filter((g) => !covered.has(g.skillKey))
    .reduce<RankedGap | null>((best, g) => (!best || g.shortfall > best.shortfall ? g : best), null)?.skillKey;

  const suggestions = new Map<string, PlanSuggestion>();
  const focus = focusGaps.map((gap): FocusSkill => {
    const skill = skills.get(gap.skillKey);
    const aimLevel = Math.min(gap.targetLevel, gap.currentLevel + 1);
    const aimLevelName = levelName(gap.skillKey, aimLevel);
    const aimLevelDescriptor = skill?.levels[String(aimLevel)];
    const aimDescriptor = descriptorSummary(aimLevelDescriptor);
    const level = `${gap.skillName}, level ${aimLevel}${aimLevelName ? ` (${aimLevelName})` : ''}`;
    const quoted = aimDescriptor ? `${level}: “${aimDescriptor}”` : `${level}.`;
    // A descriptor's criteria are already one activity each; a summary is split into them.
    const activities = aimLevelDescriptor?.criteria.length ? aimLevelDescriptor.criteria : aimDescriptor ? descriptorActivities(aimDescriptor) : [];
    const practise = (n: number, title: string, how: string): PlanSuggestion => ({
      id: `practise:${gap.skillKey}:${aimLevel}:${n}`,
      type: 'on-the-job',
      title,
      description: `${quoted} ${how}`,
      skillKeys: [gap.skillKey],
    });
    const ids: string[] = [];
    const add = (suggestion: PlanSuggestion) => {
      if (!suggestions.has(suggestion.id)) suggestions.set(suggestion.id, suggestion);
      ids.push(suggestion.id);
    };
    add(
      practise(
        1,
        activities[0] ?? `Work at level ${aimLevel} in ${gap.skillName}`,
        'Agree with your manager a piece of work this quarter where you do this, and keep the evidence for your next rating.',
      ),
    );
    const qualification = qualifications.find((p) => p.covers.includes(gap.skillKey));
    if (qualification) {
      const { q, required, covers } = qualification;
      add({
        id: `qualification:${q.key}`,
        type: 'qualification',
        title: `Gain the ${q.name}`,
        description: `${required ? 'Required' : 'Recommended'} for ${target.title}; covers your focus on ${covers.map((k) => skills.get(k)?.name ?? k).join(', ')}. Offered by ${q.provider}.${q.url ? ` ${q.url}` : ''}`,
        skillKeys: covers,
        qualificationKey: q.key,
      });
    } else if (gap.skillKey === mentorFor) {
      const who = practitioners(doc, gap.skillKey, gap.targetLevel, target);
      add({
        id: `mentor:${gap.skillKey}`,
        type: 'mentoring',
        title: `Find a mentor in ${gap.skillName}`,
        description: `Someone working at level ${gap.targetLevel} or above${who.length > 0 ? `, for example a ${who.join(' or ')}` : ''}: meet monthly and ask them to review your work against ${quoted}`,
        skillKeys: [gap.skillKey],
      });
    } else if (activities[1]) {
      add(practise(2, activities[1], 'Pick a real task where you do this, and ask someone who does it well for feedback.'));
    }
    return { ...gap, aimLevel, aimLevelName, aimDescriptor, suggestionIds: ids };
  });

  const focusSet = new Set(focusKeys);
  const targetStep = gaps.steps[gaps.steps.length - 1];
  const coverage = targetStep?.analysis.coverage ?? { expected: 0, rated: 0, assumed: 0, unknown: 0, known: 0, share: 1 };
  const currentTitle = gaps.known.assumedFromRoleKey ? getRole(doc, gaps.known.assumedFromRoleKey).title : null;
  return {
    targetRoleKey: target.key,
    stepRoleKeys: gaps.steps.map((s) => s.roleKey),
    ranked,
    focus,
    later: ranked.filter((g) => !focusSet.has(g.skillKey)),
    unknown: gaps.targets
      .filter((t) => t.status === 'unknown')
      .map((t) => ({
        skillKey: t.skillKey,
        skillName: skills.get(t.skillKey)?.name ?? t.skillKey,
        requiredLevel: t.requiredLevel,
        stepsNeeding: gaps.steps.filter((step) => step.analysis.skills.some((s) => s.skillKey === t.skillKey)).length,
      })),
    suggestions: [...suggestions.values()],
    defaultSuggestionIds: focus.map((f) => f.suggestionIds[0] as string),
    coverage,
    assumption: describeCoverage(coverage, currentTitle),
  };
}

/** The suggestions chosen, as actions (in the proposal's order), or why the choice cannot be used. */
export function chooseSuggestions(
  proposal: Pick<PlanProposal, 'suggestions'>,
  suggestionIds: readonly string[],
): { ok: true; actions: SuggestedAction[] } | { ok: false; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  if (suggestionIds.length > MAX_PROPOSED_ACTIONS) problems.suggestionIds = `Choose at most ${MAX_PROPOSED_ACTIONS} suggestions.`;
  const byId = new Map(proposal.suggestions.map((s) => [s.id, s]));
  const seen = new Set<string>();
  suggestionIds.forEach((id, i) => {
    if (seen.has(id)) problems[`suggestionIds.${i}`] = 'This suggestion is chosen twice.';
    else if (!byId.has(id)) problems[`suggestionIds.${i}`] = 'This suggestion is not part of the plan’s proposal (it may have changed): reload the suggestions.';
    seen.add(id);
  });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const actions = proposal.suggestions
    .filter((s) => seen.has(s.id))
    .map(({ type, title, description, skillKeys, qualificationKey }): SuggestedAction => ({
      type,
      title,
      description,
      skillKeys: [...skillKeys],
      ...(qualificationKey ? { qualificationKey } : {}),
    }));
  return { ok: true, actions };
}

// ---------------------------------------------------------------------------------------------
// Inputs

const unique = (values: readonly string[]) => new Set(values).size === values.length;
const skillKeySchema = z.string().trim().min(1, 'must not be empty').max(200);

/** The person's own choice of focus skills for a revision. */
export const focusSelectionSchema = z.object({
  skillKeys: z
    .array(skillKeySchema)
    .min(1, 'Choose at least one skill to focus on.')
    .max(MAX_FOCUS_SKILLS, `Focus on at most ${MAX_FOCUS_SKILLS} skills this revision.`)
    .refine(unique, 'Choose each skill once.'),
});
export type FocusSelectionInput = z.infer<typeof focusSelectionSchema>;

/** The suggestions a person chooses to make actions of. */
export const suggestionChoiceSchema = z.object({
  suggestionIds: z
    .array(z.string().trim().min(1, 'must not be empty').max(300))
    .max(MAX_PROPOSED_ACTIONS, `Choose at most ${MAX_PROPOSED_ACTIONS} suggestions.`)
    .refine(unique, 'Choose each suggestion once.'),
});
export type SuggestionChoiceInput = z.infer<typeof suggestionChoiceSchema>;
