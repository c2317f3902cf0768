import { actionAdditionEffect, addPlanCommentInputSchema, MAX_PLAN_COMMENT_DEPTH, planCommentProblems, signOffEvidenceInputSchema, signOffEvidenceProblem, withdrawSignOffProblem } from './plan-review.js';

const ACTION = '00000000-0000-4000-8000-000000000001';
const PLAN = '00000000-0000-4000-8000-000000000002';

describe('plan comments', () => {
  const open = { status: 'active' as const };
  it('needs the comment ability', () => expect(planCommentProblems({ comment: false }, open, { actionId: null }, null, true)).toEqual({ planId: 'You may not comment on this plan.' }));
  it('a closed plan keeps its comments but takes no new ones', () => {
    expect(planCommentProblems({ comment: true }, { status: 'completed' }, { actionId: null }, null, true).planId).toMatch(/completed/);
    expect(planCommentProblems({ comment: true }, { status: 'abandoned' }, { actionId: null }, null, true).planId).toMatch(/abandoned/);
  });
  it('a comment on the plan or on one of its actions, on a plan in any open status', () => {
    for (const status of ['draft', 'proposed', 'agreed', 'active'] as const) {
      expect(planCommentProblems({ comment: true }, { status }, { actionId: null }, null, false)).toEqual({});
      expect(planCommentProblems({ comment: true }, { status }, { actionId: ACTION }, null, true)).toEqual({});
    }
  });
  it('refuses an action of another plan', () => expect(planCommentProblems({ comment: true }, open, { actionId: ACTION }, null, false).actionId).toBe('Not an action of this plan.'));
  it('refuses a parent that is not on this plan (undefined: looked for, not found)', () =>
    expect(planCommentProblems({ comment: true }, open, { actionId: null }, undefined, true).parentId).toBe('Not a comment on this plan.'));
  it('replies nest at most MAX_PLAN_COMMENT_DEPTH deep', () => {
    expect(planCommentProblems({ comment: true }, open, { actionId: null }, { depth: MAX_PLAN_COMMENT_DEPTH - 2, actionId: null }, true)).toEqual({});
    expect(planCommentProblems({ comment: true }, open, { actionId: null }, { depth: MAX_PLAN_COMMENT_DEPTH - 1, actionId: null }, true).parentId).toMatch(/at most 3 deep/);
  });
  it('a reply is about what its parent is about', () => {
    expect(planCommentProblems({ comment: true }, open, { actionId: null }, { depth: 0, actionId: ACTION }, true).actionId).toMatch(/reply/);
    expect(planCommentProblems({ comment: true }, open, { actionId: ACTION }, { depth: 0, actionId: ACTION }, true)).toEqual({});
  });
  it('the input: a body with something in it, ids as UUIDs', () => {
    expect(addPlanCommentInputSchema.safeParse({ planId: PLAN, body: '   ' }).success).toBe(false);
    expect(addPlanCommentInputSchema.safeParse({ planId: 'x', body: 'Hi' }).success).toBe(false);
    expect(addPlanCommentInputSchema.parse({ planId: PLAN, body: 'Good progress' })).toEqual({ planId: PLAN, actionId: null, parentId: null, body: 'Good progress' });
    expect(addPlanCommentInputSchema.safeParse({ planId: PLAN, body: 'x'.repeat(4001) }).success).toBe(false);
  });
});

describe('evidence sign-off', () => {
  const done = { status: 'done' as const, evidence: 'Ran the risk workshop; notes linked', signedOffById: null };
  const can = { signOff: true };
  it('a done action with evidence on an open plan', () => expect(signOffEvidenceProblem(can, { status: 'active' }, done)).toBeNull());
  it('only with the signOff ability', () => expect(signOffEvidenceProblem({ signOff: false }, { status: 'active' }, done)).toMatch(/mentor/));
  it('not on a closed plan', () => expect(signOffEvidenceProblem(can, { status: 'completed' }, done)).toMatch(/completed/));
  it('only a done action', () => expect(signOffEvidenceProblem(can, { status: 'active' }, { ...done, status: 'in-progress' })).toMatch(/done action/));
  it('only with evidence', () => {
    expect(signOffEvidenceProblem(can, { status: 'active' }, { ...done, evidence: null })).toMatch(/no evidence/);
    expect(signOffEvidenceProblem(can, { status: 'active' }, { ...done, evidence: '  ' })).toMatch(/no evidence/);
  });
  it('once', () => expect(signOffEvidenceProblem(can, { status: 'active' }, { ...done, signedOffById: 'm' })).toMatch(/already/));
  it('a note is optional', () => expect(signOffEvidenceInputSchema.parse({ actionId: ACTION, expectedPlanVersion: 3 }).note).toBe(''));

  it('withdrawn by its author only, while the evidence is still shared with them', () => {
    expect(withdrawSignOffProblem('m', can, { signedOffById: 'm' })).toBeNull();
    expect(withdrawSignOffProblem('x', can, { signedOffById: 'm' })).toMatch(/only whoever/);
    expect(withdrawSignOffProblem('m', { signOff: false }, { signedOffById: 'm' })).toMatch(/no longer shared/);
    expect(withdrawSignOffProblem('m', can, null)).toMatch(/not signed off/);
  });
});

describe('adding an action from a mentoring next step', () => {
  it('a draft takes it as it is', () => expect(actionAdditionEffect('draft')).toEqual({ ok: true, backToDraft: false, warning: null }));
  it('a proposed, agreed or active plan goes back to draft for agreement, and says so', () => {
    for (const status of ['proposed', 'agreed', 'active'] as const) {
      const effect = actionAdditionEffect(status);
      expect(effect.ok && effect.backToDraft).toBe(true);
      expect(effect.ok ? effect.warning : '').toMatch(/back to draft, to be proposed and agreed again/);
    }
    const active = actionAdditionEffect('active');
    expect(active.ok ? active.warning : '').toMatch(/^Your plan is active/);
  });
  it('a closed plan takes nothing', () => {
    expect(actionAdditionEffect('completed')).toEqual({ ok: false, reason: 'the plan is completed: start a new plan to add actions' });
    expect(actionAdditionEffect('abandoned').ok).toBe(false);
  });
});
