import type { FrameworkDocument, LevelDescriptor, RoleDocument } from './document.js';

/**
 * Reading version 2's parts: each skill's scale (its own, its category's, else the framework's), its
 * descriptors, and a role's expectation details. Every rule that names or bounds a level goes
 * through these, so a skill on a 3-level scale is never measured on the framework's 5 levels.
 */

export interface SkillScaleLevel {
  level: number;
  name: string;
  summary?: string | undefined;
}

export interface SkillScale {
  /** The named scale's key, or null for the framework's proficiency scale. */
  key: string | null;
  name: string | null;
  /** Sorted by level. */
  levels: SkillScaleLevel[];
  max: number;
}

type ScaleSource = Pick<FrameworkDocument, 'proficiencyScale' | 'scales' | 'skillCategories' | 'skills'>;

function toScale(key: string | null, name: string | null, levels: readonly SkillScaleLevel[]): SkillScale {
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  return { key, name, levels: sorted, max: sorted.at(-1)?.level ?? 0 };
}

/** Every skill's scale by skill key (an unknown scale key falls back to the framework's scale: validateFramework reports it). */
export function skillScales(doc: ScaleSource): Map<string, SkillScale> {
  const base = toScale(null, null, doc.proficiencyScale);
  const named = new Map((doc.scales ?? []).map((scale) => [scale.key, toScale(scale.key, scale.name, scale.levels)]));
  const categoryScale = new Map(doc.skillCategories.map((c) => [c.key, c.scaleKey]));
  const result = new Map<string, SkillScale>();
  for (const skill of doc.skills) {
    const scaleKey = skill.scaleKey ?? categoryScale.get(skill.categoryKey);
    result.set(skill.key, (scaleKey !== undefined ? named.get(scaleKey) : undefined) ?? base);
  }
  return result;
}

/** One skill's scale; the framework's for a skill it does not know. */
export function scaleOfSkill(doc: ScaleSource, skillKey: string): SkillScale {
  return skillScales(doc).get(skillKey) ?? toScale(null, null, doc.proficiencyScale);
}

/** Names a level of a skill from the skill's own scale; null when the level is not on it. */
export type LevelNamer = (skillKey: string, level: number) => string | null;

export function levelNamer(doc: ScaleSource): LevelNamer {
  const scales = skillScales(doc);
  const base = toScale(null, null, doc.proficiencyScale);
  return (skillKey, level) => (scales.get(skillKey) ?? base).levels.find((l) => l.level === level)?.name ?? null;
}

/** A profile level capped to the skill's scale: a 5 carried over onto a 3-level skill counts as 3. */
export function capToScale(scale: SkillScale, level: number): number {
  return scale.max > 0 ? Math.min(level, scale.max) : level;
}

/** A descriptor as one text (summary, then criteria as a Markdown list), or null: "No descriptor". */
export function descriptorText(descriptor: LevelDescriptor | undefined | null): string | null {
  if (!descriptor) return null;
  const parts = [descriptor.summary, descriptor.criteria.length > 0 ? descriptor.criteria.map((c) => `- ${c}`).join('\n') : undefined].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  if (parts.length === 0) return descriptor.examples.length > 0 ? descriptor.examples.map((e) => `- ${e}`).join('\n') : null;
  return parts.join('\n\n');
}

/** What a level's descriptor says, for the code that needs one line: its summary, else its first criterion. */
export function descriptorSummary(descriptor: LevelDescriptor | undefined | null): string | null {
  return descriptor?.summary ?? descriptor?.criteria[0] ?? null;
}

export const NO_DESCRIPTOR = 'No descriptor';

export interface ExpectationTerms {
  level: number;
  optional: boolean;
  weight: number;
  statement: string | null;
}

/** A role's expectation of one skill with its details (required, weight 1, no statement unless it says). */
export function expectationTerms(role: Pick<RoleDocument, 'expectations' | 'expectationDetails'>, skillKey: string): ExpectationTerms | null {
  const level = Object.prototype.hasOwnProperty.call(role.expectations, skillKey) ? role.expectations[skillKey] : undefined;
  if (level === undefined) return null;
  const detail = role.expectationDetails?.[skillKey];
  return { level, optional: detail?.optional ?? false, weight: detail?.weight ?? 1, statement: detail?.statement ?? null };
}

/** The keys of the skills a role requires (its optional expectations left out). */
export function requiredExpectations(role: Pick<RoleDocument, 'expectations' | 'expectationDetails'>): Record<string, number> {
  return Object.fromEntries(Object.entries(role.expectations).filter(([skillKey]) => !role.expectationDetails?.[skillKey]?.optional));
}

/** The tracks a role is a rung of: its own, then the ones it is shared with. */
export function tracksOfRole(role: Pick<RoleDocument, 'trackKey' | 'sharedWithTrackKeys'>): string[] {
  return [role.trackKey, ...(role.sharedWithTrackKeys ?? []).filter((key) => key !== role.trackKey)];
}

/** The roles on a track, shared ones included, by rung. */
export function rolesOnTrack<R extends Pick<RoleDocument, 'trackKey' | 'sharedWithTrackKeys' | 'level'>>(roles: readonly R[], trackKey: string): R[] {
  return roles.filter((role) => tracksOfRole(role).includes(trackKey)).sort((a, b) => a.level - b.level);
}

/** A descriptor that is only a summary (what a version 1 string becomes). */
export function summaryDescriptor(summary: string): LevelDescriptor {
  return { summary, criteria: [], examples: [] };
}
