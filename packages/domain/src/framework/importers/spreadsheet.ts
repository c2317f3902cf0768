import { MAX_SCALE_LEVELS, type FrameworkDocumentInput, type LevelDescriptor } from '../document.js';
import { spreadsheetColumn } from '../expectations-grid.js';
import {
  KeyMaker,
  NO_SUMMARY,
  assembleDocument,
  assumedPromotions,
  fitLine,
  fitText,
  quoteName,
  type CollectedSkill,
  type ConversionResult,
  type ImportFile,
  type ImportNote,
} from './common.js';
import { parseCsv } from './csv.js';

/**
 * The documented spreadsheet layout (docs/IMPORTING.md): a sheet (or CSV file) of skills and levels,
 * one row per level of a skill, and a sheet of roles and expectations, one row per role and skill.
 * Which table is which is read from the header row (the roles table has a "Role" column). An .xlsx
 * workbook is read in the browser into the same two tables, named "<book>.xlsx, sheet <name>".
 */
export const SKILL_COLUMNS = ['Category', 'Skill', 'Skill description', 'Level', 'Level name', 'Summary', 'Criteria', 'Examples'] as const;
export const ROLE_COLUMNS = ['Track', 'Role', 'Rung', 'Role summary', 'Responsibilities', 'Skill', 'Expected level', 'Optional', 'Weight', 'Statement'] as const;

type SkillColumn = 'category' | 'skill' | 'description' | 'level' | 'levelName' | 'summary' | 'criteria' | 'examples';
type RoleColumn = 'track' | 'role' | 'rung' | 'roleSummary' | 'responsibilities' | 'skill' | 'expected' | 'optional' | 'weight' | 'statement';

const norm = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const SKILL_HEADERS: Record<string, SkillColumn> = {
  category: 'category', skillcategory: 'category', skill: 'skill', skillname: 'skill', skilldescription: 'description', description: 'description',
  level: 'level', levelname: 'levelName', summary: 'summary', levelsummary: 'summary', descriptor: 'summary', criteria: 'criteria', examples: 'examples',
};
const ROLE_HEADERS: Record<string, RoleColumn> = {
  track: 'track', role: 'role', roletitle: 'role', rung: 'rung', rolelevel: 'rung', rolesummary: 'roleSummary', summary: 'roleSummary',
  responsibilities: 'responsibilities', skill: 'skill', expectedlevel: 'expected', expected: 'expected', level: 'expected', optional: 'optional',
  weight: 'weight', statement: 'statement', rolestatement: 'statement',
};

interface Table<C extends string> {
  file: string;
  columns: Map<C, number>;
  rows: Array<{ row: number; cells: string[] }>;
}

function readTable<C extends string>(file: ImportFile, rows: string[][], headers: Record<string, C>, warnings: ImportNote[]): Table<C> {
  const header = rows[0] ?? [];
  const columns = new Map<C, number>();
  header.forEach((cell, index) => {
    const column = headers[norm(cell)];
    if (column === undefined) {
      if (cell.trim() !== '') warnings.push({ where: `${file.name}, cell ${spreadsheetColumn(index)}1`, message: `left out the column "${cell.trim()}": it is not one of the layout's` });
    } else if (columns.has(column)) warnings.push({ where: `${file.name}, cell ${spreadsheetColumn(index)}1`, message: `the column "${cell.trim()}" appears twice: the first is read` });
    else columns.set(column, index);
  });
  return { file: file.name, columns, rows: rows.slice(1).map((cells, i) => ({ row: i + 2, cells })) };
}

function cellOf<C extends string>(table: Table<C>, row: { cells: string[] }, column: C): string {
  const index = table.columns.get(column);
  return index === undefined ? '' : (row.cells[index] ?? '').trim();
}
const at = <C extends string>(table: Table<C>, row: { row: number }, column?: C) =>
  column !== undefined && table.columns.has(column) ? `${table.file}, cell ${spreadsheetColumn(table.columns.get(column)!)}${row.row}` : `${table.file}, row ${row.row}`;

/** Items of a cell, one per line; a leading "-", "*" or "•" is a list marker, not text. */
const itemsOf = (cell: string) => cell.split(/\r?\n/).map((line) => line.replace(/^\s*(?:[-*•]\s+)/, '').trim()).filter((line) => line !== '');

function flag(value: string): boolean | undefined {
  const v = value.toLowerCase();
  if (['yes', 'y', 'true', 'x', '1', 'optional'].includes(v)) return true;
  if (['', 'no', 'n', 'false', '0', 'required'].includes(v)) return false;
  return undefined;
}

export function importSpreadsheet(files: readonly ImportFile[]): ConversionResult {
  const warnings: ImportNote[] = [];
  const problems: ImportNote[] = [];
  let skillsTable: Table<SkillColumn> | undefined;
  let rolesTable: Table<RoleColumn> | undefined;
  for (const file of files) {
    const parsed = parseCsv(file.text);
    if (!parsed.ok) {
      problems.push({ where: `${file.name}, line ${parsed.line}`, message: `not valid CSV: ${parsed.message}` });
      continue;
    }
    const header = (parsed.table.rows[0] ?? []).map(norm);
    if (header.includes('role') || header.includes('roletitle')) {
      if (rolesTable) problems.push({ where: file.name, message: `a second table of roles (the first is ${rolesTable.file}): give one of skills and one of roles` });
      else rolesTable = readTable(file, parsed.table.rows, ROLE_HEADERS, warnings);
    } else if (header.includes('skill') || header.includes('skillname')) {
      if (skillsTable) problems.push({ where: file.name, message: `a second table of skills (the first is ${skillsTable.file}): give one of skills and one of roles` });
      else skillsTable = readTable(file, parsed.table.rows, SKILL_HEADERS, warnings);
    } else {
      problems.push({ where: `${file.name}, row 1`, message: 'its header row has neither a "Skill" column (skills and levels) nor a "Role" column (roles and expectations)' });
    }
  }
  if (problems.length > 0) return { ok: false, warnings, problems };
  if (!skillsTable) return { ok: false, warnings, problems: [{ where: 'The files', message: 'no table of skills: its header row needs the columns Skill and Level (see the template)' }] };
  if (!rolesTable) return { ok: false, warnings, problems: [{ where: 'The files', message: 'no table of roles: its header row needs the columns Track, Role, Skill and Expected level (see the template)' }] };

  // Skills and their levels.
  const categoryKeys = new KeyMaker();
  const skillKeys = new KeyMaker();
  const categories: Array<{ key: string; name: string }> = [];
  const categoryByName = new Map<string, string>();
  const skills: Array<CollectedSkill & { names: Map<number, string> }> = [];
  const skillByName = new Map<string, (typeof skills)[number]>();
  let uncategorised = 0;
  const s = skillsTable;
  for (const row of s.rows) {
    const name = cellOf(s, row, 'skill');
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (name === '') {
      warnings.push({ where: at(s, row, 'skill'), message: 'left out the row: it names no skill' });
      continue;
    }
    let skill = skillByName.get(name.toLowerCase());
    if (!skill) {
      let categoryName = cellOf(s, row, 'category');
      if (categoryName === '') {
        categoryName = 'Skills';
        uncategorised++;
      }
      categoryName = fitLine(categoryName, at(s, row, 'category'), warnings);
      let categoryKey = categoryByName.get(categoryName.toLowerCase());
      if (!categoryKey) {
        categoryKey = categoryKeys.take(categoryName);
        categoryByName.set(categoryName.toLowerCase(), categoryKey);
        categories.push({ key: categoryKey, name: categoryName });
      }
      const skillName = fitLine(name, at(s, row, 'skill'), warnings);
      skill = { key: skillKeys.take(skillName), name: skillName, categoryKey, scale: [], levels: {}, names: new Map() };
      skills.push(skill);
      skillByName.set(name.toLowerCase(), skill);
    }
    const description = cellOf(s, row, 'description');
    if (description !== '') {
      if (skill.description && skill.description !== description) warnings.push({ where: at(s, row, 'description'), message: `skill ${quoteName(skill.name)} has another description on an earlier row: the first is kept` });
      else skill.description = fitText(description, at(s, row, 'description'), warnings);
    }
    const levelCell = cellOf(s, row, 'level');
    if (levelCell === '') continue;
    const level = Number(levelCell);
    if (!Number.isInteger(level) || level < 1 || level > MAX_SCALE_LEVELS) {
      warnings.push({ where: at(s, row, 'level'), message: `left out the row: the level "${levelCell}" is not a whole number from 1 to ${MAX_SCALE_LEVELS}` });
      continue;
    }
    if (skill.names.has(level)) {
      warnings.push({ where: at(s, row, 'level'), message: `skill ${quoteName(skill.name)} lists level ${level} twice: the later row is left out` });
      continue;
    }
    const levelName = cellOf(s, row, 'levelName');
    skill.names.set(level, levelName === '' ? `Level ${level}` : fitLine(levelName, at(s, row, 'levelName'), warnings));
    const summary = cellOf(s, row, 'summary');
    const descriptor: LevelDescriptor = {
      ...(summary !== '' ? { summary: fitText(summary, at(s, row, 'summary'), warnings) } : {}),
      criteria: itemsOf(cellOf(s, row, 'criteria')).map((c) => fitText(c, at(s, row, 'criteria'), warnings)),
      examples: itemsOf(cellOf(s, row, 'examples')).map((e) => fitText(e, at(s, row, 'examples'), warnings)),
    };
    // A level without summary, criteria or examples is named but has no descriptor (never invented).
    if (descriptor.summary !== undefined || descriptor.criteria.length > 0 || descriptor.examples.length > 0) skill.levels[String(level)] = descriptor;
  }
  if (uncategorised > 0) warnings.push({ where: s.file, message: `${uncategorised} skill${uncategorised === 1 ? ' has' : 's have'} no category: put in "Skills"` });
  for (const skill of skills) {
    const top = Math.max(0, ...skill.names.keys());
    const missing: number[] = [];
    for (let level = 1; level <= top; level++) {
      if (!skill.names.has(level)) missing.push(level);
      skill.scale.push(skill.names.get(level) ?? `Level ${level}`);
    }
    if (missing.length > 0) warnings.push({ where: `Skill ${quoteName(skill.name)}`, message: `no row for level${missing.length === 1 ? '' : 's'} ${missing.join(', ')}: named "Level N", with no descriptor` });
    if (top === 0) warnings.push({ where: `Skill ${quoteName(skill.name)}`, message: 'no levels listed: it uses the framework\'s scale, with no descriptors' });
  }

  // Roles and expectations.
  const r = rolesTable;
  const trackKeys = new KeyMaker();
  const roleKeys = new KeyMaker();
  const tracks: FrameworkDocumentInput['tracks'] = [];
  const trackByName = new Map<string, string>();
  type Role = FrameworkDocumentInput['roles'][number] & { rungGiven: boolean; expectationDetails: Record<string, { optional?: boolean; weight?: number; statement?: string }> };
  const roles: Role[] = [];
  const roleByName = new Map<string, Role>();
  const noSummary = new Set<Role>();
  for (const row of r.rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const title = cellOf(r, row, 'role');
    if (title === '') {
      warnings.push({ where: at(r, row, 'role'), message: 'left out the row: it names no role' });
      continue;
    }
    let role = roleByName.get(title.toLowerCase());
    if (!role) {
      let trackName = cellOf(r, row, 'track');
      if (trackName === '') {
        trackName = 'Roles';
        warnings.push({ where: at(r, row, 'track'), message: `role ${quoteName(title)} names no track: put on "Roles"` });
      }
      trackName = fitLine(trackName, at(r, row, 'track'), warnings);
      let trackKey = trackByName.get(trackName.toLowerCase());
      if (!trackKey) {
        trackKey = trackKeys.take(trackName);
        trackByName.set(trackName.toLowerCase(), trackKey);
        tracks.push({ key: trackKey, name: trackName, kind: 'core' });
      }
      const roleTitle = fitLine(title, at(r, row, 'role'), warnings);
      role = { key: roleKeys.take(roleTitle), title: roleTitle, trackKey, level: 0, summary: NO_SUMMARY, responsibilities: [], expectations: {}, expectationDetails: {}, rungGiven: false };
      roles.push(role);
      roleByName.set(title.toLowerCase(), role);
      noSummary.add(role);
    }
    const rung = cellOf(r, row, 'rung');
    if (rung !== '') {
      const n = Number(rung);
      if (!Number.isInteger(n) || n < 1) warnings.push({ where: at(r, row, 'rung'), message: `the rung "${rung}" is not a whole number from 1: left out` });
      else if (role.rungGiven && role.level !== n) warnings.push({ where: at(r, row, 'rung'), message: `role ${quoteName(role.title)} is at rung ${role.level} on an earlier row: kept that` });
      else Object.assign(role, { level: n, rungGiven: true });
    }
    const summary = cellOf(r, row, 'roleSummary');
    if (summary !== '' && noSummary.has(role)) {
      role.summary = fitText(summary, at(r, row, 'roleSummary'), warnings);
      noSummary.delete(role);
    }
    role.responsibilities.push(...itemsOf(cellOf(r, row, 'responsibilities')).map((item) => fitText(item, at(r, row, 'responsibilities'), warnings)));
    const skillName = cellOf(r, row, 'skill');
    if (skillName === '') continue;
    const skill = skillByName.get(skillName.toLowerCase());
    if (!skill) {
      warnings.push({ where: at(r, row, 'skill'), message: `role ${quoteName(role.title)}: the skill ${quoteName(skillName)} is not in ${s.file}; left without an expectation` });
      continue;
    }
    const expectedCell = cellOf(r, row, 'expected');
    const scale = skill.scale.length > 0 ? skill.scale : undefined;
    let expected = Number(expectedCell);
    if (expectedCell !== '' && !Number.isInteger(expected)) expected = (scale ?? []).findIndex((n) => n.toLowerCase() === expectedCell.toLowerCase()) + 1;
    if (expectedCell === '' || !Number.isInteger(expected) || expected < 1 || (scale && expected > scale.length)) {
      warnings.push({
        where: at(r, row, 'expected'),
        message: `role ${quoteName(role.title)}: competency ${quoteName(skill.name)} has ${expectedCell === '' ? 'no level' : `the level "${expectedCell}", which is not on its scale${scale ? ` (${scale.join(', ')})` : ''}`}; left without an expectation`,
      });
      continue;
    }
    if (role.expectations[skill.key] !== undefined) warnings.push({ where: at(r, row, 'skill'), message: `role ${quoteName(role.title)} lists ${quoteName(skill.name)} twice: the later row is kept` });
    role.expectations[skill.key] = expected;
    const detail: { optional?: boolean; weight?: number; statement?: string } = {};
    const optionalCell = cellOf(r, row, 'optional');
    const optional = flag(optionalCell);
    if (optional === undefined) warnings.push({ where: at(r, row, 'optional'), message: `"${optionalCell}" is not yes or no: the expectation is taken as required` });
    else if (optional) detail.optional = true;
    const weightCell = cellOf(r, row, 'weight');
    if (weightCell !== '') {
      const weight = Number(weightCell);
      if (!Number.isFinite(weight) || weight <= 0 || weight > 10) warnings.push({ where: at(r, row, 'weight'), message: `the weight "${weightCell}" is not a number above 0 and at most 10: left out (weight 1)` });
      else if (weight !== 1) detail.weight = weight;
    }
    const statement = cellOf(r, row, 'statement');
    if (statement !== '') detail.statement = fitText(statement, at(r, row, 'statement'), warnings);
    if (Object.keys(detail).length > 0) role.expectationDetails[skill.key] = detail;
    else delete role.expectationDetails[skill.key];
  }
  // Rungs: as given, else after the highest on the track in the order listed.
  for (const role of roles) {
    if (role.rungGiven) continue;
    const onTrack = roles.filter((other) => other.trackKey === role.trackKey && other.level > 0);
    role.level = Math.max(0, ...onTrack.map((other) => other.level)) + 1;
    warnings.push({ where: `Role ${quoteName(role.title)}`, message: `no rung given: put at rung ${role.level} of its track, in the order listed` });
  }
  for (const role of noSummary) warnings.push({ where: `Role ${quoteName(role.title)}`, message: `no role summary in the sheet: it says "${NO_SUMMARY}"` });
  const documentRoles: FrameworkDocumentInput['roles'] = roles.map(({ rungGiven: _rungGiven, expectationDetails, ...role }) => ({
    ...role,
    ...(Object.keys(expectationDetails).length > 0 ? { expectationDetails } : {}),
  }));
  const transitions = assumedPromotions(documentRoles, tracks, warnings);
  const fromFile = (files[0]?.name ?? '').replace(/\.(csv|tsv|xlsx)(, sheet .*)?$/i, '').replace(/[-_ ]*(skills|roles)$/i, '').trim();
  const name = fromFile === '' ? 'Imported framework' : fromFile;
  const document = assembleDocument(
    { name: fitLine(name, 'The framework', warnings), categories, skills: skills.map(({ names: _names, ...skill }) => skill), tracks, roles: documentRoles, transitions },
    warnings,
  );
  warnings.push({ where: 'The framework', message: `the layout has no name for the framework: named it "${document.name}"${fromFile === '' ? '' : ' after the file'}; rename it as you like` });
  return { ok: true, document, warnings };
}

/** The template's two tables: the columns, and a small worked example to overwrite. */
export function spreadsheetTemplate(): { skills: string[][]; roles: string[][] } {
  return {
    skills: [
      [...SKILL_COLUMNS],
      ['Delivery', 'Planning', 'Breaks work down and plans it.', '1', 'Awareness', 'Plans own tasks.', 'Estimates own tasks\nAsks for help early', 'Splits a story into tasks'],
      ['Delivery', 'Planning', '', '2', 'Practitioner', 'Plans the team\'s work.', 'Breaks down large plans\nTracks dependencies', ''],
      ['Delivery', 'Planning', '', '3', 'Expert', '', '', ''],
      ['People', 'Mentoring', 'Helps others grow.', '1', 'Level 1', '', 'Pairs with newcomers', ''],
      ['People', 'Mentoring', '', '2', 'Level 2', 'Coaches several people.', '', ''],
    ],
    roles: [
      [...ROLE_COLUMNS],
      ['Engineering', 'Engineer', '1', 'Delivers well-defined work.', 'Delivers features\nReviews code', 'Planning', '1', 'no', '', ''],
      ['Engineering', 'Engineer', '1', '', '', 'Mentoring', '1', 'yes', '', ''],
      ['Engineering', 'Senior Engineer', '2', 'Leads the delivery of projects.', '', 'Planning', 'Practitioner', 'no', '2', 'Plans projects across teams.'],
      ['Engineering', 'Senior Engineer', '2', '', '', 'Mentoring', '2', 'no', '', ''],
    ],
  };
}
