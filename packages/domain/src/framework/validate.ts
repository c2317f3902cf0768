import type { z } from 'zod';
import { frameworkDocumentSchema, type FrameworkDocument } from './document.js';
import { subLevelProblems } from './levelling.js';

/** One thing wrong with a framework document, located by a path such as `roles[3].expectations.risk-management`. */
export interface FrameworkProblem {
  path: string;
  message: string;
}

export type FrameworkValidationResult =
  | { ok: true; document: FrameworkDocument }
  | { ok: false; problems: FrameworkProblem[] };

/**
 * Validates an untrusted framework document (an import, an API payload, an edited draft).
 *
 * Reports every problem found, not just the first: first the structural ones (from the zod schema),
 * then the semantic ones (scale, duplicate keys, references between sections, promotion cycles).
 * The semantic checks read the raw input defensively, so they still run on the parts of a
 * structurally broken document that can be read.
 */
export function validateFramework(input: unknown): FrameworkValidationResult {
  const parsed = frameworkDocumentSchema.safeParse(input, { error: describeIssue });
  const problems: FrameworkProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: formatProblemPath(issue.path), message: issue.message }));
  problems.push(...semanticProblems(input));
  if (parsed.success && problems.length === 0) return { ok: true, document: parsed.data };
  return { ok: false, problems };
}

/** Formats a path as `roles[3].expectations.risk-management`; odd keys are quoted: `levels["two words"]`. */
export function formatProblemPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const name = String(segment);
      if (/^[A-Za-z0-9_-]+$/.test(name)) out += out === '' ? name : `.${name}`;
      else out += `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Structural problems: zod issues in words a person understands.
// Messages set on the schema itself (e.g. "must not be empty") take precedence over these.

type RawIssue = z.core.$ZodRawIssue;

/** A zod issue in words a person understands (also used for draft operations). */
export function describeIssue(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return 'is required';
      if (issue.expected === 'int' && typeof issue.input === 'number') {
        return `must be a whole number, received ${issue.input}`;
      }
      return `expected ${withArticle(issue.expected)}, received ${describeValue(issue.input)}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return `needs at least ${min} ${min === 1 ? 'item' : 'items'}`;
      if (issue.origin === 'string') return `must be at least ${min} characters long`;
      return issue.inclusive === false ? `must be greater than ${min}` : `must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `must have at most ${max} ${max === 1 ? 'item' : 'items'}`;
      if (issue.origin === 'string') return `must be at most ${max} characters long`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'invalid_value': {
      if (issue.input === undefined) return 'is required';
      const options = issue.values.map((value) => JSON.stringify(value));
      const expected = options.length === 1 ? `must be ${options[0]}` : `must be one of ${options.join(', ')}`;
      return `${expected}, received ${describeValue(issue.input)}`;
    }
    case 'invalid_format':
      if (issue.format === 'url') return 'must be a valid URL such as "https://example.org"';
      return `is not a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `has unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}, received ${describeValue(issue.input)}`;
    // A refinement carries its own message; the others wrap nested issues that zod words already.
    case 'custom':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return undefined;
  }
}

function withArticle(expected: string): string {
  const noun = expected === 'int' ? 'whole number' : expected === 'record' ? 'object' : expected;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'an object';
  return withArticle(typeof value);
}

// ---------------------------------------------------------------------------------------------
// Semantic problems, read from the raw input so that they also run on broken documents.

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function asInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** The section's entries, or null when the section is not a list (the schema reports that). */
function section(root: Obj, name: string): unknown[] | null {
  const value = root[name];
  return Array.isArray(value) ? value : null;
}

/** Key → index of its first entry; null when the section is unreadable (then references to it are not checked). */
type Registry = Map<string, number> | null;

function collectKeys(
  root: Obj,
  name: string,
  label: string,
  keyField: string,
  problems: FrameworkProblem[],
): Registry {
  const entries = section(root, name);
  if (entries === null) return null;
  const registry = new Map<string, number>();
  entries.forEach((entry, index) => {
    const key = isObj(entry) ? asString(entry[keyField]) : undefined;
    if (key === undefined) return;
    const first = registry.get(key);
    if (first === undefined) registry.set(key, index);
    else problems.push({ path: `${name}[${index}].${keyField}`, message: `duplicate ${label} key "${key}" (also ${name}[${first}])` });
  });
  return registry;
}

interface Scale {
  levels: Set<number>;
  names: Map<number, string>;
  max: number | undefined;
  /** "the proficiency scale" or `scale "Technical"`. */
  label: string;
}

function emptyScale(label: string): Scale {
  return { levels: new Set(), names: new Map(), max: undefined, label };
}

/** Reads one scale's levels (`proficiencyScale`, or `scales[i].levels`): duplicates and gaps reported. */
function readScale(entries: unknown[] | null, at: string, label: string, problems: FrameworkProblem[]): Scale {
  const scale = emptyScale(label);
  if (entries === null) return scale;
  const firstIndex = new Map<number, number>();
  entries.forEach((entry, index) => {
    if (!isObj(entry)) return;
    const level = asInt(entry.level);
    if (level === undefined || level < 1) return; // the schema reports it
    const first = firstIndex.get(level);
    if (first !== undefined) {
      problems.push({ path: `${at}[${index}].level`, message: `duplicate level ${level} (also ${at}[${first}])` });
      return;
    }
    firstIndex.set(level, index);
    scale.levels.add(level);
    const name = asString(entry.name)?.trim();
    if (name) scale.names.set(level, name);
  });
  if (scale.levels.size === 0) return scale;
  scale.max = Math.max(...scale.levels);
  for (let level = 1; level < scale.max; level++) {
    if (!scale.levels.has(level)) {
      problems.push({ path: at, message: `level ${level} is missing: levels must run from 1 to ${scale.max} without gaps` });
    }
  }
  return scale;
}

interface Scales {
  base: Scale;
  named: Map<string, Scale>;
  /** Category key → its scale key. */
  categoryScale: Map<string, string>;
}

function checkScales(root: Obj, problems: FrameworkProblem[]): Scales {
  const base = readScale(section(root, 'proficiencyScale'), 'proficiencyScale', 'the proficiency scale', problems);
  const named = new Map<string, Scale>();
  const scales = root.scales === undefined ? [] : (section(root, 'scales') ?? []);
  collectKeys(root, 'scales', 'scale', 'key', problems);
  scales.forEach((scale, index) => {
    if (!isObj(scale)) return;
    const key = asString(scale.key);
    if (key === undefined || named.has(key)) return;
    const name = asString(scale.name)?.trim() || key;
    const levels = Array.isArray(scale.levels) ? scale.levels : null;
    named.set(key, readScale(levels, `scales[${index}].levels`, `scale "${name}"`, problems));
  });
  const categoryScale = new Map<string, string>();
  (section(root, 'skillCategories') ?? []).forEach((category, index) => {
    if (!isObj(category)) return;
    const scaleKey = asString(category.scaleKey);
    const key = asString(category.key);
    if (scaleKey === undefined) return;
    if (!named.has(scaleKey)) problems.push({ path: `skillCategories[${index}].scaleKey`, message: `unknown scale "${scaleKey}"` });
    else if (key !== undefined && !categoryScale.has(key)) categoryScale.set(key, scaleKey);
  });
  return { base, named, categoryScale };
}

function describeScale(scale: Scale): string {
  const sorted = [...scale.levels].sort((a, b) => a - b);
  const contiguous = sorted.every((level, i) => level === i + 1);
  return contiguous ? `1 to ${scale.max}` : sorted.join(', ');
}

/** Skill key → its scale, for the roles' expectations. */
type SkillScales = Map<string, Scale>;

function checkSkills(root: Obj, scales: Scales, categories: Registry, problems: FrameworkProblem[]): SkillScales {
  const skills = section(root, 'skills') ?? [];
  const bySkill: SkillScales = new Map();
  skills.forEach((skill, index) => {
    if (!isObj(skill)) return;
    const at = `skills[${index}]`;
    const categoryKey = asString(skill.categoryKey);
    if (categories && categoryKey !== undefined && !categories.has(categoryKey)) {
      problems.push({ path: `${at}.categoryKey`, message: `unknown skill category "${categoryKey}"` });
    }
    const ownScaleKey = asString(skill.scaleKey);
    if (ownScaleKey !== undefined && !scales.named.has(ownScaleKey)) {
      problems.push({ path: `${at}.scaleKey`, message: `unknown scale "${ownScaleKey}"` });
    }
    const scaleKey = ownScaleKey ?? (categoryKey !== undefined ? scales.categoryScale.get(categoryKey) : undefined);
    const scale = (scaleKey !== undefined ? scales.named.get(scaleKey) : undefined) ?? scales.base;
    const key = asString(skill.key);
    if (key !== undefined && !bySkill.has(key)) bySkill.set(key, scale);
    const levels = skill.levels;
    if (!isObj(levels) || scale.levels.size === 0) return;
    // A level of the scale without a descriptor is allowed: it is shown as "No descriptor".
    for (const levelKey of Object.keys(levels)) {
      const onScale = /^[1-9][0-9]*$/.test(levelKey) && scale.levels.has(Number(levelKey));
      if (onScale) continue;
      const what = /^[0-9]+$/.test(levelKey) ? `level ${levelKey}` : `"${levelKey}"`;
      problems.push({
        path: formatProblemPath(['skills', index, 'levels', levelKey]),
        message: `${what} is not on ${scale.label} (${describeScale(scale)})`,
      });
    }
  });
  return bySkill;
}

function checkRoles(root: Obj, scales: Scales, skillScales: SkillScales, tracks: Registry, skills: Registry, problems: FrameworkProblem[]): void {
  const roles = section(root, 'roles') ?? [];
  roles.forEach((role, index) => {
    if (!isObj(role)) return;
    const at = `roles[${index}]`;
    const trackKey = asString(role.trackKey);
    if (tracks && trackKey !== undefined && !tracks.has(trackKey)) {
      problems.push({ path: `${at}.trackKey`, message: `unknown track "${trackKey}"` });
    }
    const shared = role.sharedWithTrackKeys;
    if (Array.isArray(shared)) {
      shared.forEach((sharedKey, position) => {
        if (typeof sharedKey !== 'string') return;
        if (tracks && !tracks.has(sharedKey)) problems.push({ path: `${at}.sharedWithTrackKeys[${position}]`, message: `unknown track "${sharedKey}"` });
        else if (sharedKey === trackKey) problems.push({ path: `${at}.sharedWithTrackKeys[${position}]`, message: `"${sharedKey}" is already the role's own track` });
      });
    }
    const expectations = role.expectations;
    if (!isObj(expectations)) return;
    for (const [skillKey, value] of Object.entries(expectations)) {
      const path = formatProblemPath(['roles', index, 'expectations', skillKey]);
      if (skills && !skills.has(skillKey)) problems.push({ path, message: `unknown skill "${skillKey}"` });
      const level = asInt(value);
      if (level === undefined) continue; // the schema reports it
      const scale = skillScales.get(skillKey) ?? scales.base;
      const ofScale = scale === scales.base ? "the scale's" : `${scale.label}'s`;
      if (level < 1) problems.push({ path, message: `level ${level} is below ${ofScale} minimum 1` });
      else if (scale.max !== undefined && level > scale.max) {
        problems.push({ path, message: `level ${level} is above ${ofScale} maximum ${scale.max}` });
      } else if (scale.max !== undefined && !scale.levels.has(level)) {
        problems.push({ path, message: `level ${level} is not on ${scale.label} (${describeScale(scale)})` });
      }
    }
    const details = role.expectationDetails;
    if (isObj(details)) {
      for (const skillKey of Object.keys(details)) {
        if (!Object.prototype.hasOwnProperty.call(expectations, skillKey)) {
          problems.push({ path: formatProblemPath(['roles', index, 'expectationDetails', skillKey]), message: `the role does not expect "${skillKey}": set a level first` });
        }
      }
    }
  });
}

function checkTrackGroups(root: Obj, problems: FrameworkProblem[]): void {
  const groups = root.trackGroups === undefined ? new Map<string, number>() : collectKeys(root, 'trackGroups', 'track group', 'key', problems);
  (section(root, 'tracks') ?? []).forEach((track, index) => {
    if (!isObj(track)) return;
    const groupKey = asString(track.groupKey);
    if (groups && groupKey !== undefined && !groups.has(groupKey)) problems.push({ path: `tracks[${index}].groupKey`, message: `unknown track group "${groupKey}"` });
  });
}

function checkLevelling(root: Obj, skills: Registry, skillScales: SkillScales, problems: FrameworkProblem[]): void {
  const levelling = root.levelling;
  if (!isObj(levelling)) return;
  if (isObj(levelling.skillPoints) && skills) {
    for (const [skillKey, table] of Object.entries(levelling.skillPoints)) {
      if (!skills.has(skillKey)) {
        problems.push({ path: formatProblemPath(['levelling', 'skillPoints', skillKey]), message: `unknown skill "${skillKey}"` });
        continue;
      }
      // A skill whose scale changed (its own, its category's, or the scale's levels) may keep points
      // for levels it no longer has: name each, so the rule is fixed before it is published.
      const scale = skillScales.get(skillKey);
      if (!isObj(table) || scale?.max === undefined) continue;
      for (const levelKey of Object.keys(table)) {
        const level = Number(levelKey);
        if (/^[1-9][0-9]*$/.test(levelKey) && level > scale.max) {
          problems.push({
            path: formatProblemPath(['levelling', 'skillPoints', skillKey, levelKey]),
            message: `level ${level} is above ${scale.label}'s maximum ${scale.max}: the skill's scale has changed; remove its points for level ${level}`,
          });
        }
      }
    }
  }
  const levels = Array.isArray(levelling.levels) ? levelling.levels : [];
  let previous = -1;
  levels.forEach((level, index) => {
    const min = isObj(level) ? asInt(level.minPoints) : undefined;
    if (min === undefined) return;
    if (index === 0 && min !== 0) problems.push({ path: `levelling.levels[0].minPoints`, message: 'the first level must start at 0 points, so every profile has a level' });
    if (min <= previous) problems.push({ path: `levelling.levels[${index}].minPoints`, message: `must be more than the previous level's ${previous}` });
    previous = min;
  });
  (Array.isArray(levelling.titles) ? levelling.titles : []).forEach((title, index) => {
    if (!isObj(title)) return;
    const min = asInt(title.minPoints);
    const max = asInt(title.maxPoints);
    if (min !== undefined && max !== undefined && max < min) problems.push({ path: `levelling.titles[${index}].maxPoints`, message: `must be at least minPoints (${min})` });
  });
  problems.push(...subLevelProblems(levels));
}

interface PromotionEdge {
  to: string;
  index: number;
}

function checkTransitions(root: Obj, roles: Registry, problems: FrameworkProblem[]): void {
  const transitions = section(root, 'transitions') ?? [];
  const firstByPair = new Map<string, number>();
  const promotions = new Map<string, PromotionEdge[]>();
  transitions.forEach((transition, index) => {
    if (!isObj(transition)) return;
    const at = `transitions[${index}]`;
    const from = asString(transition.fromRoleKey);
    const to = asString(transition.toRoleKey);
    const fromKnown = from !== undefined && (roles === null || roles.has(from));
    const toKnown = to !== undefined && (roles === null || roles.has(to));
    if (from !== undefined && !fromKnown) problems.push({ path: `${at}.fromRoleKey`, message: `unknown role "${from}"` });
    if (to !== undefined && !toKnown) problems.push({ path: `${at}.toRoleKey`, message: `unknown role "${to}"` });
    if (from === undefined || to === undefined) return;
    if (from === to) {
      problems.push({ path: `${at}.toRoleKey`, message: `role "${from}" cannot transition to itself` });
      return;
    }
    const pair = JSON.stringify([from, to]);
    const first = firstByPair.get(pair);
    if (first !== undefined) {
      problems.push({ path: at, message: `duplicate transition from "${from}" to "${to}" (also transitions[${first}])` });
      return;
    }
    firstByPair.set(pair, index);
    if (transition.kind === 'promotion' && fromKnown && toKnown) {
      const edges = promotions.get(from) ?? [];
      edges.push({ to, index });
      promotions.set(from, edges);
    }
  });
  checkPromotionCycles(promotions, roles, problems);
}

/**
 * Promotions must not loop back (lateral moves may). A depth-first search reports one cycle per
 * back edge it meets, so every loop is broken by fixing the reported transitions; the cycle is
 * listed in walking order, from the first role of the loop back to it.
 */
function checkPromotionCycles(promotions: Map<string, PromotionEdge[]>, roles: Registry, problems: FrameworkProblem[]): void {
  const order = roles ? [...roles.keys()] : [];
  for (const from of promotions.keys()) if (!order.includes(from)) order.push(from);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (role: string): void => {
    state.set(role, 'open');
    stack.push(role);
    for (const edge of promotions.get(role) ?? []) {
      const seen = state.get(edge.to);
      if (seen === 'open') {
        const cycle = [...stack.slice(stack.indexOf(edge.to)), edge.to];
        problems.push({ path: `transitions[${edge.index}]`, message: `promotions form a cycle: ${cycle.join(' → ')}` });
      } else if (seen === undefined) visit(edge.to);
    }
    stack.pop();
    state.set(role, 'done');
  };
  for (const role of order) if (!state.has(role)) visit(role);
}

function checkQualifications(root: Obj, skills: Registry, roles: Registry, problems: FrameworkProblem[]): void {
  const qualifications = section(root, 'qualifications') ?? [];
  const refs: Array<[field: string, registry: Registry, label: string]> = [
    ['skillKeys', skills, 'skill'],
    ['requiredForRoleKeys', roles, 'role'],
    ['recommendedForRoleKeys', roles, 'role'],
  ];
  qualifications.forEach((qualification, index) => {
    if (!isObj(qualification)) return;
    for (const [field, registry, label] of refs) {
      const keys = qualification[field];
      if (!registry || !Array.isArray(keys)) continue;
      keys.forEach((key, position) => {
        if (typeof key === 'string' && !registry.has(key)) {
          problems.push({ path: `qualifications[${index}].${field}[${position}]`, message: `unknown ${label} "${key}"` });
        }
      });
    }
  });
}

function semanticProblems(input: unknown): FrameworkProblem[] {
  if (!isObj(input)) return [];
  const problems: FrameworkProblem[] = [];
  const scales = checkScales(input, problems);
  const categories = collectKeys(input, 'skillCategories', 'skill category', 'key', problems);
  const skills = collectKeys(input, 'skills', 'skill', 'key', problems);
  const tracks = collectKeys(input, 'tracks', 'track', 'key', problems);
  const roles = collectKeys(input, 'roles', 'role', 'key', problems);
  collectKeys(input, 'qualifications', 'qualification', 'key', problems);
  const skillScales = checkSkills(input, scales, categories, problems);
  checkRoles(input, scales, skillScales, tracks, skills, problems);
  checkTrackGroups(input, problems);
  checkLevelling(input, skills, skillScales, problems);
  checkTransitions(input, roles, problems);
  checkQualifications(input, skills, roles, problems);
  return problems;
}

