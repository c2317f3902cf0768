import { PLAN_ABILITIES, PLAN_VIEWER_KINDS, lifecycleRole, mayOnPlan, planAbilities, planViewerKind, type PlanAbility, type PlanViewerKind } from './policy.js';
import { transitionPlan } from './lifecycle.js';

// The whole table, written out: a change to who may do what must change this test.
const EXPECTED: Record<PlanViewerKind, PlanAbility[]> = {
  owner: ['view', 'edit', 'propose', 'comment', 'checkIn', 'share'],
  manager: ['view', 'review', 'comment', 'checkIn', 'rate'],
  approver: ['view', 'review', 'comment'],
  mentor: ['view', 'comment'],
  shared: ['view'],
  other: [],
};

describe('plan policy', () => {
  for (const kind of PLAN_VIEWER_KINDS) {
    for (const ability of PLAN_ABILITIES) {
      const allowed = EXPECTED[kind].includes(ability);
      it(`${kind} ${allowed ? 'may' : 'may not'} ${ability}`, () => {
        expect(mayOnPlan(kind, ability)).toBe(allowed);
        expect(planAbilities(kind)[ability]).toBe(allowed);
      });
    }
  }

  it('hands out copies, so a caller cannot change the table', () => {
    planAbilities('shared').edit = true;
    expect(mayOnPlan('shared', 'edit')).toBe(false);
  });

  it('agrees with the lifecycle: whoever may review may agree a proposed plan, nobody else', () => {
    for (const kind of PLAN_VIEWER_KINDS) {
      expect(transitionPlan({ status: 'proposed' }, 'agree', lifecycleRole(kind)).ok).toBe(mayOnPlan(kind, 'review'));
      expect(transitionPlan({ status: 'draft' }, 'propose', lifecycleRole(kind)).ok).toBe(mayOnPlan(kind, 'propose'));
    }
  });

  describe('planViewerKind', () => {
    const base = { viewerId: 'v', ownerId: 'o', managerId: null, managerActive: true, approverId: null, shared: false, mentor: false };
    it('owner first, whatever else holds', () => expect(planViewerKind({ ...base, viewerId: 'o', approverId: 'o', shared: true })).toBe('owner'));
    it('the active line manager', () => expect(planViewerKind({ ...base, managerId: 'v' })).toBe('manager'));
    it('an inactive line manager is no longer the manager', () => expect(planViewerKind({ ...base, managerId: 'v', managerActive: false })).toBe('other'));
    it('the approver named by the chain', () => expect(planViewerKind({ ...base, approverId: 'v', shared: true })).toBe('approver'));
    it('a mentor before a plain share', () => expect(planViewerKind({ ...base, mentor: true, shared: true })).toBe('mentor'));
    it('someone shared with', () => expect(planViewerKind({ ...base, shared: true })).toBe('shared'));
    it('anyone else', () => expect(planViewerKind(base)).toBe('other'));
  });
});
