/**
 * Browsing the seeded PMO framework in a real browser: frameworks page (/frameworks) → framework (tracks) → role
 * (expected skills with descriptors), with the mouse and with the keyboard alone.
 * Locators are role-based only: what a screen-reader user can find, the test can find.
 */
import type { Locator, Page } from 'playwright-core';
import { DEMO, frameworkFacts, signInApi, type FrameworkFacts } from './api';
import { onPage } from './a11y';
import { useBrowser } from './browser';
import { signIn } from './session';

const FRAMEWORK_LINK = 'PMO career framework';
const ROLE = 'PMO Analyst';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The framework page: its name as the page's h1, and a heading for each of its tracks. */
async function expectFrameworkPage(page: Page, facts: FrameworkFacts): Promise<void> {
  await onPage(page, facts.frameworkName, { exact: true });
  expect(facts.trackNames.length).toBeGreaterThan(0);
  for (const track of facts.trackNames) {
    await page.getByRole('heading', { name: track, exact: true }).first().waitFor();
  }
}

function roleLink(page: Page): Locator {
  return page.getByRole('link', { name: ROLE, exact: true }).first();
}

describe('framework browser', () => {
  const e2eTest = useBrowser();
  let facts: FrameworkFacts;

  beforeAll(async () => {
    facts = await frameworkFacts(await signInApi(DEMO.employee), FRAMEWORK_LINK, ROLE);
  });

  e2eTest('opens the PMO framework, sees its tracks and a role with its expected skills', async ({ page }) => {
    await signIn(page, DEMO.employee);
    // `/` is an employee's My career now; the frameworks list has its own address.
    await page.goto('/frameworks');
    await onPage(page, 'Frameworks', { exact: true });
    await page.getByRole('link', { name: FRAMEWORK_LINK }).first().click();

    await expectFrameworkPage(page, facts);

    await roleLink(page).click();
    await onPage(page, ROLE, { exact: true });

    const table = page.getByRole('table', { name: 'Expected skills' });
    await table.waitFor();
    const rows = (await table.getByRole('row').allTextContents()).map(normalise);
    expect(rows.length).toBeGreaterThan(1); // a header row and at least one skill

    const descriptors = facts.expectations.map((e) => normalise(e.descriptor)).filter((d) => d.length > 0);
    expect(descriptors.length).toBeGreaterThan(0);
    const rowsWithDescriptor = rows.filter((row) => descriptors.some((d) => row.includes(d)));
    if (rowsWithDescriptor.length === 0) {
      throw new Error(
        `no row of "Expected skills" shows a descriptor of ${ROLE}'s expected levels.\n` +
          `first rows: ${JSON.stringify(rows.slice(0, 3))}\nfirst descriptor from the API: ${JSON.stringify(descriptors[0])}`,
      );
    }
  });

  e2eTest('keyboard only: Tab to the framework link and Enter opens the framework page', async ({ page, baseURL }) => {
    await signIn(page, DEMO.employee);
    await page.goto('/frameworks');
    await onPage(page, 'Frameworks', { exact: true });
    const links = page.getByRole('link', { name: FRAMEWORK_LINK });
    await links.first().waitFor();
    const href = await links.first().getAttribute('href');
    expect(href).toBeTruthy();

    let focused = false;
    for (let presses = 0; presses < 40 && !focused; presses++) {
      await page.keyboard.press('Tab');
      focused = await links.evaluateAll((els) => els.some((el) => el === document.activeElement));
    }
    if (!focused) throw new Error(`the "${FRAMEWORK_LINK}" link never took the focus within 40 presses of Tab`);

    await page.keyboard.press('Enter');
    const target = new URL(href ?? '', baseURL).pathname;
    await page.waitForURL((url) => url.pathname === target);
    await expectFrameworkPage(page, facts);
    await roleLink(page).waitFor();
  });
});
