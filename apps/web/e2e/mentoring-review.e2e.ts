/**
 * A mentor reviewing a shared plan in real browsers (issue 10, point 7): Leo (an Agile Delivery Manager
 * in Technology) mentors Isla (a Project Coordinator in Delivery: another team), who shares her plan
 * with its comments and evidence. Leo opens the plan from the mentorship, comments on one of her actions
 * and signs off its evidence after a confirmation; Isla sees his comment and the sign-off on My plan.
 * She switches plan sharing off on the mentorship, and Leo's page no longer shows the plan.
 * The pair, the done action with evidence and the sharing are arranged through the API (whatever an
 * earlier run or file left); Leo and Isla are walked by no other e2e file.
 */
import { graphql, signInApi, type ApiSession } from './api';
import { onPage } from './a11y';
import { useBrowser } from './browser';
import { signIn } from './session';

const MENTEE = { email: 'isla.brown@demo.example', name: 'Isla Brown' };
const MENTOR = { email: 'leo.fischer@demo.example', name: 'Leo Fischer' };
const MANAGER = 'grace.liu@demo.example'; // Isla's manager, who agrees her plan
const TARGET = 'Project Manager';
const EVIDENCE = 'Ran the Atlas kick-off workshop; agenda and actions on the team wiki';
const PLAN_SWITCH = /^My development plan/;

interface Plan {
  id: string;
  version: number;
  status: string;
}
const OPEN = (plan: Plan | null): plan is Plan => plan !== null && plan.status !== 'COMPLETED' && plan.status !== 'ABANDONED';

/**
 * Isla's draft plan: her own actions change only while a draft, so an open plan past that (the demo
 * seeds hers proposed) is abandoned for a fresh draft towards TARGET, as a person changing course would.
 */
async function draftPlan(isla: ApiSession, targetRoleId: string): Promise<Plan> {
  const { myPlan } = await graphql<{ myPlan: Plan | null }>(isla, '{ myPlan { id version status } }');
  if (myPlan?.status === 'DRAFT') return myPlan;
  if (OPEN(myPlan)) {
    await graphql(isla, 'mutation($input: PlanVersionInput!) { abandonPlan(input: $input) { id } }', { input: { planId: myPlan.id, expectedVersion: myPlan.version } });
  }
  const { createPlanFromTarget } = await graphql<{ createPlanFromTarget: Plan }>(
    isla,
    'mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id version status } }',
    { input: { targetRoleId } },
  );
  return createPlanFromTarget;
}

/** An active mentorship of Isla with Leo (Leo offering to mentor first), whatever was left open before. */
async function activePair(isla: ApiSession, leo: ApiSession, leoId: string, skillKey: string): Promise<{ id: string; version: number }> {
  const { myMentorProfile } = await graphql<{ myMentorProfile: { version: number; paused: boolean; capacity: number } | null }>(leo, '{ myMentorProfile { version paused capacity } }');
  if (!myMentorProfile || myMentorProfile.paused) {
    await graphql(leo, 'mutation($input: SaveMentorProfileInput!) { saveMentorProfile(input: $input) { id } }', {
      input: {
        expectedVersion: myMentorProfile?.version ?? null,
        capacity: Math.max(myMentorProfile?.capacity ?? 0, 2),
        offeredSkillKeys: [skillKey],
        acceptsOtherTeams: true,
        paused: false,
        about: 'Delivery in Technology: planning, stakeholders and retrospectives.',
      },
    });
  }
  type Row = { id: string; version: number; status: string; mentorId: string };
  const mine = async () =>
    (await graphql<{ myMentorships: Row[] }>(isla, '{ myMentorships { id version status mentorId } }')).myMentorships.find((m) => m.mentorId === leoId && m.status !== 'ended');
  let pair = await mine();
  if (!pair) {
    await graphql(isla, 'mutation($input: RequestMentorInput!) { requestMentor(input: $input) { id } }', {
      input: { mentorId: leoId, focusSkillKeys: [skillKey], message: 'Could you look over my plan as I move towards project management?' },
    });
    pair = (await mine())!;
  }
  if (pair.status !== 'active') {
    const move = pair.status === 'requested' ? 'accept' : 'resume';
    await graphql(leo, 'mutation($input: MoveMentorshipInput!) { moveMentorship(input: $input) { id } }', {
      input: { mentorshipId: pair.id, expectedVersion: pair.version, move },
    });
    pair = (await mine())!;
  }
  return pair;
}

describe('a mentor reviewing a shared plan', () => {
  const e2eTest = useBrowser();
  let mentorshipId: string;
  let actionTitle: string;

  beforeAll(async () => {
    const [isla, leo] = [await signInApi(MENTEE.email), await signInApi(MENTOR.email)];
    const { people, frameworks } = await graphql<{
      people: { id: string; email: string }[];
      frameworks: { currentVersion: { roles: { id: string; title: string; expectations: { skill: { key: string } }[] }[] } | null }[];
    }>(isla, '{ people { id email } frameworks { currentVersion { roles { id title expectations { skill { key } } } } } }');
    const role = frameworks.flatMap((f) => f.currentVersion?.roles ?? []).find((r) => r.title === TARGET);
    if (!role || role.expectations.length === 0) throw new Error(`no published role "${TARGET}" with expectations`);
    const leoId = people.find((p) => p.email === MENTOR.email)?.id;
    if (!leoId) throw new Error(`no demo person ${MENTOR.email}`);

    // A done action of her own with evidence, new on every run so that it starts without a sign-off.
    const plan = await draftPlan(isla, role.id);
    actionTitle = `Run a project kick-off workshop (${Date.now().toString(36)})`;
    const { addPlanAction } = await graphql<{ addPlanAction: Plan & { actions: { id: string; title: string }[] } }>(
      isla,
      'mutation($input: AddPlanActionInput!) { addPlanAction(input: $input) { id version status actions { id title } } }',
      { input: { planId: plan.id, expectedVersion: plan.version, title: actionTitle, type: 'ON_THE_JOB' } },
    );
    const action = addPlanAction.actions.find((a) => a.title === actionTitle)!;
    // Progress is recorded once the plan is agreed: she proposes it and her manager Grace agrees.
    const { proposePlan } = await graphql<{ proposePlan: Plan }>(isla, 'mutation($input: PlanVersionInput!) { proposePlan(input: $input) { id version status } }', {
      input: { planId: plan.id, expectedVersion: addPlanAction.version },
    });
    const { agreePlan } = await graphql<{ agreePlan: Plan }>(await signInApi(MANAGER), 'mutation($input: PlanVersionInput!) { agreePlan(input: $input) { id version status } }', {
      input: { planId: plan.id, expectedVersion: proposePlan.version },
    });
    await graphql(isla, 'mutation($input: UpdatePlanActionInput!) { updatePlanAction(input: $input) { id } }', {
      input: { actionId: action.id, expectedPlanVersion: agreePlan.version, status: 'DONE', evidence: EVIDENCE },
    });

    const pair = await activePair(isla, leo, leoId, role.expectations[0]!.skill.key);
    await graphql(isla, 'mutation($input: SetMentorshipSharingInput!) { setMentorshipSharing(input: $input) { id } }', {
      input: { mentorshipId: pair.id, expectedVersion: pair.version, plan: true, planComments: true, evidence: true, assessments: false, checkIns: false },
    });
    mentorshipId = pair.id;
  });

  e2eTest(
    'the mentor comments on an action and signs off its evidence; the mentee sees both, then stops sharing her plan and the mentor loses it',
    async ({ page, newPage }) => {
      const comment = 'Good agenda: next time, send the RAID log out before the workshop.';
      const signOffNote = 'Saw the agenda and the actions on the wiki.';

      // Leo finds Isla under My mentees and opens her shared plan from the mentorship.
      const mentor = page;
      await signIn(mentor, MENTOR.email);
      await mentor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).click();
      await onPage(mentor, 'My mentees');
      await mentor.getByRole('link', { name: MENTEE.name }).first().click();
      await onPage(mentor, `Mentoring ${MENTEE.name}`);
      expect(new URL(mentor.url()).pathname).toBe(`/mentoring/${mentorshipId}`);
      await mentor.getByRole('link', { name: `Open ${MENTEE.name}’s shared plan` }).click();
      await onPage(mentor, `${MENTEE.name}’s development plan`);
      const planPath = new URL(mentor.url()).pathname;
      await mentor.getByText(/shares this plan with you as their mentor, with its comments and the evidence on actions/).waitFor();

      // He comments on her action.
      await mentor.getByRole('combobox', { name: 'About' }).selectOption({ label: actionTitle });
      await mentor.getByRole('textbox', { name: 'Add a comment' }).fill(comment);
      await mentor.getByRole('button', { name: 'Post comment' }).click();
      const posted = mentor.getByRole('region', { name: 'Comments' }).getByLabel(`Comment by ${MENTOR.name}`).filter({ hasText: comment });
      await posted.getByText(`on “${actionTitle}”`, { exact: false }).waitFor();

      // He signs off its evidence, after a confirmation that quotes it.
      const row = mentor.getByRole('table', { name: 'Actions' }).getByRole('row').filter({ hasText: actionTitle });
      await row.getByText(EVIDENCE).waitFor();
      await row.getByRole('button', { name: `Sign off evidence of ${actionTitle}` }).click();
      const dialog = mentor.getByRole('dialog', { name: `Sign off “${actionTitle}”?` });
      await dialog.getByText(`“${EVIDENCE}”`, { exact: false }).waitFor();
      await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill(signOffNote);
      await dialog.getByRole('button', { name: 'Sign off', exact: true }).click();
      await mentor.getByText(`Signed off the evidence of “${actionTitle}”.`).waitFor();
      await row.getByText(new RegExp(`Evidence signed off by ${MENTOR.name} on .*: “${signOffNote}”`)).waitFor();
      await row.getByRole('button', { name: `Withdraw sign-off of ${actionTitle}` }).waitFor();
      await onPage(mentor, `${MENTEE.name}’s development plan`);

      // Isla sees the comment and the sign-off on her plan.
      const mentee = await newPage();
      await signIn(mentee, MENTEE.email);
      await mentee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My plan' }).click();
      await onPage(mentee, 'My development plan');
      const own = mentee.getByRole('table', { name: 'Actions' }).getByRole('row').filter({ hasText: actionTitle });
      await own.getByText(new RegExp(`Evidence signed off by ${MENTOR.name} on .*: “${signOffNote}”`)).waitFor();
      const received = mentee.getByRole('region', { name: 'Comments' }).getByLabel(`Comment by ${MENTOR.name}`).filter({ hasText: comment });
      await received.getByText(`on “${actionTitle}”`, { exact: false }).waitFor();

      // She stops sharing her plan on the mentorship; it takes effect at once.
      await mentee.goto(`/mentoring/${mentorshipId}`);
      await onPage(mentee, `Mentored by ${MENTOR.name}`);
      const planSwitch = mentee.getByRole('switch', { name: PLAN_SWITCH });
      expect(await planSwitch.isChecked()).toBe(true);
      await planSwitch.click();
      await mentee.getByText(new RegExp(`${MENTOR.name} no longer sees my development plan`)).waitFor();
      await mentee.getByRole('switch', { name: PLAN_SWITCH, checked: false }).waitFor();

      // Leo's page no longer shows the plan: not its actions, the evidence or the comments.
      await mentor.goto(planPath);
      // The refusal (the page no longer names her either: the read of her is refused with the plan).
      await onPage(mentor, 'Development plan');
      await mentor.getByText('You do not have access to this').waitFor();
      expect(await mentor.getByText(actionTitle).count()).toBe(0);
      expect(await mentor.getByText(comment).count()).toBe(0);
      expect(await mentor.getByText(EVIDENCE).count()).toBe(0);
      await mentor.goto(`/mentoring/${mentorshipId}`);
      await onPage(mentor, `Mentoring ${MENTEE.name}`);
      expect(await mentor.getByRole('link', { name: `Open ${MENTEE.name}’s shared plan` }).count()).toBe(0);
    },
    150_000,
  );
});
