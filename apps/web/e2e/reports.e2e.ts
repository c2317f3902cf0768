/**
 * Leadership reports in a real browser on the demo organisation (its named people plus the seeded
 * colleagues): Farid (Leadership) opens Reports, sees the skill heatmap with small groups shown as
 * "<5", drills into Delivery, downloads the heatmap CSV; at phone width only the grid scrolls
 * sideways; participation shows mentoring per team and calibration switches comparisons. Dan (an
 * employee) has no Reports entry, and the API refuses him.
 */
import { onPage } from './a11y';
import { DEMO, DEMO_PASSWORD, graphql, signInApi } from './api';
import { useBrowser } from './browser';
import { signIn } from './session';

describe('leadership reports', () => {
  const e2eTest = useBrowser();

  beforeAll(async () => {
    // The seed builds the demo's current snapshot before the app answers; the job then adds the month ends.
    const farid = await signInApi(DEMO.leadership);
    for (let attempt = 0; attempt < 60; attempt++) {
      const { reportOverview } = await graphql<{ reportOverview: { meta: { people: number } | null } }>(farid, '{ reportOverview { meta { people } } }');
      if (reportOverview.meta) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    throw new Error('the demo organisation has no report snapshot a minute after start');
  }, 90_000);

  e2eTest('leadership sees the heatmap with small groups suppressed, drills into a team and downloads the CSV', async ({ page }) => {
    await signIn(page, DEMO.leadership);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    const grid = page.getByRole('table').first();
    await grid.getByRole('rowheader', { name: /Organisation \(all\)/ }).waitFor();
    // Figures in every cell for screen readers.
    await grid.getByText(/: \d+ assessed, average level/).first().waitFor();
    await onPage(page, 'Reports');

    await grid.getByRole('button', { name: 'Delivery: open its sub-teams' }).click();
    await page.getByRole('navigation', { name: 'Team drill-down' }).getByText('Delivery').waitFor();
    const drilled = page.getByRole('table').first();
    await drilled.getByRole('rowheader', { name: /PMO/ }).waitFor();
    // Small groups (a few people rated on a skill in one team) are hidden as "<5".
    await drilled.getByText(/hidden, fewer than 5 people/).first().waitFor();
    await drilled.getByText('<5').first().waitFor();
    if (!new URL(page.url()).searchParams.get('team')) throw new Error('the drill-down is not in the address');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download heatmap CSV' }).click()]);
    const file = await download.path();
    const text = await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8'));
    if (!text.includes('Delivery')) throw new Error(`the CSV does not name the team: ${text.slice(0, 200)}`);
  });

  e2eTest('leadership sees the trend lines of the headline figures, and the same figures in a table', async ({ page }) => {
    await signIn(page, DEMO.leadership);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('tab', { name: 'Trends' }).click();
    const chart = page.getByRole('img', { name: /Trend lines of the four figures/ });
    // The month ends are the job process's work, a few seconds after start: until then the page says so.
    for (let tries = 0; ; tries++) {
      await page.getByText(/Only today's figures so far/).or(chart).first().waitFor();
      if (await chart.isVisible()) break;
      if (tries === 30) throw new Error('no month ends after a minute');
      await page.waitForTimeout(2000);
      await page.reload();
    }
    await chart.locator('.recharts-line').first().waitFor();
    // The table alternative: a row per month end and one for now, a column per line.
    const table = page.getByRole('table', { name: /Shares per month end/ });
    await table.getByRole('rowheader', { name: 'Now' }).waitFor();
    await table.getByRole('columnheader', { name: 'Reviews overdue' }).waitFor();
    if (new URL(page.url()).searchParams.get('tab') !== 'trends') throw new Error('the Trends tab is not in the address');
    await page.getByText(/Past months count today's people in their current team and role/).waitFor();
    await onPage(page, 'Reports');
  });

  e2eTest('leadership sees mentoring coverage per team and switches calibration between its comparisons', async ({ page }) => {
    await signIn(page, DEMO.leadership);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('tab', { name: 'Participation' }).click();
    const mentoring = page.locator('section', { has: page.getByRole('heading', { name: 'Mentoring' }) }).getByRole('table');
    await mentoring.getByRole('columnheader', { name: 'Open plans with a mentor' }).waitFor();
    await mentoring.getByRole('rowheader', { name: /Organisation/ }).waitFor();
    await onPage(page, 'Reports');

    await page.getByRole('tab', { name: 'Calibration' }).click();
    const chooser = page.getByRole('radiogroup', { name: 'Comparison' });
    await page.getByText(/Manager minus self rating/).waitFor();
    await chooser.getByText('Mentor vs self').click();
    // The demo's few mentor ratings may all fall under k: either the table or its empty state.
    await page.getByText(/Mentor minus self rating|No mentor vs self pairs yet/).first().waitFor();
    await chooser.getByText('Mentor vs manager').click();
    await page.getByText(/Mentor minus manager rating|No mentor vs manager pairs yet/).first().waitFor();
    await onPage(page, 'Reports');
  });

  e2eTest('at 375 px the page does not scroll sideways: only the grid does, inside its frame', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    // At phone width the main navigation is behind the menu button (as in phone-width.e2e.ts): sign in
    // through the page, then reach Reports through that menu.
    await page.goto('/sign-in');
    await onPage(page, 'Sign in');
    await page.getByLabel('E-mail').fill(DEMO.leadership);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await onPage(page, 'Frameworks');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await onPage(page, 'Reports');
    const region = page.getByRole('region', { name: 'Skill heatmap (scrolls sideways)' });
    await region.waitFor();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    if (widths.page > widths.viewport + 1) throw new Error(`the page is ${widths.page}px wide at a ${widths.viewport}px viewport`);
    const grid = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    if (grid.scroll <= grid.client) throw new Error('expected the grid to scroll inside its frame at 375 px');
  });

  e2eTest('an employee has no Reports entry and the API refuses them', async ({ page }) => {
    await signIn(page, DEMO.employee);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'My plan' }).waitFor();
    if ((await nav.getByRole('link', { name: 'Reports' }).count()) !== 0) throw new Error('an employee sees a Reports entry');
    await page.goto('/reports');
    await page.getByText('Reports are for leadership').waitFor();
    const dan = await signInApi(DEMO.employee);
    const refused = await graphql<unknown>(dan, '{ skillHeatmap { meta { k } } }').then(
      () => null,
      (error: Error) => error.message,
    );
    if (!refused || !/FORBIDDEN|not allowed/.test(refused)) throw new Error(`the API did not refuse the employee: ${String(refused)}`);
  });
});
