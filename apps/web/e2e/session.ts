/** Signing in through the sign-in page, as a person would. */
import type { Page } from 'playwright-core';
import { expectAccessible } from './a11y';
import { DEMO_PASSWORD } from './api';

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').waitFor();
  await expectAccessible(page);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  // The page signing in led to (the frameworks list, or where `next` pointed).
  await expectAccessible(page);
}
