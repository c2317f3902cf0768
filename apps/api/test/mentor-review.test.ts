import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { superuserQuery } from './support/superuser.js';

/**
 * What a mentor sees is the mentee's choice, item by item, through the one plan policy: the plan,
 * comments, check-ins (never private notes), evidence (and its sign-off); revoked at once; every
 * read audited for the mentee. The mentor's review on the plan (threaded comments, evidence
 * sign-off), their rating as a third source, and a next step into an agreed plan.
 */

const GRACE = 'grace.liu@demo.example'; // another team: Dan's mentor here
const CHLOE = 'chloe.martin@demo.example'; // a colleague with no part in it
const BEN = 'ben.okafor@demo.example'; // Dan's manager

const PLAN = `id status version viewerCan { view comment seeCheckIns seeEvidence signOff edit review }
  actions { id title status evidence signOff { byName note at } } checkIns { reflection privateNote }`;

interface PlanView {
  id: string;
  status: string;
  version: number;
  viewerCan: Record<string, boolean>;
  actions: { id: string; title: string; status: string; evidence: string | null; signOff: { byName: string; note: string } | null }[];
  checkIns: { reflection: string; privateNote: string | null }[];
}

describe('mentor review on a shared plan', () => {
  let t: TestApp;
  let dan: Client;
  let grace: Client;
  let chloe: Client;
  let ben: Client;
  const ids = new Map<string, string>();
  let mentorship: { id: string; version: number };
  let plan: PlanView;
  let actionId: string;
  let skillKey: string;

  const superuser = (text: string, values: unknown[]) => superuserQuery(t.adminDatabaseUrl, text, values);
  const planOf = (client: Client) => client.graphql<{ planOf: PlanView }>(`query($id: ID!) { planOf(personId: $id) { ${PLAN} } }`, { id: ids.get(DEMO.employee) });
  const myPlan = async () => {
    const result = await dan.graphql<{ myPlan: PlanView }>(`{ myPlan { ${PLAN} } }`);
    expectNoErrors(result);
    return result.data!.myPlan;
  };
  const share = async (sharing: Record<string, boolean>) => {
    const result = await dan.graphql<{ setMentorshipSharing: { id: string; version: number } }>(
      'mutation($input: SetMentorshipSharingInput!) { setMentorshipSharing(input: $input) { id version } }',
      { input: { mentorshipId: mentorship.id, expectedVersion: mentorship.version, plan: false, planComments: false, assessments: false, checkIns: false, evidence: false, ...sharing } },
    );
    expectNoErrors(result);
    mentorship = result.data!.setMentorshipSharing;
  };
  const comments = (client: Client) =>
    client.graphql<{ planComments: { id: string; body: string; depth: number; actionId: string | null; parentId: string | null; authorName: string }[] }>(
      'query($id: ID!) { planComments(planId: $id) { id body depth actionId parentId authorName } }',
      { id: plan.id },
    );
  const comment = (client: Client, input: Record<string, unknown>) =>
    client.graphql<{ addPlanComment: { id: string; depth: number; authorName: string } }>('mutation($input: AddPlanCommentInput!) { addPlanComment(input: $input) { id depth authorName } }', {
      input: { planId: plan.id, ...input },
    });
  const signOff = (client: Client, version: number, note = 'Saw the workshop notes') =>
    client.graphql<{ signOffActionEvidence: PlanView }>(`mutation($input: SignOffEvidenceInput!) { signOffActionEvidence(input: $input) { ${PLAN} } }`, {
      input: { actionId, expectedPlanVersion: version, note },
    });
  const withdraw = (client: Client, version: number) =>
    client.graphql<{ withdrawActionSignOff: PlanView }>(`mutation($input: WithdrawSignOffInput!) { withdrawActionSignOff(input: $input) { ${PLAN} } }`, {
      input: { actionId, expectedPlanVersion: version },
    });
  const notifications = async (client: Client) => {
    const result = await client.graphql<{ myNotifications: { kind: string; message: string }[] }>('{ myNotifications { kind message } }');
    expectNoErrors(result);
    return result.data!.myNotifications;
  };
  const planReadsBy = async (email: string) => {
    const access = await dan.graphql<{ myDataAccess: { action: string; actor: { email: string } }[] }>('{ myDataAccess { action actor { email } } }');
    expectNoErrors(access);
    return access.data!.myDataAccess.filter((a) => a.action === 'plan.read' && a.actor.email === email).length;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [dan, grace, chloe, ben] = await Promise.all([t.signIn(DEMO.employee), t.signIn(GRACE), t.signIn(CHLOE), t.signIn(BEN)]);
    const admin = await t.signIn(DEMO.admin);
    const people = await admin.graphql<{ people: { id: string; email: string }[] }>('{ people { id email } }');
    expectNoErrors(people);
    for (const p of people.data!.people) ids.set(p.email, p.id);
    // Dan's plan, agreed by Ben, with one action done and its evidence, and a check-in with a private note.
    const [role] = await superuser(`SELECT id FROM roles WHERE key = 'senior-pmo-analyst' LIMIT 1`, []);
    const created = await dan.graphql<{ createPlanFromTarget: { id: string; version: number; focus: { skillKey: string }[] } }>(
      'mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id version focus { skillKey } } }',
      { input: { targetRoleId: role!.id } },
    );
    expectNoErrors(created);
    const { id: planId } = created.data!.createPlanFromTarget;
    skillKey = created.data!.createPlanFromTarget.focus[0]!.skillKey;
    let version = created.data!.createPlanFromTarget.version;
    const run = async <T>(client: Client, query: string, input: Record<string, unknown>) => {
      const result = await client.graphql<Record<string, T>>(query, { input });
      expectNoErrors(result);
      return Object.values(result.data!)[0]!;
    };
    const added = await run<{ version: number; actions: { id: string }[] }>(dan, 'mutation($input: AddPlanActionInput!) { addPlanAction(input: $input) { version actions { id } } }', {
      planId, expectedVersion: version, type: 'ON_THE_JOB', title: 'Run a risk workshop', skillKeys: [skillKey],
    });
    actionId = added.actions.at(-1)!.id;
    version = (await run<{ version: number }>(dan, 'mutation($input: PlanVersionInput!) { proposePlan(input: $input) { version } }', { planId, expectedVersion: added.version })).version;
    version = (await run<{ version: number }>(ben, 'mutation($input: PlanVersionInput!) { agreePlan(input: $input) { version } }', { planId, expectedVersion: version })).version;
    version = (await run<{ version: number }>(dan, 'mutation($input: UpdatePlanActionInput!) { updatePlanAction(input: $input) { version } }', {
      actionId, expectedPlanVersion: version, status: 'DONE', evidence: 'Workshop held on 3 March; notes in the team drive',
    })).version;
    await run(dan, 'mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { version } }', {
      planId, expectedVersion: version, reflection: 'The workshop went well', privateNote: 'Dan only: nervous about presenting',
    });
    plan = await myPlan();
    // Grace offers to mentor in Dan's focus skill; Dan asks her; she accepts.
    expectNoErrors(await grace.graphql('mutation($input: SaveMentorProfileInput!) { saveMentorProfile(input: $input) { id } }', { input: { offeredSkillKeys: [skillKey], capacity: 2 } }));
    const asked = await dan.graphql<{ requestMentor: { id: string; version: number } }>('mutation($input: RequestMentorInput!) { requestMentor(input: $input) { id version } }', {
      input: { mentorId: ids.get(GRACE), message: 'Help with my risk skills?', focusSkillKeys: [skillKey] },
    });
    expectNoErrors(asked);
    const accepted = await grace.graphql<{ moveMentorship: { id: string; version: number } }>('mutation($input: MoveMentorshipInput!) { moveMentorship(input: $input) { id version } }', {
      input: { mentorshipId: asked.data!.requestMentor.id, expectedVersion: asked.data!.requestMentor.version, move: 'accept' },
    });
    expectNoErrors(accepted);
    mentorship = accepted.data!.moveMentorship;
  });

  afterAll(async () => {
    await t.close();
  });

  it('being a mentor gives nothing by itself: no plan, no comments', async () => {
    expect(theError(await planOf(grace)).code).toBe('FORBIDDEN');
    expect(theError(await comments(grace)).code).toBe('FORBIDDEN');
    expect(theError(await comment(grace, { body: 'Hello' })).code).toBe('FORBIDDEN');
    expect(theError(await signOff(grace, plan.version)).code).toBe('FORBIDDEN');
  });

  it('the plan alone: read it (audited), but no comments, check-ins or evidence', async () => {
    await share({ plan: true });
    const before = await planReadsBy(GRACE);
    const seen = await planOf(grace);
    expectNoErrors(seen);
    const view = seen.data!.planOf;
    expect(view.viewerCan).toEqual({ view: true, comment: false, seeCheckIns: false, seeEvidence: false, signOff: false, edit: false, review: false });
    expect(view.checkIns).toEqual([]);
    expect(view.actions.find((a) => a.id === actionId)).toMatchObject({ status: 'DONE', evidence: null, signOff: null });
    expect(theError(await comments(grace)).code).toBe('FORBIDDEN');
    expect(theError(await comment(grace, { body: 'Nice plan' })).code).toBe('FORBIDDEN');
    expect(theError(await signOff(grace, plan.version)).code).toBe('FORBIDDEN');
    expect(await planReadsBy(GRACE)).toBe(before + 1);
  });

  it('comments, check-ins and evidence when shared; never the private note', async () => {
    await share({ plan: true, planComments: true, checkIns: true, evidence: true });
    const seen = await planOf(grace);
    expectNoErrors(seen);
    expect(seen.data!.planOf.viewerCan).toMatchObject({ comment: true, seeCheckIns: true, seeEvidence: true, signOff: true, edit: false });
    expect(seen.data!.planOf.checkIns).toEqual([{ reflection: 'The workshop went well', privateNote: null }]);
    expect(seen.data!.planOf.actions.find((a) => a.id === actionId)!.evidence).toMatch(/Workshop held/);
    // The private note is in the database, and only Dan reads it.
    expect((await myPlan()).checkIns[0]!.privateNote).toBe('Dan only: nervous about presenting');
  });

  it('threads comments on the plan and its actions; the mentee and whoever is replied to are told', async () => {
    const onAction = await comment(grace, { actionId, body: 'What did the sponsors say about the risks?' });
    expectNoErrors(onAction);
    expect(onAction.data!.addPlanComment).toMatchObject({ depth: 0, authorName: 'Grace Liu' });
    expect((await notifications(dan)).some((n) => n.kind === 'plan.comment' && /Grace Liu commented on the action "Run a risk workshop"/.test(n.message))).toBe(true);
    const reply = await comment(dan, { actionId, parentId: onAction.data!.addPlanComment.id, body: 'They want a monthly review.' });
    expectNoErrors(reply);
    expect(reply.data!.addPlanComment.depth).toBe(1);
    expect((await notifications(grace)).some((n) => n.kind === 'plan.comment' && /replied to your comment/.test(n.message))).toBe(true);
    const deeper = await comment(grace, { actionId, parentId: reply.data!.addPlanComment.id, body: 'Good.' });
    expectNoErrors(deeper);
    expect(fieldErrors(await comment(dan, { actionId, parentId: deeper.data!.addPlanComment.id, body: 'Too deep' }))).toHaveProperty('parentId');
    expect(fieldErrors(await comment(dan, { parentId: onAction.data!.addPlanComment.id, body: 'Wrong thread' }))).toHaveProperty('actionId');
    expect(fieldErrors(await comment(dan, { body: '   ' }))).toHaveProperty('body');
    expectNoErrors(await comment(ben, { body: 'Good plan overall.' }));
    // The manager reads the thread too; a colleague with no part does not.
    const byBen = await comments(ben);
    expectNoErrors(byBen);
    expect(byBen.data!.planComments.map((c) => [c.body, c.depth])).toEqual([
      ['What did the sponsors say about the risks?', 0],
      ['They want a monthly review.', 1],
      ['Good.', 2],
      ['Good plan overall.', 0],
    ]);
    expect(theError(await comments(chloe)).code).toBe('FORBIDDEN');
    expect(theError(await comment(chloe, { body: 'Hi' })).code).toBe('FORBIDDEN');
  });

  it('signs off the evidence: shown to the mentee, the manager and the mentor; stale refused; withdrawn only by its author', async () => {
    const current = (await planOf(grace)).data!.planOf;
    expect(theError(await signOff(grace, current.version - 1)).code).toBe('CONFLICT');
    expect(theError(await signOff(chloe, current.version)).code).toBe('FORBIDDEN');
    const signed = await signOff(grace, current.version);
    expectNoErrors(signed);
    expect(signed.data!.signOffActionEvidence.actions.find((a) => a.id === actionId)!.signOff).toMatchObject({ byName: 'Grace Liu', note: 'Saw the workshop notes' });
    expect((await notifications(dan)).some((n) => n.kind === 'plan.sign-off' && /signed off your evidence for "Run a risk workshop"/.test(n.message))).toBe(true);
    expect((await myPlan()).actions.find((a) => a.id === actionId)!.signOff).toMatchObject({ byName: 'Grace Liu' });
    const byBen = await planOf(ben);
    expectNoErrors(byBen);
    expect(byBen.data!.planOf.actions.find((a) => a.id === actionId)!.signOff).toMatchObject({ byName: 'Grace Liu' });
    const version = signed.data!.signOffActionEvidence.version;
    expect(theError(await signOff(grace, version)).code).toBe('CONFLICT'); // already signed off
    expect(theError(await signOff(ben, version)).code).toBe('CONFLICT'); // by anyone
    expect(theError(await withdraw(ben, version)).code).toBe('FORBIDDEN');
    expect(theError(await withdraw(dan, version)).code).toBe('FORBIDDEN');
    expect(theError(await withdraw(grace, version - 1)).code).toBe('CONFLICT');
    const withdrawn = await withdraw(grace, version);
    expectNoErrors(withdrawn);
    expect(withdrawn.data!.withdrawActionSignOff.actions.find((a) => a.id === actionId)!.signOff).toBeNull();
    // Her manager may confirm the evidence too, and withdraw his own sign-off.
    const byManager = await signOff(ben, withdrawn.data!.withdrawActionSignOff.version);
    expectNoErrors(byManager);
    expect(byManager.data!.signOffActionEvidence.actions.find((a) => a.id === actionId)!.signOff).toMatchObject({ byName: 'Ben Okafor' });
    const managerWithdrew = await withdraw(ben, byManager.data!.signOffActionEvidence.version);
    expectNoErrors(managerWithdrew);
    expectNoErrors(await signOff(grace, managerWithdrew.data!.withdrawActionSignOff.version));
  });

  it('shows the mentor’s rating beside self and manager, labelled with the mentor', async () => {
    expectNoErrors(
      await grace.graphql('mutation($input: AddMentorAssessmentInput!) { addMentorAssessment(input: $input) { id } }', {
        input: { mentorshipId: mentorship.id, skillKey, level: 3, note: 'Seen in the workshop' },
      }),
    );
    const query = '{ myAssessments { mentorRatings { skillKey level mentorName mentorId } } }';
    const mine = await dan.graphql<{ myAssessments: { mentorRatings: unknown[] } }>(query);
    expectNoErrors(mine);
    expect(mine.data!.myAssessments.mentorRatings).toEqual([{ skillKey, level: 3, mentorName: 'Grace Liu', mentorId: ids.get(GRACE) }]);
    const byBen = await ben.graphql<{ assessmentsOf: { mentorRatings: { level: number }[] } }>('query($id: ID!) { assessmentsOf(personId: $id) { mentorRatings { level } } }', { id: ids.get(DEMO.employee) });
    expectNoErrors(byBen);
    expect(byBen.data!.assessmentsOf.mentorRatings).toEqual([{ level: 3 }]);
    // The latest rating counts.
    expectNoErrors(await grace.graphql('mutation($input: AddMentorAssessmentInput!) { addMentorAssessment(input: $input) { id } }', { input: { mentorshipId: mentorship.id, skillKey, level: 4, note: '' } }));
    expect((await dan.graphql<{ myAssessments: { mentorRatings: { level: number }[] } }>(query)).data!.myAssessments.mentorRatings.map((r) => r.level)).toEqual([4]);
  });

  it('a next step lands in the active plan once she accepts it, sending the plan back to draft for agreement', async () => {
    const before = await myPlan();
    expect(before.status).toBe('ACTIVE'); // progress on an agreed plan starts it
    const logged = await grace.graphql<{ logMentoringSession: { id: string } }>('mutation($input: LogMentoringSessionInput!) { logMentoringSession(input: $input) { id } }', {
      input: { mentorshipId: mentorship.id, heldOn: new Date().toISOString().slice(0, 10), minutes: 30, privateNotes: 'Grace only', nextSteps: [{ title: 'Present the risk log to the board', skillKeys: [skillKey] }] },
    });
    expectNoErrors(logged);
    const answered = await dan.graphql('mutation($input: AnswerNextStepInput!) { answerNextStep(input: $input) { id } }', { input: { sessionId: logged.data!.logMentoringSession.id, index: 0, answer: 'accept' } });
    expectNoErrors(answered);
    const after = await myPlan();
    expect(after.status).toBe('DRAFT');
    expect(after.actions.map((a) => a.title)).toContain('Present the risk log to the board');
    // The session's private note stays Grace's.
    const sessions = await dan.graphql<{ mentorship: { sessions: { privateNotes: string | null }[] } }>('query($id: ID!) { mentorship(id: $id) { sessions { privateNotes } } }', { id: mentorship.id });
    expectNoErrors(sessions);
    expect(sessions.data!.mentorship.sessions.map((s) => s.privateNotes)).toEqual([null]);
  });

  it('revoking takes effect at once: the plan, its comments and sign-offs close to the mentor', async () => {
    await share({ assessments: true });
    expect(theError(await planOf(grace)).code).toBe('FORBIDDEN');
    expect(theError(await comments(grace)).code).toBe('FORBIDDEN');
    expect(theError(await comment(grace, { body: 'Still there?' })).code).toBe('FORBIDDEN');
    const current = await myPlan();
    expect(theError(await withdraw(grace, current.version)).code).toBe('FORBIDDEN');
  });

  it('shows another organisation nothing', async () => {
    const other = t.anonymous();
    expectNoErrors(
      await other.graphql('mutation($input: SignUpInput!) { signUp(input: $input) { viewer { accessRole } } }', {
        input: { organisationName: 'Other Review Ltd', name: 'Otto Other', email: 'otto@review.example', password: 'otto-secret-2026' },
      }),
    );
    expect(theError(await comments(other)).code).toBe('NOT_FOUND');
    expect(theError(await comment(other, { body: 'Hi' })).code).toBe('NOT_FOUND');
    expect(theError(await signOff(other, 1)).code).toBe('NOT_FOUND');
  });
});
