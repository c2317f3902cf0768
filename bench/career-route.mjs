#!/usr/bin/env node
/**
 * Benchmark: careerRoute on a generated framework of 200 roles and 400 skills (`syntheticFramework`,
 * seed 1, from @trellis/domain).
 *
 * 1. The route search itself, in this process: the bounded search (median of 5) beside the search as
 *    it was before it had a bound (bench/baseline/exhaustive-route-search.mjs), run in a worker
 *    thread and stopped at BENCH_OLD_CAP_S seconds (default 20): "> 20 s" when it did not finish.
 * 2. Through the built app (`npm run build` first): the framework imported and published through
 *    GraphQL, then careerRoute asked as a signed-in employee (median of 5 per route, the worker pool
 *    answering), and /health's latency idle and while 4 routes are being worked out.
 * 3. What a worker round trip costs against working a small task out on the request thread (the
 *    built-in PMO framework, and the 200/400 one): why small frameworks stay inline.
 *
 *   npm run build && node bench/career-route.mjs
 */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { planRoute, pmoFramework, roleProfile, syntheticFramework } from '@trellis/domain';
import runDomainTask from '@trellis/domain/tasks';
import os from 'node:os';
import { Piscina } from 'piscina';
import { DEMO, graphql, median, signIn, startApp } from './support.mjs';

const capSeconds = Number(process.env.BENCH_OLD_CAP_S ?? 20);
const doc = syntheticFramework();
const routes = [
  ['track-01-role-01', 'track-03-role-08'],
  ['track-01-role-01', 'track-01-role-12'],
  ['track-01-role-01', 'track-01-role-20'],
  ['track-01-role-01', 'track-10-role-20'],
  ['track-05-role-01', 'track-06-role-20'],
];

/** The unbounded search in a worker thread, stopped after the cap. */
function oldSearch(from, to) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      `import { parentPort, workerData } from 'node:worker_threads';
       import { syntheticFramework } from '@trellis/domain';
       import { findCheapestRoute } from ${JSON.stringify(new URL('./baseline/exhaustive-route-search.mjs', import.meta.url).href)};
       const doc = syntheticFramework();
       const started = performance.now();
       const route = findCheapestRoute(doc, workerData.from, workerData.to, {});
       parentPort.postMessage({ ms: performance.now() - started, cost: route?.totalCost ?? null });`,
      { eval: true, workerData: { from, to }, execArgv: [] },
    );
    const timer = setTimeout(() => void worker.terminate().then(() => resolve(null)), capSeconds * 1000);
    worker.once('message', (message) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(message);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

console.log(`careerRoute on a generated framework: ${doc.roles.length} roles, ${doc.skills.length} skills, ${doc.transitions.length} moves`);
console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('');
console.log('### 1. The route search (in process)');
console.log('');
console.log('| route | steps | bounded search (ms) | proven cheapest | partial routes extended | cost | before: unbounded search | its cost |');
console.log('| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
for (const [from, to] of routes) {
  const times = [];
  let result;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    result = planRoute(doc, from, to, {});
    times.push(performance.now() - started);
  }
  const { searchCheapestRoute } = await import('@trellis/domain');
  const stats = searchCheapestRoute(doc, from, to, {});
  const old = await oldSearch(from, to);
  console.log(
    `| ${from} → ${to} | ${result.route.steps.length} | ${median(times).toFixed(0)} | ${result.optimal ? 'yes' : 'no'} | ${stats.expandedLabels} | ` +
      `${result.route.totalCost} | ${old ? `${old.ms.toFixed(0)} ms` : `> ${capSeconds} s`} | ${old ? old.cost : '-'} |`,
  );
}

console.log('');
console.log('### 2. Through the app (GraphQL, worker pool)');
console.log('');
const app = await startApp();
try {
  const admin = await signIn(app.url, DEMO.admin);
  const created = await graphql(app.url, admin, 'mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { id draft { revision } } }', {
    input: { source: 'IMPORT', json: JSON.stringify(doc) },
  });
  const frameworkId = created.createFramework.id;
  await graphql(
    app.url,
    admin,
    'mutation($id: ID!, $revision: Int!) { publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: []) { version { number } } }',
    { id: frameworkId, revision: created.createFramework.draft.revision },
  );
  const employee = await signIn(app.url, DEMO.employee);
  const read = await graphql(app.url, employee, 'query($id: ID!) { framework(id: $id) { currentVersion { roles { id key } } } }', { id: frameworkId });
  const ids = new Map(read.framework.currentVersion.roles.map((role) => [role.key, role.id]));
  const ROUTE = 'query($from: ID!, $to: ID!) { careerRoute(fromRoleId: $from, toRoleId: $to) { found optimal totalShortfall steps { to { id } } } }';
  const ask = async (from, to) => {
    const started = performance.now();
    const data = await graphql(app.url, employee, ROUTE, { from: ids.get(from), to: ids.get(to) });
    return { ms: performance.now() - started, route: data.careerRoute };
  };
  await ask(...routes[0]); // warm the worker and the JIT

  console.log('| route | request (median of 5, ms) | slowest (ms) | proven cheapest | target |');
  console.log('| --- | ---: | ---: | --- | --- |');
  let worst = 0;
  for (const [from, to] of routes) {
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await ask(from, to));
    const times = runs.map((run) => run.ms);
    worst = Math.max(worst, median(times));
    console.log(`| ${from} → ${to} | ${median(times).toFixed(0)} | ${Math.max(...times).toFixed(0)} | ${runs[0].route.optimal ? 'yes' : 'no'} | < 1000 |`);
  }

  const health = async () => {
    const started = performance.now();
    const response = await fetch(`${app.base}/health`);
    if (!response.ok) throw new Error(`/health answered ${response.status}`);
    return performance.now() - started;
  };
  const idle = [];
  for (let i = 0; i < 10; i++) idle.push(await health());
  const busy = [];
  const working = Promise.all([1, 2, 3, 4].map(() => ask(...routes[3])));
  let finished = false;
  void working.then(() => (finished = true));
  await new Promise((resolve) => setTimeout(resolve, 50));
  while (!finished && busy.length < 10) busy.push(await health());
  await working;
  console.log('');
  console.log(`/health while idle: median ${median(idle).toFixed(1)} ms; while 4 long routes are worked out: median ${median(busy).toFixed(1)} ms over ${busy.length} calls`);
  console.log(`slowest median careerRoute through the app: ${worst.toFixed(0)} ms (target < 1000 ms): ${worst < 1000 ? 'met' : 'NOT met'}`);
} finally {
  await app.close();
}

console.log('');
console.log('### 3. Worker round trip against inline (why small frameworks stay inline)');
console.log('');
const pool = new Piscina({ filename: import.meta.resolve('@trellis/domain/tasks'), minThreads: 1, maxThreads: 1, execArgv: [] });
console.log('| task | framework | inline (ms) | via a worker (ms) |');
console.log('| --- | --- | ---: | ---: |');
for (const [name, framework] of [
  ['PMO (22 roles, 30 skills)', pmoFramework],
  ['synthetic (200 roles, 400 skills)', doc],
]) {
  const from = framework.roles[0].key;
  const to = framework === doc ? 'track-01-role-12' : 'head-of-pmo';
  const tasks = [
    { name: 'planRoute', input: { doc: framework, fromRoleKey: from, toRoleKey: to, profile: roleProfile(framework.roles[0]) } },
    { name: 'closestRoles', input: { doc: framework, profile: roleProfile(framework.roles[0]), limit: 5 } },
  ];
  for (const task of tasks) {
    for (let i = 0; i < 5; i++) {
      runDomainTask(task);
      await pool.run(task);
    }
    const inline = [];
    const worker = [];
    for (let i = 0; i < 21; i++) {
      let started = performance.now();
      runDomainTask(task);
      inline.push(performance.now() - started);
      started = performance.now();
      await pool.run(task);
      worker.push(performance.now() - started);
    }
    console.log(`| ${task.name} | ${name} | ${median(inline).toFixed(2)} | ${median(worker).toFixed(2)} |`);
  }
}
await pool.destroy();
