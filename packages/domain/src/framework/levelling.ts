import type { FrameworkDocument, PointsLevelling } from './document.js';
import { capToScale, skillScales } from './scales.js';

/**
 * "What level am I?" by a framework's own points rule (`levelling`, Medium's Snowflake model): each
 * skill's level earns the points the rule gives it (the skill's own table, else `pointsByLevel`;
 * cumulative, not summed per level), the total picks the highest level whose `minPoints` it reaches,
 * and every title whose range holds the total (ranges may overlap: an individual contributor's and a
 * manager's title for the same points).
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
  return {
    points,
    level: reached?.name ?? '',
    next: following ? { level: following.name, pointsNeeded: following.minPoints - points } : null,
    titles: rule.titles.filter((t) => points >= t.minPoints && (t.maxPoints === undefined || points <= t.maxPoints)).map((t) => t.title),
    skills,
    unratedSkillKeys,
  };
}
