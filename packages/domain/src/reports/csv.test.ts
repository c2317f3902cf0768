import { assessorCalibration, calibrationBySkill, calibrationReport, calibrationRowsFromPeople } from './calibration.js';
import {
  assessorCsv,
  calibrationCsv,
  coverageCsv,
  formatFigure,
  gapsCsv,
  heatmapCsv,
  heatmapMatrixCsv,
  participationCsv,
  requiredVsActualCsv,
  successionCsv,
  suppressedMarker,
  trainingDemandCsv,
  trendCsv,
  type CsvNames,
} from './csv.js';
import { heatmapCategory, toHeatmapMatrix } from './read-models.js';
import { participationReport, participationView, trainingDemand } from './participation.js';
import { coverageRisks, gapsByTeam, heatmap, requiredVsActual } from './skill-views.js';
import { skillReport, skillRowsFromPeople } from './skills.js';
import { successionReport, successionView } from './succession.js';
import { smallCatalogue, smallPeople, smallTeams } from './test-fixtures.js';

const report = skillReport({ catalogue: smallCatalogue(), teams: smallTeams, ...skillRowsFromPeople(smallPeople()), k: 3, filters: false });
const names: CsvNames = { catalogue: report.catalogue, hierarchy: report.hierarchy, k: 3 };

describe('figures in CSV', () => {
  it('writes suppressed figures as "<k", nobody as empty, and formats counts, shares, levels and differences', () => {
    expect(suppressedMarker(5)).toBe('<5');
    expect(formatFigure({ value: null, people: null, suppressed: 'small' }, 'share', 5)).toBe('<5');
    expect(formatFigure({ value: null, people: 0, suppressed: null }, 'share', 5)).toBe('');
    expect(formatFigure({ value: 7, people: 7, suppressed: null }, 'count', 5)).toBe('7');
    expect(formatFigure({ value: 0.625, people: 8, suppressed: null }, 'share', 5)).toBe('62.5%');
    expect(formatFigure({ value: 1 / 3, people: 9, suppressed: null }, 'share', 5)).toBe('33.3%');
    expect(formatFigure({ value: 20 / 9, people: 9, suppressed: null }, 'level', 5)).toBe('2.22');
    expect(formatFigure({ value: 0.5, people: 9, suppressed: null }, 'difference', 5)).toBe('+0.50');
    expect(formatFigure({ value: -1.2, people: 9, suppressed: null }, 'difference', 5)).toBe('-1.20');
  });
});

describe('report CSVs', () => {
  it('the heatmap: one row per team and skill, team paths, suppressed cells marked', () => {
    const records = heatmapCsv(names, heatmap(report, { teamId: 'delivery' }));
    expect(records[0]).toEqual(['Team', 'Skill category', 'Skill', 'People assessed', 'Average level', 'Meeting their role expectation']);
    expect(records).toContainEqual(['Delivery', 'Delivery', 'Planning', '9', '2.22', '88.9%']);
    expect(records).toContainEqual(['Delivery/PMO', 'People', 'Mentoring', '<3', '<3', '<3']);
    expect(records).toContainEqual(['Delivery/Projects', 'Delivery', 'Planning', '<3', '<3', '<3']);
    expect(records).toContainEqual(['Delivery/Projects', 'People', 'Mentoring', '0', '', '']);
    expect(records).toHaveLength(1 + 3 * 3);
  });

  it('the heatmap from its stored matrix: the same records, for every drill and category', () => {
    for (const teamId of [null, 'delivery', 'pmo', 'projects']) {
      const full = toHeatmapMatrix(heatmap(report, { teamId }));
      for (const categoryId of [null, ...report.catalogue.categories.map((c) => c.id)]) {
        const matrix = JSON.parse(JSON.stringify(heatmapCategory(full, categoryId))) as typeof full;
        expect(heatmapMatrixCsv(3, matrix)).toEqual(heatmapCsv(names, heatmap(report, { teamId, categoryId })));
      }
    }
    expect(heatmapMatrixCsv(3, toHeatmapMatrix(heatmap(report, { teamId: 'delivery' })))).toContainEqual(['Delivery/PMO', 'People', 'Mentoring', '<3', '<3', '<3']);
  });

  it('gaps, coverage and required vs actual', () => {
    const gaps = gapsCsv(names, gapsByTeam(report, { teamId: 'delivery' }));
    expect(gaps).toContainEqual(['Delivery', 'All', 'Risk management', '10', '2', '2', '25.0%', '0.25', '1.00']);
    expect(gaps).toContainEqual(['Delivery/Projects', 'All', 'Planning', '4', '<3', '<3', '<3', '<3', '<3']);
    const coverage = coverageCsv(names, coverageRisks(report, { teamId: 'delivery' }));
    expect(coverage).toEqual([
      ['Team', 'People', 'Skill', 'Level needed', 'People at that level or above', 'Needed by roles', 'People in those roles'],
      ['Delivery', '10', 'Risk management', '3', '1', 'PMO Manager', '2'],
      ['Delivery/PMO', '5', 'Risk management', '3', '0', 'PMO Manager', '1'],
      ['Delivery/PMO', '5', 'Planning', '3', '1', 'PMO Manager', '1'],
      ['Delivery/PMO', '5', 'Mentoring', '2', '1', 'PMO Manager', '1'],
      ['Delivery/Projects', '<3', '<3', '<3', '<3', '<3', '<3'],
    ]);
    const levels = requiredVsActualCsv(names, requiredVsActual(report, { teamId: 'delivery' }));
    expect(levels[1]).toEqual(['Delivery', 'Planning', '1', '10', '9']);
    expect(requiredVsActualCsv(names, requiredVsActual(report, { teamId: 'projects' }))[1]).toEqual(['Delivery/Projects', '<3', '<3', '<3', '<3']);
  });

  it('succession, calibration, participation, training demand and trends', () => {
    const succession = successionReport({
      teams: smallTeams,
      succession: [
        { teamId: 'pmo', targetRoleId: 'project-manager', byBucket: [1, 1, 0, 1, 1] },
        { teamId: 'projects', targetRoleId: 'project-manager', byBucket: [1, 0, 0, 0, 0] },
      ],
      blockers: [{ teamId: 'pmo', targetRoleId: 'project-manager', kind: 'skill', id: 'planning', people: 2, shortfallSum: 3 }],
      k: 3,
    });
    expect(successionCsv(names, successionView(succession, { teamId: 'delivery' }))).toEqual([
      ['Target role', 'Team', 'Candidates', 'Ready now', 'Within 6 months', 'Within 12 months', 'Later', 'Unknown (too little data)', 'Blocking most (people)'],
      ['Project Manager', 'Delivery', '5', '2', '1', '0', '1', '1', 'Planning (2)'],
      ['Project Manager', 'Delivery/PMO', '<3', '<3', '<3', '<3', '<3', '<3', '<3'],
      ['Project Manager', 'Delivery/Projects', '<3', '<3', '<3', '<3', '<3', '<3', '<3'],
    ]);

    const day = new Date('2026-01-10T00:00:00Z');
    const calibration = calibrationReport({
      teams: smallTeams,
      rows: calibrationRowsFromPeople(
        [1, 2, 3].map((i) => ({
          id: `p${i}`,
          teamId: 'pmo',
          ratings: [
            { skillId: 'planning', level: 2, source: 'self' as const, assessorId: null, assessedAt: day },
            { skillId: 'planning', level: i === 1 ? 1 : 2, source: 'manager' as const, assessorId: 'mgr', assessedAt: day },
          ],
        })),
      ),
      k: 3,
    });
    expect(calibrationCsv(names, calibrationBySkill(calibration, { teamId: 'pmo' }))).toEqual([
      ['Team', 'Skill', 'Comparison', 'People', 'Mean difference (levels)', 'Standard deviation'],
      ['Delivery/PMO', 'Planning', 'manager − self', '3', '-0.33', '0.58'],
    ]);
    expect(assessorCsv(names, assessorCalibration(calibration), (id) => (id === 'mgr' ? '=HYPERLINK("x")' : id))[1]).toEqual([
      "'=HYPERLINK(\"x\")",
      'manager',
      '3',
      '-0.33',
      '0.58',
      '',
      '',
      '',
    ]);

    const participation = participationReport({
      catalogue: report.catalogue,
      teams: smallTeams,
      planHealth: [{ teamId: 'pmo', roleId: null, people: 4, withPlan: 3, agreed: 2, active: 1, inReview: 2, reviewedOnTime: 1, overdue: 1, stale: 0 }],
      trainingDemand: [{ teamId: 'pmo', kind: 'qualification', itemId: 'pmp', title: 'PMP', people: 3 }],
      k: 3,
      filters: false,
    });
    expect(participationCsv(names, participationView(participation, { teamId: 'pmo' }))).toEqual([
      ['Team', 'People', 'With a plan', 'Agreed', 'Active', 'Reviewed on time', 'Review overdue', 'Stale'],
      ['Delivery/PMO', '4', '75.0%', '50.0%', '25.0%', '<3', '<3', '0.0%'],
    ]);
    const withMentoring = participationReport({
      catalogue: report.catalogue,
      teams: smallTeams,
      planHealth: [],
      mentoring: [
        { teamId: 'pmo', roleId: null, people: 8, mentees: 5, withActiveMentor: 3, waiting: 2, withPlan: 6, withPlanAndMentor: 3, activePairs: 4, fizzlingPairs: 1 },
      ],
      k: 3,
      filters: false,
    });
    const mentoringCsv = participationCsv(names, participationView(withMentoring, { teamId: 'pmo' }));
    expect(mentoringCsv[0]?.slice(8)).toEqual([
      'Mentees (of people)',
      'With an active mentor (of mentees)',
      'Waiting for a mentor (of mentees)',
      'Mentees waiting',
      'With a plan and an active mentor (of people with a plan)',
      'Active mentoring pairs',
      'Fizzling pairs',
    ]);
    expect(mentoringCsv[1]?.slice(8)).toEqual(['62.5%', '60.0%', '40.0%', '2', '50.0%', '4', '1']);
    expect(trainingDemandCsv(names, trainingDemand(participation, { teamId: 'pmo' }))).toEqual([
      ['Kind', 'Qualification or course', 'Team', 'People wanting it'],
      ['qualification', 'PMP', 'Delivery/PMO', '3'],
    ]);
    expect(
      trendCsv(names, 'Average planning level', 'level', [
        { month: '2026-01', figure: { value: 2.5, people: 8, suppressed: null } },
        { month: '2026-02', figure: { value: null, people: null, suppressed: 'small' } },
      ]),
    ).toEqual([
      ['Month', 'Average planning level'],
      ['2026-01', '2.50'],
      ['2026-02', '<3'],
    ]);
  });
});
