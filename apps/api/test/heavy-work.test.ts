import { closestRoles, planRoute, pmoFramework, syntheticFramework, type FrameworkDocument } from '@trellis/domain';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { INLINE_TASKS_PER_REQUEST } from '../src/frameworks/framework-paths.service.js';
import { FrameworksService } from '../src/frameworks/frameworks.service.js';
import { QUERY_LIMITS } from '../src/graphql/query-limits.js';
import { BACKGROUND_NICE, DomainWorkerPool } from '../src/workers/domain-worker-pool.js';
import { expectNoErrors } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';

/**
 * Heavy domain work runs off the request thread: a career route over a 200-role, 400-skill
 * framework runs in the worker pool while other requests are answered; a full queue and a task
 * over its time limit are refused clearly; small frameworks stay on the request thread; and an
 * overloaded event loop sheds requests (503) but never /health.
 */

const ROUTE = /* GraphQL */ `
  query Route($from: ID!, $to: ID!) {
    careerRoute(fromRoleId: $from, toRoleId: $to) {
      found optimal message totalShortfall
      steps { from { key } to { key } }
    }
  }
`;

interface RouteAnswer {
  careerRoute: { found: boolean; optimal: boolean; message: string | null; totalShortfall: number; steps: { from: { key: string }; to: { key: string } }[] };
}

/** The synthetic framework with every role also moving laterally to every role of its level: many incomparable routes. */
function denseFramework(): FrameworkDocument {
  const doc = syntheticFramework({ seed: 7 });
  doc.key = 'dense-synthetic';
  const byLevel = new Map<number, string[]>();
  for (const role of doc.roles) byLevel.set(role.level, [...(byLevel.get(role.level) ?? []), role.key]);
  const existing = new Set(doc.transitions.map((t) => `${t.fromRoleKey}>${t.toRoleKey}`));
  for (const keys of byLevel.values()) {
    for (const from of keys) {
      for (const to of keys) {
        if (from !== to && !existing.has(`${from}>${to}`)) doc.transitions.push({ fromRoleKey: from, toRoleKey: to, kind: 'lateral', typicalMonths: 6 });
      }
    }
  }
  return doc;
}

/** Writes a published framework into the demo organisation; its roles' ids (by key), and its skills' as `skills`. */
async function addFramework(t: TestApp, employee: Client, document: FrameworkDocument): Promise<Map<string, string> & { skills: Map<string, string> }> {
  const viewer = await employee.graphql<{ viewer: { organisation: { id: string } } }>('{ viewer { organisation { id } } }');
  expectNoErrors(viewer);
  const { version } = await t.app.get(FrameworksService).createFromDocument(viewer.data!.viewer.organisation.id, document, { publish: true });
  const client = new pg.Client({ connectionString: t.adminDatabaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ id: string; key: string }>('SELECT id, key FROM roles WHERE framework_version_id = $1', [version.id]);
    const skills = await client.query<{ id: string; key: string }>('SELECT id, key FROM skills WHERE framework_version_id = $1', [version.id]);
    return Object.assign(new Map(rows.rows.map((row) => [row.key, row.id])), { skills: new Map(skills.rows.map((row) => [row.key, row.id])) });
  } finally {
    await client.end();
  }
}

async function pmoRoles(employee: Client): Promise<Map<string, string>> {
  const read = await employee.graphql<{ frameworks: { key: string; currentVersion: { roles: { id: string; key: string }[] } }[] }>(
    '{ frameworks { key currentVersion { roles { id key } } } }',
  );
  expectNoErrors(read);
  const pmo = read.data!.frameworks.find((f) => f.key === pmoFramework.key)!;
  return new Map(pmo.currentVersion.roles.map((r) => [r.key, r.id]));
}

describe('heavy work in the worker pool', () => {
  let t: TestApp;
  let employee: Client;
  let dense: Awaited<ReturnType<typeof addFramework>>;
  const document = denseFramework();
  const from = 'track-01-role-01';
  const to = 'track-10-role-20';

  beforeAll(async () => {
    // A generous time limit: the suite runs on a busy machine (the limit has a test of its own).
    t = await startTestApp({ environment: { WORKER_THREADS: '1', WORKER_TASK_TIMEOUT_MS: '120000' } });
    employee = await t.signIn(DEMO.employee);
    dense = await addFramework(t, employee, document);
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs a job\'s task on the background thread, which Linux schedules below requests (10 nicer), with the same answer', async () => {
    const pool = t.app.get(DomainWorkerPool);
    const before = pool.stats();
    const answer = await pool.run('validateFramework', { document: pmoFramework }, { background: true });
    expect(answer).toEqual(await pool.run('validateFramework', { document: pmoFramework }, { inline: true }));
    expect(pool.stats().backgroundCompleted).toBe(before.backgroundCompleted + 1);
    expect(pool.stats().completed).toBe(before.completed);
    if (!existsSync('/proc/thread-self')) return;
    // Each thread's nice value is field 19 of /proc/<pid>/task/<tid>/stat (the fields after the command's closing parenthesis start at 3).
    const nice = (tid: string) => Number(readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8').split(') ').pop()!.split(' ')[16]);
    const threads = readdirSync(`/proc/${process.pid}/task`);
    const main = nice(String(process.pid));
    expect(threads.map(nice)).toContain(Math.min(19, main + BACKGROUND_NICE));
  });

  it('finds a route on a 200-role, 400-skill framework in a worker, the domain\'s route', async () => {
    const pool = t.app.get(DomainWorkerPool);
    const before = pool.stats().completed;
    const result = await employee.graphql<RouteAnswer>(ROUTE, { from: dense.get(from), to: dense.get(to) });
    expectNoErrors(result);
    expect(pool.stats().completed).toBe(before + 1);
    const route = result.data!.careerRoute;
    const expected = planRoute(document, from, to, {});
    if (!expected.found) throw new Error('the synthetic framework has a route');
    expect(route.steps.map((s) => s.to.key)).toEqual(expected.route.steps.map((s) => s.toRoleKey));
    expect([route.found, route.optimal, route.totalShortfall]).toEqual([true, expected.optimal, expected.route.totalShortfall]);
    // On this framework the search stops at its budget: the route says it may not be the cheapest.
    expect(route.optimal).toBe(false);
    expect(route.message).toMatch(/cheaper one may exist/);
  });

  it('answers /health while heavy routes run in the worker', async () => {
    let routesDone = 0;
    const routes = [1, 2, 3].map(() =>
      employee.graphql<RouteAnswer>(ROUTE, { from: dense.get(from), to: dense.get(to) }).then((result) => {
        routesDone += 1;
        return result;
      }),
    );
    // Once the routes are being worked out in the worker, ask for /health.
    const pool = t.app.get(DomainWorkerPool);
    while (pool.stats().pending === 0 && routesDone === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(routesDone).toBe(0);
    for (const result of await Promise.all(routes)) expectNoErrors(result);
    expect(routesDone).toBe(3);
  });

  it('works small frameworks out on the request thread (no worker round trip)', async () => {
    const pool = t.app.get(DomainWorkerPool);
    const before = pool.stats().completed;
    const pmo = await pmoRoles(employee);
    const result = await employee.graphql<RouteAnswer>(ROUTE, { from: pmo.get('pmo-administrator'), to: pmo.get('head-of-pmo') });
    expectNoErrors(result);
    expect(result.data!.careerRoute).toMatchObject({ found: true, optimal: true, message: null });
    const closest = await employee.graphql('query($id: ID!) { closestRoles(roleId: $id, limit: 3) { roles { role { id } } } }', {
      id: pmo.get('pmo-analyst'),
    });
    expectNoErrors(closest);
    expect(pool.stats().completed).toBe(before);
  });

  it('sends a request\'s small tasks to the pool past a few, so aliases cannot hold the request thread', async () => {
    const pool = t.app.get(DomainWorkerPool);
    const before = pool.stats().completed;
    const pmo = await pmoRoles(employee);
    // As many aliases as the query limits allow: the ones past the inline allowance go to the pool.
    const count = QUERY_LIMITS.maxAliases;
    expect(count).toBeGreaterThan(INLINE_TASKS_PER_REQUEST);
    const aliases = Array.from({ length: count }, (_, i) => `r${i}: careerRoute(fromRoleId: $from, toRoleId: $to) { found totalShortfall }`);
    const result = await employee.graphql<Record<string, { found: boolean; totalShortfall: number }>>(
      `query($from: ID!, $to: ID!) { ${aliases.join(' ')} }`,
      { from: pmo.get('pmo-administrator'), to: pmo.get('head-of-pmo') },
    );
    expectNoErrors(result);
    expect(new Set(Object.values(result.data!).map((route) => JSON.stringify(route))).size).toBe(1);
    expect(pool.stats().completed - before).toBe(count - INLINE_TASKS_PER_REQUEST);
  });

  it('ranks the closest roles of a big framework in a worker', async () => {
    const pool = t.app.get(DomainWorkerPool);
    const before = pool.stats().completed;
    // Rated at the starting role's expectations: its neighbours are the closest.
    const expectations = document.roles.find((role) => role.key === from)!.expectations;
    const profile = Object.entries(expectations).map(([key, level]) => ({ skillId: dense.skills.get(key), level }));
    const closest = await employee.graphql<{ closestRoles: { roles: { role: { id: string } }[] } }>(
      'query($id: ID!, $profile: [SkillLevelInput!]) { closestRoles(roleId: $id, profile: $profile, limit: 3) { roles { role { id } } } }',
      { id: dense.get(from), profile },
    );
    expectNoErrors(closest);
    const expected = closestRoles(document, expectations, 3, { excludeRoleKeys: [from] }).map((fit) => dense.get(fit.role.key));
    expect(expected).toHaveLength(3);
    expect(closest.data!.closestRoles.roles.map((fit) => fit.role.id)).toEqual(expected);
    expect(pool.stats().completed).toBe(before + 1);
  });
});

describe('limits of the worker pool', () => {
  it('refuses work past the queue limit at once with SERVICE_UNAVAILABLE (TOO_BUSY)', async () => {
    const t = await startTestApp({ environment: { WORKER_THREADS: '1', WORKER_QUEUE_LIMIT: '1', WORKER_TASK_TIMEOUT_MS: '120000' } });
    try {
      const employee = await t.signIn(DEMO.employee);
      const dense = await addFramework(t, employee, denseFramework());
      const variables = { from: dense.get('track-01-role-01'), to: dense.get('track-10-role-20') };
      const results = await Promise.all([1, 2, 3, 4, 5, 6].map(() => employee.graphql<RouteAnswer>(ROUTE, variables)));
      const answered = results.filter((result) => !result.errors);
      const refused = results.filter((result) => result.errors);
      // One runs and one waits; the others find the queue full.
      expect(answered.length).toBeGreaterThanOrEqual(1);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      for (const result of refused) {
        expect(result.errors![0]).toMatchObject({ message: expect.stringMatching(/too busy/), extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'TOO_BUSY' } });
      }
    } finally {
      await t.close();
    }
  });

  it('stops a task past its time limit with SERVICE_UNAVAILABLE (TIMEOUT), and goes on serving', async () => {
    const t = await startTestApp({ environment: { WORKER_THREADS: '1', WORKER_TASK_TIMEOUT_MS: '100' } });
    try {
      const employee = await t.signIn(DEMO.employee);
      const dense = await addFramework(t, employee, denseFramework());
      const result = await employee.graphql<RouteAnswer>(ROUTE, { from: dense.get('track-01-role-01'), to: dense.get('track-10-role-20') });
      expect(result.errors![0]).toMatchObject({ message: expect.stringMatching(/took too long/), extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' } });
      expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      const pmo = await pmoRoles(employee);
      const small = await employee.graphql<RouteAnswer>(ROUTE, { from: pmo.get('pmo-administrator'), to: pmo.get('head-of-pmo') });
      expectNoErrors(small);
    } finally {
      await t.close();
    }
  });
});

describe('event-loop pressure', () => {
  it('answers 503 SERVICE_UNAVAILABLE while the event loop lags, but always answers /health', async () => {
    const t = await startTestApp({ seed: false, environment: { MAX_EVENT_LOOP_DELAY_MS: '50' } });
    try {
      // Block this thread (the app's) for 3 s: the lag is sampled every 250 ms.
      const until = Date.now() + 3000;
      while (Date.now() < until) {
        // busy
      }
      let refused: { statusCode: number; headers: Record<string, unknown>; body: string } | undefined;
      let healthDuringPressure: number | undefined;
      const deadline = Date.now() + 3000;
      while (!refused && Date.now() < deadline) {
        const response = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query":"{ __typename }"}' });
        if (response.statusCode === 503) {
          refused = response;
          healthDuringPressure = (await t.app.inject({ method: 'GET', url: '/health' })).statusCode;
        } else {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
      expect(refused).toBeDefined();
      expect(refused!.headers['retry-after']).toBe('5');
      expect(JSON.parse(refused!.body)).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'OVERLOADED' } }] });
      expect(healthDuringPressure).toBe(200);
      // Once the loop is idle again, requests are served.
      await new Promise((resolve) => setTimeout(resolve, 600));
      const after = await t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query":"{ __typename }"}' });
      expect(after.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
