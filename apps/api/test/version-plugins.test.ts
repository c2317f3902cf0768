import { pmoFramework, type FrameworkDocument } from '@trellis/domain';
import pg from 'pg';
import { ImpactProfiles, type PersonImpactProfile } from '../src/frameworks/version-migration/impact-profiles.js';
import { VersionFollowers, type VersionMove } from '../src/frameworks/version-migration/version-followers.js';
import { expectNoErrors } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/**
 * The contract later kinds of data (assessments, plan actions, target roles) rely on: a registered
 * follower receives every old role and skill id with its successor when a version is published, and a
 * registered impact profile source makes the publish preview count shortfalls.
 */
describe('plugging into versions', () => {
  let t: TestApp;
  let admin: Client;
  let db: pg.Client;
  let frameworkId: string;
  let versionId: string;

  const ids = async (table: 'roles' | 'skills', version: string) => {
    const { rows } = await db.query<{ key: string; id: string }>(`SELECT key, id FROM ${table} WHERE framework_version_id = $1`, [version]);
    return new Map(rows.map((row) => [row.key, row.id]));
  };

  /** Opens a draft holding `document`, returning its revision. */
  const draftOf = async (document: FrameworkDocument): Promise<number> => {
    const started = await admin.graphql<{ startFrameworkDraft: { revision: number } }>('mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }', { id: frameworkId });
    expectNoErrors(started);
    const replaced = await admin.graphql<{ replaceFrameworkDraft: { revision: number } }>(
      'mutation($id: ID!, $revision: Int!, $json: String!) { replaceFrameworkDraft(frameworkId: $id, expectedRevision: $revision, json: $json) { revision } }',
      { id: frameworkId, revision: started.data!.startFrameworkDraft.revision, json: JSON.stringify(document) },
    );
    expectNoErrors(replaced);
    return replaced.data!.replaceFrameworkDraft.revision;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn(DEMO.admin);
    db = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await db.connect();
    const { rows } = await db.query<{ id: string; framework_id: string }>(`SELECT id, framework_id FROM framework_versions WHERE status = 'published'`);
    versionId = rows[0]!.id;
    frameworkId = rows[0]!.framework_id;
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('takes one impact profile source: development plans own assessed profiles and target roles', () => {
    // The preview's counts from real assessments and plans are tested in plan-versions.test.ts.
    const source = { name: 'test.profiles', profiles: async (): Promise<PersonImpactProfile[]> => [] };
    expect(() => t.app.get(ImpactProfiles).register(source)).toThrow('An impact profile source is already registered ("plans.targetRole")');
  });

  it('hands every follower each old role and skill id with its successor, merges and removals included', async () => {
    const moves: VersionMove[] = [];
    t.app.get(VersionFollowers).register({
      name: 'test.recorder',
      describe: 'recorded moves',
      async follow(_manager, move) {
        moves.push(move);
        return { moved: move.skills.size, cleared: 0 };
      },
    });
    const draft = structuredClone(pmoFramework);
    draft.skills = draft.skills.filter((skill) => skill.key !== 'issue-management');
    for (const role of draft.roles) delete role.expectations['issue-management'];
    for (const qualification of draft.qualifications) qualification.skillKeys = qualification.skillKeys.filter((key) => key !== 'issue-management');
    const revision = await draftOf(draft);

    const published = await admin.graphql<{ publishFrameworkDraft: { version: { id: string }; followers: { name: string; moved: number }[] } }>(
      `mutation($id: ID!, $revision: Int!, $choices: [MigrationChoiceInput!]!) {
        publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: $choices) { version { id } followers { name moved } } }`,
      { id: frameworkId, revision, choices: [{ kind: 'SKILL', fromKey: 'issue-management', toKey: 'risk-management' }] },
    );
    expectNoErrors(published);
    const newVersionId = published.data!.publishFrameworkDraft.version.id;
    expect(published.data!.publishFrameworkDraft.followers.map((f) => f.name)).toEqual(['people.currentRole', 'assessments.skill', 'planActions.skills', 'plans.targetRole', 'mentoring.skillKeys', 'test.recorder']);

    expect(moves).toHaveLength(1);
    const [move] = moves;
    expect(move).toMatchObject({ frameworkId, fromVersionId: versionId, toVersionId: newVersionId });
    const [oldSkills, newSkills, oldRoles, newRoles] = [await ids('skills', versionId), await ids('skills', newVersionId), await ids('roles', versionId), await ids('roles', newVersionId)];
    expect(move!.skills.get(oldSkills.get('issue-management')!)).toBe(newSkills.get('risk-management'));
    expect(move!.skills.get(oldSkills.get('risk-management')!)).toBe(newSkills.get('risk-management'));
    expect(move!.skills.size).toBe(oldSkills.size);
    expect(move!.roles.size).toBe(oldRoles.size);
    for (const [key, oldId] of oldRoles) expect(move!.roles.get(oldId)).toBe(newRoles.get(key));
  });
});
