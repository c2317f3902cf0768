import { closestRoles, planRoute } from './framework/paths.js';
import { smallFramework } from './framework/test-fixtures.js';
import runDomainTask, { domainTasks } from './tasks.js';

describe('runDomainTask', () => {
  it('runs a task by name with plain data, as a worker does', () => {
    const doc = smallFramework();
    const input = { doc, fromRoleKey: 'pmo-analyst', toRoleKey: 'pmo-manager', profile: { planning: 1 } };
    const result = runDomainTask({ name: 'planRoute', input: structuredClone(input) });
    expect(structuredClone(result)).toEqual(planRoute(doc, 'pmo-analyst', 'pmo-manager', { planning: 1 }));
    const profile = { planning: 2, 'risk-management': 2 };
    const closest = runDomainTask({ name: 'closestRoles', input: structuredClone({ doc, profile, limit: 2 }) });
    expect(closest.length).toBeGreaterThan(0);
    expect(structuredClone(closest)).toEqual(closestRoles(doc, profile, 2));
    expect(runDomainTask({ name: 'validateFramework', input: { document: { nonsense: true } } }).ok).toBe(false);
  });

  it('runs the matching board with reporting lines sent as people', () => {
    const skills = { planning: { level: 4, confirmedLevel: 4 } };
    const input = {
      mentees: [{ personId: 'a', teamId: 't1', focusSkills: [{ skillKey: 'planning', currentLevel: 2, neededLevel: 3 }] }],
      mentors: [
        { personId: 'boss', teamId: 't1', capacity: 1, occupiedPlaces: 0, paused: false, acceptsOtherTeams: true, skills },
        { personId: 'm', teamId: 't2', capacity: 1, occupiedPlaces: 0, paused: false, acceptsOtherTeams: true, skills },
      ],
      people: [
        { personId: 'a', managerId: 'boss' },
        { personId: 'boss', managerId: null },
        { personId: 'm', managerId: null },
      ],
    };
    const result = runDomainTask({ name: 'proposeAssignment', input: structuredClone(input) });
    expect(result.pairs).toEqual([{ menteeId: 'a', mentorId: 'm', score: 100 }]);
  });

  it('refuses an unknown task', () => {
    expect(() => runDomainTask({ name: 'mineBitcoin' as keyof typeof domainTasks, input: {} as never })).toThrow('Unknown domain task');
  });
});
