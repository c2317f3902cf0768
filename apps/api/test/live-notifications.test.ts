import { createConnection } from 'node:net';
import { Redis } from 'ioredis';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/**
 * Live notifications across API processes: two instances of the app on one database, their
 * subscriptions' emitter on Redis. A person subscribed through B receives what a request to A
 * caused for them, and nobody else's.
 */
const REDIS_URL = 'redis://127.0.0.1:6379';
const CHLOE = 'chloe.martin@demo.example';
const KEMI = 'kemi.adeyemi@demo.example';

/** Whether Redis answers PING on 127.0.0.1:6379 (the test needs it; it is never required). */
function redisAnswers(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port: 6379 });
    socket.setTimeout(2000);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    const no = () => {
      socket.destroy();
      resolve(false);
    };
    socket.once('error', no);
    socket.once('timeout', no);
  });
}
const redisUp = await redisAnswers();
if (!redisUp) process.stderr.write('live-notifications.test.ts: skipped: Redis does not answer on 127.0.0.1:6379 (start one to run it)\n');
const describeWithRedis = redisUp ? describe : describe.skip;

interface Pushed {
  notificationAdded: { id: string; kind: string; message: string; link: string | null; readAt: string | null; createdAt: string };
}

const NOTIFICATION_ADDED = 'subscription { notificationAdded { id kind message link readAt createdAt } }';

/** A graphql-ws client as a browser on `origin` with this session cookie would open it. */
function liveClient(port: number, headers: Record<string, string>): WsClient {
  class BrowserLikeSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: BrowserLikeSocket, retryAttempts: 0, lazy: false });
}

/** The events of one subscription, read one at a time in order. */
function subscribe(client: WsClient, query = NOTIFICATION_ADDED) {
  const events = client.iterate<Pushed>({ query });
  return { next: async () => (await events.next()).value as { data?: Pushed; errors?: { message: string }[] }, stop: () => events.return?.() };
}

/** The HTTP status an upgrade was refused with (or 101 when it was accepted). */
function upgradeStatus(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws', { headers });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
    socket.once('error', (error) => reject(error));
  });
}

describeWithRedis('live notifications over graphql-ws, through Redis, across two API processes', () => {
  let a: TestApp;
  let b: TestApp;
  /** A third process that re-reads each connection's session every second (B keeps the default minute). */
  let c: TestApp;
  let port: number;
  let portC: number;
  let redis: Redis;
  let dan: Client;
  let chloe: Client;
  let danId: string;
  let chloeId: string;
  let origin: string;
  const clients: WsClient[] = [];

  /** Waits until B's emitter has subscribed Redis to this person's topic, so an event now cannot be missed. */
  async function listening(personId: string): Promise<void> {
    for (let tries = 0; tries < 250; tries += 1) {
      const channels = (await redis.pubsub('CHANNELS', `notifications/*/${personId}`)) as string[];
      if (channels.length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`B never subscribed to ${personId}'s notifications: ${JSON.stringify(await redis.pubsub('CHANNELS', '*'))}`);
  }

  const id = async (client: Client) => (await client.graphql<{ viewer: { person: { id: string } } }>('{ viewer { person { id } } }')).data!.viewer.person.id;
  const share = (from: Client, viewerId: string, shared: boolean) =>
    from.graphql('mutation($id: ID!, $shared: Boolean!) { sharePlan(viewerId: $id, shared: $shared) { id } }', { id: viewerId, shared });

  beforeAll(async () => {
    a = await startTestApp({ environment: { REDIS_URL } });
    b = await startTestApp({ environment: { REDIS_URL }, databaseOf: a, seed: false });
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    port = (b.app.getHttpServer().address() as { port: number }).port;
    c = await startTestApp({ environment: { REDIS_URL, LIVE_SESSION_CHECK_SECONDS: '1' }, databaseOf: a, seed: false });
    await c.app.listen({ port: 0, host: '127.0.0.1' });
    portC = (c.app.getHttpServer().address() as { port: number }).port;
    origin = 'http://localhost:4000'; // PUBLIC_URL's origin in tests (loadConfig's default for PORT 4000)
    redis = new Redis(REDIS_URL);
    dan = await a.signIn(DEMO.employee);
    chloe = await a.signIn(CHLOE);
    danId = await id(dan);
    chloeId = await id(chloe);
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.terminate();
    redis?.disconnect();
    await c?.close();
    await b?.close();
    await a?.close();
  });

  it('delivers a notification caused through A to its person subscribed through B, and to nobody else', async () => {
    const asChloe = liveClient(port, { cookie: chloe.cookie!, origin });
    const asDan = liveClient(port, { cookie: dan.cookie!, origin });
    clients.push(asChloe, asDan);
    const chloesEvents = subscribe(asChloe);
    const dansEvents = subscribe(asDan);
    await listening(chloeId);
    await listening(danId);

    // Dan shares his plan with Chloe, through instance A.
    expect((await share(dan, chloeId, true)).errors).toBeUndefined();
    const received = await chloesEvents.next();
    expect(received.errors).toBeUndefined();
    expect(received.data!.notificationAdded).toMatchObject({ kind: 'plan-shared', link: `/plans/${danId}`, readAt: null });
    expect(received.data!.notificationAdded.message).toMatch(/shared their development plan with you/);
    const [stored] = (await chloe.graphql<{ myNotifications: { id: string }[] }>('{ myNotifications { id } }')).data!.myNotifications;
    expect(received.data!.notificationAdded.id).toBe(stored!.id);

    // Then Chloe shares hers with Dan: the first event Dan receives is that one, so Chloe's never reached him
    // (one publisher, one Redis connection: events arrive in the order they were published).
    expect((await share(chloe, danId, true)).errors).toBeUndefined();
    const dansFirst = await dansEvents.next();
    expect(dansFirst.data!.notificationAdded).toMatchObject({ kind: 'plan-shared', link: `/plans/${chloeId}` });
    void chloesEvents.stop();
    void dansEvents.stop();
  });

  it('refuses a connection without a session, with a bad cookie, or from another site', async () => {
    expect(await upgradeStatus(port, { origin })).toBe(401);
    expect(await upgradeStatus(port, { origin, cookie: 'trellis_session=forged' })).toBe(401);
    expect(await upgradeStatus(port, { origin: 'https://evil.example', cookie: chloe.cookie! })).toBe(403);
    expect(await upgradeStatus(port, { origin, cookie: chloe.cookie! })).toBe(101);
  });

  it('validates subscription documents, query limits included', async () => {
    const client = liveClient(port, { cookie: chloe.cookie!, origin });
    clients.push(client);
    const unknownField = subscribe(client, 'subscription { notificationAdded { id nope } }');
    await expect(unknownField.next()).rejects.toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/nope/) })]));
    const aliases = Array.from({ length: 12 }, (_, i) => `a${i}: id`).join(' ');
    const tooMany = subscribe(client, `subscription { notificationAdded { ${aliases} } }`);
    await expect(tooMany.next()).rejects.toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringMatching(/too complex/i) })]));
  });

  /** Resolves with the close code once the client's socket closes. */
  const closed = (client: WsClient) => new Promise<number>((resolve) => client.on('closed', (event) => resolve((event as { code: number }).code)));
  const connected = (client: WsClient) => new Promise<void>((resolve) => client.on('connected', () => resolve()));

  it('drops the first event after the session was revoked, and closes the connection (4401)', async () => {
    const kemi = await a.signIn(KEMI);
    const kemiId = await id(kemi);
    const asKemi = liveClient(port, { cookie: kemi.cookie!, origin });
    clients.push(asKemi);
    const ended = closed(asKemi);
    const events = subscribe(asKemi);
    const received: unknown[] = [];
    const reading = (async () => {
      for (;;) received.push(await events.next());
    })().catch(() => undefined);
    await listening(kemiId);

    // Signed out through A; B checks every minute, so only the check before delivery can stop the event.
    expect((await kemi.graphql('mutation { signOut }')).errors).toBeUndefined();
    expect((await share(dan, kemiId, true)).errors).toBeUndefined();
    expect(await ended).toBe(4401);
    await reading;
    expect(received.filter((r) => (r as { data?: unknown } | undefined)?.data)).toEqual([]);
    // The notification itself was stored: she reads it once signed in again.
    const again = await a.signIn(KEMI);
    const list = (await again.graphql<{ myNotifications: { kind: string }[] }>('{ myNotifications { kind } }')).data!.myNotifications;
    expect(list.map((n) => n.kind)).toContain('plan-shared');
  });

  it('closes a quiet connection once its session is revoked, at the next periodic check', async () => {
    const session = await a.signIn(CHLOE);
    const asChloe = liveClient(portC, { cookie: session.cookie!, origin });
    clients.push(asChloe);
    const ready = connected(asChloe);
    const ended = closed(asChloe);
    const events = subscribe(asChloe);
    void events.next().catch(() => undefined);
    await ready;
    let open = true;
    void ended.then(() => (open = false));
    // Still open after more than a check while the session lives.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(open).toBe(true);

    expect((await session.graphql('mutation { signOut }')).errors).toBeUndefined();
    const code = await Promise.race([ended, new Promise((resolve) => setTimeout(() => resolve('still open after 5 s'), 5000))]);
    expect(code).toBe(4401);
  });
});
