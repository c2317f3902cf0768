import { pmoFramework } from '../framework/pmo-framework.js';
import { smallFramework } from '../framework/test-fixtures.js';
import { analyseGaps, gapsAlongRoute, PLAN_ACTION_TYPES, suggestActions } from './gaps.js';

const scale = smallFramework().proficiencyScale;

describe('analyseGaps', () => {
  it('gives required, current and shortfall per skill, with met, unmet and unknown apart', () => {
    const result = analyseGaps({ planning: 3, 'risk-management': 1 }, { planning: 2, 'risk-management': 3, mentoring: 1 }, scale);
    expect(result.skills.map(({ optional: _o, weight: _w, statement: _s, ...rest }) => rest)).toEqual([
      { skillKey: 'planning', requiredLevel: 2, requiredLevelName: 'Practised', currentLevel: 3, currentLevelName: 'Competent', basis: 'rated', shortfall: 0, status: 'met' },
      { skillKey: 'risk-management', requiredLevel: 3, requiredLevelName: 'Competent', currentLevel: 1, currentLevelName: 'Aware', basis: 'rated', shortfall: 2, status: 'unmet' },
      { skillKey: 'mentoring', requiredLevel: 1, requiredLevelName: 'Aware', currentLevel: null, currentLevelName: null, basis: 'unknown', shortfall: 0, status: 'unknown' },
    ]);
    expect(result.met.map((s) => s.skillKey)).toEqual(['planning']);
    expect(result.unmet.map((s) => s.skillKey)).toEqual(['risk-management']);
    expect(result.unknown.map((s) => s.skillKey)).toEqual(['mentoring']);
    expect(result.expectedCount).toBe(3);
    // an unknown skill is not counted as level 0: only the known shortfall
    expect(result.totalShortfall).toBe(2);
    expect(result.coverage).toEqual({ expected: 3, rated: 2, assumed: 0, unknown: 1, known: 2, share: 2 / 3 });
  });

  it('takes an assumed level for an unrated skill, and a rating over an assumption', () => {
    const result = analyseGaps({ planning: 1 }, { planning: 2, 'risk-management': 3, mentoring: 1 }, scale, { planning: 3, 'risk-management': 2 });
    expect(result.skills.map((s) => [s.skillKey, s.currentLevel, s.basis, s.shortfall, s.status])).toEqual([
      ['planning', 1, 'rated', 1, 'unmet'],
      ['risk-management', 2, 'assumed', 1, 'unmet'],
      ['mentoring', null, 'unknown', 0, 'unknown'],
    ]);
    expect(result.coverage).toMatchObject({ rated: 1, assumed: 1, unknown: 1 });
  });

  it('ignores skills the role does not expect (level 0 or absent) and skills only in the profile', () => {
    const result = analyseGaps({ planning: 1, extra: 3 }, { planning: 1, mentoring: 0 }, scale);
    expect(result.skills.map((s) => s.skillKey)).toEqual(['planning']);
    expect(result.totalShortfall).toBe(0);
  });

  it('treats an explicit level 0 as rated (unmet), not unknown', () => {
    expect(analyseGaps({ planning: 0 }, { planning: 2 }, scale).skills[0]).toMatchObject({ status: 'unmet', basis: 'rated', currentLevel: 0, shortfall: 2 });
  });
});

describe('gapsAlongRoute', () => {
  it('measures the gaps to each step of the cheapest route and aims at the highest level any step expects', () => {
    const doc = smallFramework();
    const { steps, targets, route } = gapsAlongRoute(doc, { planning: 1, 'risk-management': 1 }, 'pmo-analyst', 'project-manager');
    expect(steps.map((s) => s.roleKey)).toEqual(['senior-pmo-analyst', 'project-manager']);
    expect(route?.steps.map((s) => s.toRoleKey)).toEqual(['senior-pmo-analyst', 'project-manager']);
    // mentoring: neither rated nor expected by a PMO analyst, so unknown and not counted
    expect(steps[0]?.analysis.totalShortfall).toBe(1 + 1);
    expect(steps[0]?.analysis.unknown.map((s) => s.skillKey)).toEqual(['mentoring']);
    expect(steps[1]?.analysis.totalShortfall).toBe(2 + 1);
    // mentoring is expected by the intermediate step only: still a target of the plan, as unknown
    expect(targets.map((t) => [t.skillKey, t.requiredLevel, t.shortfall, t.status])).toEqual([
      ['planning', 3, 2, 'unmet'],
      ['risk-management', 2, 1, 'unmet'],
      ['mentoring', 1, 0, 'unknown'],
    ]);
  });

  it('assumes the current role’s expectations for unrated skills', () => {
    const doc = smallFramework();
    // nothing rated: a senior PMO analyst is assumed at planning 2, risk 2, mentoring 1
    const { targets, known } = gapsAlongRoute(doc, {}, 'senior-pmo-analyst', 'pmo-manager');
    expect(known).toMatchObject({ assumedFromRoleKey: 'senior-pmo-analyst', assumed: { planning: 2, 'risk-management': 2, mentoring: 1 } });
    expect(targets.map((t) => [t.skillKey, t.currentLevel, t.basis, t.shortfall])).toEqual([
      ['planning', 2, 'assumed', 1],
      ['risk-management', 2, 'assumed', 1],
      ['mentoring', 1, 'assumed', 1],
    ]);
  });

  it('uses the target role alone without a current role or a route', () => {
    const doc = smallFramework();
    const alone = gapsAlongRoute(doc, {}, null, 'pmo-manager');
    expect(alone.steps.map((s) => s.roleKey)).toEqual(['pmo-manager']);
    expect(alone.route).toBeNull();
    expect(alone.steps[0]?.analysis.coverage.known).toBe(0);
    // no transition leaves the PMO manager: no route, so only the target counts
    const noRoute = gapsAlongRoute(doc, { planning: 3, 'risk-management': 0 }, 'pmo-manager', 'pmo-analyst');
    expect(noRoute.steps.map((s) => s.roleKey)).toEqual(['pmo-analyst']);
    expect(noRoute.targets.map((t) => t.skillKey)).toEqual(['risk-management']);
  });
});

describe('suggestActions', () => {
  it('suggests the linked qualification, on-the-job work, reading and a mentor for each gap skill', () => {
    const doc = smallFramework();
    const actions = suggestActions(doc, [
      { skillKey: 'planning', requiredLevel: 3 },
      { skillKey: 'mentoring', requiredLevel: 1 },
    ], { targetRoleKey: 'project-manager' });
    expect(actions.map((a) => [a.type, a.skillKeys])).toEqual([
      ['qualification', ['planning']],
      ['on-the-job', ['planning']],
      ['reading', ['planning']],
      ['on-the-job', ['mentoring']],
      ['reading', ['mentoring']],
      ['mentoring', ['planning', 'mentoring']],
    ]);
    expect(actions[0]).toMatchObject({ qualificationKey: 'pmp', title: 'Gain the Project Management Professional (PMP)' });
    expect(actions[1]?.description).toBe('Aim for: Practises planning independently.');
    for (const action of actions) expect(PLAN_ACTION_TYPES).toContain(action.type);
  });

  it('suggests a qualification once with every gap skill it covers, and never one already held', () => {
    const doc = smallFramework();
    const gaps = [
      { skillKey: 'planning', requiredLevel: 2 },
      { skillKey: 'risk-management', requiredLevel: 2 },
    ];
    const qualifications = suggestActions(doc, gaps).filter((a) => a.type === 'qualification');
    expect(qualifications).toHaveLength(1);
    expect(qualifications[0]?.skillKeys).toEqual(['planning', 'risk-management']);
    expect(suggestActions(doc, gaps, { heldQualificationKeys: ['pmp'] }).some((a) => a.type === 'qualification')).toBe(false);
  });

  it('suggests PMP for planning and risk to a PMO analyst aiming at Project Manager, deterministically', () => {
    const analyst = pmoFramework.roles.find((r) => r.key === 'pmo-analyst');
    const manager = pmoFramework.roles.find((r) => r.key === 'project-manager');
    const gaps = analyseGaps(analyst?.expectations ?? {}, manager?.expectations ?? {}, pmoFramework.proficiencyScale).unmet;
    const first = suggestActions(pmoFramework, gaps, { targetRoleKey: 'project-manager' });
    const pmp = first.find((a) => a.qualificationKey === 'pmp');
    expect(pmp?.skillKeys).toEqual(expect.arrayContaining(['planning-scheduling', 'risk-management']));
    // qualifications recommended for the target come first
    const recommended = pmoFramework.qualifications.filter((q) => q.recommendedForRoleKeys.includes('project-manager')).map((q) => q.key);
    expect(recommended).toContain(first[0]?.qualificationKey);
    expect(suggestActions(pmoFramework, [...gaps], { targetRoleKey: 'project-manager' })).toEqual(first);
  });

  it('suggests nothing without gaps', () => {
    expect(suggestActions(smallFramework(), [])).toEqual([]);
  });
});
