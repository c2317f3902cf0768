import { PLAN_ACTION_TYPES } from '../plans/gaps.js';
import { nextStepAnswerProblem, proposedPlanActionSchema, sessionInputSchema, sessionProblems, toPlanAction, type SessionContext } from './sessions.js';

const ACTION = '6f1c2a4e-1111-4a5b-9c3d-0123456789ab';
const OTHER_ACTION = '7a2b3c4d-2222-4a5b-9c3d-0123456789ab';

const context: SessionContext = {
  today: '2025-05-10',
  startedOn: '2025-04-01',
  focusSkillKeys: ['risk', 'stakeholders'],
  planActionIds: [ACTION],
  frameworkSkillKeys: ['risk', 'stakeholders', 'finance'],
};

describe('sessionInputSchema', () => {
  it('takes the day, the length, agenda, notes and next steps, with defaults', () => {
    expect(sessionInputSchema.parse({ heldOn: '2025-05-09', minutes: 45 })).toEqual({
      heldOn: '2025-05-09',
      minutes: 45,
      agenda: [],
      sharedNotes: '',
      privateNotes: '',
      nextSteps: [],
    });
    const full = sessionInputSchema.parse({
      heldOn: '2025-05-09',
      minutes: 60,
      agenda: [{ text: 'Risk workshop debrief', focusSkillKey: 'risk' }, { text: 'Update on the PMP', planActionId: ACTION }, { text: 'Anything else' }],
      sharedNotes: 'Good progress.\r\nNext: the register.',
      privateNotes: 'Seems tired.',
      nextSteps: [{ title: 'Run the next risk review', skillKeys: ['risk'], dueOn: '2025-06-01' }],
    });
    expect(full.agenda).toEqual([
      { text: 'Risk workshop debrief', focusSkillKey: 'risk', planActionId: null },
      { text: 'Update on the PMP', focusSkillKey: null, planActionId: ACTION },
      { text: 'Anything else', focusSkillKey: null, planActionId: null },
    ]);
    expect(full.sharedNotes).toBe('Good progress.\nNext: the register.');
    expect(full.nextSteps).toEqual([{ type: 'mentoring', title: 'Run the next risk review', description: '', skillKeys: ['risk'], dueOn: '2025-06-01' }]);
  });

  it('refuses bad input with the field’s path', () => {
    const paths = (input: Record<string, unknown>) =>
      sessionInputSchema.safeParse({ heldOn: '2025-05-09', minutes: 30, ...input }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths({ heldOn: '9 May' })).toEqual(['heldOn: must be a calendar date (YYYY-MM-DD)']);
    expect(paths({ minutes: 4 })).toEqual(['minutes: a session lasts at least 5 minutes']);
    expect(paths({ minutes: 481 })).toEqual(['minutes: a session lasts at most 480 minutes (8 hours)']);
    expect(paths({ minutes: 30.5 })).toEqual(['minutes: must be a whole number of minutes']);
    expect(paths({ agenda: [{ text: 'Both', focusSkillKey: 'risk', planActionId: ACTION }] })).toEqual(['agenda.0.planActionId: link an agenda item to a focus skill or a plan action, not both']);
    expect(paths({ agenda: [{ text: '' }] })).toEqual(['agenda.0.text: must not be empty']);
    expect(paths({ agenda: Array.from({ length: 21 }, () => ({ text: 'x' })) })).toEqual(['agenda: at most 20 agenda items']);
    expect(paths({ privateNotes: 'x\u001by' })).toEqual(['privateNotes: must not contain control characters']);
    expect(paths({ sharedNotes: 'x'.repeat(10_001) })).toEqual(['sharedNotes: must have at most 10000 characters']);
    expect(paths({ nextSteps: [{ title: 'x', type: 'nap' }] })?.[0]).toMatch(/^nextSteps\.0\.type: choose one of qualification, on-the-job/);
    expect(paths({ nextSteps: Array.from({ length: 11 }, () => ({ title: 'x' })) })).toEqual(['nextSteps: at most 10 next steps']);
  });
});

describe('proposedPlanActionSchema', () => {
  it('is a plan action: its type is one of the plan’s action types, with the plan’s limits', () => {
    for (const type of PLAN_ACTION_TYPES) expect(proposedPlanActionSchema.parse({ type, title: 'Do it' }).type).toBe(type);
    expect(proposedPlanActionSchema.safeParse({ title: 'x'.repeat(201) }).success).toBe(false);
    expect(proposedPlanActionSchema.safeParse({ title: 'Ok', description: 'x'.repeat(2001) }).success).toBe(false);
    expect(proposedPlanActionSchema.safeParse({ title: 'Ok', skillKeys: ['risk', 'risk'] }).success).toBe(false);
    expect(proposedPlanActionSchema.safeParse({ title: 'Ok', dueOn: '2025-02-29' }).success).toBe(false);
  });

  it('becomes the plan action the mentee accepts', () => {
    const step = proposedPlanActionSchema.parse({ type: 'reading', title: 'Read the risk guide', description: 'Chapters 1-3', skillKeys: ['risk'] });
    const action = toPlanAction(step);
    expect(action).toEqual({ type: 'reading', title: 'Read the risk guide', description: 'Chapters 1-3', skillKeys: ['risk'], dueOn: null });
    action.skillKeys.push('finance');
    expect(step.skillKeys).toEqual(['risk']);
  });
});

describe('sessionProblems', () => {
  const session = (input: Record<string, unknown>) => sessionInputSchema.parse({ heldOn: '2025-05-09', minutes: 30, ...input });

  it('accepts a session that fits its relationship', () => {
    expect(sessionProblems(session({ agenda: [{ text: 'Risk', focusSkillKey: 'risk' }, { text: 'PMP', planActionId: ACTION }], nextSteps: [{ title: 'Do', skillKeys: ['finance'], dueOn: '2025-05-09' }] }), context)).toEqual({});
    expect(sessionProblems(session({ heldOn: '2025-05-10' }), context)).toEqual({});
    expect(sessionProblems(session({ heldOn: '2025-04-01' }), context)).toEqual({});
  });

  it('refuses a day ahead of today or before the relationship started', () => {
    expect(sessionProblems(session({ heldOn: '2025-05-11' }), context)).toEqual({ heldOn: 'a session cannot be logged ahead of the day it is held' });
    expect(sessionProblems(session({ heldOn: '2025-03-31' }), context)).toEqual({ heldOn: 'the mentorship started on 2025-04-01: a session cannot be earlier' });
  });

  it('names agenda links and next steps that do not belong', () => {
    expect(
      sessionProblems(
        session({
          agenda: [{ text: 'Finance', focusSkillKey: 'finance' }, { text: 'Hidden action', planActionId: OTHER_ACTION }],
          nextSteps: [{ title: 'Juggle', skillKeys: ['risk', 'juggling'] }, { title: 'Late', dueOn: '2025-05-01' }],
        }),
        context,
      ),
    ).toEqual({
      'agenda.0.focusSkillKey': 'not one of this mentorship’s focus skills',
      'agenda.1.planActionId': 'not an action of the plan shared with this mentorship',
      'nextSteps.0.skillKeys': 'not in the plan’s framework: "juggling"',
      'nextSteps.1.dueOn': 'a next step cannot be due before the session',
    });
  });
});

describe('nextStepAnswerProblem', () => {
  it('only the mentee answers, once, and accepts into an open plan', () => {
    expect(nextStepAnswerProblem({ status: 'proposed' }, 'accept', 'mentee', 'active')).toBeNull();
    expect(nextStepAnswerProblem({ status: 'proposed' }, 'accept', 'mentee', 'draft')).toBeNull();
    expect(nextStepAnswerProblem({ status: 'proposed' }, 'accept', 'mentor', 'active')).toBe('only the mentee accepts or declines a next step for their plan');
    expect(nextStepAnswerProblem({ status: 'accepted' }, 'decline', 'mentee', 'active')).toBe('this next step was already accepted');
    expect(nextStepAnswerProblem({ status: 'proposed' }, 'accept', 'mentee', null)).toBe('there is no plan to add it to: start a plan first');
    expect(nextStepAnswerProblem({ status: 'proposed' }, 'accept', 'mentee', 'completed')).toBe('the plan is completed: start a new plan to add actions');
    expect(nextStepAnswerProblem({ status: 'proposed' }, 'decline', 'mentee', null)).toBeNull();
    expect(nextStepAnswerProblem({ status: 'proposed' }, 'decline', 'mentee', 'abandoned')).toBeNull();
  });
});
