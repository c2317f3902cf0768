/**
 * What the benchmarks share: starting the built app on a throwaway embedded PostgreSQL, waiting for
 * it, signing in, GraphQL calls and stopping child processes.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'trellis-demo-2026';
export const DEMO = { admin: 'asha.patel@demo.example', employee: 'dan.kowalski@demo.example' };

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function startProcess(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('exit', (code) => {
    if (code && code !== 0 && !child.stopping) {
      console.error(`${name} exited with ${code}:\n${output}`);
      process.exit(1);
    }
  });
  return child;
}

export async function waitFor(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

export async function stop(child) {
  if (!child || child.exitCode !== null) return;
  child.stopping = true;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

/**
 * The built app (`node apps/api/dist/main.js`, production mode) on its own embedded PostgreSQL.
 * BENCH_CPU_PROF=<folder> also writes a CPU profile of the app (node --cpu-prof) there when it stops.
 */
export async function startApp(env = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'trellis-bench-'));
  const port = await freePort();
  const pgPort = await freePort();
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const child = startProcess('Trellis API', [...profile, 'apps/api/dist/main.js'], {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    // Production seeds no demo (the benchmarks sign in as its people) and waits 5 s for load balancers on stop.
    TRELLIS_SEED_DEMO: 'true',
    SHUTDOWN_DELAY_MS: '0',
    PORT: String(port),
    TRELLIS_DATA_DIR: dataDir,
    TRELLIS_EMBEDDED_PG_PORT: String(pgPort),
    ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health`);
  return {
    base,
    url: `${base}/graphql`,
    pgPort,
    async close() {
      await stop(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in and gives the headers of that session (cookie) for later requests. */
export async function signIn(url, email) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { person { id } } }',
      variables: { input: { email, password: DEMO_PASSWORD } },
    }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`Could not sign in as ${email}: ${await response.text()}`);
  return { 'content-type': 'application/json', cookie };
}

/** One GraphQL call; throws on errors. */
export async function graphql(url, headers, query, variables = {}) {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await response.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
