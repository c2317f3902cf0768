/**
 * A newcomer's way in, in a real browser: the admin imports people from a spreadsheet's semicolon CSV,
 * invites them all in one action from the import's result, the People list counts them without a
 * reload, one of them accepts and lands on their own pages, and the admin sees that they signed in.
 * Also: the framework card's Edit opens the editor (a click the card's stretched link used to swallow).
 */
import { onPage } from './a11y';
import { DEMO } from './api';
import { useBrowser } from './browser';
import { signIn } from './session';

describe('onboarding', () => {
  const e2eTest = useBrowser();

  e2eTest('imported people are invited in one action, and one of them joins', async ({ page, newPage }) => {
    const stamp = Date.now();
    const people = [1, 2, 3].map((n) => ({ name: `Imported ${n} ${stamp}`, email: `imported.${n}.${stamp}@demo.example` }));
    const csv = ['email;name;team', ...people.map((p) => `${p.email};${p.name};Delivery/PMO`)].join('\n');

    await signIn(page, DEMO.admin);
    await page.goto('/admin/people');
    await onPage(page, 'Manage people');
    const countBefore = Number(/(\d+) people/.exec((await page.getByText(/^\d+ people$/).textContent()) ?? '')?.[1]);

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Import' }).click();
    await onPage(page, 'Import people');
    await page.getByRole('textbox', { name: 'CSV' }).fill(csv);
    await page.getByRole('button', { name: 'Preview import' }).click();
    await page.getByText('Ready to import: 3 people to create').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import complete' }).waitFor();

    await page.getByRole('button', { name: 'Invite everyone not yet invited' }).click();
    await page.getByRole('heading', { name: /people? invited$/ }).waitFor();
    const link = await page.getByRole('textbox', { name: `Invitation link for ${people[0]!.name}` }).inputValue();
    expect(link).toMatch(/\/invitations\/accept\?token=/);

    // The People list counts the new people at once (it used to say the old count until a reload).
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'People' }).click();
    await page.getByText(`${countBefore + 3} people`).waitFor();

    const invitee = await newPage();
    await invitee.goto(link);
    await onPage(invitee, /^Join /);
    await invitee.getByLabel('Password', { exact: true }).fill('a-long-enough-passphrase-42');
    await invitee.getByRole('button', { name: 'Accept invitation' }).click();
    await invitee.waitForURL((url) => url.pathname === '/my-career');
    await onPage(invitee, 'My career');

    await page.getByRole('link', { name: `Edit ${people[0]!.name}` }).click();
    await onPage(page, `Edit ${people[0]!.name}`);
    const signInSection = page.getByRole('region', { name: /Signing in/ });
    await signInSection.getByText(/last signed in/).waitFor();
    await page.goto('/admin/people');
    await page.getByRole('link', { name: `Edit ${people[1]!.name}` }).click();
    await onPage(page, `Edit ${people[1]!.name}`);
    await page.getByRole('button', { name: 'Resend the invitation' }).waitFor();
  });

  e2eTest("the framework card's Edit opens the editor", async ({ page }) => {
    await signIn(page, DEMO.admin);
    await page.goto('/frameworks');
    await onPage(page, 'Frameworks');
    await page.getByRole('link', { name: /^Edit / }).first().click();
    await page.waitForURL((url) => url.pathname.endsWith('/edit'));
  });
});
