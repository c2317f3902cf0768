import { z } from 'zod';
import { TEXT_LIMITS, unsafeTextProblem } from '../validation/text.js';

/**
 * The portable form of a career framework version ("framework as code").
 * Everything refers to everything else by stable keys (slugs), never by database ids,
 * so a document can be exported, edited, validated and imported losslessly.
 */

export const FRAMEWORK_DOCUMENT_SCHEMA_VERSION = '1' as const;

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

export const skillCategorySchema = z.object({
  key,
  name: line,
  description,
});

export const skillSchema = z.object({
  key,
  name: line,
  categoryKey: key,
  description,
  /** One descriptor per level of the scale, keyed by the level number ("1".."5"). */
  levels: z.record(recordKey, text),
});

export const trackKindSchema = z.enum(['core', 'specialist', 'lateral']);

export const trackSchema = z.object({
  key,
  name: line,
  kind: trackKindSchema,
  description,
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

export const frameworkDocumentSchema = z.object({
  schemaVersion: z.literal(FRAMEWORK_DOCUMENT_SCHEMA_VERSION),
  key,
  name: line,
  description,
  proficiencyScale: z.array(proficiencyLevelSchema).min(1, 'needs at least one level'),
  skillCategories: z.array(skillCategorySchema),
  skills: z.array(skillSchema),
  tracks: z.array(trackSchema),
  roles: z.array(roleSchema),
  transitions: z.array(transitionSchema),
  qualifications: z.array(qualificationSchema),
});

export type ProficiencyLevel = z.infer<typeof proficiencyLevelSchema>;
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
