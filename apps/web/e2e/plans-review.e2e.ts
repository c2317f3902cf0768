/**
 * The manager's flow, sharing and approvers in real browsers (issue 9, points 3-5). Ella (a demo PMO
 * Coordinator whose manager is Chloe) rates a skill with evidence, plans towards a role, sees who will
 * agree it before proposing, and shares it with Kemi. Chloe opens the notification, lands on Ella's plan,
 * reads the evidence beside the rating and agrees after a confirmation; the notification is then read.
 * Kemi finds the plan under "Shared with me" and sees no controls on it. Asha, who has no manager, is
 * told nobody can agree her plan until an admin (herself) names an approver, then whom she proposes to.
 * Setup that is not under test (ratings, a draft plan, the share) goes through the API.
 */
import { DEMO, graphql, signInApi, type ApiSession } from './api';
import { onPage } from './a11y';
import { useBrowser } from './browser';
import { signIn } from './session';

// Demo people of their own: plans.e2e.ts walks Dan and Ben, my-career.e2e.ts Isla.
const ELLA = { email: 'ella.nguyen@demo.example', name: 'Ella Nguyen' };
const CHLOE = { email: 'chloe.martin@demo.example', name: 'Chloe Martin' };
const KEMI = { email: 'kemi.adeyemi@demo.example', name: 'Kemi Adeyemi' };
const ASHA = { email: DEMO.admin, name: 'Asha Patel' };
const FARID = { email: DEMO.leadership, name: 'Farid Haddad' };
const EVIDENCE = 'Ran the weekly RAID review for the Atlas programme';
const TARGET = 'Project Manager';

interface Facts {
  ellaId: string;
  kemiId: string;
  skill: { id: string; key: string; name: string };
  targetRoleId: string;
}

/** A fresh draft plan of the session's person towards the target (an open one abandoned first). */
async function freshDraft(session: ApiSession, targetRoleId: string): Promise<void> {
  const { myPlan } = await graphql<{ myPlan: { id: string; version: number; status: string } | null }>(session, '{ myPlan { id version status } }');
  if (myPlan && myPlan.status !== 'COMPLETED' && myPlan.status !== 'ABANDONED') {
    await graphql(session, 'mutation($input: PlanVersionInput!) { abandonPlan(input: $input) { id } }', { input: { planId: myPlan.id, expectedVersion: myPlan.version } });
  }
  await graphql(session, 'mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id } }', { input: { targetRoleId } });
}

describe('reviewing, sharing and agreeing plans', () => {
  const e2eTest = useBrowser();
  let facts: Facts;

  beforeAll(async () => {
    const ella = await signInApi(ELLA.email);
    const { viewer, frameworks, people } = await graphql<{
      viewer: { person: { id: string } };
      people: { id: string; email: string }[];
      frameworks: { currentVersion: { roles: { id: string; title: string; expectations: { level: number; skill: { id: string; key: string; name: string } }[] }[] } | null }[];
    }>(ella, '{ viewer { person { id } } people { id email } frameworks { currentVersion { roles { id title expectations { level skill { id key name } } } } } }');
    const role = frameworks.flatMap((f) => f.currentVersion?.roles ?? []).find((r) => r.title === TARGET);
    if (!role || role.expectations.length === 0) throw new Error(`no published role "${TARGET}" with expectations`);
    const skill = role.expectations[0]!.skill;
    facts = { ellaId: viewer.person.id, kemiId: people.find((p) => p.email === KEMI.email)!.id, skill, targetRoleId: role.id };
    // Ella's own rating, with the evidence her manager should see beside it.
    await graphql(ella, 'mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }', {
      input: { skillId: skill.id, level: 2, evidenceNote: EVIDENCE },
    });
    await freshDraft(ella, role.id);
    await graphql(ella, 'mutation($id: ID!) { sharePlan(viewerId: $id, shared: true) { id } }', { id: facts.kemiId });
  });

  e2eTest(
    'the manager opens the notification, reads the evidence, agrees on the plan page; a colleague reads it under "Shared with me" with no controls',
    async ({ page, newPage }) => {
      // Ella sees whom she proposes to before she does.
      await signIn(page, ELLA.email);
      await page.goto('/my-plan');
      await page.getByRole('heading', { name: `Towards ${TARGET}` }).waitFor();
      await page.getByRole('button', { name: `Propose to ${CHLOE.name} (your manager)` }).click();
      await page.getByText(`Sent to ${CHLOE.name} for agreement.`).waitFor();
      await page.getByText('Waiting for agreement').first().waitFor();

      // Chloe follows the notification to the plan page.
      const chloe = await newPage();
      await signIn(chloe, CHLOE.email);
      await chloe.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
      const notification = chloe.getByRole('list', { name: 'Notifications' }).getByRole('link', { name: `${ELLA.name} proposed their development plan for your agreement.` });
      await notification.click();
      await chloe.waitForURL(`**/plans/${facts.ellaId}`);
      await onPage(chloe, `${ELLA.name}’s development plan`);
      const skills = chloe.getByRole('table', { name: 'Skills and evidence' });
      await skills.getByRole('row', { name: new RegExp(facts.skill.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).getByText(EVIDENCE).waitFor();

      await chloe.getByRole('button', { name: 'Agree…' }).click();
      const dialog = chloe.getByRole('dialog', { name: `Agree ${ELLA.name}’s plan?` });
      await dialog.getByRole('button', { name: 'Agree the plan' }).click();
      await chloe.getByText(`Agreed ${ELLA.name}’s plan.`).waitFor();
      await chloe.getByRole('main').getByText('Agreed', { exact: true }).waitFor();
      expect(await chloe.getByRole('button', { name: 'Agree…' }).count()).toBe(0);
      // Acting on it marked the notification read.
      await chloe.getByRole('button', { name: /^Notifications/ }).click();
      const item = chloe.getByRole('list', { name: 'Notifications' }).getByRole('listitem').filter({ hasText: `${ELLA.name} proposed` });
      await item.getByText(/· read/).waitFor();

      // Kemi finds it under "Shared with me" and can only read it.
      const kemi = await newPage();
      await signIn(kemi, KEMI.email);
      await kemi.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared with me' }).click();
      await kemi.getByRole('list', { name: 'Plans shared with me' }).getByRole('link', { name: `${ELLA.name}’s plan` }).click();
      await onPage(kemi, `${ELLA.name}’s development plan`);
      await kemi.getByText(`${ELLA.name} shared this plan with you to read.`).waitFor();
      await kemi.getByRole('table', { name: 'Skills and evidence' }).getByText(EVIDENCE).waitFor();
      const main = kemi.getByRole('main');
      expect(await main.getByRole('button').count()).toBe(0);
      expect(await main.getByRole('combobox').count()).toBe(0);
      expect(await main.getByRole('textbox').count()).toBe(0);

      // At phone width both pages fit: wide tables scroll inside their own box, the page does not.
      await kemi.setViewportSize({ width: 375, height: 800 });
      const overflow = () => main.evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(1);
      await kemi.goto('/shared-with-me');
      await kemi.getByRole('list', { name: 'Plans shared with me' }).waitFor();
      expect(await overflow()).toBeLessThanOrEqual(1);
    },
    150_000,
  );

  e2eTest('a person without a manager sees who will agree their plan before proposing', async ({ page }) => {
    const asha = await signInApi(ASHA.email);
    await freshDraft(asha, facts.targetRoleId);
    await signIn(page, ASHA.email);
    await page.goto('/my-plan');
    await page.getByRole('heading', { name: `Towards ${TARGET}` }).waitFor();
    await page.getByText(/^Nobody can agree your plan yet: you have no manager/).waitFor();
    expect(await page.getByRole('button', { name: /^Propose/ }).count()).toBe(0);

    // As the admin she names an approver for the organisation.
    await page.goto('/admin/approvers');
    await onPage(page, 'Plan approvers');
    await page.getByRole('combobox', { name: 'Approver' }).click();
    await page.getByRole('option', { name: FARID.name }).click();
    await page.getByRole('button', { name: 'Name approver' }).click();
    await page.getByText(`${FARID.name} now agrees plans for the organisation.`).waitFor();

    await page.goto('/my-plan');
    await page.getByText(new RegExp(`${FARID.name}, named by an admin`)).waitFor();
    await page.getByRole('button', { name: `Propose to ${FARID.name} (your approver)` }).click();
    await page.getByText(`Sent to ${FARID.name} for agreement.`).waitFor();
    await page.getByText('Waiting for agreement').first().waitFor();
  }, 120_000);
});
