import type { FrameworkDocument, RoleDocument, SkillDocument } from './document.js';
import { descriptorText } from './scales.js';

/** Thrown when a rule is asked about a role key the framework does not contain. */
export class UnknownRoleError extends Error {
  constructor(readonly roleKey: string) {
    super(`unknown role "${roleKey}"`);
    this.name = 'UnknownRoleError';
  }
}

/** The role with that key, or throws {@link UnknownRoleError}. */
export function getRole(doc: FrameworkDocument, roleKey: string): RoleDocument {
  const role = doc.roles.find((r) => r.key === roleKey);
  if (!role) throw new UnknownRoleError(roleKey);
  return role;
}

/**
 * The level a role requires of a skill; 0 when the skill is not required (absent, not a positive
 * level, or listed as optional). Everything that measures a person against a role (shortfalls, route
 * prices, closeness, the publish preview) goes through this, so optional expectations never count.
 */
export function expectedLevel(role: RoleDocument, skillKey: string): number {
  if (role.expectationDetails?.[skillKey]?.optional) return 0;
  return listedLevel(role, skillKey);
}

/** The level a role lists for a skill, optional or not (what a comparison or a change shows); 0 when absent. */
export function listedLevel(role: RoleDocument, skillKey: string): number {
  const level = Object.prototype.hasOwnProperty.call(role.expectations, skillKey) ? role.expectations[skillKey] : undefined;
  return typeof level === 'number' && level > 0 ? level : 0;
}

/** One skill whose expectation differs between two roles. Level 0 means "not expected" (descriptor null). */
export interface SkillExpectationChange {
  skillKey: string;
  /** The skill's name, or its key when the framework does not define the skill. */
  skillName: string;
  categoryKey: string | null;
  fromLevel: number;
  toLevel: number;
  /** toLevel − fromLevel: positive when the target role expects more. */
  delta: number;
  fromDescriptor: string | null;
  toDescriptor: string | null;
}

export interface RoleComparison {
  fromRole: RoleDocument;
  toRole: RoleDocument;
  /** Skills whose expected level differs, in the framework's skill order (unknown skills last, by key). */
  changes: SkillExpectationChange[];
}

function descriptor(skill: SkillDocument | undefined, level: number): string | null {
  if (!skill || level <= 0) return null;
  return descriptorText(skill.levels[String(level)]);
}

/**
 * What changes from one role to another ("from PMO Analyst to Senior PMO Analyst"): every skill whose
 * expected level differs, with both levels, the difference and the descriptors of both levels.
 * Throws {@link UnknownRoleError} when either role is not in the framework.
 */
export function compareRoles(doc: FrameworkDocument, fromRoleKey: string, toRoleKey: string): RoleComparison {
  const fromRole = getRole(doc, fromRoleKey);
  const toRole = getRole(doc, toRoleKey);
  const skillsByKey = new Map(doc.skills.map((s) => [s.key, s]));
  const mentioned = new Set([...Object.keys(fromRole.expectations), ...Object.keys(toRole.expectations)]);
  const orderedKeys = [
    ...doc.skills.map((s) => s.key).filter((key) => mentioned.has(key)),
    ...[...mentioned].filter((key) => !skillsByKey.has(key)).sort(),
  ];
  const changes: SkillExpectationChange[] = [];
  for (const skillKey of orderedKeys) {
    const fromLevel = listedLevel(fromRole, skillKey);
    const toLevel = listedLevel(toRole, skillKey);
    if (fromLevel === toLevel) continue;
    const skill = skillsByKey.get(skillKey);
    changes.push({
      skillKey,
      skillName: skill?.name ?? skillKey,
      categoryKey: skill?.categoryKey ?? null,
      fromLevel,
      toLevel,
      delta: toLevel - fromLevel,
      fromDescriptor: descriptor(skill, fromLevel),
      toDescriptor: descriptor(skill, toLevel),
    });
  }
  return { fromRole, toRole, changes };
}

/** Case-insensitive, locale-independent text order (same result in Node and every browser). */
export function compareText(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The roles of a track, by level then title (then key, so the order is total). Unknown track → []. */
export function orderedTrackRoles(doc: FrameworkDocument, trackKey: string): RoleDocument[] {
  return doc.roles
    .filter((role) => role.trackKey === trackKey)
    .sort((a, b) => a.level - b.level || compareText(a.title, b.title) || compareText(a.key, b.key));
}
