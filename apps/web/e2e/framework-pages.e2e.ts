/**
 * A framework as an organisation writes it, edited and published in a real browser, then read on the
 * framework page by an admin and an employee: a skill on a scale of its own whose level names the admin
 * changes, criteria and examples written one per line (Markdown), an optional expectation set in the grid,
 * a level nobody described. The framework is this test's own (imported with a unique name), so no other
 * suite's data or order matters.
 */
import { expectAccessible, onPage } from './a11y';
import { DEMO, graphql, signInApi } from './api';
import { useBrowser } from './browser';
import { signIn } from './session';

describe('framework pages', () => {
  const e2eTest = useBrowser();

  e2eTest(
    'the admin edits level names, criteria, examples and an optional expectation, publishes, and everyone reads them on the framework page',
    async ({ page, newPage }) => {
      const suffix = Date.now().toString(36);
      const name = `Engineering ladder ${suffix}`;
      const document = {
        schemaVersion: '2',
        key: `engineering-${suffix}`,
        name,
        proficiencyScale: [1, 2, 3].map((level) => ({ level, name: ['Learning', 'Doing', 'Leading'][level - 1], summary: `Level ${level}.` })),
        scales: [{ key: 'depth', name: 'Depth', levels: [{ level: 1, name: 'Aware' }, { level: 2, name: 'Working' }, { level: 3, name: 'Expert' }] }],
        skillCategories: [{ key: 'craft', name: 'Craft' }],
        skills: [
          { key: 'testing', name: 'Testing', categoryKey: 'craft', scaleKey: 'depth', levels: { '1': 'Knows why tests matter.' } },
          { key: 'mentoring', name: 'Mentoring', categoryKey: 'craft', levels: { '1': 'Helps a colleague.', '2': 'Mentors one person.', '3': 'Runs a circle.' } },
        ],
        tracks: [{ key: 'ic', name: 'Individual contributor', kind: 'core' }],
        roles: [{ key: 'engineer', title: `Engineer ${suffix}`, trackKey: 'ic', level: 1, summary: 'Builds features.', responsibilities: [], expectations: { testing: 2, mentoring: 1 } }],
        transitions: [],
        qualifications: [],
      };
      const api = await signInApi(DEMO.admin);
      const created = await graphql<{ createFramework: { id: string } }>(api, 'mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { id } }', {
        input: { source: 'IMPORT', json: JSON.stringify(document) },
      });
      const id = created.createFramework.id;

      await signIn(page, DEMO.admin);
      await page.goto(`/frameworks/${id}/edit`);
      await onPage(page, `Edit ${name}`);

      // The scale's level names: "Working" becomes "Practising".
      await page.getByRole('tab', { name: 'Scales' }).click();
      await page.getByRole('button', { name: 'Edit scale Depth' }).click();
      const scaleDialog = page.getByRole('dialog', { name: 'Edit scale Depth' });
      await scaleDialog.getByRole('textbox', { name: 'Level names' }).fill('Aware\nPractising\nExpert');
      await scaleDialog.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('table', { name: 'Skill scales' }).getByText('1 Aware, 2 Practising, 3 Expert').waitFor();
      await expectAccessible(page);

      // Criteria and examples, one per line, at the level the role expects.
      await page.getByRole('tab', { name: 'Skills' }).click();
      await page.getByRole('button', { name: 'Edit skill Testing' }).click();
      const skillDialog = page.getByRole('dialog', { name: 'Edit skill Testing' });
      await skillDialog.getByRole('textbox', { name: 'Level 2 · Practising: summary' }).fill('Tests their own work.');
      await skillDialog.getByRole('textbox', { name: 'Level 2 · Practising: criteria (one per line)' }).fill('Writes the test first\nKeeps the suite *fast*');
      await skillDialog.getByRole('textbox', { name: 'Level 2 · Practising: examples (one per line)' }).fill('Cut CI from 40 to 9 minutes');
      await skillDialog.getByRole('button', { name: 'Save' }).click();
      await skillDialog.waitFor({ state: 'hidden' });

      // Mentoring becomes optional for the role, in the grid with the keyboard.
      await page.getByRole('tab', { name: 'Expectations' }).click();
      await page.getByRole('gridcell', { name: `Engineer ${suffix}, Mentoring: 1 (Learning)` }).click();
      await page.keyboard.press('o');
      await page.getByRole('gridcell', { name: `Engineer ${suffix}, Mentoring: 1 (Learning), optional` }).waitFor();
      await page.getByRole('gridcell', { name: `Engineer ${suffix}, Testing: 2 (Practising)` }).waitFor();
      await expectAccessible(page);

      // Publish version 1.
      await page.goto(`/frameworks/${id}/versions`);
      await onPage(page, `Versions of ${name}`);
      await page.getByRole('button', { name: 'Review and publish…' }).click();
      const publish = page.getByRole('dialog', { name: 'Publish the draft' });
      await publish.getByRole('button', { name: 'Publish version 1' }).click();
      await publish.getByText('Version 1 is published').waitFor();
      await page.keyboard.press('Escape');

      // The employee reads it on the framework page: the skill on its own scale, criteria and examples as Markdown.
      const reader = await newPage();
      {
        await signIn(reader, DEMO.employee);
        await reader.goto(`/frameworks/${id}`);
        await onPage(reader, name, { exact: true });
        const skills = reader.getByRole('region', { name: 'Skills' });
        await skills.getByText('Testing', { exact: true }).click();
        const ladder = skills.getByRole('list', { name: 'Testing at every level' });
        const steps = ladder.locator(':scope > li');
        expect(await steps.count()).toBe(3);
        expect(await steps.nth(1).textContent()).toContain('2 · Practising');
        expect(await steps.nth(1).getByRole('list', { name: 'Criteria' }).textContent()).toContain('Writes the test first');
        await steps.nth(1).getByRole('list', { name: 'Criteria' }).locator('em', { hasText: 'fast' }).waitFor();
        expect(await steps.nth(1).getByRole('list', { name: 'Examples' }).textContent()).toContain('Cut CI from 40 to 9 minutes');
        expect(await steps.nth(2).textContent()).toContain('No descriptor written for this level');
        await expectAccessible(reader);

        // The role page names the level on the skill's scale and marks the optional expectation.
        await reader.getByRole('link', { name: `Engineer ${suffix}` }).first().click();
        await onPage(reader, `Engineer ${suffix}`, { exact: true });
        const table = reader.getByRole('table', { name: 'Expected skills' });
        await table.getByRole('row', { name: /^Testing/ }).getByText('Practising').waitFor();
        await table.getByRole('row', { name: /^Mentoring/ }).getByText('Optional').waitFor();
      }
    },
    180_000,
  );
});
