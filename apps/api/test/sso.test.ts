import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import pg from 'pg';
import { SsoService } from '../src/identity/sso.service.js';
import { expectNoErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider) running in this process: the
 * browser's trip is played by hand (the app's redirects, the provider's login and consent), and the
 * provider's token answer can be tampered with (re-signed with its own key) to test what the app refuses.
 */

const PUBLIC_URL = 'http://localhost:4000';
const REDIRECT_URI = `${PUBLIC_URL}/auth/sso/callback`;
const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...(privateKey.export({ format: 'jwk' }) as Record<string, string>), kid: 'test-key', alg: 'RS256', use: 'sig' };

/** Re-signs a JWT with the provider's key after changing its claims (what a forged or replayed token would carry). */
function resign(token: string, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(claims);
  const input = `${header}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
}

let tamper: ((claims: Record<string, unknown>) => void) | null = null;

async function startProvider(): Promise<{ issuer: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: ['client-a', 'client-b'].map((id) => ({
      client_id: id,
      client_secret: `${id}-secret-${'x'.repeat(32)}`,
      redirect_uris: [REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [signingKey] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The login typed in the provider's form is the person's e-mail.
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: id, email_verified: true, name: `Person ${id.split('@')[0]}` }) }),
    cookies: { keys: [randomBytes(16).toString('hex')] },
    pkce: { required: () => true },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && tamper && body?.id_token) body.id_token = resign(body.id_token, tamper);
  });
  server.on('request', provider.callback());
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A browser's trip: the app sends it to the provider, the person signs in there as `login`, the provider sends it back. */
async function signInWithProvider(t: TestApp, browser: Client, startUrl: string, login: string, editCallback?: (url: URL) => void) {
  const start = await t.app.inject({ method: 'GET', url: startUrl });
  expect(start.statusCode).toBe(302);
  let location = start.headers.location as string;
  const jar = new Map<string, string>();
  let prompt: 'login' | 'consent' = 'login';
  for (let hop = 0; hop < 12 && !location.startsWith(PUBLIC_URL); hop++) {
    const interaction = /\/interaction\/[^/?]+$/.test(new URL(location).pathname);
    const response = await fetch(location, {
      method: interaction ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(interaction ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: interaction ? new URLSearchParams(prompt === 'login' ? { prompt, login } : { prompt }).toString() : undefined,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      jar.set(name!, value.join('='));
    }
    if (interaction) prompt = 'consent';
    const next = response.headers.get('location');
    if (!next) throw new Error(`the provider answered ${response.status} without a redirect: ${(await response.text()).slice(0, 300)}`);
    location = new URL(next, location).href;
  }
  const callback = new URL(location);
  expect(callback.pathname).toBe('/auth/sso/callback');
  editCallback?.(callback);
  const back = await t.app.inject({ method: 'GET', url: `${callback.pathname}${callback.search}`, headers: browser.cookie ? { cookie: browser.cookie } : {} });
  expect(back.statusCode).toBe(302);
  const cookie = ([] as string[]).concat(back.headers['set-cookie'] ?? []).find((c) => c.startsWith('trellis_session='));
  if (cookie) browser.cookie = cookie.split(';')[0]!;
  return { location: back.headers.location as string, signedIn: Boolean(cookie) };
}

const SAVE = `mutation($input: SsoSettingsInput!) {
  saveSsoSettings(input: $input) { displayName issuer clientId hasClientSecret domains passwordsAllowed createPeople enabled redirectUri }
}`;
const FOR = 'query($email: String!) { singleSignOnFor(email: $email) { providerName startUrl } }';
const WHO = '{ viewer { organisation { name } person { email accessRole } } }';

describe('single sign-on (OpenID Connect)', () => {
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let t: TestApp;
  let demoStart: string;
  let otherStart: string;

  beforeAll(async () => {
    provider = await startProvider();
    t = await startTestApp({
      environment: { PUBLIC_URL, SSO_SECRET_KEY: randomBytes(32).toString('base64'), SSO_ALLOW_HTTP: 'true' },
    });
    const admin = await t.signIn(DEMO.admin);
    const saved = await admin.graphql<{ saveSsoSettings: Record<string, unknown> }>(SAVE, {
      input: {
        displayName: 'Demo ID',
        issuer: provider.issuer,
        clientId: 'client-a',
        clientSecret: `client-a-secret-${'x'.repeat(32)}`,
        domains: ['Demo.example'],
        passwordsAllowed: true,
        createPeople: false,
        enabled: true,
      },
    });
    expectNoErrors(saved);
    // The secret is stored (encrypted) and never returned.
    expect(saved.data!.saveSsoSettings).toEqual({
      displayName: 'Demo ID',
      issuer: provider.issuer,
      clientId: 'client-a',
      hasClientSecret: true,
      domains: ['demo.example'],
      passwordsAllowed: true,
      createPeople: false,
      enabled: true,
      redirectUri: REDIRECT_URI,
    });

    const founder = t.anonymous();
    expectNoErrors(
      await founder.graphql('mutation($input: SignUpInput!) { signUp(input: $input) { confirmationEmailed } }', {
        input: { organisationName: 'Other Co', name: 'Olive Other', email: 'olive@other.example', password: 'other-founder-2026' },
      }),
    );
    expectNoErrors(
      await founder.graphql(SAVE, {
        input: {
          displayName: 'Other ID',
          issuer: provider.issuer,
          clientId: 'client-b',
          clientSecret: `client-b-secret-${'x'.repeat(32)}`,
          domains: ['other.example'],
          passwordsAllowed: true,
          createPeople: true,
          enabled: true,
        },
      }),
    );
    const anonymous = t.anonymous();
    demoStart = (await anonymous.graphql<{ singleSignOnFor: { startUrl: string } }>(FOR, { email: 'anyone@demo.example' })).data!.singleSignOnFor.startUrl;
    otherStart = (await anonymous.graphql<{ singleSignOnFor: { startUrl: string } }>(FOR, { email: 'x@other.example' })).data!.singleSignOnFor.startUrl;
  });
  afterEach(() => {
    tamper = null;
  });
  afterAll(async () => {
    await t.close();
    await provider.close();
  });

  it('offers the provider for an address of its domains only, whether or not the address has an account', async () => {
    const anonymous = t.anonymous();
    const known = await anonymous.graphql<{ singleSignOnFor: { providerName: string } | null }>(FOR, { email: DEMO.employee });
    const unknown = await anonymous.graphql<{ singleSignOnFor: { providerName: string } | null }>(FOR, { email: 'nobody.here@demo.example' });
    expect(known.data!.singleSignOnFor).toEqual(unknown.data!.singleSignOnFor);
    expect(known.data!.singleSignOnFor?.providerName).toBe('Demo ID');
    expect((await anonymous.graphql<{ singleSignOnFor: unknown }>(FOR, { email: 'x@elsewhere.example' })).data!.singleSignOnFor).toBeNull();
  });

  it('signs an existing person in, linked by their verified e-mail', async () => {
    const browser = t.anonymous();
    const result = await signInWithProvider(t, browser, demoStart, DEMO.employee);
    expect(result).toEqual({ location: '/', signedIn: true });
    const me = await browser.graphql<{ viewer: { organisation: { name: string }; person: { email: string } } }>(WHO);
    expectNoErrors(me);
    expect(me.data!.viewer.person.email).toBe(DEMO.employee);
  });

  it('creates a new person on first sign-in when the organisation allows it, and only then', async () => {
    const browser = t.anonymous();
    expect(await signInWithProvider(t, browser, otherStart, 'newcomer@other.example')).toEqual({ location: '/', signedIn: true });
    const me = await browser.graphql<{ viewer: { organisation: { name: string }; person: { email: string; accessRole: string } } }>(WHO);
    expect(me.data!.viewer).toEqual({ organisation: { name: 'Other Co' }, person: { email: 'newcomer@other.example', accessRole: 'EMPLOYEE' } });

    const stranger = await signInWithProvider(t, t.anonymous(), demoStart, 'not.yet.here@demo.example');
    expect(stranger.signedIn).toBe(false);
    expect(decodeURIComponent(stranger.location)).toMatch(/not in this organisation on Trellis yet/);
  });

  it('refuses an ID token made for another client (wrong audience)', async () => {
    // The control: a token re-signed with a harmless change still signs in, so the refusals below are the claims'.
    tamper = (claims) => {
      claims.harmless = true;
    };
    expect((await signInWithProvider(t, t.anonymous(), demoStart, DEMO.employee)).signedIn).toBe(true);
    tamper = (claims) => {
      claims.aud = 'client-b';
    };
    const result = await signInWithProvider(t, t.anonymous(), demoStart, DEMO.employee);
    expect(result.signedIn).toBe(false);
    expect(result.location).toMatch(/^\/sign-in\?sso_error=/);
  });

  it('refuses an expired ID token', async () => {
    tamper = (claims) => {
      claims.iat = Math.floor(Date.now() / 1000) - 7200;
      claims.exp = Math.floor(Date.now() / 1000) - 3600;
    };
    const result = await signInWithProvider(t, t.anonymous(), demoStart, DEMO.employee);
    expect(result.signedIn).toBe(false);
    expect(decodeURIComponent(result.location)).toMatch(/did not confirm who you are/);
  });

  it('refuses an e-mail outside the organisation’s domains, even one another organisation covers', async () => {
    const outside = await signInWithProvider(t, t.anonymous(), demoStart, 'someone@elsewhere.example');
    expect(outside.signedIn).toBe(false);
    expect(decodeURIComponent(outside.location)).toMatch(/is not an address this organisation signs in with/);
    // other.example is Other Co's: Demo's provider never signs anyone in to Other Co, nor in to Demo.
    const theirs = await signInWithProvider(t, t.anonymous(), demoStart, 'newcomer@other.example');
    expect(theirs.signedIn).toBe(false);
  });

  it("never signs anyone in to another organisation: a callback naming Other Co with Demo's sign-in is refused", async () => {
    const other = new URL(`http://x${otherStart}`).searchParams.get('organisation')!;
    const result = await signInWithProvider(t, t.anonymous(), demoStart, DEMO.employee, (callback) => {
      const [, id, secret] = callback.searchParams.get('state')!.split('.');
      callback.searchParams.set('state', `${other}.${id}.${secret}`);
    });
    expect(result.signedIn).toBe(false);
    // And a callback replayed after a sign-in finds its state used.
    let replay = '';
    const first = await signInWithProvider(t, t.anonymous(), demoStart, DEMO.employee, (callback) => {
      replay = `${callback.pathname}${callback.search}`;
    });
    expect(first.signedIn).toBe(true);
    const again = await t.app.inject({ method: 'GET', url: replay });
    expect(decodeURIComponent(again.headers.location as string)).toMatch(/already used/);
    // Expired sign-ins are cleaned up by the hourly job (system-wide, past row-level security).
    const db = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE sso_logins SET expires_at = now() - interval '2 hours'`);
      await t.app.get(SsoService).deleteExpired();
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sso_logins')).rows[0]!.n).toBe(0);
    } finally {
      await db.end();
    }
  });

  it('refuses password sign-in when the organisation requires its provider; admins only configure it', async () => {
    const admin = await t.signIn(DEMO.admin);
    const current = await admin.graphql<{ ssoSettings: Record<string, unknown> }>('{ ssoSettings { displayName issuer clientId domains createPeople enabled } }');
    expectNoErrors(current);
    expectNoErrors(await admin.graphql(SAVE, { input: { ...current.data!.ssoSettings, passwordsAllowed: false } }));
    const refused = await t.anonymous().graphql('mutation($input: SignInInput!) { signIn(input: $input) { accessRole } }', {
      input: { email: DEMO.employee, password: 'trellis-demo-2026' },
    });
    expect(theError(refused).message).toMatch(/signs in with Demo ID/);

    const employee = await signInWithProvider(t, t.anonymous(), demoStart, DEMO.employee);
    expect(employee.signedIn).toBe(true);
    const other = t.anonymous();
    expect(theError(await other.graphql('{ ssoSettings { issuer } }')).code).toBe('UNAUTHENTICATED');
  });
});
