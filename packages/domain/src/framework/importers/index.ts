import { TEXT_LIMITS } from '../../validation/text.js';
import type { FrameworkDocument } from '../document.js';
import { frameworkImportWarnings } from '../import-warnings.js';
import { nameFrameworkProblems } from '../problem-labels.js';
import { skillScales } from '../scales.js';
import { validateFramework } from '../validate.js';
import { isObj, type ConversionResult, type ImportFile, type ImportFormat, type ImportNote } from './common.js';
import { importFtJobFamily } from './ft.js';
import { importMonzoMarkdown } from './monzo.js';
import { importSpreadsheet } from './spreadsheet.js';

export { type ImportFile, type ImportFormat, type ImportNote, NO_SUMMARY } from './common.js';
export { importFtJobFamily, FT_PROFICIENCIES } from './ft.js';
export { importMonzoMarkdown } from './monzo.js';
export { importSpreadsheet, spreadsheetTemplate, SKILL_COLUMNS, ROLE_COLUMNS } from './spreadsheet.js';
export { parseCsv, toCsv } from './csv.js';
export { workbookImportFiles, type WorkbookCell, type WorkbookSheet } from './workbook.js';

export const IMPORT_FORMATS: readonly ImportFormat[] = ['json', 'ft-yaml', 'monzo-markdown', 'spreadsheet'];
/** At most this many files in one import (a Monzo set is one file per discipline). */
export const MAX_IMPORT_FILES = 30;
/** All the files' text together, at most (the JSON import's limit). */
export const MAX_IMPORT_CHARACTERS = 5_000_000;

/** A problem or warning with the document path it is about, when it is about one (JSON documents, validation). */
export interface LocatedNote extends ImportNote {
  path: string;
}

export interface ImportSummary {
  name: string | null;
  categoryCount: number;
  skillCount: number;
  trackCount: number;
  roleCount: number;
  expectationCount: number;
  tracks: Array<{ name: string; roleCount: number }>;
  skills: Array<{ name: string; category: string; levels: Array<{ level: number; name: string; hasDescriptor: boolean }> }>;
}

export interface FrameworkImport {
  format: ImportFormat;
  /** Whether the files could be read at all; when not, `problems` say where and nothing else is filled. */
  readable: boolean;
  /** The validated document, when it has no problems. */
  document: FrameworkDocument | null;
  warnings: LocatedNote[];
  /** Why the files cannot be read, or what stops the document from importing (validation, named). */
  problems: LocatedNote[];
  summary: ImportSummary | null;
}

const extension = (name: string) => /\.([a-z0-9]+)(?:, sheet .*)?$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** The format of a set of files from their names, else their first characters; null when they disagree or nothing fits. */
export function detectImportFormat(files: readonly ImportFile[]): ImportFormat | null {
  const formats = new Set<ImportFormat | null>(
    files.map((file): ImportFormat | null => {
      const ext = extension(file.name);
      const start = file.text.replace(/^\uFEFF/, '').trimStart();
      if (ext === 'json' || (ext === '' && start.startsWith('{'))) return 'json';
      if (ext === 'csv' || ext === 'xlsx' || ext === 'tsv') return 'spreadsheet';
      if (ext === 'md' || ext === 'markdown' || /^---\s*\r?\n/.test(start)) return 'monzo-markdown';
      if (ext === 'yml' || ext === 'yaml' || /^competencies:/m.test(start)) return 'ft-yaml';
      return null;
    }),
  );
  return formats.size === 1 ? [...formats][0]! : null;
}

function convert(format: ImportFormat, files: readonly ImportFile[]): ConversionResult {
  switch (format) {
    case 'ft-yaml':
      return importFtJobFamily(files);
    case 'monzo-markdown':
      return importMonzoMarkdown(files);
    case 'spreadsheet':
      return importSpreadsheet(files);
    case 'json': {
      if (files.length !== 1) return { ok: false, warnings: [], problems: [{ where: 'The files', message: `a framework document is one JSON file; ${files.length} were given` }] };
      try {
        return { ok: true, document: JSON.parse(files[0]!.text) as unknown, warnings: [] };
      } catch (error) {
        return { ok: false, warnings: [], problems: [{ where: files[0]!.name, message: `not valid JSON (${(error as Error).message})` }] };
      }
    }
  }
}

const unlocated = (notes: ImportNote[]): LocatedNote[] => notes.map((note) => ({ path: '', ...note }));

/**
 * Reads files of a format into a framework document and checks it, writing nothing: what the
 * preview shows and the import writes. Never throws: unreadable files come back as `problems`.
 */
export function importFramework(input: { format: ImportFormat | null; files: readonly ImportFile[] }): FrameworkImport {
  const files = input.files;
  const format = input.format ?? detectImportFormat(files) ?? 'json';
  const size = files.reduce((sum, file) => sum + file.text.length, 0);
  const refuse = (problem: ImportNote): FrameworkImport => ({ format, readable: false, document: null, warnings: [], problems: unlocated([problem]), summary: null });
  if (files.length === 0) return refuse({ where: 'The files', message: 'choose a file to import' });
  if (files.length > MAX_IMPORT_FILES) return refuse({ where: 'The files', message: `at most ${MAX_IMPORT_FILES} files at once (${files.length} were given)` });
  if (size > MAX_IMPORT_CHARACTERS) return refuse({ where: 'The files', message: `at most ${MAX_IMPORT_CHARACTERS.toLocaleString('en-GB')} characters in all (these have ${size.toLocaleString('en-GB')})` });
  const converted = convert(format, files);
  if (!converted.ok) return { format, readable: false, document: null, warnings: unlocated(converted.warnings), problems: unlocated(converted.problems), summary: null };
  const raw = converted.document;
  const documentWarnings = nameFrameworkProblems(raw, frameworkImportWarnings(raw)).map(({ path, where, message }) => ({ path, where, message }));
  const validation = validateFramework(raw);
  const problems = validation.ok ? [] : nameFrameworkProblems(raw, validation.problems).map(({ path, where, message }) => ({ path, where, message }));
  return {
    format,
    readable: true,
    document: validation.ok ? validation.document : null,
    warnings: [...unlocated(converted.warnings), ...documentWarnings],
    problems,
    summary: summarise(raw),
  };
}

const listOf = (value: unknown): Array<Record<string, unknown>> => (Array.isArray(value) ? value.filter(isObj) : []);
const nameOf = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, TEXT_LIMITS.name) : fallback);

/** Counts, tracks and each skill's scale, read defensively from a document that may not validate. */
export function summarise(raw: unknown): ImportSummary | null {
  if (!isObj(raw)) return null;
  const categories = listOf(raw.skillCategories);
  const skills = listOf(raw.skills);
  const tracks = listOf(raw.tracks);
  const roles = listOf(raw.roles);
  const categoryName = new Map(categories.map((c) => [c.key, nameOf(c.name, String(c.key))]));
  let scales: ReturnType<typeof skillScales> = new Map();
  try {
    scales = skillScales({
      proficiencyScale: listOf(raw.proficiencyScale).filter((l) => typeof l.level === 'number') as never,
      scales: listOf(raw.scales).map((s) => ({ ...s, levels: listOf(s.levels) })) as never,
      skillCategories: categories as never,
      skills: skills as never,
    });
  } catch {
    // A document too broken to resolve scales is still summarised, without levels.
  }
  return {
    name: typeof raw.name === 'string' ? raw.name : null,
    categoryCount: categories.length,
    skillCount: skills.length,
    trackCount: tracks.length,
    roleCount: roles.length,
    expectationCount: roles.reduce((sum, role) => sum + (isObj(role.expectations) ? Object.keys(role.expectations).length : 0), 0),
    tracks: tracks.map((track) => ({
      name: nameOf(track.name, String(track.key)),
      roleCount: roles.filter((role) => role.trackKey === track.key || (Array.isArray(role.sharedWithTrackKeys) && role.sharedWithTrackKeys.includes(track.key))).length,
    })),
    skills: skills.map((skill) => {
      const levels = isObj(skill.levels) ? skill.levels : {};
      return {
        name: nameOf(skill.name, String(skill.key)),
        category: categoryName.get(skill.categoryKey) ?? String(skill.categoryKey ?? ''),
        levels: (scales.get(skill.key as string)?.levels ?? []).map((level) => ({
          level: level.level,
          name: String(level.name),
          hasDescriptor: levels[String(level.level)] !== undefined,
        })),
      };
    }),
  };
}
