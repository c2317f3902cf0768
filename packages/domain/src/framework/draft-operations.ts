import { z } from 'zod';
import {
  expectationDetailSchema,
  levelDescriptorSchema,
  pointsLevellingSchema,
  proficiencyLevelSchema,
  scaleSchema,
  trackGroupSchema,
  trackKindSchema,
  transitionKindSchema,
  type FrameworkDocument,
  type LevelDescriptor,
  type ProficiencyLevel,
  type QualificationDocument,
  type RoleDocument,
  type SkillDocument,
  type TransitionDocument,
} from './document.js';
import { TEXT_LIMITS, unsafeTextProblem } from '../validation/text.js';
import { describeIssue, formatProblemPath, type FrameworkProblem } from './validate.js';
import { skillScales } from './scales.js';
import { copyLevelling, levellingRuleProblems, levellingWithoutSkill } from './draft-levelling.js';

/**
 * Edits of a framework draft, one semantic change at a time ("rename role X", "set X's expectation
 * for skill Y to 3"), so that two admins' edits of different things can both apply even when one
 * of them saved on top of an older revision.
 *
 * Parts are named by key. Keys are slugs generated from names when a part is added and never change
 * afterwards (renaming keeps the key), so operations stay meaningful across revisions. An add may
 * carry an explicit key and position: that is how an undo puts back exactly what was removed.
 *
 * Updates change only the fields they carry; `null` clears an optional field.
 */

const key = z
  .string()
  .max(TEXT_LIMITS.name, `must have at most ${TEXT_LIMITS.name} characters`)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug such as "risk-management"');
const storable = (value: string) => unsafeTextProblem(value, { multiLine: true }) === null;
const UNSAFE = 'contains a control character or a broken emoji';
// The document's own limits (framework/document.ts) apply when a draft is published; these keep a
// single edit from storing what could never be published.
const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(TEXT_LIMITS.note, `must have at most ${TEXT_LIMITS.note} characters`)
  .refine(storable, UNSAFE);
const optionalText = z
  .string()
  .trim()
  .max(TEXT_LIMITS.note, `must have at most ${TEXT_LIMITS.note} characters`)
  .refine(storable, UNSAFE)
  .nullable()
  .optional();
const index = z.number().int().min(0);
const positiveInt = z.number().int().min(1);
/** Descriptors by level: a string (the summary) or { summary, criteria, examples }; a level left out has none. */
const descriptors = z.record(z.string().regex(/^[1-9][0-9]*$/, 'must be a level number'), levelDescriptorSchema);

const addTrack = z.object({
  kind: z.literal('addTrack'),
  key: key.optional(),
  name: text,
  trackKind: trackKindSchema,
  description: optionalText,
  position: index.optional(),
});
const updateTrack = z.object({
  kind: z.literal('updateTrack'),
  key,
  name: text.optional(),
  trackKind: trackKindSchema.optional(),
  description: optionalText,
  /** The track's group (a key of trackGroups); null: in no group. */
  groupKey: key.nullable().optional(),
});
const removeTrack = z.object({ kind: z.literal('removeTrack'), key });
const moveTrack = z.object({ kind: z.literal('moveTrack'), key, position: index });

const addRole = z.object({
  kind: z.literal('addRole'),
  key: key.optional(),
  title: text,
  trackKey: key,
  /** The rung in its track; the next free rung when absent. */
  level: positiveInt.optional(),
  band: positiveInt.nullable().optional(),
  summary: text,
  responsibilities: z.array(text).default([]),
  position: index.optional(),
});
const updateRole = z.object({
  kind: z.literal('updateRole'),
  key,
  title: text.optional(),
  trackKey: key.optional(),
  level: positiveInt.optional(),
  band: positiveInt.nullable().optional(),
  summary: text.optional(),
  responsibilities: z.array(text).optional(),
  /** The other tracks the role is a rung of too; [] or null: its own track only. */
  sharedWithTrackKeys: z.array(key).nullable().optional(),
});
const removeRole = z.object({ kind: z.literal('removeRole'), key });
/** Puts a role at a place on a track's ladder (0 = first rung) and renumbers that ladder's levels 1..n. */
const moveRole = z.object({ kind: z.literal('moveRole'), key, trackKey: key, position: index });

const addSkillCategory = z.object({
  kind: z.literal('addSkillCategory'),
  key: key.optional(),
  name: text,
  description: optionalText,
  position: index.optional(),
});
const updateSkillCategory = z.object({
  kind: z.literal('updateSkillCategory'),
  key,
  name: text.optional(),
  description: optionalText,
  /** The scale of the category's skills that name none of their own; null: the proficiency scale. */
  scaleKey: key.nullable().optional(),
});
const removeSkillCategory = z.object({ kind: z.literal('removeSkillCategory'), key });
const moveSkillCategory = z.object({ kind: z.literal('moveSkillCategory'), key, position: index });

const addSkill = z.object({
  kind: z.literal('addSkill'),
  key: key.optional(),
  name: text,
  categoryKey: key,
  description: optionalText,
  /** A key of the framework's scales; absent: the category's, else the proficiency scale. */
  scaleKey: key.optional(),
  levels: descriptors.default({}),
  position: index.optional(),
});
const updateSkill = z.object({
  kind: z.literal('updateSkill'),
  key,
  name: text.optional(),
  categoryKey: key.optional(),
  description: optionalText,
  /** null: back to the category's scale (or the proficiency scale). */
  scaleKey: key.nullable().optional(),
  /** Replaces every descriptor. */
  levels: descriptors.optional(),
});
const removeSkill = z.object({ kind: z.literal('removeSkill'), key });
const moveSkill = z.object({ kind: z.literal('moveSkill'), key, position: index });
/** Folds one skill into another: each role expects the higher of the two levels; qualifications evidence the survivor. */
const mergeSkill = z.object({ kind: z.literal('mergeSkill'), key, intoKey: key });

const setExpectation = z.object({
  kind: z.literal('setExpectation'),
  roleKey: key,
  skillKey: key,
  /** null: the role does not expect the skill. */
  level: positiveInt.nullable(),
});
/** Several cells of one role's row at once (a pasted spreadsheet row); skills not listed keep their level. */
const setExpectationsRow = z.object({
  kind: z.literal('setExpectationsRow'),
  roleKey: key,
  levels: z.record(key, positiveInt.nullable()),
});

/** A role's terms for one expectation it has: optional, weight, role-specific statement (null clears each). */
const setExpectationDetail = z.object({
  kind: z.literal('setExpectationDetail'),
  roleKey: key,
  skillKey: key,
  optional: z.boolean().nullable().optional(),
  weight: expectationDetailSchema.shape.weight.unwrap().nullable().optional(),
  statement: optionalText,
});

/** Replaces the framework's track groups (departments); a group a track still names cannot go. */
const setTrackGroups = z.object({
  kind: z.literal('setTrackGroups'),
  trackGroups: z.array(trackGroupSchema),
});

/** Replaces the framework's named scales (skills and categories name them by key). */
const setScales = z.object({
  kind: z.literal('setScales'),
  scales: z.array(scaleSchema),
});

/**
 * Sets the framework's points levelling rule (points per skill level, optional per-skill points,
 * levels by the fewest points, titles by point range); null removes the rule.
 */
const setLevelling = z.object({
  kind: z.literal('setLevelling'),
  levelling: pointsLevellingSchema.nullable(),
});

const setProficiencyScale = z.object({
  kind: z.literal('setProficiencyScale'),
  levels: z.array(proficiencyLevelSchema).min(1, 'needs at least one level'),
});

const addTransition = z.object({
  kind: z.literal('addTransition'),
  fromRoleKey: key,
  toRoleKey: key,
  transitionKind: transitionKindSchema,
  typicalMonths: z.number().int().min(0).nullable().optional(),
  guidance: optionalText,
  position: index.optional(),
});
const updateTransition = z.object({
  kind: z.literal('updateTransition'),
  fromRoleKey: key,
  toRoleKey: key,
  transitionKind: transitionKindSchema.optional(),
  typicalMonths: z.number().int().min(0).nullable().optional(),
  guidance: optionalText,
});
const removeTransition = z.object({ kind: z.literal('removeTransition'), fromRoleKey: key, toRoleKey: key });

const addQualification = z.object({
  kind: z.literal('addQualification'),
  key: key.optional(),
  name: text,
  provider: text,
  url: z.url('must be a valid URL such as "https://example.org"').nullable().optional(),
  validityMonths: positiveInt.nullable().optional(),
  description: optionalText,
  skillKeys: z.array(key).default([]),
  requiredForRoleKeys: z.array(key).default([]),
  recommendedForRoleKeys: z.array(key).default([]),
  position: index.optional(),
});
const updateQualification = z.object({
  kind: z.literal('updateQualification'),
  key,
  name: text.optional(),
  provider: text.optional(),
  url: z.url('must be a valid URL such as "https://example.org"').nullable().optional(),
  validityMonths: positiveInt.nullable().optional(),
  description: optionalText,
  skillKeys: z.array(key).optional(),
  requiredForRoleKeys: z.array(key).optional(),
  recommendedForRoleKeys: z.array(key).optional(),
});
const removeQualification = z.object({ kind: z.literal('removeQualification'), key });

const updateFramework = z.object({
  kind: z.literal('updateFramework'),
  name: text.optional(),
  description: optionalText,
});

export const draftOperationSchema = z.discriminatedUnion('kind', [
  updateFramework,
  addTrack,
  updateTrack,
  removeTrack,
  moveTrack,
  addRole,
  updateRole,
  removeRole,
  moveRole,
  addSkillCategory,
  updateSkillCategory,
  removeSkillCategory,
  moveSkillCategory,
  addSkill,
  updateSkill,
  removeSkill,
  moveSkill,
  mergeSkill,
  setExpectation,
  setExpectationsRow,
  setExpectationDetail,
  setScales,
  setTrackGroups,
  setLevelling,
  setProficiencyScale,
  addTransition,
  updateTransition,
  removeTransition,
  addQualification,
  updateQualification,
  removeQualification,
]);

/** An operation as applied (defaults filled in). */
export type DraftOperation = z.infer<typeof draftOperationSchema>;
/** An operation as written by a client (defaults optional). */
export type DraftOperationInput = z.input<typeof draftOperationSchema>;
export type DraftOperationKind = DraftOperation['kind'];
export const DRAFT_OPERATION_KINDS = draftOperationSchema.options.map((option) => option.shape.kind.value) as DraftOperationKind[];

export type DraftOperationResult =
  | {
      document: FrameworkDocument;
      /** Operations that take the document back to how it was: what an Undo button sends. */
      undo: DraftOperation[];
      /** What the operation touched, with the keys it actually used (see operationTarget). */
      target: string;
    }
  | { problems: FrameworkProblem[] };

/** Parses an untrusted operation, reporting every problem with its path (`operations[2].title`). */
export function parseDraftOperation(
  input: unknown,
  path = 'operation',
): { operation: DraftOperation } | { problems: FrameworkProblem[] } {
  const parsed = draftOperationSchema.safeParse(input, { error: describeIssue });
  if (parsed.success) return { operation: parsed.data };
  return {
    problems: parsed.error.issues.map((issue) => {
      const rest = formatProblemPath(issue.path);
      const unknownKind = issue.path.length === 1 && issue.path[0] === 'kind';
      return {
        path: rest === '' ? path : rest.startsWith('[') ? `${path}${rest}` : `${path}.${rest}`,
        message: unknownKind ? `must be one of the operation kinds (${DRAFT_OPERATION_KINDS.join(', ')})` : issue.message,
      };
    }),
  };
}

/** A slug for a name: "Risk & issue management" → "risk-issue-management". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'item' : slug;
}

/** The name's slug, with -2, -3… when it is already taken. */
export function uniqueKey(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugify(name);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/**
 * What an operation touches, as a stable string: `role:pmo-analyst`,
 * `expectation:pmo-analyst/risk-management`, `transition:a->b`, `proficiency-scale`. An add without
 * an explicit key names the key its name would get. Used to decide whether a stale save collides.
 */
export function operationTarget(operation: DraftOperation): string {
  switch (operation.kind) {
    case 'updateFramework':
      return 'framework';
    case 'addTrack':
      return `track:${operation.key ?? slugify(operation.name)}`;
    case 'addRole':
      return `role:${operation.key ?? slugify(operation.title)}`;
    case 'addSkillCategory':
      return `skill-category:${operation.key ?? slugify(operation.name)}`;
    case 'addSkill':
      return `skill:${operation.key ?? slugify(operation.name)}`;
    case 'addQualification':
      return `qualification:${operation.key ?? slugify(operation.name)}`;
    case 'updateTrack':
    case 'removeTrack':
    case 'moveTrack':
      return `track:${operation.key}`;
    case 'updateRole':
    case 'removeRole':
    case 'moveRole':
      return `role:${operation.key}`;
    case 'updateSkillCategory':
    case 'removeSkillCategory':
    case 'moveSkillCategory':
      return `skill-category:${operation.key}`;
    case 'updateSkill':
    case 'removeSkill':
    case 'moveSkill':
    case 'mergeSkill':
      return `skill:${operation.key}`;
    case 'setExpectation':
      return `expectation:${operation.roleKey}/${operation.skillKey}`;
    case 'setExpectationsRow':
      return `expectation:${operation.roleKey}/*`;
    case 'setExpectationDetail':
      return `expectation:${operation.roleKey}/${operation.skillKey}`;
    case 'setScales':
      return 'scales';
    case 'setTrackGroups':
      return 'track-groups';
    case 'setLevelling':
      return 'levelling';
    case 'setProficiencyScale':
      return 'proficiency-scale';
    case 'addTransition':
    case 'updateTransition':
    case 'removeTransition':
      return `transition:${operation.fromRoleKey}->${operation.toRoleKey}`;
    case 'updateQualification':
    case 'removeQualification':
      return `qualification:${operation.key}`;
  }
}

/** The parts a target names: an expectation cell belongs to its role and its skill; a transition to both roles. */
function targetScopes(target: string): string[] {
  const [type, rest = ''] = splitOnce(target, ':');
  if (type === 'expectation') {
    const [roleKey, skillKey = '*'] = splitOnce(rest, '/');
    return [`role:${roleKey}`, `skill:${skillKey}`];
  }
  if (type === 'transition') {
    const [from, to = ''] = splitOnce(rest, '->');
    return [`role:${from}`, `role:${to}`];
  }
  return [];
}

function splitOnce(value: string, separator: string): [string, string?] {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + separator.length)];
}

/**
 * Whether two targets collide: the same part, or a part and something inside it (a role and one of
 * its expectation cells or transitions), or a whole expectation row and a cell in it.
 * Two cells of one row, or a role and another role, do not collide.
 */
export function targetsOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const scopesA = targetScopes(a);
  const scopesB = targetScopes(b);
  if (scopesA.includes(b) || scopesB.includes(a)) return true;
  const rowA = a.match(/^expectation:(.+)\/\*$/);
  const rowB = b.match(/^expectation:(.+)\/\*$/);
  if (rowA && b.startsWith(`expectation:${rowA[1]}/`)) return true;
  if (rowB && a.startsWith(`expectation:${rowB[1]}/`)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Describing operations in words, for the audit log and conflict messages.

function quote(value: string): string {
  return `"${value}"`;
}

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const FIELD_WORDS: Record<string, string> = {
  trackKind: 'kind',
  trackKey: 'track',
  categoryKey: 'category',
  levels: 'level descriptors',
  validityMonths: 'validity',
  typicalMonths: 'typical months',
  transitionKind: 'kind',
  skillKeys: 'skills',
  requiredForRoleKeys: 'required-for roles',
  recommendedForRoleKeys: 'recommended-for roles',
  url: 'link',
  sharedWithTrackKeys: 'shared tracks',
  groupKey: 'group',
  scaleKey: 'scale',
};

/** "changed role PMO Analyst's title to "Analyst"", or for several fields "changed role X's title and summary". */
function describeUpdate(what: string, fields: Record<string, unknown>, nameField: string): string {
  const changed = Object.entries(fields).filter(([field, value]) => !['kind', 'key', 'fromRoleKey', 'toRoleKey'].includes(field) && value !== undefined);
  if (changed.length === 0) return `saved ${what} unchanged`;
  if (changed.length === 1) {
    const [field, value] = changed[0]!;
    if (field === nameField && typeof value === 'string') return `renamed ${what} to ${quote(value)}`;
    const word = FIELD_WORDS[field] ?? field;
    if (value === null) return `cleared ${what}'s ${word}`;
    if (typeof value === 'string' || typeof value === 'number') return `changed ${what}'s ${word} to ${quote(String(value))}`;
    return `changed ${what}'s ${word}`;
  }
  return `changed ${what}'s ${listWords(changed.map(([field]) => FIELD_WORDS[field] ?? field))}`;
}

function nameOf<T extends { key: string }>(items: T[], itemKey: string, label: (item: T) => string): string {
  const item = items.find((candidate) => candidate.key === itemKey);
  return item ? label(item) : itemKey;
}

/** A sentence saying what an operation does to a document (the document before it applies). */
export function describeOperation(operation: DraftOperation, document: FrameworkDocument): string {
  const track = (k: string) => `track ${nameOf(document.tracks, k, (t) => t.name)}`;
  const role = (k: string) => `role ${nameOf(document.roles, k, (r) => r.title)}`;
  const roleName = (k: string) => nameOf(document.roles, k, (r) => r.title);
  const category = (k: string) => `skill category ${nameOf(document.skillCategories, k, (c) => c.name)}`;
  const skill = (k: string) => `skill ${nameOf(document.skills, k, (s) => s.name)}`;
  const skillName = (k: string) => nameOf(document.skills, k, (s) => s.name);
  const qualification = (k: string) => `qualification ${nameOf(document.qualifications, k, (q) => q.name)}`;
  const levelWords = (level: number) => {
    const step = document.proficiencyScale.find((s) => s.level === level);
    return step ? `${level} (${step.name})` : String(level);
  };
  switch (operation.kind) {
    case 'updateFramework':
      return describeUpdate('the framework', operation, 'name');
    case 'addTrack':
      return `added track ${quote(operation.name)}`;
    case 'updateTrack':
      return describeUpdate(track(operation.key), operation, 'name');
    case 'removeTrack':
      return `removed ${track(operation.key)}`;
    case 'moveTrack':
      return `moved ${track(operation.key)} to position ${operation.position + 1}`;
    case 'addRole':
      return `added role ${quote(operation.title)} to ${track(operation.trackKey)}`;
    case 'updateRole': {
      const { trackKey, ...rest } = operation;
      const fields = trackKey === undefined ? rest : { ...rest, trackKey: nameOf(document.tracks, trackKey, (t) => t.name) };
      return describeUpdate(role(operation.key), fields, 'title');
    }
    case 'removeRole':
      return `removed ${role(operation.key)}`;
    case 'moveRole':
      return `moved ${role(operation.key)} to rung ${operation.position + 1} of ${track(operation.trackKey)}`;
    case 'addSkillCategory':
      return `added skill category ${quote(operation.name)}`;
    case 'updateSkillCategory':
      return describeUpdate(category(operation.key), operation, 'name');
    case 'removeSkillCategory':
      return `removed ${category(operation.key)}`;
    case 'moveSkillCategory':
      return `moved ${category(operation.key)} to position ${operation.position + 1}`;
    case 'addSkill':
      return `added skill ${quote(operation.name)} to ${category(operation.categoryKey)}`;
    case 'updateSkill': {
      const { categoryKey, ...rest } = operation;
      const fields = categoryKey === undefined ? rest : { ...rest, categoryKey: nameOf(document.skillCategories, categoryKey, (c) => c.name) };
      return describeUpdate(skill(operation.key), fields, 'name');
    }
    case 'removeSkill':
      return `removed ${skill(operation.key)}`;
    case 'moveSkill':
      return `moved ${skill(operation.key)} to position ${operation.position + 1}`;
    case 'mergeSkill':
      return `merged ${skill(operation.key)} into ${skillName(operation.intoKey)}`;
    case 'setExpectation':
      return operation.level === null
        ? `cleared ${roleName(operation.roleKey)}'s expectation for ${skillName(operation.skillKey)}`
        : `set ${roleName(operation.roleKey)}'s expectation for ${skillName(operation.skillKey)} to ${levelWords(operation.level)}`;
    case 'setExpectationsRow': {
      const count = Object.keys(operation.levels).length;
      return `set ${count} ${count === 1 ? 'expectation' : 'expectations'} of ${roleName(operation.roleKey)}`;
    }
    case 'setExpectationDetail': {
      const parts = [
        operation.optional === undefined ? null : operation.optional ? 'optional' : 'required',
        operation.weight === undefined ? null : operation.weight === null ? 'weight cleared' : `weight ${operation.weight}`,
        operation.statement === undefined ? null : operation.statement === null || operation.statement === '' ? 'statement cleared' : 'statement set',
      ].filter((part): part is string => part !== null);
      return `made ${roleName(operation.roleKey)}'s expectation for ${skillName(operation.skillKey)} ${parts.join(', ') || 'unchanged'}`;
    }
    case 'setScales':
      return `set the skill scales (${operation.scales.map((scale) => `${scale.name}: ${scale.levels.length} levels`).join('; ') || 'none'})`;
    case 'setTrackGroups':
      return `set the track groups (${operation.trackGroups.map((group) => group.name).join(', ') || 'none'})`;
    case 'setLevelling': {
      const rule = operation.levelling;
      if (!rule) return 'removed the points levelling rule';
      const own = Object.keys(rule.skillPoints ?? {}).length;
      return `set the points levelling rule (${rule.levels.length} ${rule.levels.length === 1 ? 'level' : 'levels'}, ${rule.titles.length} ${rule.titles.length === 1 ? 'title' : 'titles'}${own > 0 ? `, own points for ${own} ${own === 1 ? 'skill' : 'skills'}` : ''})`;
    }
    case 'setProficiencyScale':
      return `set the proficiency scale to ${operation.levels.length} levels (${operation.levels.map((l) => l.name).join(', ')})`;
    case 'addTransition':
      return `added a ${operation.transitionKind} from ${roleName(operation.fromRoleKey)} to ${roleName(operation.toRoleKey)}`;
    case 'updateTransition':
      return describeUpdate(`the move from ${roleName(operation.fromRoleKey)} to ${roleName(operation.toRoleKey)}`, operation, '');
    case 'removeTransition':
      return `removed the move from ${roleName(operation.fromRoleKey)} to ${roleName(operation.toRoleKey)}`;
    case 'addQualification':
      return `added qualification ${quote(operation.name)}`;
    case 'updateQualification':
      return describeUpdate(qualification(operation.key), operation, 'name');
    case 'removeQualification':
      return `removed ${qualification(operation.key)}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Applying operations.

class OperationProblem extends Error {
  constructor(readonly problems: FrameworkProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}

function fail(path: string, message: string): never {
  throw new OperationProblem([{ path, message }]);
}

/** Sets or deletes optional fields the way an operation asks: undefined keeps, null clears. */
function patch<T extends object>(target: T, fields: object): T {
  const next: Record<string, unknown> = { ...(target as Record<string, unknown>) };
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  return next as T;
}

/** The fields an update would need to put back what it changes. Missing optional fields come back as null. */
function previous<T extends object>(current: T, fields: object): Record<string, unknown> {
  const back: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined || field === 'kind') continue;
    back[field] = (current as Record<string, unknown>)[field] ?? null;
  }
  return back;
}

function indexOfKey(items: Array<{ key: string }>, itemKey: string, section: string, label: string): number {
  const at = items.findIndex((item) => item.key === itemKey);
  if (at < 0) fail(section, `unknown ${label} "${itemKey}"`);
  return at;
}

function insertAt<T>(items: T[], item: T, position: number | undefined): T[] {
  const next = [...items];
  next.splice(position === undefined ? next.length : Math.min(position, next.length), 0, item);
  return next;
}

function moveTo<T>(items: T[], from: number, position: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(Math.min(position, next.length), 0, item as T);
  return next;
}

function newKey(explicit: string | undefined, name: string, items: Array<{ key: string }>, section: string, label: string): string {
  if (explicit === undefined) return uniqueKey(name, items.map((item) => item.key));
  if (items.some((item) => item.key === explicit)) fail(`${section}.key`, `there is already a ${label} with key "${explicit}"`);
  return explicit;
}

function scaleMax(document: FrameworkDocument): number {
  return Math.max(...document.proficiencyScale.map((step) => step.level));
}

/** The top level of the scale a skill with this scale key and category would have. */
function scaleMaxOf(document: FrameworkDocument, scaleKey: string | undefined, categoryKey: string, path: string): { max: number; label: string } {
  const key = scaleKey ?? document.skillCategories.find((c) => c.key === categoryKey)?.scaleKey;
  if (key === undefined) return { max: scaleMax(document), label: 'the proficiency scale' };
  const scale = (document.scales ?? []).find((candidate) => candidate.key === key);
  if (!scale) fail(scaleKey !== undefined ? 'scaleKey' : path, `unknown scale "${key}"`);
  return { max: Math.max(...scale.levels.map((l) => l.level)), label: `scale "${scale.name}"` };
}

function checkDescriptors(
  document: FrameworkDocument,
  levels: Record<string, LevelDescriptor>,
  path: string,
  scale: { max: number; label: string } = { max: scaleMax(document), label: 'the proficiency scale' },
): void {
  for (const level of Object.keys(levels)) {
    if (Number(level) > scale.max) fail(`${path}.${level}`, `level ${level} is not on ${scale.label} (1 to ${scale.max})`);
  }
}

/** The optional fields that have a value (a document omits absent ones rather than storing null). */
function optionalFields<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null)) as { [K in keyof T]?: NonNullable<T[K]> };
}

/** The roles of a track in ladder order: by level, then by their order in the document. */
export function ladderOf(document: FrameworkDocument, trackKey: string): RoleDocument[] {
  return document.roles
    .map((role, at) => ({ role, at }))
    .filter(({ role }) => role.trackKey === trackKey)
    .sort((a, b) => a.role.level - b.role.level || a.at - b.at)
    .map(({ role }) => role);
}

type Applied = { document: FrameworkDocument; undo: DraftOperation[]; target?: string };

function apply(document: FrameworkDocument, operation: DraftOperation): Applied {
  switch (operation.kind) {
    case 'updateFramework': {
      const { kind: _kind, ...fields } = operation;
      return {
        document: patch(document, fields),
        undo: [{ kind: 'updateFramework', ...previous(document, fields) } as DraftOperation],
      };
    }

    // Tracks -------------------------------------------------------------------------------
    case 'addTrack': {
      const trackKey = newKey(operation.key, operation.name, document.tracks, 'tracks', 'track');
      const track = { key: trackKey, name: operation.name, kind: operation.trackKind, ...optionalFields({ description: operation.description }) };
      return {
        document: { ...document, tracks: insertAt(document.tracks, track, operation.position) },
        undo: [{ kind: 'removeTrack', key: trackKey }],
        target: `track:${trackKey}`,
      };
    }
    case 'updateTrack': {
      const at = indexOfKey(document.tracks, operation.key, 'key', 'track');
      const current = document.tracks[at]!;
      if (operation.groupKey != null && !(document.trackGroups ?? []).some((group) => group.key === operation.groupKey)) {
        fail('groupKey', `unknown track group "${operation.groupKey}"`);
      }
      const fields = { name: operation.name, kind: operation.trackKind, description: operation.description, groupKey: operation.groupKey };
      const tracks = [...document.tracks];
      tracks[at] = patch(current, fields);
      const back = previous(current, fields);
      return {
        document: { ...document, tracks },
        undo: [{ kind: 'updateTrack', key: current.key, name: back.name, trackKind: back.kind, description: back.description, groupKey: back.groupKey } as DraftOperation],
      };
    }
    case 'removeTrack': {
      const at = indexOfKey(document.tracks, operation.key, 'key', 'track');
      const track = document.tracks[at]!;
      const roles = document.roles.filter((role) => role.trackKey === track.key);
      if (roles.length > 0) {
        fail('key', `track ${track.name} still has ${roles.length} ${roles.length === 1 ? 'role' : 'roles'} (${roles.map((r) => r.title).join(', ')}): move or remove them first`);
      }
      const shared = document.roles.filter((role) => role.sharedWithTrackKeys?.includes(track.key));
      if (shared.length > 0) {
        fail('key', `track ${track.name} shares ${shared.length === 1 ? 'a role' : 'roles'} of other tracks (${shared.map((r) => r.title).join(', ')}): stop sharing them first`);
      }
      return {
        document: { ...document, tracks: document.tracks.filter((_, i) => i !== at) },
        undo: [
          { kind: 'addTrack', key: track.key, name: track.name, trackKind: track.kind, description: track.description, position: at },
          ...(track.groupKey !== undefined ? [{ kind: 'updateTrack' as const, key: track.key, groupKey: track.groupKey }] : []),
        ],
      };
    }
    case 'moveTrack': {
      const at = indexOfKey(document.tracks, operation.key, 'key', 'track');
      return {
        document: { ...document, tracks: moveTo(document.tracks, at, operation.position) },
        undo: [{ kind: 'moveTrack', key: operation.key, position: at }],
      };
    }

    // Roles --------------------------------------------------------------------------------
    case 'addRole': {
      indexOfKey(document.tracks, operation.trackKey, 'trackKey', 'track');
      const roleKey = newKey(operation.key, operation.title, document.roles, 'roles', 'role');
      const ladder = ladderOf(document, operation.trackKey);
      const role: RoleDocument = {
        key: roleKey,
        title: operation.title,
        trackKey: operation.trackKey,
        level: operation.level ?? Math.max(0, ...ladder.map((r) => r.level)) + 1,
        ...optionalFields({ band: operation.band }),
        summary: operation.summary,
        responsibilities: operation.responsibilities,
        expectations: {},
      };
      return {
        document: { ...document, roles: insertAt(document.roles, role, operation.position) },
        undo: [{ kind: 'removeRole', key: roleKey }],
        target: `role:${roleKey}`,
      };
    }
    case 'updateRole': {
      const at = indexOfKey(document.roles, operation.key, 'key', 'role');
      if (operation.trackKey !== undefined) indexOfKey(document.tracks, operation.trackKey, 'trackKey', 'track');
      const current = document.roles[at]!;
      const { kind: _kind, key: _key, ...fields } = operation;
      if (fields.sharedWithTrackKeys != null) {
        const ownTrack = fields.trackKey ?? current.trackKey;
        fields.sharedWithTrackKeys.forEach((trackKey, i) => indexOfKey(document.tracks, trackKey, `sharedWithTrackKeys[${i}]`, 'track'));
        const shared = [...new Set(fields.sharedWithTrackKeys.filter((trackKey) => trackKey !== ownTrack))];
        // An empty list is stored as no list, so a document without shared roles stays as it was written.
        fields.sharedWithTrackKeys = shared.length > 0 ? shared : null;
      }
      const roles = [...document.roles];
      roles[at] = patch(current, fields);
      return {
        document: { ...document, roles },
        undo: [{ kind: 'updateRole', key: current.key, ...previous(current, fields) } as DraftOperation],
      };
    }
    case 'removeRole': {
      const at = indexOfKey(document.roles, operation.key, 'key', 'role');
      const role = document.roles[at]!;
      const transitions = document.transitions
        .map((transition, position) => ({ transition, position }))
        .filter(({ transition }) => transition.fromRoleKey === role.key || transition.toRoleKey === role.key);
      const linked = document.qualifications.filter(
        (q) => q.requiredForRoleKeys.includes(role.key) || q.recommendedForRoleKeys.includes(role.key),
      );
      const { expectations, ...fields } = role;
      const undo: DraftOperation[] = [
        {
          kind: 'addRole',
          key: fields.key,
          title: fields.title,
          trackKey: fields.trackKey,
          level: fields.level,
          band: fields.band,
          summary: fields.summary,
          responsibilities: fields.responsibilities,
          position: at,
        },
      ];
      if (Object.keys(expectations).length > 0) undo.push({ kind: 'setExpectationsRow', roleKey: role.key, levels: { ...expectations } });
      for (const { transition, position } of transitions) undo.push(addTransitionOperation(transition, position));
      for (const q of linked) {
        undo.push({ kind: 'updateQualification', key: q.key, requiredForRoleKeys: q.requiredForRoleKeys, recommendedForRoleKeys: q.recommendedForRoleKeys });
      }
      return {
        document: {
          ...document,
          roles: document.roles.filter((_, i) => i !== at),
          transitions: document.transitions.filter((t) => t.fromRoleKey !== role.key && t.toRoleKey !== role.key),
          qualifications: document.qualifications.map((q) =>
            linked.includes(q)
              ? {
                  ...q,
                  requiredForRoleKeys: q.requiredForRoleKeys.filter((k) => k !== role.key),
                  recommendedForRoleKeys: q.recommendedForRoleKeys.filter((k) => k !== role.key),
                }
              : q,
          ),
        },
        undo,
      };
    }
    case 'moveRole': {
      indexOfKey(document.roles, operation.key, 'key', 'role');
      indexOfKey(document.tracks, operation.trackKey, 'trackKey', 'track');
      const moving = document.roles.find((role) => role.key === operation.key)!;
      const ladder = ladderOf(document, operation.trackKey).filter((role) => role.key !== operation.key);
      ladder.splice(Math.min(operation.position, ladder.length), 0, moving);
      const renumbered = new Map(ladder.map((role, i) => [role.key, i + 1]));
      // The ladder it left closes the gap too.
      if (moving.trackKey !== operation.trackKey) {
        ladderOf(document, moving.trackKey)
          .filter((role) => role.key !== moving.key)
          .forEach((role, i) => renumbered.set(role.key, i + 1));
      }
      const undo: DraftOperation[] = [];
      const roles = document.roles.map((role) => {
        const level = renumbered.get(role.key);
        if (level === undefined) return role;
        const trackKey = role.key === moving.key ? operation.trackKey : role.trackKey;
        if (level === role.level && trackKey === role.trackKey) return role;
        undo.push({ kind: 'updateRole', key: role.key, level: role.level, ...(trackKey !== role.trackKey ? { trackKey: role.trackKey } : {}) });
        return { ...role, level, trackKey };
      });
      return { document: { ...document, roles }, undo };
    }

    // Skill categories ---------------------------------------------------------------------
    case 'addSkillCategory': {
      const categoryKey = newKey(operation.key, operation.name, document.skillCategories, 'skillCategories', 'skill category');
      const category = { key: categoryKey, name: operation.name, ...optionalFields({ description: operation.description }) };
      return {
        document: { ...document, skillCategories: insertAt(document.skillCategories, category, operation.position) },
        undo: [{ kind: 'removeSkillCategory', key: categoryKey }],
        target: `skill-category:${categoryKey}`,
      };
    }
    case 'updateSkillCategory': {
      const at = indexOfKey(document.skillCategories, operation.key, 'key', 'skill category');
      const current = document.skillCategories[at]!;
      const { kind: _kind, key: _key, ...fields } = operation;
      if (operation.scaleKey !== undefined) {
        // Every skill of the category that names no scale of its own moves onto the new one: it must fit.
        const scale = scaleMaxOf(document, operation.scaleKey ?? undefined, '', 'scaleKey');
        for (const skill of document.skills.filter((s) => s.categoryKey === current.key && s.scaleKey === undefined)) {
          checkDescriptors(document, skill.levels, 'scaleKey', scale);
          checkExpectationsFit(document, skill.key, scale);
        }
      }
      const skillCategories = [...document.skillCategories];
      skillCategories[at] = patch(current, fields);
      return {
        document: { ...document, skillCategories },
        undo: [{ kind: 'updateSkillCategory', key: current.key, ...previous(current, fields) } as DraftOperation],
      };
    }
    case 'removeSkillCategory': {
      const at = indexOfKey(document.skillCategories, operation.key, 'key', 'skill category');
      const category = document.skillCategories[at]!;
      const skills = document.skills.filter((skill) => skill.categoryKey === category.key);
      if (skills.length > 0) {
        fail('key', `skill category ${category.name} still has ${skills.length} ${skills.length === 1 ? 'skill' : 'skills'} (${skills.map((s) => s.name).join(', ')}): move or remove them first`);
      }
      return {
        document: { ...document, skillCategories: document.skillCategories.filter((_, i) => i !== at) },
        undo: [{ kind: 'addSkillCategory', key: category.key, name: category.name, description: category.description, position: at }],
      };
    }
    case 'moveSkillCategory': {
      const at = indexOfKey(document.skillCategories, operation.key, 'key', 'skill category');
      return {
        document: { ...document, skillCategories: moveTo(document.skillCategories, at, operation.position) },
        undo: [{ kind: 'moveSkillCategory', key: operation.key, position: at }],
      };
    }

    // Skills -------------------------------------------------------------------------------
    case 'addSkill': {
      indexOfKey(document.skillCategories, operation.categoryKey, 'categoryKey', 'skill category');
      checkDescriptors(document, operation.levels, 'levels', scaleMaxOf(document, operation.scaleKey, operation.categoryKey, 'categoryKey'));
      const skillKey = newKey(operation.key, operation.name, document.skills, 'skills', 'skill');
      const skill: SkillDocument = {
        key: skillKey,
        name: operation.name,
        categoryKey: operation.categoryKey,
        ...optionalFields({ description: operation.description, scaleKey: operation.scaleKey }),
        levels: { ...operation.levels },
      };
      return {
        document: { ...document, skills: insertAt(document.skills, skill, operation.position) },
        undo: [{ kind: 'removeSkill', key: skillKey }],
        target: `skill:${skillKey}`,
      };
    }
    case 'updateSkill': {
      const at = indexOfKey(document.skills, operation.key, 'key', 'skill');
      if (operation.categoryKey !== undefined) indexOfKey(document.skillCategories, operation.categoryKey, 'categoryKey', 'skill category');
      const current = document.skills[at]!;
      const scaleKey = operation.scaleKey === undefined ? current.scaleKey : (operation.scaleKey ?? undefined);
      const scale = scaleMaxOf(document, scaleKey, operation.categoryKey ?? current.categoryKey, 'categoryKey');
      checkDescriptors(document, operation.levels ?? current.levels, 'levels', scale);
      if (operation.scaleKey !== undefined || operation.categoryKey !== undefined) checkExpectationsFit(document, current.key, scale);
      const { kind: _kind, key: _key, ...fields } = operation;
      const skills = [...document.skills];
      skills[at] = patch(current, fields);
      return {
        document: { ...document, skills },
        undo: [{ kind: 'updateSkill', key: current.key, ...previous(current, fields) } as DraftOperation],
      };
    }
    case 'removeSkill': {
      const at = indexOfKey(document.skills, operation.key, 'key', 'skill');
      return removeSkillAt(document, at);
    }
    case 'moveSkill': {
      const at = indexOfKey(document.skills, operation.key, 'key', 'skill');
      return {
        document: { ...document, skills: moveTo(document.skills, at, operation.position) },
        undo: [{ kind: 'moveSkill', key: operation.key, position: at }],
      };
    }
    case 'mergeSkill': {
      const at = indexOfKey(document.skills, operation.key, 'key', 'skill');
      indexOfKey(document.skills, operation.intoKey, 'intoKey', 'skill');
      if (operation.key === operation.intoKey) fail('intoKey', 'a skill cannot be merged into itself');
      const from = operation.key;
      const into = operation.intoKey;
      const undoInto: DraftOperation[] = [];
      const roles = document.roles.map((role) => {
        const fromLevel = role.expectations[from];
        if (fromLevel === undefined) return role;
        const intoLevel = role.expectations[into];
        if (intoLevel !== undefined && intoLevel >= fromLevel) return role;
        undoInto.push({ kind: 'setExpectation', roleKey: role.key, skillKey: into, level: intoLevel ?? null });
        return { ...role, expectations: { ...role.expectations, [into]: fromLevel } };
      });
      const qualifications = document.qualifications.map((q) => {
        if (!q.skillKeys.includes(from) || q.skillKeys.includes(into)) return q;
        undoInto.push({ kind: 'updateQualification', key: q.key, skillKeys: q.skillKeys });
        return { ...q, skillKeys: q.skillKeys.map((k) => (k === from ? into : k)) };
      });
      // Removing the merged skill afterwards drops its own cells and links; its undo restores them.
      const removed = removeSkillAt({ ...document, roles, qualifications }, at);
      return { document: removed.document, undo: [...removed.undo, ...undoInto] };
    }

    // Expectations -------------------------------------------------------------------------
    case 'setExpectation':
      return setExpectations(document, operation.roleKey, { [operation.skillKey]: operation.level }, 'skillKey');
    case 'setExpectationsRow':
      return setExpectations(document, operation.roleKey, operation.levels, 'levels');
    case 'setExpectationDetail':
      return setExpectationDetailOf(document, operation);

    // Named scales -------------------------------------------------------------------------
    case 'setScales': {
      const seen = new Set<string>();
      operation.scales.forEach((scale, i) => {
        if (seen.has(scale.key)) fail(`scales[${i}].key`, `there is already a scale with key "${scale.key}"`);
        seen.add(scale.key);
        [...scale.levels]
          .sort((a, b) => a.level - b.level)
          .forEach((step, j) => {
            if (step.level !== j + 1) fail(`scales[${i}].levels`, `levels must run from 1 to ${scale.levels.length} without gaps or repeats`);
          });
      });
      const next: FrameworkDocument = { ...document, scales: operation.scales };
      for (const category of document.skillCategories) {
        if (category.scaleKey !== undefined && !seen.has(category.scaleKey)) fail('scales', `skill category ${quote(category.name)} uses scale "${category.scaleKey}": choose another scale for it first`);
      }
      const scales = skillScales(next);
      for (const skill of document.skills) {
        if (skill.scaleKey !== undefined && !seen.has(skill.scaleKey)) fail('scales', `skill ${quote(skill.name)} uses scale "${skill.scaleKey}": choose another scale for it first`);
        const scale = scales.get(skill.key);
        if (scale) {
          checkDescriptors(next, skill.levels, 'scales', { max: scale.max, label: scale.name ? `scale "${scale.name}"` : 'the proficiency scale' });
          checkExpectationsFit(next, skill.key, { max: scale.max, label: scale.name ? `scale "${scale.name}"` : 'the proficiency scale' });
        }
      }
      return { document: next, undo: [{ kind: 'setScales', scales: (document.scales ?? []).map((scale) => ({ ...scale, levels: scale.levels.map((l) => ({ ...l })) })) }] };
    }

    // Track groups -------------------------------------------------------------------------
    case 'setTrackGroups': {
      const seen = new Set<string>();
      operation.trackGroups.forEach((group, i) => {
        if (seen.has(group.key)) fail(`trackGroups[${i}].key`, `there is already a track group with key "${group.key}"`);
        seen.add(group.key);
      });
      for (const track of document.tracks) {
        if (track.groupKey !== undefined && !seen.has(track.groupKey)) fail('trackGroups', `track ${quote(track.name)} is in group "${track.groupKey}": move it out first`);
      }
      const { trackGroups: _previous, ...rest } = document;
      return {
        document: operation.trackGroups.length > 0 ? { ...rest, trackGroups: operation.trackGroups } : rest,
        undo: [{ kind: 'setTrackGroups', trackGroups: (document.trackGroups ?? []).map((group) => ({ ...group })) }],
      };
    }

    // Points levelling ---------------------------------------------------------------------
    case 'setLevelling': {
      const undo: DraftOperation[] = [{ kind: 'setLevelling', levelling: document.levelling ? copyLevelling(document.levelling) : null }];
      const { levelling: _previous, ...rest } = document;
      if (operation.levelling === null) return { document: rest, undo };
      const problems = levellingRuleProblems(document, operation.levelling);
      if (problems.length > 0) throw new OperationProblem(problems);
      return { document: { ...rest, levelling: copyLevelling(operation.levelling) }, undo };
    }

    // Proficiency scale --------------------------------------------------------------------
    case 'setProficiencyScale': {
      const levels = [...operation.levels].sort((a, b) => a.level - b.level);
      levels.forEach((step, i) => {
        if (step.level !== i + 1) fail('levels', `levels must run from 1 to ${levels.length} without gaps or repeats`);
      });
      const max = levels.length;
      const tooHigh = document.roles.flatMap((role) =>
        Object.entries(role.expectations)
          .filter(([, level]) => level > max)
          .map(([skillKey, level]) => ({
            path: formatPath(['roles', role.key, 'expectations', skillKey]),
            message: `${role.title} expects level ${level} in ${nameOf(document.skills, skillKey, (s) => s.name)}: lower it to ${max} or less first`,
          })),
      );
      if (tooHigh.length > 0) throw new OperationProblem(tooHigh);
      const undo: DraftOperation[] = [{ kind: 'setProficiencyScale', levels: document.proficiencyScale.map((s) => ({ ...s })) }];
      const skills = document.skills.map((skill) => {
        const kept = Object.fromEntries(Object.entries(skill.levels).filter(([level]) => Number(level) <= max));
        if (Object.keys(kept).length === Object.keys(skill.levels).length) return skill;
        undo.push({ kind: 'updateSkill', key: skill.key, levels: { ...skill.levels } });
        return { ...skill, levels: kept };
      });
      return { document: { ...document, proficiencyScale: levels, skills }, undo };
    }

    // Transitions --------------------------------------------------------------------------
    case 'addTransition': {
      indexOfKey(document.roles, operation.fromRoleKey, 'fromRoleKey', 'role');
      indexOfKey(document.roles, operation.toRoleKey, 'toRoleKey', 'role');
      if (operation.fromRoleKey === operation.toRoleKey) fail('toRoleKey', 'a role cannot transition to itself');
      if (findTransition(document, operation.fromRoleKey, operation.toRoleKey) >= 0) {
        fail('toRoleKey', `there is already a move from ${nameOf(document.roles, operation.fromRoleKey, (r) => r.title)} to ${nameOf(document.roles, operation.toRoleKey, (r) => r.title)}`);
      }
      const transition: TransitionDocument = {
        fromRoleKey: operation.fromRoleKey,
        toRoleKey: operation.toRoleKey,
        kind: operation.transitionKind,
        ...optionalFields({ typicalMonths: operation.typicalMonths, guidance: operation.guidance }),
      };
      const next = { ...document, transitions: insertAt(document.transitions, transition, operation.position) };
      if (transition.kind === 'promotion') checkNoPromotionCycle(next);
      return { document: next, undo: [{ kind: 'removeTransition', fromRoleKey: operation.fromRoleKey, toRoleKey: operation.toRoleKey }] };
    }
    case 'updateTransition': {
      const at = findTransition(document, operation.fromRoleKey, operation.toRoleKey);
      if (at < 0) fail('toRoleKey', `there is no move from ${nameOf(document.roles, operation.fromRoleKey, (r) => r.title)} to ${nameOf(document.roles, operation.toRoleKey, (r) => r.title)}`);
      const current = document.transitions[at]!;
      const fields = { kind: operation.transitionKind, typicalMonths: operation.typicalMonths, guidance: operation.guidance };
      const transitions = [...document.transitions];
      transitions[at] = patch(current, fields);
      const next = { ...document, transitions };
      if (transitions[at]!.kind === 'promotion') checkNoPromotionCycle(next);
      const back = previous(current, fields);
      return {
        document: next,
        undo: [
          {
            kind: 'updateTransition',
            fromRoleKey: current.fromRoleKey,
            toRoleKey: current.toRoleKey,
            transitionKind: back.kind,
            typicalMonths: back.typicalMonths,
            guidance: back.guidance,
          } as DraftOperation,
        ],
      };
    }
    case 'removeTransition': {
      const at = findTransition(document, operation.fromRoleKey, operation.toRoleKey);
      if (at < 0) fail('toRoleKey', `there is no move from ${nameOf(document.roles, operation.fromRoleKey, (r) => r.title)} to ${nameOf(document.roles, operation.toRoleKey, (r) => r.title)}`);
      return {
        document: { ...document, transitions: document.transitions.filter((_, i) => i !== at) },
        undo: [addTransitionOperation(document.transitions[at]!, at)],
      };
    }

    // Qualifications -----------------------------------------------------------------------
    case 'addQualification': {
      checkQualificationLinks(document, operation);
      const qualificationKey = newKey(operation.key, operation.name, document.qualifications, 'qualifications', 'qualification');
      const qualification: QualificationDocument = {
        key: qualificationKey,
        name: operation.name,
        provider: operation.provider,
        ...optionalFields({ url: operation.url, validityMonths: operation.validityMonths, description: operation.description }),
        skillKeys: [...operation.skillKeys],
        requiredForRoleKeys: [...operation.requiredForRoleKeys],
        recommendedForRoleKeys: [...operation.recommendedForRoleKeys],
      };
      return {
        document: { ...document, qualifications: insertAt(document.qualifications, qualification, operation.position) },
        undo: [{ kind: 'removeQualification', key: qualificationKey }],
        target: `qualification:${qualificationKey}`,
      };
    }
    case 'updateQualification': {
      const at = indexOfKey(document.qualifications, operation.key, 'key', 'qualification');
      checkQualificationLinks(document, operation);
      const current = document.qualifications[at]!;
      const { kind: _kind, key: _key, ...fields } = operation;
      const qualifications = [...document.qualifications];
      qualifications[at] = patch(current, fields);
      return {
        document: { ...document, qualifications },
        undo: [{ kind: 'updateQualification', key: current.key, ...previous(current, fields) } as DraftOperation],
      };
    }
    case 'removeQualification': {
      const at = indexOfKey(document.qualifications, operation.key, 'key', 'qualification');
      const q = document.qualifications[at]!;
      return {
        document: { ...document, qualifications: document.qualifications.filter((_, i) => i !== at) },
        undo: [
          {
            kind: 'addQualification',
            key: q.key,
            name: q.name,
            provider: q.provider,
            url: q.url,
            validityMonths: q.validityMonths,
            description: q.description,
            skillKeys: q.skillKeys,
            requiredForRoleKeys: q.requiredForRoleKeys,
            recommendedForRoleKeys: q.recommendedForRoleKeys,
            position: at,
          },
        ],
      };
    }
  }
}

function formatPath(segments: string[]): string {
  return segments.join('.');
}

function removeSkillAt(document: FrameworkDocument, at: number): Applied {
  const skill = document.skills[at]!;
  const expectations = document.roles.filter((role) => role.expectations[skill.key] !== undefined);
  const linked = document.qualifications.filter((q) => q.skillKeys.includes(skill.key));
  const undo: DraftOperation[] = [
    {
      kind: 'addSkill',
      key: skill.key,
      name: skill.name,
      categoryKey: skill.categoryKey,
      description: skill.description,
      ...(skill.scaleKey !== undefined ? { scaleKey: skill.scaleKey } : {}),
      levels: { ...skill.levels },
      position: at,
    },
    ...expectations.flatMap((role): DraftOperation[] => [
      { kind: 'setExpectation', roleKey: role.key, skillKey: skill.key, level: role.expectations[skill.key]! },
      ...restoreDetails(role, [skill.key]),
    ]),
    ...linked.map((q): DraftOperation => ({ kind: 'updateQualification', key: q.key, skillKeys: q.skillKeys })),
  ];
  // The skill's own points go with it (a rule naming an unknown skill could not be published); the undo, after addSkill, puts them back.
  const levelling = levellingWithoutSkill(document.levelling, skill.key);
  if (levelling && document.levelling) undo.push({ kind: 'setLevelling', levelling: copyLevelling(document.levelling) });
  return {
    document: {
      ...document,
      ...(levelling ? { levelling } : {}),
      skills: document.skills.filter((_, i) => i !== at),
      roles: document.roles.map((role) => {
        if (role.expectations[skill.key] === undefined) return role;
        const { [skill.key]: _removed, ...rest } = role.expectations;
        return withDetail({ ...role, expectations: rest }, skill.key, {});
      }),
      qualifications: document.qualifications.map((q) =>
        linked.includes(q) ? { ...q, skillKeys: q.skillKeys.filter((k) => k !== skill.key) } : q,
      ),
    },
    undo,
  };
}

/** Refuses a scale that some role's expectation of the skill would fall off. */
function checkExpectationsFit(document: FrameworkDocument, skillKey: string, scale: { max: number; label: string }): void {
  const tooHigh = document.roles.filter((role) => (role.expectations[skillKey] ?? 0) > scale.max);
  if (tooHigh.length === 0) return;
  throw new OperationProblem(
    tooHigh.map((role) => ({
      path: formatPath(['roles', role.key, 'expectations', skillKey]),
      message: `${role.title} expects level ${role.expectations[skillKey]} in ${nameOf(document.skills, skillKey, (s) => s.name)}, above ${scale.label}'s top level ${scale.max}: lower it first`,
    })),
  );
}

function setExpectationDetailOf(document: FrameworkDocument, operation: Extract<DraftOperation, { kind: 'setExpectationDetail' }>): Applied {
  const at = indexOfKey(document.roles, operation.roleKey, 'roleKey', 'role');
  const role = document.roles[at]!;
  if (role.expectations[operation.skillKey] === undefined) {
    fail('skillKey', `${role.title} does not expect ${nameOf(document.skills, operation.skillKey, (s) => s.name)}: set a level first`);
  }
  const current = role.expectationDetails?.[operation.skillKey] ?? {};
  const next = { ...current };
  if (operation.optional !== undefined) {
    if (operation.optional) next.optional = true;
    else delete next.optional;
  }
  if (operation.weight !== undefined) {
    if (operation.weight === null || operation.weight === 1) delete next.weight;
    else next.weight = operation.weight;
  }
  if (operation.statement !== undefined) {
    if (operation.statement === null || operation.statement === '') delete next.statement;
    else next.statement = operation.statement;
  }
  const roles = [...document.roles];
  roles[at] = withDetail(role, operation.skillKey, next);
  return {
    document: { ...document, roles },
    undo: [
      {
        kind: 'setExpectationDetail',
        roleKey: role.key,
        skillKey: operation.skillKey,
        optional: current.optional ?? null,
        weight: current.weight ?? null,
        statement: current.statement ?? null,
      },
    ],
  };
}

/** The role with one skill's details replaced (empty details removed, and an empty record too). */
function withDetail(role: RoleDocument, skillKey: string, detail: Record<string, unknown>): RoleDocument {
  const { [skillKey]: _old, ...others } = role.expectationDetails ?? {};
  const details = Object.keys(detail).length > 0 ? { ...others, [skillKey]: detail } : others;
  const { expectationDetails: _all, ...rest } = role;
  return Object.keys(details).length > 0 ? { ...rest, expectationDetails: details } : rest;
}

/** Undo operations that put back a role's details for the skills listed. */
function restoreDetails(role: RoleDocument, skillKeys: readonly string[]): DraftOperation[] {
  return skillKeys.flatMap((skillKey): DraftOperation[] => {
    const detail = role.expectationDetails?.[skillKey];
    if (!detail) return [];
    return [{ kind: 'setExpectationDetail', roleKey: role.key, skillKey, optional: detail.optional ?? null, weight: detail.weight ?? null, statement: detail.statement ?? null }];
  });
}

function setExpectations(
  document: FrameworkDocument,
  roleKey: string,
  levels: Record<string, number | null>,
  path: string,
): Applied {
  const at = indexOfKey(document.roles, roleKey, 'roleKey', 'role');
  const problems: FrameworkProblem[] = [];
  const scales = skillScales(document);
  for (const [skillKey, level] of Object.entries(levels)) {
    const cellPath = path === 'levels' ? `levels.${skillKey}` : path;
    const scale = scales.get(skillKey);
    if (!scale) problems.push({ path: cellPath, message: `unknown skill "${skillKey}"` });
    else if (level !== null && level > scale.max) {
      const whose = scale.name ? `scale "${scale.name}"` : "the scale";
      problems.push({ path: path === 'levels' ? cellPath : 'level', message: `level ${level} is above ${whose}'s maximum ${scale.max}` });
    }
  }
  if (problems.length > 0) throw new OperationProblem(problems);
  const role = document.roles[at]!;
  const expectations = { ...role.expectations };
  const before: Record<string, number | null> = {};
  for (const [skillKey, level] of Object.entries(levels)) {
    before[skillKey] = role.expectations[skillKey] ?? null;
    if (level === null) delete expectations[skillKey];
    else expectations[skillKey] = level;
  }
  // A cleared expectation takes its details with it; the undo puts them back.
  const cleared = Object.entries(levels)
    .filter(([skillKey, level]) => level === null && role.expectationDetails?.[skillKey] !== undefined)
    .map(([skillKey]) => skillKey);
  let updated: RoleDocument = { ...role, expectations };
  for (const skillKey of cleared) updated = withDetail(updated, skillKey, {});
  const roles = [...document.roles];
  roles[at] = updated;
  const entries = Object.entries(before);
  const undo: DraftOperation[] =
    entries.length === 1 && path !== 'levels'
      ? [{ kind: 'setExpectation', roleKey, skillKey: entries[0]![0], level: entries[0]![1] }]
      : [{ kind: 'setExpectationsRow', roleKey, levels: before }];
  return { document: { ...document, roles }, undo: [...undo, ...restoreDetails(role, cleared)] };
}

function findTransition(document: FrameworkDocument, fromRoleKey: string, toRoleKey: string): number {
  return document.transitions.findIndex((t) => t.fromRoleKey === fromRoleKey && t.toRoleKey === toRoleKey);
}

function addTransitionOperation(transition: TransitionDocument, position: number): DraftOperation {
  return {
    kind: 'addTransition',
    fromRoleKey: transition.fromRoleKey,
    toRoleKey: transition.toRoleKey,
    transitionKind: transition.kind,
    typicalMonths: transition.typicalMonths,
    guidance: transition.guidance,
    position,
  };
}

function checkNoPromotionCycle(document: FrameworkDocument): void {
  const promotions = new Map<string, string[]>();
  for (const t of document.transitions) {
    if (t.kind !== 'promotion') continue;
    promotions.set(t.fromRoleKey, [...(promotions.get(t.fromRoleKey) ?? []), t.toRoleKey]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (roleKey: string): void => {
    state.set(roleKey, 'open');
    stack.push(roleKey);
    for (const next of promotions.get(roleKey) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next].map((k) => nameOf(document.roles, k, (r) => r.title));
        fail('transitionKind', `promotions would form a cycle: ${cycle.join(' → ')}`);
      }
      if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(roleKey, 'done');
  };
  for (const roleKey of promotions.keys()) if (!state.has(roleKey)) visit(roleKey);
}

function checkQualificationLinks(
  document: FrameworkDocument,
  operation: { skillKeys?: string[]; requiredForRoleKeys?: string[]; recommendedForRoleKeys?: string[] },
): void {
  const problems: FrameworkProblem[] = [];
  const skills = new Set(document.skills.map((s) => s.key));
  const roles = new Set(document.roles.map((r) => r.key));
  const check = (field: 'skillKeys' | 'requiredForRoleKeys' | 'recommendedForRoleKeys', known: Set<string>, label: string) => {
    (operation[field] ?? []).forEach((k, i) => {
      if (!known.has(k)) problems.push({ path: `${field}[${i}]`, message: `unknown ${label} "${k}"` });
    });
  };
  check('skillKeys', skills, 'skill');
  check('requiredForRoleKeys', roles, 'role');
  check('recommendedForRoleKeys', roles, 'role');
  const required = new Set(operation.requiredForRoleKeys ?? []);
  (operation.recommendedForRoleKeys ?? []).forEach((k, i) => {
    if (required.has(k)) problems.push({ path: `recommendedForRoleKeys[${i}]`, message: `role "${k}" cannot be both required and recommended` });
  });
  if (problems.length > 0) throw new OperationProblem(problems);
}

/**
 * Applies one operation to a draft document, keeping every reference between its parts intact.
 * Never mutates its input. Returns the new document with the operations that would undo it, or
 * every problem that stops it (paths are relative to the operation, e.g. `levels.3`).
 */
export function applyDraftOperation(document: FrameworkDocument, operation: DraftOperation): DraftOperationResult {
  try {
    const applied = apply(document, operation);
    return { document: applied.document, undo: applied.undo.map(withoutUndefined), target: applied.target ?? operationTarget(operation) };
  } catch (error) {
    if (error instanceof OperationProblem) return { problems: error.problems };
    throw error;
  }
}

/**
 * Applies operations in order; the first one that fails stops the rest and its problems are
 * located as `operations[i].…`. Undo operations come back in the order that reverts the batch.
 */
export function applyDraftOperations(
  document: FrameworkDocument,
  operations: DraftOperation[],
): { document: FrameworkDocument; undo: DraftOperation[]; targets: string[] } | { problems: FrameworkProblem[] } {
  let current = document;
  const undo: DraftOperation[][] = [];
  const targets: string[] = [];
  for (const [i, operation] of operations.entries()) {
    const result = applyDraftOperation(current, operation);
    if ('problems' in result) {
      return { problems: result.problems.map((p) => ({ path: `operations[${i}]${p.path ? `.${p.path}` : ''}`, message: p.message })) };
    }
    current = result.document;
    undo.unshift(result.undo);
    targets.push(result.target);
  }
  return { document: current, undo: undo.flat(), targets };
}

function withoutUndefined(operation: DraftOperation): DraftOperation {
  return Object.fromEntries(Object.entries(operation).filter(([, value]) => value !== undefined)) as DraftOperation;
}

/** A new, empty framework document: a five-level scale and nothing else, ready to be filled in. */
export function blankFrameworkDocument(name: string, frameworkKey: string, scale?: ProficiencyLevel[]): FrameworkDocument {
  return {
    schemaVersion: '1',
    key: frameworkKey,
    name,
    proficiencyScale: scale ?? [
      { level: 1, name: 'Aware', summary: 'Knows the concepts and vocabulary.' },
      { level: 2, name: 'Practised', summary: 'Applies the skill with support or in routine situations.' },
      { level: 3, name: 'Competent', summary: 'Applies the skill independently.' },
      { level: 4, name: 'Proficient', summary: 'Applies the skill in complex situations and coaches others.' },
      { level: 5, name: 'Expert', summary: 'Shapes how the organisation practises the skill.' },
    ],
    skillCategories: [],
    skills: [],
    tracks: [],
    roles: [],
    transitions: [],
    qualifications: [],
  };
}
