import {
  actionChangeProblem,
  actionProgress,
  isClosedPlan,
  PLAN_STATUSES,
  PLAN_TRANSITIONS,
  transitionPlan,
  type PlanRelationship,
  type PlanStatus,
  type PlanTransition,
} from './lifecycle.js';

describe('transitionPlan', () => {
  it('walks the agreed path: draft → proposed → agreed → active → completed', () => {
    const steps: Array<[PlanTransition, PlanRelationship, PlanStatus]> = [
      ['propose', 'owner', 'proposed'],
      ['agree', 'manager', 'agreed'],
      ['start', 'owner', 'active'],
      ['complete', 'owner', 'completed'],
    ];
    let status: PlanStatus = 'draft';
    for (const [action, who, expected] of steps) {
      const result = transitionPlan({ status }, action, who);
      expect(result).toEqual({ ok: true, status: expected });
      if (result.ok) status = result.status;
    }
  });

  it('sends a proposal back to draft only with a comment', () => {
    expect(transitionPlan({ status: 'proposed' }, 'send-back', 'manager', { comment: 'Add a date to the PMP' })).toEqual({ ok: true, status: 'draft' });
    expect(transitionPlan({ status: 'proposed' }, 'send-back', 'manager', { comment: '  ' })).toEqual({
      ok: false,
      refusal: 'comment-required',
      reason: 'say why the plan is sent back: a comment is required',
    });
  });

  it('refuses the wrong actor with who may do it', () => {
    expect(transitionPlan({ status: 'proposed' }, 'agree', 'owner')).toEqual({
      ok: false,
      refusal: 'not-allowed',
      reason: 'only their manager can agree a plan (or, for someone without an active manager, the person who agrees their plan); you are the plan’s owner',
    });
    expect(transitionPlan({ status: 'draft' }, 'propose', 'manager')).toMatchObject({ ok: false, reason: expect.stringMatching(/only the plan’s owner/) });
    for (const action of PLAN_TRANSITIONS) {
      for (const status of PLAN_STATUSES) expect(transitionPlan({ status }, action, 'other').ok).toBe(false);
    }
  });

  it('lets the approver of someone without a manager agree, send back and start, but not propose or complete', () => {
    expect(transitionPlan({ status: 'proposed' }, 'agree', 'approver')).toEqual({ ok: true, status: 'agreed' });
    expect(transitionPlan({ status: 'proposed' }, 'send-back', 'approver', { comment: 'Add dates' })).toEqual({ ok: true, status: 'draft' });
    expect(transitionPlan({ status: 'proposed' }, 'send-back', 'approver').ok).toBe(false);
    expect(transitionPlan({ status: 'agreed' }, 'start', 'approver')).toEqual({ ok: true, status: 'active' });
    for (const action of ['propose', 'withdraw', 'complete', 'abandon'] as const) {
      expect(transitionPlan({ status: 'active' }, action, 'approver')).toMatchObject({ ok: false, refusal: 'not-allowed' });
    }
    expect(transitionPlan({ status: 'active' }, 'complete', 'approver')).toMatchObject({
      reason: 'only the plan’s owner can complete a plan; you are the person who agrees their plan',
    });
  });

  it('refuses a move from the wrong status', () => {
    expect(transitionPlan({ status: 'draft' }, 'agree', 'manager')).toEqual({
      ok: false,
      refusal: 'wrong-status',
      reason: 'a draft plan cannot be agreed; only a proposed one can',
    });
    expect(transitionPlan({ status: 'active' }, 'propose', 'owner').ok).toBe(false);
  });

  it('lets the owner abandon any open plan, and nothing leaves a closed one', () => {
    for (const status of ['draft', 'proposed', 'agreed', 'active'] as const) {
      expect(transitionPlan({ status }, 'abandon', 'owner')).toEqual({ ok: true, status: 'abandoned' });
    }
    for (const status of ['completed', 'abandoned'] as const) {
      expect(isClosedPlan(status)).toBe(true);
      for (const action of PLAN_TRANSITIONS) {
        for (const who of ['owner', 'manager'] as const) expect(transitionPlan({ status }, action, who).ok).toBe(false);
      }
    }
  });

  it('lets the owner withdraw a proposal', () => {
    expect(transitionPlan({ status: 'proposed' }, 'withdraw', 'owner')).toEqual({ ok: true, status: 'draft' });
  });
});

describe('actionChangeProblem', () => {
  it('allows content changes only in a draft and progress only once agreed', () => {
    expect(actionChangeProblem('draft', 'content')).toBeNull();
    expect(actionChangeProblem('agreed', 'content')).toMatch(/new revision/);
    expect(actionChangeProblem('active', 'progress')).toBeNull();
    expect(actionChangeProblem('agreed', 'progress')).toBeNull();
    expect(actionChangeProblem('proposed', 'progress')).toMatch(/once the plan is agreed/);
    expect(actionChangeProblem('completed', 'progress')).toBe('the plan is completed: its actions can no longer change');
  });
});

describe('actionProgress', () => {
  it('is the share done among actions not dropped', () => {
    expect(actionProgress([])).toBeNull();
    expect(actionProgress([{ status: 'dropped' }])).toBeNull();
    expect(actionProgress([{ status: 'done' }, { status: 'in-progress' }, { status: 'dropped' }, { status: 'not-started' }])).toBeCloseTo(1 / 3);
  });
});
