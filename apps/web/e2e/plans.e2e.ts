/**
 * The guide's "have a plan" workflow in real browsers, on the living demo organisation: Dan (the demo
 * PMO Analyst, rated on about a third of his skills over the past months) chooses Project Manager and
 * gets a focused plan: at most 5 focus skills, each with one or two suggestions drawn from the
 * framework (no boilerplate), at most 10 actions, the rest "later". Readiness says what is rated and
 * what is assumed. He adds a suggestion, proposes; his manager Ben agrees on the plan page in his own
 * browser, after a confirmation; Dan sees
 * the agreement in his notifications, records a check-in that asks about his focus, raises a rating of
 * a focus skill, and the readiness moves.
 */
import { DEMO } from './api';
import { onPage } from './a11y';
import { useBrowser } from './browser';
import { signIn } from './session';

const MANAGER = 'ben.okafor@demo.example';
const TARGET = 'Project Manager';
const BOILERPLATE = /^(Read up on|Take on work that needs|Find a mentor$)/;

describe('development plans', () => {
  const e2eTest = useBrowser();

  e2eTest(
    'the demo PMO Analyst chooses Project Manager, gets a focused plan, proposes it; the manager agrees; a check-in asks about the focus; readiness moves with a rating',
    async ({ page, newPage }) => {
      await signIn(page, DEMO.employee);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My plan' }).click();
      await onPage(page, 'My development plan');
      // The roles closest to what Dan rated help him choose a direction; his own role's unrated skills are assumed.
      await page.getByRole('list', { name: 'Closest roles' }).getByRole('listitem').first().waitFor();
      await page.getByText('Skills you have not rated are assumed at the level your current role (PMO Analyst) expects.').waitFor();

      await page.getByRole('combobox', { name: 'Target role' }).selectOption({ label: TARGET });
      await page.getByRole('button', { name: 'Create my plan' }).click();
      await page.getByRole('heading', { name: `Towards ${TARGET}` }).waitFor();

      // A focused plan: 3 to 5 focus skills, each with one or two suggestions; the rest later.
      const focusCards = page.getByRole('region', { name: /^Focus: / });
      await focusCards.first().waitFor();
      const focusCount = await focusCards.count();
      expect(focusCount).toBeGreaterThanOrEqual(3);
      expect(focusCount).toBeLessThanOrEqual(5);
      for (let i = 0; i < focusCount; i += 1) {
        const suggestions = await focusCards.nth(i).getByRole('list', { name: /^Suggestions for / }).getByRole('listitem').count();
        expect(suggestions).toBeGreaterThanOrEqual(1);
        expect(suggestions).toBeLessThanOrEqual(2);
      }
      await page.getByRole('list', { name: 'Later' }).getByRole('listitem').first().waitFor();

      // Actions: one per focus skill to start, each drawn from the framework's descriptors (none boilerplate).
      const actions = page.getByRole('table', { name: 'Actions' });
      const titles = async () => (await actions.locator('tbody tr td:first-child p:first-child').allTextContents()).map((t) => t.trim());
      const started = await titles();
      expect(started.length).toBe(focusCount);
      expect(started.filter((title) => BOILERPLATE.test(title))).toEqual([]);
      // The selects keep a readable width (they were squashed to 45 px).
      const status = await actions.getByRole('combobox', { name: /^Status of / }).first().boundingBox();
      expect(status!.width).toBeGreaterThanOrEqual(100);

      // Readiness says what it rests on.
      await page.getByText(/\d+ of \d+ expectations rated; \d+ assumed at the level your current role \(PMO Analyst\) expects/).waitFor();
      await page.getByText(/^\d+ rated$/).waitFor();
      await page.getByText(/^\d+ assumed$/).waitFor();

      // At phone width the focus cards fit the screen and the actions table scrolls inside its own box.
      await page.setViewportSize({ width: 375, height: 800 });
      const card = await focusCards.first().boundingBox();
      expect(card!.width).toBeLessThanOrEqual(375);
      const tableBox = await actions.locator('xpath=ancestor::div[2]').boundingBox();
      expect(tableBox!.width).toBeLessThanOrEqual(375);
      await page.setViewportSize({ width: 1280, height: 900 });

      // Dan chooses one more suggestion.
      const add = page.getByRole('button', { name: /^Add to plan: / }).first();
      const chosen = ((await add.getAttribute('aria-label')) ?? '').replace(/^Add to plan: /, '');
      await add.click();
      await page.getByText(`Added “${chosen}” to your plan.`).waitFor();
      await actions.getByText(chosen, { exact: true }).waitFor();
      const planned = await titles();
      expect(planned.length).toBe(focusCount + 1);
      expect(planned.length).toBeLessThanOrEqual(10);

      await page.getByRole('button', { name: 'Propose to Ben Okafor (your manager)' }).click();
      await page.getByText('Waiting for agreement').waitFor();

      const manager = await newPage();
      await signIn(manager, MANAGER);
      await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My team' }).click();
      await onPage(manager, 'My team’s plans');
      const row = manager.getByRole('table', { name: 'Team plans' }).getByRole('row', { name: /Dan Kowalski/ });
      await row.getByText('Waiting for agreement').waitFor();
      // Agreeing happens on the plan page, after a confirmation.
      await row.getByRole('link', { name: 'Review Dan Kowalski’s plan' }).click();
      await onPage(manager, 'Dan Kowalski’s development plan');
      await manager.getByRole('button', { name: 'Agree…' }).click();
      await manager.getByRole('dialog', { name: 'Agree Dan Kowalski’s plan?' }).getByRole('button', { name: 'Agree the plan' }).click();
      await manager.getByText('Agreed Dan Kowalski’s plan.').waitFor();

      await page.reload();
      await page.getByRole('heading', { name: `Towards ${TARGET}` }).waitFor();
      await page.getByText('Agreed', { exact: true }).waitFor();
      await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
      await page.getByRole('list', { name: 'Notifications' }).getByText('Your manager agreed your plan.').waitFor();
      await page.keyboard.press('Escape');

      const first = planned[0]!;
      await page.getByRole('combobox', { name: `Status of ${first}` }).selectOption({ label: 'In progress' });
      await page.getByText(`“${first}” is now in progress.`).waitFor();

      // The check-in asks how each focus skill went, and about the plan's actions only.
      const howWent = page.getByRole('combobox', { name: /^How .+ went$/ });
      expect(await howWent.count()).toBe(focusCount);
      for (let i = 0; i < focusCount; i += 1) await howWent.nth(i).selectOption({ label: 'Some progress' });
      expect(await page.getByRole('combobox', { name: /^Progress on / }).count()).toBe(planned.length);
      const reflection = 'Baselined the release schedule with the team and ran the first stakeholder map.';
      await page.getByRole('textbox', { name: 'Reflection' }).fill(reflection);
      await page.getByRole('combobox', { name: `Progress on ${first}` }).selectOption({ label: 'Done' });
      await page.getByRole('textbox', { name: `Note on ${first}` }).fill('Signed off by the sponsor');
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await page.getByText('Check-in recorded.').waitFor();
      await page.getByText('Active', { exact: true }).waitFor();
      await page.getByText(`${first}: Done (Signed off by the sponsor)`).waitFor();
      await page.getByText(reflection).waitFor();
      await page.getByText('Have your skills moved?').waitFor();

      // Dan raises his rating of the first focus skill by one level: readiness moves.
      const focus = focusCards.first();
      const skill = ((await focus.getAttribute('aria-label')) ?? '').replace(/^Focus: /, '');
      // "Now Level 2 · Practised (rated) → …", or "Now No level yet (…)": levels are named on the skill's own scale.
      const now = /Now (?:Level (\d+) · [^(]+|No level yet) \(/.exec((await focus.textContent()) ?? '');
      expect(now).not.toBeNull();
      const level = Number(now![1] ?? 0);
      expect(level).toBeGreaterThanOrEqual(0);
      await page.getByRole('list', { name: 'Skills to re-rate' }).getByRole('link', { name: `Rate ${skill}` }).waitFor();
      const readiness = page.getByText(/of what is known of the role’s expectations met/);
      const before = await readiness.textContent();
      expect(before).toMatch(/ready (in about|within)|No forecast yet/);
      await page.getByRole('combobox', { name: `My rating of ${skill}` }).selectOption(String(level + 1));
      // The toast names the level on the skill's scale ("Rated Planning & scheduling at 3 · Competent.").
      await page.getByText(`Rated ${skill} at ${level + 1} · `).waitFor();
      const deadline = Date.now() + 10_000;
      while ((await readiness.textContent()) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await readiness.textContent()).not.toBe(before);
    },
    150_000,
  );
});
