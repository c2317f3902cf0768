import { pmoFramework } from '../framework/pmo-framework.js';
import { smallFramework } from '../framework/test-fixtures.js';
import { checkInAnswerProblems, checkInAnswersSchema, checkInQuestions, type CheckInAction } from './check-ins.js';
import { chooseSuggestions, proposePlan } from './focus.js';

const action = (id: string, skillKeys: string[], status: CheckInAction['status'] = 'in-progress'): CheckInAction => ({ id, title: `Action ${id}`, status, skillKeys });

describe('checkInQuestions', () => {
  it('asks about each focus skill with its aim and its actions, then the other open actions', () => {
    const doc = smallFramework();
    const questions = checkInQuestions(
      doc,
      [
        { skillKey: 'risk-management', aimLevel: 2 },
        { skillKey: 'planning', aimLevel: 3 },
      ],
      [
        action('1', ['planning']),
        action('2', ['risk-management', 'planning']),
        action('3', ['mentoring']),
        action('4', ['planning'], 'dropped'),
        action('5', [], 'done'),
        action('6', []),
      ],
    );
    expect(questions.map((q) => [q.skillKey, q.actions.map((a) => a.id)])).toEqual([
      // an action on two focus skills is asked about once, under the first
      ['risk-management', ['2']],
      ['planning', ['1']],
      // outside the focus: open actions only (dropped and done ones left out)
      [null, ['3', '6']],
    ]);
    expect(questions[0]).toMatchObject({
      title: 'Risk management',
      aimLevel: 2,
      aimLevelName: 'Practised',
      aimDescriptor: 'Practises risk management with support.',
      prompt: 'How is Risk management going? You are working towards level 2 (Practised): “Practises risk management with support.”',
    });
    expect(questions[2]).toMatchObject({ title: 'Other actions', aimLevel: null });
  });

  it('asks only about the focus when every action works on it', () => {
    const questions = checkInQuestions(smallFramework(), [{ skillKey: 'planning', aimLevel: 2 }], [action('1', ['planning'])]);
    expect(questions.map((q) => q.skillKey)).toEqual(['planning']);
  });

  it('has at most a row per chosen action for the PMO Analyst’s focused plan', () => {
    const proposal = proposePlan(
      pmoFramework,
      { 'stakeholder-engagement': 2, 'planning-scheduling': 3, 'ppm-tools-bi': 4 },
      'pmo-analyst',
      'project-manager',
    );
    const chosen = chooseSuggestions(proposal, proposal.suggestions.map((s) => s.id));
    if (!chosen.ok) throw new Error('the proposal’s own suggestions are valid');
    const actions = chosen.actions.map((a, i) => ({ id: String(i), title: a.title, status: 'not-started' as const, skillKeys: a.skillKeys }));
    const questions = checkInQuestions(pmoFramework, proposal.focus, actions);
    expect(questions).toHaveLength(proposal.focus.length);
    expect(questions.flatMap((q) => q.actions)).toHaveLength(actions.length);
    expect(actions.length).toBeLessThanOrEqual(10);
  });
});

describe('check-in answers', () => {
  const doc = smallFramework();
  const questions = checkInQuestions(doc, [{ skillKey: 'planning', aimLevel: 3 }, { skillKey: 'mentoring', aimLevel: 1 }], [action('a', ['planning']), action('b', [])]);

  it('accepts an answer per focus skill with its actions', () => {
    const answers = checkInAnswersSchema.parse({
      reflection: ' Good month ',
      answers: [
        { skillKey: 'planning', progress: 'good-progress', note: 'Ran the plan review', actions: [{ actionId: 'a', status: 'done' }] },
        { skillKey: 'mentoring', progress: 'not-started' },
        { skillKey: null, actions: [{ actionId: 'b', status: 'in-progress' }] },
      ],
    });
    expect(answers.reflection).toBe('Good month');
    expect(answers.answers[1]?.actions).toEqual([]);
    expect(checkInAnswerProblems(questions, answers)).toEqual({});
  });

  it('names each problem by field', () => {
    const answers = checkInAnswersSchema.parse({
      answers: [
        { skillKey: 'planning', actions: [{ actionId: 'b', status: 'done' }] },
        { skillKey: 'risk-management', progress: 'some-progress' },
        { skillKey: 'planning', progress: 'some-progress' },
      ],
    });
    expect(checkInAnswerProblems(questions, answers)).toEqual({
      'answers.0.progress': 'Say how Planning went.',
      'answers.0.actions.0.actionId': 'This action is not asked about under Planning.',
      'answers.1.skillKey': '"risk-management" is not a focus skill of this plan.',
      'answers.2.skillKey': 'Planning is answered twice.',
      answers: 'Say how Mentoring went.',
    });
  });

  it('refuses an action reported twice, and other actions when there are none', () => {
    const only = checkInQuestions(doc, [{ skillKey: 'planning', aimLevel: 3 }], [action('a', ['planning'])]);
    const answers = checkInAnswersSchema.parse({
      answers: [
        { skillKey: 'planning', progress: 'aim-reached', actions: [{ actionId: 'a', status: 'done' }, { actionId: 'a', status: 'done' }] },
        { skillKey: null, actions: [] },
      ],
    });
    expect(checkInAnswerProblems(only, answers)).toEqual({
      'answers.0.actions.1.actionId': 'This action is reported twice.',
      'answers.1.skillKey': 'This plan has no other actions to report on.',
    });
  });

  it('rejects malformed input in the schema', () => {
    expect(checkInAnswersSchema.safeParse({ answers: [{ skillKey: 'planning', progress: 'great' }] }).success).toBe(false);
    expect(checkInAnswersSchema.safeParse({ answers: [{ skillKey: 'planning', actions: [{ actionId: 'a', status: 'finished' }] }] }).success).toBe(false);
    expect(checkInAnswersSchema.safeParse({ answers: [], reflection: 'x'.repeat(5001) }).success).toBe(false);
  });
});
