import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, DEMO_PASSWORD, startTestApp, type Client, type TestApp } from './support/test-app.js';

/**
 * Every place that checks a password (sign-in, accepting an invitation with an existing account,
 * changing a password) goes through one throttle: per (e-mail, network), per e-mail from networks
 * that never signed in to it, and per network across e-mails. Known and unknown e-mails behave alike.
 */

const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { accessRole } }';
const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { confirmationEmailed viewer { accessRole } } }';
const ACCEPT = 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessRole } }';
const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';
const INVITE = 'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { link } }';

/** The limits docs/ARCHITECTURE.md states (this file calls only the API, so it runs against any version of it). */
const PAIR_LOCK_AFTER = 5;
const UNRECOGNISED_LOCK_AFTER = 20;
const ADDRESS_LIMITS = { passwordFailures: { points: 30 }, signUps: { points: 10 } };

/** An address per test network (TEST-NET ranges), so tests do not share per-network counts. */
let nextNetwork = 1;
const newNetwork = () => `198.18.${Math.floor(nextNetwork / 250)}.${(nextNetwork++ % 250) + 1}`;

describe('password throttling', () => {
  let t: TestApp;
  const signIn = (email: string, password: string, address: string) => t.anonymous({ address }).graphql(SIGN_IN, { input: { email, password } });
  const codeOf = (result: Awaited<ReturnType<Client['graphql']>>) => (result.errors ? theError(result).code : 'OK');

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('accepting an invitation and changing a password check the password through the same throttle as signing in', () => {
    it('locks guessing through an invitation after five failures, shares the lock with sign-in, and refuses the right password meanwhile', async () => {
      // Vera has an account (her own organisation); Mallory, admin of another, invites her address to guess it.
      const vera = { email: 'vera@victim.example', password: 'vera-secret-passphrase-1' };
      expectNoErrors(await t.anonymous({ address: newNetwork() }).graphql(SIGN_UP, { input: { organisationName: 'Victim Org', name: 'Vera', ...vera } }));
      const mallory = t.anonymous({ address: newNetwork() });
      expectNoErrors(
        await mallory.graphql(SIGN_UP, { input: { organisationName: 'Mallory Org', name: 'Mallory', email: 'mallory@attacker.example', password: 'mallory-passphrase-1' } }),
      );
      const invited = await mallory.graphql<{ invitePerson: { link: string } }>(INVITE, { input: { email: vera.email, name: 'Vera' } });
      expectNoErrors(invited);
      const token = new URL(invited.data!.invitePerson.link).searchParams.get('token')!;
      const attacker = newNetwork();
      const accept = (password: string, address = attacker) => t.anonymous({ address }).graphql(ACCEPT, { input: { token, password } });

      const codes: unknown[] = [];
      for (let guess = 1; guess <= PAIR_LOCK_AFTER + 1; guess += 1) codes.push(codeOf(await accept(`guess-${guess}-long-enough`)));
      expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
      const locked = theError(await accept(vera.password));
      expect(locked.code).toBe('TOO_MANY_ATTEMPTS');
      expect(locked.extensions.retryAfterSeconds).toBeGreaterThan(14 * 60);
      // The same counters as sign-in: that network is locked there too.
      expect(codeOf(await signIn(vera.email, vera.password, attacker))).toBe('TOO_MANY_ATTEMPTS');

      // And the other way round: failures at sign-in lock the invitation for that network.
      const second = newNetwork();
      for (let guess = 1; guess <= PAIR_LOCK_AFTER; guess += 1) await signIn(vera.email, `sign-in-guess-${guess}`, second);
      expect(codeOf(await accept(vera.password, second))).toBe('TOO_MANY_ATTEMPTS');
    });

    it('locks changing a password after five wrong current passwords, even when the sixth is right', async () => {
      const address = newNetwork();
      const dan = await t.signIn(DEMO.employee, DEMO_PASSWORD, { address });
      const change = (currentPassword: string) => dan.graphql(CHANGE, { input: { currentPassword, newPassword: 'dan-new-passphrase-1' } });
      const codes: unknown[] = [];
      for (let guess = 1; guess <= PAIR_LOCK_AFTER; guess += 1) codes.push(codeOf(await change(`not my password ${guess}`)));
      expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'TOO_MANY_ATTEMPTS']);
      expect(codeOf(await change(DEMO_PASSWORD))).toBe('TOO_MANY_ATTEMPTS');
      // Nothing changed: Dan still signs in with his password, from elsewhere.
      expectNoErrors(await signIn(DEMO.employee, DEMO_PASSWORD, newNetwork()));
    });
  });

  describe('the lock is no lever against the owner, and guessing across networks or e-mails is bounded', () => {
    it("locks only the guessing network: the owner's own network and any other one still sign in", async () => {
      const home = newNetwork();
      expectNoErrors(await signIn(DEMO.manager, DEMO_PASSWORD, home));
      const attacker = newNetwork();
      for (let guess = 1; guess <= PAIR_LOCK_AFTER; guess += 1) await signIn(DEMO.manager, `guess ${guess}`, attacker);
      expect(codeOf(await signIn(DEMO.manager, DEMO_PASSWORD, attacker))).toBe('TOO_MANY_ATTEMPTS');
      expectNoErrors(await signIn(DEMO.manager, DEMO_PASSWORD, home));
      expectNoErrors(await signIn(DEMO.manager, DEMO_PASSWORD, newNetwork()));
    });

    it('locks an e-mail against networks that never signed in to it once many of them failed, but not against the owner\'s', async () => {
      const email = 'leo.fischer@demo.example';
      const home = newNetwork();
      expectNoErrors(await signIn(email, DEMO_PASSWORD, home));
      const codes: unknown[] = [];
      for (let failure = 0; failure < UNRECOGNISED_LOCK_AFTER; failure += 1) {
        // Four failures per network: no single network reaches its own lock.
        const network = `198.19.${Math.floor(failure / 4)}.1`;
        codes.push(codeOf(await signIn(email, `spread guess ${failure}`, network)));
      }
      expect(codes.slice(0, -1).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
      expect(codes.at(-1)).toBe('TOO_MANY_ATTEMPTS');
      // A new network is refused even with the right password; the network Leo signed in from is not.
      expect(codeOf(await signIn(email, DEMO_PASSWORD, newNetwork()))).toBe('TOO_MANY_ATTEMPTS');
      expectNoErrors(await signIn(email, DEMO_PASSWORD, home));
    }, 60_000);

    it('limits one network guessing across many e-mails, whether or not they have accounts', async () => {
      const network = newNetwork();
      const codes: unknown[] = [];
      for (let n = 0; n < ADDRESS_LIMITS.passwordFailures.points; n += 1) {
        codes.push(codeOf(await signIn(n % 2 ? `stranger-${n}@nowhere.example` : `guess-${n}@demo.example`, 'one guess each', network)));
      }
      expect(codes.every((code) => code === 'UNAUTHENTICATED')).toBe(true);
      const refused = theError(await signIn(DEMO.leadership, DEMO_PASSWORD, network));
      expect(refused.code).toBe('TOO_MANY_ATTEMPTS');
      expect(refused.message).toMatch(/from your network/);
      expect(refused.extensions.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expectNoErrors(await signIn(DEMO.leadership, DEMO_PASSWORD, newNetwork()));
    }, 60_000);
  });

  describe('known and unknown e-mails cannot be told apart', () => {
    it('locks an unknown e-mail exactly as a known one, with the same answers', async () => {
      const network = newNetwork();
      const answers = async (email: string) => {
        const seen: { code: unknown; message: string }[] = [];
        for (let n = 1; n <= PAIR_LOCK_AFTER + 1; n += 1) {
          const { code, message } = theError(await signIn(email, `wrong password ${n}`, network));
          seen.push({ code, message });
        }
        return seen;
      };
      const known = await answers('ben.okafor@demo.example');
      const unknown = await answers('no.such.person@demo.example');
      expect(unknown).toEqual(known);
      expect(known.map((answer) => answer.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
      expect(known[0]!.message).toBe('That e-mail and password do not match an account.');
    }, 60_000);

    it('throttles sign-ups per network, and never says that an address has an account', async () => {
      const network = newNetwork();
      const signUp = (email: string) =>
        t.anonymous({ address: network }).graphql(SIGN_UP, { input: { organisationName: 'Probe Ltd', name: 'Probe', email, password: 'probe-passphrase-2026' } });
      const refusal = fieldErrors(await signUp(DEMO.admin));
      expect(refusal.email).not.toMatch(/exist|already has/);
      for (let n = 1; n < ADDRESS_LIMITS.signUps.points; n += 1) expect(codeOf(await signUp(DEMO.admin))).toBe('BAD_USER_INPUT');
      const throttled = theError(await signUp('brand.new@probe.example'));
      expect(throttled.code).toBe('TOO_MANY_ATTEMPTS');
      expect(throttled.message).toMatch(/sign-ups from your network/);
      expectNoErrors(await t.anonymous({ address: newNetwork() }).graphql(SIGN_UP, { input: { organisationName: 'Real Ltd', name: 'Real', email: 'real@real.example', password: 'real-passphrase-2026' } }));
    }, 60_000);
  });
});

