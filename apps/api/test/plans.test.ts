import pg from 'pg';
import { PlanReviewJob } from '../src/plans/plan-review.job.js';
import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { asSuperuser } from './support/superuser.js';

/**
 * Development plans through the real API: rights by relationship (the person, their manager, not a
 * colleague nor an admin), the proposal → agreement flow, refusal of stale changes with nothing
 * lost, audited reads, and the review job's once-a-day notifications.
 */

const PLAN_FIELDS = `id status version revision reviewDueOn reviewState relationship sentBackComment lastChange
  targetRole { key } person { email }
  actions { id type title status skillKeys qualificationId }
  checkIns { reflection progress { actionId status } }
  readiness { shareMet totalShortfall forecast { kind } }
  revisions { number reason } planVsActual { number plannedShortfall closedShortfall actionsPlanned actionsDone }`;

interface PlanView {
  id: string;
  status: string;
  version: number;
  revision: number;
  reviewDueOn: string | null;
  reviewState: string | null;
  relationship: string;
  sentBackComment: string | null;
  lastChange: string | null;
  targetRole: { key: string };
  person: { email: string };
  actions: { id: string; type: string; title: string; status: string; skillKeys: string[]; qualificationId: string | null }[];
  checkIns: { reflection: string; progress: { actionId: string; status: string }[] }[];
  readiness: { shareMet: number; totalShortfall: number; forecast: { kind: string } };
  revisions: { number: number; reason: string }[];
  planVsActual: { number: number; plannedShortfall: number; closedShortfall: number; actionsPlanned: number; actionsDone: number }[];
}

const BEN = 'ben.okafor@demo.example'; // Dan's manager
const CHLOE = 'chloe.martin@demo.example'; // Dan's colleague (also reports to Ben)

describe('development plans', () => {
  let t: TestApp;
  let dan: Client;
  let ben: Client;
  let chloe: Client;
  let admin: Client;
  let danId: string;
  let roles: Map<string, string>;
  let skills: Map<string, string>;

  const superuser = <T>(work: (client: pg.Client) => Promise<T>) => asSuperuser(t.adminDatabaseUrl, work);

  const createPlan = async (client: Client, targetRoleKey: string) => {
    const result = await client.graphql<{ createPlanFromTarget: PlanView }>(
      `mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { ${PLAN_FIELDS} } }`,
      { input: { targetRoleId: roles.get(targetRoleKey), reviewRhythmWeeks: 6, timeZone: 'Europe/London' } },
    );
    return result;
  };
  const move = (client: Client, mutation: string, plan: { id: string; version: number }, extra: Record<string, unknown> = {}) =>
    client.graphql<Record<string, PlanView>>(
      `mutation($input: ${mutation === 'sendBackPlan' ? 'SendBackPlanInput' : 'PlanVersionInput'}!) { ${mutation}(input: $input) { ${PLAN_FIELDS} } }`,
      { input: { planId: plan.id, expectedVersion: plan.version, ...extra } },
    );
  const planOf = (client: Client, personId: string) =>
    client.graphql<{ planOf: PlanView | null }>(`query($id: ID!) { planOf(personId: $id) { ${PLAN_FIELDS} } }`, { id: personId });

  beforeAll(async () => {
    t = await startTestApp();
    [dan, ben, chloe, admin] = await Promise.all([t.signIn(DEMO.employee), t.signIn(BEN), t.signIn(CHLOE), t.signIn(DEMO.admin)]);
    const read = await dan.graphql<{
      viewer: { person: { id: string } };
      frameworks: { currentVersion: { roles: { id: string; key: string }[]; skills: { id: string; key: string }[] } }[];
    }>('{ viewer { person { id } } frameworks { currentVersion { roles { id key } skills { id key } } } }');
    expectNoErrors(read);
    danId = read.data!.viewer.person.id;
    roles = new Map(read.data!.frameworks[0]!.currentVersion.roles.map((r) => [r.key, r.id]));
    skills = new Map(read.data!.frameworks[0]!.currentVersion.skills.map((s) => [s.key, s.id]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps every self and manager assessment, shows them side by side, and lets only the manager add a manager rating', async () => {
    const rate = (client: Client, level: number, mutation = 'recordAssessment', personId?: string) =>
      client.graphql<Record<string, { level: number; source: string }>>(
        `mutation($input: RecordAssessmentInput!${personId ? ', $personId: ID!' : ''}) { ${mutation}(${personId ? 'personId: $personId, ' : ''}input: $input) { level source } }`,
        { input: { skillId: skills.get('planning-scheduling'), level, evidenceNote: 'Ran the Q3 schedule' }, ...(personId ? { personId } : {}) },
      );
    expectNoErrors(await rate(dan, 2));
    expectNoErrors(await rate(dan, 3));
    expect((await rate(ben, 2, 'recordManagerAssessment', danId)).data?.recordManagerAssessment).toEqual({ level: 2, source: 'MANAGER' });
    expect(theError(await rate(chloe, 4, 'recordManagerAssessment', danId)).code).toBe('FORBIDDEN');
    expect(fieldErrors(await rate(dan, 9)).level).toMatch(/not on the scale/);

    const mine = await dan.graphql<{ myAssessments: { assessments: { level: number }[]; current: { skillKey: string; selfLevel: number; managerLevel: number; difference: number }[] } }>(
      '{ myAssessments { assessments { level } current { skillKey selfLevel managerLevel difference } } }',
    );
    expectNoErrors(mine);
    expect(mine.data!.myAssessments.assessments.map((a) => a.level)).toEqual([2, 3, 2]);
    expect(mine.data!.myAssessments.current).toEqual([{ skillKey: 'planning-scheduling', selfLevel: 3, managerLevel: 2, difference: -1 }]);

    expect(theError(await chloe.graphql('query($id: ID!) { assessmentsOf(personId: $id) { personId } }', { id: danId })).code).toBe('FORBIDDEN');
    expectNoErrors(await ben.graphql('query($id: ID!) { assessmentsOf(personId: $id) { personId } }', { id: danId }));
  });

  it('creates a draft plan from a target role with a focused start, one open plan at a time', async () => {
    const created = await createPlan(dan, 'project-manager');
    expectNoErrors(created);
    const plan = created.data!.createPlanFromTarget;
    expect(plan).toMatchObject({ status: 'DRAFT', revision: 1, relationship: 'OWNER', targetRole: { key: 'project-manager' }, reviewDueOn: null });
    // A focused start (test/plan-focus.test.ts has the rules): one action per focus skill, not dozens.
    expect(plan.actions.length).toBeGreaterThanOrEqual(3);
    expect(plan.actions.length).toBeLessThanOrEqual(5);
    expect(plan.actions.every((a) => a.type === 'ON_THE_JOB' && a.skillKeys.length === 1)).toBe(true);
    expect(plan.readiness.shareMet).toBeLessThan(1);
    expect(plan.readiness.forecast.kind).toBe('not-enough-history');

    const second = await createPlan(dan, 'senior-pmo-analyst');
    expect(theError(second)).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already have a draft plan/) });
    expect(fieldErrors(await dan.graphql('mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id } }', {
      input: { targetRoleId: roles.get('project-manager'), reviewRhythmWeeks: 5, timeZone: 'Mars/Olympus' },
    }))).toEqual({ reviewRhythmWeeks: 'Review every 4, 6, 8 or 12 weeks.', timeZone: expect.stringMatching(/not a time zone/) });
  });

  it('lets only one of two simultaneous plan creations through, and says why to the other', async () => {
    const results = await Promise.all([createPlan(chloe, 'pmo-manager'), createPlan(chloe, 'pmo-manager')]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    const refused = results.find((r) => r.errors)!;
    expect(theError(refused)).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already have (a draft|an open) plan/) });
  });

  it('shows a report’s plan to their manager (audited) and refuses a colleague and an admin', async () => {
    const seen = await planOf(ben, danId);
    expectNoErrors(seen);
    expect(seen.data!.planOf).toMatchObject({ relationship: 'MANAGER', person: { email: DEMO.employee } });

    for (const other of [chloe, admin]) {
      const refused = await planOf(other, danId);
      expect(theError(refused)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Dan Kowalski's development plan/) });
      expect(refused.data?.planOf ?? null).toBeNull();
    }

    const access = await dan.graphql<{ myDataAccess: { action: string; actor: { email: string } }[] }>('{ myDataAccess { action actor { email } } }');
    expectNoErrors(access);
    expect(access.data!.myDataAccess).toEqual(expect.arrayContaining([
      { action: 'plan.read', actor: { email: BEN } },
      { action: 'assessments.read', actor: { email: BEN } },
    ]));
    expect(access.data!.myDataAccess.some((event) => event.actor.email !== BEN)).toBe(false);
  });

  it('lets the person share their plan with someone beyond their manager, read only', async () => {
    const share = (shared: boolean) =>
      dan.graphql<{ sharePlan: { email: string }[] }>('mutation($id: ID!, $shared: Boolean!) { sharePlan(viewerId: $id, shared: $shared) { email } }', {
        id: chloeId,
        shared,
      });
    const chloeId = (await chloe.graphql<{ viewer: { person: { id: string } } }>('{ viewer { person { id } } }')).data!.viewer.person.id;
    expect((await share(true)).data?.sharePlan).toEqual([{ email: CHLOE }]);
    const seen = await planOf(chloe, danId);
    expectNoErrors(seen);
    expect(seen.data!.planOf!.relationship).toBe('SHARED');
    expect(theError(await move(chloe, 'proposePlan', seen.data!.planOf!)).code).toBe('FORBIDDEN');
    expect((await share(false)).data?.sharePlan).toEqual([]);
    expect(theError(await planOf(chloe, danId)).code).toBe('FORBIDDEN');
  });

  it('lets the person add, re-type, re-skill and remove actions of their draft plan, and no one else', async () => {
    let plan = (await planOf(dan, danId)).data!.planOf!;
    const add = (client: Client, input: Record<string, unknown>) =>
      client.graphql<{ addPlanAction: PlanView }>(`mutation($input: AddPlanActionInput!) { addPlanAction(input: $input) { ${PLAN_FIELDS} } }`, {
        input: { planId: plan.id, expectedVersion: plan.version, ...input },
      });
    const course = { type: 'COURSE', title: 'Risk workshop', skillKeys: ['risk-management'], dueOn: '2027-02-26' };

    // A date that does not exist is refused with the arguments' shape, before the plan is read...
    expect(fieldErrors(await add(dan, { ...course, title: ' ', skillKeys: ['juggling'], dueOn: '2027-02-30' }))).toEqual({
      dueOn: 'A due date is a calendar date (YYYY-MM-DD).',
    });
    // ...then what needs the plan is answered together.
    expect(fieldErrors(await add(dan, { ...course, title: ' ', skillKeys: ['juggling'] }))).toEqual({
      title: 'Give the action a title.',
      skillKeys: 'Not skills of the plan’s framework version: juggling.',
    });
    expect(theError(await add(chloe, course)).code).toBe('FORBIDDEN');
    expect(theError(await add(ben, course)).code).toBe('FORBIDDEN');
    const added = await add(dan, course);
    expectNoErrors(added);
    const withCourse = added.data!.addPlanAction;
    const action = withCourse.actions.find((a) => a.title === 'Risk workshop')!;
    expect(action).toMatchObject({ type: 'COURSE', status: 'NOT_STARTED', skillKeys: ['risk-management'] });
    expect(withCourse).toMatchObject({ version: plan.version + 1, lastChange: 'added the action "Risk workshop"' });
    expect(theError(await add(dan, course)).code).toBe('CONFLICT');

    const edited = await dan.graphql<{ updatePlanAction: PlanView }>(`mutation($input: UpdatePlanActionInput!) { updatePlanAction(input: $input) { ${PLAN_FIELDS} } }`, {
      input: { actionId: action.id, expectedPlanVersion: withCourse.version, type: 'READING', skillKeys: ['planning-scheduling', 'risk-management'] },
    });
    expectNoErrors(edited);
    expect(edited.data!.updatePlanAction.actions.find((a) => a.id === action.id)).toMatchObject({ type: 'READING', skillKeys: ['planning-scheduling', 'risk-management'] });

    const remove = (client: Client, version: number) =>
      client.graphql<{ removePlanAction: PlanView }>(`mutation($input: RemovePlanActionInput!) { removePlanAction(input: $input) { ${PLAN_FIELDS} } }`, {
        input: { actionId: action.id, expectedPlanVersion: version },
      });
    expect(theError(await remove(chloe, edited.data!.updatePlanAction.version)).code).toBe('FORBIDDEN');
    const removed = await remove(dan, edited.data!.updatePlanAction.version);
    expectNoErrors(removed);
    plan = removed.data!.removePlanAction;
    expect(plan.actions.map((a) => a.id)).not.toContain(action.id);
    expect(plan.actions).toHaveLength(withCourse.actions.length - 1);
    expect(plan.lastChange).toBe('removed the action "Risk workshop"');
  });

  it('runs the proposal → agreement flow: sent back with a comment, proposed again, agreed by the manager only', async () => {
    let plan = (await planOf(dan, danId)).data!.planOf!;
    const proposed = await move(dan, 'proposePlan', plan);
    expectNoErrors(proposed);
    plan = proposed.data!.proposePlan!;
    expect(plan.status).toBe('PROPOSED');

    expect(fieldErrors(await move(ben, 'sendBackPlan', plan, { comment: ' ' })).status).toBe('Say why the plan is sent back: a comment is required.');
    const sentBack = await move(ben, 'sendBackPlan', plan, { comment: 'Add a date to the PMP action' });
    expectNoErrors(sentBack);
    plan = sentBack.data!.sendBackPlan!;
    expect(plan).toMatchObject({ status: 'DRAFT', sentBackComment: 'Add a date to the PMP action', relationship: 'MANAGER' });

    plan = (await move(dan, 'proposePlan', plan)).data!.proposePlan!;
    expect(plan.sentBackComment).toBeNull();
    const selfAgreed = await move(dan, 'agreePlan', plan);
    expect(theError(selfAgreed)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/only their manager can agree a plan/) });

    const team = await ben.graphql<{ teamPlans: { person: { email: string }; waitingForAgreement: boolean; plan: { status: string } | null }[] }>(
      '{ teamPlans { person { email } waitingForAgreement plan { status } } }',
    );
    expectNoErrors(team);
    expect(team.data!.teamPlans.find((row) => row.person.email === DEMO.employee)).toEqual({ person: { email: DEMO.employee }, waitingForAgreement: true, plan: { status: 'PROPOSED' } });

    const agreed = await move(ben, 'agreePlan', plan);
    expectNoErrors(agreed);
    expect(agreed.data!.agreePlan).toMatchObject({ status: 'AGREED', reviewState: 'UPCOMING', lastChange: 'agreed the plan' });
    expect(agreed.data!.agreePlan!.reviewDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const notifications = await dan.graphql<{ myNotifications: { kind: string }[] }>('{ myNotifications { kind } }');
    expect(notifications.data!.myNotifications.map((n) => n.kind)).toEqual(expect.arrayContaining(['plan-agree', 'plan-send-back']));
  });

  it('refuses a check-in made from a stale version, says who changed what, and loses nothing', async () => {
    const plan = (await planOf(dan, danId)).data!.planOf!;
    const action = plan.actions[0]!;
    // Another tab (the manager) records a check-in first.
    const first = await ben.graphql<{ recordCheckIn: PlanView }>(
      `mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { ${PLAN_FIELDS} } }`,
      { input: { planId: plan.id, expectedVersion: plan.version, reflection: 'Good start on the schedule', progress: [{ actionId: action.id, status: 'IN_PROGRESS' }] } },
    );
    expectNoErrors(first);
    expect(first.data!.recordCheckIn).toMatchObject({ status: 'ACTIVE', version: plan.version + 1 });

    const stale = await dan.graphql<{ recordCheckIn: PlanView }>(
      `mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { id } }`,
      { input: { planId: plan.id, expectedVersion: plan.version, reflection: 'My own view', progress: [{ actionId: action.id, status: 'DONE' }] } },
    );
    expect(theError(stale)).toMatchObject({
      code: 'CONFLICT',
      message: `This plan was changed by Ben Okafor (recorded a check-in) since you opened it: it is now version ${plan.version + 1}. Reload to see the change; what you entered is kept in the form.`,
    });
    const after = (await planOf(dan, danId)).data!.planOf!;
    expect(after.checkIns.map((c) => c.reflection)).toEqual(['Good start on the schedule']);
    expect(after.actions[0]!.status).toBe('IN_PROGRESS');

    const retried = await dan.graphql<{ recordCheckIn: PlanView }>(
      `mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { ${PLAN_FIELDS} } }`,
      { input: { planId: plan.id, expectedVersion: after.version, reflection: 'My own view', progress: [{ actionId: action.id, status: 'DONE' }] } },
    );
    expectNoErrors(retried);
    expect(retried.data!.recordCheckIn.checkIns.map((c) => c.reflection)).toEqual(['My own view', 'Good start on the schedule']);
    expect(retried.data!.recordCheckIn.actions[0]!.status).toBe('DONE');
    expect(retried.data!.recordCheckIn.planVsActual[0]).toMatchObject({ number: 1, actionsDone: 1 });

    const staleAction = await dan.graphql('mutation($input: UpdatePlanActionInput!) { updatePlanAction(input: $input) { id } }', {
      input: { actionId: action.id, expectedPlanVersion: after.version, status: 'IN_PROGRESS' },
    });
    expect(theError(staleAction).code).toBe('CONFLICT');
    expect(theError(await chloe.graphql(`mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { id } }`, {
      input: { planId: plan.id, expectedVersion: retried.data!.recordCheckIn.version, reflection: 'Not mine', progress: [] },
    })).code).toBe('FORBIDDEN');
  });

  it('keeps an agreed plan’s actions: none added or removed, and type and skills fixed', async () => {
    const plan = (await planOf(dan, danId)).data!.planOf!;
    expect(plan.status).toBe('ACTIVE');
    const action = plan.actions[0]!;
    const added = await dan.graphql('mutation($input: AddPlanActionInput!) { addPlanAction(input: $input) { id } }', {
      input: { planId: plan.id, expectedVersion: plan.version, type: 'OTHER', title: 'Late idea' },
    });
    expect(fieldErrors(added).planId).toMatch(/The plan is active: change its actions through a new revision/);
    const removed = await dan.graphql('mutation($input: RemovePlanActionInput!) { removePlanAction(input: $input) { id } }', {
      input: { actionId: action.id, expectedPlanVersion: plan.version },
    });
    expect(fieldErrors(removed).actionId).toMatch(/an agreed action can be dropped instead/);
    const retyped = await dan.graphql('mutation($input: UpdatePlanActionInput!) { updatePlanAction(input: $input) { id } }', {
      input: { actionId: action.id, expectedPlanVersion: plan.version, type: 'OTHER' },
    });
    expect(fieldErrors(retyped).type).toMatch(/The plan is active/);
    expect((await planOf(dan, danId)).data!.planOf!.version).toBe(plan.version);
  });

  it('lets the person change the review rhythm, moving the next review, and refuses others and odd rhythms', async () => {
    const plan = (await planOf(dan, danId)).data!.planOf!;
    const set = (client: Client, weeks: number, version = plan.version) =>
      client.graphql<{ setPlanReviewRhythm: PlanView & { reviewRhythmWeeks: number } }>(
        `mutation($input: SetReviewRhythmInput!) { setPlanReviewRhythm(input: $input) { ${PLAN_FIELDS} reviewRhythmWeeks } }`,
        { input: { planId: plan.id, expectedVersion: version, reviewRhythmWeeks: weeks } },
      );
    expect(fieldErrors(await set(dan, 5)).reviewRhythmWeeks).toBe('Review every 4, 6, 8 or 12 weeks.');
    expect(theError(await set(ben, 4)).code).toBe('FORBIDDEN');
    const changed = await set(dan, 12);
    expectNoErrors(changed);
    const after = changed.data!.setPlanReviewRhythm;
    expect(after).toMatchObject({ reviewRhythmWeeks: 12, lastChange: 'set reviews every 12 weeks', version: plan.version + 1 });
    // Twice the rhythm (6 → 12 weeks) from the same last review: the next review is six weeks later.
    const days = (Date.parse(after.reviewDueOn!) - Date.parse(plan.reviewDueOn!)) / 86_400_000;
    expect(days).toBe(42);
  });

  it('changes direction with a new revision, keeping the earlier one, and back to draft for agreement', async () => {
    const plan = (await planOf(dan, danId)).data!.planOf!;
    const same = await dan.graphql('mutation($input: ChangePlanDirectionInput!) { changePlanDirection(input: $input) { id } }', {
      input: { planId: plan.id, expectedVersion: plan.version, targetRoleId: roles.get('project-manager'), reason: 'NEW_TARGET_ROLE' },
    });
    expect(fieldErrors(same).targetRoleId).toMatch(/already aims at "project-manager"/);
    const changed = await dan.graphql<{ changePlanDirection: PlanView }>(
      `mutation($input: ChangePlanDirectionInput!) { changePlanDirection(input: $input) { ${PLAN_FIELDS} } }`,
      { input: { planId: plan.id, expectedVersion: plan.version, targetRoleId: roles.get('senior-pmo-analyst'), reason: 'NEW_TARGET_ROLE', note: 'Stay in the PMO' } },
    );
    expectNoErrors(changed);
    const revised = changed.data!.changePlanDirection;
    expect(revised).toMatchObject({ status: 'DRAFT', revision: 2, targetRole: { key: 'senior-pmo-analyst' }, reviewDueOn: null });
    expect(revised.revisions).toEqual([{ number: 1, reason: 'INITIAL' }, { number: 2, reason: 'NEW_TARGET_ROLE' }]);
    expect(revised.planVsActual.map((o) => o.number)).toEqual([1, 2]);
    expect(revised.checkIns).toHaveLength(2);
    expect(revised.actions.length).toBeGreaterThan(plan.actions.length);
  });

  it('flags plans due for review once a day for the person and the manager, even with two processes at once', async () => {
    const plan = (await planOf(dan, danId)).data!.planOf!;
    // Make the plan agreed with a review due yesterday, and quiet for 40 days.
    await superuser((client) =>
      client.query(`UPDATE plans SET status = 'active', review_due_on = current_date - 1, last_activity_at = now() - interval '40 days' WHERE id = $1`, [plan.id]),
    );
    const job = t.app.get(PlanReviewJob);
    const now = new Date();
    const runs = await Promise.all([job.run(now), job.run(now)]);
    const notified = runs.reduce((sum, r) => sum + r.notified, 0);
    // overdue + stale, each to Dan and to Ben
    expect(notified).toBe(4);
    expect((await job.run(now)).notified).toBe(0);
    const kinds = async (client: Client) =>
      ((await client.graphql<{ myNotifications: { kind: string; planId: string }[] }>('{ myNotifications { kind planId } }')).data!.myNotifications)
        .filter((n) => n.kind.startsWith('review-') || n.kind === 'plan-stale')
        .map((n) => n.kind)
        .sort();
    expect(await kinds(dan)).toEqual(['plan-stale', 'review-overdue']);
    expect(await kinds(ben)).toEqual(['plan-stale', 'review-overdue']);
    // The next day it flags again.
    expect((await job.run(new Date(now.getTime() + 86_400_000))).notified).toBe(4);
  });

  it("refuses a manager's rating that differs from the person's own without a comment, naming theirs; one that agrees may go without", async () => {
    const rate = (level: number, skillKey: string, evidenceNote?: string) =>
      ben.graphql('mutation($p: ID!, $input: RecordAssessmentInput!) { recordManagerAssessment(personId: $p, input: $input) { level } }', {
        p: danId,
        input: { skillId: skills.get(skillKey), level, ...(evidenceNote === undefined ? {} : { evidenceNote }) },
      });
    // Dan's own latest rating of planning is 3 (the first test); last in the file: these ratings change his profile.
    const refused = await rate(4, 'planning-scheduling', '  ');
    expect(theError(refused).code).toBe('BAD_USER_INPUT');
    expect(fieldErrors(refused)).toEqual({ evidenceNote: 'Say what the rating is based on: it differs from their own rating (3), so a comment is required.' });
    expectNoErrors(await rate(3, 'planning-scheduling'));
    expectNoErrors(await rate(4, 'planning-scheduling', 'Ran the portfolio replan alone'));
    // A skill Dan has not rated: nothing to agree with, so a comment is always needed.
    expect(fieldErrors(await rate(2, 'risk-management'))).toEqual({ evidenceNote: 'Say what the rating is based on: they have not rated this skill themselves, so a comment is required.' });
  });
});
