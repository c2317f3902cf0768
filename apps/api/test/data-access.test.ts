import { expectNoErrors, theError } from './support/errors.js';
import { DEMO, DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';

/**
 * myDataAccess tells a person who read their private data and when, not where from; and free text
 * has limits on every way in (a 900 kB job title is refused by edits, invitations and imports).
 */
describe('who looked at my data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows who and when, never the address or browser; admins still see them in the audit log', async () => {
    const dan = await t.signIn(DEMO.employee);
    const danId = (await dan.graphql<{ viewer: { person: { id: string } } }>('{ viewer { person { id } } }')).data!.viewer.person.id;
    // Ben, Dan's manager, reads Dan's assessments from a recognisable address and browser.
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress: '198.51.100.23',
      headers: { 'content-type': 'application/json', 'user-agent': 'SpyBrowser/1.0' },
      payload: JSON.stringify({ query: `mutation { signIn(input: { email: "ben.okafor@demo.example", password: "${DEMO_PASSWORD}" }) { person { id } } }` }),
    });
    const cookie = signIn.cookies.find((c) => c.name === 'trellis_session')!;
    const read = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress: '198.51.100.23',
      headers: { 'content-type': 'application/json', 'user-agent': 'SpyBrowser/1.0', cookie: `trellis_session=${cookie.value}` },
      payload: JSON.stringify({ query: 'query($id: ID!) { assessmentsOf(personId: $id) { personId } }', variables: { id: danId } }),
    });
    expect(read.json().errors).toBeUndefined();

    const access = await dan.graphql<{ myDataAccess: { at: string; action: string; actor: { name: string }; ipAddress: string | null; userAgent: string | null }[] }>(
      '{ myDataAccess { at action actor { name } ipAddress userAgent } }',
    );
    expectNoErrors(access);
    expect(access.data!.myDataAccess[0]).toEqual({ at: expect.any(String), action: 'assessments.read', actor: { name: 'Ben Okafor' }, ipAddress: null, userAgent: null });
    expect(access.data!.myDataAccess.filter((event) => event.ipAddress !== null || event.userAgent !== null)).toEqual([]);

    const admin = await t.signIn(DEMO.admin);
    const log = await admin.graphql<{ auditEvents: { action: string; ipAddress: string | null; userAgent: string | null }[] }>(
      '{ auditEvents(limit: 20) { action ipAddress userAgent } }',
    );
    expect(log.data!.auditEvents).toContainEqual({ action: 'assessments.read', ipAddress: '198.51.100.23', userAgent: 'SpyBrowser/1.0' });
  });

  it('refuses a 900 kB job title from an edit, an invitation and a people import', async () => {
    const admin = await t.signIn(DEMO.admin);
    const huge = 'J'.repeat(900_000);
    const people = await admin.graphql<{ people: { id: string; email: string; version: number }[] }>('{ people { id email version } }');
    const dan = people.data!.people.find((person) => person.email === DEMO.employee)!;

    const edit = await admin.graphql('mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id } }', {
      input: { id: dan.id, expectedVersion: dan.version, jobTitle: huge },
    });
    expect(theError(edit)).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: { jobTitle: expect.any(String) } } });

    const invite = await admin.graphql('mutation($input: InvitePersonInput!) { invitePerson(input: $input) { invitation { id } } }', {
      input: { email: 'long.title@demo.example', name: 'Long Title', jobTitle: huge },
    });
    expect(theError(invite)).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { fields: { jobTitle: expect.any(String) } } });

    const csv = `email,name,team,manager_email,job_title,role\nlong.title@demo.example,Long Title,,,${huge},\n`;
    const preview = await admin.graphql<{ previewPeopleImport: { ok: boolean; problems: { column: string | null; message: string }[] } }>(
      'mutation($csv: String!) { previewPeopleImport(csv: $csv) { ok problems { column message } } }',
      { csv },
    );
    expectNoErrors(preview);
    expect(preview.data!.previewPeopleImport).toEqual({ ok: false, problems: [{ column: 'job_title', message: expect.stringMatching(/longer than 200 characters/) }] });
    const imported = await admin.graphql('mutation($csv: String!) { importPeople(csv: $csv) { created } }', { csv });
    expect(theError(imported).code).toBe('BAD_USER_INPUT');

    const after = await admin.graphql<{ people: { email: string; jobTitle: string | null }[] }>('{ people { email jobTitle } }');
    expect(after.data!.people.filter((person) => (person.jobTitle?.length ?? 0) > 200 || person.email === 'long.title@demo.example')).toEqual([]);
  });
});
