/**
 * Versions in a real browser: after a draft edit (made through the API, as an import would), the demo
 * admin reviews the impact preview, publishes the next version, and reads the diff between it and the
 * version it replaced.
 */
import { DEMO, graphql, signInApi, type ApiSession } from './api';
import { onPage } from './a11y';
import { useBrowser } from './browser';
import { signIn } from './session';

interface Framework {
  id: string;
  name: string;
  currentVersion: { number: number };
  draft: { revision: number } | null;
}

/**
 * Makes the PMO framework's draft the published version with one expectation of the Head of PMO raised.
 * It starts from the published version, not from whatever draft another test left open, so that only
 * this change is published and the other suites still find the framework they expect.
 */
async function editDraft(session: ApiSession): Promise<{ framework: Framework; skillName: string; before: number }> {
  const { frameworks } = await graphql<{ frameworks: Framework[] }>(session, '{ frameworks { id name currentVersion { number } draft { revision } } }');
  const framework = frameworks.find((f) => f.name.toLowerCase().includes('pmo'));
  if (!framework) throw new Error('the API has no PMO framework');
  const started = await graphql<{ startFrameworkDraft: { revision: number } }>(
    session,
    'mutation E2EStartDraft($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }',
    { id: framework.id },
  );
  const { frameworkDocument } = await graphql<{ frameworkDocument: string }>(
    session,
    'query E2EExport($id: ID!, $version: Int) { frameworkDocument(frameworkId: $id, version: $version) }',
    { id: framework.id, version: framework.currentVersion.number },
  );
  const document = JSON.parse(frameworkDocument) as {
    skills: { key: string; name: string }[];
    roles: { key: string; expectations: Record<string, number> }[];
    proficiencyScale: { level: number }[];
  };
  const head = document.roles.find((role) => role.key === 'head-of-pmo');
  const max = Math.max(...document.proficiencyScale.map((step) => step.level));
  const raised = Object.entries(head?.expectations ?? {}).find(([, level]) => level < max);
  if (!head || !raised) throw new Error('the Head of PMO has no expectation to raise');
  const [skillKey, before] = raised;
  head.expectations[skillKey] = before + 1;
  await graphql(session, 'mutation E2EReplaceDraft($id: ID!, $revision: Int!, $json: String!) { replaceFrameworkDraft(frameworkId: $id, expectedRevision: $revision, json: $json) { revision } }', {
    id: framework.id,
    revision: started.startFrameworkDraft.revision,
    json: JSON.stringify(document),
  });
  const skillName = document.skills.find((skill) => skill.key === skillKey)!.name;
  return { framework, skillName, before };
}

describe('framework versions', () => {
  const e2eTest = useBrowser();

  e2eTest('the admin previews the impact of a draft, publishes it and reads the diff between the versions', async ({ page }) => {
    const { framework, skillName, before } = await editDraft(await signInApi(DEMO.admin));
    const published = framework.currentVersion.number;
    const next = published + 1;

    await signIn(page, DEMO.admin);
    await page.goto(`/frameworks/${framework.id}`);
    await onPage(page, framework.name, { exact: true });
    await page.getByRole('link', { name: 'Versions' }).click();
    await onPage(page, `Versions of ${framework.name}`);
    await page.getByRole('button', { name: 'Review and publish…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Publish the draft' });
    const impact = dialog.getByRole('table', { name: 'Impact on people per role' });
    const headRow = impact.getByRole('row', { name: /Head of PMO/ });
    await headRow.waitFor();
    expect(await headRow.textContent()).toContain(`${skillName}: ${before} → ${before + 1}`);
    await dialog.getByRole('button', { name: `Publish version ${next}` }).click();
    await dialog.getByText(`Version ${next} is published`).waitFor();
    await dialog.getByRole('list', { name: 'What moved' }).getByText(/people's current roles: \d+ moved/).waitFor();
    await page.keyboard.press('Escape');

    const history = page.getByRole('table', { name: 'Version history' });
    await history.getByRole('row', { name: new RegExp(`Version ${next} Published`) }).waitFor();
    await history.getByRole('row', { name: new RegExp(`Version ${published} Archived`) }).waitFor();

    const diff = page.getByRole('region', { name: `Changes from Version ${published} to Version ${next}` });
    await diff.waitFor();
    const change = diff.getByRole('table', { name: `Changes to Head of PMO: ${skillName}` });
    await change.waitFor();
    expect((await change.getByRole('row', { name: /Expected level/ }).textContent())?.replace(/\s+/g, ' ')).toBe(`Expected level${before}${before + 1}`);
  });
});
