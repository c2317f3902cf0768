import type { FrameworkDocument } from './document.js';
import { impactOfChange, type ImpactPerson, type RoleImpact } from './impact.js';
import { planVersionMigration } from './migration.js';
import { smallFramework } from './test-fixtures.js';

type Role = FrameworkDocument['roles'][number];

function person(personId: string, roleKey: string | null, profile: Record<string, number> | null = null, targetRoleKey: string | null = null): ImpactPerson {
  return { personId, roleKey, targetRoleKey, profile };
}

function row(impacts: RoleImpact[], roleKey: string): RoleImpact {
  const found = impacts.find((impact) => impact.roleKey === roleKey);
  if (!found) throw new Error(`no impact row for ${roleKey}`);
  return found;
}

describe('impactOfChange', () => {
  it('counts people per role and aiming at it, with no shortfalls when nobody is assessed', () => {
    const people = [person('a', 'pmo-analyst', null, 'senior-pmo-analyst'), person('b', 'pmo-analyst'), person('c', null, null, 'pmo-manager')];
    const impacts = impactOfChange(smallFramework(), smallFramework(), people);
    expect(impacts.map((i) => [i.roleKey, i.status, i.people, i.aiming, i.assessed, i.shortfallsToday, i.shortfallsUnderDraft])).toEqual([
      ['pmo-analyst', 'kept', 2, 0, 0, 0, 0],
      ['senior-pmo-analyst', 'kept', 0, 1, 0, 0, 0],
      ['pmo-manager', 'kept', 0, 1, 0, 0, 0],
      ['project-manager', 'kept', 0, 0, 0, 0, 0],
    ]);
    expect(impacts.every((i) => i.changedExpectations.length === 0)).toBe(true);
  });

  it('is empty for empty frameworks and ignores people in roles that do not exist', () => {
    const empty = { ...smallFramework(), roles: [], transitions: [], qualifications: [] };
    expect(impactOfChange(empty, empty, [person('a', 'ghost')])).toEqual([]);
  });

  it('lists changed expectations with both levels, and counts shortfalls today and under the draft', () => {
    const after = smallFramework();
    (after.roles[0] as Role).expectations = { planning: 2, 'risk-management': 1, mentoring: 1 };
    const people = [
      person('meets-both', 'pmo-analyst', { planning: 2, 'risk-management': 1, mentoring: 1 }),
      person('short-under-draft', 'pmo-analyst', { planning: 1, 'risk-management': 1 }),
      // risk management unrated: assumed at the analyst's 1 today, so not short today
      person('planning-rated-only', 'pmo-analyst', { planning: 1 }),
      person('short-today', 'pmo-analyst', { planning: 0, 'risk-management': 1 }),
      person('unassessed', 'pmo-analyst'),
    ];
    const analyst = row(impactOfChange(smallFramework(), after, people), 'pmo-analyst');
    expect(analyst).toEqual({
      roleKey: 'pmo-analyst',
      title: 'PMO Analyst',
      status: 'kept',
      carriedToKey: null,
      people: 5,
      aiming: 0,
      assessed: 4,
      shortfallsToday: 1,
      shortfallsUnderDraft: 3,
      // the draft's new mentoring expectation is unknown for the three who never rated it
      partlyKnownToday: 0,
      partlyKnownUnderDraft: 3,
      changedExpectations: [
        { skillKey: 'planning', skillName: 'Planning', before: 1, after: 2 },
        { skillKey: 'mentoring', skillName: 'Mentoring', before: null, after: 1 },
      ],
    });
  });

  it('counts shortfalls on what is known: the current role’s unrated skills assumed, other unrated skills not counted', () => {
    const people = [
      // no current role: only planning is known, and it meets the PMO manager's 3
      person('aiming-unknown', null, { planning: 3 }, 'pmo-manager'),
      // a PMO analyst rated on planning only: risk assumed at 1, short of the manager's 3; mentoring unknown
      person('aiming-assumed', 'pmo-analyst', { planning: 3 }, 'pmo-manager'),
    ];
    const manager = row(impactOfChange(smallFramework(), smallFramework(), people), 'pmo-manager');
    expect([manager.aiming, manager.assessed, manager.shortfallsToday, manager.partlyKnownToday]).toEqual([2, 2, 1, 2]);
    expect([manager.shortfallsUnderDraft, manager.partlyKnownUnderDraft]).toEqual([1, 2]);
  });

  it('counts people aiming at a role against that role', () => {
    const after = smallFramework();
    (after.roles[1] as Role).expectations.mentoring = 2;
    const people = [person('a', 'pmo-analyst', { planning: 2, 'risk-management': 2, mentoring: 1 }, 'senior-pmo-analyst')];
    const senior = row(impactOfChange(smallFramework(), after, people), 'senior-pmo-analyst');
    expect([senior.aiming, senior.assessed, senior.shortfallsToday, senior.shortfallsUnderDraft]).toEqual([1, 1, 0, 1]);
  });

  it('carries people of a removed role to its successor, and a merged skill keeps the higher level', () => {
    const after = smallFramework();
    after.roles = after.roles.filter((r) => r.key !== 'pmo-manager');
    after.transitions = after.transitions.filter((t) => t.toRoleKey !== 'pmo-manager');
    after.skills = after.skills.filter((s) => s.key !== 'mentoring');
    after.roles.forEach((role) => delete role.expectations.mentoring);
    const plan = planVersionMigration(smallFramework(), after, [
      { kind: 'role', fromKey: 'pmo-manager', toKey: 'senior-pmo-analyst' },
      { kind: 'skill', fromKey: 'mentoring', toKey: 'planning' },
    ]);
    // Planning 1 but mentoring 3: the merged planning is 3, which meets the senior analyst's 2.
    const people = [person('m', 'pmo-manager', { planning: 1, 'risk-management': 3, mentoring: 3 })];
    const impacts = impactOfChange(smallFramework(), after, people, plan);
    const senior = row(impacts, 'senior-pmo-analyst');
    expect([senior.people, senior.assessed, senior.shortfallsToday, senior.shortfallsUnderDraft]).toEqual([1, 1, 1, 0]);
    expect(row(impacts, 'pmo-manager')).toMatchObject({ status: 'removed', carriedToKey: 'senior-pmo-analyst', people: 0, shortfallsUnderDraft: null });
  });

  it('keeps the people of a removed role on its row when their role is cleared', () => {
    const after = smallFramework();
    after.roles = after.roles.filter((r) => r.key !== 'project-manager');
    after.transitions = after.transitions.filter((t) => t.toRoleKey !== 'project-manager' && t.fromRoleKey !== 'project-manager');
    after.qualifications[0]!.recommendedForRoleKeys = [];
    const impacts = impactOfChange(smallFramework(), after, [person('p', 'project-manager', { planning: 3, 'risk-management': 2 })]);
    expect(row(impacts, 'project-manager')).toMatchObject({
      status: 'removed',
      carriedToKey: null,
      people: 1,
      assessed: 1,
      shortfallsToday: 0,
      shortfallsUnderDraft: null,
      changedExpectations: [
        { skillKey: 'planning', before: 3, after: null },
        { skillKey: 'risk-management', before: 2, after: null },
      ],
    });
    expect(impacts.map((i) => i.roleKey).at(-1)).toBe('project-manager');
  });

  it('shows an added role with its expectations', () => {
    const after = smallFramework();
    after.roles.push({ key: 'pmo-lead', title: 'PMO Lead', trackKey: 'pmo', level: 4, summary: 'Leads.', responsibilities: [], expectations: { planning: 3 } });
    expect(row(impactOfChange(smallFramework(), after, []), 'pmo-lead')).toMatchObject({
      status: 'added',
      people: 0,
      changedExpectations: [{ skillKey: 'planning', before: null, after: 3 }],
    });
  });
});
