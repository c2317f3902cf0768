/**
 * Comparing roles and finding a route in a real browser, signed in as a demo employee (Dan, a PMO
 * Analyst). What the pages should show is asked of the running API as Dan, never copied from the seed.
 * Locators are role-based only.
 */
import type { Locator } from 'playwright-core';
import { DEMO, graphql, signInApi } from './api';
import { onPage } from './a11y';
import { useBrowser } from './browser';
import { signIn } from './session';

const FROM_ROLE = 'PMO Analyst';
const COMPARE_TO = 'Senior PMO Analyst';
const ROUTE_TO = 'Project Manager';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

async function waitForValue(select: Locator, value: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (let current = await select.inputValue(); current !== value; current = await select.inputValue()) {
    if (Date.now() > deadline) throw new Error(`the select shows "${current}", expected "${value}"`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Facts {
  frameworkId: string;
  roleId: (title: string) => string;
  change: { skill: { name: string }; fromDescriptor: string; toDescriptor: string };
  route: { found: boolean; steps: { from: { title: string }; to: { title: string } }[] };
}

describe('role comparison and career routes', () => {
  const e2eTest = useBrowser();
  let facts: Facts;

  beforeAll(async () => {
    const session = await signInApi(DEMO.employee);
    const ask = <T>(query: string, variables: Record<string, unknown> = {}) => graphql<T>(session, query, variables);
    const { frameworks } = await ask<{ frameworks: { id: string; currentVersion: { roles: { id: string; title: string }[] } | null }[] }>(
      '{ frameworks { id currentVersion { roles { id title } } } }',
    );
    const framework = frameworks.find((f) => f.currentVersion?.roles.some((r) => r.title === FROM_ROLE));
    if (!framework) throw new Error(`no published framework has a role "${FROM_ROLE}"`);
    const roleId = (title: string) => {
      const role = framework.currentVersion!.roles.find((r) => r.title === title);
      if (!role) throw new Error(`no role "${title}"`);
      return role.id;
    };
    const { roleComparison } = await ask<{ roleComparison: { changes: Facts['change'][] } }>(
      'query($from: ID!, $to: ID!) { roleComparison(fromRoleId: $from, toRoleId: $to) { changes { skill { name } fromDescriptor toDescriptor } } }',
      { from: roleId(FROM_ROLE), to: roleId(COMPARE_TO) },
    );
    const change = roleComparison.changes.find((c) => c.fromDescriptor && c.toDescriptor);
    if (!change) throw new Error(`no skill of ${FROM_ROLE} → ${COMPARE_TO} has descriptors at both levels`);
    const { careerRoute } = await ask<{ careerRoute: Facts['route'] }>(
      'query($from: ID!, $to: ID!) { careerRoute(fromRoleId: $from, toRoleId: $to) { found steps { from { title } to { title } } } }',
      { from: roleId(FROM_ROLE), to: roleId(ROUTE_TO) },
    );
    if (!careerRoute.found) throw new Error(`the seeded framework has no route from ${FROM_ROLE} to ${ROUTE_TO}`);
    facts = { frameworkId: framework.id, roleId, change, route: careerRoute };
  });

  e2eTest('compares PMO Analyst with Senior PMO Analyst from the role page, with both descriptors of a differing skill', async ({ page }) => {
    await signIn(page, DEMO.employee);
    await page.goto(`/roles/${facts.roleId(FROM_ROLE)}`);
    await onPage(page, FROM_ROLE, { exact: true });
    await page.getByRole('link', { name: 'Compare with…' }).click();

    await onPage(page, 'Compare roles');
    expect(await page.getByRole('combobox', { name: 'Compare from' }).inputValue()).toBe(facts.roleId(FROM_ROLE));
    await page.getByRole('combobox', { name: 'Compare to' }).selectOption({ label: COMPARE_TO });

    const table = page.getByRole('table', { name: `From ${FROM_ROLE} to ${COMPARE_TO}` });
    await table.waitFor();
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: facts.change.skill.name, exact: true }) });
    const text = normalise(await row.innerText());
    expect(text).toContain(normalise(facts.change.fromDescriptor));
    expect(text).toContain(normalise(facts.change.toDescriptor));
  });

  e2eTest('finds a route from PMO Analyst to Project Manager, starting from the current role, highlighted on the graph', async ({ page }) => {
    await signIn(page, DEMO.employee);
    await page.goto(`/frameworks/${facts.frameworkId}/paths`);
    await onPage(page, 'Find a route');

    // Dan's current role is filled in once the page knows it.
    await waitForValue(page.getByRole('combobox', { name: 'From role' }), facts.roleId(FROM_ROLE));
    const to = page.getByRole('combobox', { name: 'To role' });
    await to.focus();
    await to.selectOption({ label: ROUTE_TO });

    await page.getByRole('heading', { level: 2, name: `Route from ${FROM_ROLE} to ${ROUTE_TO}` }).waitFor();
    const headings = await page.getByRole('list', { name: 'Steps of the route' }).getByRole('heading', { level: 3 }).allInnerTexts();
    expect(headings.map(normalise)).toEqual(facts.route.steps.map((step, i) => `Step ${i + 1}: ${step.from.title} → ${step.to.title}`));

    const graph = page.getByTestId('role-graph');
    await graph.getByText('Start', { exact: true }).waitFor();
    expect(await graph.getByText(/^Step \d+$/).count()).toBe(facts.route.steps.length);
  });
});
