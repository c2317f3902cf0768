import { pmoFramework, type FrameworkDocument } from '@trellis/domain';
import pg from 'pg';
import { expectNoErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/**
 * Versions of a framework: exports and imports ("framework as code"), the diff between versions,
 * the publish preview, and publishing a draft as a new version that carries people across.
 */

const EXPORT = 'query($id: ID!, $version: Int) { frameworkDocument(frameworkId: $id, version: $version) }';
const CSV = 'query($id: ID!, $version: Int) { frameworkExpectationsCsv(frameworkId: $id, version: $version) }';
const DRAFT = 'query($id: ID!) { framework(id: $id) { draft { revision } } }';
const REPLACE = 'mutation($id: ID!, $revision: Int!, $json: String!) { replaceFrameworkDraft(frameworkId: $id, expectedRevision: $revision, json: $json) { revision } }';
const IMPORT_CSV = 'mutation($id: ID!, $revision: Int!, $csv: String!) { importExpectationsCsv(frameworkId: $id, expectedRevision: $revision, csv: $csv) { revision } }';
const PUBLISH = `mutation($id: ID!, $revision: Int!, $choices: [MigrationChoiceInput!]!) {
  publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: $choices) {
    version { number status }
    followers { name describe moved cleared }
  }
}`;
const PREVIEW = `query($id: ID!) {
  frameworkPublishPreview(frameworkId: $id) {
    draftRevision publishedVersionNumber nextVersionNumber shortfallsCounted
    problems { path message }
    questions { kind fromKey fromLabel suggestedToKey reason options { key } }
    impact { roleKey title status carriedToKey people aiming shortfallsUnderDraft changedExpectations { skillKey before after } }
    diff { changeCount }
  }
}`;
const DIFF = `query($id: ID!, $from: Int!, $to: Int) {
  frameworkVersionDiff(frameworkId: $id, from: $from, to: $to) {
    fromLabel toLabel changeCount
    sections { kind added { key label } removed { key label } renamed { key label previousLabel } changed { key label fields { field before after } } }
  }
}`;

type Role = FrameworkDocument['roles'][number];

/**
 * The PMO framework as an admin would edit it for version 2: PMO Manager re-keyed as PMO Lead (a
 * rename across keys), issue management merged into risk management, the Business Analyst role
 * removed, the PMO Analyst renamed in place and expected to plan a level higher.
 */
function version2(from: FrameworkDocument): FrameworkDocument {
  const doc = structuredClone(from);
  const renameRole = (key: string) => (key === 'pmo-manager' ? 'pmo-lead' : key);
  const manager = doc.roles.find((role) => role.key === 'pmo-manager') as Role;
  manager.key = 'pmo-lead';
  manager.title = 'PMO Lead';
  const analyst = doc.roles.find((role) => role.key === 'pmo-analyst') as Role;
  analyst.title = 'Reporting Analyst';
  analyst.expectations['planning-scheduling'] = (analyst.expectations['planning-scheduling'] ?? 1) + 1;
  doc.roles = doc.roles.filter((role) => role.key !== 'business-analyst');
  doc.skills = doc.skills.filter((skill) => skill.key !== 'issue-management');
  for (const role of doc.roles) {
    const issues = role.expectations['issue-management'];
    delete role.expectations['issue-management'];
    if (issues !== undefined) role.expectations['risk-management'] = Math.max(role.expectations['risk-management'] ?? 0, issues);
  }
  doc.transitions = doc.transitions
    .filter((t) => t.fromRoleKey !== 'business-analyst' && t.toRoleKey !== 'business-analyst')
    .map((t) => ({ ...t, fromRoleKey: renameRole(t.fromRoleKey), toRoleKey: renameRole(t.toRoleKey) }));
  for (const qualification of doc.qualifications) {
    qualification.skillKeys = qualification.skillKeys.filter((key) => key !== 'issue-management');
    qualification.requiredForRoleKeys = qualification.requiredForRoleKeys.filter((key) => key !== 'business-analyst').map(renameRole);
    qualification.recommendedForRoleKeys = qualification.recommendedForRoleKeys.filter((key) => key !== 'business-analyst').map(renameRole);
  }
  return doc;
}

const CHOICES = [
  { kind: 'ROLE', fromKey: 'pmo-manager', toKey: 'pmo-lead' },
  { kind: 'ROLE', fromKey: 'business-analyst', toKey: null },
  { kind: 'SKILL', fromKey: 'issue-management', toKey: 'risk-management' },
];

describe('framework versions', () => {
  let t: TestApp;
  let admin: Client;
  let db: pg.Client;
  let frameworkId: string;

  const exported = async (version: number | null) => {
    const result = await admin.graphql<{ frameworkDocument: string }>(EXPORT, { id: frameworkId, version });
    expectNoErrors(result);
    return result.data!.frameworkDocument;
  };
  const draftRevision = async () => {
    const result = await admin.graphql<{ framework: { draft: { revision: number } | null } }>(DRAFT, { id: frameworkId });
    expectNoErrors(result);
    return result.data!.framework.draft?.revision ?? null;
  };
  const replaceDraft = async (document: unknown) =>
    admin.graphql<{ replaceFrameworkDraft: { revision: number } }>(REPLACE, {
      id: frameworkId,
      revision: await draftRevision(),
      json: typeof document === 'string' ? document : JSON.stringify(document),
    });
  const peopleRoles = async () => {
    const { rows } = await db.query<{ email: string; key: string | null; number: number | null }>(
      `SELECT p.email, r.key, v.number FROM people p
       LEFT JOIN roles r ON r.organisation_id = p.organisation_id AND r.id = p.current_role_id
       LEFT JOIN framework_versions v ON v.organisation_id = r.organisation_id AND v.id = r.framework_version_id`,
    );
    return Object.fromEntries(rows.map((row) => [row.email, row.key === null ? null : `${row.key}@v${row.number}`]));
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn(DEMO.admin);
    db = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await db.connect();
    const frameworks = await admin.graphql<{ frameworks: { id: string }[] }>('{ frameworks { id } }');
    expectNoErrors(frameworks);
    frameworkId = frameworks.data!.frameworks[0]!.id;
    expectNoErrors(await admin.graphql('mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }', { id: frameworkId }));
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  describe('framework as code', () => {
    it('exports the published PMO framework losslessly, and export → import → export gives the same document', async () => {
      const v1 = await exported(1);
      expect(JSON.parse(v1)).toEqual({ ...pmoFramework, schemaVersion: '2' });
      const imported = await replaceDraft(v1);
      expectNoErrors(imported);
      expect(await exported(null)).toBe(v1);
    });

    it('refuses a bad import, reporting every problem with its path, and writes nothing', async () => {
      const before = { revision: await draftRevision(), document: await exported(null) };
      const bad = structuredClone(pmoFramework) as unknown as { roles: Array<Record<string, unknown>>; skills: Array<Record<string, unknown>>; tracks: unknown };
      (bad.roles[3]!.expectations as Record<string, number>)['risk-management'] = 7;
      bad.roles[1]!.trackKey = 'nowhere';
      delete bad.skills[0]!.name;
      const result = await replaceDraft(bad);
      const error = theError(result);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.problems).toEqual(
        expect.arrayContaining([
          { path: 'roles[3].expectations.risk-management', message: "level 7 is above the scale's maximum 5" },
          { path: 'roles[1].trackKey', message: 'unknown track "nowhere"' },
          { path: 'skills[0].name', message: 'is required' },
        ]),
      );
      expect(error.extensions.problems).toHaveLength(3);
      expect(await draftRevision()).toBe(before.revision);
      expect(await exported(null)).toBe(before.document);

      const notJson = theError(await replaceDraft('{"schemaVersion": "1",'));
      expect(notJson.code).toBe('BAD_USER_INPUT');
      expect(await draftRevision()).toBe(before.revision);
    });

    it('exports the expectations grid as CSV and imports an edited grid into the draft', async () => {
      const csv = await admin.graphql<{ frameworkExpectationsCsv: string }>(CSV, { id: frameworkId, version: 1 });
      expectNoErrors(csv);
      const lines = csv.data!.frameworkExpectationsCsv.trimEnd().split('\n');
      expect(lines[0]).toMatch(/^role,title,status-reporting,/);
      expect(lines).toHaveLength(pmoFramework.roles.length + 1);

      const analyst = pmoFramework.roles.find((role) => role.key === 'pmo-analyst')!;
      const result = await admin.graphql<{ importExpectationsCsv: { revision: number } }>(IMPORT_CSV, {
        id: frameworkId,
        revision: await draftRevision(),
        csv: 'role,status-reporting,coaching-mentoring\npmo-analyst,4,\n',
      });
      expectNoErrors(result);
      const draft = JSON.parse(await exported(null)) as FrameworkDocument;
      const expectations = draft.roles.find((role) => role.key === 'pmo-analyst')!.expectations;
      expect(expectations['status-reporting']).toBe(4);
      expect(expectations['coaching-mentoring']).toBeUndefined();
      expect(expectations['planning-scheduling']).toBe(analyst.expectations['planning-scheduling']);
      // Back to version 1's grid, so the draft matches the published version again.
      expectNoErrors(await replaceDraft(await exported(1)));
    });

    it('refuses a bad grid, reporting every problem with its line and column, and writes nothing', async () => {
      const before = { revision: await draftRevision(), document: await exported(null) };
      const result = await admin.graphql(IMPORT_CSV, {
        id: frameworkId,
        revision: before.revision,
        csv: 'role,status-reporting,juggling\npmo-analyst,9,\nghost-role,1,\n',
      });
      const error = theError(result);
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.problems).toEqual([
        { path: 'line 1, column C', message: 'unknown skill "juggling"' },
        { path: 'line 2, column B', message: "status-reporting: level 9 is above the scale's maximum 5" },
        { path: 'line 3, column A', message: 'unknown role "ghost-role"' },
      ]);
      expect(await draftRevision()).toBe(before.revision);
      expect(await exported(null)).toBe(before.document);
    });
  });

  describe('publishing', () => {
    beforeAll(async () => {
      expectNoErrors(await replaceDraft(version2(pmoFramework)));
    });

    it('diffs version 1 against the draft: renames, removals and changed expectations with old and new values', async () => {
      const result = await admin.graphql<{ frameworkVersionDiff: { fromLabel: string; toLabel: string; sections: Array<Record<string, any>> } }>(DIFF, { // eslint-disable-line @typescript-eslint/no-explicit-any
        id: frameworkId,
        from: 1,
        to: null,
      });
      expectNoErrors(result);
      const diff = result.data!.frameworkVersionDiff;
      expect([diff.fromLabel, diff.toLabel]).toEqual(['Version 1', 'Draft']);
      const roles = diff.sections.find((s) => s.kind === 'ROLE')!;
      expect(roles.renamed).toEqual([{ key: 'pmo-analyst', label: 'Reporting Analyst', previousLabel: 'PMO Analyst' }]);
      expect(roles.added.map((i: { key: string }) => i.key)).toEqual(['pmo-lead']);
      expect(roles.removed.map((i: { key: string }) => i.key).sort()).toEqual(['business-analyst', 'pmo-manager']);
      const skills = diff.sections.find((s) => s.kind === 'SKILL')!;
      const issues = pmoFramework.skills.find((skill) => skill.key === 'issue-management')!;
      expect(skills.removed).toEqual([{ key: 'issue-management', label: issues.name }]);
      const expectations = diff.sections.find((s) => s.kind === 'EXPECTATION')!;
      const planning = pmoFramework.roles.find((r) => r.key === 'pmo-analyst')!.expectations['planning-scheduling']!;
      expect(expectations.changed).toEqual(
        expect.arrayContaining([
          {
            key: 'pmo-analyst/planning-scheduling',
            label: 'Reporting Analyst: Planning & scheduling',
            fields: [{ field: 'level', before: String(planning), after: String(planning + 1) }],
          },
        ]),
      );
    });

    it('previews the questions to answer and the people affected per role', async () => {
      const result = await admin.graphql<{ frameworkPublishPreview: Record<string, any> }>(PREVIEW, { id: frameworkId }); // eslint-disable-line @typescript-eslint/no-explicit-any
      expectNoErrors(result);
      const preview = result.data!.frameworkPublishPreview;
      expect(preview).toMatchObject({ publishedVersionNumber: 1, nextVersionNumber: 2, problems: [], shortfallsCounted: false });
      expect(preview.questions.map((q: Record<string, unknown>) => [q.kind, q.fromKey, q.suggestedToKey])).toEqual([
        ['ROLE', 'pmo-manager', 'pmo-lead'],
        ['ROLE', 'business-analyst', null],
        ['SKILL', 'issue-management', null],
      ]);
      const row = (key: string) => preview.impact.find((r: { roleKey: string }) => r.roleKey === key);
      expect(row('pmo-lead')).toMatchObject({ status: 'ADDED', people: 1 }); // Ben, carried by the suggested answer
      expect(row('pmo-manager')).toMatchObject({ status: 'REMOVED', carriedToKey: 'pmo-lead', people: 0 });
      expect(row('business-analyst')).toMatchObject({ status: 'REMOVED', carriedToKey: null, people: 1, shortfallsUnderDraft: null }); // Kemi
      expect(row('pmo-analyst')).toMatchObject({ status: 'KEPT', people: 1 });
      expect(row('pmo-analyst').changedExpectations).toEqual(
        expect.arrayContaining([expect.objectContaining({ skillKey: 'planning-scheduling' })]),
      );
    });

    it('refuses missing answers and a stale revision, and writes nothing', async () => {
      const revision = await draftRevision();
      const missing = theError(await admin.graphql(PUBLISH, { id: frameworkId, revision, choices: [CHOICES[0]] }));
      expect(missing.code).toBe('BAD_USER_INPUT');
      expect(missing.message).toMatch(/business-analyst.*issue-management/);
      const stale = theError(await admin.graphql(PUBLISH, { id: frameworkId, revision: revision! - 1, choices: CHOICES }));
      expect(stale.code).toBe('CONFLICT');
      expect(stale.message).toMatch(/by Asha Patel/);
      const { rows } = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM framework_versions WHERE framework_id = $1', [frameworkId]);
      expect(rows[0]!.count).toBe(1);
      expect(await draftRevision()).toBe(revision);
    });

    it('publishes version 2 with a role rename and a skill merge, moving what points at them in the same transaction', async () => {
      const before = await peopleRoles();
      expect(before['ben.okafor@demo.example']).toBe('pmo-manager@v1');
      const result = await admin.graphql<{ publishFrameworkDraft: { version: { number: number; status: string }; followers: unknown[] } }>(PUBLISH, {
        id: frameworkId,
        revision: await draftRevision(),
        choices: CHOICES,
      });
      expectNoErrors(result);
      const people = Object.keys(before).filter((email) => before[email] !== null).length;
      expect(result.data!.publishFrameworkDraft).toEqual({
        version: { number: 2, status: 'PUBLISHED' },
        followers: [
          { name: 'people.currentRole', describe: "people's current roles", moved: people - 1, cleared: 1 },
          // No one has assessments or plans yet (plan-versions.test.ts publishes with them).
          { name: 'assessments.skill', describe: 'skill assessments', moved: 0, cleared: 0 },
          { name: 'planActions.skills', describe: 'plan actions (skills and qualifications)', moved: 0, cleared: 0 },
          { name: 'plans.targetRole', describe: "development plans' target roles", moved: 0, cleared: 0 },
          { name: 'mentoring.skillKeys', describe: "mentor profiles' offered skills and mentorships' focus skills", moved: 0, cleared: 0 },
        ],
      });

      const after = await peopleRoles();
      expect(after['ben.okafor@demo.example']).toBe('pmo-lead@v2');
      expect(after['kemi.adeyemi@demo.example']).toBeNull();
      expect(after['dan.kowalski@demo.example']).toBe('pmo-analyst@v2');
      expect(Object.values(after).every((role) => role === null || role.endsWith('@v2'))).toBe(true);

      const versions = await admin.graphql<{ framework: { versions: unknown[]; currentVersion: { number: number }; draft: null } }>(
        'query($id: ID!) { framework(id: $id) { versions { number status publishedBy { name } } currentVersion { number } draft { revision } } }',
        { id: frameworkId },
      );
      expectNoErrors(versions);
      expect(versions.data!.framework).toEqual({
        versions: [
          { number: 2, status: 'PUBLISHED', publishedBy: { name: 'Asha Patel' } },
          { number: 1, status: 'ARCHIVED', publishedBy: null },
        ],
        currentVersion: { number: 2 },
        draft: null,
      });
      expect(JSON.parse(await exported(2))).toEqual({ ...version2(pmoFramework), schemaVersion: '2' });

      const audit = await admin.graphql<{ auditEvents: { action: string; summary: string }[] }>('{ auditEvents(limit: 5) { action summary } }');
      expectNoErrors(audit);
      expect(audit.data!.auditEvents[0]).toEqual({
        action: 'framework.published',
        summary: expect.stringMatching(/^Published version 2 of PMO career framework \(\d+ changes\); people's current roles: \d+ moved, 1 cleared; skill assessments: 0 moved, 0 cleared; /),
      });
    });

    it('diffs the published versions 1 and 2', async () => {
      const result = await admin.graphql<{ frameworkVersionDiff: { toLabel: string; sections: Array<{ kind: string; renamed: unknown[] }> } }>(DIFF, {
        id: frameworkId,
        from: 1,
        to: 2,
      });
      expectNoErrors(result);
      expect(result.data!.frameworkVersionDiff.toLabel).toBe('Version 2');
      expect(result.data!.frameworkVersionDiff.sections.find((s) => s.kind === 'ROLE')!.renamed).toHaveLength(1);
    });

    it('says so when there is no draft to preview or publish', async () => {
      expect(theError(await admin.graphql(PREVIEW, { id: frameworkId })).code).toBe('NOT_FOUND');
      expect(theError(await admin.graphql(PUBLISH, { id: frameworkId, revision: 1, choices: [] })).code).toBe('NOT_FOUND');
    });
  });

  it('publishes a new framework (a draft, never published) as version 1, with nothing to carry across', async () => {
    const created = await admin.graphql<{ createFramework: { id: string } }>(
      'mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { id } }',
      { input: { source: 'TEMPLATE', name: 'Delivery ladder' } },
    );
    expectNoErrors(created);
    const id = created.data!.createFramework.id;
    const preview = await admin.graphql<{ frameworkPublishPreview: { publishedVersionNumber: number | null; nextVersionNumber: number; questions: unknown[]; impact: { people: number }[] } }>(PREVIEW, { id });
    expectNoErrors(preview);
    expect(preview.data!.frameworkPublishPreview).toMatchObject({ publishedVersionNumber: null, nextVersionNumber: 1, questions: [] });
    expect(preview.data!.frameworkPublishPreview.impact.every((row) => row.people === 0)).toBe(true);
    const draft = await admin.graphql<{ framework: { draft: { revision: number } } }>(DRAFT, { id });
    const published = await admin.graphql<{ publishFrameworkDraft: unknown }>(PUBLISH, { id, revision: draft.data!.framework.draft.revision, choices: [] });
    expectNoErrors(published);
    expect(published.data!.publishFrameworkDraft).toEqual({ version: { number: 1, status: 'PUBLISHED' }, followers: [] });
    const exportedNew = await admin.graphql<{ frameworkDocument: string }>(EXPORT, { id, version: 1 });
    expect(JSON.parse(exportedNew.data!.frameworkDocument)).toMatchObject({ name: 'Delivery ladder', roles: pmoFramework.roles });
  });
});
