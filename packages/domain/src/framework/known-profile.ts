import type { FrameworkDocument, RoleDocument } from './document.js';
import type { SkillGap, SkillProfile } from './paths.js';
import { expectedLevel } from './roles.js';

/**
 * The one rule for skills nobody has rated, applied the same way by readiness, plan gaps, closest
 * roles, the gaps of a route's steps and the publish preview: an unrated skill is unknown, not level 0.
 *
 * - rated: a rating (the person's or their manager's, see `profileLevels`) counts as it is;
 * - assumed: an unrated skill that the person's CURRENT role expects is assumed at that expected
 *   level: they hold the role, so they are taken to meet it ("assumed at your current role's level");
 * - unknown: anything else (no current role, or a skill the current role does not expect). It is
 *   left out of every measure, neither met nor short, and reported, so each figure says how much of
 *   it rests on ratings (`Coverage`).
 */
export type LevelBasis = 'rated' | 'assumed';
export type SkillBasis = LevelBasis | 'unknown';

export interface KnownProfile {
  /** Rated levels per skill key (finite, at least 0). */
  rated: Readonly<Record<string, number>>;
  /** Levels assumed for unrated skills: the current role's expectations. */
  assumed: Readonly<Record<string, number>>;
  /** The role the assumed levels come from; null when nothing is assumed. */
  assumedFromRoleKey: string | null;
}

function has(record: Readonly<Record<string, number>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * The person's profile as far as it is known: their rated levels and, for unrated skills their
 * current role expects, that role's expected level. A current role that is not in `doc` (another
 * framework) or null assumes nothing. Ratings that are not finite numbers are ignored (unknown).
 */
export function knownProfile(doc: FrameworkDocument, rated: SkillProfile, currentRoleKey?: string | null): KnownProfile {
  const clean: Record<string, number> = {};
  for (const [key, level] of Object.entries(rated)) {
    if (typeof level === 'number' && Number.isFinite(level)) clean[key] = Math.max(0, level);
  }
  const role = currentRoleKey ? doc.roles.find((r) => r.key === currentRoleKey) : undefined;
  const assumed: Record<string, number> = {};
  if (role) {
    for (const key of Object.keys(role.expectations)) {
      const level = expectedLevel(role, key);
      if (level > 0 && !has(clean, key)) assumed[key] = level;
    }
  }
  return { rated: clean, assumed, assumedFromRoleKey: role ? role.key : null };
}

/** The known level of a skill and how it is known, or null when it is unknown. */
export function knownLevel(profile: KnownProfile, skillKey: string): { level: number; basis: LevelBasis } | null {
  if (has(profile.rated, skillKey)) return { level: profile.rated[skillKey] as number, basis: 'rated' };
  if (has(profile.assumed, skillKey)) return { level: profile.assumed[skillKey] as number, basis: 'assumed' };
  return null;
}

/** Rated and assumed levels in one record; a skill that is absent is unknown. */
export function knownLevels(profile: KnownProfile): Record<string, number> {
  return { ...profile.assumed, ...profile.rated };
}

/** How much of a measure against a role rests on what is known. */
export interface Coverage {
  /** Expectations measured (skills expected above 0). */
  expected: number;
  rated: number;
  assumed: number;
  unknown: number;
  /** rated + assumed: the expectations the measure counts. */
  known: number;
  /** rated ÷ expected (1 when nothing is expected): the share of the measure resting on ratings. */
  share: number;
}

export function coverageOf(bases: readonly SkillBasis[]): Coverage {
  const rated = bases.filter((b) => b === 'rated').length;
  const assumed = bases.filter((b) => b === 'assumed').length;
  const unknown = bases.length - rated - assumed;
  return { expected: bases.length, rated, assumed, unknown, known: rated + assumed, share: bases.length === 0 ? 1 : rated / bases.length };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What a figure rests on, in a sentence: "9 of 28 expectations rated; 18 assumed at the level your
 * current role (PMO Analyst) expects; 1 unknown, not counted."
 */
export function describeCoverage(coverage: Coverage, assumedFromRoleTitle: string | null = null): string {
  if (coverage.expected === 0) return 'The role expects no skills.';
  const parts = [`${coverage.rated} of ${plural(coverage.expected, 'expectation')} rated`];
  if (coverage.assumed > 0) {
    parts.push(`${coverage.assumed} assumed at the level your current role${assumedFromRoleTitle ? ` (${assumedFromRoleTitle})` : ''} expects`);
  }
  if (coverage.unknown > 0) parts.push(`${coverage.unknown} unknown, not counted`);
  return `${parts.join('; ')}.`;
}

/** Skill keys a role expects above 0, in the framework's skill order (skills the framework lacks last, by key). */
export function expectedSkillKeys(doc: FrameworkDocument, role: RoleDocument): string[] {
  const known = new Set(doc.skills.map((s) => s.key));
  const keys = doc.skills.map((s) => s.key).filter((key) => expectedLevel(role, key) > 0);
  const unknown = Object.keys(role.expectations).filter((key) => !known.has(key) && expectedLevel(role, key) > 0);
  return [...keys, ...unknown.sort()];
}

/** One expectation of a role measured against a known profile. */
export interface ExpectationMeasure {
  skillKey: string;
  requiredLevel: number;
  /** null when unknown. */
  level: number | null;
  basis: SkillBasis;
  /** Levels below the expectation; 0 when met or unknown. */
  shortfall: number;
  /** Levels above the expectation; 0 when not above or unknown. */
  surplus: number;
  status: 'met' | 'short' | 'unknown';
}

/** A role's expectations (in the framework's skill order) against a known profile, with its coverage. */
export function measureRole(doc: FrameworkDocument, role: RoleDocument, profile: KnownProfile): { measures: ExpectationMeasure[]; coverage: Coverage } {
  const measures = expectedSkillKeys(doc, role).map((skillKey): ExpectationMeasure => {
    const requiredLevel = expectedLevel(role, skillKey);
    const known = knownLevel(profile, skillKey);
    if (!known) return { skillKey, requiredLevel, level: null, basis: 'unknown', shortfall: 0, surplus: 0, status: 'unknown' };
    const shortfall = Math.max(0, requiredLevel - known.level);
    return {
      skillKey,
      requiredLevel,
      level: known.level,
      basis: known.basis,
      shortfall,
      surplus: Math.max(0, known.level - requiredLevel),
      status: shortfall > 0 ? 'short' : 'met',
    };
  });
  return { measures, coverage: coverageOf(measures.map((m) => m.basis)) };
}

/**
 * The gaps of one step into `role` under the rule, for route search: `levels` is the profile as it
 * stands at that point of the route, where an absent skill is unknown (not 0). Unknown skills are not
 * counted in the shortfall and are listed; after the step the route assumes the person meets the
 * role, so it should then set every skill of `role` (gaps and unknown alike) to at least its level.
 */
export function knownGaps(
  doc: FrameworkDocument,
  role: RoleDocument,
  levels: SkillProfile,
): { gaps: SkillGap[]; shortfall: number; unknownSkillKeys: string[] } {
  const names = new Map(doc.skills.map((s) => [s.key, s.name]));
  const gaps: SkillGap[] = [];
  const unknownSkillKeys: string[] = [];
  for (const skillKey of expectedSkillKeys(doc, role)) {
    const value = has(levels, skillKey) ? levels[skillKey] : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      unknownSkillKeys.push(skillKey);
      continue;
    }
    const requiredLevel = expectedLevel(role, skillKey);
    const currentLevel = Math.max(0, value);
    if (currentLevel >= requiredLevel) continue;
    gaps.push({ skillKey, skillName: names.get(skillKey) ?? skillKey, currentLevel, requiredLevel, shortfall: requiredLevel - currentLevel });
  }
  return { gaps, shortfall: gaps.reduce((sum, g) => sum + g.shortfall, 0), unknownSkillKeys };
}
