import { Writable } from 'node:stream';
import { configWarnings, loadConfig } from '../src/config/config.js';
import { DEMO, DEMO_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';

/**
 * What the Dockerfile and Kubernetes run (NODE_ENV=production) against what `npm start` runs: a
 * Secure cookie behind TLS, only the listed proxies' X-Forwarded-For, no GraphiQL nor
 * introspection, refusals logged as one warning line (no stack trace).
 */
describe('configuration defaults', () => {
  it('npm start: this machine only, loopback proxies, cookie not Secure over http, demo seeded, no drain delay', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ NODE_ENV: 'development', HOST: '127.0.0.1', TRUST_PROXY: ['loopback'], COOKIE_SECURE: false, TRELLIS_SEED_DEMO: true, SHUTDOWN_DELAY_MS: 0 });
    expect(configWarnings(config)).toEqual([]);
  });

  it('production: every interface, no proxy trusted, cookie Secure when PUBLIC_URL is https, no demo, a 5 s drain', () => {
    const config = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://trellis.example.com/' });
    expect(config).toMatchObject({
      HOST: '0.0.0.0',
      TRUST_PROXY: false,
      COOKIE_SECURE: true,
      TRELLIS_SEED_DEMO: false,
      SHUTDOWN_DELAY_MS: 5000,
      PUBLIC_URL: 'https://trellis.example.com',
      LOG_LEVEL: 'info',
    });
    expect(configWarnings(config)).toEqual([]);
    // Over plain http (or with COOKIE_SECURE=false) it runs, and says why that is unsafe.
    const plain = loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://trellis.internal' });
    expect(plain.COOKIE_SECURE).toBe(false);
    expect(configWarnings(plain)).toEqual([expect.stringMatching(/^the session cookie is not Secure/)]);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://trellis.internal', COOKIE_SECURE: 'true' }).COOKIE_SECURE).toBe(true);
    expect(configWarnings(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://t.example', TRELLIS_SEED_DEMO: 'true' }))).toEqual([
      expect.stringMatching(/^TRELLIS_SEED_DEMO is on/),
    ]);
  });

  it('takes TRUST_PROXY as a list of addresses and ranges, and refuses trusting everyone', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,loopback,fd00::/8' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '192.168.1.7', 'loopback', 'fd00::/8']);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).TRUST_PROXY).toBe(false);
    for (const everyone of ['true', '*', '0.0.0.0/0', '::/0']) {
      expect(() => loadConfig({ TRUST_PROXY: everyone })).toThrow(/TRUST_PROXY: .*(trusting every address lets any caller choose its own|list the proxies)/);
    }
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: list the proxies' addresses or CIDR ranges/);
    expect(() => loadConfig({ COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE: must be true or false/);
    expect(() => loadConfig({ DATABASE_APP_ROLE: 'Robert"; DROP' })).toThrow(/DATABASE_APP_ROLE: must be a lower-case PostgreSQL role name/);
  });
});

describe('the application in production', () => {
  const logged: Record<string, unknown>[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logged.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      environment: { NODE_ENV: 'production', TRELLIS_SEED_DEMO: 'true', PUBLIC_URL: 'https://trellis.example.com', TRUST_PROXY: '10.1.2.3', LOG_LEVEL: 'info' },
      logDestination,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const signIn = (headers: Record<string, string> = {}, remoteAddress = '10.9.9.9') =>
    t.app.inject({
      method: 'POST',
      url: '/graphql',
      remoteAddress,
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ query: `mutation { signIn(input: { email: "${DEMO.employee}", password: "${DEMO_PASSWORD}" }) { person { id } } }` }),
    });

  it('sets the session cookie Secure, httpOnly, SameSite=Lax', async () => {
    const response = await signIn();
    const cookie = response.cookies.find((c) => c.name === 'trellis_session')!;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });

  it("believes X-Forwarded-For only from a listed proxy (the address sign-ins are recorded and throttled by)", async () => {
    const lastSessionAddress = async () => {
      const events = await t.signIn(DEMO.admin, DEMO_PASSWORD, { address: '10.1.2.3' });
      const read = await events.graphql<{ auditEvents: { action: string; ipAddress: string | null }[] }>('{ auditEvents(limit: 5) { action ipAddress } }');
      return read.data!.auditEvents;
    };
    await signIn({ 'x-forwarded-for': '203.0.113.50' }, '10.66.66.66');
    await signIn({ 'x-forwarded-for': '203.0.113.60' }, '10.1.2.3');
    const events = (await lastSessionAddress()).filter((event) => event.action === 'session.signed_in').map((event) => event.ipAddress);
    // Newest first: the admin's own sign-in from the proxy, the one forwarded by the proxy, the spoofed one.
    expect(events.slice(0, 3)).toEqual(['10.1.2.3', '203.0.113.60', '10.66.66.66']);
  });

  it('serves no GraphiQL and refuses introspection', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(404);
    const introspection = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    expect(introspection.statusCode).toBe(400);
    expect(introspection.json().errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('logs refused requests as warnings, without stack traces', async () => {
    logged.length = 0;
    const refusals = [
      await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'query={viewer{accessRole}}' }),
      await t.app.inject({ method: 'GET', url: '/graphql?query={viewer{accessRole}}' }),
      await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query": "{ viewer {" }' }),
      await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ query: '{ nothingHere }' }) }),
      await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query": ' }),
      await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ query: `{ ${'a: viewer { accessRole } '.repeat(20)} }` }) }),
      await t.app.inject({ method: 'GET', url: '/no/such/route' }),
    ];
    expect(refusals.map((response) => response.statusCode)).toEqual([415, 405, 400, 400, 400, 400, 404]);
    await new Promise((resolve) => setImmediate(resolve));
    const serious = logged.filter((line) => (line.level as number) >= 50);
    expect(serious).toEqual([]);
    expect(logged.filter((line) => JSON.stringify(line).includes('    at '))).toEqual([]);
    // Each GraphQL refusal is one warning line (the unknown route is Nest's 404: not logged).
    expect(logged.filter((line) => line.level === 40)).toHaveLength(6);
    expect(logged.filter((line) => line.level !== 40)).toEqual([]);
  });
});
