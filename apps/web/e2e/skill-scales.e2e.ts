/**
 * Levels named on each skill's own scale, in a real browser: the admin imports and publishes a framework where one
 * skill has three levels of its own (Spots, Handles, Leads) beside a skill on the usual five, and moves Jack (a demo
 * employee no other browser test uses) onto it. Comparing its roles names the levels on each skill's scale; on My
 * career, Jack's rating control offers exactly the three-level skill's three levels, with their summaries. Jack's
 * role is put back afterwards. Role-based locators only; axe on every page visited.
 */
import { onPage } from './a11y';
import { DEMO, graphql, signInApi, type ApiSession } from './api';
import { useBrowser } from './browser';
import { signIn } from './session';

const JACK = 'jack.wilson@demo.example';
const SKILLS_CSV = `Category,Skill,Level,Level name,Summary
Operations,Incident response,1,Spots,Notices when something is wrong
Operations,Incident response,2,Handles,Runs an incident alone
Operations,Incident response,3,Leads,Leads the response to **major** incidents
Operations,Runbook writing,1,Aware,
Operations,Runbook writing,2,Practised,
Operations,Runbook writing,3,Competent,
Operations,Runbook writing,4,Proficient,
Operations,Runbook writing,5,Expert,
`;
const ROLES_CSV = `Track,Role,Rung,Role summary,Skill,Expected level
Operations,Operator,1,Keeps the services running,Incident response,1
Operations,Operator,1,Keeps the services running,Runbook writing,2
Operations,Senior operator,2,Leads the on-call rota,Incident response,3
Operations,Senior operator,2,Leads the on-call rota,Runbook writing,4
`;

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('levels on each skill’s own scale', () => {
  const e2eTest = useBrowser();
  let admin: ApiSession;
  let framework: { id: string; roles: Map<string, string> };
  let jack: { id: string; version: number; currentRoleId: string | null };

  const jackNow = async () => {
    const { people } = await graphql<{ people: { id: string; email: string | null; version: number; currentRole: { id: string } | null }[] }>(
      admin,
      'query($search: String) { people(search: $search) { id email version currentRole { id } } }',
      { search: 'Jack Wilson' },
    );
    const found = people.find((p) => p.email === JACK);
    if (!found) throw new Error('the demo has no Jack Wilson');
    return { id: found.id, version: found.version, currentRoleId: found.currentRole?.id ?? null };
  };
  const moveJack = async (roleId: string | null) => {
    const now = await jackNow();
    await graphql(admin, 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }', {
      input: { id: now.id, expectedVersion: now.version, currentRoleId: roleId },
    });
  };

  beforeAll(async () => {
    admin = await signInApi(DEMO.admin);
    const name = `Operations ${Date.now().toString(36)}`;
    const { createFrameworkFromImport: created } = await graphql<{ createFrameworkFromImport: { id: string; draft: { revision: number } } }>(
      admin,
      'mutation($input: FrameworkImportInput!) { createFrameworkFromImport(input: $input) { id draft { revision } } }',
      { input: { name, files: [{ name: 'skills.csv', text: SKILLS_CSV }, { name: 'roles.csv', text: ROLES_CSV }] } },
    );
    await graphql(admin, 'mutation($id: ID!, $revision: Int!) { publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: []) { __typename } }', {
      id: created.id,
      revision: created.draft.revision,
    });
    const { framework: published } = await graphql<{ framework: { currentVersion: { roles: { id: string; title: string }[] } } }>(
      admin,
      'query($id: ID!) { framework(id: $id) { currentVersion { roles { id title } } } }',
      { id: created.id },
    );
    framework = { id: created.id, roles: new Map(published.currentVersion.roles.map((r) => [r.title, r.id])) };
    jack = await jackNow();
    await moveJack(framework.roles.get('Operator')!);
  });

  afterAll(async () => {
    if (jack) await moveJack(jack.currentRoleId);
  });

  e2eTest('names levels on each skill’s scale when comparing roles, and rates a 3-level skill with exactly its 3 levels', async ({ page }) => {
    await signIn(page, JACK);
    await page.goto(`/frameworks/${framework.id}/compare?from=${framework.roles.get('Operator')}&to=${framework.roles.get('Senior operator')}`);
    await onPage(page, 'Compare roles');
    const table = page.getByRole('table', { name: 'From Operator to Senior operator' });
    await table.waitFor();
    const row = (skill: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: skill, exact: true }) });
    expect(normalise(await row('Incident response').innerText())).toContain('Level 1 · Spots');
    expect(normalise(await row('Incident response').innerText())).toContain('Level 3 · Leads');
    expect(normalise(await row('Runbook writing').innerText())).toContain('Level 4 · Proficient');

    await page.goto('/my-career');
    await onPage(page, 'My career');
    const control = page.getByRole('combobox', { name: 'My rating of Incident response' });
    await control.waitFor();
    const options = (await control.locator('option').allInnerTexts()).map(normalise);
    expect(options).toEqual(['Not rated', '1 · Spots: Notices when something is wrong', '2 · Handles: Runs an incident alone', '3 · Leads: Leads the response to major incidents']);
    expect(await page.getByRole('combobox', { name: 'My rating of Runbook writing' }).locator('option').count()).toBe(6);
    await control.selectOption('2');
    await page.getByText('Rated Incident response at 2 · Handles.').waitFor();
  });
});
