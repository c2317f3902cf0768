/**
 * Skill assessments: every rating is dated and kept (never overwritten), so the history of a skill
 * can be drawn. The current profile is the latest rating of each source per skill.
 */

export const ASSESSMENT_SOURCES = ['self', 'manager'] as const;
export type AssessmentSource = (typeof ASSESSMENT_SOURCES)[number];

export interface Assessment {
  skillKey: string;
  level: number;
  source: AssessmentSource;
  assessedAt: Date;
  evidence?: string | null;
}

/** The latest assessment of each source for one skill, and the level that counts for gaps. */
export interface CurrentSkillAssessment {
  skillKey: string;
  self: Assessment | null;
  manager: Assessment | null;
  /**
   * The level gap analysis uses: the more recent of the two ratings, the manager's on a tie. A later
   * self rating after a manager's review is the latest word on the skill; the manager can answer it.
   */
  level: number;
}

/** Newer first; on the same instant the manager's rating wins, then the higher level (total order). */
function isNewer(candidate: Assessment, than: Assessment): boolean {
  const dt = candidate.assessedAt.getTime() - than.assessedAt.getTime();
  if (dt !== 0) return dt > 0;
  if (candidate.source !== than.source) return candidate.source === 'manager';
  return candidate.level > than.level;
}

/** The latest self and manager assessment per skill, keyed by skill key (skills in key order). */
export function currentProfile(assessments: readonly Assessment[]): Map<string, CurrentSkillAssessment> {
  const latest = new Map<string, { self: Assessment | null; manager: Assessment | null }>();
  for (const a of assessments) {
    const entry = latest.get(a.skillKey) ?? { self: null, manager: null };
    const previous = entry[a.source];
    if (!previous || isNewer(a, previous)) entry[a.source] = a;
    latest.set(a.skillKey, entry);
  }
  const result = new Map<string, CurrentSkillAssessment>();
  for (const skillKey of [...latest.keys()].sort()) {
    const { self, manager } = latest.get(skillKey) as { self: Assessment | null; manager: Assessment | null };
    const counting = self && manager ? (isNewer(self, manager) ? self : manager) : ((self ?? manager) as Assessment);
    result.set(skillKey, { skillKey, self, manager, level: counting.level });
  }
  return result;
}

/** The levels that count, per skill key: the input of gap analysis (a missing skill is unassessed). */
export function profileLevels(assessments: readonly Assessment[]): Record<string, number> {
  const levels: Record<string, number> = {};
  for (const [skillKey, current] of currentProfile(assessments)) levels[skillKey] = current.level;
  return levels;
}

/** The profile as it stood at an instant: only assessments made at or before it count. */
export function profileAt(assessments: readonly Assessment[], at: Date): Record<string, number> {
  return profileLevels(assessments.filter((a) => a.assessedAt.getTime() <= at.getTime()));
}

export interface SelfVsManager {
  skillKey: string;
  selfLevel: number | null;
  managerLevel: number | null;
  /** managerLevel − selfLevel when both exist: negative when the manager rates lower. */
  difference: number | null;
}

/** Side by side, per skill: the latest self and manager levels and their difference (skills in key order). */
export function selfVsManager(assessments: readonly Assessment[]): SelfVsManager[] {
  return [...currentProfile(assessments).values()].map(({ skillKey, self, manager }) => ({
    skillKey,
    selfLevel: self?.level ?? null,
    managerLevel: manager?.level ?? null,
    difference: self && manager ? manager.level - self.level : null,
  }));
}

/** Every assessment of one skill, oldest first (both sources), for drawing its history. */
export function skillHistory(assessments: readonly Assessment[], skillKey: string): Assessment[] {
  return assessments
    .filter((a) => a.skillKey === skillKey)
    .sort((a, b) => a.assessedAt.getTime() - b.assessedAt.getTime() || (isNewer(a, b) ? 1 : -1));
}

/** Why a level cannot be recorded on this scale, or null when it can. */
export function assessmentLevelProblem(level: number, scale: readonly { level: number }[]): string | null {
  const levels = scale.map((l) => l.level);
  if (!Number.isInteger(level) || !levels.includes(level)) {
    return `level ${level} is not on the scale (${levels.join(', ')})`;
  }
  return null;
}
