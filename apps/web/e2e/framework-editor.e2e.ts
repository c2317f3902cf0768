/**
 * Editing the PMO framework as the demo admin, in a real browser: start a draft, rename a role on the
 * roles board, add a skill with a summary, criteria and examples per level, raise an expectation in
 * the grid with the keyboard, make it optional with a role-specific statement, then reload and find
 * every change kept. Then a framework written in document version 2 (its own scale, criteria,
 * examples, an optional expectation, a level without a descriptor), imported and published, read on
 * its role page. Role-based locators only.
 */
import type { Page } from 'playwright-core';
import { expectAccessible, onPage } from './a11y';
import { DEMO, graphql, signInApi } from './api';
import { useBrowser } from './browser';

const ADMIN = { email: 'asha.patel@demo.example', password: 'trellis-demo-2026' };
const FRAMEWORK = 'PMO career framework';
const ROLE = 'PMO Analyst';
const CATEGORY = 'Reporting & management information';

/** Signs in through the sign-in page (kept here until the shared e2e support signs in). */
async function signIn(page: Page): Promise<void> {
  await page.goto('/sign-in');
  await onPage(page, 'Sign in');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await onPage(page, 'Frameworks');
}

describe('framework editor', () => {
  const e2eTest = useBrowser();

  e2eTest(
    'an admin renames a role, adds a skill with descriptors and raises an expectation; all of it is there after a reload',
    async ({ page }) => {
      const suffix = Date.now().toString(36);
      const renamed = `Reporting Analyst ${suffix}`;
      const skill = `Storytelling ${suffix}`;

      await signIn(page);
      await page.getByRole('link', { name: FRAMEWORK }).first().click();
      await page.getByRole('link', { name: 'Edit framework' }).waitFor();
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Edit framework' }).click();
      const start = page.getByRole('button', { name: 'Start editing' });
      const board = page.getByRole('button', { name: `Edit role ${ROLE}`, exact: true });
      await start.or(board).first().waitFor();
      if (await start.isVisible()) await start.click();

      // Roles board: rename the role.
      await board.click();
      const roleDialog = page.getByRole('dialog', { name: `Edit role ${ROLE}` });
      await roleDialog.getByRole('textbox', { name: 'Title' }).fill(renamed);
      await roleDialog.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('button', { name: `Edit role ${renamed}` }).waitFor();

      // Skills library: add a skill with a descriptor for every level.
      await page.getByRole('tab', { name: 'Skills' }).click();
      await page.getByRole('button', { name: `Add a skill to ${CATEGORY}` }).click();
      const skillDialog = page.getByRole('dialog', { name: `Add a skill to ${CATEGORY}` });
      await skillDialog.getByRole('textbox', { name: 'Name' }).fill(skill);
      const descriptors = skillDialog.getByRole('textbox', { name: /^Level \d · .*: summary/ });
      const levels = await descriptors.count();
      expect(levels).toBeGreaterThan(1);
      for (let i = 0; i < levels; i++) await descriptors.nth(i).fill(`Tells stories at level ${i + 1}.`);
      await skillDialog.getByRole('textbox', { name: /^Level 1 · .*: criteria/ }).fill('Tells a story with a beginning and an end\nChecks the room understood');
      await skillDialog.getByRole('textbox', { name: /^Level 1 · .*: examples/ }).fill('Explained the ERP slip to the board');
      await skillDialog.getByRole('button', { name: 'Add skill' }).click();
      await page.getByRole('button', { name: `Edit skill ${skill}` }).waitFor();

      // Expectations grid: select the cell and type a level.
      await page.getByRole('tab', { name: 'Expectations' }).click();
      const cell = page.getByRole('gridcell', { name: `${renamed}, ${skill}: not expected` });
      await cell.click();
      await page.keyboard.press('4');
      await page.getByRole('gridcell', { name: new RegExp(`^${renamed}, ${skill}: 4 `) }).waitFor();
      // O makes it optional; the terms below the grid take what this role does at that level.
      await page.keyboard.press('o');
      await page.getByRole('gridcell', { name: new RegExp(`^${renamed}, ${skill}: 4 .*, optional$`) }).waitFor();
      const terms = page.getByRole('region', { name: `Terms of ${renamed}'s expectation for ${skill}` });
      await terms.getByRole('textbox', { name: /What this role does/ }).fill('Tells the monthly story to the programme board.');
      await terms.getByRole('button', { name: 'Save terms' }).click();
      await page.getByText(/Revision \d+ · last saved/).waitFor();
      // The draft's problems are worked out as it changes: none here.
      await page.getByText('No problems: this draft can be published.').waitFor();

      // Everything was saved: a reload shows it.
      await page.reload();
      await page.getByRole('button', { name: `Edit role ${renamed}` }).waitFor();
      await page.getByRole('tab', { name: 'Skills' }).click();
      await page.getByRole('button', { name: `Edit skill ${skill}` }).click();
      const saved = page.getByRole('dialog', { name: `Edit skill ${skill}` });
      expect(await saved.getByRole('textbox', { name: /^Level 1 · .*: summary/ }).inputValue()).toBe('Tells stories at level 1.');
      expect(await saved.getByRole('textbox', { name: /^Level 1 · .*: criteria/ }).inputValue()).toBe('Tells a story with a beginning and an end\nChecks the room understood');
      expect(await saved.getByRole('textbox', { name: /^Level 1 · .*: examples/ }).inputValue()).toBe('Explained the ERP slip to the board');
      await saved.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('tab', { name: 'Expectations' }).click();
      await page.getByRole('gridcell', { name: new RegExp(`^${renamed}, ${skill}: 4 .*, optional$`) }).click();
      const savedTerms = page.getByRole('region', { name: `Terms of ${renamed}'s expectation for ${skill}` });
      expect(await savedTerms.getByRole('textbox', { name: /What this role does/ }).inputValue()).toBe('Tells the monthly story to the programme board.');
      expect(await savedTerms.getByRole('checkbox', { name: /Optional/ }).isChecked()).toBe(true);
    },
    120_000,
  );

  e2eTest(
    "a framework written with its own scales, criteria and examples shows them on the role page, and the grid edits them",
    async ({ page }) => {
      const suffix = Date.now().toString(36);
      const name = `Engineering ${suffix}`;
      const document = {
        schemaVersion: '2',
        key: `engineering-${suffix}`,
        name,
        proficiencyScale: [1, 2, 3].map((level) => ({ level, name: `Step ${level}`, summary: `Step ${level}.` })),
        scales: [{ key: 'ft', name: 'FT proficiency', levels: ['Awareness', 'Foundational', 'Working knowledge', 'Practitioner', 'Expert'].map((n, i) => ({ level: i + 1, name: n })) }],
        skillCategories: [{ key: 'technical', name: 'Technical', scaleKey: 'ft' }, { key: 'people', name: 'People' }],
        skills: [
          {
            key: 'testing',
            name: 'Testing',
            categoryKey: 'technical',
            levels: {
              '1': 'Knows why tests matter.',
              '4': { summary: 'Owns the test strategy of a system.', criteria: ['Chooses what to test at which layer', 'Keeps the suite fast'], examples: ['Cut the pipeline from 40 to 9 minutes'] },
            },
          },
          { key: 'mentoring', name: 'Mentoring', categoryKey: 'people', levels: { '1': 'Helps a colleague.', '2': 'Mentors one person.', '3': 'Runs a mentoring circle.' } },
        ],
        tracks: [{ key: 'ic', name: 'Individual contributor', kind: 'core' }, { key: 'mgmt', name: 'Management', kind: 'core' }],
        roles: [
          {
            key: 'engineer',
            title: `Engineer ${suffix}`,
            trackKey: 'ic',
            level: 1,
            summary: 'Builds features.',
            responsibilities: [],
            expectations: { testing: 4, mentoring: 1 },
            expectationDetails: { testing: { statement: 'Owns the tests of **their** team.' }, mentoring: { optional: true } },
            sharedWithTrackKeys: ['mgmt'],
          },
        ],
        transitions: [],
        qualifications: [],
      };
      const api = await signInApi(DEMO.admin);
      const created = await graphql<{ createFramework: { id: string; importWarnings: { message: string }[] } }>(
        api,
        'mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { id importWarnings { message } } }',
        { input: { source: 'IMPORT', json: JSON.stringify(document) } },
      );
      expect(created.createFramework.importWarnings).toEqual([]);
      const id = created.createFramework.id;
      const draft = await graphql<{ framework: { draft: { revision: number } } }>(api, 'query($id: ID!) { framework(id: $id) { draft { revision } } }', { id });
      await graphql(api, 'mutation($id: ID!, $revision: Int!) { publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: []) { version { number } } }', {
        id,
        revision: draft.framework.draft.revision,
      });

      await signIn(page);
      await page.getByRole('link', { name }).first().click();
      await onPage(page, name, { exact: true });
      await page.getByRole('link', { name: `Engineer ${suffix}` }).first().click();
      await onPage(page, `Engineer ${suffix}`, { exact: true });
      const table = page.getByRole('table', { name: 'Expected skills' });
      const testing = table.getByRole('row', { name: /^Testing/ });
      // The level is named from the skill's own scale; the role's statement, the criteria and examples are shown.
      await testing.getByText('Practitioner').waitFor();
      // The statement is Markdown: **their** is bold, not asterisks.
      await testing.getByText(/Owns the tests of/).waitFor();
      await testing.locator('strong', { hasText: 'their' }).waitFor();
      expect(await testing.getByRole('list', { name: 'Criteria' }).textContent()).toContain('Chooses what to test at which layer');
      expect(await testing.getByRole('list', { name: 'Examples' }).textContent()).toContain('Cut the pipeline from 40 to 9 minutes');
      await table.getByRole('row', { name: /^Mentoring/ }).getByText('Optional').waitFor();
      // A level nobody described says so.
      await testing.getByRole('button', { name: 'All levels of Testing' }).click();
      const ladder = page.getByRole('list', { name: 'Testing at every level' });
      expect(await ladder.locator(':scope > li').count()).toBe(5);
      expect(await ladder.locator(':scope > li').nth(1).textContent()).toContain('No descriptor written for this level');

      // The editor's grid reads each skill on its own scale: 5 fits Testing, not Mentoring's 3.
      await page.goto(`/frameworks/${id}/edit`);
      const start = page.getByRole('button', { name: 'Start editing' });
      await start.waitFor();
      await start.click();
      await page.getByRole('tab', { name: 'Expectations' }).click();
      await page.getByRole('gridcell', { name: `Engineer ${suffix}, Mentoring: 1 (Step 1), optional` }).click();
      await page.keyboard.press('5');
      await page.getByRole('alert').getByText('Mentoring runs from 1 to 3: 5 is not on its scale.').waitFor();
      await page.keyboard.press('o');
      await page.getByRole('gridcell', { name: `Engineer ${suffix}, Mentoring: 1 (Step 1)` }).waitFor();
      await page.getByRole('gridcell', { name: `Engineer ${suffix}, Testing: 4 (Practitioner)` }).click();
      await page.keyboard.press('5');
      await page.getByRole('gridcell', { name: `Engineer ${suffix}, Testing: 5 (Expert)` }).waitFor();
    },
    120_000,
  );
});
