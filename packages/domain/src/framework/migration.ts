import type { FrameworkDocument, RoleDocument, SkillDocument } from './document.js';

/**
 * Carrying data across when a new framework version is published.
 *
 * Everything that points at a version (people's current roles, assessments, plan actions, target
 * roles…) points at its roles and skills. A role or skill whose key is in both versions simply
 * follows its key. One that is gone from the new version needs a decision: it was renamed to, or
 * merged into, another part of the new version, or it is removed and what pointed at it is cleared.
 */

export type MigrationPartKind = 'role' | 'skill';

/** The answer to one migration question: `toKey` names the new part, null removes it. */
export interface MigrationChoice {
  kind: MigrationPartKind;
  fromKey: string;
  toKey: string | null;
}

/** A role or skill that is gone from the new version, and what to suggest doing about it. */
export interface MigrationQuestion {
  kind: MigrationPartKind;
  fromKey: string;
  /** Its title (roles) or name (skills) in the old version. */
  fromLabel: string;
  /** The suggested answer: a part of the new version, or null to remove. */
  suggestedToKey: string | null;
  /** Why that suggestion, in words (e.g. `"Planning" has the same level descriptors`). */
  reason: string;
}

export interface MigrationProblem {
  kind: MigrationPartKind;
  fromKey: string;
  message: string;
}

export interface VersionMigrationPlan {
  /** Every role key of the old version → its key in the new version, or null when removed. */
  roles: Map<string, string | null>;
  /** Every skill key of the old version → its key in the new version, or null when removed. */
  skills: Map<string, string | null>;
  problems: MigrationProblem[];
}

const KIND_LABEL: Record<MigrationPartKind, string> = { role: 'role', skill: 'skill' };

function sameText(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function sameLevels(a: SkillDocument, b: SkillDocument): boolean {
  const keys = Object.keys(a.levels);
  return keys.length === Object.keys(b.levels).length && keys.every((level) => JSON.stringify(a.levels[level]) === JSON.stringify(b.levels[level]));
}

function suggestSkill(skill: SkillDocument, candidates: SkillDocument[]): Pick<MigrationQuestion, 'suggestedToKey' | 'reason'> {
  const byName = candidates.find((candidate) => sameText(candidate.name, skill.name));
  if (byName) return { suggestedToKey: byName.key, reason: `"${byName.name}" has the same name` };
  const byLevels = candidates.find((candidate) => sameLevels(candidate, skill));
  if (byLevels) return { suggestedToKey: byLevels.key, reason: `"${byLevels.name}" has the same level descriptors` };
  return { suggestedToKey: null, reason: 'no skill of the new version looks like it' };
}

function suggestRole(role: RoleDocument, candidates: RoleDocument[]): Pick<MigrationQuestion, 'suggestedToKey' | 'reason'> {
  const byTitle = candidates.find((candidate) => sameText(candidate.title, role.title));
  if (byTitle) return { suggestedToKey: byTitle.key, reason: `"${byTitle.title}" has the same title` };
  const byRung = candidates.filter((candidate) => candidate.trackKey === role.trackKey && candidate.level === role.level);
  if (byRung.length === 1 && byRung[0]) {
    return { suggestedToKey: byRung[0].key, reason: `"${byRung[0].title}" is on the same rung of the same track` };
  }
  return { suggestedToKey: null, reason: 'no role of the new version looks like it' };
}

/**
 * What must be asked before publishing `after` over `before`: one question per role and skill of
 * `before` whose key is not in `after`, in the old version's order (roles first). Suggestions look at
 * the parts that are new in `after` (a re-keyed part) before the ones that were already there (a merge).
 */
export function migrationQuestions(before: FrameworkDocument, after: FrameworkDocument): MigrationQuestion[] {
  const beforeRoleKeys = new Set(before.roles.map((r) => r.key));
  const beforeSkillKeys = new Set(before.skills.map((s) => s.key));
  const afterRoleKeys = new Set(after.roles.map((r) => r.key));
  const afterSkillKeys = new Set(after.skills.map((s) => s.key));
  const newFirst = <T extends { key: string }>(parts: T[], existed: Set<string>) => [
    ...parts.filter((part) => !existed.has(part.key)),
    ...parts.filter((part) => existed.has(part.key)),
  ];
  const roleCandidates = newFirst(after.roles, beforeRoleKeys);
  const skillCandidates = newFirst(after.skills, beforeSkillKeys);
  return [
    ...before.roles
      .filter((role) => !afterRoleKeys.has(role.key))
      .map((role) => ({ kind: 'role' as const, fromKey: role.key, fromLabel: role.title, ...suggestRole(role, roleCandidates) })),
    ...before.skills
      .filter((skill) => !afterSkillKeys.has(skill.key))
      .map((skill) => ({ kind: 'skill' as const, fromKey: skill.key, fromLabel: skill.name, ...suggestSkill(skill, skillCandidates) })),
  ];
}

/**
 * Maps every role and skill of `before` to its successor in `after`, using `choices` for the ones
 * that are gone. Problems (the plan must not be applied while there are any): a gone part without a
 * choice, two choices for one part, a choice for a part that is not in `before` or is still in
 * `after`, and a choice naming a part that is not in `after`.
 */
export function planVersionMigration(
  before: FrameworkDocument,
  after: FrameworkDocument,
  choices: readonly MigrationChoice[],
): VersionMigrationPlan {
  const problems: MigrationProblem[] = [];
  const plan = (
    kind: MigrationPartKind,
    beforeKeys: string[],
    afterKeys: Set<string>,
  ): Map<string, string | null> => {
    const label = KIND_LABEL[kind];
    const known = new Set(beforeKeys);
    const chosen = new Map<string, string | null>();
    const answered = new Set<string>();
    for (const choice of choices.filter((c) => c.kind === kind)) {
      const problem = (message: string) => problems.push({ kind, fromKey: choice.fromKey, message });
      if (!known.has(choice.fromKey)) problem(`${label} "${choice.fromKey}" is not in the published version`);
      else if (afterKeys.has(choice.fromKey)) problem(`${label} "${choice.fromKey}" is still in the new version, so it keeps its data`);
      else if (chosen.has(choice.fromKey)) problem(`${label} "${choice.fromKey}" has more than one choice`);
      else if (choice.toKey !== null && !afterKeys.has(choice.toKey)) {
        problem(`${label} "${choice.fromKey}" is mapped to "${choice.toKey}", which is not a ${label} of the new version`);
      } else chosen.set(choice.fromKey, choice.toKey);
      answered.add(choice.fromKey);
    }
    const mapping = new Map<string, string | null>();
    for (const key of beforeKeys) {
      if (afterKeys.has(key)) mapping.set(key, key);
      else if (chosen.has(key)) mapping.set(key, chosen.get(key) ?? null);
      else {
        // A part whose only answer was wrong has its problem already; do not report it twice.
        if (!answered.has(key)) problems.push({ kind, fromKey: key, message: `${label} "${key}" is not in the new version: choose what it becomes, or remove it` });
        mapping.set(key, null);
      }
    }
    return mapping;
  };
  const roles = plan('role', before.roles.map((r) => r.key), new Set(after.roles.map((r) => r.key)));
  const skills = plan('skill', before.skills.map((s) => s.key), new Set(after.skills.map((s) => s.key)));
  return { roles, skills, problems };
}
