import pg from 'pg';
import { MAX_FOCUS_SKILLS, MAX_PROPOSED_ACTIONS, MIN_FOCUS_SKILLS } from '@trellis/domain';
import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { asSuperuser } from './support/superuser.js';

/**
 * Focused plans and honest readiness through the real API, as the demo PMO Analyst (Dan) aiming at
 * Project Manager: a few focus skills with one or two suggestions each (not dozens of actions), the
 * rest "later", suggestions added by choice, a check-in that asks about the focus, and readiness that
 * says what is rated and what is assumed and whose forecast moves when a dated rating goes up.
 */

const FOCUS_FIELDS = `id status version revision
  actions { id type title skillKeys suggestionId }
  focus { skillKey skillName currentLevel basis targetLevel aimLevel aimDescriptor blocking reason
    suggestions { id type title description skillKeys qualificationKey actionId } }
  later { skillKey shortfall blocking }
  unknownExpectations { skillKey }
  checkInQuestions { skillKey title prompt actions { id title } }
  checkIns { focus { skillKey progress note } }
  readiness { shareMet totalShortfall assumption coverage { expected rated assumed unknown known }
    skills { skillKey basis status currentLevel requiredLevel }
    forecast { kind reason monthsToReady levelsGained } }`;

interface Suggestion { id: string; type: string; title: string; description: string; skillKeys: string[]; qualificationKey: string | null; actionId: string | null }
interface FocusPlan {
  id: string;
  status: string;
  version: number;
  revision: number;
  actions: { id: string; type: string; title: string; skillKeys: string[]; suggestionId: string | null }[];
  focus: { skillKey: string; skillName: string; currentLevel: number; basis: string; targetLevel: number; aimLevel: number; aimDescriptor: string | null; blocking: boolean; reason: string; suggestions: Suggestion[] }[];
  later: { skillKey: string; shortfall: number; blocking: boolean }[];
  unknownExpectations: { skillKey: string }[];
  checkInQuestions: { skillKey: string | null; title: string; prompt: string; actions: { id: string; title: string }[] }[];
  checkIns: { focus: { skillKey: string; progress: string; note: string | null }[] }[];
  readiness: {
    shareMet: number;
    totalShortfall: number;
    assumption: string;
    coverage: { expected: number; rated: number; assumed: number; unknown: number; known: number };
    skills: { skillKey: string; basis: string; status: string; currentLevel: number | null; requiredLevel: number }[];
    forecast: { kind: string; reason: string | null; monthsToReady: number | null; levelsGained: number | null };
  };
}

const BEN = 'ben.okafor@demo.example';

describe('focused plans and honest readiness', () => {
  let t: TestApp;
  let dan: Client;
  let ben: Client;
  let danId: string;
  let roles: Map<string, string>;
  let skills: Map<string, string>;
  let plan: FocusPlan;

  const superuser = <T>(work: (client: pg.Client) => Promise<T>) => asSuperuser(t.adminDatabaseUrl, work);
  const myPlan = async () => {
    const read = await dan.graphql<{ myPlan: FocusPlan }>(`{ myPlan { ${FOCUS_FIELDS} } }`);
    expectNoErrors(read);
    return read.data!.myPlan;
  };
  const addSuggestions = (suggestionIds: string[], from = plan) =>
    dan.graphql<{ addPlanSuggestions: FocusPlan }>(`mutation($input: AddPlanSuggestionsInput!) { addPlanSuggestions(input: $input) { ${FOCUS_FIELDS} } }`, {
      input: { planId: from.id, expectedVersion: from.version, suggestionIds },
    });

  beforeAll(async () => {
    t = await startTestApp();
    [dan, ben] = await Promise.all([t.signIn(DEMO.employee), t.signIn(BEN)]);
    const read = await dan.graphql<{
      viewer: { person: { id: string } };
      frameworks: { currentVersion: { roles: { id: string; key: string }[]; skills: { id: string; key: string }[] } }[];
    }>('{ viewer { person { id } } frameworks { currentVersion { roles { id key } skills { id key } } } }');
    expectNoErrors(read);
    danId = read.data!.viewer.person.id;
    roles = new Map(read.data!.frameworks[0]!.currentVersion.roles.map((r) => [r.key, r.id]));
    skills = new Map(read.data!.frameworks[0]!.currentVersion.skills.map((s) => [s.key, s.id]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('says what readiness rests on: rated, assumed from the current role, unknown; and never counts an unknown skill as 0', async () => {
    const read = await dan.graphql<{ readiness: FocusPlan['readiness'] }>(
      `query($p: ID!, $r: ID!) { readiness(personId: $p, roleId: $r) { shareMet totalShortfall assumption coverage { expected rated assumed unknown known }
         skills { skillKey basis status currentLevel requiredLevel } forecast { kind reason monthsToReady levelsGained } } }`,
      { p: danId, r: roles.get('pmo-analyst') },
    );
    expectNoErrors(read);
    // Nothing rated yet: his own role's expectations are all assumed, and he meets them.
    const own = read.data!.readiness;
    expect(own.coverage).toMatchObject({ rated: 0, unknown: 0 });
    expect(own.coverage.assumed).toBe(own.coverage.expected);
    expect(own.shareMet).toBe(1);
    expect(own.assumption).toMatch(/0 of \d+ expectations rated; \d+ assumed at the level your current role \(PMO Analyst\) expects\./);

    const pm = await dan.graphql<{ readiness: FocusPlan['readiness'] }>(
      `query($p: ID!, $r: ID!) { readiness(personId: $p, roleId: $r) { shareMet coverage { expected rated assumed unknown known } skills { skillKey basis status currentLevel shortfall: requiredLevel } } }`,
      { p: danId, r: roles.get('project-manager') },
    );
    expectNoErrors(pm);
    const unknown = pm.data!.readiness.skills.filter((s) => s.basis === 'UNKNOWN');
    expect(unknown.length).toBe(pm.data!.readiness.coverage.unknown);
    expect(unknown.every((s) => s.currentLevel === null && s.status === 'unknown')).toBe(true);
    expect(pm.data!.readiness.shareMet).toBeGreaterThan(0);
  });

  it('creates a focused plan: 3 to 5 focus skills with one or two suggestions each, the rest later, one action per focus skill to start', async () => {
    expectNoErrors(await dan.graphql('mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }', {
      input: { skillId: skills.get('planning-scheduling'), level: 2 },
    }));
    const created = await dan.graphql<{ createPlanFromTarget: FocusPlan }>(`mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { ${FOCUS_FIELDS} } }`, {
      input: { targetRoleId: roles.get('project-manager'), timeZone: 'Europe/London' },
    });
    expectNoErrors(created);
    plan = created.data!.createPlanFromTarget;
    expect(plan.focus.length).toBeGreaterThanOrEqual(MIN_FOCUS_SKILLS);
    expect(plan.focus.length).toBeLessThanOrEqual(MAX_FOCUS_SKILLS);
    for (const focus of plan.focus) {
      expect(focus.suggestions.length).toBeGreaterThanOrEqual(1);
      expect(focus.suggestions.length).toBeLessThanOrEqual(2);
      expect(focus.aimLevel).toBe(Math.min(focus.targetLevel, focus.currentLevel + 1));
      expect(focus.reason).toMatch(/level/);
    }
    // The rated skill is a blocking gap and in focus, rated; the others are assumed from PMO Analyst.
    expect(plan.focus.find((f) => f.skillKey === 'planning-scheduling')).toMatchObject({ basis: 'RATED', currentLevel: 2, blocking: true });
    expect(plan.later.length).toBeGreaterThan(0);
    const focusKeys = new Set(plan.focus.map((f) => f.skillKey));
    expect(plan.later.some((g) => focusKeys.has(g.skillKey))).toBe(false);
    // Qualifications only when Project Manager requires or recommends them, and at most once or twice.
    const qualifications = new Set(plan.focus.flatMap((f) => f.suggestions).filter((s) => s.type === 'QUALIFICATION').map((s) => s.qualificationKey));
    expect(qualifications.size).toBeLessThanOrEqual(2);
    // The starting choice: the first suggestion of each focus skill, nothing else.
    expect(plan.actions.map((a) => a.suggestionId)).toEqual(plan.focus.map((f) => f.suggestions[0]!.id));
    expect(plan.focus.every((f) => f.suggestions[0]!.actionId !== null)).toBe(true);
    expect(plan.actions.length).toBeLessThanOrEqual(MAX_PROPOSED_ACTIONS);
    // The check-in asks about each focus skill, with the actions that work on it.
    expect(plan.checkInQuestions.map((q) => q.skillKey)).toEqual(plan.focus.map((f) => f.skillKey));
    expect(plan.checkInQuestions.flatMap((q) => q.actions.map((a) => a.id)).sort()).toEqual(plan.actions.map((a) => a.id).sort());
    expect(plan.checkInQuestions[0]!.prompt).toMatch(/You are working towards level \d/);
  });

  it('adds the suggestions the person chooses, once each, only from the proposal and only to their own draft', async () => {
    const open = plan.focus.flatMap((f) => f.suggestions).filter((s) => s.actionId === null);
    expect(open.length).toBeGreaterThan(0);
    const chosen = open[0]!;
    const added = await addSuggestions([chosen.id]);
    expectNoErrors(added);
    plan = added.data!.addPlanSuggestions;
    const action = plan.actions.find((a) => a.suggestionId === chosen.id)!;
    expect(action).toMatchObject({ title: chosen.title, skillKeys: chosen.skillKeys });
    expect(plan.focus.flatMap((f) => f.suggestions).filter((s) => s.id === chosen.id).every((s) => s.actionId === action.id)).toBe(true);

    expect(fieldErrors(await addSuggestions([chosen.id]))).toEqual({ 'suggestionIds.0': 'This suggestion is already in your plan.' });
    expect(fieldErrors(await addSuggestions(['practise:nothing:9:1']))['suggestionIds.0']).toMatch(/not part of the plan’s proposal/);
    expect(theError(await addSuggestions([chosen.id], { ...plan, version: plan.version - 1 })).code).toBe('CONFLICT');
    const managerTry = await ben.graphql(`mutation($input: AddPlanSuggestionsInput!) { addPlanSuggestions(input: $input) { id } }`, {
      input: { planId: plan.id, expectedVersion: plan.version, suggestionIds: [open[1]?.id ?? chosen.id] },
    });
    expect(theError(managerTry).code).toBe('FORBIDDEN');
    expect((await myPlan()).actions.length).toBe(plan.actions.length);
  });

  it('records how each focus skill went at a check-in, and refuses answers about skills outside the focus', async () => {
    const propose = await dan.graphql<{ proposePlan: { version: number } }>('mutation($input: PlanVersionInput!) { proposePlan(input: $input) { version } }', {
      input: { planId: plan.id, expectedVersion: plan.version },
    });
    expectNoErrors(propose);
    const agree = await ben.graphql<{ agreePlan: { version: number } }>('mutation($input: PlanVersionInput!) { agreePlan(input: $input) { version } }', {
      input: { planId: plan.id, expectedVersion: propose.data!.proposePlan.version },
    });
    expectNoErrors(agree);
    const checkIn = (focus: unknown[]) =>
      dan.graphql<{ recordCheckIn: FocusPlan }>(`mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { ${FOCUS_FIELDS} } }`, {
        input: { planId: plan.id, expectedVersion: agree.data!.agreePlan.version, reflection: 'Built the schedule for the Q3 release.', focus },
      });
    const first = plan.focus[0]!.skillKey;
    expect(fieldErrors(await checkIn([{ skillKey: 'team-leadership', progress: 'SOME_PROGRESS' }]))['focus.0.skillKey']).toMatch(/not a focus skill/);
    const recorded = await checkIn([{ skillKey: first, progress: 'GOOD_PROGRESS', note: 'Baselined it with the team' }]);
    expectNoErrors(recorded);
    expect(recorded.data!.recordCheckIn.checkIns[0]!.focus).toEqual([{ skillKey: first, progress: 'GOOD_PROGRESS', note: 'Baselined it with the team' }]);
  });

  it('forecasts from dated ratings, and the readiness moves when a rating goes up', async () => {
    // Dan first rated his skills four months ago, and raised one two months later.
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await superuser((client) =>
      client.query(
        `UPDATE assessments SET assessed_at = $2 WHERE person_id = $1`,
        [danId, daysAgo(120)],
      ),
    );
    await superuser((client) =>
      client.query(
        `INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at)
         SELECT organisation_id, gen_random_uuid(), id, $2, 2, 'self', id, $3 FROM people WHERE id = $1`,
        [danId, skills.get('stakeholder-engagement'), daysAgo(120)],
      ),
    );
    await superuser((client) =>
      client.query(
        `INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at)
         SELECT organisation_id, gen_random_uuid(), id, $2, 3, 'self', id, $3 FROM people WHERE id = $1`,
        [danId, skills.get('stakeholder-engagement'), daysAgo(60)],
      ),
    );
    const before = (await myPlan()).readiness;
    expect(before.forecast).toMatchObject({ kind: 'forecast', levelsGained: 1 });
    expect(before.coverage.rated).toBe(2);

    expectNoErrors(await dan.graphql('mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }', {
      input: { skillId: skills.get('planning-scheduling'), level: 3 },
    }));
    const after = (await myPlan()).readiness;
    expect(after.totalShortfall).toBe(before.totalShortfall - 1);
    expect(after.forecast.kind).toBe('forecast');
    expect(after.forecast.levelsGained).toBe(2);
    expect(after.forecast.monthsToReady!).toBeLessThan(before.forecast.monthsToReady!);
    expect(after.assumption).toMatch(/^2 of \d+ expectations rated/);
  });
});
