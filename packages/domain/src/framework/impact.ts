import type { FrameworkDocument, RoleDocument } from './document.js';
import { knownLevels, knownProfile, measureRole } from './known-profile.js';
import { listedLevel } from './roles.js';

/**
 * The impact of publishing a draft on the people measured against the framework: for each role, who
 * is in it or aiming at it, and how many of them fall below its expectations today and would under
 * the draft. Shortfalls can only be counted for people with an assessed profile, and are counted on
 * what is known (the rule of known-profile.ts): rated levels, unrated skills of the person's current
 * role assumed at the level it expects today (the published version), anything else unknown and not
 * counted; `partlyKnown...` says for how many people some of a role's expectations were unknown.
 */

/** A person as seen by the impact preview; keys are those of the published (before) version. */
export interface ImpactPerson {
  personId: string;
  roleKey: string | null;
  targetRoleKey: string | null;
  /** Assessed level per skill key; null when the person has not been assessed. */
  profile: Record<string, number> | null;
}

export interface ExpectationChange {
  skillKey: string;
  skillName: string;
  /** Level expected today; null = not expected (or the role is new). */
  before: number | null;
  /** Level expected under the draft; null = not expected (or the role is gone). */
  after: number | null;
}

export interface RoleImpact {
  /** The role's key in the draft, or in the published version when the draft removes it. */
  roleKey: string;
  title: string;
  status: 'kept' | 'added' | 'removed';
  /** For a removed role: the draft role its people are carried to (null: their role is cleared). */
  carriedToKey: string | null;
  /** People who will be in this role under the draft (today's people, carried across). */
  people: number;
  /** People who will be aiming at this role under the draft. */
  aiming: number;
  /** Of those, the ones with an assessed profile: the only ones whose shortfalls can be counted. */
  assessed: number;
  /** Assessed people below at least one known expectation of the role they are in (or aim at) today. */
  shortfallsToday: number;
  /** The same against this role under the draft; null when the draft removes the role. */
  shortfallsUnderDraft: number | null;
  /** Assessed people with at least one of the role's expectations unknown today (their shortfalls are counted on what is known). */
  partlyKnownToday: number;
  /** The same under the draft; null when the draft removes the role. */
  partlyKnownUnderDraft: number | null;
  changedExpectations: ExpectationChange[];
}

/** How the people's keys are carried into the draft (see planVersionMigration); default: by key. */
export interface ImpactMapping {
  roles: ReadonlyMap<string, string | null>;
  skills: ReadonlyMap<string, string | null>;
}

function byKey(before: FrameworkDocument, after: FrameworkDocument): ImpactMapping {
  const follow = (beforeKeys: string[], afterKeys: string[]) => {
    const kept = new Set(afterKeys);
    return new Map(beforeKeys.map((key) => [key, kept.has(key) ? key : null]));
  };
  return {
    roles: follow(before.roles.map((r) => r.key), after.roles.map((r) => r.key)),
    skills: follow(before.skills.map((s) => s.key), after.skills.map((s) => s.key)),
  };
}

/** Whether a known profile (absent = unknown) falls short of a role on what is known, and whether anything is unknown. */
function measure(doc: FrameworkDocument, role: RoleDocument, levels: Record<string, number>): { short: boolean; partlyKnown: boolean } {
  const { measures, coverage } = measureRole(doc, role, { rated: levels, assumed: {}, assumedFromRoleKey: null });
  return { short: measures.some((m) => m.status === 'short'), partlyKnown: coverage.unknown > 0 };
}

/** A profile carried into the draft's skills; merged skills keep the higher level. */
function carryProfile(profile: Record<string, number>, skills: ReadonlyMap<string, string | null>): Record<string, number> {
  const carried: Record<string, number> = {};
  for (const [skillKey, level] of Object.entries(profile)) {
    const to = skills.has(skillKey) ? skills.get(skillKey) : skillKey;
    if (to) carried[to] = Math.max(carried[to] ?? 0, level);
  }
  return carried;
}

function expectationChanges(before: RoleDocument | undefined, after: RoleDocument | undefined, doc: { before: FrameworkDocument; after: FrameworkDocument }): ExpectationChange[] {
  const names = new Map([...doc.before.skills, ...doc.after.skills].map((s) => [s.key, s.name]));
  const order = [...doc.after.skills, ...doc.before.skills].map((s) => s.key);
  const keys = new Set([...Object.keys(before?.expectations ?? {}), ...Object.keys(after?.expectations ?? {})]);
  return [...new Set(order.filter((key) => keys.has(key)))]
    .map((skillKey) => ({
      skillKey,
      skillName: names.get(skillKey) ?? skillKey,
      before: before ? listedLevel(before, skillKey) || null : null,
      after: after ? listedLevel(after, skillKey) || null : null,
    }))
    .filter((change) => change.before !== change.after);
}

/**
 * Per role (the draft's roles in its order, then the roles it removes): people in it and aiming at
 * it, today and under the draft, the shortfalls of the assessed ones, and the expectations that
 * change. People are carried into the draft by `mapping` (default: by key; gone roles are cleared).
 */
export function impactOfChange(
  before: FrameworkDocument,
  after: FrameworkDocument,
  people: readonly ImpactPerson[],
  mapping: ImpactMapping = byKey(before, after),
): RoleImpact[] {
  const beforeRoles = new Map(before.roles.map((r) => [r.key, r]));
  const afterRoles = new Map(after.roles.map((r) => [r.key, r]));
  const carryRole = (key: string) => mapping.roles.get(key) ?? null;

  const blank = (role: RoleDocument, status: RoleImpact['status']): RoleImpact => ({
    roleKey: role.key,
    title: role.title,
    status,
    carriedToKey: status === 'removed' ? carryRole(role.key) : null,
    people: 0,
    aiming: 0,
    assessed: 0,
    shortfallsToday: 0,
    shortfallsUnderDraft: status === 'removed' ? null : 0,
    partlyKnownToday: 0,
    partlyKnownUnderDraft: status === 'removed' ? null : 0,
    changedExpectations: [],
  });
  const draftImpacts = new Map(after.roles.map((role) => [role.key, blank(role, beforeRoles.has(role.key) ? 'kept' : 'added')]));
  const removedImpacts = new Map(
    before.roles.filter((role) => !afterRoles.has(role.key)).map((role) => [role.key, blank(role, 'removed')]),
  );

  for (const person of people) {
    // Assumed levels come from the current role as published today, and are carried like ratings.
    const known = person.profile ? knownLevels(knownProfile(before, person.profile, person.roleKey)) : null;
    const carried = known ? carryProfile(known, mapping.skills) : null;
    const count = (todayKey: string | null, field: 'people' | 'aiming') => {
      const todayRole = todayKey ? beforeRoles.get(todayKey) : undefined;
      if (!todayKey || !todayRole) return;
      const draftKey = carryRole(todayKey);
      const draftRole = draftKey ? afterRoles.get(draftKey) : undefined;
      // Counted where the person ends up: the draft role, or the removed role's row when cleared.
      const row = draftRole ? draftImpacts.get(draftRole.key) : removedImpacts.get(todayKey);
      if (!row) return;
      row[field] += 1;
      if (!known || !carried) return;
      row.assessed += 1;
      const today = measure(before, todayRole, known);
      if (today.short) row.shortfallsToday += 1;
      if (today.partlyKnown) row.partlyKnownToday += 1;
      if (draftRole && row.shortfallsUnderDraft !== null && row.partlyKnownUnderDraft !== null) {
        const underDraft = measure(after, draftRole, carried);
        if (underDraft.short) row.shortfallsUnderDraft += 1;
        if (underDraft.partlyKnown) row.partlyKnownUnderDraft += 1;
      }
    };
    count(person.roleKey, 'people');
    count(person.targetRoleKey, 'aiming');
  }

  for (const impact of draftImpacts.values()) {
    impact.changedExpectations = expectationChanges(beforeRoles.get(impact.roleKey), afterRoles.get(impact.roleKey), { before, after });
  }
  for (const impact of removedImpacts.values()) {
    impact.changedExpectations = expectationChanges(beforeRoles.get(impact.roleKey), undefined, { before, after });
  }
  return [...draftImpacts.values(), ...removedImpacts.values()];
}
