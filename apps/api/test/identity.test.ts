import { createHash } from 'node:crypto';
import pg from 'pg';
import { pmoFramework } from '@trellis/domain';
import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, DEMO_PASSWORD, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { asSuperuser } from './support/superuser.js';

/** Accounts, sessions, passwords, invitations and the admin's changes to people, through GraphQL. */

const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { accessRole person { email } } }';
const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) {
  updatePerson(input: $input) { id name jobTitle version active accessRole manager { email } }
}`;
const INVITE = `mutation($input: InvitePersonInput!) {
  invitePerson(input: $input) { link emailed invitation { id email name accessRole status invitedBy { email } } }
}`;
const PREVIEW = 'query($token: String!) { invitation(token: $token) { email name organisationName expiresAt } }';
const ACCEPT = `mutation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { accessRole person { email name jobTitle manager { email } } organisation { name } }
}`;

interface PersonRow {
  id: string;
  email: string;
  name: string;
  jobTitle: string | null;
  version: number;
  active: boolean;
  accessRole: string;
  manager: { email: string } | null;
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
/** How password_attempts names an e-mail. */
const sha256 = (email: string) => createHash('sha256').update(email).digest('hex');

describe('identity', () => {
  let t: TestApp;
  let admin: Client;

  const superuser = <T>(work: (client: pg.Client) => Promise<T>) => asSuperuser(t.adminDatabaseUrl, work);
  const personByEmail = async (email: string): Promise<PersonRow> => {
    const result = await admin.graphql<{ people: PersonRow[] }>(
      'query($search: String!) { people(search: $search, includeLeft: true) { id email name jobTitle version active accessRole manager { email } } }',
      { search: email },
    );
    expectNoErrors(result);
    const person = result.data!.people.find((p) => p.email === email);
    if (!person) throw new Error(`no person ${email}`);
    return person;
  };
  const signInAttempt = (email: string, password: string) => t.anonymous().graphql<{ signIn: { accessRole: string } }>(SIGN_IN, { input: { email, password } });
  const auditEvents = async () => {
    const result = await admin.graphql<{
      auditEvents: { action: string; summary: string; actor: { email: string } | null; subjectPerson: { email: string } | null }[];
    }>('{ auditEvents(limit: 200) { action summary actor { email } subjectPerson { email } } }');
    expectNoErrors(result);
    return result.data!.auditEvents;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.signIn(DEMO.admin);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('signing up', () => {
    it('creates an organisation whose founder is its admin, signed in, with the PMO framework published', async () => {
      const founder = t.anonymous();
      const result = await founder.graphql<{
        signUp: { confirmationEmailed: boolean; viewer: { accessRole: string; organisation: { name: string }; person: { email: string; name: string; accessRole: string } } };
      }>('mutation($input: SignUpInput!) { signUp(input: $input) { confirmationEmailed viewer { accessRole organisation { name } person { email name accessRole } } } }', {
        input: { organisationName: 'Acme Projects', name: 'Nora Founder', email: ' Nora@Acme.example ', password: 'acme-founder-2026' },
      });
      expectNoErrors(result);
      // No SMTP here: nothing can be confirmed by e-mail, so sign-up completes at once.
      expect(result.data!.signUp).toEqual({
        confirmationEmailed: false,
        viewer: {
          accessRole: 'ADMIN',
          organisation: { name: 'Acme Projects' },
          person: { email: 'nora@acme.example', name: 'Nora Founder', accessRole: 'ADMIN' },
        },
      });
      expect(founder.cookie).toMatch(/^trellis_session=/);

      const after = await founder.graphql<{
        viewer: { accessRole: string; organisation: { name: string } };
        frameworks: { key: string; name: string; currentVersion: { status: string } }[];
        people: { email: string }[];
      }>('{ viewer { accessRole organisation { name } } frameworks { key name currentVersion { status } } people { email } }');
      expectNoErrors(after);
      expect(after.data!.viewer).toEqual({ accessRole: 'ADMIN', organisation: { name: 'Acme Projects' } });
      expect(after.data!.frameworks).toEqual([{ key: pmoFramework.key, name: pmoFramework.name, currentVersion: { status: 'PUBLISHED' } }]);
      expect(after.data!.people).toEqual([{ email: 'nora@acme.example' }]);

      // And the founder can sign in again later with that password.
      expectNoErrors(await signInAttempt('nora@acme.example', 'acme-founder-2026'));
    });

    it('refuses (without e-mail) an address that cannot be used, without saying it has an account, and a weak password, field by field', async () => {
      const taken = await t.anonymous().graphql('mutation($input: SignUpInput!) { signUp(input: $input) { confirmationEmailed } }', {
        input: { organisationName: 'Copycat Ltd', name: 'Asha Again', email: DEMO.admin, password: 'another-long-password' },
      });
      expect(fieldErrors(taken)).toEqual({ email: expect.stringMatching(/cannot use this e-mail address.*sign in instead/) });
      expect(fieldErrors(taken).email).not.toMatch(/exists/);
      const weak = await t.anonymous().graphql('mutation($input: SignUpInput!) { signUp(input: $input) { confirmationEmailed } }', {
        input: { organisationName: 'Weak Ltd', name: 'Wendy Weak', email: 'wendy@weak.example', password: 'short' },
      });
      expect(Object.keys(fieldErrors(weak))).toEqual(['password']);
      const organisations = await superuser((client) => client.query("SELECT count(*)::int AS n FROM organisations WHERE name IN ('Copycat Ltd', 'Weak Ltd')"));
      expect(organisations.rows[0].n).toBe(0);
    });
  });

  describe('signing in and out', () => {
    it('signs out only this browser: its old cookie no longer works, another browser stays signed in', async () => {
      const browser = await t.signIn(DEMO.manager);
      const otherBrowser = await t.signIn(DEMO.manager);
      const cookie = browser.cookie!;
      expectNoErrors(await browser.graphql('{ frameworks { id } }'));

      const signedOut = await browser.graphql<{ signOut: boolean }>('mutation { signOut }');
      expect(signedOut).toEqual({ data: { signOut: true } });
      expect(browser.cookie).toBeNull();

      const replayed = t.anonymous();
      replayed.cookie = cookie;
      expect(await replayed.graphql('{ viewer { accessRole } }')).toEqual({ data: { viewer: null } });
      const error = theError(await replayed.graphql('{ frameworks { id } }'));
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Sign in to continue.' });

      expect((await otherBrowser.graphql<{ viewer: { person: { email: string } } }>('{ viewer { person { email } } }')).data!.viewer.person.email).toBe(DEMO.manager);
    });

    it('refuses a wrong password, and an unknown e-mail, with the same clear message', async () => {
      for (const attempt of [await signInAttempt(DEMO.leadership, 'not the password'), await signInAttempt('nobody@demo.example', DEMO_PASSWORD)]) {
        const error = theError(attempt);
        expect(error.code).toBe('UNAUTHENTICATED');
        expect(error.message).toBe('That e-mail and password do not match an account.');
        expect(attempt.data ?? null).toBeNull();
      }
      expectNoErrors(await signInAttempt(DEMO.leadership, DEMO_PASSWORD));
    });

    it('slows down from the third failure and locks this e-mail for this network after five, even against the right password', async () => {
      const kemi = 'kemi.adeyemi@demo.example';
      const attacker = '198.51.100.7';
      const attempt = (password: string, address = attacker) => t.anonymous({ address }).graphql(SIGN_IN, { input: { email: kemi, password } });
      const durations: number[] = [];
      const codes: unknown[] = [];
      let fifth: ReturnType<typeof theError> | undefined;
      for (let n = 1; n <= 5; n += 1) {
        const started = Date.now();
        const result = await attempt(`wrong password ${n}`);
        durations.push(Date.now() - started);
        const error = theError(result);
        codes.push(error.code);
        if (n === 5) fifth = error;
      }
      expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_ATTEMPTS']);
      // The deliberate hold-back is a lower bound; no upper bound, which a loaded machine would break.
      expect(durations[2]).toBeGreaterThanOrEqual(500);
      expect(durations[3]).toBeGreaterThanOrEqual(1000);
      expect(fifth!.extensions.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(fifth!.extensions.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);

      const rightPassword = theError(await attempt(DEMO_PASSWORD));
      expect(rightPassword.code).toBe('TOO_MANY_ATTEMPTS');
      expect(rightPassword.message).toMatch(/try again in 15 minute/);
      expect(rightPassword.extensions.retryAfterSeconds).toBeGreaterThan(14 * 60);

      // The lock is this network's for this e-mail: other people, and Kemi elsewhere, sign in; and it ends.
      expectNoErrors(await t.anonymous({ address: attacker }).graphql(SIGN_IN, { input: { email: 'leo.fischer@demo.example', password: DEMO_PASSWORD } }));
      expectNoErrors(await attempt(DEMO_PASSWORD, '192.0.2.10'));
      await superuser((client) => client.query("UPDATE password_attempts SET locked_until = now() - interval '1 second' WHERE network = $1", [attacker]));
      expectNoErrors(await attempt(DEMO_PASSWORD));
      const row = await superuser((client) => client.query('SELECT failures, locked_until FROM password_attempts WHERE network = $1 AND subject = $2', [attacker, sha256(kemi)]));
      expect(row.rows[0]).toEqual({ failures: 0, locked_until: null });
    });

    it('lets no more than five of many guesses sent at once reach the password check', async () => {
      const isla = 'isla.brown@demo.example';
      const address = '198.51.100.8';
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => t.anonymous({ address }).graphql(SIGN_IN, { input: { email: isla, password: `parallel guess ${i}` } })));
      const codes = results.map((result) => theError(result).code);
      expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(4);
      expect(codes.filter((code) => code === 'TOO_MANY_ATTEMPTS')).toHaveLength(8);
      // Each attempt is counted before its password is checked, and attempts that find the e-mail
      // locked are refused unchecked: so the count stops at five however many guesses arrive together.
      const row = await superuser((client) => client.query('SELECT failures FROM password_attempts WHERE network = $1 AND subject = $2', [address, sha256(isla)]));
      expect(row.rows[0].failures).toBe(5);
      expect(theError(await t.anonymous({ address }).graphql(SIGN_IN, { input: { email: isla, password: DEMO_PASSWORD } })).code).toBe('TOO_MANY_ATTEMPTS');
    });

    it('does not let a person who has left sign in, and ends the sessions they had', async () => {
      const jack = await t.signIn('jack.wilson@demo.example');
      expectNoErrors(await jack.graphql('{ frameworks { id } }'));
      const before = await personByEmail('jack.wilson@demo.example');

      const left = await admin.graphql<{ updatePerson: PersonRow }>(UPDATE_PERSON, { input: { id: before.id, expectedVersion: before.version, active: false } });
      expectNoErrors(left);
      expect(left.data!.updatePerson).toMatchObject({ active: false, version: before.version + 1 });

      expect(await jack.graphql('{ viewer { accessRole } }')).toEqual({ data: { viewer: null } });
      expect(theError(await jack.graphql('{ frameworks { id } }')).code).toBe('UNAUTHENTICATED');
      const signIn = theError(await signInAttempt('jack.wilson@demo.example', DEMO_PASSWORD));
      expect(signIn.code).toBe('FORBIDDEN');
      expect(signIn.message).toMatch(/left your organisation/);

      // Their history stays: listed with those who left, not in the directory.
      const directory = await admin.graphql<{ people: { email: string }[] }>('{ people { email } }');
      expect(directory.data!.people.map((p) => p.email)).not.toContain('jack.wilson@demo.example');
      expect((await personByEmail('jack.wilson@demo.example')).active).toBe(false);

      const events = await auditEvents();
      expect(events).toContainEqual(
        expect.objectContaining({ action: 'person.updated', actor: { email: DEMO.admin }, subjectPerson: { email: 'jack.wilson@demo.example' }, summary: expect.stringMatching(/left/) }),
      );
    });
  });

  describe('passwords', () => {
    it('changes a password: checks the current one and the strength of the new one, then signs other browsers out', async () => {
      const chloe = 'chloe.martin@demo.example';
      const browser = await t.signIn(chloe);
      const otherBrowser = await t.signIn(chloe);
      const change = (currentPassword: string, newPassword: string) =>
        browser.graphql('mutation($input: ChangePasswordInput!) { changePassword(input: $input) }', { input: { currentPassword, newPassword } });

      expect(Object.keys(fieldErrors(await change('not my password', 'chloe-new-password-1')))).toEqual(['currentPassword']);
      expect(Object.keys(fieldErrors(await change(DEMO_PASSWORD, 'short')))).toEqual(['newPassword']);
      expect(Object.keys(fieldErrors(await change(DEMO_PASSWORD, chloe)))).toEqual(['newPassword']);
      // Refused changes changed nothing.
      expectNoErrors(await signInAttempt(chloe, DEMO_PASSWORD));

      expect(await change(DEMO_PASSWORD, 'chloe-new-password-1')).toEqual({ data: { changePassword: true } });
      expectNoErrors(await browser.graphql('{ frameworks { id } }'));
      expect(await otherBrowser.graphql('{ viewer { accessRole } }')).toEqual({ data: { viewer: null } });
      expect(theError(await signInAttempt(chloe, DEMO_PASSWORD)).code).toBe('UNAUTHENTICATED');
      expectNoErrors(await signInAttempt(chloe, 'chloe-new-password-1'));
    });

    it("lets an admin (no e-mail configured) create a one-time reset link for an account only this organisation has, that sets a new password and ends the person's sessions", async () => {
      const ella = await personByEmail('ella.nguyen@demo.example');
      const ellaBrowser = await t.signIn(ella.email);
      const created = await admin.graphql<{ createPasswordReset: { emailed: boolean; link: string; expiresAt: string } }>(
        'mutation($id: ID!) { createPasswordReset(personId: $id) { emailed link expiresAt } }',
        { id: ella.id },
      );
      expectNoErrors(created);
      const { link, expiresAt, emailed } = created.data!.createPasswordReset;
      expect(emailed).toBe(false);
      expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);
      const token = tokenOf(link);
      const reset = (newPassword: string, withToken = token) =>
        t.anonymous().graphql('mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }', { input: { token: withToken, newPassword } });

      // A weak password is refused without spending the link.
      expect(Object.keys(fieldErrors(await reset('short')))).toEqual(['newPassword']);
      expect(await reset('ella-reset-password-1')).toEqual({ data: { resetPassword: true } });

      expectNoErrors(await signInAttempt(ella.email, 'ella-reset-password-1'));
      expect(theError(await signInAttempt(ella.email, DEMO_PASSWORD)).code).toBe('UNAUTHENTICATED');
      expect(await ellaBrowser.graphql('{ viewer { accessRole } }')).toEqual({ data: { viewer: null } });

      // The link works once.
      expect(Object.keys(fieldErrors(await reset('ella-second-password-2')))).toEqual(['token']);
      expectNoErrors(await signInAttempt(ella.email, 'ella-reset-password-1'));
      // A forged secret for a real link id does not work either.
      const [id] = token.split('.');
      expect(Object.keys(fieldErrors(await reset('ella-third-password-3', `${id}.${'A'.repeat(43)}`)))).toEqual(['token']);
    });
  });

  describe('invitations', () => {
    it('invites, previews, and accepts: the person joins as an employee, signed in, and sees only what employees see', async () => {
      const grace = await personByEmail(DEMO.manager);
      const invited = await admin.graphql<{
        invitePerson: { link: string; emailed: boolean; invitation: { id: string; email: string; name: string; accessRole: string; status: string; invitedBy: { email: string } } };
      }>(INVITE, { input: { email: ' Nina.New@Demo.example ', name: 'Nina New', jobTitle: 'PMO Analyst', managerId: grace.id } });
      expectNoErrors(invited);
      const { link, emailed, invitation } = invited.data!.invitePerson;
      expect(emailed).toBe(false);
      expect(invitation).toMatchObject({ email: 'nina.new@demo.example', name: 'Nina New', accessRole: 'EMPLOYEE', status: 'PENDING', invitedBy: { email: DEMO.admin } });
      const token = tokenOf(link);

      const preview = await t.anonymous().graphql<{ invitation: { email: string; name: string; organisationName: string } }>(PREVIEW, { token });
      expect(preview.data!.invitation).toMatchObject({ email: 'nina.new@demo.example', name: 'Nina New', organisationName: 'Northwind Delivery (demo)' });

      const nina = t.anonymous();
      expect(Object.keys(fieldErrors(await nina.graphql(ACCEPT, { input: { token, password: 'short' } })))).toEqual(['password']);
      expect(nina.cookie).toBeNull();
      const accepted = await nina.graphql<{ acceptInvitation: unknown }>(ACCEPT, { input: { token, password: 'nina-password-2026' } });
      expectNoErrors(accepted);
      expect(accepted.data!.acceptInvitation).toEqual({
        accessRole: 'EMPLOYEE',
        person: { email: 'nina.new@demo.example', name: 'Nina New', jobTitle: 'PMO Analyst', manager: { email: DEMO.manager } },
        organisation: { name: 'Northwind Delivery (demo)' },
      });

      const frameworks = await nina.graphql<{ frameworks: { id: string }[] }>('{ frameworks { id } }');
      expectNoErrors(frameworks);
      expect(frameworks.data!.frameworks.length).toBeGreaterThan(0);
      for (const adminOnly of ['{ invitations { id } }', '{ auditEvents { id } }', '{ peopleCsv }']) {
        expect(theError(await nina.graphql(adminOnly)).code).toBe('FORBIDDEN');
      }
      expectNoErrors(await signInAttempt('nina.new@demo.example', 'nina-password-2026'));

      // A used link shows nothing and cannot be accepted again.
      expect(await t.anonymous().graphql(PREVIEW, { token })).toEqual({ data: { invitation: null } });
      expect(Object.keys(fieldErrors(await t.anonymous().graphql(ACCEPT, { input: { token, password: 'another-password-1' } })))).toEqual(['token']);
      const list = await admin.graphql<{ invitations: { id: string; status: string }[] }>('{ invitations { id status } }');
      expect(list.data!.invitations.find((i) => i.id === invitation.id)?.status).toBe('ACCEPTED');

      const events = await auditEvents();
      expect(events).toContainEqual(expect.objectContaining({ action: 'invitation.created', actor: { email: DEMO.admin }, summary: expect.stringContaining('nina.new@demo.example') }));
      expect(events).toContainEqual(expect.objectContaining({ action: 'invitation.accepted', actor: { email: 'nina.new@demo.example' } }));
    });

    it('shows a revoked or forged link as nothing, and refuses to accept it', async () => {
      const invited = await admin.graphql<{ invitePerson: { link: string; invitation: { id: string } } }>(INVITE, {
        input: { email: 'omar.revoked@demo.example', name: 'Omar Revoked' },
      });
      expectNoErrors(invited);
      const token = tokenOf(invited.data!.invitePerson.link);
      const forged = token.replace(/\.[^.]+$/, `.${'B'.repeat(43)}`);
      expect(await t.anonymous().graphql(PREVIEW, { token: forged })).toEqual({ data: { invitation: null } });
      expect((await t.anonymous().graphql<{ invitation: unknown }>(PREVIEW, { token })).data!.invitation).not.toBeNull();

      const revoked = await admin.graphql<{ revokeInvitation: { status: string } }>('mutation($id: ID!) { revokeInvitation(id: $id) { status } }', {
        id: invited.data!.invitePerson.invitation.id,
      });
      expect(revoked).toEqual({ data: { revokeInvitation: { status: 'REVOKED' } } });
      expect(await t.anonymous().graphql(PREVIEW, { token })).toEqual({ data: { invitation: null } });
      const accept = t.anonymous();
      expect(Object.keys(fieldErrors(await accept.graphql(ACCEPT, { input: { token, password: 'omar-password-2026' } })))).toEqual(['token']);
      expect(accept.cookie).toBeNull();
      const people = await admin.graphql<{ people: { email: string }[] }>('{ people(includeLeft: true) { email } }');
      expect(people.data!.people.map((p) => p.email)).not.toContain('omar.revoked@demo.example');

      const again = await admin.graphql('mutation($id: ID!) { revokeInvitation(id: $id) { status } }', { id: invited.data!.invitePerson.invitation.id });
      expect(Object.keys(fieldErrors(again))).toEqual(['id']);
      expect((await auditEvents()).find((event) => event.action === 'invitation.revoked')).toMatchObject({ actor: { email: DEMO.admin } });
    });
  });

  describe("an admin's changes to people", () => {
    it('refuses a change made from a stale version (CONFLICT) and changes nothing', async () => {
      const hugo = await personByEmail('hugo.silva@demo.example');
      const first = await admin.graphql<{ updatePerson: PersonRow }>(UPDATE_PERSON, {
        input: { id: hugo.id, expectedVersion: hugo.version, jobTitle: 'Senior Project Manager' },
      });
      expectNoErrors(first);
      expect(first.data!.updatePerson).toMatchObject({ jobTitle: 'Senior Project Manager', version: hugo.version + 1 });

      const stale = await admin.graphql(UPDATE_PERSON, { input: { id: hugo.id, expectedVersion: hugo.version, name: 'Hugo Stale', jobTitle: 'Intern' } });
      const error = theError(stale);
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toMatch(/changed by someone else/);
      const after = await personByEmail('hugo.silva@demo.example');
      expect(after).toMatchObject({ name: 'Hugo Silva', jobTitle: 'Senior Project Manager', version: hugo.version + 1 });

      expect(await auditEvents()).toContainEqual(
        expect.objectContaining({ action: 'person.updated', actor: { email: DEMO.admin }, subjectPerson: { email: 'hugo.silva@demo.example' } }),
      );
    });

    it('refuses a loop of managers, directly or further down, on the managerId field', async () => {
      const grace = await personByEmail(DEMO.manager);
      const hugo = await personByEmail('hugo.silva@demo.example');
      const jack = await personByEmail('jack.wilson@demo.example'); // reports to Hugo, who reports to Grace
      expect(hugo.manager?.email).toBe(DEMO.manager);
      expect(jack.manager?.email).toBe('hugo.silva@demo.example');
      for (const managerId of [hugo.id, jack.id, grace.id]) {
        const result = await admin.graphql(UPDATE_PERSON, { input: { id: grace.id, expectedVersion: grace.version, managerId } });
        expect(Object.keys(fieldErrors(result))).toEqual(['managerId']);
      }
      expect(await personByEmail(DEMO.manager)).toEqual(grace);
    });

    it('refuses to demote or remove the last admin, but not an admin who has company', async () => {
      const asha = await personByEmail(DEMO.admin);
      const demote = await admin.graphql(UPDATE_PERSON, { input: { id: asha.id, expectedVersion: asha.version, accessRole: 'EMPLOYEE' } });
      expect(fieldErrors(demote)).toEqual({ accessRole: expect.stringMatching(/at least one admin/) });
      const leave = await admin.graphql(UPDATE_PERSON, { input: { id: asha.id, expectedVersion: asha.version, active: false } });
      expect(Object.keys(fieldErrors(leave))).toEqual(['active']);
      expect(await personByEmail(DEMO.admin)).toEqual(asha);

      const farid = await personByEmail(DEMO.leadership);
      expectNoErrors(await admin.graphql(UPDATE_PERSON, { input: { id: farid.id, expectedVersion: farid.version, accessRole: 'ADMIN' } }));
      const demoted = await admin.graphql<{ updatePerson: PersonRow }>(UPDATE_PERSON, {
        input: { id: asha.id, expectedVersion: asha.version, accessRole: 'LEADERSHIP' },
      });
      expectNoErrors(demoted);
      // Rights follow the change at once: Asha's open session is no longer an admin's.
      expect(theError(await admin.graphql('{ invitations { id } }')).code).toBe('FORBIDDEN');

      const faridBrowser = await t.signIn(DEMO.leadership);
      expectNoErrors(await faridBrowser.graphql(UPDATE_PERSON, { input: { id: asha.id, expectedVersion: asha.version + 1, accessRole: 'ADMIN' } }));
      expectNoErrors(await admin.graphql('{ invitations { id } }'));
    });
  });
});
