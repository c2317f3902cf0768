/**
 * Importing frameworks as the demo admin, in a real browser (issue 12, point 8): a set of Monzo-style Markdown files
 * chosen at once, then an .xlsx workbook in the documented layout; each previewed with its warnings before "Create
 * draft" makes a new framework whose editor opens. The test writes its own files (names made unique per run) and
 * checks the drafts through the API. Role-based locators only, axe-core on the dialog and each page visited.
 */
import type { Page } from 'playwright-core';
import writeExcelFile from 'write-excel-file/node';
import { expectAccessible, onPage } from './a11y';
import { DEMO, graphql, signInApi } from './api';
import { useBrowser } from './browser';
import { signIn } from './session';

const monzoFile = (title: string, topics: string) => `---
path: "/engineering/x"
title: "${title}"
levels: 2
topics:
${topics}
---
Written for the import test.
`;

const BACKEND_TOPICS = `  - name: "communication"
    title:
    content:
      - level: 1
        criteria:
          - "Keeps their buddy up to date"
      - level: 2
        criteria:
          - "Gives actionable feedback in reviews"
        exampleCriteria:
          - criteria: "Writes pull requests that explain why"
            examples:
              - "I chose X over Y because Z"
  - name: "leadership"
    title: "Leadership"
    content:
      - level: 2
        criteria:
          - "Onboards new engineers"`;

const MOBILE_TOPICS = `  - name: "mastery"
    title: "Mastery"
    content:
      - level: 1
        criteria:
          - "Fixes simple bugs in the app"
      - level: 2
        criteria:
          - "Builds screens from the design system"`;

interface DraftData {
  frameworks: { id: string; name: string; draft: { skills: { name: string; levels: { level: number; criteria: string[] }[] }[]; roles: { title: string; expectations: { skillKey: string; level: number; optional: boolean; statement: string | null }[] }[] } | null }[];
}

async function openImportDialog(page: Page) {
  await page.goto('/frameworks');
  await onPage(page, 'Frameworks', { exact: true });
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a framework' });
  await dialog.waitFor();
  return dialog;
}

describe('framework import', () => {
  const e2eTest = useBrowser();

  e2eTest('imports a set of Monzo Markdown files: preview with warnings, then a new draft', async ({ page }) => {
    const suffix = Date.now().toString(36);
    const name = `Monzo ladder ${suffix}`;
    await signIn(page, DEMO.admin);
    const dialog = await openImportDialog(page);
    await expectAccessible(page);

    await dialog.locator('input[type="file"]').setInputFiles([
      { name: 'backend.md', mimeType: 'text/markdown', buffer: Buffer.from(monzoFile('🛠️ Backend Framework', BACKEND_TOPICS)) },
      { name: 'mobile.md', mimeType: 'text/markdown', buffer: Buffer.from(monzoFile('📱 Mobile Framework', MOBILE_TOPICS)) },
    ]);
    const warnings = dialog.getByRole('list', { name: 'Warnings' });
    await warnings.waitFor();
    await dialog.getByText('Detected: Monzo progression framework (Markdown)').waitFor();
    const warningText = (await warnings.getByRole('listitem').allTextContents()).join('\n');
    expect(warningText).toContain("Role 'Backend, level 1': topic 'Leadership' says nothing at level 1; left without an expectation");
    expect(warningText).toContain("examples are listed with their level's examples");
    const skillsTable = dialog.getByRole('table');
    expect(await skillsTable.textContent()).toContain('1 Level 1 (no descriptor)');
    await expectAccessible(page);

    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/frameworks\/[0-9a-f-]+\/edit$/);
    await expectAccessible(page);

    const admin = await signInApi(DEMO.admin);
    const data = await graphql<DraftData>(
      admin,
      '{ frameworks { id name draft { skills { name levels { level criteria } } roles { title expectations { skillKey level optional statement } } } } }',
    );
    const created = data.frameworks.find((f) => f.name === name);
    expect(created?.draft?.roles.map((r) => r.title).sort()).toEqual(['Backend, level 1', 'Backend, level 2', 'Mobile, level 1', 'Mobile, level 2']);
    const communication = created!.draft!.skills.find((s) => s.name === 'Communication')!;
    expect(communication.levels.find((l) => l.level === 2)!.criteria).toEqual(['Gives actionable feedback in reviews', 'Writes pull requests that explain why']);
  });

  e2eTest('imports an .xlsx workbook in the documented layout, its warnings shown before the draft is made', async ({ page }) => {
    const suffix = Date.now().toString(36);
    const book = `Ladder ${suffix}`;
    const workbook = await writeExcelFile([
      {
        sheet: 'Skills',
        data: [
          ['Category', 'Skill', 'Skill description', 'Level', 'Level name', 'Summary', 'Criteria', 'Examples'],
          ['Delivery', 'Planning', 'Plans work.', 1, 'Awareness', 'Plans own tasks.', 'Estimates own tasks\nAsks for help early', null],
          ['Delivery', 'Planning', null, 2, 'Practitioner', null, 'Plans for the team', 'A quarter plan'],
          ['People', 'Mentoring', null, 1, 'Level 1', 'Pairs with newcomers.', null, null],
        ],
      },
      {
        sheet: 'Roles',
        data: [
          ['Track', 'Role', 'Rung', 'Role summary', 'Skill', 'Expected level', 'Optional', 'Weight', 'Statement'],
          ['Engineering', 'Engineer', 1, 'Delivers.', 'Planning', 1, 'no', null, null],
          ['Engineering', 'Senior Engineer 1', 2, 'Leads.', 'Planning', 'Practitioner', 'no', 2, 'Plans across teams.'],
          ['Engineering', 'Senior Engineer 1', 2, null, 'Mentoring', null, null, null, null],
        ],
      },
    ]).toBuffer();

    await signIn(page, DEMO.admin);
    const dialog = await openImportDialog(page);
    await dialog.locator('input[type="file"]').setInputFiles([
      { name: `${book}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbook },
    ]);
    const warnings = dialog.getByRole('list', { name: 'Warnings' });
    await warnings.waitFor();
    const warningText = (await warnings.getByRole('listitem').allTextContents()).join('\n');
    expect(warningText).toContain(`${book}.xlsx, sheet Roles, cell F4: role 'Senior Engineer 1': competency 'Mentoring' has no level; left without an expectation`);
    await expectAccessible(page);

    await dialog.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/\/frameworks\/[0-9a-f-]+\/edit$/);
    await expectAccessible(page);

    const admin = await signInApi(DEMO.admin);
    const data = await graphql<DraftData>(admin, '{ frameworks { id name draft { skills { name levels { level criteria } } roles { title expectations { skillKey level optional statement } } } } }');
    const created = data.frameworks.find((f) => f.name === book);
    const senior = created?.draft?.roles.find((r) => r.title === 'Senior Engineer 1');
    expect(senior?.expectations).toEqual([{ skillKey: 'planning', level: 2, optional: false, statement: 'Plans across teams.' }]);
    expect(created!.draft!.skills.find((s) => s.name === 'Planning')!.levels.find((l) => l.level === 1)!.criteria).toEqual(['Estimates own tasks', 'Asks for help early']);
  });
});
