import { planRoute } from './framework/paths.js';
import { smallFramework } from './framework/test-fixtures.js';
import runDomainTask, { domainTasks } from './tasks.js';

describe('runDomainTask', () => {
  it('runs a task by name with plain data, as a worker does', () => {
    const doc = smallFramework();
    const input = { doc, fromRoleKey: 'pmo-analyst', toRoleKey: 'pmo-manager', profile: { planning: 1 } };
    const result = runDomainTask({ name: 'planRoute', input: structuredClone(input) });
    expect(structuredClone(result)).toEqual(planRoute(doc, 'pmo-analyst', 'pmo-manager', { planning: 1 }));
    expect(runDomainTask({ name: 'closestRoles', input: { doc, profile: {}, limit: 1 } }).map((fit) => fit.role.key)).toEqual(['pmo-analyst']);
    expect(runDomainTask({ name: 'validateFramework', input: { document: { nonsense: true } } }).ok).toBe(false);
  });

  it('refuses an unknown task', () => {
    expect(() => runDomainTask({ name: 'mineBitcoin' as keyof typeof domainTasks, input: {} as never })).toThrow('Unknown domain task');
  });
});
