import { guardSpreadsheetCell } from '../people/people-csv.js';
import type { AssessorCalibration, CalibrationCell, CalibrationSource } from './calibration.js';
import type { ReportCatalogue, TeamHierarchy } from './organisation.js';
import type { ParticipationRow, TrainingDemand } from './participation.js';
import type { HeatmapMatrix } from './read-models.js';
import type { Figure } from './rollup.js';
import type { CoverageRisk, GapRow, Heatmap, LevelHeadcount, TeamCoverage } from './skill-views.js';
import { READINESS_BUCKETS, type SuccessionCell } from './succession.js';

/**
 * CSV shaping (point 8): each report as records ready for csv-stringify, the header first, one row per
 * figure group (long format: easy to filter and pivot). A suppressed figure is written as "<k" (e.g.
 * "<5"), never as a number or an empty cell; a figure with nobody to measure is empty. Shares are
 * percentages with one decimal ("62.5%"), levels and differences have two decimals. Text cells are
 * guarded against spreadsheet formulas.
 */

export type CsvRecords = string[][];

export function suppressedMarker(k: number): string {
  return `<${k}`;
}

export type FigureFormat = 'count' | 'share' | 'level' | 'difference';

export function formatFigure(f: Figure, format: FigureFormat, k: number): string {
  if (f.suppressed) return suppressedMarker(k);
  if (f.value === null) return '';
  switch (format) {
    case 'count':
      return String(Math.round(f.value));
    case 'share':
      return `${(Math.round(f.value * 1000) / 10).toFixed(1)}%`;
    case 'level':
      return f.value.toFixed(2);
    case 'difference':
      return `${f.value > 0 ? '+' : ''}${f.value.toFixed(2)}`;
  }
}

const text = (value: string | null | undefined) => guardSpreadsheetCell(value ?? '');

/** How CSVs name things: the catalogue's names and the teams' paths. */
export interface CsvNames {
  catalogue: ReportCatalogue;
  hierarchy: TeamHierarchy;
  k: number;
}

function teamPath(names: CsvNames, teamId: string): string {
  const path = names.hierarchy.paths.get(teamId);
  return path === undefined || path === '' ? (names.hierarchy.names.get(teamId) ?? teamId) : path;
}
const skillName = (names: CsvNames, id: string) => names.catalogue.skills.find((s) => s.id === id)?.name ?? id;
const roleName = (names: CsvNames, id: string) => names.catalogue.roles.find((r) => r.id === id)?.title ?? id;

export function heatmapCsv(names: CsvNames, map: Heatmap): CsvRecords {
  const records: CsvRecords = [['Team', 'Skill category', 'Skill', 'People assessed', 'Average level', 'Meeting their role expectation']];
  for (const row of map.rows) {
    row.cells.forEach((cell, i) => {
      const column = map.columns[i];
      records.push([
        text(teamPath(names, row.teamId)),
        text(column?.categoryName),
        text(column?.name),
        formatFigure(cell.assessed, 'count', names.k),
        formatFigure(cell.averageLevel, 'level', names.k),
        formatFigure(cell.shareMeeting, 'share', names.k),
      ]);
    });
  }
  return records;
}

/** The same records from the stored matrix (its rows carry their names and paths; a hidden figure is "<k"). */
export function heatmapMatrixCsv(k: number, matrix: HeatmapMatrix): CsvRecords {
  const records: CsvRecords = [['Team', 'Skill category', 'Skill', 'People assessed', 'Average level', 'Meeting their role expectation']];
  const shown = (value: number | null, hidden: boolean | undefined): Figure => ({ value: hidden ? null : value, people: null, suppressed: hidden ? 'small' : null });
  for (const row of matrix.rows) {
    matrix.columns.forEach((column, i) => {
      records.push([
        text(row.path === '' ? row.name : row.path),
        text(column.categoryName),
        text(column.name),
        formatFigure(shown(row.assessed[i] ?? null, row.assessedSuppressed[i]), 'count', k),
        formatFigure(shown(row.averageLevel[i] ?? null, row.assessedSuppressed[i]), 'level', k),
        formatFigure(shown(row.shareMeeting[i] ?? null, row.meetingSuppressed[i]), 'share', k),
      ]);
    });
  }
  return records;
}

export function gapsCsv(names: CsvNames, rows: readonly GapRow[]): CsvRecords {
  const records: CsvRecords = [
    ['Team', 'Role', 'Skill', 'People expected to have it', 'Not rated', 'Rated and short', 'Share short', 'Mean shortfall (levels)', 'Mean shortfall of those short'],
  ];
  for (const row of rows) {
    for (const gap of row.gaps) {
      records.push([
        text(teamPath(names, row.teamId)),
        text(row.roleId === null ? 'All' : roleName(names, row.roleId)),
        text(skillName(names, gap.skillId)),
        formatFigure(gap.withExpectation, 'count', names.k),
        formatFigure(gap.unrated, 'count', names.k),
        formatFigure(gap.short, 'count', names.k),
        formatFigure(gap.shareShort, 'share', names.k),
        formatFigure(gap.meanShortfall, 'level', names.k),
        formatFigure(gap.meanShortfallOfShort, 'level', names.k),
      ]);
    }
  }
  return records;
}

export function coverageCsv(names: CsvNames, teams: readonly TeamCoverage[]): CsvRecords {
  const records: CsvRecords = [['Team', 'People', 'Skill', 'Level needed', 'People at that level or above', 'Needed by roles', 'People in those roles']];
  const marker = suppressedMarker(names.k);
  for (const team of teams) {
    if (team.suppressed) {
      records.push([text(teamPath(names, team.teamId)), marker, marker, marker, marker, marker, marker]);
      continue;
    }
    for (const risk of team.risks as CoverageRisk[]) {
      records.push([
        text(teamPath(names, team.teamId)),
        String(team.people ?? ''),
        text(skillName(names, risk.skillId)),
        String(risk.level),
        String(risk.holders),
        text(risk.neededByRoleIds.map((id) => roleName(names, id)).join('; ')),
        String(risk.peopleNeeding),
      ]);
    }
  }
  return records;
}

export function requiredVsActualCsv(names: CsvNames, result: { teamId: string; suppressed: unknown; rows: readonly LevelHeadcount[] }): CsvRecords {
  const records: CsvRecords = [['Team', 'Skill', 'Level', 'Required (roles expecting this level or above)', 'Actual (rated at this level or above)']];
  const team = text(teamPath(names, result.teamId));
  if (result.suppressed) {
    const marker = suppressedMarker(names.k);
    records.push([team, marker, marker, marker, marker]);
    return records;
  }
  for (const row of result.rows) records.push([team, text(skillName(names, row.skillId)), String(row.level), String(row.required), String(row.actual)]);
  return records;
}

const BUCKET_TITLES = {
  now: 'Ready now',
  'within-6-months': 'Within 6 months',
  'within-12-months': 'Within 12 months',
  later: 'Later',
  unknown: 'Unknown (too little data)',
} as const;

export function successionCsv(names: CsvNames, cells: readonly SuccessionCell[]): CsvRecords {
  const records: CsvRecords = [['Target role', 'Team', 'Candidates', ...READINESS_BUCKETS.map((b) => BUCKET_TITLES[b]), 'Blocking most (people)']];
  for (const cell of cells) {
    const blockers = cell.blockers
      .slice(0, 3)
      .map((b) => `${b.kind === 'skill' ? skillName(names, b.id) : b.id} (${formatFigure(b.people, 'count', names.k)})`)
      .join('; ');
    records.push([
      text(roleName(names, cell.targetRoleId)),
      text(teamPath(names, cell.teamId)),
      formatFigure(cell.candidates, 'count', names.k),
      ...READINESS_BUCKETS.map((b) => formatFigure(cell.byBucket[b], 'count', names.k)),
      cell.candidates.suppressed ? suppressedMarker(names.k) : text(blockers),
    ]);
  }
  return records;
}

const COMPARISON_LABELS: Record<CalibrationSource, string> = { manager: 'manager − self', mentor: 'mentor − self', mentorVsManager: 'mentor − manager' };

export function calibrationCsv(names: CsvNames, cells: readonly CalibrationCell[]): CsvRecords {
  const records: CsvRecords = [['Team', 'Skill', 'Comparison', 'People', 'Mean difference (levels)', 'Standard deviation']];
  for (const cell of cells) {
    records.push([
      text(teamPath(names, cell.teamId)),
      text(skillName(names, cell.skillId)),
      COMPARISON_LABELS[cell.source],
      formatFigure(cell.pairs, 'count', names.k),
      formatFigure(cell.meanDifference, 'difference', names.k),
      formatFigure(cell.standardDeviation, 'level', names.k),
    ]);
  }
  return records;
}

/** Assessors by an id or name the caller resolves (people's names: the API decides who may see them). */
export function assessorCsv(names: CsvNames, rows: readonly AssessorCalibration[], assessorName: (id: string) => string): CsvRecords {
  const records: CsvRecords = [['Assessor', 'Source', 'People rated (at least)', 'Mean difference', 'Standard deviation', 'Offset vs others', 'Shrunk offset', 'Flag']];
  for (const row of rows) {
    records.push([
      text(assessorName(row.assessorId)),
      row.source,
      formatFigure(row.people, 'count', names.k),
      formatFigure(row.meanDifference, 'difference', names.k),
      formatFigure(row.standardDeviation, 'level', names.k),
      formatFigure(row.offset, 'difference', names.k),
      formatFigure(row.shrunkOffset, 'difference', names.k),
      row.people.suppressed ? suppressedMarker(names.k) : (row.flag ?? ''),
    ]);
  }
  return records;
}

export function participationCsv(names: CsvNames, rows: readonly ParticipationRow[]): CsvRecords {
  const withMentoring = rows.some((r) => r.mentoring !== null);
  const records: CsvRecords = [
    [
      'Team',
      'People',
      'With a plan',
      'Agreed',
      'Active',
      'Reviewed on time',
      'Review overdue',
      'Stale',
      ...(withMentoring
        ? [
            'Mentees (of people)',
            'With an active mentor (of mentees)',
            'Waiting for a mentor (of mentees)',
            'Mentees waiting',
            'With a plan and an active mentor (of people with a plan)',
            'Active mentoring pairs',
            'Fizzling pairs',
          ]
        : []),
    ],
  ];
  for (const row of rows) {
    records.push([
      text(teamPath(names, row.teamId)),
      formatFigure(row.people, 'count', names.k),
      ...[row.withPlan, row.agreed, row.active, row.reviewedOnTime, row.overdue, row.stale].map((f) => formatFigure(f, 'share', names.k)),
      ...(withMentoring
        ? row.mentoring
          ? [
              ...[row.mentoring.mentees, row.mentoring.withActiveMentor, row.mentoring.waiting].map((f) => formatFigure(f, 'share', names.k)),
              formatFigure(row.mentoring.waitingPeople, 'count', names.k),
              formatFigure(row.mentoring.planCoverage, 'share', names.k),
              formatFigure(row.mentoring.activePairs, 'count', names.k),
              formatFigure(row.mentoring.fizzlingPairs, 'count', names.k),
            ]
          : ['', '', '', '', '', '', '']
        : []),
    ]);
  }
  return records;
}

export function trainingDemandCsv(names: CsvNames, items: readonly TrainingDemand[]): CsvRecords {
  const records: CsvRecords = [['Kind', 'Qualification or course', 'Team', 'People wanting it']];
  for (const item of items) {
    for (const team of item.byTeam) {
      records.push([item.kind, text(item.title), text(teamPath(names, team.teamId)), formatFigure(team.people, 'count', names.k)]);
    }
  }
  return records;
}

/** A figure over the last months: one row per month. */
export function trendCsv(names: CsvNames, title: string, format: FigureFormat, series: readonly { month: string; figure: Figure }[]): CsvRecords {
  return [['Month', text(title)], ...series.map((p) => [p.month, formatFigure(p.figure, format, names.k)])];
}
