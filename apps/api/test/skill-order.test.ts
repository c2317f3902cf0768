import { pmoFramework, summaryDescriptor } from '@trellis/domain';
import { expectNoErrors } from './support/errors.js';
import { DEMO, startTestApp, type TestApp } from './support/test-app.js';

/** A skill added to a category after the others lists with its category for everyone, not last. */
describe('skill order in a published version', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists a new skill with its category', async () => {
    const admin = await t.signIn(DEMO.admin);
    const frameworks = await admin.graphql<{ frameworks: { id: string; key: string }[] }>('{ frameworks { id key } }');
    const id = frameworks.data!.frameworks.find((f) => f.key === pmoFramework.key)!.id;
    const started = await admin.graphql<{ startFrameworkDraft: { revision: number } }>(
      'mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }',
      { id },
    );
    expectNoErrors(started);
    const document = structuredClone(pmoFramework);
    const firstCategory = document.skillCategories[0]!.key;
    // Appended at the end of the document's skills, as the editor's "Add skill" does.
    document.skills.push({ key: 'stakeholder-storytelling', name: 'Stakeholder storytelling', categoryKey: firstCategory, levels: { 1: summaryDescriptor('Tells'), 2: summaryDescriptor('Shapes'), 3: summaryDescriptor('Frames'), 4: summaryDescriptor('Leads'), 5: summaryDescriptor('Teaches') } });
    const replaced = await admin.graphql<{ replaceFrameworkDraft: { revision: number } }>(
      'mutation($id: ID!, $revision: Int!, $json: String!) { replaceFrameworkDraft(frameworkId: $id, expectedRevision: $revision, json: $json) { revision } }',
      { id, revision: started.data!.startFrameworkDraft.revision, json: JSON.stringify(document) },
    );
    expectNoErrors(replaced);
    const published = await admin.graphql(
      'mutation($id: ID!, $revision: Int!) { publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: []) { version { number } } }',
      { id, revision: replaced.data!.replaceFrameworkDraft.revision },
    );
    expectNoErrors(published);

    const employee = await t.signIn(DEMO.employee);
    const version = await employee.graphql<{ framework: { currentVersion: { skills: { key: string; category: { key: string } }[] } } }>(
      'query($id: ID!) { framework(id: $id) { currentVersion { skills { key category { key } } } } }',
      { id },
    );
    expectNoErrors(version);
    const skills = version.data!.framework.currentVersion.skills;
    const categories = skills.map((skill) => skill.category.key);
    // Each category's skills are together, in the categories' order, and the new one is among its category's.
    expect(categories.filter((key, i) => key !== categories[i - 1])).toEqual(document.skillCategories.map((c) => c.key).filter((k) => categories.includes(k)));
    const at = skills.findIndex((skill) => skill.key === 'stakeholder-storytelling');
    expect(skills[at]!.category.key).toBe(firstCategory);
    expect(at).toBeLessThan(skills.length - 1);
  });
});
