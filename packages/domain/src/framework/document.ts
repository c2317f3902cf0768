import { z } from 'zod';

/**
 * The portable form of a career framework version ("framework as code").
 * Everything refers to everything else by stable keys (slugs), never by database ids,
 * so a document can be exported, edited, validated and imported losslessly.
 */

export const FRAMEWORK_DOCUMENT_SCHEMA_VERSION = '1' as const;

const key = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug such as "risk-management"');
const text = z.string().trim().min(1, 'must not be empty');

export const proficiencyLevelSchema = z.object({
  level: z.number().int().min(1),
  name: text,
  summary: text,
});

export const skillCategorySchema = z.object({
  key,
  name: text,
  description: z.string().optional(),
});

export const skillSchema = z.object({
  key,
  name: text,
  categoryKey: key,
  description: z.string().optional(),
  /** One descriptor per level of the scale, keyed by the level number ("1".."5"). */
  levels: z.record(z.string(), text),
});

export const trackKindSchema = z.enum(['core', 'specialist', 'lateral']);

export const trackSchema = z.object({
  key,
  name: text,
  kind: trackKindSchema,
  description: z.string().optional(),
});

export const roleSchema = z.object({
  key,
  title: text,
  trackKey: key,
  /** Position within the track, 1 = first rung. */
  level: z.number().int().min(1),
  /** Cross-track seniority band, used to compare roles on different tracks. */
  band: z.number().int().min(1).optional(),
  summary: text,
  responsibilities: z.array(text),
  /** Expected proficiency per skill key; a skill that is absent is not expected. */
  expectations: z.record(z.string(), z.number().int()),
});

export const transitionKindSchema = z.enum(['promotion', 'lateral']);

export const transitionSchema = z.object({
  fromRoleKey: key,
  toRoleKey: key,
  kind: transitionKindSchema,
  /** Typical time in the earlier role before the move. */
  typicalMonths: z.number().int().min(0).optional(),
  guidance: z.string().optional(),
});

export const qualificationSchema = z.object({
  key,
  name: text,
  provider: text,
  url: z.url().optional(),
  /** How long it stays valid; absent when it does not expire. */
  validityMonths: z.number().int().min(1).optional(),
  description: z.string().optional(),
  skillKeys: z.array(key),
  requiredForRoleKeys: z.array(key).default([]),
  recommendedForRoleKeys: z.array(key).default([]),
});

export const frameworkDocumentSchema = z.object({
  schemaVersion: z.literal(FRAMEWORK_DOCUMENT_SCHEMA_VERSION),
  key,
  name: text,
  description: z.string().optional(),
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
