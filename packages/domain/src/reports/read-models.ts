import { ALL_PEOPLE, ORGANISATION, roleFilterNode, trackFilterNode } from './organisation.js';
import { participationView, type ParticipationReport } from './participation.js';
import { figure, ratio, type Figure } from './rollup.js';
import { heatmap, type HeatmapColumn } from './skill-views.js';
import { skillCellValues, teamHeadcount, type SkillReport } from './skills.js';

/**
 * What a read needs, worked out when a snapshot is built (in the worker, with the reports) so that a
 * read is one indexed row fetch: the heatmap of every drill (team) under every filter as the compact
 * matrix the API sends, and the headline figures a trend line shows per month. Suppression is the
 * report's own (the views below only look it up).
 */

/** One team's row of the heatmap matrix: one value per column, null where suppressed or nobody was rated. */
export interface HeatmapMatrixRow {
  teamId: string;
  name: string;
  path: string;
  isDrillRoot: boolean;
  hasChildren: boolean;
  assessed: (number | null)[];
  averageLevel: (number | null)[];
  shareMeeting: (number | null)[];
  assessedSuppressed: boolean[];
  meetingSuppressed: boolean[];
}

export interface HeatmapMatrix {
  columns: HeatmapColumn[];
  rows: HeatmapMatrixRow[];
}

/** The heatmap of one drill (a team and its sub-teams, or the organisation) under one filter node. */
export interface StoredHeatmap {
  /** A team id, or {@link ORGANISATION}. */
  teamId: string;
  /** A filter node: {@link ALL_PEOPLE}, `track:<id>` or `role:<id>`. */
  filter: string;
  matrix: HeatmapMatrix;
}

/** A heatmap as the compact matrix the API sends: one array per figure per row, not one object per cell. */
export function toHeatmapMatrix(map: ReturnType<typeof heatmap>): HeatmapMatrix {
  return {
    columns: map.columns,
    rows: map.rows.map((row) => ({
      teamId: row.teamId,
      name: row.name,
      path: row.path,
      isDrillRoot: row.isDrillRoot,
      hasChildren: row.hasChildren,
      assessed: row.cells.map((c) => c.assessed.value),
      averageLevel: row.cells.map((c) => c.averageLevel.value),
      shareMeeting: row.cells.map((c) => c.shareMeeting.value),
      assessedSuppressed: row.cells.map((c) => c.assessed.suppressed !== null),
      meetingSuppressed: row.cells.map((c) => c.shareMeeting.suppressed !== null),
    })),
  };
}

function matrixOf(report: SkillReport, teamId: string, filterNode: string): HeatmapMatrix {
  const filter = filterNode === ALL_PEOPLE ? null : filterNode.startsWith('role:') ? { roleId: filterNode.slice(5) } : { trackId: filterNode.slice(6) };
  return toHeatmapMatrix(heatmap(report, { teamId, filter }));
}

export function heatmapMatrices(report: SkillReport): StoredHeatmap[] {
  const filters = report.filters
    ? [ALL_PEOPLE, ...report.catalogue.tracks.map((t) => trackFilterNode(t.id)), ...report.catalogue.roles.map((r) => roleFilterNode(r.id))]
    : [ALL_PEOPLE];
  const result: StoredHeatmap[] = [];
  for (const teamId of report.hierarchy.parent.keys()) {
    for (const filter of filters) result.push({ teamId, filter, matrix: matrixOf(report, teamId, filter) });
  }
  return result;
}

/** Only the columns of one skill category (null or absent: all); rows keep their order. */
export function heatmapCategory(matrix: HeatmapMatrix, categoryId?: string | null): HeatmapMatrix {
  if (!categoryId) return matrix;
  const keep = matrix.columns.flatMap((c, i) => (c.categoryId === categoryId ? [i] : []));
  const pick = <T>(values: T[]) => keep.map((i) => values[i] as T);
  return {
    columns: pick(matrix.columns),
    rows: matrix.rows.map((row) => ({
      ...row,
      assessed: pick(row.assessed),
      averageLevel: pick(row.averageLevel),
      shareMeeting: pick(row.shareMeeting),
      assessedSuppressed: pick(row.assessedSuppressed),
      meetingSuppressed: pick(row.meetingSuppressed),
    })),
  };
}

/** The organisation's headline figures of one snapshot: what the trend lines show. */
export interface HeadlineFigures {
  /** Of all (person, skill) pairs rated where the person's role expects the skill, the share at or above it (people = the organisation's). */
  shareMeeting: Figure;
  /** Shares of the organisation's people: with an open plan, with an agreed or active one. */
  withPlan: Figure;
  agreed: Figure;
  /** Of the agreed or active plans with a review date, the share overdue. */
  overdue: Figure;
}

/**
 * The organisation-wide headline figures. Each is over the whole organisation, so it is shown unless
 * the organisation itself is below k (then all are suppressed as small, like its other figures).
 */
export function headlineFigures(skills: SkillReport, participation: ParticipationReport): HeadlineFigures {
  const [org] = participationView(participation, { teamId: null });
  const head = teamHeadcount(skills, ORGANISATION);
  let meeting = 0;
  let rated = 0;
  for (const skill of skills.catalogue.skills) {
    const v = skillCellValues(skills, ORGANISATION, ALL_PEOPLE, skill.id);
    meeting += v.meeting;
    rated += v.expectedRated;
  }
  const hidden = head.suppressed ?? (head.people < skills.k ? 'small' : null);
  return {
    shareMeeting: figure(ratio(meeting, rated), head.people, hidden),
    withPlan: org!.withPlan,
    agreed: org!.agreed,
    overdue: org!.overdue,
  };
}
