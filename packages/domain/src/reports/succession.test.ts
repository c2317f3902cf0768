import { smallFramework } from '../framework/test-fixtures.js';
import type { Assessment } from '../plans/assessments.js';
import { readiness } from '../plans/readiness.js';
import {
  READINESS_BUCKETS,
  readinessOutlook,
  successionPeople,
  successionReport,
  successionRowsFromCandidates,
  successionSourceRoles,
  successionView,
  type ReadinessOutlook,
  type SuccessionCandidate,
} from './succession.js';
import { smallTeams } from './test-fixtures.js';

const now = new Date('2026-07-01T00:00:00Z');
const at = (iso: string, levels: Record<string, number>, source: Assessment['source'] = 'manager'): Assessment[] =>
  Object.entries(levels).map(([skillKey, level]) => ({ skillKey, level, source, assessedAt: new Date(iso) }));

function outlook(roleKey: string, assessments: Assessment[], options = {}, held: { key: string; achievedOn: Date }[] = [], doc = smallFramework()) {
  return readinessOutlook(readiness(doc, roleKey, assessments, held, now), options);
}

describe('readinessOutlook', () => {
  it('is "now" when every expected skill is rated and met', () => {
    const result = outlook('pmo-manager', at('2026-05-01T00:00:00Z', { planning: 3, 'risk-management': 3, mentoring: 2 }));
    expect(result).toEqual({ bucket: 'now', reason: 'ready', monthsToReady: 0, ratedShare: 1, blockingSkills: [], missingQualificationIds: [] });
  });

  it('places gaps by the forecast: within 6 months, within a year, later', () => {
    // Project manager: planning 3, risk 2. Rated 1 + 1 on 1 January; the pace runs from then to now (1 July).
    const start = at('2026-01-01T00:00:00Z', { planning: 1, 'risk-management': 1 });
    // Planning up to 3 by April: 2 levels in 6 months, 1 (risk) to go: about 3 months.
    const fast = outlook('project-manager', [...start, ...at('2026-04-01T00:00:00Z', { planning: 3 })]);
    expect(fast).toMatchObject({ bucket: 'within-6-months', reason: 'forecast', ratedShare: 1, blockingSkills: [{ skillId: 'risk-management', shortfall: 1 }] });
    expect(fast.monthsToReady).toBeCloseTo(3, 0);
    // Planning up to 2 by June: 1 level in 6 months, 2 to go: about a year.
    const slower = outlook('project-manager', [...start, ...at('2026-06-01T00:00:00Z', { planning: 2 })]);
    expect(slower.bucket).toBe('within-12-months');
    expect(slower.monthsToReady).toBeGreaterThan(6);
    expect(slower.blockingSkills).toEqual([
      { skillId: 'planning', shortfall: 1 },
      { skillId: 'risk-management', shortfall: 1 },
    ]);
    // PMO manager from a year ago: 1 level in 12 months, 4 to go.
    const slow = outlook('pmo-manager', [
      ...at('2025-07-01T00:00:00Z', { planning: 1, 'risk-management': 1, mentoring: 1 }),
      ...at('2026-06-01T00:00:00Z', { planning: 2 }),
    ]);
    expect(slow.bucket).toBe('later');
    expect(slow.monthsToReady).toBeGreaterThan(12);
  });

  it('is "unknown" with too few skills rated, whatever the rated ones say', () => {
    const result = outlook('pmo-manager', at('2026-05-01T00:00:00Z', { planning: 3 }));
    expect(result).toMatchObject({ bucket: 'unknown', reason: 'too-few-rated', monthsToReady: null });
    expect(result.ratedShare).toBeCloseTo(1 / 3);
  });

  it('is "unknown", not "now", when the rated skills are met but some are unrated', () => {
    const result = outlook('pmo-manager', at('2026-05-01T00:00:00Z', { planning: 3, 'risk-management': 3 }), { minRatedShare: 0.5 });
    expect(result).toMatchObject({ bucket: 'unknown', reason: 'unrated-skills' });
  });

  it('is "unknown" when gaps remain and there is no pace to forecast from', () => {
    const result = outlook('project-manager', at('2026-05-01T00:00:00Z', { planning: 2, 'risk-management': 2 }));
    expect(result).toMatchObject({ bucket: 'unknown', reason: 'not-enough-history', blockingSkills: [{ skillId: 'planning', shortfall: 1 }] });
  });

  it('counts levels assumed from the current role as known, but not as ratings', () => {
    const doc = smallFramework();
    const rated = at('2026-05-01T00:00:00Z', { planning: 3, 'risk-management': 3 });
    // A senior PMO analyst aiming at PMO manager: mentoring unrated, assumed at the senior's 1 (of 2).
    const withAssumption = readinessOutlook(readiness(doc, 'pmo-manager', rated, [], now, { currentRoleKey: 'senior-pmo-analyst' }));
    expect(withAssumption).toMatchObject({ bucket: 'unknown', reason: 'not-enough-history', blockingSkills: [{ skillId: 'mentoring', shortfall: 1 }] });
    expect(withAssumption.ratedShare).toBeCloseTo(2 / 3);
    // Without a current role it is simply unknown.
    expect(readinessOutlook(readiness(doc, 'pmo-manager', rated, [], now))).toMatchObject({ bucket: 'unknown', reason: 'unrated-skills', blockingSkills: [] });
    // Assumed levels alone are not evidence.
    const assumedOnly = readinessOutlook(readiness(doc, 'senior-pmo-analyst', [], [], now, { currentRoleKey: 'senior-pmo-analyst' }));
    expect(assumedOnly).toMatchObject({ bucket: 'unknown', reason: 'too-few-rated', ratedShare: 0 });
  });

  it('never says "now" without a required qualification', () => {
    const doc = smallFramework();
    doc.qualifications.push({ key: 'cert', name: 'Certificate', provider: 'Body', skillKeys: [], requiredForRoleKeys: ['project-manager'], recommendedForRoleKeys: [] });
    const skills = at('2026-05-01T00:00:00Z', { planning: 3, 'risk-management': 2 });
    expect(outlook('project-manager', skills, {}, [], doc)).toMatchObject({ bucket: 'within-6-months', reason: 'qualification', missingQualificationIds: ['cert'] });
    expect(outlook('project-manager', skills, { qualificationMonths: 9 }, [], doc).bucket).toBe('within-12-months');
    expect(outlook('project-manager', skills, {}, [{ key: 'cert', achievedOn: new Date('2026-01-01T00:00:00Z') }], doc).bucket).toBe('now');
    // A recommended qualification does not block.
    expect(outlook('project-manager', skills).bucket).toBe('now');
  });
});

describe('successionSourceRoles', () => {
  it('lists the roles a move leads from', () => {
    const doc = smallFramework();
    expect(successionSourceRoles(doc, 'pmo-manager')).toEqual(['senior-pmo-analyst']);
    expect(successionSourceRoles(doc, 'project-manager')).toEqual(['senior-pmo-analyst']);
    expect(successionSourceRoles(doc, 'project-manager', ['promotion'])).toEqual([]);
  });
});

function candidate(personId: string, teamId: string, targetRoleId: string, bucket: ReadinessOutlook['bucket'], blocking: [string, number][] = [], quals: string[] = []): SuccessionCandidate {
  return {
    personId,
    teamId,
    targetRoleId,
    outlook: {
      bucket,
      reason: 'forecast',
      monthsToReady: null,
      ratedShare: 1,
      blockingSkills: blocking.map(([skillId, shortfall]) => ({ skillId, shortfall })),
      missingQualificationIds: quals,
    },
  };
}

describe('the succession report', () => {
  // Project manager candidates: 4 in PMO, 3 in Projects, 1 in Delivery itself.
  const candidates = [
    candidate('a1', 'pmo', 'project-manager', 'now'),
    candidate('a2', 'pmo', 'project-manager', 'within-6-months', [['planning', 1]]),
    candidate('a3', 'pmo', 'project-manager', 'unknown'),
    candidate('s1', 'pmo', 'project-manager', 'within-12-months', [['planning', 2], ['risk-management', 1]], ['pmp']),
    candidate('j1', 'projects', 'project-manager', 'now'),
    candidate('j2', 'projects', 'project-manager', 'later', [['planning', 1]]),
    candidate('j3', 'projects', 'project-manager', 'within-6-months', [['risk-management', 1]]),
    candidate('d1', 'delivery', 'project-manager', 'now'),
    candidate('s1', 'pmo', 'pmo-manager', 'later', [['mentoring', 1]]),
  ];
  const rows = successionRowsFromCandidates(candidates);

  it('keeps bucket counts and blockers per team and target role as rollup rows', () => {
    expect(rows.succession).toContainEqual({ teamId: 'pmo', targetRoleId: 'project-manager', byBucket: [1, 1, 1, 0, 1] });
    expect(rows.blockers).toContainEqual({ teamId: 'pmo', targetRoleId: 'project-manager', kind: 'skill', id: 'planning', people: 2, shortfallSum: 3 });
    expect(rows.blockers).toContainEqual({ teamId: 'pmo', targetRoleId: 'project-manager', kind: 'qualification', id: 'pmp', people: 1, shortfallSum: 0 });
  });

  it('counts who could step in now, within 6 months, within a year, later or unknown, per team', () => {
    const report = successionReport({ teams: smallTeams, ...rows, k: 3 });
    const view = successionView(report, { teamId: 'delivery', targetRoleId: 'project-manager' });
    const counts = (teamId: string) => {
      const cell = view.find((c) => c.teamId === teamId);
      return [cell?.candidates.value ?? cell?.candidates.suppressed, ...READINESS_BUCKETS.map((b) => cell?.byBucket[b].value ?? cell?.byBucket[b].suppressed)];
    };
    expect(counts('delivery')).toEqual([8, 3, 2, 1, 1, 1]);
    expect(counts('pmo')).toEqual([4, 1, 1, 1, 0, 1]);
    // Delivery − PMO − Projects would single out d1: Projects (the smaller) is hidden too.
    expect(counts('projects')).toEqual(['complementary', 'complementary', 'complementary', 'complementary', 'complementary', 'complementary']);
    const delivery = view.find((c) => c.teamId === 'delivery');
    expect(delivery?.blockers.map((b) => [b.kind, b.id, b.people.value, b.meanShortfall.value])).toEqual([
      ['skill', 'planning', 3, 4 / 3],
      ['skill', 'risk-management', 2, 1],
      ['qualification', 'pmp', 1, null],
    ]);
    expect(view.find((c) => c.teamId === 'projects')?.blockers).toEqual([]);
  });

  it('suppresses a target role with fewer than k candidates', () => {
    const report = successionReport({ teams: smallTeams, ...rows, k: 3 });
    const cell = successionView(report, { targetRoleId: 'pmo-manager' })[0];
    expect(cell?.candidates).toEqual({ value: null, people: null, suppressed: 'small' });
    expect(cell?.blockers).toEqual([]);
    expect(report.roleIds).toEqual(['pmo-manager', 'project-manager']);
  });

  it('lists people per bucket for a manager’s own reports', () => {
    const people = successionPeople(candidates.filter((c) => c.teamId === 'projects'));
    expect(people.get('project-manager')).toEqual({ now: ['j1'], 'within-6-months': ['j3'], 'within-12-months': [], later: ['j2'], unknown: [] });
  });
});
