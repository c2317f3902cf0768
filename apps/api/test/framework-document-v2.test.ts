import { DataSource } from 'typeorm';
import pg from 'pg';
import { canonicalFrameworkDocument, diffFrameworks, frameworkDocumentSchema, pmoFramework, type FrameworkDocument } from '@trellis/domain';
import { tenantTransaction } from '../src/database/tenant-database.js';
import { FrameworkDocumentsService } from '../src/frameworks/framework-documents.service.js';
import { FrameworksService } from '../src/frameworks/frameworks.service.js';
import { expectNoErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/** The PMO framework using every part of version 2. */
function everyPart(key: string): FrameworkDocument {
  const doc = structuredClone(pmoFramework);
  doc.key = key;
  doc.schemaVersion = '2';
  doc.scales = [
    {
      key: 'technical',
      name: 'Technical',
      levels: ['Awareness', 'Foundational', 'Working knowledge', 'Practitioner', 'Expert', 'Authority', 'Pioneer'].map((name, i) => ({ level: i + 1, name })),
    },
  ];
  const category = doc.skillCategories[0]!;
  category.scaleKey = 'technical';
  const skill = doc.skills.find((s) => s.categoryKey === category.key)!;
  skill.levels['7'] = { criteria: ['Sets the standard across the profession'], examples: ['Wrote the **handbook**'] };
  skill.levels['3'] = { summary: skill.levels['3']!.summary, criteria: ['Runs it alone', 'Reviews others'], examples: [] };
  delete skill.levels['2'];
  doc.trackGroups = [{ key: 'office', name: 'Project office' }];
  doc.tracks[0]!.groupKey = 'office';
  const role = doc.roles.find((r) => Object.keys(r.expectations).length >= 2 && r.trackKey === doc.tracks[0]!.key)!;
  const [first, second] = Object.keys(role.expectations);
  role.expectationDetails = { [first!]: { optional: true }, [second!]: { weight: 2, statement: 'Does it for the **whole** office.' } };
  role.sharedWithTrackKeys = [doc.tracks[1]!.key];
  doc.levelling = {
    kind: 'points',
    pointsByLevel: { '1': 1, '2': 3, '3': 6, '4': 12, '5': 20 },
    levels: [{ minPoints: 0, name: '1.1' }, { minPoints: 17, name: '2.1' }],
    titles: [{ title: 'Analyst', minPoints: 0, maxPoints: 16 }, { title: 'Senior', minPoints: 17 }],
  };
  return frameworkDocumentSchema.parse(doc);
}

describe('framework document version 2 in storage and GraphQL', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn(DEMO.admin);
  });
  afterAll(async () => {
    await t.close();
  });

  const organisationId = async () => {
    const client = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await client.connect();
    try {
      return (await client.query("SELECT id FROM organisations WHERE slug = 'demo'")).rows[0].id as string;
    } finally {
      await client.end();
    }
  };

  it('writes a version using every new part and reads back exactly the same document', async () => {
    const orgId = await organisationId();
    const document = everyPart('every-part');
    const { version } = await t.app.get(FrameworksService).createFromDocument(orgId, document, { publish: true });
    const read = await tenantTransaction(t.app.get(DataSource), orgId, (manager) => t.app.get(FrameworkDocumentsService).versionDocument(manager, orgId, version.id));
    expect(read).toStrictEqual(document);
    expect(diffFrameworks(document, read).changeCount).toBe(0);

    // Export and re-import (as a new framework): no difference.
    const exported = await admin.graphql<{ frameworkDocument: string }>('query($id: ID!, $n: Int) { frameworkDocument(frameworkId: $id, version: $n) }', {
      id: version.frameworkId,
      n: version.number,
    });
    expectNoErrors(exported);
    expect(JSON.parse(exported.data!.frameworkDocument)).toEqual(canonicalFrameworkDocument(document));
  });

  it('serves per-skill scales, descriptors with criteria and examples, and expectation terms', async () => {
    const orgId = await organisationId();
    const document = everyPart('every-part-graphql');
    const { version } = await t.app.get(FrameworksService).createFromDocument(orgId, document, { publish: true });
    const result = await admin.graphql<{
      framework: {
        currentVersion: {
          scales: { key: string; levels: { name: string }[] }[];
          trackGroups: { key: string }[];
          levelling: { titles: { title: string; maxPoints: number | null }[] } | null;
          skills: { key: string; scale: { key: string | null; levels: { name: string }[] }; levels: { level: number; name: string; descriptor: string | null; hasDescriptor: boolean; criteria: string[]; examples: string[] }[] }[];
          tracks: { key: string; groupKey: string | null; roles: { key: string }[] }[];
          roles: { key: string; sharedWithTrackKeys: string[]; expectations: { optional: boolean; weight: number; statement: string | null; skill: { key: string } }[] }[];
        };
      };
    }>(
      `query($id: ID!) { framework(id: $id) { currentVersion {
        scales { key levels { name } } trackGroups { key } levelling { titles { title maxPoints } }
        skills { key scale { key levels { name } } levels { level name descriptor hasDescriptor criteria examples } }
        tracks { key groupKey roles { key } }
        roles { key sharedWithTrackKeys expectations { optional weight statement skill { key } } }
      } } }`,
      { id: version.frameworkId },
    );
    expectNoErrors(result);
    const v = result.data!.framework.currentVersion;
    expect(v.scales[0]!.levels).toHaveLength(7);
    expect(v.trackGroups).toEqual([{ key: 'office' }]);
    expect(v.levelling!.titles).toEqual([{ title: 'Analyst', maxPoints: 16 }, { title: 'Senior', maxPoints: null }]);
    const skillKey = document.skills.find((s) => s.categoryKey === document.skillCategories[0]!.key)!.key;
    const skill = v.skills.find((s) => s.key === skillKey)!;
    expect(skill.scale.key).toBe('technical');
    expect(skill.levels.map((l) => [l.level, l.name, l.hasDescriptor])).toEqual([
      [1, 'Awareness', true], [2, 'Foundational', false], [3, 'Working knowledge', true], [4, 'Practitioner', true],
      [5, 'Expert', true], [6, 'Authority', false], [7, 'Pioneer', true],
    ]);
    expect(skill.levels[1]).toMatchObject({ descriptor: null, criteria: [], examples: [] });
    expect(skill.levels[2]!.criteria).toEqual(['Runs it alone', 'Reviews others']);
    expect(skill.levels[6]).toMatchObject({ descriptor: null, criteria: ['Sets the standard across the profession'], examples: ['Wrote the **handbook**'] });
    const roleDoc = document.roles.find((r) => r.expectationDetails)!;
    const role = v.roles.find((r) => r.key === roleDoc.key)!;
    expect(role.sharedWithTrackKeys).toEqual(roleDoc.sharedWithTrackKeys);
    const terms = Object.fromEntries(role.expectations.map((e) => [e.skill.key, { optional: e.optional, weight: e.weight, statement: e.statement }]));
    for (const [key, detail] of Object.entries(roleDoc.expectationDetails!)) {
      expect(terms[key]).toEqual({ optional: detail.optional ?? false, weight: detail.weight ?? 1, statement: detail.statement ?? null });
    }
    // The shared role is on both tracks' ladders.
    expect(v.tracks.find((track) => track.key === roleDoc.sharedWithTrackKeys![0])!.roles.map((r) => r.key)).toContain(roleDoc.key);
    expect(v.tracks.find((track) => track.key === roleDoc.trackKey)!.groupKey).toBe('office');
  });

  it('refuses a rating above the skill\'s own scale, naming its levels', async () => {
    const orgId = await organisationId();
    const document = everyPart('every-part-small-scale');
    document.scales = [...(document.scales ?? []), { key: 'small', name: 'Small', levels: ['Spots', 'Handles', 'Leads'].map((name, i) => ({ level: i + 1, name })) }];
    const small = document.skills.find((s) => s.categoryKey !== document.skillCategories[0]!.key && !document.roles.some((r) => r.expectations[s.key] !== undefined && r.expectations[s.key]! > 3))!;
    small.scaleKey = 'small';
    small.levels = Object.fromEntries(Object.entries(small.levels).filter(([level]) => Number(level) <= 3));
    const { version } = await t.app.get(FrameworksService).createFromDocument(orgId, frameworkDocumentSchema.parse(document), { publish: true });
    const skills = await admin.graphql<{ framework: { currentVersion: { skills: { id: string; key: string; scale: { levels: { name: string }[] } }[] } } }>(
      'query($id: ID!) { framework(id: $id) { currentVersion { skills { id key scale { levels { name } } } } } }',
      { id: version.frameworkId },
    );
    expectNoErrors(skills);
    const skill = skills.data!.framework.currentVersion.skills.find((s) => s.key === small.key)!;
    expect(skill.scale.levels.map((l) => l.name)).toEqual(['Spots', 'Handles', 'Leads']);
    const dan = await t.signIn(DEMO.employee);
    const rate = (client: Client, level: number) => client.graphql('mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { level } }', { input: { skillId: skill.id, level } });
    const refused = theError(await rate(dan, 4));
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(refused.extensions?.fields).toEqual({ level: 'Choose a level on the scale: level 4 is not on the scale (1, 2, 3).' });
    // The framework's proficiency scale has 5 levels: 5 is refused too, though it is on that scale.
    expect(theError(await rate(dan, 5)).code).toBe('BAD_USER_INPUT');
    expectNoErrors(await rate(dan, 3));
  });

  it('answers "what level am I?" from a profile by the framework\'s points rule', async () => {
    const orgId = await organisationId();
    const document = everyPart('every-part-points');
    const { version } = await t.app.get(FrameworksService).createFromDocument(orgId, document, { publish: true });
    const skills = await admin.graphql<{ framework: { currentVersion: { skills: { id: string; key: string }[] } } }>(
      'query($id: ID!) { framework(id: $id) { currentVersion { skills { id key } } } }',
      { id: version.frameworkId },
    );
    const [a, b, c] = skills.data!.framework.currentVersion.skills;
    // 3 → 6 points, 4 → 12, 1 → 1: 19 points, level 2.1 (from 17), title Senior (17+).
    const profile = [
      { skillId: a!.id, level: 3 },
      { skillId: b!.id, level: 4 },
      { skillId: c!.id, level: 1 },
    ];
    const result = await admin.graphql<{ pointsLevel: unknown }>(
      'query($id: ID!, $profile: [SkillLevelInput!]!) { pointsLevel(frameworkId: $id, profile: $profile) { points level next { level pointsNeeded } titles unratedSkills skills { skillId level points } } }',
      { id: version.frameworkId, profile },
    );
    expectNoErrors(result);
    expect(result.data!.pointsLevel).toEqual({
      points: 19,
      level: '2.1',
      next: null,
      titles: ['Senior'],
      unratedSkills: skills.data!.framework.currentVersion.skills.length - 3,
      skills: [
        { skillId: a!.id, level: 3, points: 6 },
        { skillId: b!.id, level: 4, points: 12 },
        { skillId: c!.id, level: 1, points: 1 },
      ],
    });
  });

  it('answers an import with the warnings it applied, and a publish refusal with named parts', async () => {
    const raw = JSON.parse(JSON.stringify(canonicalFrameworkDocument(everyPart('imported'))));
    raw.colour = 'green';
    raw.skills[0].name = `  ${raw.skills[0].name} `;
    const created = await admin.graphql<{ createFramework: { id: string; key: string; importWarnings: { path: string; where: string; message: string }[] } }>(
      'mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { id key importWarnings { path where message } } }',
      { input: { source: 'IMPORT', json: JSON.stringify(raw) } },
    );
    expectNoErrors(created);
    expect(created.data!.createFramework.importWarnings).toEqual([
      { path: '', where: 'The framework', message: 'dropped unknown field "colour"' },
      { path: 'skills[0].name', where: `Skill "${raw.skills[0].name.trim()}"`, message: `trimmed the spaces around "${raw.skills[0].name.trim()}"` },
    ]);
    // The same key again is renamed, and says so.
    const again = await admin.graphql<{ createFramework: { key: string; importWarnings: { message: string }[] } }>(
      'mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { key importWarnings { message } } }',
      { input: { source: 'IMPORT', json: JSON.stringify(canonicalFrameworkDocument(everyPart('imported'))) } },
    );
    expectNoErrors(again);
    expect(again.data!.createFramework.importWarnings.map((w) => w.message)).toEqual([`the key "imported" is taken: imported as "${again.data!.createFramework.key}"`]);

    // A draft the editor let through with a problem: publishing names the part.
    const id = created.data!.createFramework.id;
    const draft = await admin.graphql<{ framework: { draft: { revision: number; roles: { key: string; title: string }[] } } }>('query($id: ID!) { framework(id: $id) { draft { revision roles { key title } } } }', { id });
    const role = draft.data!.framework.draft.roles[0]!;
    const client = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await client.connect();
    try {
      await client.query(
        `UPDATE framework_drafts SET document = jsonb_set(document, '{roles,0,expectations,nope}', '3') WHERE framework_id = $1`,
        [id],
      );
    } finally {
      await client.end();
    }
    const published = await admin.graphql('mutation($id: ID!, $revision: Int!) { publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: []) { version { number } } }', {
      id,
      revision: draft.data!.framework.draft.revision,
    });
    const error = theError(published);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(`Role "${role.title}", expectation of "nope": unknown skill "nope"`);
    expect(error.extensions?.problems).toEqual([
      { path: 'roles[0].expectations.nope', where: `Role "${role.title}", expectation of "nope"`, message: 'unknown skill "nope"', section: 'roles', key: role.key },
    ]);
  });

  it('discards a draft for good after checking its revision, never the only draft of an unpublished framework', async () => {
    const list = await admin.graphql<{ frameworks: { id: string; key: string; currentVersion: { id: string } | null }[] }>('{ frameworks { id key currentVersion { id } } }');
    const published = list.data!.frameworks.find((f) => f.currentVersion)!;
    const started = await admin.graphql<{ startFrameworkDraft: { revision: number } }>('mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }', { id: published.id });
    expectNoErrors(started);
    const revision = started.data!.startFrameworkDraft.revision;
    const DISCARD = 'mutation($id: ID!, $revision: Int!) { discardFrameworkDraft(frameworkId: $id, expectedRevision: $revision) }';
    expect(theError(await admin.graphql(DISCARD, { id: published.id, revision: revision + 1 })).extensions?.code).toBe('CONFLICT');
    const discarded = await admin.graphql(DISCARD, { id: published.id, revision });
    expectNoErrors(discarded);
    const after = await admin.graphql<{ framework: { draft: unknown } }>('query($id: ID!) { framework(id: $id) { draft { revision } } }', { id: published.id });
    expect(after.data!.framework.draft).toBeNull();
    expect(theError(await admin.graphql(DISCARD, { id: published.id, revision })).extensions?.code).toBe('NOT_FOUND');

    const unpublished = list.data!.frameworks.find((f) => !f.currentVersion && f.key.startsWith('imported'))!;
    const draft = await admin.graphql<{ framework: { draft: { revision: number } } }>('query($id: ID!) { framework(id: $id) { draft { revision } } }', { id: unpublished.id });
    const refused = theError(await admin.graphql(DISCARD, { id: unpublished.id, revision: draft.data!.framework.draft.revision }));
    expect(refused.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.message).toContain('has never been published');
  });
});
