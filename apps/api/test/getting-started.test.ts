import pg from 'pg';
import { expectNoErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/** The admin's getting-started checklist: ticked from the organisation's real data, dismissible per admin. */

const CHECKLIST = '{ gettingStarted { complete dismissed items { key done href } } }';
interface Checklist {
  gettingStarted: { complete: boolean; dismissed: boolean; items: { key: string; done: boolean; href: string }[] };
}

describe('getting started', () => {
  let t: TestApp;
  let founder: Client;
  const ticks = async (client: Client) => {
    const result = await client.graphql<Checklist>(CHECKLIST);
    expectNoErrors(result);
    return Object.fromEntries(result.data!.gettingStarted.items.map((item) => [item.key, item.done]));
  };

  beforeAll(async () => {
    t = await startTestApp();
    founder = t.anonymous();
    expectNoErrors(
      await founder.graphql('mutation($input: SignUpInput!) { signUp(input: $input) { confirmationEmailed } }', {
        input: { organisationName: 'Fresh Co', name: 'Fay Founder', email: 'fay@fresh.example', password: 'fresh-founder-2026' },
      }),
    );
  });
  afterAll(() => t.close());

  it('starts with nothing done on a fresh organisation, each step linking into the app', async () => {
    const result = await founder.graphql<Checklist>(CHECKLIST);
    expectNoErrors(result);
    expect(result.data!.gettingStarted.complete).toBe(false);
    expect(result.data!.gettingStarted.dismissed).toBe(false);
    expect(result.data!.gettingStarted.items.every((item) => !item.done)).toBe(true);
    expect(result.data!.gettingStarted.items[0]!.href).toMatch(/^\/frameworks\/[0-9a-f-]{36}\/edit$/);
  });

  it('ticks each step from what really happened', async () => {
    const frameworks = await founder.graphql<{ frameworks: { id: string }[] }>('{ frameworks { id } }');
    const id = frameworks.data!.frameworks[0]!.id;
    expectNoErrors(await founder.graphql('mutation($id: ID!) { startFrameworkDraft(frameworkId: $id) { revision } }', { id }));
    expect(await ticks(founder)).toMatchObject({ 'review-framework': true, 'publish-framework': false, 'add-people': false });

    const csv = `email,name\n${Array.from({ length: 3 }, (_, i) => `p${i}@fresh.example,Person ${i}`).join('\n')}\n`;
    expectNoErrors(await founder.graphql('mutation($csv: String!) { importPeople(csv: $csv) { created } }', { csv }));
    expect(await ticks(founder)).toMatchObject({ 'add-people': true, 'invite-people': false });

    // Two of three invited is not done; everyone is.
    const people = await founder.graphql<{ people: { id: string; email: string }[] }>('{ people { id email } }');
    const imported = people.data!.people.filter((p) => p.email.startsWith('p'));
    const invite = 'mutation($input: InvitePeopleInput!) { invitePeople(input: $input) { invited { link } } }';
    expectNoErrors(await founder.graphql(invite, { input: { personIds: imported.slice(0, 2).map((p) => p.id) } }));
    expect((await ticks(founder))['invite-people']).toBe(false);
    expectNoErrors(await founder.graphql(invite, { input: { everyoneWithoutAccount: true } }));
    expect((await ticks(founder))['invite-people']).toBe(true);
    expect(await ticks(founder)).toMatchObject({ 'start-plan': false, 'agree-plan': false });
  });

  it('counts plans from the data (the demo organisation has some)', async () => {
    const admin = await t.signIn(DEMO.admin);
    const client = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await client.connect();
    const { rows } = await client.query<{ started: number; agreed: number }>(
      `SELECT count(*) FILTER (WHERE p.status <> 'abandoned')::int AS started,
              count(*) FILTER (WHERE p.status IN ('agreed', 'active', 'completed'))::int AS agreed
       FROM plans p JOIN organisations o ON o.id = p.organisation_id JOIN people a ON a.organisation_id = o.id AND a.email = $1`,
      [DEMO.admin],
    );
    await client.end();
    const demo = await ticks(admin);
    expect(demo['start-plan']).toBe(rows[0]!.started > 0);
    expect(demo['agree-plan']).toBe(rows[0]!.agreed > 0);
  });

  it('is put away per admin, and can be brought back', async () => {
    const dismissed = await founder.graphql<{ dismissGettingStarted: { dismissed: boolean } }>('mutation { dismissGettingStarted { dismissed } }');
    expectNoErrors(dismissed);
    expect(dismissed.data!.dismissGettingStarted.dismissed).toBe(true);
    expect((await founder.graphql<Checklist>(CHECKLIST)).data!.gettingStarted.dismissed).toBe(true);
    // Another admin (the demo organisation's) is not affected.
    const other = await t.signIn(DEMO.admin);
    expect((await other.graphql<Checklist>(CHECKLIST)).data!.gettingStarted.dismissed).toBe(false);
    const back = await founder.graphql<{ dismissGettingStarted: { dismissed: boolean } }>('mutation { dismissGettingStarted(dismissed: false) { dismissed } }');
    expect(back.data!.dismissGettingStarted.dismissed).toBe(false);
  });

  it('is for admins only', async () => {
    const employee = await t.signIn(DEMO.employee);
    expect(theError(await employee.graphql(CHECKLIST)).code).toBe('FORBIDDEN');
  });
});
