import {
  combinedScope,
  commentInputSchema,
  commentProblem,
  mentorAssessmentProblems,
  normaliseSharing,
  NOTHING_SHARED,
  redactPrivateNote,
  sharedScope,
  sharingChanges,
  signOffProblem,
  threadComments,
  type Sharing,
} from './sharing.js';

const ALL: Sharing = { plan: true, planComments: true, assessments: true, checkIns: true, evidence: true };

describe('what the mentor sees', () => {
  it('is nothing by default, and nothing while a request waits', () => {
    expect(sharedScope({ status: 'active', sharing: NOTHING_SHARED }, 'mentor')).toEqual(NOTHING_SHARED);
    expect(sharedScope({ status: 'requested', sharing: ALL }, 'mentor')).toEqual(NOTHING_SHARED);
  });

  it('is what the mentee shares while active or paused, and nothing once ended', () => {
    const sharing = { ...NOTHING_SHARED, plan: true, assessments: true, planComments: true };
    expect(sharedScope({ status: 'active', sharing }, 'mentor')).toEqual(sharing);
    expect(sharedScope({ status: 'paused', sharing }, 'mentor')).toEqual(sharing);
    expect(sharedScope({ status: 'ended', sharing }, 'mentor')).toEqual(NOTHING_SHARED);
  });

  it('never gives anyone else anything, and the mentee everything of their own', () => {
    expect(sharedScope({ status: 'active', sharing: ALL }, 'other')).toEqual(NOTHING_SHARED);
    expect(sharedScope({ status: 'ended', sharing: NOTHING_SHARED }, 'mentee')).toEqual(ALL);
  });

  it('drops what lives in the plan when the plan is not shared', () => {
    expect(normaliseSharing({ plan: false, planComments: true, assessments: true, checkIns: true, evidence: true })).toEqual({ ...NOTHING_SHARED, assessments: true });
    expect(sharedScope({ status: 'active', sharing: { ...ALL, plan: false } }, 'mentor')).toEqual({ ...NOTHING_SHARED, assessments: true });
  });

  it('shares the assessments with the plan (the plan shows the levels it is built on)', () => {
    expect(normaliseSharing({ ...NOTHING_SHARED, plan: true })).toEqual({ ...NOTHING_SHARED, plan: true, assessments: true });
  });

  it('combines several relationships between the same two people (only open ones count)', () => {
    const scope = combinedScope(
      [
        { status: 'ended', sharing: ALL },
        { status: 'active', sharing: { ...NOTHING_SHARED, assessments: true } },
      ],
      'mentor',
    );
    expect(scope).toEqual({ ...NOTHING_SHARED, assessments: true });
    expect(combinedScope([], 'mentor')).toEqual(NOTHING_SHARED);
  });

  it('names what was shared and revoked', () => {
    expect(sharingChanges({ ...NOTHING_SHARED, plan: true }, { ...NOTHING_SHARED, assessments: true })).toEqual({ shared: ['assessments'], revoked: ['plan'] });
  });

  it('keeps private notes for their author only', () => {
    const checkIn = { privateNote: 'mine', recordedById: 'a' };
    expect(redactPrivateNote(checkIn, 'a').privateNote).toBe('mine');
    expect(redactPrivateNote(checkIn, 'b').privateNote).toBeNull();
  });
});

describe('mentor review', () => {
  const active = { status: 'active' as const, sharing: { ...NOTHING_SHARED, plan: true, planComments: true, evidence: true } };

  it('lets both sides comment on the mentorship, and the mentor on the plan only when its comments are shared', () => {
    expect(commentProblem(active, 'mentor', { onPlan: true, parentDepth: null })).toBeNull();
    expect(commentProblem({ ...active, sharing: { ...active.sharing, planComments: false } }, 'mentor', { onPlan: true, parentDepth: null })).toMatch(/not shared comments/);
    expect(commentProblem({ ...active, sharing: NOTHING_SHARED }, 'mentor', { onPlan: false, parentDepth: null })).toBeNull();
    expect(commentProblem(active, 'other', { onPlan: false, parentDepth: null })).toMatch(/only the mentee and the mentor/);
    expect(commentProblem({ ...active, status: 'ended' }, 'mentee', { onPlan: false, parentDepth: null })).toMatch(/ended/);
    expect(commentProblem({ ...active, status: 'requested' }, 'mentee', { onPlan: false, parentDepth: null })).toMatch(/accepts/);
  });

  it('limits how deep replies nest', () => {
    expect(commentProblem(active, 'mentee', { onPlan: false, parentDepth: 1 })).toBeNull();
    expect(commentProblem(active, 'mentee', { onPlan: false, parentDepth: 2 })).toMatch(/nest at most/);
  });

  it('validates a comment', () => {
    const id = '3f1b2c9e-8f4a-4d6b-9c1e-2a3b4c5d6e7f';
    expect(commentInputSchema.safeParse({ mentorshipId: id, body: '  ' }).success).toBe(false);
    expect(commentInputSchema.parse({ mentorshipId: id, body: ' Good work \r\n' })).toEqual({ mentorshipId: id, body: 'Good work', parentId: null, planActionId: null });
  });

  it('signs off only done actions with shared evidence, by the mentor of an active mentorship', () => {
    const done = { status: 'done', evidence: 'Ran the risk workshop' };
    expect(signOffProblem(active, 'mentor', done)).toBeNull();
    expect(signOffProblem(active, 'mentee', done)).toMatch(/only the mentor/);
    expect(signOffProblem({ ...active, status: 'paused' }, 'mentor', done)).toMatch(/active/);
    expect(signOffProblem({ ...active, sharing: { ...active.sharing, evidence: false } }, 'mentor', done)).toMatch(/not shared the evidence/);
    expect(signOffProblem(active, 'mentor', null)).toMatch(/not in the plan/);
    expect(signOffProblem(active, 'mentor', { status: 'in-progress', evidence: 'x' })).toMatch(/done/);
    expect(signOffProblem(active, 'mentor', { status: 'done', evidence: ' ' })).toMatch(/no evidence/);
  });

  it('takes mentor assessments of focus skills on the scale, from the mentor of an open mentorship', () => {
    const r = { status: 'active' as const, focusSkillKeys: ['risk-management'] };
    const scale = [1, 2, 3, 4, 5].map((level) => ({ level }));
    expect(mentorAssessmentProblems(r, 'mentor', { skillKey: 'risk-management', level: 4 }, scale)).toEqual({});
    expect(mentorAssessmentProblems(r, 'mentor', { skillKey: 'planning', level: 9 }, scale)).toEqual({ skillKey: expect.stringMatching(/focus/), level: 'choose a level from 1 to 5' });
    expect(mentorAssessmentProblems(r, 'mentee', { skillKey: 'risk-management', level: 4 }, scale)).toHaveProperty('mentorshipId');
    expect(mentorAssessmentProblems({ ...r, status: 'ended' }, 'mentor', { skillKey: 'risk-management', level: 4 }, scale)).toHaveProperty('mentorshipId');
  });

  it('threads comments: roots oldest first, replies under their parent', () => {
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m));
    const thread = threadComments([
      { id: 'c', parentId: 'a', createdAt: at(3) },
      { id: 'b', parentId: null, createdAt: at(2) },
      { id: 'a', parentId: null, createdAt: at(1) },
      { id: 'd', parentId: 'c', createdAt: at(4) },
      { id: 'e', parentId: 'gone', createdAt: at(5) },
    ]);
    expect(thread.map((t) => `${t.comment.id}${t.depth}`)).toEqual(['a0', 'c1', 'd2', 'b0', 'e0']);
  });
});

describe('answering a next step (input)', () => {
  it('takes a position within a session’s next steps and accept or decline', async () => {
    const { answerNextStepInputSchema } = await import('./api-inputs.js');
    const id = '3f1b2c9e-8f4a-4d6b-9c1e-2a3b4c5d6e7f';
    expect(answerNextStepInputSchema.safeParse({ sessionId: id, index: 0, answer: 'accept' }).success).toBe(true);
    expect(answerNextStepInputSchema.safeParse({ sessionId: id, index: 10, answer: 'accept' }).success).toBe(false);
    expect(answerNextStepInputSchema.safeParse({ sessionId: id, index: 0, answer: 'maybe' }).success).toBe(false);
  });
});
