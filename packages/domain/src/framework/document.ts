import { z } from 'zod';
import { TEXT_LIMITS, unsafeTextProblem } from '../validation/text.js';

/**
 * The portable form of a career framework version ("framework as code").
 * Everything refers to everything else by stable keys (slugs), never by database ids,
 * so a document can be exported, edited, validated and imported losslessly.
 */

/**
 * Version 2 added per-skill scales, structured descriptors, expectation details, shared roles, track
 * groups and points levelling. Every part it added is optional, and a descriptor may still be a plain
 * string, so a version 1 document reads unchanged (its strings become summaries).
 */
export const FRAMEWORK_DOCUMENT_SCHEMA_VERSION = '2' as const;
/** The most levels a scale may have. */
export const MAX_SCALE_LEVELS = 7;

const key = z
  .string()
  .max(TEXT_LIMITS.name, `must have at most ${TEXT_LIMITS.name} characters`)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug such as "risk-management"');
const storable = (multiLine: boolean) => (value: string) => unsafeTextProblem(value, { multiLine }) === null;
const UNSAFE = 'contains a control character or a broken emoji';
/** A name or title: one line, not empty, at most 200 characters. */
const line = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(TEXT_LIMITS.name, `must have at most ${TEXT_LIMITS.name} characters`)
  .refine(storable(false), UNSAFE);
/** A summary, descriptor or responsibility: not empty, may have several lines, at most 5,000 characters. */
const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(TEXT_LIMITS.note, `must have at most ${TEXT_LIMITS.note} characters`)
  .refine(storable(true), UNSAFE);
/** An optional description. */
const description = z
  .string()
  .max(TEXT_LIMITS.note, `must have at most ${TEXT_LIMITS.note} characters`)
  .refine(storable(true), UNSAFE)
  .optional();
/** A key of a record (a level number, a skill key): checked against the framework by validateFramework. */
const recordKey = z.string().max(TEXT_LIMITS.name, `must have at most ${TEXT_LIMITS.name} characters`).refine(storable(false), UNSAFE);

export const proficiencyLevelSchema = z.object({
  level: z.number().int().min(1),
  name: line,
  summary: text,
});

/** A level of a named scale: its name, and optionally what the level means in general. */
export const scaleLevelSchema = z.object({
  level: z.number().int().min(1).max(MAX_SCALE_LEVELS),
  name: line,
  summary: text.optional(),
});

/** A scale of its own for the skills (or categories) that name it: 1 to 7 levels with their own names. */
export const scaleSchema = z.object({
  key,
  name: line,
  levels: z
    .array(scaleLevelSchema)
    .min(1, 'needs at least one level')
    .max(MAX_SCALE_LEVELS, `must have at most ${MAX_SCALE_LEVELS} levels`),
});

export const skillCategorySchema = z.object({
  key,
  name: line,
  description,
  /** The scale of the category's skills (unless a skill names its own); absent: the framework's proficiency scale. */
  scaleKey: key.optional(),
});

/** What someone at a level of a skill is and does: a summary, criteria and examples, Markdown in each. */
export const levelDescriptorObjectSchema = z
  .object({
    summary: text.optional(),
    /** What someone at this level does, one criterion per item. */
    criteria: z.array(text).default([]),
    /** Examples of work at this level. */
    examples: z.array(text).default([]),
  })
  .refine((d) => d.summary !== undefined || d.criteria.length > 0 || d.examples.length > 0, {
    message: 'needs a summary, a criterion or an example (leave the level out when it has no descriptor)',
  });

/** A descriptor as written: the object, or (version 1) a plain string, which becomes its summary. */
export const levelDescriptorSchema = z
  .union([text, levelDescriptorObjectSchema])
  .transform((value): LevelDescriptor => (typeof value === 'string' ? { summary: value, criteria: [], examples: [] } : value));

export const skillSchema = z.object({
  key,
  name: line,
  categoryKey: key,
  description,
  /** The skill's own scale (a key of `scales`); absent: its category's, else the framework's proficiency scale. */
  scaleKey: key.optional(),
  /**
   * Descriptors keyed by the level number ("1".."7") of the skill's scale. A level without a
   * descriptor is left out (shown as "No descriptor"), never invented.
   */
  levels: z.record(recordKey, levelDescriptorSchema),
});

export const trackKindSchema = z.enum(['core', 'specialist', 'lateral']);

export const trackGroupSchema = z.object({
  key,
  name: line,
  description,
});

export const trackSchema = z.object({
  key,
  name: line,
  kind: trackKindSchema,
  description,
  /** The group (department) the track belongs to, a key of `trackGroups`. */
  groupKey: key.optional(),
});

/** How a role holds one of its expectations, beyond the level. */
export const expectationDetailSchema = z.object({
  /** Nice to have: listed, but not counted against readiness or as a gap that blocks. */
  optional: z.boolean().optional(),
  /** How much the skill counts for this role relative to others (default 1). */
  weight: z.number().positive('must be greater than 0').max(10).optional(),
  /** What this role in particular does at that level (Markdown), beside the skill's descriptor. */
  statement: text.optional(),
});

export const roleSchema = z.object({
  key,
  title: line,
  trackKey: key,
  /** Position within the track, 1 = first rung. */
  level: z.number().int().min(1),
  /** Cross-track seniority band, used to compare roles on different tracks. */
  band: z.number().int().min(1).optional(),
  summary: text,
  responsibilities: z.array(text),
  /** Expected proficiency per skill key; a skill that is absent is not expected. */
  expectations: z.record(recordKey, z.number().int()),
  /** Optional, weighted and role-specific expectations, per skill key of `expectations`. */
  expectationDetails: z.record(recordKey, expectationDetailSchema).optional(),
  /** Other tracks the role is a rung of too (shared first rungs), beside its own `trackKey`. */
  sharedWithTrackKeys: z.array(key).optional(),
});

export const transitionKindSchema = z.enum(['promotion', 'lateral']);

export const transitionSchema = z.object({
  fromRoleKey: key,
  toRoleKey: key,
  kind: transitionKindSchema,
  /** Typical time in the earlier role before the move. */
  typicalMonths: z.number().int().min(0).optional(),
  guidance: description,
});

export const qualificationSchema = z.object({
  key,
  name: line,
  provider: line,
  url: z.url().max(TEXT_LIMITS.url).optional(),
  /** How long it stays valid; absent when it does not expire. */
  validityMonths: z.number().int().min(1).optional(),
  description,
  skillKeys: z.array(key),
  requiredForRoleKeys: z.array(key).default([]),
  recommendedForRoleKeys: z.array(key).default([]),
});

/**
 * An optional levelling rule by points (Medium's Snowflake): each skill's level is worth points, the
 * total maps to a level and to the titles whose point range holds it. Answers "what level am I?"
 * from a profile by the organisation's own rule (see levelling.ts).
 */
/**
 * A sub-level within a level (Monzo's A–E): a named step from `minPoints` until the next sub-level or
 * level, so "What level am I?" says "3 · C" and what the next step needs. The first starts at its
 * level's `minPoints`; they rise and stay below the next level's.
 */
export const subLevelSchema = z.object({ name: line, minPoints: z.number().int().min(0) });

export const pointsLevelSchema = z.object({
  minPoints: z.number().int().min(0),
  name: line,
  /** Ordered sub-levels of this level; absent when the level has none. */
  subLevels: z.array(subLevelSchema).optional(),
});

export const pointsLevellingSchema = z.object({
  kind: z.literal('points'),
  /** Points for reaching each level of a skill ("1": 1, "2": 3…), cumulative; level 0 or unrated earns 0. */
  pointsByLevel: z.record(recordKey, z.number().int().min(0)),
  /** Per-skill points that replace `pointsByLevel` for that skill. */
  skillPoints: z.record(recordKey, z.record(recordKey, z.number().int().min(0))).optional(),
  /** Levels by the fewest points they need, e.g. { minPoints: 17, name: "2.1" }. */
  levels: z.array(pointsLevelSchema).min(1, 'needs at least one level'),
  /** Titles held over a range of points (inclusive); ranges may overlap (Senior Engineer and Group Lead). */
  titles: z
    .array(z.object({ title: line, minPoints: z.number().int().min(0), maxPoints: z.number().int().min(0).optional() }))
    .default([]),
});

export const frameworkDocumentSchema = z.object({
  /** "1" (today's format as first written) or "2"; both read the same, exports write "2". */
  schemaVersion: z.enum(['1', FRAMEWORK_DOCUMENT_SCHEMA_VERSION]),
  key,
  name: line,
  description,
  /** The framework's scale: every skill's, unless its category or itself names another in `scales`. */
  proficiencyScale: z.array(proficiencyLevelSchema).min(1, 'needs at least one level'),
  scales: z.array(scaleSchema).optional(),
  skillCategories: z.array(skillCategorySchema),
  skills: z.array(skillSchema),
  trackGroups: z.array(trackGroupSchema).optional(),
  tracks: z.array(trackSchema),
  roles: z.array(roleSchema),
  transitions: z.array(transitionSchema),
  qualifications: z.array(qualificationSchema),
  levelling: pointsLevellingSchema.optional(),
});

export type ProficiencyLevel = z.infer<typeof proficiencyLevelSchema>;
export type ScaleLevel = z.infer<typeof scaleLevelSchema>;
export type ScaleDocument = z.infer<typeof scaleSchema>;
/** A level's descriptor as read: a plain string became its summary. */
export interface LevelDescriptor {
  summary?: string | undefined;
  criteria: string[];
  examples: string[];
}
export type LevelDescriptorInput = z.input<typeof levelDescriptorSchema>;
export type ExpectationDetail = z.infer<typeof expectationDetailSchema>;
export type TrackGroupDocument = z.infer<typeof trackGroupSchema>;
export type PointsLevelling = z.infer<typeof pointsLevellingSchema>;
export type PointsLevel = z.infer<typeof pointsLevelSchema>;
export type SubLevel = z.infer<typeof subLevelSchema>;
export type SkillCategoryDocument = z.infer<typeof skillCategorySchema>;
export type SkillDocument = z.infer<typeof skillSchema>;
export type TrackKind = z.infer<typeof trackKindSchema>;
export type TrackDocument = z.infer<typeof trackSchema>;
export type RoleDocument = z.infer<typeof roleSchema>;
export type TransitionKind = z.infer<typeof transitionKindSchema>;
export type TransitionDocument = z.infer<typeof transitionSchema>;
export type QualificationDocument = z.infer<typeof qualificationSchema>;
/** A framework document as read (defaults applied). */
export type FrameworkDocument = z.infer<typeof frameworkDocumentSchema>;
/** A framework document as written by hand (defaults optional). */
export type FrameworkDocumentInput = z.input<typeof frameworkDocumentSchema>;
