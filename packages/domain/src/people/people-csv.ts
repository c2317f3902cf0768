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
