/**
 * Sub-levels in a real browser: a demo employee reads "What level am I?" on My career (the demo's PMO
 * framework has a points rule with sub-levels A–E), the admin renames that very sub-level in the editor's
 * Levelling tab and publishes, and the employee then sees their level with the new sub-level name.
 * The level and sub-level are read from the page, not copied from the seed.
 */
import { DEMO, graphql, signInApi, type ApiSession } from './api';
import { expectAccessible, onPage } from './a11y';
import { useBrowser } from './browser';
import { signIn } from './session';

interface Framework {
  id: string;
  name: string;
  currentVersion: { number: number };
}

/** Starts the PMO framework's draft from its published version, so only this test's change is published. */
async function cleanDraft(session: ApiSession): Promise<Framework> {
  const { frameworks } = await graphql<{ frameworks: Framework[] }>(session, '{ frameworks { id name currentVersion { number } } }');
  const framework = frameworks.find((f) => f.name.toLowerCase().includes('pmo'));
  if (!framework) throw new Error('the API has no PMO framework');
  const started = await graphql<{ startFrameworkDraft: { revision: number } }>(
    session,
    'mutation E2EStartLevellingDraft($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }',
    { id: framework.id },
  );
  const { frameworkDocument } = await graphql<{ frameworkDocument: string }>(
    session,
    'query E2EExportForLevelling($id: ID!, $version: Int) { frameworkDocument(frameworkId: $id, version: $version) }',
    { id: framework.id, version: framework.currentVersion.number },
  );
  await graphql(
    session,
    'mutation E2EReplaceLevellingDraft($id: ID!, $revision: Int!, $json: String!) { replaceFrameworkDraft(frameworkId: $id, expectedRevision: $revision, json: $json) { revision } }',
    { id: framework.id, revision: started.startFrameworkDraft.revision, json: frameworkDocument },
  );
  return framework;
}

/** "Level 1 · B with 28 points" → its level and sub-level. */
async function myLevel(page: import('playwright-core').Page): Promise<{ level: string; subLevel: string; points: number }> {
  await page.goto('/my-career');
  const section = page.getByRole('region', { name: 'What level am I?' });
  const line = section.getByText(/ with \d+ points?$/);
  await line.waitFor();
  const text = ((await line.textContent()) ?? '').trim();
  const match = /^(.+) · (.+) with (\d+) points?$/.exec(text);
  if (!match) throw new Error(`"What level am I?" shows no sub-level: "${text}"`);
  return { level: match[1]!, subLevel: match[2]!, points: Number(match[3]) };
}

describe('points levelling with sub-levels', () => {
  const e2eTest = useBrowser();

  e2eTest(
    'the admin renames a sub-level in the Levelling tab and publishes; the employee sees their level and the renamed sub-level on My career',
    async ({ page }) => {
      const framework = await cleanDraft(await signInApi(DEMO.admin));
      const next = framework.currentVersion.number + 1;

      await signIn(page, DEMO.employee);
      const before = await myLevel(page);
      await expectAccessible(page);
      await page.context().clearCookies();

      // The admin renames that sub-level, by keyboard, in the Levelling tab.
      const renamed = `${before.subLevel}+`;
      await signIn(page, DEMO.admin);
      await page.goto(`/frameworks/${framework.id}/edit`);
      await onPage(page, `Edit ${framework.name}`);
      await page.getByRole('tab', { name: 'Levelling' }).click();
      await page.getByRole('button', { name: 'Edit the points rule' }).click();
      const table = page.getByRole('table', { name: `Sub-levels of ${before.level}` });
      const names = table.getByRole('textbox', { name: /^Name of sub-level \d+ of / });
      const count = await names.count();
      let renamedOne = false;
      for (let i = 0; i < count; i++) {
        const input = names.nth(i);
        if ((await input.inputValue()) !== before.subLevel) continue;
        await input.focus();
        await page.keyboard.press('End');
        await page.keyboard.type('+');
        renamedOne = true;
        break;
      }
      if (!renamedOne) throw new Error(`the Levelling tab has no sub-level "${before.subLevel}" of ${before.level}`);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Save the points rule' }).click();
      await page.getByRole('list', { name: 'Points rule' }).getByText(new RegExp(`${before.level} from \\d+ \\([^)]*${renamed.replace(/[+]/g, '\\+')} `)).waitFor();

      // Publish, and the diff names the level whose sub-levels changed.
      await page.getByRole('link', { name: 'Versions and publishing' }).click();
      await onPage(page, `Versions of ${framework.name}`);
      await page.getByRole('button', { name: 'Review and publish…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Publish the draft' });
      await dialog.getByRole('button', { name: `Publish version ${next}` }).click();
      await dialog.getByText(`Version ${next} is published`).waitFor();
      await page.keyboard.press('Escape');
      const diff = page.getByRole('region', { name: new RegExp(`Changes from Version \\d+ to Version ${next}`) });
      await diff.getByText(`Sub-levels of ${before.level}`).first().waitFor();
      await page.context().clearCookies();

      // The employee's level, by the published rule, now names the renamed sub-level.
      await signIn(page, DEMO.employee);
      const after = await myLevel(page);
      expect(after).toEqual({ ...before, subLevel: renamed });
      const section = page.getByRole('region', { name: 'What level am I?' });
      await section.getByText(/more points? to reach /).first().waitFor();
      await expectAccessible(page);
    },
    180_000,
  );
});
