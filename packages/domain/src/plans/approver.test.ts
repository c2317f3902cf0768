import type { TeamLike } from '../people/teams.js';
import { namePlanApproverSchema, NO_APPROVER_EXPLANATION, planApprover, type ApproverPerson, type NamedApprover } from './approver.js';

const person = (id: string, managerId: string | null, teamId: string | null = 'pmo', active = true): ApproverPerson => ({ id, name: id.toUpperCase(), active, managerId, teamId });
const teams: TeamLike[] = [
  { id: 'delivery', parentId: null, name: 'Delivery' },
  { id: 'pmo', parentId: 'delivery', name: 'PMO' },
];

describe('planApprover', () => {
  it('is the line manager when there is an active one', () => {
    const people = [person('ana', 'max'), person('max', null)];
    expect(planApprover('ana', people, teams, [{ teamId: 'pmo', personId: 'zoe' }])).toEqual({
      kind: 'manager',
      personId: 'max',
      name: 'MAX',
      teamId: null,
      explanation: 'Your manager, MAX, agrees your plan.',
    });
  });

  it('without a manager: the approver named for the person’s team, else for a team above it', () => {
    const people = [person('ana', null), person('zoe', null, 'delivery'), person('yan', null, 'delivery')];
    expect(planApprover('ana', people, teams, [{ teamId: 'pmo', personId: 'zoe' }])).toMatchObject({
      kind: 'team-approver',
      personId: 'zoe',
      teamId: 'pmo',
      explanation: 'You have no manager: ZOE, named by an admin to agree plans for PMO, agrees your plan.',
    });
    expect(planApprover('ana', people, teams, [{ teamId: 'delivery', personId: 'yan' }])).toMatchObject({ kind: 'team-approver', personId: 'yan', teamId: 'delivery' });
  });

  it('then the organisation’s approver, then the skip-level when the manager left', () => {
    const people = [person('ana', 'max'), person('max', 'sam', 'pmo', false), person('sam', null), person('org', null)];
    const organisation: NamedApprover[] = [{ teamId: null, personId: 'org' }];
    expect(planApprover('ana', people, teams, organisation)).toMatchObject({
      kind: 'organisation-approver',
      personId: 'org',
      explanation: 'Your manager, MAX, is no longer active: ORG, named by an admin to agree plans for the organisation, agrees your plan.',
    });
    expect(planApprover('ana', people, teams, [])).toEqual({
      kind: 'skip-level',
      personId: 'sam',
      name: 'SAM',
      teamId: null,
      explanation: 'Your manager, MAX, is no longer active: SAM, the next manager up, agrees your plan.',
    });
  });

  it('walks up past inactive managers for the skip-level', () => {
    const people = [person('ana', 'max'), person('max', 'sam', 'pmo', false), person('sam', 'top', 'pmo', false), person('top', null)];
    expect(planApprover('ana', people, teams, [])).toMatchObject({ kind: 'skip-level', personId: 'top' });
  });

  it('is nobody when no one is left, and says to ask an admin', () => {
    const people = [person('ana', null)];
    expect(planApprover('ana', people, teams, [])).toEqual({ kind: 'nobody', personId: null, name: null, teamId: null, explanation: NO_APPROVER_EXPLANATION });
    expect(NO_APPROVER_EXPLANATION).toMatch(/ask an admin to name an approver/i);
  });

  it('never names the person themselves, nor an inactive approver', () => {
    const people = [person('ana', 'ana'), person('gone', null, 'pmo', false), person('org', null)];
    const approvers: NamedApprover[] = [
      { teamId: 'pmo', personId: 'ana' },
      { teamId: 'pmo', personId: 'gone' },
      { teamId: null, personId: 'ana' },
    ];
    expect(planApprover('ana', people, teams, approvers).kind).toBe('nobody');
    expect(planApprover('ana', people, teams, [...approvers, { teamId: null, personId: 'org' }])).toMatchObject({ kind: 'organisation-approver', personId: 'org' });
  });

  it('takes the first usable approver named for a team, and survives cycles', () => {
    const cyclic: TeamLike[] = [
      { id: 'x', parentId: 'y', name: 'X' },
      { id: 'y', parentId: 'x', name: 'Y' },
    ];
    const people = [person('ana', 'bob', 'x'), person('bob', 'ana', 'x', false), person('a1', null, 'x'), person('a2', null, 'x')];
    expect(planApprover('ana', people, cyclic, [])).toMatchObject({ kind: 'nobody' });
    expect(planApprover('ana', people, cyclic, [{ teamId: 'y', personId: 'a2' }, { teamId: 'y', personId: 'a1' }])).toMatchObject({ kind: 'team-approver', personId: 'a2', teamId: 'y' });
  });

  it('throws for an unknown person', () => {
    expect(() => planApprover('ghost', [], teams, [])).toThrow(RangeError);
  });
});

describe('namePlanApproverSchema', () => {
  it('takes a team (or null for the organisation) and a person', () => {
    const personId = '6f1c2e0a-4b7d-4c3e-9a1f-2b3c4d5e6f70';
    expect(namePlanApproverSchema.parse({ teamId: null, personId })).toEqual({ teamId: null, personId });
    expect(namePlanApproverSchema.safeParse({ teamId: 'pmo', personId }).success).toBe(false);
    expect(namePlanApproverSchema.safeParse({ teamId: null, personId: 'x' }).success).toBe(false);
  });
});
