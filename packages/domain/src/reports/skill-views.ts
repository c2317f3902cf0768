import { compareText } from '../framework/roles.js';
import { ALL_PEOPLE, roleExpectation, roleFilterNode, type PeopleFilter, type ReportSkill } from './organisation.js';
import { cellKey, figure, ratio, type Figure } from './rollup.js';
import { checkFilter, drillRows, skillCellValues, teamHeadcount, type SkillReport } from './skills.js';
import type { SuppressionReason } from './suppression.js';

/**
 * The views of a {@link SkillReport}: the heatmap (point 1), gaps against expectations, coverage risk
 * and required vs actual headcount (point 2). Each figure says how many people it is over, or why it
 * is suppressed; nothing here reveals a figure the report suppressed.
 */

export interface HeatmapColumn {
  skillId: string;
  name: string;
  categoryId: string;
  categoryName: string;
}

export interface HeatmapCell {
  skillId: string;
  /** People assessed on the skill (value = people). */
  assessed: Figure;
  /** Their average level. */
  averageLevel: Figure;
  /** Of the rated people whose role expects the skill, the share at or above their role's level. */
  shareMeeting: Figure;
}

export interface HeatmapRow {
  teamId: string;
  name: string;
  path: string;
  /** The team drilled into (first row); the others are its sub-teams. */
  isDrillRoot: boolean;
  hasChildren: boolean;
  cells: HeatmapCell[];
}

export interface Heatmap {
  filter: string;
  columns: HeatmapColumn[];
  rows: HeatmapRow[];
}

export interface SkillViewOptions {
  /** The team to drill into (its row first, then its sub-teams); null or absent: the organisation. */
  teamId?: string | null;
  filter?: PeopleFilter | null;
  /** Only the skills of this category. */
  categoryId?: string | null;
}

/** The skills in category order, then the framework's order within each category. */
export function skillColumns(report: SkillReport, categoryId?: string | null): HeatmapColumn[] {
  const { catalogue } = report;
  const categoryOrder = new Map(catalogue.categories.map((c, i) => [c.id, i]));
  const categoryName = new Map(catalogue.categories.map((c) => [c.id, c.name]));
  return catalogue.skills
    .map((skill, i) => ({ skill, i }))
    .filter(({ skill }) => !categoryId || skill.categoryId === categoryId)
    .sort(
      (a, b) =>
        (categoryOrder.get(a.skill.categoryId) ?? Infinity) - (categoryOrder.get(b.skill.categoryId) ?? Infinity) || a.i - b.i,
    )
    .map(({ skill }: { skill: ReportSkill }) => ({
      skillId: skill.id,
      name: skill.name,
      categoryId: skill.categoryId,
      categoryName: categoryName.get(skill.categoryId) ?? skill.categoryId,
    }));
}

/** The heatmap: a team and its sub-teams × skills, under one filter. */
export function heatmap(report: SkillReport, options: SkillViewOptions = {}): Heatmap {
  const filter = checkFilter(report, options.filter);
  const columns = skillColumns(report, options.categoryId);
  const teams = drillRows(report.hierarchy, options.teamId);
  const rows = teams.map((teamId, i): HeatmapRow => ({
    teamId,
    name: report.hierarchy.names.get(teamId) as string,
    path: report.hierarchy.paths.get(teamId) as string,
    isDrillRoot: i === 0,
    hasChildren: (report.hierarchy.children.get(teamId)?.length ?? 0) > 0,
    cells: columns.map((column) => heatmapCell(report, teamId, filter, column.skillId)),
  }));
  return { filter, columns, rows };
}

function heatmapCell(report: SkillReport, team: string, filter: string, skillId: string): HeatmapCell {
  const key = cellKey(team, filter, skillId);
  const v = skillCellValues(report, team, filter, skillId);
  const assessedHidden = report.assessedSuppressed.get(key);
  const ratedHidden = report.ratedSuppressed.get(key);
  return {
    skillId,
    assessed: assessedHidden ? figure(null, v.assessed, assessedHidden) : { value: v.assessed, people: v.assessed, suppressed: null },
    averageLevel: figure(ratio(v.levelSum, v.assessed), v.assessed, assessedHidden),
    shareMeeting: figure(ratio(v.meeting, v.expectedRated), v.expectedRated, ratedHidden),
  };
}

// ---------------------------------------------------------------------------------------------
// Gaps

export interface SkillGap {
  skillId: string;
  /**
   * People whose role expects the skill (value = people), rated or not: a headcount of roles, which
   * the directory shows anyway, so never suppressed.
   */
  withExpectation: Figure;
  /** Of them, not rated yet: unknown, not counted as short (value = people; shown with the rated figures). */
  unrated: Figure;
  /** Of the rated ones, how many fall short (value = people, over the rated). */
  short: Figure;
  /** short ÷ rated. */
  shareShort: Figure;
  /** Mean shortfall in levels over the rated ones (those meeting count as 0). */
  meanShortfall: Figure;
  /** Mean shortfall over those who fall short only. */
  meanShortfallOfShort: Figure;
}

export interface GapRow {
  /** The team the row is about (with its sub-teams). */
  teamId: string;
  /** The role the row is about (null: the filter given). */
  roleId: string | null;
  /** Skills the group's roles expect, the largest share falling short first; suppressed ones last. */
  gaps: SkillGap[];
}

function skillGap(report: SkillReport, team: string, filter: string, skillId: string): SkillGap {
  const key = cellKey(team, filter, skillId);
  const v = skillCellValues(report, team, filter, skillId);
  const rated = report.ratedSuppressed.get(key);
  const short = v.expectedRated - v.meeting;
  return {
    skillId,
    withExpectation: { value: v.expected, people: v.expected, suppressed: null },
    // With the rated count hidden, the unrated one would give it away.
    unrated: rated ? figure(null, v.expected, rated) : { value: v.expected - v.expectedRated, people: v.expected, suppressed: null },
    short: rated ? figure(null, v.expectedRated, rated) : { value: short, people: v.expectedRated, suppressed: null },
    shareShort: figure(ratio(short, v.expectedRated), v.expectedRated, rated),
    meanShortfall: figure(ratio(v.shortfallSum, v.expectedRated), v.expectedRated, rated),
    meanShortfallOfShort: figure(ratio(v.shortfallSum, short), v.expectedRated, rated),
  };
}

/** Most people short first, then the largest mean shortfall, then the framework's order; suppressed last. */
function rankGaps(report: SkillReport, gaps: SkillGap[]): SkillGap[] {
  const order = new Map(report.catalogue.skills.map((s, i) => [s.id, i]));
  const score = (g: SkillGap) => (g.shareShort.value === null ? -1 : g.shareShort.value);
  return gaps.sort(
    (a, b) =>
      score(b) - score(a) ||
      (b.meanShortfall.value ?? -1) - (a.meanShortfall.value ?? -1) ||
      (order.get(a.skillId) as number) - (order.get(b.skillId) as number),
  );
}

function gapsOf(report: SkillReport, team: string, filter: string, categoryId?: string | null): SkillGap[] {
  const gaps = skillColumns(report, categoryId)
    .map((c) => skillGap(report, team, filter, c.skillId))
    .filter((g) => (g.withExpectation.value ?? 0) > 0);
  return rankGaps(report, gaps);
}

/** Gaps per team: the team drilled into and each sub-team, under one filter. */
export function gapsByTeam(report: SkillReport, options: SkillViewOptions = {}): GapRow[] {
  const filter = checkFilter(report, options.filter);
  return drillRows(report.hierarchy, options.teamId).map((teamId) => ({
    teamId,
    roleId: null,
    gaps: gapsOf(report, teamId, filter, options.categoryId),
  }));
}

/** Gaps per role within a team (with its sub-teams): one row per role that has people there. */
export function gapsByRole(report: SkillReport, options: Omit<SkillViewOptions, 'filter'> & { trackId?: string | null } = {}): GapRow[] {
  if (!report.filters) throw new RangeError('this report was built without track and role figures');
  const team = drillRows(report.hierarchy, options.teamId)[0] as string;
  return report.catalogue.roles
    .filter((role) => !options.trackId || role.trackId === options.trackId)
    .filter((role) => (report.roleHeadcounts.get(team)?.get(role.id) ?? 0) > 0)
    .sort((a, b) => compareText(a.title, b.title))
    .map((role) => ({ teamId: team, roleId: role.id, gaps: gapsOf(report, team, roleFilterNode(role.id), options.categoryId) }));
}

// ---------------------------------------------------------------------------------------------
// Coverage risk and required vs actual headcount at level

export interface CoverageRisk {
  skillId: string;
  /** The level a role in the team needs. */
  level: number;
  /** People in the team (any role) at or above that level: at most `atMost`. */
  holders: number;
  /** The team's roles that need the skill at this level or above. */
  neededByRoleIds: string[];
  /** People in those roles. */
  peopleNeeding: number;
}

export interface TeamCoverage {
  teamId: string;
  /** People in the team (with its sub-teams); null when suppressed. */
  people: number | null;
  /** Why the team's coverage is not shown (it would be a figure over fewer than k people). */
  suppressed: SuppressionReason | null;
  /** Skills the team's roles need where at most `atMost` people meet the level, fewest holders first. */
  risks: CoverageRisk[];
}

/**
 * Coverage risk ("a resignation away from a gap"): for each skill a role present in the team expects,
 * at each level some present role expects, how many people in the team (any role) hold it; a risk
 * when at most `atMost` (default 1) do. Per the team drilled into and each sub-team; a team whose
 * headcount figures are suppressed shows none.
 */
export function coverageRisks(report: SkillReport, options: { teamId?: string | null; atMost?: number } = {}): TeamCoverage[] {
  const atMost = options.atMost ?? 1;
  const order = new Map(report.catalogue.skills.map((s, i) => [s.id, i]));
  return drillRows(report.hierarchy, options.teamId).map((teamId) => {
    const { people, suppressed } = teamHeadcount(report, teamId);
    if (suppressed) return { teamId, people: null, suppressed, risks: [] };
    const perRole = report.roleHeadcounts.get(teamId) ?? new Map<string, number>();
    const present = report.catalogue.roles.filter((role) => (perRole.get(role.id) ?? 0) > 0);
    const risks: CoverageRisk[] = [];
    for (const skill of report.catalogue.skills) {
      const needs = present
        .map((role) => ({ role, level: roleExpectation(role, skill.id) }))
        .filter((n) => n.level > 0);
      if (needs.length === 0) continue;
      const v = skillCellValues(report, teamId, ALL_PEOPLE, skill.id);
      for (const level of [...new Set(needs.map((n) => n.level))].sort((a, b) => a - b)) {
        const holders = v.atOrAbove[level - 1] ?? 0;
        if (holders > atMost) continue;
        const roles = needs.filter((n) => n.level >= level).map((n) => n.role);
        risks.push({
          skillId: skill.id,
          level,
          holders,
          neededByRoleIds: roles.map((r) => r.id),
          peopleNeeding: roles.reduce((sum, r) => sum + (perRole.get(r.id) ?? 0), 0),
        });
      }
    }
    risks.sort(
      (a, b) => a.holders - b.holders || b.level - a.level || (order.get(a.skillId) as number) - (order.get(b.skillId) as number),
    );
    return { teamId, people, suppressed: null, risks };
  });
}

export interface LevelHeadcount {
  skillId: string;
  level: number;
  /** People whose role expects the skill at this level or above. */
  required: number;
  /** People rated at this level or above (any role). */
  actual: number;
}

/**
 * Required vs actual headcount at each level, per skill, for one team (with its sub-teams) under a
 * filter: levels some role there expects. null when the team's headcount figures are suppressed.
 */
export function requiredVsActual(
  report: SkillReport,
  options: SkillViewOptions = {},
): { teamId: string; suppressed: SuppressionReason | null; rows: LevelHeadcount[] } {
  const filter = checkFilter(report, options.filter);
  const teamId = drillRows(report.hierarchy, options.teamId)[0] as string;
  const suppressed = report.headcountSuppressed.get(cellKey(teamId, filter, '')) ?? null;
  if (suppressed) return { teamId, suppressed, rows: [] };
  const rows: LevelHeadcount[] = [];
  for (const column of skillColumns(report, options.categoryId)) {
    const v = skillCellValues(report, teamId, filter, column.skillId);
    v.requiredAtOrAbove.forEach((required, i) => {
      const below = v.requiredAtOrAbove[i + 1] ?? 0;
      // A row for each level some role expects exactly (where "required" steps down).
      if (required > 0 && required > below) rows.push({ skillId: column.skillId, level: i + 1, required, actual: v.atOrAbove[i] ?? 0 });
    });
  }
  return { teamId, suppressed: null, rows };
}
