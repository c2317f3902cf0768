import { PLAN_ABILITIES, PLAN_VIEWER_KINDS, lifecycleRole, mayOnPlan, planAbilities, planViewerKind, type PlanAbility, type PlanViewerKind } from './policy.js';
import { transitionPlan } from './lifecycle.js';

// The whole table, written out: a change to who may do what must change this test.
const EXPECTED: Record<PlanViewerKind, PlanAbility[]> = {
  owner: ['view', 'edit', 'propose', 'comment', 'checkIn', 'share', 'seeCheckIns', 'seeEvidence'],
  manager: ['view', 'review', 'comment', 'checkIn', 'rate', 'seeCheckIns', 'seeEvidence', 'signOff'],
  approver: ['view', 'review', 'comment', 'seeCheckIns', 'seeEvidence'],
  mentor: ['view', 'comment', 'seeCheckIns', 'seeEvidence', 'signOff'],
  shared: ['view', 'seeCheckIns', 'seeEvidence'],
  other: [],
};

describe('plan policy', () => {
  for (const kind of PLAN_VIEWER_KINDS) {
    for (const ability of PLAN_ABILITIES) {
      const allowed = EXPECTED[kind].includes(ability);
      it(`${kind} ${allowed ? 'may' : 'may not'} ${ability}`, () => {
        expect(mayOnPlan(kind, ability)).toBe(allowed);
        expect(planAbilities(kind, { comments: true, checkIns: true, evidence: true })[ability]).toBe(allowed);
      });
    }
  }

  describe('a mentor gets the plan and only what the mentee shares', () => {
    it('nothing beyond reading the plan when nothing else is shared (the default)', () => {
      const can = planAbilities('mentor');
      expect(PLAN_ABILITIES.filter((a) => can[a])).toEqual(['view']);
    });
    it('comments only when comments are shared', () => {
      expect(planAbilities('mentor', { comments: true, checkIns: false, evidence: false }).comment).toBe(true);
      expect(planAbilities('mentor', { comments: false, checkIns: true, evidence: true }).comment).toBe(false);
    });
    it('check-ins only when shared', () => {
      expect(planAbilities('mentor', { comments: true, checkIns: false, evidence: true }).seeCheckIns).toBe(false);
      expect(planAbilities('mentor', { comments: false, checkIns: true, evidence: false }).seeCheckIns).toBe(true);
    });
    it('sees and signs off evidence only when the evidence is shared', () => {
      const off = planAbilities('mentor', { comments: true, checkIns: true, evidence: false });
      expect([off.seeEvidence, off.signOff]).toEqual([false, false]);
      const on = planAbilities('mentor', { comments: false, checkIns: false, evidence: true });
      expect([on.seeEvidence, on.signOff]).toEqual([true, true]);
    });
    it('never edits, reviews, rates, checks in or shares, whatever is shared', () => {
      const can = planAbilities('mentor', { comments: true, checkIns: true, evidence: true });
      expect([can.edit, can.propose, can.review, can.rate, can.checkIn, can.share]).toEqual([false, false, false, false, false, false]);
    });
    it('the share changes nobody but the mentor', () => {
      expect(planAbilities('shared', { comments: true, checkIns: true, evidence: true })).toEqual(planAbilities('shared'));
      expect(planAbilities('other', { comments: true, checkIns: true, evidence: true }).view).toBe(false);
    });
  });

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
