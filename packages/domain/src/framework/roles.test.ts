import { compareRoles, compareText, expectedLevel, getRole, orderedTrackRoles, UnknownRoleError } from './roles.js';
import { pmoFramework } from './pmo-framework.js';
import { smallFramework } from './test-fixtures.js';

describe('compareRoles', () => {
  it('lists every skill whose expectation changes, with levels, delta and both descriptors', () => {
    const comparison = compareRoles(smallFramework(), 'pmo-analyst', 'senior-pmo-analyst');
    expect(comparison.fromRole.key).toBe('pmo-analyst');
    expect(comparison.toRole.key).toBe('senior-pmo-analyst');
    expect(comparison.changes).toEqual([
      {
        skillKey: 'planning',
        skillName: 'Planning',
        categoryKey: 'delivery',
        fromLevel: 1,
        toLevel: 2,
        delta: 1,
        fromDescriptor: 'Knows the basics of planning.',
        toDescriptor: 'Practises planning with support.',
      },
      {
        skillKey: 'risk-management',
        skillName: 'Risk management',
        categoryKey: 'delivery',
        fromLevel: 1,
        toLevel: 2,
        delta: 1,
        fromDescriptor: 'Knows the basics of risk management.',
        toDescriptor: 'Practises risk management with support.',
      },
      {
        skillKey: 'mentoring',
        skillName: 'Mentoring',
        categoryKey: 'people',
        fromLevel: 0,
        toLevel: 1,
        delta: 1,
        fromDescriptor: null,
        toDescriptor: 'Knows the basics of mentoring.',
      },
    ]);
  });

  it('leaves out skills whose expectation is the same and reports drops as negative deltas', () => {
    const { changes } = compareRoles(smallFramework(), 'senior-pmo-analyst', 'project-manager');
    expect(changes.map((c) => [c.skillKey, c.fromLevel, c.toLevel, c.delta, c.toDescriptor])).toEqual([
      ['planning', 2, 3, 1, 'Practises planning independently.'],
      ['mentoring', 1, 0, -1, null],
    ]);
  });

  it('follows the framework skill order, not the order of the expectations', () => {
    const doc = smallFramework();
    doc.roles[2]!.expectations = { mentoring: 3, planning: 3, 'risk-management': 3 };
    expect(compareRoles(doc, 'pmo-analyst', 'pmo-manager').changes.map((c) => c.skillKey)).toEqual([
      'planning',
      'risk-management',
      'mentoring',
    ]);
  });

  it('treats a level of 0 as not expected', () => {
    const doc = smallFramework();
    doc.roles[0]!.expectations.mentoring = 0;
    const { changes } = compareRoles(doc, 'pmo-analyst', 'project-manager');
    expect(changes.find((c) => c.skillKey === 'mentoring')).toBeUndefined();
  });

  it('gives no changes between a role and itself', () => {
    expect(compareRoles(smallFramework(), 'pmo-manager', 'pmo-manager').changes).toEqual([]);
  });

  it('throws UnknownRoleError naming the unknown role', () => {
    expect(() => compareRoles(smallFramework(), 'pmo-analyst', 'pmo-director')).toThrow(UnknownRoleError);
    expect(() => compareRoles(smallFramework(), 'intern', 'pmo-analyst')).toThrow('unknown role "intern"');
  });

  it('answers "what changes from PMO Analyst to Senior PMO Analyst?" on the built-in framework', () => {
    const { changes } = compareRoles(pmoFramework, 'pmo-analyst', 'senior-pmo-analyst');
    const dataAnalysis = changes.find((c) => c.skillKey === 'data-analysis-insight');
    expect(dataAnalysis).toMatchObject({ fromLevel: 3, toLevel: 4, delta: 1 });
    expect(dataAnalysis?.toDescriptor).toBe(pmoFramework.skills.find((s) => s.key === 'data-analysis-insight')?.levels['4']?.summary);
    expect(changes.every((c) => c.delta !== 0)).toBe(true);
  });
});

describe('orderedTrackRoles', () => {
  it('orders a track by level, then title (case-insensitive)', () => {
    const doc = smallFramework();
    doc.roles.push(
      { ...doc.roles[1]!, key: 'assurance-analyst', title: 'assurance Analyst' },
      { ...doc.roles[1]!, key: 'zeta-analyst', title: 'Zeta Analyst' },
      { ...doc.roles[0]!, key: 'reporting-analyst', title: 'Reporting Analyst', level: 1 },
    );
    expect(orderedTrackRoles(doc, 'pmo').map((r) => r.key)).toEqual([
      'pmo-analyst',
      'reporting-analyst',
      'assurance-analyst',
      'senior-pmo-analyst',
      'zeta-analyst',
      'pmo-manager',
    ]);
  });

  it('gives [] for an unknown or empty track', () => {
    expect(orderedTrackRoles(smallFramework(), 'consulting')).toEqual([]);
  });

  it('orders the built-in delivery track', () => {
    expect(orderedTrackRoles(pmoFramework, 'project-delivery').map((r) => r.title)).toEqual([
      'Project Support Officer',
      'Business Analyst',
      'Project Coordinator',
      'Workstream Lead',
      'Project Manager',
      'Senior Project Manager',
      'Programme Manager',
      'Portfolio Manager',
    ]);
  });
});

describe('helpers', () => {
  it('getRole finds a role or throws', () => {
    expect(getRole(smallFramework(), 'pmo-manager').title).toBe('PMO Manager');
    expect(() => getRole(smallFramework(), 'nobody')).toThrow(UnknownRoleError);
  });

  it('expectedLevel is 0 for an absent or non-positive expectation', () => {
    const role = getRole(smallFramework(), 'pmo-analyst');
    expect(expectedLevel(role, 'planning')).toBe(1);
    expect(expectedLevel(role, 'mentoring')).toBe(0);
    expect(expectedLevel({ ...role, expectations: { mentoring: -2 } }, 'mentoring')).toBe(0);
    expect(expectedLevel(role, 'toString')).toBe(0);
  });

  it('compareText ignores case first, then breaks ties by case', () => {
    expect(['b', 'A', 'a', 'C'].sort(compareText)).toEqual(['A', 'a', 'b', 'C']);
  });
});
