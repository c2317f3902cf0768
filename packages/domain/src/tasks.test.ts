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

  it('refuses an unknown task', () => {
    expect(() => runDomainTask({ name: 'mineBitcoin' as keyof typeof domainTasks, input: {} as never })).toThrow('Unknown domain task');
  });
});
