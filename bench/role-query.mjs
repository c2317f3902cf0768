#!/usr/bin/env node
/**
 * Benchmark: one role with its expectations and skills, read through the Trellis GraphQL API versus
 * a hand-written node:http + pg handler that returns the same JSON (the practical limit of this
 * machine for that read). Both servers run as child processes on a throwaway embedded PostgreSQL
 * (or BENCH_DATABASE_URL); autocannon measures them in interleaved rounds and every response must
 * be a 200 with exactly the expected body (no GraphQL errors).
 *
 *   npm run build && npm run bench
 *
 * Settings: BENCH_ROUNDS (default 3), BENCH_SECONDS per round (default 8), BENCH_CONNECTIONS (default 16).
 * BENCH_CPU_PROF=<folder> writes a CPU profile of the app (node --cpu-prof) there when it stops.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);

export const ROLE_QUERY = `query Role($id: ID!) {
  role(id: $id) {
    id title level summary
    expectations { level descriptor skill { id key name } }
  }
}`;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function startProcess(name, args, env) {
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

async function waitFor(url, timeoutMs = 120_000) {
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

async function stop(child) {
  if (child.exitCode !== null) return;
  child.stopping = true;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

function measure(url, body, expectBody, headers = { 'content-type': 'application/json' }) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        headers,
        body,
        connections,
        duration: seconds,
        expectBody,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'trellis-bench-'));
const appPort = await freePort();
const limitPort = await freePort();
const pgPort = await freePort();
const profileArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
const app = startProcess('Trellis API', [...profileArgs, 'apps/api/dist/main.js'], {
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  TRELLIS_SEED_DEMO: 'true',
  SHUTDOWN_DELAY_MS: '0',
  PORT: String(appPort),
  TRELLIS_DATA_DIR: dataDir,
  TRELLIS_EMBEDDED_PG_PORT: String(pgPort),
  ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
});
let limit;
try {
  await waitFor(`http://127.0.0.1:${appPort}/health`);
  const appUrl = `http://127.0.0.1:${appPort}/graphql`;
  // Every read is signed in: the app checks the session and sets the tenant for row-level security.
  const signIn = await fetch(appUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { person { id } } }',
      variables: { input: { email: 'dan.kowalski@demo.example', password: 'trellis-demo-2026' } },
    }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`Could not sign in: ${await signIn.text()}`);
  const appHeaders = { 'content-type': 'application/json', cookie };
  const frameworks = await (
    await fetch(appUrl, {
      method: 'POST',
      headers: appHeaders,
      body: JSON.stringify({ query: '{ currentOrganisation { id } frameworks { currentVersion { roles { id title } } } }' }),
    })
  ).json();
  const organisationId = frameworks.data.currentOrganisation.id;
  const role = frameworks.data.frameworks[0].currentVersion.roles.find((r) => r.title === 'PMO Analyst');
  // The limit reads as the database owner, with no session check and no tenant setting: the bare read.
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? `postgres://trellis:trellis-local@127.0.0.1:${pgPort}/trellis`;

  limit = startProcess('hand-written handler', ['bench/handwritten-role-server.mjs'], {
    PORT: String(limitPort),
    DATABASE_URL: databaseUrl,
    ORGANISATION_ID: organisationId,
  });
  await waitFor(`http://127.0.0.1:${limitPort}/health`);
  const limitUrl = `http://127.0.0.1:${limitPort}/graphql`;

  const body = JSON.stringify({ query: ROLE_QUERY, variables: { id: role.id } });
  const appBody = await (await fetch(appUrl, { method: 'POST', headers: appHeaders, body })).text();
  const limitBody = await (await fetch(limitUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).text();
  if (JSON.parse(appBody).errors) throw new Error(`GraphQL answered with errors: ${appBody}`);
  if (appBody !== limitBody) throw new Error(`The two servers answer differently:\n${appBody}\n${limitBody}`);
  const expectations = JSON.parse(appBody).data.role.expectations.length;

  // Warm both up (graphql-jit compiles the query after its first run; V8 optimises hot paths).
  await measure(appUrl, body, appBody, appHeaders);
  await measure(limitUrl, body, limitBody);

  const results = { app: [], limit: [] };
  for (let round = 1; round <= rounds; round += 1) {
    for (const [name, url, expected, headers] of [['app', appUrl, appBody, appHeaders], ['limit', limitUrl, limitBody, undefined]]) {
      const result = await measure(url, body, expected, headers);
      const bad = result.non2xx + result.errors + result.timeouts + (result.mismatches ?? 0);
      if (bad > 0) throw new Error(`${name}: ${bad} failed responses in round ${round}`);
      results[name].push(result);
    }
  }

  const summary = (list) => ({
    rps: list.reduce((sum, r) => sum + r.requests.average, 0) / list.length,
    p99: list.reduce((sum, r) => sum + r.latency.p99, 0) / list.length,
    requests: list.reduce((sum, r) => sum + r.requests.total, 0),
  });
  const a = summary(results.app);
  const b = summary(results.limit);
  const ratio = a.rps / b.rps;
  console.log(`Role query: "PMO Analyst" with ${expectations} expectations and their skills`);
  console.log(`${rounds} interleaved rounds of ${seconds}s, ${connections} connections, node ${process.version}, ${os.cpus().length} CPUs`);
  console.log('');
  console.log('| server | requests/s | p99 latency (ms) | requests checked |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| Trellis GraphQL, signed in (NestJS + Mercurius + graphql-jit + TypeORM, session check, row-level security) | ${a.rps.toFixed(0)} | ${a.p99.toFixed(1)} | ${a.requests} |`);
  console.log(`| hand-written node:http + pg (limit) | ${b.rps.toFixed(0)} | ${b.p99.toFixed(1)} | ${b.requests} |`);
  console.log('');
  console.log(`ratio app/limit: ${ratio.toFixed(2)} (target >= 0.55)`);
} finally {
  if (limit) await stop(limit);
  await stop(app);
  await rm(dataDir, { recursive: true, force: true });
}
