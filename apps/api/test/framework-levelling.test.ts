import { pmoFramework } from '@trellis/domain';
import { expectNoErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/** The points levelling rule edited through the draft mutation (SET_LEVELLING), published, and answered. */

const LEVELLING = 'levelling { pointsByLevel { level points } skillPoints { skillKey points { level points } } levels { minPoints name subLevels { name minPoints } } titles { title minPoints maxPoints } }';
const EDIT = `mutation($id: ID!, $revision: Int!, $operations: [DraftOperationInput!]!) {
  editFrameworkDraft(frameworkId: $id, expectedRevision: $revision, operations: $operations) { revision ${LEVELLING} }
}`;

interface Rule {
  pointsByLevel: { level: number; points: number }[];
  skillPoints: { skillKey: string; points: { level: number; points: number }[] }[];
  levels: { minPoints: number; name: string; subLevels: { name: string; minPoints: number }[] }[];
  titles: { title: string; minPoints: number; maxPoints: number | null }[];
}

describe('points levelling in the framework editor', () => {
  let t: TestApp;
  let admin: Client;
  let frameworkId: string;
  let revision: number;
  const [first, second] = pmoFramework.skills;

  const rule = {
    pointsByLevel: [
      { level: 1, points: 1 },
      { level: 2, points: 3 },
      { level: 3, points: 6 },
    ],
    skillPoints: [{ skillKey: first!.key, points: [{ level: 1, points: 2 }, { level: 2, points: 10 }] }],
    levels: [
      { minPoints: 0, name: 'Associate', subLevels: [] },
      {
        minPoints: 10,
        name: 'Practitioner',
        subLevels: [
          { name: 'A', minPoints: 10 },
          { name: 'B', minPoints: 12 },
          { name: 'C', minPoints: 15 },
        ],
      },
    ],
    titles: [{ title: 'Analyst', minPoints: 0, maxPoints: 9 }, { title: 'Senior analyst', minPoints: 10 }],
  };
  const edit = (operations: unknown[]) => admin.graphql<{ editFrameworkDraft: { revision: number; levelling: Rule | null } }>(EDIT, { id: frameworkId, revision, operations });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn(DEMO.admin);
    const frameworks = await admin.graphql<{ frameworks: { id: string; key: string }[] }>('{ frameworks { id key } }');
    const pmo = frameworks.data!.frameworks.find((f) => f.key === pmoFramework.key)!;
    const copy = await admin.graphql<{ createFramework: { id: string } }>('mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { id } }', {
      input: { source: 'COPY', name: 'Points ladder', frameworkId: pmo.id },
    });
    expectNoErrors(copy);
    frameworkId = copy.data!.createFramework.id;
    const draft = await admin.graphql<{ framework: { draft: { revision: number; levelling: unknown } } }>(`query($id: ID!) { framework(id: $id) { draft { revision ${LEVELLING} } } }`, { id: frameworkId });
    revision = draft.data!.framework.draft.revision;
    // The built-in framework's example rule comes with the copy; the tests below replace it.
    expect(draft.data!.framework.draft.levelling).not.toBeNull();
  });
  afterAll(async () => {
    await t.close();
  });

  it('sets a rule with per-skill points and serves it back on the draft', async () => {
    const result = await edit([{ kind: 'SET_LEVELLING', levelling: rule }]);
    expectNoErrors(result);
    revision = result.data!.editFrameworkDraft.revision;
    expect(result.data!.editFrameworkDraft.levelling).toEqual({ ...rule, titles: [rule.titles[0], { ...rule.titles[1], maxPoints: null }] });
  });

  it('refuses a rule that could not be published, naming each problem by its path, and a level listed twice', async () => {
    const refused = theError(
      await edit([
        {
          kind: 'SET_LEVELLING',
          levelling: { ...rule, skillPoints: [{ skillKey: 'nobody', points: [{ level: 1, points: 1 }] }], levels: [{ minPoints: 4, name: 'Late start' }] },
        },
      ]),
    );
    expect(refused.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.extensions?.problems).toEqual([
      { path: 'operations[0].levelling.skillPoints.nobody', message: 'unknown skill "nobody"' },
      { path: 'operations[0].levelling.levels[0].minPoints', message: 'the first level must start at 0 points, so every profile has a level' },
    ]);
    const repeated = theError(await edit([{ kind: 'SET_LEVELLING', levelling: { ...rule, pointsByLevel: [{ level: 1, points: 1 }, { level: 1, points: 2 }] } }]));
    expect(repeated.extensions?.problems).toEqual([{ path: 'operations[0].levelling.pointsByLevel[1].level', message: 'level 1 is listed twice' }]);
    expect(theError(await edit([{ kind: 'SET_TRACK_GROUPS', trackGroups: [], levelling: rule }])).extensions?.problems).toEqual([
      { path: 'operations[0].levelling', message: 'is not used by setTrackGroups' },
    ]);
  });

  it('publishes the rule, and "What level am I?" answers by it, per-skill points included', async () => {
    const published = await admin.graphql('mutation($id: ID!, $revision: Int!) { publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: []) { version { number } } }', {
      id: frameworkId,
      revision,
    });
    expectNoErrors(published);
    const version = await admin.graphql<{ framework: { currentVersion: { skills: { id: string; key: string }[]; levelling: Rule } } }>(
      `query($id: ID!) { framework(id: $id) { currentVersion { skills { id key } ${LEVELLING} } } }`,
      { id: frameworkId },
    );
    expectNoErrors(version);
    const v = version.data!.framework.currentVersion;
    expect(v.levelling.skillPoints).toEqual(rule.skillPoints);
    const id = (key: string) => v.skills.find((s) => s.key === key)!.id;
    // The first skill at 2 earns its own 10 points, the second at 2 the rule's 3: 13, Practitioner.
    const level = await admin.graphql<{ pointsLevel: { points: number; level: string; titles: string[] } }>(
      'query($id: ID!, $profile: [SkillLevelInput!]!) { pointsLevel(frameworkId: $id, profile: $profile) { points level subLevel nextSubLevel { name pointsNeeded } next { level pointsNeeded } titles } }',
      { id: frameworkId, profile: [{ skillId: id(first!.key), level: 2 }, { skillId: id(second!.key), level: 2 }] },
    );
    expectNoErrors(level);
    // 13 points: Practitioner from 10, its sub-level B from 12, C needs 2 more; no level above.
    expect(level.data!.pointsLevel).toEqual({
      points: 13,
      level: 'Practitioner',
      subLevel: 'B',
      nextSubLevel: { name: 'C', pointsNeeded: 2 },
      next: null,
      titles: ['Senior analyst'],
    });
  });

  it('refuses sub-levels that do not start where their level does, naming the level', async () => {
    const started = await admin.graphql<{ startFrameworkDraft: { revision: number } }>('mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }', { id: frameworkId });
    expectNoErrors(started);
    revision = started.data!.startFrameworkDraft.revision;
    const levels = [rule.levels[0], { ...rule.levels[1]!, subLevels: [{ name: 'A', minPoints: 11 }] }];
    expect(theError(await edit([{ kind: 'SET_LEVELLING', levelling: { ...rule, levels } }])).extensions?.problems).toEqual([
      { path: 'operations[0].levelling.levels[1].subLevels[0].minPoints', message: `the first sub-level must start at level "Practitioner"'s 10 points` },
    ]);
  });

  it("names a skill's points its new scale no longer has, and refuses to publish until they are removed", async () => {
    // The first skill's own points go up to level 5; a 4-level scale (its roles expect at most 4) leaves level 5's dangling.
    const withFive = { ...rule, skillPoints: [{ skillKey: first!.key, points: [1, 2, 3, 4, 5].map((level) => ({ level, points: level * 2 })) }] };
    const scales = [{ key: 'four', name: 'Four steps', levels: [1, 2, 3, 4].map((level) => ({ level, name: `Step ${level}` })) }];
    const changed = await edit([
      { kind: 'SET_LEVELLING', levelling: withFive },
      { kind: 'SET_SCALES', scales },
      {
        kind: 'UPDATE_SKILL',
        key: first!.key,
        scaleKey: 'four',
        levels: [1, 2, 3, 4].map((level) => ({ level, descriptor: `Step ${level} of ${first!.name}.` })),
      },
    ]);
    expectNoErrors(changed);
    revision = changed.data!.editFrameworkDraft.revision;
    const message = `level 5 is above scale "Four steps"'s maximum 4: the skill's scale has changed; remove its points for level 5`;
    const preview = await admin.graphql<{ frameworkPublishPreview: { problems: { path: string; message: string }[] } }>(
      'query($id: ID!) { frameworkPublishPreview(frameworkId: $id) { problems { path message } } }',
      { id: frameworkId },
    );
    expectNoErrors(preview);
    expect(preview.data!.frameworkPublishPreview.problems).toEqual([{ path: `levelling.skillPoints.${first!.key}.5`, message }]);
    const publish = (r: number) =>
      admin.graphql('mutation($id: ID!, $revision: Int!) { publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: []) { version { number } } }', {
        id: frameworkId,
        revision: r,
      });
    const refused = theError(await publish(revision));
    expect(refused.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.message).toBe(`The draft cannot be published until these are fixed: Points levelling, points for "${first!.name}" at level 5: ${message}.`);
    const fixed = await edit([{ kind: 'SET_LEVELLING', levelling: rule }]);
    expectNoErrors(fixed);
    revision = fixed.data!.editFrameworkDraft.revision;
    expectNoErrors(await publish(revision));
  });

  it('removes the rule with null', async () => {
    const started = await admin.graphql<{ startFrameworkDraft: { revision: number } }>('mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }', { id: frameworkId });
    expectNoErrors(started);
    revision = started.data!.startFrameworkDraft.revision;
    const result = await edit([{ kind: 'SET_LEVELLING', levelling: null }]);
    expectNoErrors(result);
    expect(result.data!.editFrameworkDraft.levelling).toBeNull();
  });
});
