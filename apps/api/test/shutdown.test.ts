import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase } from './support/postgres-server.js';
import { freePort, request, startApiProcess, type Answer } from './support/api-process.js';
import { DEMO, DEMO_PASSWORD } from './support/test-app.js';

/**
 * Stopping and starting the real process: SIGTERM drains (readiness 503 first, every accepted
 * request answered, pools and database closed, exit 0 before the forced-exit limit of 9.5 s: a
 * forced exit is code 1), and a start after kill -9 recovers the embedded PostgreSQL left behind.
 */

function graphql(port: number, agent: http.Agent, cookie: string, query: string): Promise<Answer> {
  return request(port, {
    method: 'POST',
    path: '/graphql',
    agent,
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

describe('SIGTERM while clients stream requests over keep-alive', () => {
  it('turns /health 503 first, answers every accepted request, closes its connections and exits 0', async () => {
    const database = await createTestDatabase();
    try {
      const api = await startApiProcess({ DATABASE_URL: database.url, NODE_ENV: 'production', TRELLIS_SEED_DEMO: 'true', SHUTDOWN_DELAY_MS: '1000', LOG_LEVEL: 'warn' });
      const signIn = await request(api.port, {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation { signIn(input: { email: "${DEMO.admin}", password: "${DEMO_PASSWORD}" }) { person { id } } }` }),
      });
      const cookie = String(signIn.headers?.['set-cookie']).split(';')[0]!;
      expect(cookie).toMatch(/^trellis_session=/);

      let signalledAt = Number.POSITIVE_INFINITY;
      let refusedAt = Number.POSITIVE_INFINITY;
      const answers: Answer[] = [];
      // Clients: one keep-alive connection each, one request after another, until nobody listens.
      const clients = Array.from({ length: 6 }, async () => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        try {
          for (;;) {
            const answer = await graphql(api.port, agent, cookie, '{ viewer { person { name } } people { id name } }');
            answers.push(answer);
            if (answer.error) {
              refusedAt = Math.min(refusedAt, answer.at);
              return;
            }
          }
        } finally {
          agent.destroy();
        }
      });
      // A load balancer's readiness probe.
      const health: Answer[] = [];
      const probe = (async () => {
        for (;;) {
          const answer = await request(api.port, { path: '/health', agent: false as unknown as http.Agent });
          health.push(answer);
          if (answer.error) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();

      while (answers.filter((answer) => answer.status === 200).length < 60) await new Promise((resolve) => setTimeout(resolve, 20));
      signalledAt = Date.now();
      api.child.kill('SIGTERM');
      const [{ code, signal }] = await Promise.all([api.exited, ...clients, probe]);

      // Exit 0: the drain finished before the 9.5 s limit (past it the process exits 1).
      expect({ code, signal, stderr: api.stderr().replace(/^trellis: warning: .*\n/gm, '') }).toEqual({ code: 0, signal: null, stderr: '' });
      // Every request is answered, or refused because nobody listened any more: none fails. A new
      // connection still in the kernel's queue when the listener closes is reset, not refused: the
      // server never accepted it (a reset on a kept-alive connection, which the server did accept,
      // would count as a failure; and the server destroys no connection it accepted, or it could
      // not exit 0 before its limit).
      const refused = (answer: Answer) => answer.error === 'ECONNREFUSED' || (answer.error === 'ECONNRESET' && answer.reused === false);
      const failed = answers.filter((answer) => !(answer.status === 200 && !answer.body!.includes('"errors"')) && !refused(answer));
      expect(failed).toEqual([]);
      // The drain really had requests to finish: some were answered after the signal, on kept-alive connections too.
      expect(answers.filter((answer) => answer.status === 200 && answer.at > signalledAt).length).toBeGreaterThan(0);
      // Readiness said 503 (stopping) after the signal and before the listener closed.
      const first503 = health.find((answer) => answer.status === 503);
      expect(first503?.body && JSON.parse(first503.body)).toEqual({ status: 'unavailable', reason: 'stopping' });
      expect(first503!.at).toBeGreaterThanOrEqual(signalledAt);
      expect(first503!.at).toBeLessThan(refusedAt);
      expect(health.filter((answer) => answer.status === 200 && answer.at > first503!.at)).toEqual([]);
      // Its database connections were closed, not left behind.
      const admin = new pg.Client({ connectionString: database.adminUrl });
      await admin.connect();
      try {
        // A backend leaves pg_stat_activity a moment after its client hung up (PostgreSQL tears it down
        // asynchronously), so look a few times; a connection the API left open stays and fails this.
        let left = -1;
        for (let attempt = 0; attempt < 50 && left !== 0; attempt++) {
          if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100));
          const { rows } = await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'trellis%'");
          left = rows[0].n as number;
        }
        expect(left).toBe(0);
      } finally {
        await admin.end();
      }
    } finally {
      await database.drop();
    }
  }, 120_000);
});

describe('the embedded PostgreSQL after kill -9', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'trellis-restart-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is recovered by the next start, and a lost PostgreSQL stops the API for its supervisor', async () => {
    const environment = { TRELLIS_DATA_DIR: dataDir, TRELLIS_EMBEDDED_PG_PORT: String(await freePort()), TRELLIS_SEED_DEMO: 'false' };
    const pidFile = path.join(dataDir, 'pgdata', 'postmaster.pid');
    const postmasterPid = async () => Number((await readFile(pidFile, 'utf8')).split('\n')[0]);

    const first = await startApiProcess(environment);
    const orphan = await postmasterPid();
    first.child.kill('SIGKILL');
    await first.exited;
    // kill -9 cannot stop the child: PostgreSQL is still running on the data folder.
    expect(isRunning(orphan)).toBe(true);

    const second = await startApiProcess(environment);
    expect(second.stdout()).toContain(`stopping the PostgreSQL (pid ${orphan}) a previous Trellis left running`);
    expect(isRunning(orphan)).toBe(false);
    expect((await request(second.port, { path: '/health' })).status).toBe(200);

    // PostgreSQL killed under the API: it cannot serve, so it exits (1) for its supervisor to restart it.
    process.kill(await postmasterPid(), 'SIGKILL');
    expect((await second.exited).code).toBe(1);
    expect(second.stderr()).toContain('the embedded PostgreSQL stopped unexpectedly');

    // And the start after that comes up on the same data, then stops cleanly on SIGTERM.
    const third = await startApiProcess(environment);
    expect((await request(third.port, { path: '/health' })).status).toBe(200);
    const running = await postmasterPid();
    third.child.kill('SIGTERM');
    expect((await third.exited).code).toBe(0);
    expect(isRunning(running)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
  }, 240_000);
});
