#!/usr/bin/env node
/**
 * Benchmark: legitimate GraphQL throughput while 10% of the requests are abusive.
 *
 * The built app (`npm run build` first) runs on a throwaway embedded PostgreSQL. Legitimate traffic
 * is the role read of bench/role-query.mjs, signed in as the demo employee, every answer checked.
 * Abusive traffic, sent at the same time on connections of its own (so a slow abusive request holds
 * only its own connection, and any harm to legitimate requests is the server's), rotates through:
 *   - deep: 40 levels of framework ↔ version nesting, then roles → version → roles → version → roles;
 *   - aliases: one request with 1,000 aliases of careerRoute;
 *   - oversize: a body of BENCH_OVERSIZE_MB megabytes (default 12: above a limit sized for 5 MB imports).
 * It is sent at a ninth of the legitimate-only rate, so it is 10% of all requests when the server
 * keeps up (the share actually sent is printed).
 *
 * Rounds alternate legitimate-only and mixed traffic; the figure is legitimate requests/s under
 * attack ÷ legitimate-only (target >= 0.9).
 *
 *   npm run build && node bench/hostile-traffic.mjs
 *
 * Settings: BENCH_ROUNDS (default 2), BENCH_SECONDS per phase (default 10), BENCH_CONNECTIONS (default 16),
 * BENCH_SETTLE_MS between phases (default 3000), BENCH_OVERSIZE_MB (default 12).
 */
import autocannon from 'autocannon';
import { pmoFramework } from '@trellis/domain';
import os from 'node:os';
import { DEMO, graphql, signIn, startApp } from './support.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const oversizeMb = Number(process.env.BENCH_OVERSIZE_MB ?? 12);

const ROLE_QUERY = `query Role($id: ID!) {
  role(id: $id) {
    id title level summary
    expectations { level descriptor skill { id key name } }
  }
}`;

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ method: 'POST', duration: seconds, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const app = await startApp();
try {
  const employee = await signIn(app.url, DEMO.employee);
  const read = await graphql(app.url, employee, '{ frameworks { key currentVersion { roles { id key title } } } }');
  const roles = read.frameworks.find((f) => f.key === pmoFramework.key).currentVersion.roles;
  const roleId = (key) => roles.find((role) => role.key === key).id;

  const legitBody = JSON.stringify({ query: ROLE_QUERY, variables: { id: roleId('pmo-analyst') } });
  const legitAnswer = await (await fetch(app.url, { method: 'POST', headers: employee, body: legitBody })).text();
  if (JSON.parse(legitAnswer).errors) throw new Error(`The legitimate request fails: ${legitAnswer}`);

  const depth = 40;
  const deep = `{ frameworks { ${'currentVersion { framework { '.repeat(depth)} currentVersion { roles { frameworkVersion { roles { frameworkVersion { roles { id title } } } } } } ${'} } '.repeat(depth)} } }`;
  const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: careerRoute(fromRoleId: $from, toRoleId: $to) { found totalShortfall }`).join(' ');
  const abusive = [
    { kind: 'deep', body: JSON.stringify({ query: deep }) },
    {
      kind: 'aliases',
      body: JSON.stringify({ query: `query($from: ID!, $to: ID!) { ${aliases} }`, variables: { from: roleId('pmo-administrator'), to: roleId('head-of-pmo') } }),
    },
    {
      kind: 'oversize',
      body: JSON.stringify({ query: 'query($note: String) { __typename }', variables: { note: 'x'.repeat(oversizeMb * 1024 * 1024) } }),
    },
  ];

  const legit = () =>
    run({ url: app.url, headers: employee, body: legitBody, connections, expectBody: legitAnswer });
  const attack = (rate) =>
    run({
      url: app.url,
      headers: employee,
      connections: 12,
      overallRate: rate,
      timeout: 30,
      requests: abusive.map(({ body }) => ({ method: 'POST', body })),
    });
  const good = (result) => (result['2xx'] - (result.mismatches ?? 0)) / result.duration;
  // Let the server finish what the previous phase left (abusive requests still being worked out).
  const settle = () => new Promise((resolve) => setTimeout(resolve, Number(process.env.BENCH_SETTLE_MS ?? 3000)));
  const failures = (r) => `${r.non2xx} non-2xx, ${r.mismatches ?? 0} wrong bodies, ${r.errors} errors, ${r.timeouts} timeouts`;

  await legit(); // warm up (graphql-jit, V8)
  const only = [];
  const mixed = [];
  for (let round = 1; round <= rounds; round += 1) {
    await settle();
    const alone = await legit();
    only.push(alone);
    await settle();
    const rate = Math.max(1, Math.round(good(alone) / 9));
    const [withAttack, attackResult] = await Promise.all([legit(), attack(rate)]);
    mixed.push({ legit: withAttack, attack: attackResult, rate });
  }

  const average = (list, f) => list.reduce((sum, item) => sum + f(item), 0) / list.length;
  const onlyRps = average(only, good);
  const mixedRps = average(mixed, (m) => good(m.legit));
  const sent = average(mixed, (m) => m.attack.requests.sent ?? m.attack.requests.total);
  const legitSent = average(mixed, (m) => m.legit.requests.total);
  const status = (field) => average(mixed, (m) => m.attack[field] ?? 0);
  console.log('Hostile traffic: legitimate role reads while 10% of requests are abusive (deep, 1,000 aliases, oversize)');
  console.log(
    `${rounds} rounds of ${seconds}s per phase, ${connections} legitimate connections, node ${process.version}, ${os.cpus().length} CPUs, ` +
      `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log('');
  console.log('| traffic | legitimate answers/s | legitimate p99 (ms) | legitimate failures | abusive requests/s sent | abusive share |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(`| legitimate only | ${onlyRps.toFixed(0)} | ${average(only, (r) => r.latency.p99).toFixed(1)} | ${average(only, (r) => r.non2xx + r.errors + r.timeouts + (r.mismatches ?? 0)).toFixed(0)} | - | 0% |`);
  console.log(
    `| with abusive traffic (target rate ${average(mixed, (m) => m.rate).toFixed(0)}/s) | ${mixedRps.toFixed(0)} | ` +
      `${average(mixed, (m) => m.legit.latency.p99).toFixed(1)} | ${average(mixed, (m) => m.legit.non2xx + m.legit.errors + m.legit.timeouts + (m.legit.mismatches ?? 0)).toFixed(0)} | ` +
      `${(sent / seconds).toFixed(1)} | ${((100 * sent) / (sent + legitSent)).toFixed(1)}% |`,
  );
  console.log('');
  console.log(`legitimate failures, last round: alone ${failures(only.at(-1))}; under attack ${failures(mixed.at(-1).legit)}`);
  console.log(
    `abusive answers per round: ${status('2xx').toFixed(0)} 2xx, ${status('4xx').toFixed(0)} 4xx, ${status('5xx').toFixed(0)} 5xx, ` +
      `${status('errors').toFixed(0)} connection errors, ${status('timeouts').toFixed(0)} timeouts`,
  );
  const ratio = mixedRps / onlyRps;
  console.log(`ratio legitimate under attack / legitimate only: ${ratio.toFixed(2)} (target >= 0.90): ${ratio >= 0.9 ? 'met' : 'NOT met'}`);
} finally {
  await app.close();
}
