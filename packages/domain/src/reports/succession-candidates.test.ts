import { smallFramework } from '../framework/test-fixtures.js';
import type { Assessment } from '../plans/assessments.js';
import { readiness } from '../plans/readiness.js';
import { successionCandidates } from './succession-candidates.js';
import { readinessOutlook } from './succession.js';

const now = new Date('2026-07-01T00:00:00Z');
const at = (iso: string, levels: Record<string, number>): Assessment[] =>
  Object.entries(levels).map(([skillKey, level]) => ({ skillKey, level, source: 'manager', assessedAt: new Date(iso) }));

describe('successionCandidates', () => {
  const doc = smallFramework();
  const version = {
    doc,
    roleKeyById: new Map([['role-pm', 'project-manager']]),
    skillIdByKey: new Map([['risk-management', 'skill-risk']]),
    qualificationIdByKey: new Map<string, string>(),
  };
  const ratings = [...at('2026-01-01T00:00:00Z', { planning: 1, 'risk-management': 1 }), ...at('2026-04-01T00:00:00Z', { planning: 3 })];

  it('gives each open plan its readiness outlook for the target role, with blockers named by id', () => {
    const [candidate, ...others] = successionCandidates({
      plans: [
        { personId: 'p1', teamId: 't1', targetRoleId: 'role-pm', frameworkVersionId: 'v1' },
        // A target role its version does not have (and an unknown version) is left out.
        { personId: 'p2', teamId: 't1', targetRoleId: 'role-gone', frameworkVersionId: 'v1' },
        { personId: 'p3', teamId: null, targetRoleId: 'role-pm', frameworkVersionId: 'v-missing' },
      ],
      versions: new Map([['v1', version]]),
      ratings: new Map([['p1', ratings]]),
      held: new Map(),
      asOf: now,
    });
    expect(others).toEqual([]);
    const expected = readinessOutlook(readiness(doc, 'project-manager', ratings, [], now));
    expect(candidate).toEqual({
      personId: 'p1',
      teamId: 't1',
      targetRoleId: 'role-pm',
      outlook: { ...expected, blockingSkills: expected.blockingSkills.map((b) => ({ ...b, skillId: b.skillId === 'risk-management' ? 'skill-risk' : b.skillId })) },
    });
    expect(candidate!.outlook.blockingSkills).toEqual([expect.objectContaining({ skillId: 'skill-risk', shortfall: 1 })]);
  });
});
