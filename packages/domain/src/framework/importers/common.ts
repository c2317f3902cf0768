import { TEXT_LIMITS } from '../../validation/text.js';
import { MAX_SCALE_LEVELS, type FrameworkDocumentInput, type LevelDescriptor } from '../document.js';
import { slugify } from '../draft-operations.js';

/** One file given to an importer: its name (for messages and format detection) and its text. */
export interface ImportFile {
  name: string;
  text: string;
}

/** What an importer changed, assumed or left out, said plainly: where (a file and line, a role, a skill) and what. */
export interface ImportNote {
  where: string;
  message: string;
}

export type ImportFormat = 'json' | 'ft-yaml' | 'monzo-markdown' | 'spreadsheet';

/**
 * A converter's answer. `ok: false` only when the input cannot be read at all (not YAML, no front
 * matter, no skills sheet…): `problems` say where. Otherwise a document to validate, and every
 * warning about what was assumed or left out on the way. Converters never throw.
 */
export type ConversionResult =
  | { ok: true; document: unknown; warnings: ImportNote[] }
  | { ok: false; problems: ImportNote[]; warnings: ImportNote[] };

/** The summary a role or scale level gets when the file has none (the document requires one): said, never invented. */
export const NO_SUMMARY = 'No summary in the imported file.';

export type Obj = Record<string, unknown>;
export const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A scalar as text (YAML numbers and booleans too), trimmed; undefined when absent or empty. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A list of texts: a YAML list, or one text; empty items left out. */
export function textsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(textOf).filter((v): v is string => v !== undefined);
  const one = textOf(value);
  return one === undefined ? [] : [one];
}

export const quoteName = (name: string) => `'${name.length > 60 ? `${name.slice(0, 57)}…` : name}'`;

/** Keys made from names, unique within one kind (skills, roles…), within the document's 200-character limit. */
export class KeyMaker {
  private readonly used = new Set<string>();
  take(name: string): string {
    const base = slugify(name).slice(0, 60).replace(/-+$/, '') || 'item';
    let key = base;
    for (let n = 2; this.used.has(key); n++) key = `${base}-${n}`;
    this.used.add(key);
    return key;
  }
}

/** A one-line name cut to the document's limit, with a warning when cut. */
export function fitLine(value: string, where: string, warnings: ImportNote[]): string {
  const oneLine = value.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  if (oneLine.length <= TEXT_LIMITS.name) return oneLine;
  warnings.push({ where, message: `shortened the name to ${TEXT_LIMITS.name} characters (it had ${oneLine.length})` });
  return `${oneLine.slice(0, TEXT_LIMITS.name - 1)}…`;
}

/** A text cut to the document's limit (5,000 characters), with a warning when cut. */
export function fitText(value: string, where: string, warnings: ImportNote[]): string {
  const trimmed = value.trim();
  if (trimmed.length <= TEXT_LIMITS.note) return trimmed;
  warnings.push({ where, message: `cut the text to ${TEXT_LIMITS.note} characters (it had ${trimmed.length}); the rest was not imported` });
  return `${trimmed.slice(0, TEXT_LIMITS.note - 1)}…`;
}

/** A skill as an importer collects it: its scale as level names, and descriptors only where the file has one. */
export interface CollectedSkill {
  key: string;
  name: string;
  categoryKey: string;
  description?: string;
  /** Level names, level 1 first. */
  scale: string[];
  levels: Record<string, LevelDescriptor>;
  /** Set by assembleDocument when the skill is not on the framework's main scale. */
  scaleKey?: string;
}

export interface CollectedFramework {
  name: string;
  description?: string;
  categories: Array<{ key: string; name: string; description?: string }>;
  skills: CollectedSkill[];
  tracks: FrameworkDocumentInput['tracks'];
  roles: FrameworkDocumentInput['roles'];
  transitions: FrameworkDocumentInput['transitions'];
}

/**
 * The document from what an importer collected. Skills' scales become the framework's proficiency
 * scale (the most used one) and named `scales` (the others), so every skill keeps its own level
 * names. The document requires a summary per proficiency level: when the file describes none, each
 * says so (NO_SUMMARY) and a warning tells it.
 */
export function assembleDocument(collected: CollectedFramework, warnings: ImportNote[]): FrameworkDocumentInput {
  const byNames = new Map<string, { names: string[]; skills: CollectedSkill[] }>();
  for (const skill of collected.skills) {
    // A skill with no levels of its own is on the framework's main scale.
    if (skill.scale.length === 0) continue;
    const names = skill.scale.slice(0, MAX_SCALE_LEVELS);
    const id = names.join('\u0000');
    const entry = byNames.get(id) ?? { names, skills: [] };
    entry.skills.push(skill);
    byNames.set(id, entry);
  }
  const ranked = [...byNames.values()].sort((a, b) => b.skills.length - a.skills.length);
  const main = ranked[0]?.names ?? ['Level 1'];
  const scaleKeys = new KeyMaker();
  const scales = ranked.slice(1).map((entry) => {
    const name = entry.names.length === 1 ? entry.names[0]! : `${entry.names[0]} to ${entry.names.at(-1)}`;
    const key = scaleKeys.take(`${entry.names.length}-levels-${name}`);
    for (const skill of entry.skills) skill.scaleKey = key;
    return { key, name: name.slice(0, TEXT_LIMITS.name), levels: entry.names.map((levelName, i) => ({ level: i + 1, name: levelName })) };
  });
  warnings.push({
    where: 'The proficiency scale',
    message: `the file describes no level in general: each of the ${main.length} levels (${main.join(', ')}) is named but its summary says "${NO_SUMMARY}"`,
  });
  return {
    schemaVersion: '2',
    key: slugify(collected.name).slice(0, 60).replace(/-+$/, '') || 'imported',
    name: collected.name,
    ...(collected.description ? { description: collected.description } : {}),
    proficiencyScale: main.map((name, i) => ({ level: i + 1, name, summary: NO_SUMMARY })),
    ...(scales.length > 0 ? { scales } : {}),
    skillCategories: collected.categories.map((c) => ({ key: c.key, name: c.name, ...(c.description ? { description: c.description } : {}) })),
    skills: collected.skills.map((skill) => ({
      key: skill.key,
      name: skill.name,
      categoryKey: skill.categoryKey,
      ...(skill.description ? { description: skill.description } : {}),
      ...(skill.scaleKey ? { scaleKey: skill.scaleKey } : {}),
      levels: skill.levels,
    })),
    tracks: collected.tracks,
    roles: collected.roles,
    transitions: collected.transitions,
    qualifications: [],
  };
}

/**
 * Promotions between consecutive rungs of each track, in the order the file lists them (the
 * formats have no moves of their own): one warning says they were assumed.
 */
export function assumedPromotions(
  roles: FrameworkDocumentInput['roles'],
  tracks: FrameworkDocumentInput['tracks'],
  warnings: ImportNote[],
): FrameworkDocumentInput['transitions'] {
  const seen = new Set<string>();
  const transitions: FrameworkDocumentInput['transitions'] = [];
  for (const track of tracks) {
    const ladder = roles
      .filter((role) => role.trackKey === track.key || (role.sharedWithTrackKeys ?? []).includes(track.key))
      .sort((a, b) => a.level - b.level);
    for (let i = 1; i < ladder.length; i++) {
      const from = ladder[i - 1]!;
      const to = ladder[i]!;
      if (from.level === to.level) continue;
      const id = `${from.key}>${to.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      transitions.push({ fromRoleKey: from.key, toRoleKey: to.key, kind: 'promotion' });
    }
  }
  if (transitions.length > 0) {
    warnings.push({
      where: 'Moves',
      message: `the file names no moves between roles: assumed ${transitions.length} promotion${transitions.length === 1 ? '' : 's'} from each rung to the next, in the order listed, with no typical time`,
    });
  }
  return transitions;
}
