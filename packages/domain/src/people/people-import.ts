import { compareText } from '../framework/roles.js';
import { isEmailAddress, normaliseEmail } from './accounts.js';
import { successorCycles } from './cycles.js';
import {
  PEOPLE_CSV_COLUMNS,
  REQUIRED_PEOPLE_CSV_COLUMNS,
  isPeopleCsvColumn,
  peopleCsvColumnOf,
  unguardSpreadsheetCell,
  type PeopleCsvColumn,
} from './people-csv.js';
import { formatTeamPath, parseTeamPath } from './teams.js';

/**
 * The pure half of "import people and teams from CSV": the API parses the file into records (header
 * row = line 1), calls {@link planPeopleImport} with what the organisation already holds, shows the
 * plan, and applies it only when `ok`.
 */

export const MAX_PERSON_NAME_LENGTH = 200;
export const MAX_JOB_TITLE_LENGTH = 200;

/** A person the organisation already holds, as the import needs to see them. */
export interface ExistingPerson {
  id: string;
  email: string;
  name: string;
  jobTitle: string | null;
  /** e.g. `Delivery/PMO`; see {@link parseTeamPath}. */
  teamPath: string | null;
  managerEmail: string | null;
  roleId: string | null;
  active: boolean;
}

/** A role of the framework version the import is checked against. */
export interface ImportRole {
  id: string;
  key: string;
  title: string;
}

export interface PeopleImportRecord {
  /** The line of the file the record came from (the header is line 1). */
  line: number;
  /**
   * The cells, keyed by the header cell as written in the file (as csv-parse's `columns: true`
   * gives them) or by the column name (`manager_email`). A missing cell is read as empty.
   */
  values: Readonly<Record<string, string | undefined>>;
}

export interface PeopleImportInput {
  /** The header row as written in the file. */
  header: readonly string[];
  rows: readonly PeopleImportRecord[];
}

export interface PeopleImportContext {
  existingPeople: readonly ExistingPerson[];
  /** The roles of the framework version people are placed in. */
  roles: readonly ImportRole[];
  /** The path of every existing team (parents are implied: `Delivery/PMO` implies `Delivery`). */
  existingTeamPaths: readonly string[];
}

/** One thing wrong with the file, located by line and column, in words the person who wrote it understands. */
export interface PeopleImportProblem {
  line: number;
  /** A column of {@link PEOPLE_CSV_COLUMNS} (or, for a header problem, the header cell as written); null for the whole line/file. */
  column: string | null;
  message: string;
}

export type PlannedPersonAction = 'create' | 'update' | 'unchanged';

/** What one row of the file would do: the person's values after the import, and how that differs. */
export interface PlannedPersonRow {
  line: number;
  /** Trimmed and lower-case. */
  email: string;
  name: string;
  jobTitle: string | null;
  /** Team names trimmed and joined by "/"; spelt as the existing team when it differs only in case. */
  teamPath: string | null;
  /** Trimmed and lower-case. */
  managerEmail: string | null;
  roleId: string | null;
  action: PlannedPersonAction;
  existingPersonId: string | null;
}

export interface PeopleImportPlan {
  /** False whenever there is any problem; nothing may then be written. */
  ok: boolean;
  /** Sorted by line, then column order. */
  problems: PeopleImportProblem[];
  /**
   * One row per data row that can be applied as it stands, in file order (all of them when `ok`).
   * Rows with a problem of their own, every row of a repeated e-mail, and rows in a loop of
   * managers are left out. Blank rows are skipped.
   */
  rows: PlannedPersonRow[];
  creates: number;
  updates: number;
  unchanged: number;
  /** Team paths to create before placing people, parents before children, sorted by name at each level. */
  teamsToCreate: string[];
}

interface ParsedRow {
  line: number;
  /** Normalised; null when missing or not an e-mail address. */
  email: string | null;
  name: string | null;
  /** For the optional columns, undefined means an empty cell (or one with a problem): leave as is. */
  team: string[] | undefined;
  managerEmail: string | undefined;
  jobTitle: string | undefined;
  roleId: string | undefined;
}

/**
 * Plans a people import: an upsert by e-mail address that never removes anyone.
 *
 * - A row whose e-mail matches an existing person (case-insensitively) updates that person; any other
 *   row creates a person. People absent from the file are untouched.
 * - An empty optional cell (`team`, `manager_email`, `job_title`, `role`) means "leave as is" for an
 *   existing person and "none" for a new one; an import cannot clear a value.
 * - A row that would change nothing is `unchanged`.
 * - `role` is a role key or title, matched case-insensitively (key first).
 * - Teams are matched by path case-insensitively; paths (and parents) that do not exist yet are listed
 *   in `teamsToCreate`.
 * - Managers must be in the file or in the organisation. Loops of managers are checked on the
 *   organisation as it would be after the import (each row's manager replacing the person's current one).
 * - An import does not change whether a person is active; a manager who is no longer active can stay
 *   a person's manager but cannot newly become one.
 * - Cells are trimmed; a leading apostrophe that guards a formula-like cell is removed
 *   (see `guardSpreadsheetCell`).
 *
 * Every problem is reported (not just the first), and `ok` is false whenever there is one.
 */
export function planPeopleImport(input: PeopleImportInput, context: PeopleImportContext): PeopleImportPlan {
  const problems: PeopleImportProblem[] = [];
  const problem = (line: number, column: string | null, message: string) => problems.push({ line, column, message });
  const finish = (rows: PlannedPersonRow[] = [], teamsToCreate: string[] = []): PeopleImportPlan => {
    problems.sort((a, b) => a.line - b.line || columnRank(a.column) - columnRank(b.column));
    const count = (action: PlannedPersonAction) => rows.filter((row) => row.action === action).length;
    return {
      ok: problems.length === 0,
      problems,
      rows,
      creates: count('create'),
      updates: count('update'),
      unchanged: count('unchanged'),
      teamsToCreate,
    };
  };

  // --- Header (line 1) ------------------------------------------------------------------------------
  if (input.header.length === 0 || input.header.every((cell) => cell.trim() === '')) {
    problem(1, null, 'the file is empty: it needs a header row naming the columns');
    return finish();
  }
  const sourceOf = new Map<PeopleCsvColumn, string>();
  input.header.forEach((raw, index) => {
    const column = peopleCsvColumnOf(raw);
    if (column === '') {
      if (input.rows.some((row) => (row.values[raw] ?? '').trim() !== '')) {
        problem(1, null, `column ${index + 1} has values but no name in the header`);
      }
      return;
    }
    if (!isPeopleCsvColumn(column)) {
      problem(1, raw.trim(), `unknown column "${raw.trim()}" (the columns are ${PEOPLE_CSV_COLUMNS.join(', ')})`);
      return;
    }
    if (sourceOf.has(column)) {
      problem(1, raw.trim(), `column "${column}" appears more than once`);
      return;
    }
    sourceOf.set(column, raw);
  });
  const missing = REQUIRED_PEOPLE_CSV_COLUMNS.filter((column) => !sourceOf.has(column));
  for (const column of missing) problem(1, column, `the required column "${column}" is missing`);

  const records = input.rows.filter((row) => Object.values(row.values).some((v) => (v ?? '').trim() !== ''));
  if (records.length === 0) {
    problem(1, null, 'the file has no people in it, only a header row');
    return finish();
  }
  if (missing.length > 0) return finish();

  const cell = (record: PeopleImportRecord, column: PeopleCsvColumn): string => {
    const source = sourceOf.get(column);
    if (source === undefined) return '';
    const value = record.values[source] ?? record.values[column] ?? '';
    return unguardSpreadsheetCell(value.trim()).trim();
  };

  // --- Each row on its own ------------------------------------------------------------------------
  const bad = new Set<number>();
  const rowProblem = (line: number, column: PeopleCsvColumn, message: string) => {
    problem(line, column, message);
    bad.add(line);
  };
  const roles = roleMatcher(context.roles);
  const parsed: ParsedRow[] = records.map((record) => {
    const { line } = record;
    const row: ParsedRow = {
      line,
      email: null,
      name: null,
      team: undefined,
      managerEmail: undefined,
      jobTitle: undefined,
      roleId: undefined,
    };

    const email = cell(record, 'email');
    if (email === '') rowProblem(line, 'email', 'email is empty');
    else if (!isEmailAddress(normaliseEmail(email))) rowProblem(line, 'email', `"${email}" is not an e-mail address`);
    else row.email = normaliseEmail(email);

    const name = cell(record, 'name');
    if (name === '') rowProblem(line, 'name', 'name is empty');
    else if ([...name].length > MAX_PERSON_NAME_LENGTH) {
      rowProblem(line, 'name', `name is longer than ${MAX_PERSON_NAME_LENGTH} characters`);
    } else row.name = name;

    const team = cell(record, 'team');
    if (team !== '') {
      const segments = parseTeamPath(team);
      if (Array.isArray(segments)) row.team = segments;
      else rowProblem(line, 'team', segments.problem);
    }

    const manager = cell(record, 'manager_email');
    if (manager !== '') {
      if (!isEmailAddress(normaliseEmail(manager))) rowProblem(line, 'manager_email', `"${manager}" is not an e-mail address`);
      else if (row.email !== null && normaliseEmail(manager) === row.email) {
        rowProblem(line, 'manager_email', 'a person cannot manage themselves');
      } else row.managerEmail = normaliseEmail(manager);
    }

    const jobTitle = cell(record, 'job_title');
    if ([...jobTitle].length > MAX_JOB_TITLE_LENGTH) {
      rowProblem(line, 'job_title', `job title is longer than ${MAX_JOB_TITLE_LENGTH} characters`);
    } else if (jobTitle !== '') row.jobTitle = jobTitle;

    const role = cell(record, 'role');
    if (role !== '') {
      const match = roles(role);
      if ('roleId' in match) row.roleId = match.roleId;
      else rowProblem(line, 'role', match.problem);
    }
    return row;
  });

  // --- Rows against each other and against the organisation ----------------------------------------
  const existingByEmail = new Map<string, ExistingPerson>();
  for (const person of context.existingPeople) {
    const email = normaliseEmail(person.email);
    if (!existingByEmail.has(email)) existingByEmail.set(email, person);
  }

  const firstByEmail = new Map<string, ParsedRow>();
  for (const row of parsed) {
    if (row.email === null) continue;
    const first = firstByEmail.get(row.email);
    if (!first) {
      firstByEmail.set(row.email, row);
      continue;
    }
    problem(first.line, 'email', `${row.email} appears again on line ${row.line}`);
    bad.add(first.line);
    bad.add(row.line);
  }

  const currentManager = (person: ExistingPerson | undefined) =>
    person?.managerEmail ? normaliseEmail(person.managerEmail) : null;

  for (const row of parsed) {
    const manager = row.managerEmail;
    if (manager === undefined) continue;
    const managerPerson = existingByEmail.get(manager);
    if (!firstByEmail.has(manager) && !managerPerson) {
      rowProblem(row.line, 'manager_email', `manager ${manager} is neither in this file nor in the organisation`);
    } else if (managerPerson && !managerPerson.active) {
      const person = row.email === null ? undefined : existingByEmail.get(row.email);
      if (currentManager(person) !== manager) {
        rowProblem(row.line, 'manager_email', `manager ${manager} is no longer active in the organisation`);
      }
    }
  }

  // Loops of managers, on the organisation as it would be after the import.
  const managerOf = new Map<string, string | null>();
  for (const [email, person] of existingByEmail) managerOf.set(email, currentManager(person));
  for (const [email, row] of firstByEmail) {
    managerOf.set(email, row.managerEmail ?? currentManager(existingByEmail.get(email)));
  }
  for (const [email, manager] of managerOf) if (manager === email) managerOf.set(email, null);
  for (const cycle of successorCycles([...managerOf.keys()], managerOf)) {
    const inFile = cycle.filter((email) => firstByEmail.has(email));
    if (inFile.length === 0) continue; // an existing loop the file does not touch
    const start = inFile.reduce((a, b) => (firstByEmail.get(b)!.line < firstByEmail.get(a)!.line ? b : a));
    const at = cycle.indexOf(start);
    const loop = [...cycle.slice(at), ...cycle.slice(0, at), start];
    problem(firstByEmail.get(start)!.line, 'manager_email', `managers form a loop: ${loop.join(' → ')}`);
    for (const email of inFile) bad.add(firstByEmail.get(email)!.line);
  }

  // --- The plan ------------------------------------------------------------------------------------
  const teams = teamResolver(context.existingTeamPaths);
  const planned: PlannedPersonRow[] = [];
  for (const row of parsed) {
    if (bad.has(row.line) || row.email === null || row.name === null) continue;
    const existing = existingByEmail.get(row.email);
    const before = existing ? existingValues(existing) : null;
    const after = {
      name: row.name,
      jobTitle: row.jobTitle ?? before?.jobTitle ?? null,
      teamPath: row.team ? teams.resolve(row.team) : (before?.teamPath ?? null),
      managerEmail: row.managerEmail ?? before?.managerEmail ?? null,
      roleId: row.roleId ?? before?.roleId ?? null,
    };
    const action: PlannedPersonAction = !before
      ? 'create'
      : (Object.keys(after) as (keyof typeof after)[]).every((field) => after[field] === before[field])
        ? 'unchanged'
        : 'update';
    planned.push({ line: row.line, email: row.email, ...after, action, existingPersonId: existing?.id ?? null });
  }
  return finish(planned, teams.created());
}

/** An existing person's values in the form the plan compares (trimmed, normalised, empty → null). */
function existingValues(person: ExistingPerson) {
  const teamSegments = person.teamPath === null || person.teamPath.trim() === '' ? null : parseTeamPath(person.teamPath);
  return {
    name: person.name,
    jobTitle: person.jobTitle?.trim() || null,
    teamPath: teamSegments === null ? null : Array.isArray(teamSegments) ? formatTeamPath(teamSegments) : person.teamPath,
    managerEmail: person.managerEmail?.trim() ? normaliseEmail(person.managerEmail) : null,
    roleId: person.roleId,
  };
}

function columnRank(column: string | null): number {
  if (column === null) return -1;
  const index = (PEOPLE_CSV_COLUMNS as readonly string[]).indexOf(column);
  return index === -1 ? PEOPLE_CSV_COLUMNS.length : index;
}

/**
 * Resolves team paths against the existing ones, case-insensitively, keeping the existing spelling
 * (`delivery/pmo` → `Delivery/PMO`) and the first spelling of new teams; remembers the new ones.
 */
function teamResolver(existingTeamPaths: readonly string[]) {
  const known = new Map<string, string[]>();
  const created: string[][] = [];
  const keyOf = (segments: readonly string[]) => formatTeamPath(segments).toLowerCase();
  for (const path of existingTeamPaths) {
    const segments = parseTeamPath(path);
    if (!Array.isArray(segments)) continue;
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i);
      if (!known.has(keyOf(prefix))) known.set(keyOf(prefix), prefix);
    }
  }
  return {
    resolve(segments: readonly string[]): string {
      let canonical: string[] = [];
      for (let i = 1; i <= segments.length; i++) {
        const key = keyOf(segments.slice(0, i));
        const found = known.get(key);
        if (found) canonical = found;
        else {
          canonical = [...canonical, segments[i - 1]!];
          known.set(key, canonical);
          created.push(canonical);
        }
      }
      return formatTeamPath(canonical);
    },
    created(): string[] {
      return [...created]
        .sort((a, b) => {
          for (let i = 0; i < Math.min(a.length, b.length); i++) {
            const order = compareText(a[i]!, b[i]!);
            if (order !== 0) return order;
          }
          return a.length - b.length;
        })
        .map(formatTeamPath);
    },
  };
}

const normaliseRoleText = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Matches a role cell to a role by key, then by title; otherwise a problem with a suggestion. */
function roleMatcher(roles: readonly ImportRole[]) {
  return (text: string): { roleId: string } | { problem: string } => {
    const wanted = normaliseRoleText(text);
    const byKey = roles.find((role) => role.key.toLowerCase() === wanted);
    if (byKey) return { roleId: byKey.id };
    const byTitle = roles.filter((role) => normaliseRoleText(role.title) === wanted);
    if (byTitle.length === 1) return { roleId: byTitle[0]!.id };
    if (byTitle.length > 1) {
      return {
        problem: `role "${text}" could be any of ${byTitle.map((role) => role.key).join(', ')}; use the role key`,
      };
    }
    // Close to a title or a key, the hint names the role's title: keys are internal, and after a rename
    // the old title is often still close to the key.
    let best: { label: string; distance: number } | null = null;
    for (const role of roles) {
      for (const label of [role.title, role.key]) {
        const distance = editDistance(wanted, normaliseRoleText(label));
        if (!best || distance < best.distance) best = { label: role.title, distance };
      }
    }
    const suggestion =
      best && best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? ` (did you mean "${best.label}"?)` : '';
    return { problem: `no role "${text}" in the framework${suggestion}` };
  };
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = value;
    }
  }
  return rows[s.length]![t.length]!;
}
