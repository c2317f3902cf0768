import { expectNoErrors } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/** Private notes stay private: a check-in's note is read by its author and no one else, whoever they are. */

const BEN = 'ben.okafor@demo.example'; // Dan's manager
const CHLOE = 'chloe.martin@demo.example'; // Dan's colleague

describe('private notes', () => {
  let t: TestApp;
  let dan: Client;
  let ben: Client;
  let chloe: Client;
  let admin: Client;
  let danId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [dan, ben, chloe, admin] = await Promise.all([t.signIn(DEMO.employee), t.signIn(BEN), t.signIn(CHLOE), t.signIn(DEMO.admin)]);
    const read = await dan.graphql<{ viewer: { person: { id: string } }; frameworks: { currentVersion: { roles: { id: string; key: string }[] } }[] }>(
      '{ viewer { person { id } } frameworks { currentVersion { roles { id key } } } }',
    );
    expectNoErrors(read);
    danId = read.data!.viewer.person.id;
    const target = read.data!.frameworks[0]!.currentVersion.roles.find((role) => role.key === 'senior-pmo-analyst')!;
    const created = await dan.graphql<{ createPlanFromTarget: { id: string; version: number } }>(
      'mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id version } }',
      { input: { targetRoleId: target.id, reviewRhythmWeeks: 6, timeZone: 'Europe/London' } },
    );
    expectNoErrors(created);
    const plan = created.data!.createPlanFromTarget;
    const proposed = await dan.graphql<{ proposePlan: { version: number } }>('mutation($input: PlanVersionInput!) { proposePlan(input: $input) { version } }', {
      input: { planId: plan.id, expectedVersion: plan.version },
    });
    expectNoErrors(proposed);
    expectNoErrors(
      await ben.graphql('mutation($input: PlanVersionInput!) { agreePlan(input: $input) { id } }', { input: { planId: plan.id, expectedVersion: proposed.data!.proposePlan.version } }),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it("keeps a check-in's private note for its author alone: not the manager, not someone shared with", async () => {
    const notes = (client: Client) =>
      client.graphql<{ planOf: { id: string; version: number; checkIns: { reflection: string; privateNote: string | null }[] } }>(
        'query($id: ID!) { planOf(personId: $id) { id version checkIns { reflection privateNote } } }',
        { id: danId },
      );
    const checkIn = async (client: Client, reflection: string, privateNote: string) => {
      const plan = (await notes(client)).data!.planOf;
      expectNoErrors(
        await client.graphql('mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { id } }', {
          input: { planId: plan.id, expectedVersion: plan.version, reflection, privateNote },
        }),
      );
    };
    await checkIn(dan, 'Halfway through the course', 'Worried I will not pass first time');
    await checkIn(ben, 'Steady progress', 'Ask about the stretch project before the review');
    const seenBy = async (client: Client) =>
      Object.fromEntries((await notes(client)).data!.planOf.checkIns.slice(0, 2).map((c) => [c.reflection, c.privateNote]));
    expect(await seenBy(dan)).toEqual({ 'Halfway through the course': 'Worried I will not pass first time', 'Steady progress': null });
    expect(await seenBy(ben)).toEqual({ 'Halfway through the course': null, 'Steady progress': 'Ask about the stretch project before the review' });
    const team = await ben.graphql<{ teamPlans: { plan: { checkIns: { privateNote: string | null }[] } | null }[] }>('{ teamPlans { plan { checkIns { privateNote } } } }');
    expectNoErrors(team);
    const teamNotes = team.data!.teamPlans.flatMap((row) => row.plan?.checkIns ?? []).map((c) => c.privateNote).filter(Boolean);
    expect(teamNotes).toEqual(['Ask about the stretch project before the review']);

    const chloeId = (await chloe.graphql<{ viewer: { person: { id: string } } }>('{ viewer { person { id } } }')).data!.viewer.person.id;
    const share = (shared: boolean) => dan.graphql('mutation($id: ID!, $shared: Boolean!) { sharePlan(viewerId: $id, shared: $shared) { id } }', { id: chloeId, shared });
    expectNoErrors(await share(true));
    try {
      const shared = await notes(chloe);
      expectNoErrors(shared);
      expect(shared.data!.planOf.checkIns.every((c) => c.privateNote === null)).toBe(true);
    } finally {
      expectNoErrors(await share(false));
    }
    // Not even an admin: plans are not theirs to read unless shared with them.
    expect((await notes(admin)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
