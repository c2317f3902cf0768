/**
 * Mentoring in real browsers: Ella (a demo PMO Coordinator planning towards Senior PMO Analyst) opens
 * "Find a mentor" from her plan, sees mentors ranked for her gap skills with the explanation, and asks
 * Kemi (Business Change: another team) with a message; Kemi finds the request under My mentees and
 * accepts it; Ella's mentorship is active and the acceptance reached her notifications; she shares
 * her assessments and Kemi's page shows them, then she revokes and Kemi's page loses them; Kemi logs
 * a session (her private note stays hers) whose next step Ella adds to her plan; the pages fit 375 px.
 * (The seeded demo mentoring gives Kemi her offered skills and ratings.)
 */
import { graphql, signInApi } from './api';
import { useBrowser } from './browser';
import { onPage } from './a11y';
import { signIn } from './session';

const MENTEE = 'ella.nguyen@demo.example';
const MENTOR = 'kemi.adeyemi@demo.example';
const TARGET = 'Senior PMO Analyst';

describe('mentoring', () => {
  const e2eTest = useBrowser();

  // Ella's plan points at TARGET, whatever the demo seed (a draft towards PMO Analyst) or an earlier suite left her.
  beforeAll(async () => {
    const ella = await signInApi(MENTEE);
    const { frameworks, myPlan } = await graphql<{
      frameworks: { currentVersion: { roles: { id: string; title: string }[] } | null }[];
      myPlan: { id: string; version: number; targetRole: { title: string } } | null;
    }>(ella, '{ frameworks { currentVersion { roles { id title } } } myPlan { id version targetRole { title } } }');
    const role = frameworks.flatMap((f) => f.currentVersion?.roles ?? []).find((r) => r.title === TARGET);
    if (!role) throw new Error(`no published role "${TARGET}"`);
    if (!myPlan) {
      await graphql(ella, 'mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id } }', { input: { targetRoleId: role.id } });
    } else if (myPlan.targetRole.title !== TARGET) {
      await graphql(ella, 'mutation($input: ChangePlanDirectionInput!) { changePlanDirection(input: $input) { id } }', {
        input: { planId: myPlan.id, expectedVersion: myPlan.version, reason: 'NEW_TARGET_ROLE', targetRoleId: role.id },
      });
    }
  });

  e2eTest(
    'a mentee finds a mentor from another team through her plan’s gaps and asks; the mentor accepts; sharing and revoking take effect at once',
    async ({ page, newPage }) => {
      await signIn(page, MENTEE);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My plan' }).click();
      await onPage(page, 'My development plan');
      await page.getByRole('heading', { name: `Towards ${TARGET}` }).waitFor();
      await page.getByRole('link', { name: 'Find a mentor for my plan\'s gap skills' }).click();
      await page.getByText('From your plan’s gaps:').waitFor();
      await onPage(page, 'Find a mentor');
      await page.getByText('From your plan’s gaps:').waitFor();
      const suggestions = page.getByRole('list', { name: 'Suggested mentors' });
      const kemi = suggestions.getByRole('listitem').filter({ hasText: 'Kemi Adeyemi' });
      await kemi.getByText(/Another team/).waitFor();
      // The score is explained skill by skill: "<skill>: 4, you need <n>".
      await kemi.getByRole('list', { name: 'Why Kemi Adeyemi' }).getByText(/: 4, you need \d/).first().waitFor();

      await kemi.getByRole('button', { name: 'Ask Kemi Adeyemi to mentor you' }).click();
      await kemi.getByRole('textbox', { name: 'Message' }).fill('I would like help growing towards Senior PMO Analyst.');
      await kemi.getByRole('button', { name: 'Send request' }).click();
      await onPage(page, 'Mentored by Kemi Adeyemi');
      await page.getByText('Waiting for an answer').waitFor();
      const mentorshipUrl = page.url();

      const mentor = await newPage();
      await signIn(mentor, MENTOR);
      // Kemi offers to mentor, so Mentoring opens on her mentees.
      await mentor.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).click();
      await mentor.getByRole('heading', { name: 'Waiting for your answer' }).waitFor();
      await onPage(mentor, 'My mentees');
      await mentor.getByRole('link', { name: 'Ella Nguyen' }).first().click();
      await onPage(mentor, 'Mentoring Ella Nguyen');
      await mentor.getByRole('button', { name: 'Accept' }).click();
      await mentor.getByText('Accepted: your mentee has been told.').waitFor();
      await mentor.getByText('Ella Nguyen has not shared their assessments with you.').waitFor();

      await page.goto(mentorshipUrl);
      await onPage(page, 'Mentored by Kemi Adeyemi');
      await page.getByText('Active', { exact: true }).waitFor();
      await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
      await page.getByRole('list', { name: 'Notifications' }).getByText(/accepted your request/).waitFor();
      await page.keyboard.press('Escape');

      await page.getByRole('switch', { name: 'My skill assessments' }).click();
      await mentor.reload();
      await mentor.getByRole('heading', { name: 'What Ella Nguyen shares with you' }).waitFor();
      await mentor.getByRole('columnheader', { name: 'Skill' }).waitFor();

      await page.getByRole('switch', { name: 'My skill assessments' }).click();
      await page.getByText(/no longer sees my skill assessments/).waitFor();
      await mentor.reload();
      await mentor.getByText('Ella Nguyen has not shared their assessments with you.').waitFor();

      // The mentor logs a session with a next step; Ella adds it to her plan.
      const step = 'Shadow a stakeholder workshop';
      await mentor.getByRole('button', { name: 'Log a session' }).click();
      await mentor.getByRole('textbox', { name: /Shared notes/ }).fill('Talked about stakeholder maps.');
      await mentor.getByRole('textbox', { name: /Private notes/ }).fill('Kemi only: suggest the BA community.');
      await mentor.getByRole('textbox', { name: /Next step for the mentee’s plan/ }).fill(step);
      await mentor.getByRole('button', { name: 'Save session' }).click();
      await mentor.getByText('Session logged.').waitFor();
      await mentor.getByText('Private (only you): Kemi only: suggest the BA community.').waitFor();

      await page.reload();
      await page.getByText('Talked about stakeholder maps.').waitFor();
      expect(await page.getByText(/Kemi only/).count()).toBe(0);
      await page.getByRole('button', { name: `Add “${step}” to my plan` }).click();
      await page.getByText(`“${step}” is now an action in your plan.`).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My plan' }).click();
      await onPage(page, 'My development plan');
      await page.getByRole('table', { name: 'Actions' }).getByText(step).waitFor();

      // Usable at phone width: no sideways scrolling on the mentoring pages.
      await page.setViewportSize({ width: 375, height: 800 });
      for (const path of ['/mentoring/find', new URL(mentorshipUrl).pathname, '/mentoring/mentors', '/mentoring/profile']) {
        await page.goto(path);
        await onPage(page, /./);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect({ path, overflow }).toEqual({ path, overflow: 0 });
      }
    },
    150_000,
  );
});
