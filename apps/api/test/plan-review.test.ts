import { PLAN_ABILITIES, planAbilities, type PlanAbility, type PlanViewerKind } from '@trellis/domain';
import { VersionReader } from '../src/plans/version-reader.js';
import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { superuserQuery } from './support/superuser.js';

/**
 * The manager's flow and the plan policy through the real API: each kind of viewer (the person, their
 * manager, the approver an admin named, someone shared with, anyone else, an admin) against each thing
 * one can do with a plan; what the API says each may do (`viewerCan`) is what it then allows;
 * "Shared with me" (audited); notifications that lead to the plan and are marked read when acted on;
 * who agrees the plan of someone without a manager, said before they propose.
 */

const BEN = 'ben.okafor@demo.example'; // Dan's manager
const CHLOE = 'chloe.martin@demo.example'; // Dan's colleague: Dan shares with her
const KEMI = 'kemi.adeyemi@demo.example'; // another team: nothing to do with Dan
const FARID = DEMO.leadership; // named by the admin to agree plans of people without a manager

const VIEWER_CAN = `viewerCan { ${PLAN_ABILITIES.join(' ')} }`;
interface Plan {
  id: string;
  version: number;
  status: string;
  relationship: string;
  viewerCan: Record<PlanAbility, boolean>;
  actions: { id: string }[];
}
const PLAN = `id version status relationship ${VIEWER_CAN} actions { id }`;

describe('plan review and the plan policy', () => {
  let t: TestApp;
  let people: Map<string, string>;
  const clients = new Map<string, Client>();
  const as = async (email: string) => {
    if (!clients.has(email)) clients.set(email, await t.signIn(email));
    return clients.get(email)!;
  };
  const superuser = (text: string, values: unknown[] = []) => superuserQuery(t.adminDatabaseUrl, text, values);
  const planOf = async (email: string, owner: string) =>
    (await as(email)).graphql<{ planOf: Plan | null }>(`query($id: ID!) { planOf(personId: $id) { ${PLAN} } }`, { id: people.get(owner) });
  const move = async (email: string, mutation: string, plan: { id: string; version: number }, extra: Record<string, unknown> = {}) =>
    (await as(email)).graphql<Record<string, Plan>>(
      `mutation($input: ${mutation === 'sendBackPlan' ? 'SendBackPlanInput' : 'PlanVersionInput'}!) { ${mutation}(input: $input) { ${PLAN} } }`,
      { input: { planId: plan.id, expectedVersion: plan.version, ...extra } },
    );
  /** A fresh draft plan of `email` towards Project Manager (an earlier open one abandoned in the database). */
  const freshDraft = async (email: string): Promise<Plan> => {
    await superuser(`UPDATE plans SET status = 'abandoned' WHERE person_id = $1 AND status NOT IN ('completed', 'abandoned')`, [people.get(email)]);
    const [role] = await superuser(`SELECT id FROM roles WHERE key = 'project-manager' AND framework_version_id IN (SELECT id FROM framework_versions WHERE status = 'published') LIMIT 1`);
    const created = await (await as(email)).graphql<{ createPlanFromTarget: Plan }>(
      `mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { ${PLAN} } }`,
      { input: { targetRoleId: role!.id } },
    );
    expectNoErrors(created);
    return created.data!.createPlanFromTarget;
  };
  const notifications = async (email: string) =>
    (await (await as(email)).graphql<{ myNotifications: { id: string; kind: string; link: string | null; readAt: string | null; message: string }[] }>(
      '{ myNotifications { id kind link readAt message } }',
    )).data!.myNotifications;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await as(DEMO.admin);
    const read = await admin.graphql<{ people: { id: string; email: string }[] }>('{ people { id email } }');
    expectNoErrors(read);
    people = new Map(read.data!.people.map((p) => [p.email, p.id]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('says who agrees the plan of someone without a manager before they propose, and refuses to pretend it was sent when nobody can', async () => {
    const asha = await as(DEMO.admin);
    const approver = async () => (await asha.graphql<{ myPlanApprover: { kind: string; name: string | null; explanation: string } }>('{ myPlanApprover { kind name explanation } }')).data!.myPlanApprover;
    expect(await approver()).toEqual({ kind: 'NOBODY', name: null, explanation: expect.stringMatching(/Ask an admin to name an approver/) });
    const draft = await freshDraft(DEMO.admin);
    const refused = await move(DEMO.admin, 'proposePlan', draft);
    expect(fieldErrors(refused).status).toMatch(/Nobody can agree your plan yet/);
    expect((await planOf(DEMO.admin, DEMO.admin)).data!.planOf!.status).toBe('DRAFT');

    // An admin names Farid for the organisation (audited); Asha now sees who will agree it, and her proposal reaches him.
    const named = await asha.graphql<{ namePlanApprover: { person: { id: string }; teamId: string | null }[] }>(
      'mutation($input: NamePlanApproverInput!) { namePlanApprover(input: $input) { teamId person { id } } }',
      { input: { teamId: null, personId: people.get(FARID) } },
    );
    expect(named.data!.namePlanApprover).toEqual([{ teamId: null, person: { id: people.get(FARID) } }]);
    expect(await approver()).toEqual({ kind: 'ORGANISATION_APPROVER', name: 'Farid Haddad', explanation: expect.stringMatching(/Farid Haddad/) });
    const [audit] = await superuser(`SELECT action, subject_person_id AS "subjectPersonId" FROM audit_events WHERE action = 'plan-approver.named'`);
    expect(audit).toEqual({ action: 'plan-approver.named', subjectPersonId: people.get(FARID) });
    expect(theError(await (await as(DEMO.employee)).graphql('{ planApprovers { id } }')).code).toBe('FORBIDDEN');

    const proposed = await move(DEMO.admin, 'proposePlan', draft);
    expectNoErrors(proposed);
    const inbox = (await notifications(FARID)).find((n) => n.kind === 'plan-propose')!;
    expect(inbox).toMatchObject({ link: `/plans/${people.get(DEMO.admin)}`, readAt: null, message: 'Asha Patel proposed their development plan for your agreement.' });

    // Farid is the approver: he may review, not edit; agreeing marks his "proposed" notification read.
    const read = await planOf(FARID, DEMO.admin);
    expectNoErrors(read);
    const seen = read.data!.planOf!;
    expect(seen.relationship).toBe('APPROVER');
    expect(seen.viewerCan).toEqual(planAbilities('approver'));
    const agreed = await move(FARID, 'agreePlan', seen);
    expect(agreed.data!.agreePlan!.status).toBe('AGREED');
    expect((await notifications(FARID)).find((n) => n.id === inbox.id)!.readAt).not.toBeNull();
    expect((await notifications(DEMO.admin)).find((n) => n.kind === 'plan-agree')).toMatchObject({ message: 'Farid Haddad agreed your plan.', link: '/my-plan' });
  });

  it('settles the approver’s "please agree" notice when the person withdraws the proposal', async () => {
    const draft = await freshDraft(DEMO.employee);
    const proposed = await move(DEMO.employee, 'proposePlan', draft);
    expectNoErrors(proposed);
    const notice = (await notifications(BEN)).find((n) => n.kind === 'plan-propose' && n.readAt === null);
    expect(notice).toMatchObject({ message: 'Dan Kowalski proposed their development plan for your agreement.' });
    const withdrawn = await move(DEMO.employee, 'withdrawPlan', proposed.data!.proposePlan!);
    expect(withdrawn.data!.withdrawPlan!.status).toBe('DRAFT');
    expect((await notifications(BEN)).find((n) => n.id === notice!.id)!.readAt).not.toBeNull();
  });

  it('lets each kind of viewer do exactly what the policy says, and tells each what that is', async () => {
    const dan = await as(DEMO.employee);
    expectNoErrors(await dan.graphql('mutation($id: ID!) { sharePlan(viewerId: $id, shared: true) { id } }', { id: people.get(CHLOE) }));
    const viewers: Record<Exclude<PlanViewerKind, 'approver' | 'mentor'>, string[]> = {
      owner: [DEMO.employee],
      manager: [BEN],
      shared: [CHLOE],
      // Anyone else, admins included.
      other: [KEMI, DEMO.admin],
    };
    const [skill] = await superuser(`SELECT id FROM skills WHERE key = 'planning-scheduling' AND framework_version_id IN (SELECT id FROM framework_versions WHERE status = 'published') LIMIT 1`);
    const outcome = (result: { errors?: unknown[] }) => (result.errors ? (theError(result as never).code as string) : 'allowed');

    for (const [kind, emails] of Object.entries(viewers) as [PlanViewerKind, string[]][]) {
      for (const email of emails) {
        const can = planAbilities(kind);
        const draft = await freshDraft(DEMO.employee);
        const seen = await planOf(email, DEMO.employee);
        const results: Record<string, string> = {};
        const expected: Record<string, string> = {};
        results.view = outcome(seen);
        expected.view = can.view ? 'allowed' : 'FORBIDDEN';
        if (can.view) expect({ email, viewerCan: seen.data!.planOf!.viewerCan }).toEqual({ email, viewerCan: can });

        const client = await as(email);
        results.edit = outcome(await client.graphql('mutation($input: AddPlanActionInput!) { addPlanAction(input: $input) { id } }', { input: { planId: draft.id, expectedVersion: draft.version, type: 'COURSE', title: 'Risk workshop' } }));
        expected.edit = can.edit ? 'allowed' : 'FORBIDDEN';
        const afterEdit = can.edit ? draft.version + 1 : draft.version;
        results.propose = outcome(await move(email, 'proposePlan', { id: draft.id, version: afterEdit }));
        expected.propose = can.propose ? 'allowed' : 'FORBIDDEN';
        if (!can.propose) expectNoErrors(await move(DEMO.employee, 'proposePlan', { id: draft.id, version: afterEdit }));
        results.review = outcome(await move(email, 'sendBackPlan', { id: draft.id, version: afterEdit + 1 }, { comment: 'Add due dates' }));
        expected.review = can.review ? 'allowed' : 'FORBIDDEN';
        results.rate = outcome(await client.graphql('mutation($p: ID!, $input: RecordAssessmentInput!) { recordManagerAssessment(personId: $p, input: $input) { id } }', { p: people.get(DEMO.employee), input: { skillId: skill!.id, level: 2, evidenceNote: 'Seen in the Q3 plan' } }));
        expected.rate = can.rate ? 'allowed' : 'FORBIDDEN';
        // A check-in needs an agreed plan: arranged in the database.
        await superuser(`UPDATE plans SET status = 'agreed', agreed_at = now(), review_due_on = current_date + 56 WHERE id = $1`, [draft.id]);
        const current = (await planOf(DEMO.employee, DEMO.employee)).data!.planOf!;
        results.checkIn = outcome(await client.graphql('mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { id } }', { input: { planId: current.id, expectedVersion: current.version, reflection: 'Steady' } }));
        expected.checkIn = can.checkIn ? 'allowed' : 'FORBIDDEN';
        expect({ kind, email, results }).toEqual({ kind, email, results: expected });
      }
    }
  });

  it('lists plans shared with me (each read audited), tells the person shared with, and shows a colleague only what they may do', async () => {
    const chloe = await as(CHLOE);
    const shared = await chloe.graphql<{ plansSharedWithMe: { person: { email: string }; plan: Plan | null }[] }>(`{ plansSharedWithMe { person { email } plan { ${PLAN} } } }`);
    expectNoErrors(shared);
    expect(shared.data!.plansSharedWithMe).toHaveLength(1);
    expect(shared.data!.plansSharedWithMe[0]!.person.email).toBe(DEMO.employee);
    const viewerCan = shared.data!.plansSharedWithMe[0]!.plan!.viewerCan;
    expect(Object.entries(viewerCan).filter(([, allowed]) => allowed).map(([ability]) => ability)).toEqual(['view', 'seeCheckIns', 'seeEvidence']);
    const reads = await superuser(`SELECT summary FROM audit_events WHERE action = 'plan.read' AND actor_person_id = $1 AND subject_person_id = $2`, [people.get(CHLOE), people.get(DEMO.employee)]);
    expect(reads.map((r) => r.summary)).toContain("viewed Dan Kowalski's development plan (shared with me)");
    const told = (await notifications(CHLOE)).filter((n) => n.kind === 'plan-shared');
    expect(told).toEqual([expect.objectContaining({ message: 'Dan Kowalski shared their development plan with you.', link: `/plans/${people.get(DEMO.employee)}` })]);
    // Nobody shares with Kemi: an empty list, no error.
    expect((await (await as(KEMI)).graphql<{ plansSharedWithMe: unknown[] }>('{ plansSharedWithMe { sharedAt } }')).data!.plansSharedWithMe).toEqual([]);
  });

  it('shows the manager the evidence beside each rating, and the manager’s comment with theirs', async () => {
    const [skill] = await superuser(`SELECT id FROM skills WHERE key = 'risk-management' AND framework_version_id IN (SELECT id FROM framework_versions WHERE status = 'published') LIMIT 1`);
    const dan = await as(DEMO.employee);
    expectNoErrors(await dan.graphql('mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }', { input: { skillId: skill!.id, level: 3, evidenceNote: 'Ran the steering group', evidenceUrl: 'https://example.com/minutes' } }));
    expectNoErrors(await (await as(BEN)).graphql('mutation($p: ID!, $input: RecordAssessmentInput!) { recordManagerAssessment(personId: $p, input: $input) { id } }', { p: people.get(DEMO.employee), input: { skillId: skill!.id, level: 2, evidenceNote: 'Needs to lead one alone' } }));
    const seen = await (await as(BEN)).graphql<{ assessmentsOf: { current: Record<string, unknown>[] } }>(
      'query($p: ID!) { assessmentsOf(personId: $p) { current { skillKey selfLevel selfEvidenceNote selfEvidenceUrl managerLevel managerComment } } }',
      { p: people.get(DEMO.employee) },
    );
    expect(seen.data!.assessmentsOf.current.find((c) => c.skillKey === 'risk-management')).toEqual({
      skillKey: 'risk-management',
      selfLevel: 3,
      selfEvidenceNote: 'Ran the steering group',
      selfEvidenceUrl: 'https://example.com/minutes',
      managerLevel: 2,
      managerComment: 'Needs to lead one alone',
    });
  });

  it('reads a published version once per process: agreeing a plan rebuilds no framework version', async () => {
    const draft = await freshDraft(DEMO.employee);
    const proposed = (await move(DEMO.employee, 'proposePlan', draft)).data!.proposePlan!;
    const reader = t.app.get(VersionReader);
    const misses = reader.misses;
    t.sql.count = 0;
    expectNoErrors(await move(BEN, 'agreePlan', proposed));
    expect(reader.misses).toBe(misses);
    // The version's seven statements (and its id map) are not among them; bench/plan-statements.mjs prints the figures.
    expect(t.sql.count).toBeLessThanOrEqual(24);
  });
});
