import type { FrameworkDocument, PointsLevelling } from './document.js';
import type { FrameworkProblem } from './validate.js';
import { skillScales } from './scales.js';
import { subLevelProblems } from './levelling.js';

/**
 * What the `setLevelling` draft operation refuses in a points rule (document `levelling`), beyond its
 * shape: the same rules validateFramework applies at publish, checked at each edit so a draft never
 * holds a rule that could not be published, plus what makes a rule answer nonsense (a higher level of
 * a skill worth fewer points, two levels with one name). Paths are relative to the operation.
 */
export function levellingRuleProblems(document: FrameworkDocument, rule: PointsLevelling): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const scales = skillScales(document);
  const topOfAnyScale = Math.max(0, ...[...scales.values()].map((s) => s.max), document.proficiencyScale.length);

  const checkTable = (table: Record<string, number>, path: string, max: number, scaleLabel: string) => {
    const entries: Array<[number, number]> = [];
    for (const [level, points] of Object.entries(table)) {
      const n = Number(level);
      if (!/^[1-9][0-9]*$/.test(level)) problems.push({ path: `${path}.${level}`, message: 'must be a level number' });
      else if (n > max) problems.push({ path: `${path}.${level}`, message: `level ${n} is above ${scaleLabel}'s maximum ${max}` });
      else entries.push([n, points]);
    }
    // Points are cumulative: reaching a higher level never earns less than a lower one.
    entries.sort((a, b) => a[0] - b[0]);
    entries.forEach(([level, points], i) => {
      const below = entries[i - 1];
      if (below && points < below[1]) problems.push({ path: `${path}.${level}`, message: `must be at least level ${below[0]}'s ${below[1]} points` });
    });
  };

  checkTable(rule.pointsByLevel, 'levelling.pointsByLevel', topOfAnyScale, 'every scale');
  if (Object.keys(rule.pointsByLevel).length === 0) problems.push({ path: 'levelling.pointsByLevel', message: 'needs the points of at least one level' });
  for (const [skillKey, table] of Object.entries(rule.skillPoints ?? {})) {
    const scale = scales.get(skillKey);
    const path = `levelling.skillPoints.${skillKey}`;
    if (!scale) problems.push({ path, message: `unknown skill "${skillKey}"` });
    else checkTable(table, path, scale.max, scale.name ? `scale "${scale.name}"` : 'the proficiency scale');
  }

  let previous = -1;
  const names = new Set<string>();
  rule.levels.forEach((level, index) => {
    if (index === 0 && level.minPoints !== 0) problems.push({ path: 'levelling.levels[0].minPoints', message: 'the first level must start at 0 points, so every profile has a level' });
    else if (level.minPoints <= previous) problems.push({ path: `levelling.levels[${index}].minPoints`, message: `must be more than the previous level's ${previous}` });
    previous = level.minPoints;
    if (names.has(level.name)) problems.push({ path: `levelling.levels[${index}].name`, message: `there is already a level named "${level.name}"` });
    names.add(level.name);
  });
  rule.titles.forEach((title, index) => {
    if (title.maxPoints !== undefined && title.maxPoints < title.minPoints) {
      problems.push({ path: `levelling.titles[${index}].maxPoints`, message: `must be at least minPoints (${title.minPoints})` });
    }
  });
  problems.push(...subLevelProblems(rule.levels));
  return problems;
}

/** A deep copy, so an undo never shares tables with the document it restores. */
export function copyLevelling(rule: PointsLevelling): PointsLevelling {
  return {
    kind: 'points',
    pointsByLevel: { ...rule.pointsByLevel },
    ...(rule.skillPoints ? { skillPoints: Object.fromEntries(Object.entries(rule.skillPoints).map(([k, t]) => [k, { ...t }])) } : {}),
    levels: rule.levels.map((l) => ({ ...l, ...(l.subLevels ? { subLevels: l.subLevels.map((s) => ({ ...s })) } : {}) })),
    titles: rule.titles.map((t) => ({ ...t })),
  };
}

/** The rule without a removed skill's own points (null when it had none): removeSkill drops them, its undo restores. */
export function levellingWithoutSkill(rule: PointsLevelling | undefined, skillKey: string): PointsLevelling | null {
  if (!rule?.skillPoints || rule.skillPoints[skillKey] === undefined) return null;
  const { [skillKey]: _removed, ...rest } = rule.skillPoints;
  const { skillPoints: _all, ...without } = copyLevelling(rule);
  return Object.keys(rest).length > 0 ? { ...without, skillPoints: Object.fromEntries(Object.entries(rest).map(([k, t]) => [k, { ...t }])) } : without;
}
