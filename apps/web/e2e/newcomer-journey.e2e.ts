/**
 * The newcomer journey of issue 13, end to end on a fresh organisation, in real browsers: an admin signs up
 * (a new organisation with the built-in PMO framework), renames a role in the editor, publishes, imports
 * 20 people from one CSV file (a manager and 19 reports, teams and role titles), invites them all in one
 * action and copies two links; one report accepts, makes a plan towards a target role and proposes it; the
 * manager accepts their own invitation and agrees the plan. Every interaction goes through a counting
 * `Journey` (e2e/journey.ts), which writes the counts to test-results/newcomer-journey.json (or
 * NEWCOMER_JOURNEY_OUT); bench/newcomer-journey.mjs runs this test and prints them beside the baseline.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expectAccessible, onPage } from './a11y';
import { RESULTS_DIR } from './app-server';
import { useBrowser } from './browser';
import { Journey } from './journey';

const FRAMEWORK = 'PMO career framework';
const RENAMED_FROM = 'PMO Analyst';
const RENAMED_TO = 'Delivery Analyst';
const TARGET = 'Senior PMO Analyst';
const PASSWORD = 'a-long-enough-passphrase-42';
const OUT = process.env.NEWCOMER_JOURNEY_OUT ?? path.join(RESULTS_DIR, 'newcomer-journey.json');

interface Person {
  email: string;
  name: string;
  team: string;
  managerEmail: string;
  jobTitle: string;
  role: string;
}

/** One manager and 19 reports, in two teams, with role titles of the framework (one of them the renamed role). */
function peopleOf(stamp: string): { manager: Person; reports: Person[] } {
  const manager: Person = {
    email: `mira.manager.${stamp}@newcomer.example`,
    name: `Mira Manager ${stamp}`,
    team: 'Delivery/PMO',
    managerEmail: '',
    jobTitle: 'PMO Manager',
    role: 'PMO Manager',
  };
  const roles = [RENAMED_TO, 'PMO Administrator / PMO Coordinator', 'Project Support Officer', 'Project Coordinator'];
  const reports = Array.from({ length: 19 }, (_, i): Person => {
    const role = roles[i % roles.length]!;
    return {
      email: `report.${i + 1}.${stamp}@newcomer.example`,
      name: `Report ${i + 1} ${stamp}`,
      team: i % 2 === 0 ? 'Delivery/PMO' : 'Delivery/Projects',
      managerEmail: manager.email,
      jobTitle: role,
      role,
    };
  });
  return { manager, reports };
}

function csvOf(people: Person[]): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const rows = people.map((p) => [p.email, p.name, p.team, p.managerEmail, p.jobTitle, p.role].map(quote).join(','));
  return ['email,name,team,manager_email,job_title,role', ...rows].join('\n') + '\n';
}

/** What an invitee does with the link they were sent: open it, choose a password, accept. */
async function acceptInvitation(journey: Journey, page: Page, link: string): Promise<void> {
  await journey.openLink(page, link);
  await onPage(page, /^Join /);
  await journey.fill(page.getByLabel('Password', { exact: true }), PASSWORD);
  await journey.click(page.getByRole('button', { name: 'Accept invitation' }));
  await page.waitForURL((url) => !url.pathname.startsWith('/invitations'));
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Copies a person's invitation link with its "Copy link" button and reads the clipboard, as the admin pasting it would. */
async function copyLink(journey: Journey, page: Page, name: string): Promise<string> {
  const field = page.getByRole('textbox', { name: `Invitation link for ${name}` });
  const row = page.getByRole('row').filter({ has: field });
  await journey.click(row.getByRole('button', { name: 'Copy link' }));
  await row.getByText('Link copied to the clipboard.').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await field.inputValue());
  expect(copied).toMatch(/\/invitations\/accept\?token=/);
  return copied;
}

describe('newcomer journey', () => {
  const e2eTest = useBrowser();

  e2eTest(
    'a new organisation: sign up, customise and publish the framework, import and invite 20 people, one plan made and agreed',
    async ({ page, newPage }) => {
      const stamp = Date.now().toString(36);
      const { manager, reports } = peopleOf(stamp);
      const employee = reports[0]!;
      const journey = new Journey();
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

      journey.step('sign up (new organisation)');
      await journey.openLink(page, '/sign-up');
      await onPage(page, 'Sign up');
      await journey.fill(page.getByRole('textbox', { name: 'Organisation name' }), `Newcomer ${stamp}`);
      await journey.fill(page.getByRole('textbox', { name: 'Your name' }), `Nora Newcomer ${stamp}`);
      await journey.fill(page.getByRole('textbox', { name: 'E-mail' }), `nora.${stamp}@newcomer.example`);
      await journey.fill(page.getByLabel('Password', { exact: true }), PASSWORD);
      await journey.click(page.getByRole('button', { name: 'Sign up' }));
      await onPage(page, 'Getting started');

      journey.step('customise the framework (rename a role)');
      await journey.click(page.getByRole('list', { name: 'Steps' }).getByRole('link', { name: 'Review your framework' }));
      await onPage(page, `Edit ${FRAMEWORK}`);
      const start = page.getByRole('button', { name: 'Start editing' });
      const board = page.getByRole('button', { name: `Edit role ${RENAMED_FROM}`, exact: true });
      await start.or(board).first().waitFor();
      if (await start.isVisible()) await journey.click(start);
      await journey.click(board);
      const roleDialog = page.getByRole('dialog', { name: `Edit role ${RENAMED_FROM}` });
      await journey.fill(roleDialog.getByRole('textbox', { name: 'Title' }), RENAMED_TO);
      await journey.click(roleDialog.getByRole('button', { name: 'Save' }));
      await page.getByRole('button', { name: `Edit role ${RENAMED_TO}`, exact: true }).waitFor();
      await page.getByText(/Revision \d+ · last saved/).waitFor();
      await page.getByText('No problems: this draft can be published.').waitFor();
      await expectAccessible(page); // the editor again, now with a draft and its problems panel

      journey.step('publish');
      await journey.click(page.getByRole('link', { name: 'Versions and publishing' }));
      await onPage(page, `Versions of ${FRAMEWORK}`);
      await journey.click(page.getByRole('button', { name: 'Review and publish…' }));
      const publish = page.getByRole('dialog', { name: 'Publish the draft' });
      await journey.click(publish.getByRole('button', { name: /^Publish version \d+$/ }));
      const published = page.getByRole('status').filter({ hasText: /Version \d+ is published/ });
      await published.waitFor();

      journey.step('import 20 people from one CSV file');
      await journey.click(published.getByRole('link', { name: 'import your people' }));
      await onPage(page, 'Import people');
      await journey.chooseFile(page, page.getByRole('button', { name: 'Choose a CSV file' }), {
        name: 'people.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csvOf([manager, ...reports])),
      });
      await page.getByText('Read people.csv').waitFor();
      await journey.click(page.getByRole('button', { name: 'Preview import' }));
      await page.getByText('Ready to import: 20 people to create').waitFor();
      await journey.click(page.getByRole('button', { name: 'Import', exact: true }));
      await page.getByRole('heading', { name: 'Import complete' }).waitFor();

      journey.step('invite all 20 in one action, copy two links');
      await journey.click(page.getByRole('button', { name: 'Invite everyone not yet invited' }));
      await page.getByRole('heading', { name: '20 people invited' }).waitFor();
      const employeeLink = await copyLink(journey, page, employee.name);
      const managerLink = await copyLink(journey, page, manager.name);

      journey.step('a report accepts, makes a plan and proposes it');
      const invitee = journey.watch(await newPage());
      await acceptInvitation(journey, invitee, employeeLink);
      await onPage(invitee, 'My career');
      await journey.click(invitee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My plan' }));
      await onPage(invitee, 'My development plan');
      await journey.select(invitee.getByRole('combobox', { name: 'Target role' }), { label: TARGET });
      await journey.click(invitee.getByRole('button', { name: 'Create my plan' }));
      await invitee.getByRole('heading', { name: `Towards ${TARGET}` }).waitFor();
      await journey.click(invitee.getByRole('button', { name: `Propose to ${manager.name} (your manager)` }));
      await invitee.getByText(`Sent to ${manager.name} for agreement.`).waitFor();

      journey.step('the manager accepts and agrees the plan');
      const boss = journey.watch(await newPage());
      await acceptInvitation(journey, boss, managerLink);
      await onPage(boss, 'My career');
      await journey.click(boss.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My team' }));
      await onPage(boss, 'My team’s plans');
      await journey.click(boss.getByRole('link', { name: `Review ${employee.name}’s plan` }));
      await onPage(boss, `${employee.name}’s development plan`);
      await journey.click(boss.getByRole('button', { name: 'Agree…' }));
      const agree = boss.getByRole('dialog', { name: `Agree ${employee.name}’s plan?` });
      await journey.click(agree.getByRole('button', { name: 'Agree the plan' }));
      await boss.getByText(`Agreed ${employee.name}’s plan.`).waitFor();

      // The employee sees it agreed.
      await invitee.reload();
      await invitee.getByRole('heading', { name: `Towards ${TARGET}` }).waitFor();
      await invitee.getByRole('main').getByText('Agreed', { exact: true }).first().waitFor();

      journey.write(OUT, {
        journey: 'newcomer (issue 13)',
        people: 20,
        note: 'interactions: clicks, fills, selects, key presses, file choices and links opened (the sign-up address, each invitation link); pages: route loads to another path, per browser, redirect-only routes excluded',
      });
      const totals = journey.totals();
      // The counts are figures for the bench, not assertions; they only have to be real.
      expect(totals.interactions).toBeGreaterThan(0);
      expect(totals.pages).toBeGreaterThan(0);
    },
    240_000,
  );
});
