import { profileAt, profileLevels, type Assessment } from '../plans/assessments.js';
import {
  ALL_PEOPLE,
  ORGANISATION,
  filterNode,
  roleExpectation,
  teamHierarchy,
  type PeopleFilter,
  type ReportCatalogue,
  type ReportRole,
  type TeamHierarchy,
} from './organisation.js';
import type { TeamLike } from '../people/teams.js';
import { cellKey, rollUp, suppressMeasure, type AdditiveRow, type RolledCell } from './rollup.js';
import type { SuppressionReason } from './suppression.js';

/**
 * Skill figures (heatmap, gaps, coverage risk, required vs actual) from two rollups the database
 * keeps per snapshot (the current one and each month end):
 *
 * - {@link HeadcountRow}: per (team, role): the active people directly in the team with that current
 *   role (role null: none).
 * - {@link SkillLevelRow}: per (team, role, skill): how many of those people hold each level of the
 *   skill, by the level that counts (per skill, the later of their latest self and latest manager
 *   rating, the manager's on a tie: `profileLevels`). People never rated on the skill are not in it.
 *
 * Everything else is worked out here: people assessed, the sum of levels, who has an expectation
 * (from the role), who meets it, by how much the others fall short. All are additive, so a team's
 * figure includes its sub-teams' (summed over the tree) and a track's includes its roles'. The
 * dimensions a rollup must carry: team, role (track follows from the role) and skill (the category
 * follows from the skill); the snapshot (month) when trends are wanted.
 */

/** People directly in a team (null: no team) with a current role (null: none). */
export interface HeadcountRow {
  teamId: string | null;
  roleId: string | null;
  people: number;
}

/** How many people directly in a team with a role hold each level of one skill. */
export interface SkillLevelRow {
  teamId: string | null;
  roleId: string | null;
  skillId: string;
  /** atLevel[l - 1] = people whose counting level of the skill is l (a PostgreSQL int[] read as is). */
  atLevel: readonly number[];
}

// The additive values of a skill cell.
const ASSESSED = 0;
const LEVEL_SUM = 1;
/** People whose role expects the skill (rated or not). */
const EXPECTED = 2;
/** ...of whom rated. */
const EXPECTED_RATED = 3;
/** ...of whom at or above their role's expectation. */
const MEETING = 4;
/** Σ (expected − level) over the rated who fall short. */
const SHORTFALL_SUM = 5;
const FIXED = 6;

export interface SkillReportInput {
  catalogue: ReportCatalogue;
  teams: readonly TeamLike[];
  headcounts: readonly HeadcountRow[];
  skillLevels: readonly SkillLevelRow[];
  /** The organisation's k (see effectiveK). */
  k: number;
  /** Also figures by track and role (default true; false: everyone only, cheaper to suppress). */
  filters?: boolean;
}

/** Every skill figure of an organisation at one moment, rolled up and with suppression decided. */
export interface SkillReport {
  catalogue: ReportCatalogue;
  hierarchy: TeamHierarchy;
  k: number;
  filters: boolean;
  levels: readonly number[];
  /** Per (team, filter, skill). */
  cells: ReadonlyMap<string, RolledCell>;
  /** Per (team, filter, ''): [people]. */
  headcount: ReadonlyMap<string, RolledCell>;
  /**
   * People per role in each team (with its sub-teams), whether or not the report has filters: which
   * roles a team has is directory information, used to know what its roles need (coverage).
   */
  roleHeadcounts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Why a figure over the people assessed is suppressed (absent: shown). */
  assessedSuppressed: ReadonlyMap<string, SuppressionReason>;
  /** Why a figure over the rated people with an expectation is suppressed. */
  ratedSuppressed: ReadonlyMap<string, SuppressionReason>;
  /** Why a figure over a team's people (coverage, required vs actual) is suppressed. */
  headcountSuppressed: ReadonlyMap<string, SuppressionReason>;
}

/**
 * Rolls the two rollups up the team tree and the filters and decides suppression for each kind of
 * figure over the whole cube (so no two views can be subtracted).
 */
export function skillReport(input: SkillReportInput): SkillReport {
  const { catalogue, k } = input;
  const filters = input.filters ?? true;
  const hierarchy = teamHierarchy(input.teams);
  const levels = catalogue.levels;
  const L = levels.length === 0 ? 0 : Math.max(...levels);
  const width = FIXED + 2 * L;
  const roles = new Map<string, ReportRole>(catalogue.roles.map((r) => [r.id, r]));

  const rows: AdditiveRow[] = [];
  for (const row of input.skillLevels) {
    const values = new Float64Array(width);
    const expected = roleExpectation(row.roleId === null ? undefined : roles.get(row.roleId), row.skillId);
    row.atLevel.forEach((people, i) => {
      const level = i + 1;
      if (!(people > 0) || level > L) return;
      values[ASSESSED] = (values[ASSESSED] as number) + people;
      values[LEVEL_SUM] = (values[LEVEL_SUM] as number) + level * people;
      values[FIXED + i] = (values[FIXED + i] as number) + people;
      if (expected > 0) {
        values[EXPECTED_RATED] = (values[EXPECTED_RATED] as number) + people;
        if (level >= expected) values[MEETING] = (values[MEETING] as number) + people;
        else values[SHORTFALL_SUM] = (values[SHORTFALL_SUM] as number) + (expected - level) * people;
      }
    });
    rows.push({ teamId: row.teamId, roleId: row.roleId, key: row.skillId, values });
  }
  const headcountRows: AdditiveRow[] = [];
  for (const row of input.headcounts) {
    headcountRows.push({ teamId: row.teamId, roleId: row.roleId, key: '', values: [row.people] });
    const role = row.roleId === null ? undefined : roles.get(row.roleId);
    if (!role || !(row.people > 0)) continue;
    for (const skill of catalogue.skills) {
      const expected = roleExpectation(role, skill.id);
      if (expected === 0) continue;
      const values = new Float64Array(width);
      values[EXPECTED] = row.people;
      if (expected <= L) values[FIXED + L + expected - 1] = row.people;
      rows.push({ teamId: row.teamId, roleId: row.roleId, key: skill.id, values });
    }
  }
  const roleHeadcounts = new Map<string, Map<string, number>>();
  for (const cell of rollUp(
    input.headcounts.flatMap((r) => (r.roleId === null ? [] : [{ teamId: r.teamId, roleId: null, key: r.roleId, values: [r.people] }])),
    1,
    hierarchy,
    catalogue,
    { filters: false },
  ).values()) {
    const perRole = roleHeadcounts.get(cell.team) ?? new Map<string, number>();
    perRole.set(cell.key, cell.values[0] as number);
    roleHeadcounts.set(cell.team, perRole);
  }
  const cells = rollUp(rows, width, hierarchy, catalogue, { filters });
  const headcount = rollUp(headcountRows, 1, hierarchy, catalogue, { filters });
  for (const cell of cells.values()) {
    if ((cell.values[EXPECTED_RATED] as number) > (cell.values[EXPECTED] as number) + 1e-9) {
      throw new RangeError(
        `more people rated on "${cell.key}" with an expectation (${cell.values[EXPECTED_RATED]}) than have the roles expecting it (${cell.values[EXPECTED]}) in ${cell.team}: the headcount and level rollups disagree`,
      );
    }
  }
  return {
    catalogue,
    hierarchy,
    k,
    filters,
    levels,
    cells,
    headcount,
    roleHeadcounts,
    assessedSuppressed: suppressMeasure(cells, ASSESSED, hierarchy, catalogue, k),
    ratedSuppressed: suppressMeasure(cells, EXPECTED_RATED, hierarchy, catalogue, k),
    headcountSuppressed: suppressMeasure(headcount, 0, hierarchy, catalogue, k),
  };
}

/** The additive values of one (team, filter, skill) cell, zero when nobody is in it. */
export interface SkillCellValues {
  assessed: number;
  levelSum: number;
  expected: number;
  expectedRated: number;
  meeting: number;
  shortfallSum: number;
  /** People whose counting level is at or above each scale level (index = level − 1). */
  atOrAbove: number[];
  /** People whose role expects at least each level (index = level − 1). */
  requiredAtOrAbove: number[];
}

export function skillCellValues(report: SkillReport, team: string, filter: string, skillId: string): SkillCellValues {
  const L = report.levels.length === 0 ? 0 : Math.max(...report.levels);
  const values = report.cells.get(cellKey(team, filter, skillId))?.values;
  const get = (i: number) => (values ? (values[i] as number) : 0);
  const cumulative = (offset: number) => {
    const result = new Array<number>(L).fill(0);
    let sum = 0;
    for (let i = L - 1; i >= 0; i--) {
      sum += get(offset + i);
      result[i] = sum;
    }
    return result;
  };
  return {
    assessed: get(ASSESSED),
    levelSum: get(LEVEL_SUM),
    expected: get(EXPECTED),
    expectedRated: get(EXPECTED_RATED),
    meeting: get(MEETING),
    shortfallSum: get(SHORTFALL_SUM),
    atOrAbove: cumulative(FIXED),
    requiredAtOrAbove: cumulative(FIXED + L),
  };
}

/** People in a team (with its sub-teams) under a filter, and whether figures over them are suppressed. */
export function teamHeadcount(report: SkillReport, team: string, filter: PeopleFilter | null = null) {
  const key = cellKey(team, filterNode(filter), '');
  return {
    people: (report.headcount.get(key)?.values[0] as number | undefined) ?? 0,
    suppressed: report.headcountSuppressed.get(key) ?? null,
  };
}

/** The drill-down rows of a report: the team itself, then its sub-teams (by name). */
export function drillRows(hierarchy: TeamHierarchy, teamId: string | null | undefined): string[] {
  const root = teamId === null || teamId === undefined ? ORGANISATION : teamId;
  if (!hierarchy.parent.has(root)) throw new RangeError(`unknown team "${root}"`);
  return [root, ...(hierarchy.children.get(root) ?? [])];
}

export function checkFilter(report: { filters: boolean; catalogue: ReportCatalogue }, filter: PeopleFilter | null | undefined): string {
  const node = filterNode(filter);
  if (node !== ALL_PEOPLE && !report.filters) throw new RangeError('this report was built without track and role figures');
  if (filter?.roleId && !report.catalogue.roles.some((r) => r.id === filter.roleId)) throw new RangeError(`unknown role "${filter.roleId}"`);
  if (filter?.trackId && !filter.roleId && !report.catalogue.tracks.some((t) => t.id === filter.trackId)) {
    throw new RangeError(`unknown track "${filter.trackId}"`);
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Small inputs

/** One person for building the rollups from raw data (tests, small organisations, backfills). */
export interface ReportPerson {
  id: string;
  teamId: string | null;
  roleId: string | null;
  /** Their ratings; `skillKey` holds the skill id. */
  assessments: readonly Assessment[];
}

/**
 * The headcount and skill-level rollups of a list of people, from their ratings as they stood at
 * `asOf` (default: all of them), the level that counts being `profileLevels`' (latest of self and
 * manager, the manager's on a tie).
 */
export function skillRowsFromPeople(
  people: readonly ReportPerson[],
  asOf?: Date,
): { headcounts: HeadcountRow[]; skillLevels: SkillLevelRow[] } {
  const headcounts = new Map<string, HeadcountRow>();
  const levels = new Map<string, SkillLevelRow & { atLevel: number[] }>();
  for (const person of people) {
    const groupKey = `${person.teamId ?? ''}\u0000${person.roleId ?? ''}`;
    const row = headcounts.get(groupKey) ?? { teamId: person.teamId, roleId: person.roleId, people: 0 };
    row.people++;
    headcounts.set(groupKey, row);
    const profile = asOf ? profileAt(person.assessments, asOf) : profileLevels(person.assessments);
    for (const [skillId, level] of Object.entries(profile)) {
      if (!Number.isInteger(level) || level < 1) continue;
      const key = `${groupKey}\u0000${skillId}`;
      const entry = levels.get(key) ?? { teamId: person.teamId, roleId: person.roleId, skillId, atLevel: [] };
      while (entry.atLevel.length < level) entry.atLevel.push(0);
      entry.atLevel[level - 1] = (entry.atLevel[level - 1] as number) + 1;
      levels.set(key, entry);
    }
  }
  return { headcounts: [...headcounts.values()], skillLevels: [...levels.values()] };
}
