import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { startTestApp, type Client, type TestApp } from './support/test-app.js';
import { superuserQuery } from './support/superuser.js';

/**
 * Accounts are global: one password opens every organisation a person belongs to. So the admin of
 * one organisation must have no way to change what protects a member's access to another. Here the
 * admin of B invites the admin of C, she accepts, and B's admin tries every path he has (no e-mail
 * is configured, so links would be shown to admins if anything were).
 */

// __typename only: the founder is signed in (no e-mail configured here) whatever shape the answer has.
const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { __typename } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { accessRole organisation { name } } }';
const INVITE = 'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { link } }';
const ACCEPT = 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { organisation { name } } }';
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }';
const CREATE_RESET = 'mutation($id: ID!) { createPasswordReset(personId: $id) { emailed link expiresAt } }';
const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

const CAROL = { email: 'carol@c-corp.example', password: 'carol-admin-passphrase-1' };
const BOB = { email: 'bob@b-corp.example', password: 'bob-admin-passphrase-1' };

describe('an organisation admin cannot take over an account that opens another organisation', () => {
  let t: TestApp;
  let carolAtC: Client;
  let bob: Client;

  const superuser = (text: string, values: unknown[] = []) => superuserQuery(t.adminDatabaseUrl, text, values);
  const signUp = async (client: Client, organisationName: string, person: { email: string; password: string }, name: string) => {
    const result = await client.graphql(SIGN_UP, { input: { organisationName, name, ...person } });
    expectNoErrors(result);
  };
  const invite = async (admin: Client, email: string, name: string) => {
    const invited = await admin.graphql<{ invitePerson: { link: string } }>(INVITE, { input: { email, name, accessRole: 'ADMIN' } });
    expectNoErrors(invited);
    return tokenOf(invited.data!.invitePerson.link);
  };
  const personIdIn = async (organisationName: string, email: string) => {
    const [row] = await superuser('SELECT p.id FROM people p JOIN organisations o ON o.id = p.organisation_id WHERE o.name = $1 AND p.email = $2', [organisationName, email]);
    return row!.id as string;
  };
  const carolSignsInToC = async () => {
    const result = await t.anonymous({ address: '203.0.113.20' }).graphql<{ signIn: { accessRole: string; organisation: { name: string } } }>(SIGN_IN, { input: CAROL });
    expectNoErrors(result);
    expect(result.data!.signIn).toEqual({ accessRole: 'ADMIN', organisation: { name: 'C Corp' } });
  };

  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    carolAtC = t.anonymous({ address: '203.0.113.20' });
    await signUp(carolAtC, 'C Corp', CAROL, 'Carol Admin');
    bob = t.anonymous({ address: '198.51.100.30' });
    await signUp(bob, 'B Corp', BOB, 'Bob Admin');
    // Carol joins B too, with her one Trellis password.
    const token = await invite(bob, CAROL.email, 'Carol Admin');
    expectNoErrors(await t.anonymous({ address: '203.0.113.20' }).graphql(ACCEPT, { input: { token, password: CAROL.password } }));
  });
  afterAll(async () => {
    await t.close();
  });

  it("gives B's admin no reset link, no reset, no lock-out and no way in to C", async () => {
    const carolInB = await personIdIn('B Corp', CAROL.email);

    // 1. The reset link an admin could once create for any member: gone from the schema...
    const legacy = await bob.graphql<{ createPasswordResetLink?: { link: string } }>('mutation($id: ID!) { createPasswordResetLink(personId: $id) { link } }', { id: carolInB });
    const legacyLink = legacy.data?.createPasswordResetLink?.link;
    if (legacyLink) {
      // (Before this change: Bob resets Carol's password with the link and signs in as C's admin.)
      expectNoErrors(await t.anonymous({ address: '198.51.100.30' }).graphql(RESET, { input: { token: tokenOf(legacyLink), newPassword: 'taken-over-by-bob-1' } }));
      const signedIn = await t.anonymous({ address: '198.51.100.30' }).graphql<{ signIn: { organisation: { name: string } } }>(SIGN_IN, {
        input: { email: CAROL.email, password: 'taken-over-by-bob-1' },
      });
      expect(signedIn.data?.signIn.organisation.name).not.toBe('C Corp');
    }
    expect(legacy.errors).toBeDefined();
    await carolSignsInToC();
    // ...and its successor refuses: Carol's account also opens C.
    const refused = theError(await bob.graphql(CREATE_RESET, { id: carolInB }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/also gives access to another organisation/);

    // 2. "Forgot your password?" for her address: it answers the same, and (with no e-mail) makes no link at all.
    expect(await bob.graphql(`mutation { requestPasswordReset(email: "${CAROL.email}") }`)).toEqual({ data: { requestPasswordReset: true } });
    expect(await superuser('SELECT 1 FROM password_resets r JOIN accounts a ON a.id = r.account_id WHERE a.email = $1', [CAROL.email])).toEqual([]);

    // 3. Inviting her again is refused; guessing her password locks only Bob's network out.
    expect(theError(await bob.graphql(INVITE, { input: { email: CAROL.email, name: 'Carol Again' } })).code).toBe('BAD_USER_INPUT');
    for (let guess = 1; guess <= 6; guess += 1) {
      const attempt = await t.anonymous({ address: '198.51.100.30' }).graphql(SIGN_IN, { input: { email: CAROL.email, password: `guess number ${guess}` } });
      expect(attempt.errors).toBeDefined();
    }
    expect(theError(await t.anonymous({ address: '198.51.100.30' }).graphql(SIGN_IN, { input: CAROL })).code).toBe('TOO_MANY_ATTEMPTS');

    // 4. Removing her from B changes nothing of hers at C.
    const [person] = await superuser('SELECT version FROM people WHERE id = $1', [carolInB]);
    expectNoErrors(
      await bob.graphql('mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { active } }', {
        input: { id: carolInB, expectedVersion: person!.version, active: false },
      }),
    );

    // Carol's password is hers alone, her session at C still works, and she signs in to C as its admin.
    expectNoErrors(await carolAtC.graphql('{ viewer { accessRole } }'));
    expect((await carolAtC.graphql<{ viewer: { accessRole: string } }>('{ viewer { accessRole } }')).data!.viewer).toEqual({ accessRole: 'ADMIN' });
    await carolSignsInToC();
    expect(theError(await t.anonymous({ address: '203.0.113.21' }).graphql(SIGN_IN, { input: { email: CAROL.email, password: 'taken-over-by-bob-1' } })).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('lets a reset link an admin was shown die when the account joins another organisation before it is used', async () => {
    const erin = { email: 'erin@b-corp.example', password: 'erin-own-passphrase-1' };
    // Erin's account starts in B alone, so B's admin may create a link for her (no e-mail here).
    expectNoErrors(await t.anonymous({ address: '203.0.113.40' }).graphql(ACCEPT, { input: { token: await invite(bob, erin.email, 'Erin'), password: erin.password } }));
    const created = await bob.graphql<{ createPasswordReset: { emailed: boolean; link: string } }>(CREATE_RESET, { id: await personIdIn('B Corp', erin.email) });
    expectNoErrors(created);
    expect(created.data!.createPasswordReset.emailed).toBe(false);
    const link = created.data!.createPasswordReset.link;

    // Then C invites her and she joins with her own password: her account now opens C too.
    const carol = await t.signIn(CAROL.email, CAROL.password, { address: '203.0.113.20' });
    expectNoErrors(await t.anonymous({ address: '203.0.113.40' }).graphql(ACCEPT, { input: { token: await invite(carol, erin.email, 'Erin at C'), password: erin.password } }));

    expect(Object.keys(fieldErrors(await t.anonymous({ address: '198.51.100.30' }).graphql(RESET, { input: { token: tokenOf(link), newPassword: 'bob-chose-this-1' } })))).toEqual(['token']);
    // And no new link for her either.
    expect(theError(await bob.graphql(CREATE_RESET, { id: await personIdIn('B Corp', erin.email) })).code).toBe('FORBIDDEN');
    expectNoErrors(await t.anonymous({ address: '203.0.113.40' }).graphql(SIGN_IN, { input: erin }));
    expect(theError(await t.anonymous({ address: '203.0.113.41' }).graphql(SIGN_IN, { input: { email: erin.email, password: 'bob-chose-this-1' } })).code).toBe('UNAUTHENTICATED');
  });
});
