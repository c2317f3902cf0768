import type { FrameworkDocument, PointsLevelling } from './document.js';
import type { FrameworkProblem } from './validate.js';
import { capToScale, skillScales } from './scales.js';

/**
 * "What level am I?" by a framework's own points rule (`levelling`, Medium's Snowflake model): each
 * skill's level earns the points the rule gives it (the skill's own table, else `pointsByLevel`;
 * cumulative, not summed per level), the total picks the highest level whose `minPoints` it reaches,
 * and every title whose range holds the total (ranges may overlap: an individual contributor's and a
 * manager's title for the same points).
 *
 * A level may have sub-levels (Monzo's A–E): the reached level's last sub-level whose `minPoints` the
 * total reaches is the answer's `subLevel`, and `nextSubLevel` the one after it within the level.
 *
 * Unknown is not zero: a skill nobody rated earns nothing and is reported in `unratedSkillKeys`, so the
 * answer says it may be an underestimate. A level above the skill's scale counts as the scale's top.
 */

export interface SkillPoints {
  skillKey: string;
  level: number;
  points: number;
}

export interface LevellingResult {
  points: number;
  /** The level's name ("2.1"). */
  level: string;
  /** The sub-level within the level ("C"); null when the level has none. */
  subLevel: string | null;
  /** The next sub-level within the same level and the points it needs; null at the level's last or without sub-levels. */
  nextSubLevel: { name: string; pointsNeeded: number } | null;
  /** The next level and the points still needed to reach it; null at the top. */
  next: { level: string; pointsNeeded: number } | null;
  /** Titles whose range holds the points, in the rule's order. */
  titles: string[];
  skills: SkillPoints[];
  /** Skills of the framework the profile does not rate: counted as 0 points, which may understate the level. */
  unratedSkillKeys: string[];
}

function pointsFor(rule: PointsLevelling, skillKey: string, level: number): number {
  if (level <= 0) return 0;
  const table = rule.skillPoints?.[skillKey] ?? rule.pointsByLevel;
  const own = table[String(level)];
  if (own !== undefined) return own;
  // A level the table does not list earns what the highest listed level below it earns.
  const below = Object.keys(table)
    .map(Number)
    .filter((l) => Number.isInteger(l) && l < level)
    .sort((a, b) => b - a)[0];
  return below === undefined ? 0 : (table[String(below)] ?? 0);
}

/** The level and titles a profile (level per skill key) reaches under the framework's points rule; null when it has none. */
export function levelFromProfile(doc: FrameworkDocument, profile: Readonly<Record<string, number>>): LevellingResult | null {
  const rule = doc.levelling;
  if (!rule) return null;
  return levelByPoints(rule, doc, profile);
}

export function levelByPoints(
  rule: PointsLevelling,
  doc: Pick<FrameworkDocument, 'proficiencyScale' | 'scales' | 'skillCategories' | 'skills'>,
  profile: Readonly<Record<string, number>>,
): LevellingResult {
  const scales = skillScales(doc);
  const skills: SkillPoints[] = [];
  const unratedSkillKeys: string[] = [];
  for (const skill of doc.skills) {
    const rated = Object.prototype.hasOwnProperty.call(profile, skill.key) ? profile[skill.key] : undefined;
    if (rated === undefined || !Number.isFinite(rated)) {
      unratedSkillKeys.push(skill.key);
      continue;
    }
    const scale = scales.get(skill.key);
    const level = Math.max(0, Math.floor(scale ? capToScale(scale, rated) : rated));
    skills.push({ skillKey: skill.key, level, points: pointsFor(rule, skill.key, level) });
  }
  const points = skills.reduce((sum, s) => sum + s.points, 0);
  const levels = [...rule.levels].sort((a, b) => a.minPoints - b.minPoints);
  let index = -1;
  levels.forEach((l, i) => {
    if (points >= l.minPoints) index = i;
  });
  const reached = levels[Math.max(index, 0)];
  const following = levels[index + 1];
  // Sub-levels are kept in the rule's order (validated to rise); the last one reached is the answer.
  const subLevels = reached?.subLevels ?? [];
  let subIndex = -1;
  subLevels.forEach((sub, i) => {
    if (points >= sub.minPoints) subIndex = i;
  });
  const subReached = subLevels.length > 0 ? subLevels[Math.max(subIndex, 0)] : undefined;
  const subFollowing = subLevels[subIndex + 1];
  return {
    points,
    level: reached?.name ?? '',
    subLevel: subReached?.name ?? null,
    nextSubLevel: subFollowing ? { name: subFollowing.name, pointsNeeded: subFollowing.minPoints - points } : null,
    next: following ? { level: following.name, pointsNeeded: following.minPoints - points } : null,
    titles: rule.titles.filter((t) => points >= t.minPoints && (t.maxPoints === undefined || points <= t.maxPoints)).map((t) => t.title),
    skills,
    unratedSkillKeys,
  };
}

interface RawLevel {
  name?: unknown;
  minPoints?: unknown;
  subLevels?: unknown;
}

const int = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);

/**
 * What makes a level's sub-levels unusable: the first must start where the level does (so every
 * profile at the level has a sub-level), each must need more points than the one before, all must
 * stay below the next level's start, and no two may share a name. Read from raw levels, so both
 * validateFramework (any input) and the setLevelling operation (a parsed rule) use it.
 */
export function subLevelProblems(levels: readonly unknown[]): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  levels.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null) return;
    const level = raw as RawLevel;
    if (!Array.isArray(level.subLevels)) return;
    const start = int(level.minPoints);
    const nextRaw = levels[index + 1] as RawLevel | undefined;
    const end = nextRaw && typeof nextRaw === 'object' ? int(nextRaw.minPoints) : undefined;
    const levelName = typeof level.name === 'string' ? level.name : `${index + 1}`;
    const names = new Set<string>();
    let previous: number | undefined;
    level.subLevels.forEach((rawSub: unknown, position: number) => {
      if (typeof rawSub !== 'object' || rawSub === null) return;
      const sub = rawSub as { name?: unknown; minPoints?: unknown };
      const at = `levelling.levels[${index}].subLevels[${position}]`;
      const min = int(sub.minPoints);
      if (min !== undefined) {
        if (position === 0 && start !== undefined && min !== start) {
          problems.push({ path: `${at}.minPoints`, message: `the first sub-level must start at level "${levelName}"'s ${start} points` });
        } else if (previous !== undefined && min <= previous) {
          problems.push({ path: `${at}.minPoints`, message: `must be more than the previous sub-level's ${previous}` });
        } else if (end !== undefined && min >= end) {
          problems.push({ path: `${at}.minPoints`, message: `must be below the next level's ${end} points` });
        }
        previous = min;
      }
      const name = typeof sub.name === 'string' ? sub.name.trim() : undefined;
      if (name !== undefined && name !== '') {
        if (names.has(name)) problems.push({ path: `${at}.name`, message: `level "${levelName}" already has a sub-level named "${name}"` });
        names.add(name);
      }
    });
  });
  return problems;
}
