import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import pg from 'pg';
import { createApp } from './app.js';
import { ConfigError, configWarnings, loadConfig } from './config/config.js';
import { Lifecycle } from './health/lifecycle.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';

/** Ends the process with one clear line instead of a stack trace. */
function fail(message: string): never {
  process.stderr.write(`trellis: ${message}\n`);
  process.exit(1);
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const { hostname, port, pathname } = new URL(url);
    const reason = error instanceof Error ? error.message : String(error);
    fail(`cannot connect to PostgreSQL at ${hostname}:${port || 5432}${pathname} (${reason}). Check DATABASE_URL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Forks the report job process (jobs/main.ts) on the same database and keeps it running: started again a few
 * seconds after an unexpected exit (the API serves on without it meanwhile; reports just go stale). `stop()` ends
 * it and resolves once it has exited (at most 3 s).
 */
function superviseJobs(databaseUrl: string): { stop(): Promise<void> } {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './jobs/main.ts' : './jobs/main.js', import.meta.url);
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  const start = () => {
    const started = Date.now();
    child = fork(entry, [], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    child.on('exit', (code, signal) => {
      child = undefined;
      if (stopping) return;
      // Back off when it keeps failing at once (a bad setting); a long life resets the count.
      restarts = Date.now() - started > 60_000 ? 1 : restarts + 1;
      const delay = Math.min(60_000, 2_000 * 2 ** Math.min(restarts, 5));
      process.stderr.write(`trellis: the report job process stopped (${signal ?? `exit code ${code}`}): starting it again in ${delay / 1000} s.\n`);
      setTimeout(() => stopping || start(), delay).unref();
    });
  };
  start();
  return {
    async stop() {
      stopping = true;
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      await Promise.race([exited, sleep(3000)]);
      running.kill('SIGKILL');
    },
  };
}

/** Milliseconds from the signal to a forced exit: Kubernetes' default grace is 30 s, the promise is 10. */
const SHUTDOWN_LIMIT_MS = 9500;

/**
 * The process's one SIGTERM/SIGINT handler (embedded-postgres registers its own on import, which
 * stopped PostgreSQL under running requests: removed here). On a signal: readiness turns 503 and
 * answers carry `Connection: close` (Lifecycle); after SHUTDOWN_DELAY_MS the listener closes; every
 * request already accepted is answered (keep-alive included; idle connections are closed); then
 * Nest's shutdown ends the pools and workers, then the embedded PostgreSQL stops; exit 0. Past
 * SHUTDOWN_LIMIT_MS the process exits 1 whatever is left.
 */
function handleSignals(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) process.off(signal, listener);
    process.on(signal, () => void stop(signal));
  }
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  for (const warning of configWarnings(config)) process.stderr.write(`trellis: warning: ${warning}\n`);

  let stopping = false;
  /** Set once the app is up: the drain. */
  const running: { stop?: (signal: NodeJS.Signals) => Promise<void> } = {};
  let embedded: EmbeddedDatabase | undefined;
  // Until the app is up a signal just stops what has started.
  handleSignals(async (signal) => {
    if (running.stop) return running.stop(signal);
    if (stopping) return;
    stopping = true;
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  });
  if (!config.DATABASE_URL) {
    process.stdout.write(`Starting the embedded PostgreSQL (data in ${config.TRELLIS_DATA_DIR})...\n`);
    embedded = await startEmbeddedPostgres({
      dataDir: config.TRELLIS_DATA_DIR,
      port: config.TRELLIS_EMBEDDED_PG_PORT,
      appRole: config.DATABASE_APP_ROLE,
      log: (message) => {
        if (message.startsWith('stopping the PostgreSQL')) process.stdout.write(`${message}\n`);
      },
      // Without its database the API can only answer 503: exit, so whoever supervises it starts both again.
      onUnexpectedExit: (code) => {
        if (stopping) return;
        process.stderr.write(`trellis: the embedded PostgreSQL stopped unexpectedly (exit code ${code}): stopping Trellis. Start it again.\n`);
        process.exit(1);
      },
    }).catch((error: unknown) =>
      fail(
        `could not start the embedded PostgreSQL on port ${config.TRELLIS_EMBEDDED_PG_PORT}: ${
          error instanceof Error ? error.message : String(error)
        }. Is another Trellis running? Set TRELLIS_EMBEDDED_PG_PORT or DATABASE_URL.`,
      ),
    );
  }
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;
  await assertReachable(databaseUrl);

  // Reports are kept current by a process of their own (forked once the API listens), not by this one.
  const jobsElsewhere = config.REPORTS_REFRESH_SECONDS > 0;
  const app = await createApp({ config, databaseUrl, jobsElsewhere });
  let jobs: { stop(): Promise<void> } | undefined;
  const lifecycle = app.get(Lifecycle);
  const server = app.getHttpServer() as Server;
  running.stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      process.stderr.write(`trellis: still stopping after ${SHUTDOWN_LIMIT_MS} ms: exiting.\n`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    process.stdout.write(`\n${signal} received: stopping Trellis (finishing the requests in progress)...\n`);
    // The report job first: it serves no request, and a refresh cut short is done again next time.
    const jobsStopped = jobs?.stop();
    lifecycle.beginStopping();
    if (config.SHUTDOWN_DELAY_MS > 0) await sleep(config.SHUTDOWN_DELAY_MS);
    // No new connections; idle keep-alive ones are closed; the callback runs once the busy ones
    // have had their answer (each carries Connection: close).
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close().catch((error: unknown) => process.stderr.write(`trellis: while stopping: ${String(error)}\n`));
    await jobsStopped;
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };

  await app.listen({ port: config.PORT, host: config.HOST });
  if (jobsElsewhere && !stopping) jobs = superviseJobs(databaseUrl);
  const webBuilt = existsSync(path.join(config.WEB_DIST_DIR, 'index.html'));
  const shownHost = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.HOST) ? 'localhost' : config.HOST;
  process.stdout.write(
    `\nTrellis is ready at http://${shownHost}:${config.PORT}/  (GraphQL: http://${shownHost}:${config.PORT}/graphql)\n` +
      (webBuilt ? '' : 'The web app is not built yet: run `npm run build` (npm start does it for you).\n') +
      'Press Ctrl-C to stop.\n',
  );
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
