/**
 * Identity in a real browser: the demo admin invites a person, the person accepts the invitation in
 * a second browser (their own cookies), and then sees only what an employee may see, in the page and
 * in what the API answers.
 */
import type { Page } from 'playwright-core';
import { DEMO } from './api';
import { expectAccessible, onPage } from './a11y';
import { useBrowser } from './browser';
import { signIn } from './session';

const INVITEE_PASSWORD = 'a-long-enough-passphrase-42';

/** Calls the API from inside the page, so with that page's session cookie. */
async function graphqlFromPage(page: Page, query: string): Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }> {
  return page.evaluate(async (body) => {
    const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  }, JSON.stringify({ query }));
}

describe('invitations', () => {
  const e2eTest = useBrowser();

  e2eTest('the admin invites a person, who accepts and sees only what an employee may see', async ({ page, newPage }) => {
    const name = 'Nadia Invitee';
    const email = `nadia.${Date.now()}@demo.example`;

    await signIn(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await onPage(page, 'Manage people');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Invitations' }).click();
    await onPage(page, 'Invitations');
    await page.getByRole('heading', { name: 'Invite a person' }).waitFor();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('button', { name: 'Send invitation' }).click();

    await page.getByRole('heading', { name: `${name} is invited` }).waitFor();
    const link = await page.getByRole('textbox', { name: 'Invitation link' }).inputValue();
    expect(link).toMatch(/\/invitations\/accept\?token=/);
    await page.getByRole('table').getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) }).waitFor();

    const invitee = await newPage();
    await invitee.goto(link);
    await onPage(invitee, /^Join /);
    await invitee.getByLabel('Password', { exact: true }).fill(INVITEE_PASSWORD);
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    const nav = invitee.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();

    // The page offers no admin area, and typing its address explains why not.
    await nav.getByRole('link', { name: 'Frameworks' }).waitFor();
    await expectAccessible(invitee);
    expect(await nav.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await invitee.goto('/admin/invitations');
    await onPage(invitee, 'You need admin rights');

    // The API refuses it too, whatever the page shows.
    const viewer = await graphqlFromPage(invitee, '{ viewer { person { name email accessRole } } }');
    expect(viewer).toEqual({ data: { viewer: { person: { name, email, accessRole: 'EMPLOYEE' } } } });
    const refused = await graphqlFromPage(invitee, '{ invitations { id } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
