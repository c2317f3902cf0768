import { pmoFramework, type FrameworkDocument } from '@trellis/domain';
import pg from 'pg';
import { expectNoErrors } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/**
 * Assessments, plan actions and target roles follow a framework publication (a skill merge and a
 * role rename), the publish preview counts real shortfalls from real assessments and plans, and
 * afterwards nothing outside the archived version's own content and the plans' history points at it.
 */

/** Tables that are a version's own content (they describe the archived version itself). */
const VERSION_CONTENT = new Set(['framework_versions', 'skill_categories', 'skills', 'tracks', 'roles', 'expectations', 'transitions', 'qualifications', 'qualification_skills', 'role_qualifications']);
/** Earlier plan revisions are the plan's history: they keep the version they were made in. */
const HISTORY = new Set(['plan_revisions']);

interface AssessmentView {
  skillKey: string;
  level: number;
  source: string;
  evidenceNote: string | null;
  counts: boolean;
}

describe('plans and assessments across framework versions', () => {
  let t: TestApp;
  let dan: Client;
  let admin: Client;
  let db: pg.Client;
  let danId: string;
  let frameworkId: string;
  let versionId: string;
  let skills: Map<string, string>;
  let roles: Map<string, string>;

  const rate = async (skillKey: string, level: number) =>
    expectNoErrors(
      await dan.graphql('mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }', {
        input: { skillId: skills.get(skillKey), level },
      }),
    );

  const myAssessments = async () => {
    const result = await dan.graphql<{ assessmentsOf: { assessments: AssessmentView[]; current: { skillKey: string; selfLevel: number | null; level: number }[] } }>(
      'query($id: ID!) { assessmentsOf(personId: $id) { assessments { skillKey level source evidenceNote counts } current { skillKey selfLevel level } } }',
      { id: danId },
    );
    expectNoErrors(result);
    return result.data!.assessmentsOf;
  };

  const myPlan = async () => {
    const result = await dan.graphql<{
      planOf: { id: string; version: number; targetRole: { key: string }; revisions: { number: number; reason: string }[]; actions: { title: string; skillKeys: string[] }[] };
    }>('query($id: ID!) { planOf(personId: $id) { id version targetRole { key } revisions { number reason } actions { title skillKeys } } }', { id: danId });
    expectNoErrors(result);
    return result.data!.planOf;
  };

  /** The next version: issue management merged into risk management, Senior PMO Analyst renamed (a new key). */
  const nextDocument = (): FrameworkDocument => {
    const draft = JSON.parse(JSON.stringify(pmoFramework).replaceAll('"senior-pmo-analyst"', '"senior-pmo-specialist"')) as FrameworkDocument;
    draft.roles.find((role) => role.key === 'senior-pmo-specialist')!.title = 'Senior PMO Specialist';
    draft.skills = draft.skills.filter((skill) => skill.key !== 'issue-management');
    for (const role of draft.roles) delete role.expectations['issue-management'];
    for (const qualification of draft.qualifications) qualification.skillKeys = qualification.skillKeys.filter((key) => key !== 'issue-management');
    return draft;
  };
  const choices = [
    { kind: 'SKILL', fromKey: 'issue-management', toKey: 'risk-management' },
    { kind: 'ROLE', fromKey: 'senior-pmo-analyst', toKey: 'senior-pmo-specialist' },
  ];

  beforeAll(async () => {
    t = await startTestApp();
    [dan, admin] = await Promise.all([t.signIn(DEMO.employee), t.signIn(DEMO.admin)]);
    db = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await db.connect();
    const read = await dan.graphql<{
      viewer: { person: { id: string } };
      frameworks: { id: string; currentVersion: { id: string; roles: { id: string; key: string }[]; skills: { id: string; key: string }[] } }[];
    }>('{ viewer { person { id } } frameworks { id currentVersion { id roles { id key } skills { id key } } } }');
    expectNoErrors(read);
    danId = read.data!.viewer.person.id;
    const framework = read.data!.frameworks[0]!;
    frameworkId = framework.id;
    versionId = framework.currentVersion.id;
    roles = new Map(framework.currentVersion.roles.map((r) => [r.key, r.id]));
    skills = new Map(framework.currentVersion.skills.map((s) => [s.key, s.id]));
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  it('counts real shortfalls and the people aiming at a role in the publish preview', async () => {
    // Risk first at 4, then issues at 2: the later rating is the lower one.
    await rate('risk-management', 4);
    await rate('issue-management', 2);
    const created = await dan.graphql<{ createPlanFromTarget: { id: string } }>('mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id } }', {
      input: { targetRoleId: roles.get('senior-pmo-analyst'), reviewRhythmWeeks: 6, timeZone: 'Europe/London' },
    });
    expectNoErrors(created);
    // An action developing both skills about to be merged (the suggestions give each gap skill its own).
    const plan = await myPlan();
    const { rows: actions } = await db.query<{ id: string }>(`SELECT id FROM plan_actions WHERE plan_id = $1 ORDER BY position LIMIT 1`, [plan.id]);
    await db.query(
      `INSERT INTO plan_action_skills (organisation_id, action_id, skill_id) SELECT organisation_id, $1, s.id FROM skills s
       WHERE s.framework_version_id = $2 AND s.key IN ('risk-management', 'issue-management') ON CONFLICT DO NOTHING`,
      [actions[0]!.id, versionId],
    );

    const started = await admin.graphql<{ startFrameworkDraft: { revision: number } }>('mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }', { id: frameworkId });
    expectNoErrors(started);
    const replaced = await admin.graphql<{ replaceFrameworkDraft: { revision: number } }>(
      'mutation($id: ID!, $revision: Int!, $json: String!) { replaceFrameworkDraft(frameworkId: $id, expectedRevision: $revision, json: $json) { revision } }',
      { id: frameworkId, revision: started.data!.startFrameworkDraft.revision, json: JSON.stringify(nextDocument()) },
    );
    expectNoErrors(replaced);

    const preview = await admin.graphql<{ frameworkPublishPreview: { shortfallsCounted: boolean; impact: Record<string, unknown>[] } }>(
      `query($id: ID!) { frameworkPublishPreview(frameworkId: $id) { shortfallsCounted impact { roleKey people aiming assessed shortfallsToday } } }`,
      { id: frameworkId },
    );
    expectNoErrors(preview);
    const impact = preview.data!.frameworkPublishPreview;
    expect(impact.shortfallsCounted).toBe(true);
    // Dan (a PMO Analyst) is the only one assessed; with two skills rated he falls short of his role today.
    expect(impact.impact.find((row) => row.roleKey === 'pmo-analyst')).toMatchObject({ assessed: 1, shortfallsToday: 1 });
    // His plan aims at Senior PMO Analyst, counted under the role it becomes in the draft.
    expect(impact.impact.find((row) => row.roleKey === 'senior-pmo-specialist')).toMatchObject({ aiming: 1 });
  });

  it('carries assessments, plan actions and the target role across a publish with a skill merge and a role rename', async () => {
    const before = await myPlan();
    const { rows: [draft] } = await db.query<{ revision: number }>(`SELECT revision FROM framework_drafts WHERE framework_id = $1`, [frameworkId]);
    const published = await admin.graphql<{ publishFrameworkDraft: { version: { id: string }; followers: { name: string; moved: number; cleared: number }[] } }>(
      `mutation($id: ID!, $revision: Int!, $choices: [MigrationChoiceInput!]!) {
        publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: $choices) { version { id } followers { name moved cleared } } }`,
      { id: frameworkId, revision: draft!.revision, choices },
    );
    expectNoErrors(published);
    const followers = Object.fromEntries(published.data!.publishFrameworkDraft.followers.map((f) => [f.name, { moved: f.moved, cleared: f.cleared }]));
    // Two ratings re-pointed plus one combining them; one plan moved.
    expect(followers['assessments.skill']).toEqual({ moved: 3, cleared: 0 });
    expect(followers['plans.targetRole']).toEqual({ moved: 1, cleared: 0 });

    const { assessments, current } = await myAssessments();
    // History keeps both ratings (now on the merged skill) and the combined one; the higher counts.
    const risk = assessments.filter((a) => a.skillKey === 'risk-management');
    expect(risk.map((a) => a.level).sort()).toEqual([2, 4, 4]);
    expect(risk.every((a) => a.counts)).toBe(true);
    expect(risk.filter((a) => a.evidenceNote?.includes('merged')).map((a) => a.level)).toEqual([4]);
    expect(assessments.some((a) => a.skillKey === 'issue-management')).toBe(false);
    expect(current.find((entry) => entry.skillKey === 'risk-management')).toMatchObject({ selfLevel: 4, level: 4 });

    const after = await myPlan();
    expect(after.id).toBe(before.id);
    expect(after.targetRole.key).toBe('senior-pmo-specialist');
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.revisions).toEqual([
      { number: 1, reason: 'INITIAL' },
      { number: 2, reason: 'RE_BASELINE' },
    ]);
    expect(after.actions.map((a) => a.title)).toEqual(before.actions.map((a) => a.title));
    // The action that developed both merged skills now develops the one they became, once.
    expect(after.actions[0]!.skillKeys.filter((key) => key === 'risk-management')).toHaveLength(1);
    expect(after.actions.flatMap((a) => a.skillKeys)).not.toContain('issue-management');
  });

  it('leaves nothing but the version itself and earlier plan revisions pointing at the archived version', async () => {
    const { rows: references } = await db.query<{ table: string; column: string; target: string; targetColumn: string }>(
      `SELECT c.conrelid::regclass::text AS table, a.attname AS column, c.confrelid::regclass::text AS target, fa.attname AS "targetColumn"
       FROM pg_constraint c
       JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(attnum, fattnum, n) ON true
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
       JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fattnum
       WHERE c.contype = 'f' AND c.confrelid::regclass::text IN ('framework_versions', 'roles', 'skills', 'qualifications') AND fa.attname = 'id'`,
    );
    const checked = references.filter((ref) => !VERSION_CONTENT.has(ref.table) && !HISTORY.has(ref.table));
    expect(checked.map((ref) => `${ref.table}.${ref.column}`)).toEqual(
      expect.arrayContaining(['assessments.skill_id', 'plan_action_skills.skill_id', 'plan_actions.qualification_id', 'plans.target_role_id', 'plans.framework_version_id', 'people.current_role_id']),
    );
    for (const ref of checked) {
      const archived =
        ref.target === 'framework_versions'
          ? `SELECT id FROM framework_versions WHERE id = $1`
          : `SELECT id FROM ${ref.target} WHERE framework_version_id = $1`;
      const { rows } = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${ref.table} WHERE ${ref.column} IN (${archived})`, [versionId]);
      expect({ column: `${ref.table}.${ref.column}`, pointingAtArchived: rows[0]!.count }).toEqual({ column: `${ref.table}.${ref.column}`, pointingAtArchived: 0 });
    }
    // The plan's first revision still reads against the version it was made in.
    const { rows: [first] } = await db.query<{ version: string }>(
      `SELECT r.framework_version_id AS version FROM plan_revisions r JOIN people p ON p.id = (SELECT person_id FROM plans WHERE id = r.plan_id) WHERE p.id = $1 AND r.number = 1`,
      [danId],
    );
    expect(first!.version).toBe(versionId);
  });

  it('keeps ratings of a removed skill readable but no longer counting, and asks for a new direction when the target role is removed', async () => {
    const draft = nextDocument();
    draft.skills = draft.skills.filter((skill) => skill.key !== 'risk-management');
    for (const role of draft.roles) delete role.expectations['risk-management'];
    for (const qualification of draft.qualifications) qualification.skillKeys = qualification.skillKeys.filter((key) => key !== 'risk-management');
    draft.roles = draft.roles.filter((role) => role.key !== 'senior-pmo-specialist');
    draft.transitions = draft.transitions.filter((move) => move.fromRoleKey !== 'senior-pmo-specialist' && move.toRoleKey !== 'senior-pmo-specialist');
    for (const qualification of draft.qualifications) {
      qualification.requiredForRoleKeys = qualification.requiredForRoleKeys.filter((key) => key !== 'senior-pmo-specialist');
      qualification.recommendedForRoleKeys = qualification.recommendedForRoleKeys.filter((key) => key !== 'senior-pmo-specialist');
    }
    const started = await admin.graphql<{ startFrameworkDraft: { revision: number } }>('mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }', { id: frameworkId });
    expectNoErrors(started);
    const replaced = await admin.graphql<{ replaceFrameworkDraft: { revision: number } }>(
      'mutation($id: ID!, $revision: Int!, $json: String!) { replaceFrameworkDraft(frameworkId: $id, expectedRevision: $revision, json: $json) { revision } }',
      { id: frameworkId, revision: started.data!.startFrameworkDraft.revision, json: JSON.stringify(draft) },
    );
    expectNoErrors(replaced);
    const before = await myPlan();
    const published = await admin.graphql<{ publishFrameworkDraft: { version: { id: string }; followers: { name: string; moved: number; cleared: number }[] } }>(
      `mutation($id: ID!, $revision: Int!, $choices: [MigrationChoiceInput!]!) {
        publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: $choices) { version { id } followers { name moved cleared } } }`,
      {
        id: frameworkId,
        revision: replaced.data!.replaceFrameworkDraft.revision,
        choices: [
          { kind: 'SKILL', fromKey: 'risk-management', toKey: null },
          { kind: 'ROLE', fromKey: 'senior-pmo-specialist', toKey: null },
        ],
      },
    );
    expectNoErrors(published);
    const followers = Object.fromEntries(published.data!.publishFrameworkDraft.followers.map((f) => [f.name, { moved: f.moved, cleared: f.cleared }]));
    expect(followers['assessments.skill']).toEqual({ moved: 0, cleared: 3 });
    expect(followers['plans.targetRole']).toEqual({ moved: 0, cleared: 1 });

    const { assessments, current } = await myAssessments();
    expect(assessments.filter((a) => a.skillKey === 'risk-management').map((a) => a.counts)).toEqual([false, false, false]);
    expect(current.map((entry) => entry.skillKey)).not.toContain('risk-management');

    // The plan keeps its (archived) target, unchanged, and the person and their manager are told.
    const after = await myPlan();
    expect({ target: after.targetRole.key, version: after.version }).toEqual({ target: 'senior-pmo-specialist', version: before.version });
    const { rows: notified } = await db.query<{ email: string }>(
      `SELECT p.email FROM notifications n JOIN people p ON p.id = n.person_id WHERE n.kind = 'plan-revisit' AND n.plan_id = $1 ORDER BY p.email`,
      [after.id],
    );
    expect(notified.map((row) => row.email)).toEqual(['ben.okafor@demo.example', DEMO.employee]);

    // Choosing a new direction moves the plan onto the published version.
    const { rows: [head] } = await db.query<{ id: string }>(
      `SELECT r.id FROM roles r JOIN framework_versions v ON v.id = r.framework_version_id WHERE v.id = $1 AND r.key = 'pmo-manager'`,
      [published.data!.publishFrameworkDraft.version.id],
    );
    const changed = await dan.graphql<{ changePlanDirection: { targetRole: { key: string }; revisions: { reason: string }[] } }>(
      'mutation($input: ChangePlanDirectionInput!) { changePlanDirection(input: $input) { targetRole { key } revisions { reason } } }',
      { input: { planId: after.id, expectedVersion: after.version, targetRoleId: head!.id, reason: 'NEW_TARGET_ROLE' } },
    );
    expectNoErrors(changed);
    expect(changed.data!.changePlanDirection).toEqual({ targetRole: { key: 'pmo-manager' }, revisions: [{ reason: 'INITIAL' }, { reason: 'RE_BASELINE' }, { reason: 'NEW_TARGET_ROLE' }] });
  });
});
