/**
 * Editing the PMO framework as the demo admin, in a real browser: start a draft, rename a role on the
 * roles board, add a skill with a descriptor per level, raise an expectation in the grid with the
 * keyboard, then reload and find every change kept. Role-based locators only.
 */
import type { Page } from 'playwright-core';
import { expectAccessible, onPage } from './a11y';
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
      const descriptors = skillDialog.getByRole('textbox', { name: /^Level \d/ });
      const levels = await descriptors.count();
      expect(levels).toBeGreaterThan(1);
      for (let i = 0; i < levels; i++) await descriptors.nth(i).fill(`Tells stories at level ${i + 1}.`);
      await skillDialog.getByRole('button', { name: 'Add skill' }).click();
      await page.getByRole('button', { name: `Edit skill ${skill}` }).waitFor();

      // Expectations grid: select the cell and type a level.
      await page.getByRole('tab', { name: 'Expectations' }).click();
      const cell = page.getByRole('gridcell', { name: `${renamed}, ${skill}: not expected` });
      await cell.click();
      await page.keyboard.press('4');
      await page.getByRole('gridcell', { name: new RegExp(`^${renamed}, ${skill}: 4 `) }).waitFor();

      // Everything was saved: a reload shows it.
      await page.reload();
      await page.getByRole('button', { name: `Edit role ${renamed}` }).waitFor();
      await page.getByRole('tab', { name: 'Skills' }).click();
      await page.getByRole('button', { name: `Edit skill ${skill}` }).click();
      const saved = page.getByRole('dialog', { name: `Edit skill ${skill}` });
      expect(await saved.getByRole('textbox', { name: /^Level 1/ }).inputValue()).toBe('Tells stories at level 1.');
      await saved.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('tab', { name: 'Expectations' }).click();
      await page.getByRole('gridcell', { name: new RegExp(`^${renamed}, ${skill}: 4 `) }).waitFor();
    },
    120_000,
  );
});
