import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { expectNoErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { superuserQuery } from './support/superuser.js';

/**
 * Bulk invitations: people imported from CSV have no account; an admin invites a selection or
 * everyone in one action. All or nothing, idempotent (pending invitations are skipped unless resend),
 * throttled per organisation, audited per invitation, e-mailed when SMTP is set.
 */

const IMPORT = 'mutation($csv: String!) { importPeople(csv: $csv) { created } }';
const INVITE = `mutation($input: InvitePeopleInput!) {
  invitePeople(input: $input) {
    emailConfigured
    invited { link emailed person { id email } invitation { id email status } }
    alreadyInvited { id email }
  }
}`;
const SIGN_IN = `query($id: ID!) { person(id: $id) { id signIn { status nextStep hasAccount lastSignedInAt invitedAt } } }`;

interface InviteResult {
  invitePeople: {
    emailConfigured: boolean;
    invited: { link: string; emailed: boolean; person: { id: string; email: string }; invitation: { id: string; email: string; status: string } }[];
    alreadyInvited: { id: string; email: string }[];
  };
}

const people = (prefix: string, n: number) =>
  `email,name\n${Array.from({ length: n }, (_, i) => `${prefix}${i + 1}@demo.example,${prefix} ${i + 1}`).join('\n')}\n`;

async function importPeople(admin: Client, prefix: string, n: number): Promise<string[]> {
  expectNoErrors(await admin.graphql(IMPORT, { csv: people(prefix, n) }));
  const listed = await admin.graphql<{ people: { id: string; email: string }[] }>('query($s: String) { people(search: $s) { id email } }', { s: prefix });
  expectNoErrors(listed);
  return listed.data!.people.filter((p) => p.email.startsWith(prefix)).map((p) => p.id);
}

const query = <T extends pg.QueryResultRow>(t: TestApp, text: string, values: unknown[] = []) => superuserQuery<T>(t.adminDatabaseUrl, text, values);

describe('bulk invitations (no e-mail configured)', () => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await startTestApp({ environment: { INVITATIONS_PER_HOUR: '30', PUBLIC_URL: 'https://trellis.example' } });
    admin = await t.signIn(DEMO.admin);
  });
  afterAll(() => t.close());

  it('invites a selection in one action, returns a link per person, audits each, and tells the person page', async () => {
    const ids = await importPeople(admin, 'bulka', 3);
    const before = await admin.graphql<{ person: { signIn: { status: string; nextStep: string; hasAccount: boolean } } }>(SIGN_IN, { id: ids[0] });
    expectNoErrors(before);
    expect(before.data!.person.signIn).toMatchObject({ status: 'NOT_INVITED', nextStep: 'INVITE', hasAccount: false });

    const result = await admin.graphql<InviteResult>(INVITE, { input: { personIds: ids.slice(0, 2) } });
    expectNoErrors(result);
    const { invited, alreadyInvited, emailConfigured } = result.data!.invitePeople;
    expect(emailConfigured).toBe(false);
    expect(invited.map((i) => i.person.id).sort()).toEqual(ids.slice(0, 2).sort());
    for (const one of invited) {
      expect(one.emailed).toBe(false);
      expect(one.link).toMatch(/^https:\/\/trellis\.example\/invitations\/accept\?token=/);
      expect(one.invitation).toMatchObject({ email: one.person.email, status: 'PENDING' });
    }
    expect(alreadyInvited).toEqual([]);

    const audited = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM audit_events WHERE action = 'invitation.created' AND subject_person_id = ANY($1)`, [
      ids.slice(0, 2),
    ]);
    expect(audited[0]!.n).toBe(2);

    const after = await admin.graphql<{ person: { signIn: { status: string; nextStep: string; invitedAt: string | null } } }>(SIGN_IN, { id: ids[0] });
    expect(after.data!.person.signIn).toMatchObject({ status: 'INVITED', nextStep: 'RESEND_INVITATION' });
    expect(after.data!.person.signIn.invitedAt).not.toBeNull();

    // The link works: the person chooses a password, joins as the imported person (no duplicate), and is signed in.
    const token = new URL(invited[0]!.link).searchParams.get('token');
    const visitor = t.anonymous();
    expectNoErrors(await visitor.graphql('mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessRole } }', {
      input: { token, password: 'a long enough password' },
    }));
    const joined = await admin.graphql<{ person: { signIn: { status: string; nextStep: string; lastSignedInAt: string | null } } }>(SIGN_IN, {
      id: invited[0]!.person.id,
    });
    expect(joined.data!.person.signIn).toMatchObject({ status: 'SIGNED_IN', nextStep: 'NONE' });
    expect(joined.data!.person.signIn.lastSignedInAt).not.toBeNull();
    const rows = await query<{ n: number }>(t, 'SELECT count(*)::int AS n FROM people WHERE email = $1', [invited[0]!.person.email]);
    expect(rows[0]!.n).toBe(1);
  });

  it('is idempotent: asking again skips people with a pending invitation; resend replaces their link', async () => {
    const ids = await importPeople(admin, 'bulkb', 2);
    const first = await admin.graphql<InviteResult>(INVITE, { input: { personIds: ids } });
    expectNoErrors(first);
    const again = await admin.graphql<InviteResult>(INVITE, { input: { personIds: ids } });
    expectNoErrors(again);
    expect(again.data!.invitePeople.invited).toEqual([]);
    expect(again.data!.invitePeople.alreadyInvited.map((p) => p.id).sort()).toEqual([...ids].sort());
    const pending = await query<{ n: number }>(
      t,
      `SELECT count(*)::int AS n FROM invitations WHERE email LIKE 'bulkb%' AND accepted_at IS NULL AND revoked_at IS NULL`,
    );
    expect(pending[0]!.n).toBe(2);

    const resent = await admin.graphql<InviteResult>(INVITE, { input: { personIds: [ids[0]], resend: true } });
    expectNoErrors(resent);
    expect(resent.data!.invitePeople.invited).toHaveLength(1);
    // The old link stops working, the new one is shown.
    const oldLink = first.data!.invitePeople.invited.find((i) => i.person.id === ids[0])!.link;
    const preview = 'query($token: String!) { invitation(token: $token) { email } }';
    const anonymous = t.anonymous();
    expect((await anonymous.graphql<{ invitation: unknown }>(preview, { token: new URL(oldLink).searchParams.get('token') })).data!.invitation).toBeNull();
    expect(
      (await anonymous.graphql<{ invitation: unknown }>(preview, { token: new URL(resent.data!.invitePeople.invited[0]!.link).searchParams.get('token') })).data!
        .invitation,
    ).not.toBeNull();
  });

  it('is all or nothing: one person with an account, who left or is unknown refuses the whole call, each named', async () => {
    const ids = await importPeople(admin, 'bulkc', 2);
    const dan = await admin.graphql<{ people: { id: string }[] }>('query { people(search: "dan.kowalski") { id } }');
    const danId = dan.data!.people[0]!.id;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const refused = await admin.graphql<InviteResult>(INVITE, { input: { personIds: [ids[0], danId, unknown, ids[1]] } });
    const error = theError(refused);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.fields).toEqual({
      'personIds[1]': expect.stringContaining('already has an account') as unknown,
      'personIds[2]': expect.stringContaining('no such person') as unknown,
    });
    const made = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM invitations WHERE email LIKE 'bulkc%'`);
    expect(made[0]!.n).toBe(0);
  });

  it('invites everyone without an account, and is throttled per organisation', async () => {
    await importPeople(admin, 'bulkd', 4);
    const everyone = await admin.graphql<InviteResult>(INVITE, { input: { everyoneWithoutAccount: true } });
    expectNoErrors(everyone);
    const emails = everyone.data!.invitePeople.invited.map((i) => i.person.email);
    expect(emails).toEqual(expect.arrayContaining(['bulkd1@demo.example', 'bulkd4@demo.example']));
    // Those invited earlier are skipped, people with accounts are not touched.
    expect(emails.some((email) => email.startsWith('bulkb') || email === DEMO.employee)).toBe(false);

    // 30 an hour in this app: the earlier tests spent some; a big enough call is refused and creates nothing.
    const ids = await importPeople(admin, 'bulke', 25);
    const refused = await admin.graphql<InviteResult>(INVITE, { input: { personIds: ids } });
    const error = theError(refused);
    expect(error.code).toBe('TOO_MANY_ATTEMPTS');
    expect(error.extensions.retryAfterSeconds).toBeGreaterThan(0);
    const made = await query<{ n: number }>(t, `SELECT count(*)::int AS n FROM invitations WHERE email LIKE 'bulke%'`);
    expect(made[0]!.n).toBe(0);
  });

  it('is for admins only, and shows sign-in status to admins only', async () => {
    const employee = await t.signIn(DEMO.employee);
    expect(theError(await employee.graphql(INVITE, { input: { everyoneWithoutAccount: true } })).code).toBe('FORBIDDEN');
    const me = await employee.graphql<{ viewer: { person: { id: string; signIn: unknown } } }>('query { viewer { person { id signIn { status } } } }');
    expectNoErrors(me);
    expect(me.data!.viewer.person.signIn).toBeNull();
  });

  it("refuses a reset link for someone who never signed in, pointing at inviting them", async () => {
    const [id] = await importPeople(admin, 'bulkf', 1);
    const refused = await admin.graphql('mutation($id: ID!) { createPasswordReset(personId: $id) { link } }', { id });
    expect(theError(refused).message).toMatch(/invite them/);
  });
});

describe('bulk invitations with e-mail', () => {
  const inbox: { to: string[]; body: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let body = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (body += chunk));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), body: body.replace(/=\r?\n/g, '').replace(/=3D/g, '=') });
        callback();
      });
    },
  });
  let t: TestApp;
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    t = await startTestApp({ environment: { SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL: 'https://trellis.example' } });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('e-mails each person their own link', async () => {
    const admin = await t.signIn(DEMO.admin);
    const ids = await importPeople(admin, 'mailbulk', 3);
    const result = await admin.graphql<InviteResult>(INVITE, { input: { personIds: ids } });
    expectNoErrors(result);
    expect(result.data!.invitePeople.emailConfigured).toBe(true);
    for (const one of result.data!.invitePeople.invited) {
      expect(one.emailed).toBe(true);
      const mail = inbox.find((m) => m.to.includes(one.person.email));
      expect(mail?.body).toContain(one.link);
    }
  });
});
