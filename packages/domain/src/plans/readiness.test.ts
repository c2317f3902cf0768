import { pmoFramework } from '../framework/pmo-framework.js';
import { smallFramework } from '../framework/test-fixtures.js';
import type { Assessment } from './assessments.js';
import { readiness } from './readiness.js';

const rating = (skillKey: string, level: number, iso: string, source: Assessment['source'] = 'self'): Assessment => ({
  skillKey,
  level,
  source,
  assessedAt: new Date(iso),
});
const now = new Date('2026-07-01T00:00:00Z');

describe('readiness', () => {
  it('gives the share of the known expectations met and the blocking gaps, largest first', () => {
    const doc = smallFramework();
    const result = readiness(doc, 'pmo-manager', [rating('planning', 3, '2026-01-01T00:00:00Z'), rating('risk-management', 2, '2026-01-01T00:00:00Z')], [], now);
    // mentoring is unrated and there is no current role: unknown, not level 0
    expect(result.shareMet).toBeCloseTo(1 / 2);
    expect(result.coverage).toEqual({ expected: 3, rated: 2, assumed: 0, unknown: 1, known: 2, share: 2 / 3 });
    expect(result.blockingGaps.map((g) => [g.skillKey, g.shortfall, g.status])).toEqual([['risk-management', 1, 'unmet']]);
    expect(result.unknownSkills.map((g) => g.skillKey)).toEqual(['mentoring']);
    expect(result.analysis.totalShortfall).toBe(1);
    expect(result.assumption).toBe('2 of 3 expectations rated; 1 unknown, not counted.');
  });

  it('assumes the current role’s level for unrated skills, and says so', () => {
    const doc = smallFramework();
    const result = readiness(doc, 'pmo-manager', [rating('planning', 3, '2026-01-01T00:00:00Z')], [], now, { currentRoleKey: 'senior-pmo-analyst' });
    expect(result.analysis.skills.map((s) => [s.skillKey, s.currentLevel, s.basis])).toEqual([
      ['planning', 3, 'rated'],
      ['risk-management', 2, 'assumed'],
      ['mentoring', 1, 'assumed'],
    ]);
    expect(result.shareMet).toBeCloseTo(1 / 3);
    expect(result.analysis.totalShortfall).toBe(2);
    expect(result.assumedFromRoleKey).toBe('senior-pmo-analyst');
    expect(result.assumption).toBe('1 of 3 expectations rated; 2 assumed at the level your current role (Senior PMO Analyst) expects.');
  });

  it('says nothing is known rather than 0% when nothing is rated or assumed', () => {
    const result = readiness(smallFramework(), 'pmo-manager', [], [], now);
    expect(result.coverage.known).toBe(0);
    expect(result.shareMet).toBe(0);
    expect(result.forecast).toEqual({ kind: 'not-enough-history', reason: 'nothing is known yet about this role’s skills: rate them first' });
  });

  it('flags missing, held, expiring and expired qualifications (validity in months)', () => {
    const doc = smallFramework();
    doc.qualifications.push({
      key: 'cert',
      name: 'Certificate',
      provider: 'Body',
      skillKeys: ['planning'],
      requiredForRoleKeys: ['project-manager'],
      recommendedForRoleKeys: [],
    });
    const states = (held: { key: string; achievedOn: Date }[]) =>
      readiness(doc, 'project-manager', [], held, now).qualifications.map((q) => [q.key, q.required, q.state]);
    expect(states([])).toEqual([
      ['cert', true, 'missing'],
      ['pmp', false, 'missing'],
    ]);
    // PMP is valid 36 months: gained 2023-05-01, it expires 2026-05-01 (before now)
    expect(states([{ key: 'pmp', achievedOn: new Date('2023-05-01T00:00:00Z') }])[1]).toEqual(['pmp', false, 'expired']);
    // gained 2023-08-15, it expires 2026-08-15: within 90 days of now
    const expiring = readiness(doc, 'project-manager', [], [{ key: 'pmp', achievedOn: new Date('2023-08-15T00:00:00Z') }], now);
    expect(expiring.qualifications[1]).toMatchObject({ state: 'expiring', expiresOn: new Date('2026-08-15T00:00:00Z') });
    expect(states([{ key: 'pmp', achievedOn: new Date('2025-01-01T00:00:00Z') }, { key: 'cert', achievedOn: new Date('2000-01-01T00:00:00Z') }])).toEqual([
      ['cert', true, 'held'],
      ['pmp', false, 'held'],
    ]);
  });

  it('forecasts the ready date from the pace over the history, to now', () => {
    const doc = smallFramework();
    // project-manager expects planning 3, risk 2; from 1 + 1 (shortfall 3) on 1 Jan to 2 + 1 on 1 Apr
    const result = readiness(doc, 'project-manager', [
      rating('planning', 1, '2026-01-01T00:00:00Z'),
      rating('risk-management', 1, '2026-01-01T00:00:00Z'),
      rating('planning', 2, '2026-04-01T00:00:00Z'),
    ], [], now);
    expect(result.analysis.totalShortfall).toBe(2);
    expect(result.forecast.kind).toBe('forecast');
    if (result.forecast.kind !== 'forecast') return;
    // one level in the 181 days (≈5.95 months) from the first rating to now: two more take ≈11.9 months
    expect(result.forecast.levelsGained).toBe(1);
    expect(result.forecast.historyMonths).toBeCloseTo(5.9, 1);
    expect(result.forecast.shortfallClosedPerMonth).toBeCloseTo(0.17, 2);
    expect(result.forecast.monthsToReady).toBeCloseTo(11.9, 1);
    expect(result.forecast.remainingShortfall).toBe(2);
    expect(result.forecast.readyBy.toISOString().slice(0, 7)).toBe('2027-06');
  });

  it('does not count a first rating of a skill as progress', () => {
    const doc = smallFramework();
    const result = readiness(doc, 'project-manager', [
      rating('planning', 1, '2026-01-01T00:00:00Z'),
      rating('risk-management', 1, '2026-03-01T00:00:00Z'),
    ], [], now);
    expect(result.forecast).toEqual({ kind: 'not-enough-history', reason: 'no level of this role’s skills gained since the first rating (2026-01-01) yet' });
  });

  it('needs a minimum history: ratings raised within a few minutes do not make "ready in 0 months"', () => {
    const doc = smallFramework();
    const minutes = [
      rating('planning', 1, '2026-06-30T10:00:00Z'),
      rating('risk-management', 1, '2026-06-30T10:01:00Z'),
      rating('planning', 2, '2026-06-30T10:05:00Z'),
    ];
    const result = readiness(doc, 'project-manager', minutes, [], now);
    expect(result.forecast).toEqual({
      kind: 'not-enough-history',
      reason: 'ratings of this role’s skills go back 0 days (to 2026-06-30); a forecast needs 90',
    });
    // known only by assumption: nothing to measure a pace on
    expect(readiness(doc, 'project-manager', [], [], now, { currentRoleKey: 'pmo-analyst' }).forecast).toEqual({
      kind: 'not-enough-history',
      reason: 'no ratings of this role’s skills yet',
    });
    // the same history is enough with a shorter minimum
    expect(readiness(doc, 'project-manager', minutes, [], now, { minHistoryDays: 0.5 }).forecast.kind).toBe('forecast');
  });

  it('is ready when nothing known falls short, and ignores assessments after now', () => {
    const doc = smallFramework();
    const met = [rating('planning', 3, '2026-01-01T00:00:00Z'), rating('risk-management', 2, '2026-01-01T00:00:00Z', 'manager')];
    const result = readiness(doc, 'project-manager', [...met, rating('planning', 1, '2026-08-01T00:00:00Z', 'manager')], [], now);
    expect(result.shareMet).toBe(1);
    expect(result.blockingGaps).toEqual([]);
    expect(result.forecast).toEqual({ kind: 'ready', unknownSkills: 0 });
    // met on what is known, one expectation unknown: ready, and it says how much is unknown
    const partly = readiness(doc, 'pmo-manager', [rating('planning', 3, '2026-01-01T00:00:00Z'), rating('risk-management', 3, '2026-01-01T00:00:00Z')], [], now);
    expect(partly.forecast).toEqual({ kind: 'ready', unknownSkills: 1 });
  });
});

describe('readiness of a PMO Analyst for Project Manager, with dated ratings', () => {
  // 9 of the 30 skills rated on 5 January, some raised on 2 April; her current role fills in the rest.
  const first = '2026-01-05T09:00:00Z';
  const history: Assessment[] = [
    rating('status-reporting', 3, first),
    rating('data-analysis-insight', 3, first),
    rating('planning-scheduling', 2, first),
    rating('risk-management', 3, first),
    rating('issue-management', 3, first),
    rating('change-control', 3, first),
    rating('stakeholder-engagement', 2, first),
    rating('ppm-tools-bi', 3, first),
    rating('facilitation', 2, first),
    rating('planning-scheduling', 3, '2026-04-02T09:00:00Z', 'manager'),
  ];
  const options = { currentRoleKey: 'pmo-analyst' };

  it('reports coverage and a forecast that is neither 0 months nor stuck', () => {
    const result = readiness(pmoFramework, 'project-manager', history, [], now, options);
    expect(result.coverage).toEqual({ expected: 28, rated: 9, assumed: 18, unknown: 1, known: 27, share: 9 / 28 });
    expect(result.unknownSkills.map((s) => s.skillKey)).toEqual(['team-leadership']);
    expect(result.forecast.kind).toBe('forecast');
    if (result.forecast.kind !== 'forecast') return;
    expect(result.forecast.monthsToReady).toBeGreaterThan(12);
  });

  it('moves both readiness and the forecast when two ratings go up', () => {
    const before = readiness(pmoFramework, 'project-manager', history, [], now, options);
    const raised = [...history, rating('stakeholder-engagement', 3, '2026-06-30T09:00:00Z', 'manager'), rating('facilitation', 3, '2026-06-30T09:00:00Z', 'manager')];
    const after = readiness(pmoFramework, 'project-manager', raised, [], now, options);
    // facilitation reaches the Project Manager's 3: one more expectation met
    expect(after.analysis.met.length).toBe(before.analysis.met.length + 1);
    expect(after.shareMet).toBeGreaterThan(before.shareMet);
    expect(after.analysis.totalShortfall).toBe(before.analysis.totalShortfall - 2);
    expect(before.forecast.kind).toBe('forecast');
    expect(after.forecast.kind).toBe('forecast');
    if (before.forecast.kind !== 'forecast' || after.forecast.kind !== 'forecast') return;
    expect(after.forecast.levelsGained).toBe(before.forecast.levelsGained + 2);
    expect(after.forecast.monthsToReady).toBeLessThan(before.forecast.monthsToReady);
    expect(after.forecast.readyBy.getTime()).toBeLessThan(before.forecast.readyBy.getTime());
  });

  it('slows the forecast as time passes without progress', () => {
    const soon = readiness(pmoFramework, 'project-manager', history, [], now, options);
    const later = readiness(pmoFramework, 'project-manager', history, [], new Date('2027-01-01T00:00:00Z'), options);
    if (soon.forecast.kind !== 'forecast' || later.forecast.kind !== 'forecast') throw new Error('expected forecasts');
    expect(later.forecast.shortfallClosedPerMonth).toBeLessThan(soon.forecast.shortfallClosedPerMonth);
    expect(later.forecast.readyBy.getTime()).toBeGreaterThan(soon.forecast.readyBy.getTime());
  });
});
