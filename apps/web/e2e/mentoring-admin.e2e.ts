/**
 * The mentoring admin page in a real browser: Asha (the demo admin) sets the fizzle period to one
 * week on Admin > Mentoring, and the demo's active pair whose last session was 12 days ago (Ella
 * Nguyen mentored by Hugo Silva) appears among the fizzling pairs, and Hugo sees the flag on his list
 * and the pair's page; she downloads the page as CSV;
 * the page fits 375 px. The organisation's settings are put back afterwards (the demo organisation is
 * shared by every e2e file), and nothing here depends on another file having run.
 */
import fs from 'node:fs';
import { DEMO, graphql, signInApi, type ApiSession } from './api';
import { useBrowser } from './browser';
import { onPage } from './a11y';
import { signIn } from './session';

interface Settings {
  fizzleWeeks: number;
  crossTeam: string;
  version: number;
}
const readSettings = async (admin: ApiSession) => (await graphql<{ mentoringSettings: Settings }>(admin, '{ mentoringSettings { fizzleWeeks crossTeam version } }')).mentoringSettings;

describe('mentoring admin', () => {
  const e2eTest = useBrowser();
  let admin: ApiSession;
  let before: Settings;

  beforeAll(async () => {
    admin = await signInApi(DEMO.admin);
    before = await readSettings(admin);
  });

  afterAll(async () => {
    const now = await readSettings(admin);
    await graphql(admin, 'mutation($input: MentoringSettingsInput!) { updateMentoringSettings(input: $input) { version } }', {
      input: { fizzleWeeks: before.fizzleWeeks, crossTeam: before.crossTeam, expectedVersion: now.version },
    });
  });

  e2eTest('an admin sets the fizzle period, sees the fizzling pair and downloads the page as CSV', async ({ page, newPage }) => {
    await signIn(page, DEMO.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await onPage(page, 'Manage people');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Mentoring' }).click();
    await onPage(page, 'Mentoring');
    await page.getByRole('region', { name: 'Every open relationship' }).waitFor();

    const weeks = page.getByRole('textbox', { name: /Weeks without a session before a pair is flagged/ });
    await weeks.fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Use a whole number of weeks from 1 to 26.').waitFor();
    await weeks.fill('1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved: pairs are flagged after 1 week without a session.').waitFor();

    await page.reload();
    await onPage(page, 'Mentoring');
    const fizzling = page.getByRole('region', { name: 'Fizzling pairs' });
    const ella = fizzling.getByRole('row').filter({ hasText: 'Ella Nguyen' }).filter({ hasText: 'Hugo Silva' });
    await ella.getByText(/^No session for \d+ weeks?$/).waitFor();
    await onPage(page, 'Mentoring');
    // The pair sees the flag on its own list: Hugo, who mentors Ella, lands on My mentees.
    const hugo = await newPage();
    await signIn(hugo, 'hugo.silva@demo.example');
    await hugo.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentoring' }).click();
    await onPage(hugo, 'My mentees');
    await hugo.getByRole('listitem').filter({ hasText: 'Ella Nguyen' }).getByText(/^No session for \d+ weeks?$/).waitFor();
    await hugo.getByRole('link', { name: 'Ella Nguyen' }).first().click();
    await onPage(hugo, 'Mentoring Ella Nguyen');
    await hugo.getByRole('alert').filter({ hasText: /No session for \d+ weeks?/ }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    if (!text.startsWith('Relationship: mentee,Mentor,Status,')) throw new Error(`the CSV does not start with its header: ${text.slice(0, 200)}`);
    if (!/\nElla Nguyen,Hugo Silva,active,[^\n]*,yes,\d+/.test(text)) throw new Error(`the CSV does not flag Ella and Hugo: ${text.slice(0, 600)}`);

    // At phone width the page does not scroll sideways (its tables scroll inside their frames).
    await page.setViewportSize({ width: 375, height: 800 });
    await onPage(page, 'Mentoring');
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    if (widths.page > widths.viewport + 1) throw new Error(`the page is ${widths.page}px wide at a ${widths.viewport}px viewport`);
  });
});
