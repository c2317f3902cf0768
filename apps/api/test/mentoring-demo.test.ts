import pg from 'pg';
import { Seeder } from '../src/seed/seeder.js';
import { expectNoErrors } from './support/errors.js';
import { DEMO, startTestApp, type TestApp } from './support/test-app.js';

/** The demo organisation's mentoring shows its purpose on the first start, and is seeded once. */
describe('the demo mentoring', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ environment: { TRELLIS_SEED_DEMO_MENTORING: 'true' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('suggests mentors from other teams for the demo PMO Analyst’s plan, explained', async () => {
    const dan = await t.signIn(DEMO.employee);
    const client = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await client.connect();
    const { rows } = await client.query(`SELECT id FROM roles WHERE key = 'senior-pmo-analyst' LIMIT 1`);
    await client.end();
    expectNoErrors(await dan.graphql('mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id } }', { input: { targetRoleId: rows[0].id } }));
    const found = await dan.graphql<{ findMentors: { suggestions: { mentorName: string; team: string; explanation: string }[] } }>(
      '{ findMentors { suggestions { mentorName team explanation } } }',
    );
    expectNoErrors(found);
    const suggestions = found.data!.findMentors.suggestions;
    expect(suggestions.map((s) => s.mentorName).sort()).toEqual(['Hugo Silva', 'Kemi Adeyemi']);
    for (const s of suggestions) expect(s).toMatchObject({ team: 'other', explanation: expect.stringMatching(/: [45], you need \d/) });
  });

  it('gives the mentors, mentees and a waiting request, with private notes kept private', async () => {
    const ella = await t.signIn('ella.nguyen@demo.example');
    const hugo = await t.signIn('hugo.silva@demo.example');
    const kemi = await t.signIn('kemi.adeyemi@demo.example');
    const query = '{ myMentorships { status myPart sessions { privateNotes } comments { depth } } }';
    type View = { myMentorships: { status: string; myPart: string; sessions: { privateNotes: string | null }[]; comments: { depth: number }[] }[] };
    const asElla = await ella.graphql<View>(query);
    expectNoErrors(asElla);
    expect(asElla.data!.myMentorships).toEqual([{ status: 'active', myPart: 'mentee', sessions: [{ privateNotes: '' }, { privateNotes: null }], comments: [{ depth: 0 }, { depth: 1 }] }]);
    const asHugo = await hugo.graphql<View>(query);
    expect(asHugo.data!.myMentorships[0]!.sessions.map((s) => s.privateNotes)).toEqual([null, 'Ella is keen; give her a real plan to review.']);
    const asKemi = await kemi.graphql<View>(query);
    expect(asKemi.data!.myMentorships.map((m) => m.status).sort()).toEqual(['ended', 'requested']);
  });

  it('is seeded once', async () => {
    await t.app.get(Seeder).seedDemo();
    const client = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM mentorships');
    await client.end();
    expect(rows[0].n).toBe(3);
  });
});
