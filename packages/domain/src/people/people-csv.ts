import { compareText } from '../framework/roles.js';
import { normaliseEmail } from './accounts.js';
import type { ExistingPerson } from './people-import.js';

/**
 * The people CSV: one person per row, in this column order. The same columns are read by
 * {@link planPeopleImport} and written by {@link peopleCsvRecords}, so an export can be edited in a
 * spreadsheet and imported back.
 */
export const PEOPLE_CSV_COLUMNS = ['email', 'name', 'team', 'manager_email', 'job_title', 'role'] as const;
export type PeopleCsvColumn = (typeof PEOPLE_CSV_COLUMNS)[number];
/** The columns an import must have. */
export const REQUIRED_PEOPLE_CSV_COLUMNS: readonly PeopleCsvColumn[] = ['email', 'name'];

export function isPeopleCsvColumn(name: string): name is PeopleCsvColumn {
  return (PEOPLE_CSV_COLUMNS as readonly string[]).includes(name);
}

/**
 * The column a header cell names: trimmed, lower-case, with spaces and hyphens read as "_", so
 * `Email`, ` Manager Email ` and `job-title` are all understood. Returns the normalised text even
 * when it is not a known column (check with {@link isPeopleCsvColumn}).
 */
export function peopleCsvColumnOf(headerCell: string): string {
  return headerCell.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** Spreadsheets run a cell that starts with one of these as a formula ("CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a cell safe to open in a spreadsheet: text that a spreadsheet would run as a formula gets a
 * leading apostrophe (`=SUM(A1)` → `'=SUM(A1)`). {@link unguardSpreadsheetCell} undoes it on import.
 */
export function guardSpreadsheetCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes {@link guardSpreadsheetCell}: `'=SUM(A1)` → `=SUM(A1)`; any other text is returned as is. */
export function unguardSpreadsheetCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export interface PeopleCsvOptions {
  /** Include people who are no longer active (default false). Importing them back changes nothing. */
  includeInactive?: boolean;
  /** Guard cells that a spreadsheet would run as formulas (default true); see {@link guardSpreadsheetCell}. */
  guardFormulas?: boolean;
}

/**
 * The people CSV as records ready for csv-stringify: the header ({@link PEOPLE_CSV_COLUMNS}) first,
 * then one row per person sorted by e-mail. Roles are written as role keys, resolved from `roles`
 * (the roles of the framework version imports are checked against); a role id that is not among
 * them is written as an empty cell, which an import reads as "leave as is". Absent values are empty
 * cells. Importing the result with the same people, roles and teams plans every row as `unchanged`.
 */
export function peopleCsvRecords(
  people: readonly ExistingPerson[],
  roles: readonly { id: string; key: string }[],
  options: PeopleCsvOptions = {},
): string[][] {
  const { includeInactive = false, guardFormulas = true } = options;
  const roleKeyById = new Map(roles.map((role) => [role.id, role.key]));
  const cell = (text: string | null | undefined) => {
    const value = text ?? '';
    return guardFormulas ? guardSpreadsheetCell(value) : value;
  };
  const rows = people
    .filter((person) => includeInactive || person.active)
    .map((person) => ({ email: normaliseEmail(person.email), person }))
    .sort((a, b) => compareText(a.email, b.email))
    .map(({ email, person }) => {
      const values: Record<PeopleCsvColumn, string> = {
        email: cell(email),
        name: cell(person.name),
        team: cell(person.teamPath),
        manager_email: cell(person.managerEmail === null ? null : normaliseEmail(person.managerEmail)),
        job_title: cell(person.jobTitle),
        role: cell(person.roleId === null ? null : roleKeyById.get(person.roleId)),
      };
      return PEOPLE_CSV_COLUMNS.map((column) => values[column]);
    });
  return [[...PEOPLE_CSV_COLUMNS], ...rows];
}

/** The separators spreadsheets write between columns: commas, semicolons (where "," is the decimal mark), tabs. */
export const PEOPLE_CSV_SEPARATORS = [',', ';', '\t'] as const;
export type PeopleCsvSeparator = (typeof PEOPLE_CSV_SEPARATORS)[number];

const SEPARATOR_NAMES: Record<string, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'vertical bars' };

/** The cells of one line split on `separator`, outside double quotes (enough to read a header). */
function splitLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (char === separator && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** The header line: the first line that is neither blank nor a comment ("#..."), after a byte-order mark. */
function headerLine(text: string): string | null {
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    return line;
  }
  return null;
}

/**
 * Which separator a people CSV uses, read from its header: the one that splits it into the most known
 * columns (commas on a tie). When none finds both required columns, `problem` says why in words a
 * spreadsheet user understands, naming the separator when it looks like the cause.
 */
export function detectPeopleCsvSeparator(text: string): { separator: PeopleCsvSeparator; problem: string | null } {
  const line = headerLine(text);
  if (line === null) return { separator: ',', problem: null };
  const known = (separator: string) => splitLine(line, separator).filter((cell) => isPeopleCsvColumn(peopleCsvColumnOf(cell)));
  let best: { separator: PeopleCsvSeparator; count: number } = { separator: ',', count: known(',').length };
  for (const separator of PEOPLE_CSV_SEPARATORS) {
    const count = known(separator).length;
    if (count > best.count) best = { separator, count };
  }
  const found = new Set(known(best.separator).map(peopleCsvColumnOf));
  if (REQUIRED_PEOPLE_CSV_COLUMNS.every((column) => found.has(column))) return { separator: best.separator, problem: null };
  // Some other separator (or none) between the column names: say so rather than "unknown column".
  const other = ['|', ...PEOPLE_CSV_SEPARATORS].find((separator) => separator !== best.separator && line.includes(separator));
  if (other && !PEOPLE_CSV_SEPARATORS.includes(other as PeopleCsvSeparator)) {
    return {
      separator: best.separator,
      problem: `the columns seem to be separated by ${SEPARATOR_NAMES[other]}: save the file as CSV with commas, semicolons or tabs between columns`,
    };
  }
  if (!/[,;\t]/.test(line) && line.trim().includes(' ') && splitLine(line, ' ').some((cell) => isPeopleCsvColumn(peopleCsvColumnOf(cell)))) {
    return {
      separator: best.separator,
      problem: 'the header has no separator between columns (spaces are not one): save the file as CSV with commas, semicolons or tabs between columns',
    };
  }
  return { separator: best.separator, problem: null };
}

export interface PeopleCsvTemplateContext {
  /** Team paths, such as Delivery/PMO. */
  teamPaths: readonly string[];
  /** Titles of the roles people can be placed in. */
  roleTitles: readonly string[];
  /** An example row (usually the admin's own). */
  example: { email: string; name: string; teamPath: string | null; jobTitle: string | null; roleTitle: string | null };
}

/**
 * A people CSV to fill in: the header, comment lines ("# ...", skipped by the import) listing the
 * organisation's teams and role titles, and one example row. The comment lines are single cells, so a
 * spreadsheet shows each on its own row.
 */
export function peopleCsvTemplate(context: PeopleCsvTemplateContext): string[][] {
  const list = (items: readonly string[], none: string) => (items.length > 0 ? [...items].sort(compareText).join(' | ') : none);
  const { example } = context;
  return [
    [...PEOPLE_CSV_COLUMNS],
    ['# Lines starting with # are notes and the import skips them. One person per line. email and name are required.'],
    [`# team: a path such as Delivery/PMO; new teams are created. Teams now: ${list(context.teamPaths, 'none yet')}`],
    [`# role: one of these role titles: ${list(context.roleTitles, 'none yet (publish a framework first)')}`],
    ['# manager_email: the e-mail of someone in this file or already in Trellis'],
    PEOPLE_CSV_COLUMNS.map((column) =>
      guardSpreadsheetCell(
        {
          email: example.email,
          name: example.name,
          team: example.teamPath ?? '',
          manager_email: '',
          job_title: example.jobTitle ?? '',
          role: example.roleTitle ?? '',
        }[column],
      ),
    ),
  ];
}
