import { DataSource } from 'typeorm';
import { pmoFramework, type FrameworkDocument } from '@trellis/domain';
import { tenantTransaction } from '../src/database/tenant-database.js';
import { FrameworkDocumentsService } from '../src/frameworks/framework-documents.service.js';
import { FrameworksService } from '../src/frameworks/frameworks.service.js';
import { expectNoErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { asSuperuser } from './support/superuser.js';

/** A version 2 descriptor that is only a summary. */
const summaryOnly = (summary: string) => ({ summary, criteria: [] as string[], examples: [] as string[] });

const DRAFT_FIELDS = /* GraphQL */ `
  revision updatedAt updatedBy { name } basedOnVersion { number }
  key name proficiencyScale { level name }
  skillCategories { key name }
  skills { key name categoryKey levels { level descriptor } }
  tracks { key name kind }
  roles { key title trackKey level band summary expectations { skillKey level } }
  transitions { fromRoleKey toRoleKey kind typicalMonths }
  qualifications { key name skillKeys requiredForRoleKeys recommendedForRoleKeys }
`;

interface Draft {
  revision: number;
  updatedBy: { name: string } | null;
  basedOnVersion: { number: number } | null;
  key: string;
  name: string;
  skills: { key: string; name: string; categoryKey: string; levels: { level: number; descriptor: string }[] }[];
  tracks: { key: string; name: string }[];
  roles: { key: string; title: string; summary: string; expectations: { skillKey: string; level: number }[] }[];
  transitions: unknown[];
  qualifications: unknown[];
}

const START = `mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { ${DRAFT_FIELDS} } }`;
const EDIT = `mutation($id: ID!, $revision: Int!, $operations: [DraftOperationInput!]!) {
  editFrameworkDraft(frameworkId: $id, expectedRevision: $revision, operations: $operations) { ${DRAFT_FIELDS} }
}`;
const READ = `query($id: ID!) { framework(id: $id) { id name draft { ${DRAFT_FIELDS} } } }`;
const CREATE = `mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { id key name } }`;

describe('framework drafts', () => {
  let t: TestApp;
  let admin: Client;
  let otherAdminSession: Client;
  let employee: Client;
  let pmoId: string;

  const demoOrganisationId = () =>
    asSuperuser(t.adminDatabaseUrl, async (client) => (await client.query("SELECT id FROM organisations WHERE slug = 'demo'")).rows[0].id as string);
  const count = (sql: string, values: unknown[] = []) => asSuperuser(t.adminDatabaseUrl, async (client) => Number((await client.query(sql, values)).rows[0].count));

  const edit = (client: Client, revision: number, operations: Record<string, unknown>[], id = pmoId) =>
    client.graphql<{ editFrameworkDraft: Draft }>(EDIT, { id, revision, operations });
  const readDraft = async (id = pmoId): Promise<Draft> => {
    const result = await admin.graphql<{ framework: { draft: Draft } }>(READ, { id });
    expectNoErrors(result);
    return result.data!.framework.draft;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn(DEMO.admin);
    otherAdminSession = await t.signIn(DEMO.admin);
    employee = await t.signIn(DEMO.employee);
    const list = await admin.graphql<{ frameworks: { id: string; key: string }[] }>('{ frameworks { id key } }');
    pmoId = list.data!.frameworks.find((f) => f.key === pmoFramework.key)!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('versionDocument', () => {
    it('reads a published version back into exactly the document it was written from (the PMO framework)', async () => {
      const organisationId = await demoOrganisationId();
      const document: FrameworkDocument = { ...structuredClone(pmoFramework), key: 'pmo-round-trip' };
      const { version } = await t.app.get(FrameworksService).createFromDocument(organisationId, document, { publish: true });
      const read = await tenantTransaction(t.app.get(DataSource), organisationId, (manager) =>
        t.app.get(FrameworkDocumentsService).versionDocument(manager, organisationId, version.id),
      );
      expect(read).toStrictEqual({ ...document, schemaVersion: '2' });
      // Arrays keep their order, including each qualification's skills and roles.
      expect(read.qualifications.map((q) => q.skillKeys)).toEqual(pmoFramework.qualifications.map((q) => q.skillKeys));
    });

    it('keeps optional fields absent and reads every part of a small framework', async () => {
      const organisationId = await demoOrganisationId();
      const document: FrameworkDocument = {
        schemaVersion: '1',
        key: 'tiny-round-trip',
        name: 'Tiny',
        description: 'A tiny one.',
        proficiencyScale: [{ level: 1, name: 'Only', summary: 'The only level.' }],
        skillCategories: [{ key: 'c', name: 'C', description: 'Cat.' }],
        skills: [
          { key: 'b-skill', name: 'B', categoryKey: 'c', levels: { '1': summaryOnly('b1') } },
          { key: 'a-skill', name: 'A', categoryKey: 'c', description: 'A skill.', levels: { '1': summaryOnly('a1') } },
        ],
        tracks: [{ key: 't', name: 'T', kind: 'specialist', description: 'Track.' }],
        roles: [
          { key: 'r2', title: 'R2', trackKey: 't', level: 2, summary: 's', responsibilities: [], expectations: {} },
          { key: 'r1', title: 'R1', trackKey: 't', level: 1, band: 3, summary: 's', responsibilities: ['x', 'y'], expectations: { 'a-skill': 1, 'b-skill': 1 } },
        ],
        transitions: [{ fromRoleKey: 'r1', toRoleKey: 'r2', kind: 'promotion', guidance: 'Go.' }],
        qualifications: [
          {
            key: 'q',
            name: 'Q',
            provider: 'P',
            url: 'https://example.org/q',
            validityMonths: 12,
            skillKeys: ['a-skill', 'b-skill'],
            requiredForRoleKeys: ['r2', 'r1'],
            recommendedForRoleKeys: [],
          },
        ],
      };
      const { version } = await t.app.get(FrameworksService).createFromDocument(organisationId, document, { publish: true });
      const read = await tenantTransaction(t.app.get(DataSource), organisationId, (manager) =>
        t.app.get(FrameworkDocumentsService).versionDocument(manager, organisationId, version.id),
      );
      expect(read).toStrictEqual({ ...document, schemaVersion: '2' });
    });
  });

  describe('editing', () => {
    let revision: number;

    it('starts a draft as a copy of the published version, and starting again returns the same draft', async () => {
      const started = await admin.graphql<{ startFrameworkDraft: Draft }>(START, { id: pmoId });
      expectNoErrors(started);
      const draft = started.data!.startFrameworkDraft;
      expect(draft).toMatchObject({ revision: 0, key: pmoFramework.key, name: pmoFramework.name, basedOnVersion: { number: 1 }, updatedBy: { name: 'Asha Patel' } });
      expect(draft.roles.map((r) => r.key)).toEqual(pmoFramework.roles.map((r) => r.key));
      expect(draft.skills[0]!.levels).toHaveLength(pmoFramework.proficiencyScale.length);
      const again = await otherAdminSession.graphql<{ startFrameworkDraft: Draft }>(START, { id: pmoId });
      expect(again.data!.startFrameworkDraft.revision).toBe(0);
      expect(await count('SELECT count(*) FROM framework_drafts WHERE framework_id = $1', [pmoId])).toBe(1);
      revision = 0;
    });

    it('applies edits, persists them, and records each in the change history and the audit log', async () => {
      const analyst = pmoFramework.roles[0]!;
      const category = pmoFramework.skillCategories[0]!;
      const result = await edit(admin, revision, [
        { kind: 'UPDATE_ROLE', key: analyst.key, title: 'Analyst' },
        {
          kind: 'ADD_SKILL',
          name: 'Storytelling',
          categoryKey: category.key,
          levels: pmoFramework.proficiencyScale.map((step) => ({ level: step.level, descriptor: `Tells stories at ${step.name}.` })),
        },
        { kind: 'SET_EXPECTATION', roleKey: analyst.key, skillKey: 'storytelling', level: 2 },
      ]);
      expectNoErrors(result);
      expect(result.data!.editFrameworkDraft.revision).toBe(3);

      const draft = await readDraft();
      expect(draft.revision).toBe(3);
      const role = draft.roles.find((r) => r.key === analyst.key)!;
      expect(role.title).toBe('Analyst');
      expect(role.expectations).toContainEqual({ skillKey: 'storytelling', level: 2 });
      expect(draft.skills.find((s) => s.key === 'storytelling')).toMatchObject({ name: 'Storytelling', categoryKey: category.key });

      const changes = await asSuperuser(t.adminDatabaseUrl, async (client) =>
        (await client.query('SELECT revision, target, summary FROM framework_draft_changes WHERE framework_id = $1 ORDER BY revision', [pmoId])).rows,
      );
      expect(changes).toEqual([
        { revision: 1, target: `role:${analyst.key}`, summary: `renamed role ${analyst.title} to "Analyst"` },
        { revision: 2, target: 'skill:storytelling', summary: `added skill "Storytelling" to skill category ${category.name}` },
        { revision: 3, target: `expectation:${analyst.key}/storytelling`, summary: "set Analyst's expectation for Storytelling to 2 (Practised)" },
      ]);
      const audit = await admin.graphql<{ auditEvents: { action: string; summary: string }[] }>('{ auditEvents(limit: 10) { action summary } }');
      // One event per change (written in the same millisecond, so compared as a set).
      expect(audit.data!.auditEvents.filter((e) => e.action === 'framework.draft.changed').map((e) => e.summary).sort()).toEqual([
        `${pmoFramework.name} draft: added skill "Storytelling" to skill category ${category.name}`,
        `${pmoFramework.name} draft: renamed role ${analyst.title} to "Analyst"`,
        `${pmoFramework.name} draft: set Analyst's expectation for Storytelling to 2 (Practised)`,
      ]);
      revision = 3;
    });

    it('refuses a stale save on the same target, saying who changed what and when', async () => {
      const manager = pmoFramework.roles[2]!;
      const saved = await edit(admin, revision, [{ kind: 'UPDATE_ROLE', key: manager.key, title: 'Lead' }]);
      expectNoErrors(saved);
      // The other session still shows the revision before that save.
      const stale = await edit(otherAdminSession, revision, [{ kind: 'UPDATE_ROLE', key: manager.key, summary: 'Something else.' }]);
      const error = theError(stale);
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(new RegExp(`^Asha Patel renamed role ${manager.title} to "Lead" at \\d\\d:\\d\\d UTC: reload to see it\\. Your change was not saved\\.$`));
      expect(error.extensions.revision).toBe(revision + 1);
      const draft = await readDraft();
      expect(draft.roles.find((r) => r.key === manager.key)!.summary).toBe(manager.summary);
      expect(draft.revision).toBe(revision + 1);
    });

    it('refuses a stale edit of a cell of a role changed since (the role is its scope)', async () => {
      const manager = pmoFramework.roles[2]!;
      const stale = await edit(otherAdminSession, revision, [{ kind: 'SET_EXPECTATION', roleKey: manager.key, skillKey: 'storytelling', level: 1 }]);
      expect(theError(stale).code).toBe('CONFLICT');
    });

    it('applies a stale save on a different target on top of the newer draft', async () => {
      const other = pmoFramework.roles[3]!;
      const result = await edit(otherAdminSession, revision, [{ kind: 'UPDATE_ROLE', key: other.key, summary: 'Rewritten.' }]);
      expectNoErrors(result);
      expect(result.data!.editFrameworkDraft.revision).toBe(revision + 2);
      const draft = await readDraft();
      expect(draft.roles.find((r) => r.key === other.key)!.summary).toBe('Rewritten.');
      expect(draft.roles.find((r) => r.key === pmoFramework.roles[2]!.key)!.title).toBe('Lead');
      revision += 2;
    });

    it('refuses a bad operation with every problem and its path, writing nothing', async () => {
      const changesBefore = await count('SELECT count(*) FROM framework_draft_changes WHERE framework_id = $1', [pmoId]);
      const auditBefore = await count("SELECT count(*) FROM audit_events WHERE action = 'framework.draft.changed'");
      const result = await edit(admin, revision, [
        { kind: 'UPDATE_TRACK', key: pmoFramework.tracks[0]!.key, name: 'Renamed' },
        { kind: 'SET_EXPECTATION', roleKey: pmoFramework.roles[0]!.key, skillKey: 'storytelling', level: 9 },
      ]);
      const error = theError(result);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.problems).toEqual([{ path: 'operations[1].level', message: "level 9 is above the scale's maximum 5" }]);
      expect(error.message).toBe("The change was not saved: operations[1].level: level 9 is above the scale's maximum 5.");

      const malformed = await edit(admin, revision, [
        { kind: 'ADD_TRACK', name: ' ', title: 'Not for tracks' },
        { kind: 'SET_EXPECTATIONS_ROW', roleKey: 'pmo-analyst', levels: [{ level: 1, descriptor: 'x' }] },
      ]);
      expect(theError(malformed).extensions.problems).toEqual([
        { path: 'operations[0].title', message: 'is not used by addTrack' },
        { path: 'operations[0].name', message: 'must not be empty' },
        { path: 'operations[0].trackKind', message: expect.any(String) },
        { path: 'operations[1].levels', message: 'is not used by setExpectationsRow' },
        { path: 'operations[1].expectations', message: 'is required' },
      ]);

      const draft = await readDraft();
      expect(draft.revision).toBe(revision);
      expect(draft.tracks[0]!.name).toBe(pmoFramework.tracks[0]!.name);
      expect(await count('SELECT count(*) FROM framework_draft_changes WHERE framework_id = $1', [pmoId])).toBe(changesBefore);
      expect(await count("SELECT count(*) FROM audit_events WHERE action = 'framework.draft.changed'")).toBe(auditBefore);
    });

    it('pastes a row of expectations', async () => {
      const role = pmoFramework.roles[1]!;
      const skills = pmoFramework.skills.slice(0, 3);
      const result = await edit(admin, revision, [
        { kind: 'SET_EXPECTATIONS_ROW', roleKey: role.key, expectations: [{ skillKey: skills[0]!.key, level: 4 }, { skillKey: skills[1]!.key, level: null }, { skillKey: skills[2]!.key, level: 1 }] },
      ]);
      expectNoErrors(result);
      const expectations = result.data!.editFrameworkDraft.roles.find((r) => r.key === role.key)!.expectations;
      expect(expectations).toContainEqual({ skillKey: skills[0]!.key, level: 4 });
      expect(expectations.some((e) => e.skillKey === skills[1]!.key)).toBe(false);
      expect(expectations).toContainEqual({ skillKey: skills[2]!.key, level: 1 });
      revision += 1;
    });

    it('replaces the whole draft with an imported document, refusing a stale or an invalid one', async () => {
      const REPLACE = `mutation($id: ID!, $revision: Int!, $json: String!) {
        replaceFrameworkDraft(frameworkId: $id, expectedRevision: $revision, json: $json) { revision name roles { key title } }
      }`;
      const imported = { ...structuredClone(pmoFramework), key: 'another-key', name: 'Imported ladder' };
      imported.roles[0]!.title = 'Imported analyst';
      const stale = await admin.graphql(REPLACE, { id: pmoId, revision: revision - 1, json: JSON.stringify(imported) });
      expect(theError(stale).code).toBe('CONFLICT');
      const invalid = await admin.graphql(REPLACE, { id: pmoId, revision, json: JSON.stringify({ ...imported, tracks: [] }) });
      expect(theError(invalid).code).toBe('BAD_USER_INPUT');
      expect((theError(invalid).extensions.problems as unknown[]).length).toBe(pmoFramework.roles.length);

      const replaced = await admin.graphql<{ replaceFrameworkDraft: { revision: number; name: string; roles: { title: string }[] } }>(REPLACE, {
        id: pmoId,
        revision,
        json: JSON.stringify(imported),
      });
      expectNoErrors(replaced);
      expect(replaced.data!.replaceFrameworkDraft).toMatchObject({ revision: revision + 1, name: 'Imported ladder' });
      expect(replaced.data!.replaceFrameworkDraft.roles[0]!.title).toBe('Imported analyst');
      // The draft keeps its framework's key whatever the document said.
      expect((await readDraft()).key).toBe(pmoFramework.key);
      revision += 1;
    });

    it('refuses everyone but admins, to read a draft or to edit one', async () => {
      const read = await employee.graphql(READ, { id: pmoId });
      expect(theError(read).code).toBe('FORBIDDEN');
      const write = await edit(employee, revision, [{ kind: 'UPDATE_ROLE', key: 'pmo-analyst', title: 'Hacked' }]);
      expect(theError(write).code).toBe('FORBIDDEN');
      const leader = await t.signIn(DEMO.leadership);
      expect(theError(await leader.graphql(START, { id: pmoId })).code).toBe('FORBIDDEN');
      expect((await readDraft()).roles[0]!.title).toBe('Imported analyst');
    });
  });

  describe('creating frameworks', () => {
    it('from the PMO template, a copy, or blank: a framework with a draft and no published version', async () => {
      const template = await admin.graphql<{ createFramework: { id: string; key: string; name: string } }>(CREATE, {
        input: { source: 'TEMPLATE', name: 'Our PMO ladder' },
      });
      expectNoErrors(template);
      expect(template.data!.createFramework).toMatchObject({ key: 'our-pmo-ladder', name: 'Our PMO ladder' });
      const templateDraft = await readDraft(template.data!.createFramework.id);
      expect(templateDraft).toMatchObject({ revision: 0, name: 'Our PMO ladder', key: 'our-pmo-ladder', basedOnVersion: null });
      expect(templateDraft.roles).toHaveLength(pmoFramework.roles.length);

      const copy = await admin.graphql<{ createFramework: { id: string } }>(CREATE, { input: { source: 'COPY', frameworkId: pmoId, name: 'Copy of PMO' } });
      expectNoErrors(copy);
      // A copy is of the published version, not of the draft being edited.
      expect((await readDraft(copy.data!.createFramework.id)).roles[0]!.title).toBe(pmoFramework.roles[0]!.title);

      const blank = await admin.graphql<{ createFramework: { id: string } }>(CREATE, { input: { source: 'BLANK', name: 'Our PMO ladder' } });
      expectNoErrors(blank);
      const blankDraft = await readDraft(blank.data!.createFramework.id);
      expect(blankDraft).toMatchObject({ key: 'our-pmo-ladder-2', roles: [], tracks: [], skills: [] });

      const versions = await admin.graphql<{ framework: { versions: unknown[]; currentVersion: unknown } }>(
        'query($id: ID!) { framework(id: $id) { versions { id } currentVersion { id } } }',
        { id: template.data!.createFramework.id },
      );
      expect(versions.data!.framework).toEqual({ versions: [], currentVersion: null });
      const audit = await admin.graphql<{ auditEvents: { action: string; summary: string }[] }>('{ auditEvents(limit: 3) { action summary } }');
      expect(audit.data!.auditEvents.map((e) => e.summary)).toEqual([
        'Created the framework Our PMO ladder from a blank document',
        `Created the framework Copy of PMO from a copy of ${pmoFramework.name}`,
        'Created the framework Our PMO ladder from the PMO template',
      ]);
    });

    it('from an import, reporting every problem with its path and writing nothing', async () => {
      const before = await count('SELECT count(*) FROM frameworks');
      const broken = structuredClone(pmoFramework) as FrameworkDocument & Record<string, unknown>;
      broken.roles[3]!.expectations[pmoFramework.skills[0]!.key] = 7;
      broken.roles[0]!.trackKey = 'nowhere';
      broken.skills[1]!.categoryKey = 'missing';
      const result = await admin.graphql(CREATE, { input: { source: 'IMPORT', json: JSON.stringify(broken) } });
      const error = theError(result);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.problems).toEqual(
        expect.arrayContaining([
          { path: `roles[3].expectations.${pmoFramework.skills[0]!.key}`, message: "level 7 is above the scale's maximum 5" },
          { path: 'roles[0].trackKey', message: 'unknown track "nowhere"' },
          { path: 'skills[1].categoryKey', message: 'unknown skill category "missing"' },
        ]),
      );
      expect(error.extensions.problems).toHaveLength(3);
      expect(error.message).toContain("roles[3].expectations");

      const notJson = await admin.graphql(CREATE, { input: { source: 'IMPORT', json: '{ nope' } });
      expect(theError(notJson).message).toMatch(/^The document was not imported: the file is not valid JSON/);
      expect(await count('SELECT count(*) FROM frameworks')).toBe(before);
    });

    it('from a valid import, keeping its content under a free key', async () => {
      const imported = await admin.graphql<{ createFramework: { id: string; key: string; name: string } }>(CREATE, {
        input: { source: 'IMPORT', json: JSON.stringify(pmoFramework) },
      });
      expectNoErrors(imported);
      expect(imported.data!.createFramework).toMatchObject({ key: `${pmoFramework.key}-2`, name: pmoFramework.name });
      expect((await readDraft(imported.data!.createFramework.id)).roles).toHaveLength(pmoFramework.roles.length);
    });

    it('refuses a missing name', async () => {
      const result = await admin.graphql(CREATE, { input: { source: 'BLANK', name: '  ' } });
      expect(theError(result).extensions.fields).toEqual({ name: 'Give the framework a name.' });
    });
  });
});
