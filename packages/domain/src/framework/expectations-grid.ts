import type { ExpectationDetail, FrameworkDocument } from './document.js';
import { skillScales } from './scales.js';
import { guardSpreadsheetCell } from '../people/people-csv.js';

/**
 * The expectations grid as a spreadsheet: one row per role, one column per skill, the expected level
 * in each cell (empty = not expected). The API turns these records into CSV and back (csv-stringify,
 * csv-parse); the rules for reading a grid into a framework live here.
 *
 * Columns are recognised by their header: `role` (the role key, required), `title` (shown for people,
 * ignored on import), and one column per skill key. An import changes only the roles and skill
 * columns it contains, so a grid trimmed to a few roles or skills is fine. Each cell is read on its
 * skill's own scale (a number or one of that scale's level names), and `(optional)` after the level
 * marks an optional expectation ("3 (optional)").
 */

export const GRID_OPTIONAL_MARK = '(optional)';

export const GRID_ROLE_COLUMN = 'role';
export const GRID_TITLE_COLUMN = 'title';

/** One thing wrong with a grid, located as a spreadsheet shows it: line 1 is the header, column A the first. */
export interface GridProblem {
  line: number;
  column: string | null;
  message: string;
}

export type GridImportResult = { ok: true; document: FrameworkDocument } | { ok: false; problems: GridProblem[] };

/** The grid's records: the header, then one row per role in the framework's order. */
export function expectationsGridRecords(document: FrameworkDocument): string[][] {
  return [
    [GRID_ROLE_COLUMN, GRID_TITLE_COLUMN, ...document.skills.map((skill) => skill.key)],
    ...document.roles.map((role) => [
      role.key,
      guardSpreadsheetCell(role.title),
      ...document.skills.map((skill) => {
        const level = role.expectations[skill.key];
        if (level === undefined) return '';
        return role.expectationDetails?.[skill.key]?.optional ? `${level} ${GRID_OPTIONAL_MARK}` : String(level);
      }),
    ]),
  ];
}

/** Spreadsheet column name of a zero-based index: 0 → A, 25 → Z, 26 → AA. */
export function spreadsheetColumn(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Reads a grid into a copy of `document`: each listed role's expectations for each listed skill are
 * replaced by the cell (a level number or a level name of the scale; empty = not expected). Reports
 * every problem (unknown roles and skills, duplicate rows and columns, levels off the scale) and
 * returns no document when there is any.
 */
export function applyExpectationsGrid(document: FrameworkDocument, records: readonly (readonly string[])[]): GridImportResult {
  const problems: GridProblem[] = [];
  const [header, ...rows] = records;
  if (!header || header.every((cell) => cell.trim() === '')) {
    return { ok: false, problems: [{ line: 1, column: null, message: `the header row is missing: it needs a "${GRID_ROLE_COLUMN}" column and one column per skill key` }] };
  }

  const skillKeys = new Set(document.skills.map((skill) => skill.key));
  const skillColumns = new Map<number, string>();
  let roleColumn: number | undefined;
  const seenHeaders = new Map<string, number>();
  header.forEach((cell, index) => {
    const name = cell.trim();
    const column = spreadsheetColumn(index);
    if (name === '') return;
    const first = seenHeaders.get(name);
    if (first !== undefined) {
      problems.push({ line: 1, column, message: `column "${name}" appears twice (also column ${spreadsheetColumn(first)})` });
      return;
    }
    seenHeaders.set(name, index);
    if (name === GRID_ROLE_COLUMN) roleColumn = index;
    else if (name === GRID_TITLE_COLUMN) return;
    else if (skillKeys.has(name)) skillColumns.set(index, name);
    else problems.push({ line: 1, column, message: `unknown skill "${name}"` });
  });
  if (roleColumn === undefined) {
    problems.push({ line: 1, column: null, message: `the header has no "${GRID_ROLE_COLUMN}" column` });
    return { ok: false, problems };
  }

  const scales = skillScales(document);
  type Cell = { level: number | null; optional: boolean };
  const readLevel = (skillKey: string, cell: string): Cell | { message: string } => {
    let value = cell.trim();
    const optional = value.toLowerCase().endsWith(GRID_OPTIONAL_MARK);
    if (optional) value = value.slice(0, -GRID_OPTIONAL_MARK.length).trim();
    if (value === '') return optional ? { message: `"${cell.trim()}" needs a level before ${GRID_OPTIONAL_MARK}` } : { level: null, optional };
    const scale = scales.get(skillKey);
    const steps = scale?.levels ?? [];
    const max = scale?.max ?? 0;
    const whose = scale?.name ? `scale "${scale.name}"` : 'the scale';
    const named = steps.find((step) => step.name.trim().toLowerCase() === value.toLowerCase());
    if (named !== undefined) return { level: named.level, optional };
    if (!/^-?[0-9]+$/.test(value)) return { message: `"${value}" is not a level: use a number from 1 to ${max} or a level name${scale?.name ? ` of ${whose}` : ''}` };
    const level = Number(value);
    if (level < 1) return { message: `level ${level} is below ${whose}'s minimum 1` };
    if (level > max) return { message: `level ${level} is above ${whose}'s maximum ${max}` };
    if (!steps.some((step) => step.level === level)) return { message: `level ${level} is not on ${whose}` };
    return { level, optional };
  };

  const rolesByKey = new Map(document.roles.map((role) => [role.key, role]));
  const updates = new Map<string, Map<string, Cell>>();
  const firstLine = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = index + 2;
    if (row.every((cell) => cell.trim() === '')) return;
    const roleKey = (row[roleColumn as number] ?? '').trim();
    const roleAt = spreadsheetColumn(roleColumn as number);
    if (roleKey === '') {
      problems.push({ line, column: roleAt, message: 'the role key is empty' });
      return;
    }
    if (!rolesByKey.has(roleKey)) {
      problems.push({ line, column: roleAt, message: `unknown role "${roleKey}"` });
      return;
    }
    const first = firstLine.get(roleKey);
    if (first !== undefined) {
      problems.push({ line, column: roleAt, message: `role "${roleKey}" appears twice (also line ${first})` });
      return;
    }
    firstLine.set(roleKey, line);
    if (row.length > header.length) {
      problems.push({ line, column: spreadsheetColumn(header.length), message: `the row has ${row.length} cells but the header has ${header.length}` });
    }
    const levels = new Map<string, Cell>();
    for (const [index, skillKey] of skillColumns) {
      const read = readLevel(skillKey, row[index] ?? '');
      if ('message' in read) problems.push({ line, column: spreadsheetColumn(index), message: `${skillKey}: ${read.message}` });
      else levels.set(skillKey, read);
    }
    updates.set(roleKey, levels);
  });
  if (problems.length > 0) return { ok: false, problems };

  const skillOrder = document.skills.map((skill) => skill.key);
  const roles = document.roles.map((role) => {
    const levels = updates.get(role.key);
    if (!levels) return role;
    const merged = new Map(Object.entries(role.expectations));
    const details = new Map<string, ExpectationDetail>(Object.entries(role.expectationDetails ?? {}));
    for (const [skillKey, cell] of levels) {
      const { optional: _optional, ...kept } = details.get(skillKey) ?? {};
      if (cell.level === null) {
        merged.delete(skillKey);
        details.delete(skillKey);
        continue;
      }
      merged.set(skillKey, cell.level);
      const detail: ExpectationDetail = cell.optional ? { ...kept, optional: true } : kept;
      if (Object.keys(detail).length > 0) details.set(skillKey, detail);
      else details.delete(skillKey);
    }
    const ordered = [...skillOrder.filter((key) => merged.has(key)), ...[...merged.keys()].filter((key) => !skillKeys.has(key))];
    const { expectationDetails: _details, ...rest } = role;
    const detailEntries = ordered.filter((key) => details.has(key)).map((key) => [key, details.get(key) as ExpectationDetail] as const);
    return {
      ...rest,
      expectations: Object.fromEntries(ordered.map((key) => [key, merged.get(key) as number])),
      ...(detailEntries.length > 0 ? { expectationDetails: Object.fromEntries(detailEntries) } : {}),
    };
  });
  return { ok: true, document: { ...document, roles } };
}
