import { coverageOf, describeCoverage, expectedSkillKeys, knownGaps, knownLevel, knownLevels, knownProfile, measureRole } from './known-profile.js';
import { pmoFramework } from './pmo-framework.js';
import { getRole } from './roles.js';
import { smallFramework } from './test-fixtures.js';

describe('knownProfile', () => {
  it('keeps ratings and assumes the current role’s level for its unrated skills only', () => {
    const doc = smallFramework();
    // senior-pmo-analyst expects planning 2, risk 2, mentoring 1
    const profile = knownProfile(doc, { planning: 3 }, 'senior-pmo-analyst');
    expect(profile).toEqual({ rated: { planning: 3 }, assumed: { 'risk-management': 2, mentoring: 1 }, assumedFromRoleKey: 'senior-pmo-analyst' });
    expect(knownLevel(profile, 'planning')).toEqual({ level: 3, basis: 'rated' });
    expect(knownLevel(profile, 'mentoring')).toEqual({ level: 1, basis: 'assumed' });
    expect(knownLevels(profile)).toEqual({ planning: 3, 'risk-management': 2, mentoring: 1 });
  });

  it('assumes nothing without a current role, or for a role of another framework, and leaves the rest unknown', () => {
    const doc = smallFramework();
    expect(knownProfile(doc, { planning: 1 }, null)).toEqual({ rated: { planning: 1 }, assumed: {}, assumedFromRoleKey: null });
    expect(knownProfile(doc, { planning: 1 }, 'not-here').assumedFromRoleKey).toBeNull();
    // pmo-analyst expects planning and risk only: mentoring stays unknown
    expect(knownLevel(knownProfile(doc, {}, 'pmo-analyst'), 'mentoring')).toBeNull();
  });

  it('treats an explicit 0 as rated, and ignores ratings that are not finite numbers', () => {
    const doc = smallFramework();
    const profile = knownProfile(doc, { planning: 0, 'risk-management': Number.NaN, mentoring: -2 }, 'pmo-analyst');
    expect(knownLevel(profile, 'planning')).toEqual({ level: 0, basis: 'rated' });
    expect(knownLevel(profile, 'risk-management')).toEqual({ level: 1, basis: 'assumed' });
    expect(knownLevel(profile, 'mentoring')).toEqual({ level: 0, basis: 'rated' });
  });
});

describe('measureRole', () => {
  it('measures met, short and unknown expectations in the framework’s order, with coverage', () => {
    const doc = smallFramework();
    const { measures, coverage } = measureRole(doc, getRole(doc, 'pmo-manager'), knownProfile(doc, { 'risk-management': 1 }, 'pmo-analyst'));
    expect(measures.map((m) => [m.skillKey, m.level, m.basis, m.shortfall, m.status])).toEqual([
      ['planning', 1, 'assumed', 2, 'short'],
      ['risk-management', 1, 'rated', 2, 'short'],
      ['mentoring', null, 'unknown', 0, 'unknown'],
    ]);
    expect(coverage).toEqual({ expected: 3, rated: 1, assumed: 1, unknown: 1, known: 2, share: 1 / 3 });
  });

  it('records levels above the expectation as surplus', () => {
    const doc = smallFramework();
    const { measures } = measureRole(doc, getRole(doc, 'pmo-analyst'), knownProfile(doc, { planning: 3 }, null));
    expect(measures[0]).toMatchObject({ skillKey: 'planning', surplus: 2, shortfall: 0, status: 'met' });
  });
});

describe('coverage', () => {
  it('counts bases and says what is assumed', () => {
    const coverage = coverageOf(['rated', 'assumed', 'assumed', 'unknown']);
    expect(coverage).toEqual({ expected: 4, rated: 1, assumed: 2, unknown: 1, known: 3, share: 0.25 });
    expect(describeCoverage(coverage, 'PMO Analyst')).toBe(
      '1 of 4 expectations rated; 2 assumed at the level your current role (PMO Analyst) expects; 1 unknown, not counted.',
    );
    expect(describeCoverage(coverageOf(['rated']))).toBe('1 of 1 expectation rated.');
    expect(describeCoverage(coverageOf([]))).toBe('The role expects no skills.');
    expect(coverageOf([]).share).toBe(1);
  });
});

describe('knownGaps (a route step under the rule)', () => {
  it('leaves unknown skills out of the shortfall and lists them', () => {
    const doc = smallFramework();
    const result = knownGaps(doc, getRole(doc, 'pmo-manager'), { planning: 1, 'risk-management': 3 });
    expect(result.gaps).toEqual([{ skillKey: 'planning', skillName: 'Planning', currentLevel: 1, requiredLevel: 3, shortfall: 2 }]);
    expect(result.shortfall).toBe(2);
    expect(result.unknownSkillKeys).toEqual(['mentoring']);
  });

  it('lists expected skills in the framework’s order', () => {
    const role = getRole(pmoFramework, 'project-manager');
    const keys = expectedSkillKeys(pmoFramework, role);
    const order = pmoFramework.skills.map((s) => s.key).filter((k) => keys.includes(k));
    expect(keys).toEqual(order);
    expect(keys).toHaveLength(Object.values(role.expectations).filter((l) => l > 0).length);
  });
});
