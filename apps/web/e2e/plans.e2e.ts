/**
 * The guide's "have a plan" workflow in real browsers: Dan (a demo PMO Analyst) rates a skill, picks
 * Project Manager as his target, gets a plan with a PMP action and proposes it; his manager Ben
 * agrees it on the plan page in his own browser; Dan sets the PMP's due date while drafting, sees the agreement in his
 * notifications, marks the PMP in progress, records a check-in with per-action progress, re-rates the
 * skill, and the plan page shows the check-in and the readiness change. Facts (the level the role
 * expects) are asked of the API.
 */
import { DEMO, graphql, signInApi } from './api';
import { onPage } from './a11y';
import { useBrowser } from './browser';
import { signIn } from './session';

const MANAGER = 'ben.okafor@demo.example';
const TARGET = 'Project Manager';
const SKILL = { key: 'planning-scheduling', name: 'Planning & scheduling' };
const DUE_ON = '2027-03-31';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('development plans', () => {
  const e2eTest = useBrowser();
  let requiredLevel: number;

  beforeAll(async () => {
    const dan = await signInApi(DEMO.employee);
    const { viewer, frameworks } = await graphql<{
      viewer: { person: { id: string } };
      frameworks: { currentVersion: { roles: { id: string; title: string }[] } | null }[];
    }>(dan, '{ viewer { person { id } } frameworks { currentVersion { roles { id title } } } }');
    const role = frameworks.flatMap((f) => f.currentVersion?.roles ?? []).find((r) => r.title === TARGET);
    if (!role) throw new Error(`no published role "${TARGET}"`);
    const { readiness } = await graphql<{ readiness: { skills: { skillKey: string; requiredLevel: number }[] } }>(
      dan,
      'query($person: ID!, $role: ID!) { readiness(personId: $person, roleId: $role) { skills { skillKey requiredLevel } } }',
      { person: viewer.person.id, role: role.id },
    );
    const expected = readiness.skills.find((s) => s.skillKey === SKILL.key);
    if (!expected || expected.requiredLevel < 2) throw new Error(`${TARGET} does not expect ${SKILL.name} at level 2 or more`);
    requiredLevel = expected.requiredLevel;
  });

  e2eTest(
    'an employee plans towards Project Manager and proposes; the manager agrees; the check-in and the readiness change show',
    async ({ page, newPage }) => {
      await signIn(page, DEMO.employee);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My plan' }).click();
      await onPage(page, 'My development plan');

      await page.getByRole('combobox', { name: `My rating of ${SKILL.name}` }).selectOption(String(requiredLevel - 1));
      await page.getByText(`Rated ${SKILL.name} at level ${requiredLevel - 1}.`).waitFor();
      // The roles closest to what Dan rated help him choose a direction.
      await page.getByRole('list', { name: 'Closest roles' }).getByRole('listitem').first().waitFor();

      await page.getByRole('combobox', { name: 'Target role' }).selectOption({ label: TARGET });
      await page.getByRole('button', { name: 'Create my plan' }).click();
      await page.getByRole('heading', { name: `Towards ${TARGET}` }).waitFor();
      const actions = page.getByRole('table', { name: 'Actions' });
      await actions.getByText(/\(PMP\)/).first().waitFor();
      const readiness = page.getByText(/of the role’s expectations met/);
      const before = await readiness.textContent();

      // While a draft, Dan sets when he means to have the PMP (the due date he asks his manager to agree).
      const pmp = (await actions.getByText(/\(PMP\)/).first().textContent())!;
      await page.getByLabel(`Due date of ${pmp}`).fill(DUE_ON);
      await page.getByText(`“${pmp}” is due by ${DUE_ON}.`).waitFor();
      await page.getByRole('button', { name: 'Propose to Ben Okafor (your manager)' }).click();
      await page.getByText('Waiting for agreement').waitFor();

      const manager = await newPage();
      await signIn(manager, MANAGER);
      await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My team' }).click();
      const row = manager.getByRole('table', { name: 'Team plans' }).getByRole('row', { name: /Dan Kowalski/ });
      await row.getByText('Waiting for agreement').waitFor();
      // Agreeing happens on the plan page, after a confirmation.
      await row.getByRole('link', { name: 'Review Dan Kowalski’s plan' }).click();
      await manager.getByRole('button', { name: 'Agree…' }).click();
      await manager.getByRole('dialog', { name: 'Agree Dan Kowalski’s plan?' }).getByRole('button', { name: 'Agree the plan' }).click();
      await manager.getByText('Agreed Dan Kowalski’s plan.').waitFor();

      await page.reload();
      await page.getByRole('heading', { name: `Towards ${TARGET}` }).waitFor();
      await page.getByText('Agreed', { exact: true }).waitFor();
      // The agreement reached Dan as a notification, and his due date held.
      await page.getByRole('button', { name: /^Notifications, \d+ unread$/ }).click();
      await page.getByRole('list', { name: 'Notifications' }).getByText('Your manager agreed your plan.').waitFor();
      await page.keyboard.press('Escape');
      await actions.getByRole('row', { name: new RegExp(escapeRegExp(pmp)) }).getByText(DUE_ON).waitFor();

      await page.getByRole('combobox', { name: `Status of ${pmp}` }).selectOption({ label: 'In progress' });
      await page.getByText(`“${pmp}” is now in progress.`).waitFor();

      const reflection = 'Booked the PMP exam and rebuilt the portfolio schedule.';
      await page.getByRole('textbox', { name: 'Reflection' }).fill(reflection);
      await page.getByRole('combobox', { name: `Progress on ${pmp}` }).selectOption({ label: 'Done' });
      await page.getByRole('textbox', { name: `Note on ${pmp}` }).fill('Passed on the first attempt');
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await page.getByText('Check-in recorded.').waitFor();
      await page.getByText('Active', { exact: true }).waitFor();
      await page.getByText(`${pmp}: Done (Passed on the first attempt)`).waitFor();
      await page.getByText('Have your skills moved?').waitFor();
      await page.getByRole('list', { name: 'Skills to re-rate' }).getByRole('link', { name: `Rate ${SKILL.name}` }).waitFor();
      expect(await page.getByRole('combobox', { name: `Status of ${pmp}` }).inputValue()).toBe('DONE');

      await page.getByRole('combobox', { name: `My rating of ${SKILL.name}` }).selectOption(String(requiredLevel));
      await page.getByText(`Rated ${SKILL.name} at level ${requiredLevel}.`).waitFor();

      await page.getByText(reflection).waitFor();
      const deadline = Date.now() + 10_000;
      while ((await readiness.textContent()) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await readiness.textContent()).not.toBe(before);
    },
    120_000,
  );
});
