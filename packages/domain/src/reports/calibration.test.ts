import {
  assessorCalibration,
  calibrationBySkill,
  calibrationReport,
  calibrationRowsFromPeople,
  meanAndSpread,
  type CalibrationPerson,
  type CalibrationRating,
} from './calibration.js';
import { smallTeams } from './test-fixtures.js';

const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const rating = (skillId: string, level: number, source: CalibrationRating['source'], assessorId: string | null, d = 10): CalibrationRating => ({
  skillId,
  level,
  source,
  assessorId,
  assessedAt: day(d),
});

/** People of a team rated by one manager: [self, manager] per person for each skill. */
function team(teamId: string, manager: string, prefix: string, skills: Record<string, [number, number][]>): CalibrationPerson[] {
  const count = Math.max(...Object.values(skills).map((pairs) => pairs.length));
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    teamId,
    ratings: Object.entries(skills).flatMap(([skillId, pairs]) => {
      const pair = pairs[i];
      return pair ? [rating(skillId, pair[0], 'self', null), rating(skillId, pair[1], 'manager', manager)] : [];
    }),
  }));
}

// PMO, rated by mgr-a, whose ratings sit below the people's own; Projects, rated by mgr-b, above.
const people = [
  ...team('pmo', 'mgr-a', 'p', {
    planning: [[2, 1], [3, 2], [1, 1], [2, 1], [2, 2]],
    'risk-management': [[3, 1], [2, 1], [3, 1], [2, 1], [2, 1]],
  }),
  ...team('projects', 'mgr-b', 'q', {
    planning: [[1, 2], [2, 3], [2, 2], [1, 2], [1, 3]],
    'risk-management': [[1, 2], [2, 2], [1, 2], [2, 2], [1, 2]],
  }),
];

describe('calibration rows', () => {
  it('pairs each person’s latest self rating with their latest rating by each source', () => {
    const person: CalibrationPerson = {
      id: 'x',
      teamId: 'pmo',
      ratings: [
        rating('planning', 1, 'self', null, 1),
        rating('planning', 3, 'self', null, 5),
        rating('planning', 2, 'manager', 'mgr-a', 3),
        rating('planning', 1, 'manager', 'mgr-z', 7),
        rating('planning', 4, 'mentor', 'mentor-m', 6),
        rating('risk-management', 2, 'manager', 'mgr-a', 3),
      ],
    };
    expect(calibrationRowsFromPeople([person])).toEqual([
      { teamId: 'pmo', skillId: 'planning', source: 'manager', assessorId: 'mgr-z', pairs: 1, sumDifference: -2, sumSquaredDifference: 4 },
      { teamId: 'pmo', skillId: 'planning', source: 'mentor', assessorId: 'mentor-m', pairs: 1, sumDifference: 1, sumSquaredDifference: 1 },
      // Mentor 4 against the latest manager rating (mgr-z's 1 on the 7th).
      { teamId: 'pmo', skillId: 'planning', source: 'mentorVsManager', assessorId: 'mentor-m', pairs: 1, sumDifference: 3, sumSquaredDifference: 9 },
    ]);
    // As it stood on 4 January: self 1, manager 2 (mgr-a).
    expect(calibrationRowsFromPeople([person], day(4))).toEqual([
      { teamId: 'pmo', skillId: 'planning', source: 'manager', assessorId: 'mgr-a', pairs: 1, sumDifference: 1, sumSquaredDifference: 1 },
    ]);
  });

  it('sums pairs per team, skill, source and assessor', () => {
    const rows = calibrationRowsFromPeople(people);
    expect(rows).toContainEqual({ teamId: 'pmo', skillId: 'planning', source: 'manager', assessorId: 'mgr-a', pairs: 5, sumDifference: -3, sumSquaredDifference: 3 });
    expect(rows).toContainEqual({ teamId: 'projects', skillId: 'planning', source: 'manager', assessorId: 'mgr-b', pairs: 5, sumDifference: 5, sumSquaredDifference: 7 });
  });
});

describe('meanAndSpread', () => {
  it('gives the mean and the sample standard deviation from the sums', () => {
    expect(meanAndSpread(0, 0, 0)).toEqual({ mean: null, standardDeviation: null });
    expect(meanAndSpread(1, 2, 4)).toEqual({ mean: 2, standardDeviation: null });
    const { mean, standardDeviation } = meanAndSpread(5, -3, 3);
    expect(mean).toBeCloseTo(-0.6);
    expect(standardDeviation).toBeCloseTo(Math.sqrt(0.3));
  });
});

describe('the calibration report', () => {
  const report = calibrationReport({ teams: smallTeams, rows: calibrationRowsFromPeople(people), k: 3 });

  it('gives the mean difference and its spread per skill and team', () => {
    const cells = calibrationBySkill(report, { teamId: 'delivery', source: 'manager' });
    const planning = (teamId: string) => cells.find((c) => c.teamId === teamId && c.skillId === 'planning');
    expect(planning('delivery')?.pairs.value).toBe(10);
    expect(planning('delivery')?.meanDifference.value).toBeCloseTo(0.2);
    expect(planning('delivery')?.standardDeviation.value).toBeCloseTo(Math.sqrt((10 - 0.4) / 9));
    expect(planning('pmo')?.meanDifference.value).toBeCloseTo(-0.6);
    expect(planning('projects')?.meanDifference.value).toBeCloseTo(1);
    expect(planning('projects')?.standardDeviation.value).toBeCloseTo(Math.sqrt(0.5));
    // No mentor ratings: no mentor cells.
    expect(calibrationBySkill(report, { source: 'mentor' })).toEqual([]);
    expect(calibrationBySkill(report, { source: 'mentorVsManager' })).toEqual([]);
  });

  it('flags assessors who rate far above or below the others on the same skills, shrunk by their count', () => {
    const assessors = assessorCalibration(report);
    expect(assessors.map((a) => [a.assessorId, a.flag])).toEqual([
      ['mgr-a', 'below'],
      ['mgr-b', 'above'],
    ]);
    const a = assessors[0];
    // Planning: −0.6 vs the others' 1 (−1.6); risk: −1.4 vs 0.6 (−2); weighted −1.8; shrunk by 10/15.
    expect(a?.offset.value).toBeCloseTo(-1.8);
    expect(a?.shrunkOffset.value).toBeCloseTo(-1.2);
    expect(a?.people.value).toBe(5);
    // With a stronger prior the same offset is not enough evidence.
    const cautious = calibrationReport({ teams: smallTeams, rows: calibrationRowsFromPeople(people), k: 3, priorPairs: 10 });
    expect(assessorCalibration(cautious).map((x) => x.flag)).toEqual([null, null]);
    const strict = calibrationReport({ teams: smallTeams, rows: calibrationRowsFromPeople(people), k: 3, flagThreshold: 1.5 });
    expect(assessorCalibration(strict).map((x) => x.flag)).toEqual([null, null]);
  });

  it('suppresses an assessor of fewer than k people, or whose skills leave 1..k-1 others', () => {
    const rows = calibrationRowsFromPeople([
      ...team('pmo', 'mgr-a', 'p', { planning: [[2, 1], [3, 2], [1, 1], [2, 1], [2, 2]] }),
      ...team('projects', 'mgr-b', 'q', { planning: [[1, 2], [2, 3], [2, 2], [1, 2], [1, 3]], mentoring: [[1, 1], [2, 2], [1, 2], [2, 1]] }),
      ...team('delivery', 'mgr-c', 'd', { mentoring: [[1, 3], [2, 3]] }),
    ]);
    const assessors = assessorCalibration(calibrationReport({ teams: smallTeams, rows, k: 3 }));
    const by = (id: string) => assessors.find((x) => x.assessorId === id);
    expect(by('mgr-c')).toMatchObject({ people: { value: null, suppressed: 'small' }, offset: { value: null }, flag: null });
    // The organisation's mentoring figure minus mgr-b's would describe mgr-c's 2 people.
    expect(by('mgr-b')).toMatchObject({ people: { value: null, suppressed: 'complementary' }, flag: null });
    expect(by('mgr-a')?.people).toEqual({ value: 5, people: 5, suppressed: null });
    // Team cells: Delivery's own 2 mentoring pairs are small, and Projects' 4 become their complement.
    const cells = calibrationBySkill(calibrationReport({ teams: smallTeams, rows, k: 3 }), { teamId: 'delivery', source: 'manager' });
    const cell = (teamId: string, skillId: string) => cells.find((x) => x.teamId === teamId && x.skillId === skillId);
    expect(cell('delivery', 'mentoring')?.pairs.value).toBe(6);
    expect(cell('projects', 'mentoring')?.pairs.suppressed).toBe('complementary');
    expect(cell('pmo', 'planning')?.pairs.value).toBe(5);
  });
});

describe('mentor ratings as a third source', () => {
  /** People rated [self, manager, mentor] on planning, by one manager and one mentor per team. */
  const rated = (teamId: string, manager: string, mentor: string, prefix: string, levels: [number, number, number | null][]): CalibrationPerson[] =>
    levels.map(([self, byManager, byMentor], i) => ({
      id: `${prefix}${i + 1}`,
      teamId,
      ratings: [
        rating('planning', self, 'self', null),
        rating('planning', byManager, 'manager', manager),
        ...(byMentor === null ? [] : [rating('planning', byMentor, 'mentor', mentor, 12)]),
      ],
    }));
  const mentored = [
    // PMO's mentor rates 1 above self and 2 above the manager, for 4 people (the 5th has no mentor rating).
    ...rated('pmo', 'mgr-a', 'men-a', 'p', [[2, 1, 3], [3, 2, 4], [1, 1, 2], [2, 1, 3], [2, 2, null]]),
    // Projects' mentor agrees with self; 2 people only.
    ...rated('projects', 'mgr-b', 'men-b', 'q', [[1, 2, 1], [2, 3, 2]]),
  ];
  const report = calibrationReport({ teams: smallTeams, rows: calibrationRowsFromPeople(mentored), k: 3 });
  const cellOf = (source: 'mentor' | 'mentorVsManager', teamId: string) =>
    calibrationBySkill(report, { teamId: 'delivery', source }).find((c) => c.teamId === teamId && c.skillId === 'planning');

  it('gives mentor − self and mentor − manager per skill and team, beside manager − self', () => {
    // Mentor − self: PMO +1 ×4, Projects 0 ×2: mean 4/6, Σd² 4.
    expect(cellOf('mentor', 'delivery')?.pairs.value).toBe(6);
    expect(cellOf('mentor', 'delivery')?.meanDifference.value).toBeCloseTo(4 / 6);
    expect(cellOf('mentor', 'delivery')?.standardDeviation.value).toBeCloseTo(Math.sqrt((4 - 16 / 6) / 5));
    // Mentor − manager: PMO 2, 2, 1, 2; Projects −1, −1.
    expect(cellOf('mentorVsManager', 'delivery')?.meanDifference.value).toBeCloseTo(5 / 6);
    // At k = 2 the teams' own figures show.
    const open = calibrationReport({ teams: smallTeams, rows: calibrationRowsFromPeople(mentored), k: 2 });
    const teamCell = (source: 'mentor' | 'mentorVsManager', teamId: string) =>
      calibrationBySkill(open, { teamId: 'delivery', source }).find((c) => c.teamId === teamId && c.skillId === 'planning');
    expect(teamCell('mentor', 'pmo')?.meanDifference.value).toBeCloseTo(1);
    expect(teamCell('mentor', 'pmo')?.standardDeviation.value).toBeCloseTo(0);
    expect(teamCell('mentorVsManager', 'pmo')?.meanDifference.value).toBeCloseTo(7 / 4);
    expect(teamCell('mentorVsManager', 'projects')?.meanDifference.value).toBeCloseTo(-1);
    // Manager − self still counts all 7 people.
    expect(calibrationBySkill(report, { source: 'manager' })[0]?.pairs.value).toBe(7);
  });

  it('suppresses mentor cells over fewer than k people, and their complements', () => {
    // Projects has 2 mentor pairs: small; PMO's 4 are the organisation's 6 minus them.
    expect(cellOf('mentor', 'projects')?.meanDifference).toEqual({ value: null, people: null, suppressed: 'small' });
    expect(cellOf('mentor', 'pmo')?.meanDifference.suppressed).toBe('complementary');
    expect(cellOf('mentorVsManager', 'projects')?.pairs.suppressed).toBe('small');
    expect(cellOf('mentorVsManager', 'pmo')?.standardDeviation.suppressed).toBe('complementary');
    const assessors = assessorCalibration(report, { source: 'mentor' });
    expect(assessors.find((a) => a.assessorId === 'men-b')?.people.suppressed).toBe('small');
    // men-a's 4 people beside men-b's 2: the organisation's figure minus men-a's would describe those 2.
    expect(assessors.find((a) => a.assessorId === 'men-a')?.people.suppressed).toBe('complementary');
  });
});
