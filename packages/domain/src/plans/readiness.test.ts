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
  it('gives the share of expectations met and the blocking gaps, largest first', () => {
    const doc = smallFramework();
    const result = readiness(doc, 'pmo-manager', [rating('planning', 3, '2026-01-01T00:00:00Z'), rating('risk-management', 2, '2026-01-01T00:00:00Z')], [], now);
    expect(result.shareMet).toBeCloseTo(1 / 3);
    expect(result.blockingGaps.map((g) => [g.skillKey, g.shortfall, g.status])).toEqual([
      ['mentoring', 2, 'unassessed'],
      ['risk-management', 1, 'unmet'],
    ]);
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

  it('forecasts the ready date from the pace so far', () => {
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
    // one level in 90 days (≈2.96 months): two more levels take ≈5.9 months from now
    expect(result.forecast.shortfallClosedPerMonth).toBeCloseTo(0.34, 2);
    expect(result.forecast.monthsToReady).toBeCloseTo(5.9, 1);
    expect(result.forecast.readyBy.toISOString().slice(0, 7)).toBe('2026-12');
  });

  it('does not count a first rating of a skill as progress', () => {
    const doc = smallFramework();
    const result = readiness(doc, 'project-manager', [
      rating('planning', 1, '2026-01-01T00:00:00Z'),
      rating('risk-management', 1, '2026-03-01T00:00:00Z'),
    ], [], now);
    expect(result.forecast).toEqual({ kind: 'not-enough-history', reason: 'no progress on this role’s skills between the dated assessments yet' });
  });

  it('needs two dated points', () => {
    const doc = smallFramework();
    const result = readiness(doc, 'project-manager', [rating('planning', 1, '2026-01-01T00:00:00Z')], [], now);
    expect(result.forecast).toEqual({ kind: 'not-enough-history', reason: 'fewer than two dated assessments of this role’s skills' });
    expect(readiness(doc, 'project-manager', [], [], now).forecast.kind).toBe('not-enough-history');
  });

  it('is ready when nothing falls short, and ignores assessments after now', () => {
    const doc = smallFramework();
    const met = [rating('planning', 3, '2026-01-01T00:00:00Z'), rating('risk-management', 2, '2026-01-01T00:00:00Z', 'manager')];
    const result = readiness(doc, 'project-manager', [...met, rating('planning', 1, '2026-08-01T00:00:00Z', 'manager')], [], now);
    expect(result.shareMet).toBe(1);
    expect(result.blockingGaps).toEqual([]);
    expect(result.forecast).toEqual({ kind: 'ready' });
  });
});
