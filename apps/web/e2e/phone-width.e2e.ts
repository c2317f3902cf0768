/**
 * At phone width (375 px) the pages fit the screen: the main navigation collapses behind a menu button
 * instead of widening the page, and no main page is wider than the viewport. Each page is audited with
 * axe-core at this width too (contrast and names do not change, but what is shown does).
 */
import type { Page } from 'playwright-core';
import { expectAccessible, onPage } from './a11y';
import { DEMO, DEMO_PASSWORD } from './api';
import { useBrowser } from './browser';

const PHONE = { width: 375, height: 812 };

async function expectFitsTheScreen(page: Page): Promise<void> {
  const { documentWidth, viewport } = await page.evaluate(() => ({
    documentWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect({ path: new URL(page.url()).pathname, documentWidth }).toEqual({ path: new URL(page.url()).pathname, documentWidth: Math.min(documentWidth, viewport) });
  expect(viewport).toBe(PHONE.width);
}

describe('phone width', () => {
  const e2eTest = useBrowser();

  e2eTest(
    'the menu button opens the main navigation, and every main page fits a 375 px screen',
    async ({ page, newPage }) => {
      await page.setViewportSize(PHONE);
      await page.goto('/sign-in');
      await onPage(page, 'Sign in');
      await expectFitsTheScreen(page);
      // A wrong password says so (the API's words), not that a session ended; the page stays on the form.
      await page.getByLabel('E-mail').fill(DEMO.admin);
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'Could not sign in' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('That e-mail and password do not match an account.');
      expect(await page.getByText(/session has ended/i).count()).toBe(0);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await expectFitsTheScreen(page);
      await expectAccessible(page);

      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      await onPage(page, 'Frameworks');
      await expectFitsTheScreen(page);

      // The header's links are hidden at this width; the menu button shows them, and closes after a choice.
      const menu = page.getByRole('button', { name: 'Menu' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

      const pages: { link: string; heading: string | RegExp }[] = [
        { link: 'My career', heading: 'My career' },
        { link: 'My plan', heading: 'My development plan' },
        { link: 'People', heading: 'People' },
        { link: 'Teams', heading: 'Teams' },
        { link: 'Shared with me', heading: 'Shared with me' },
        { link: 'Mentoring', heading: 'My mentors' },
        { link: 'Reports', heading: 'Reports' },
        { link: 'Admin', heading: 'Manage people' },
        { link: 'Frameworks', heading: 'Frameworks' },
      ];
      for (const { link, heading } of pages) {
        await page.getByRole('button', { name: 'Menu' }).click();
        const nav = page.getByRole('navigation', { name: 'Main' });
        await nav.getByRole('link', { name: link }).click();
        await onPage(page, heading);
        expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
        await expectFitsTheScreen(page);
      }

      await page.getByRole('button', { name: /^Asha Patel/ }).click();
      await page.getByRole('link', { name: 'My account' }).click();
      await onPage(page, 'My account');
      await expectFitsTheScreen(page);
      await expectAccessible(page);

      await page.goto('/admin/getting-started');
      await onPage(page, 'Getting started');
      await expectFitsTheScreen(page);

      // A manager's own page: at this width each person on the team is a card (five columns do not fit).
      const manager = await newPage();
      await manager.setViewportSize(PHONE);
      await manager.goto('/sign-in?next=%2Fmy-team');
      await onPage(manager, 'Sign in');
      await manager.getByLabel('E-mail').fill(DEMO.manager);
      await manager.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await manager.getByRole('button', { name: 'Sign in' }).click();
      await manager.waitForURL((url) => url.pathname === '/my-team');
      await onPage(manager, 'My team’s plans');
      const cards = manager.getByRole('list', { name: 'Team plans' });
      await cards.waitFor();
      expect(await manager.getByRole('table', { name: 'Team plans' }).count()).toBe(0);
      expect(await cards.getByRole('listitem').count()).toBeGreaterThanOrEqual(4);
      await expectFitsTheScreen(manager);
      await expectAccessible(manager);
    },
    120_000,
  );
});
