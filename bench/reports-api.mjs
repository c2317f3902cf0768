#!/usr/bin/env node
/**
 * Benchmark: leadership reports at scale, through GraphQL, in one run, side by side with baselines.
 *
 * On the database at BENCH_DATABASE_URL (or DATABASE_URL), seeds an organisation of BENCH_PEOPLE
 * (default 100,000) people with bench/seed-scale.mjs (unless BENCH_SCALE_EMAIL names the admin of one
 * already seeded), starts the built app on it, and measures:
 *   - the rollup refresh of the current snapshot (`refreshReports`: every rollup read set-based, the
 *     cube rolled up and suppression decided in a worker, stored);
 *     (BENCH_REFRESH=0: none, the stored snapshot is read, so two builds can be compared on one snapshot);
 *   - the heatmap (organisation level), a team drill-down (a division), the succession, participation,
 *     gaps and calibration reports: p50/p95 of BENCH_READS sequential reads each, and the payload size;
 *   - baselines: the same heatmap of the demo organisation (72 people), and the live GROUP BY a
 *     report would need without rollups (the skill-level rollup statement, straight on PostgreSQL);
 *   - the write throughput of assessments without the rollups kept current (no report job) and with them
 *     kept current by the report job, at its pace and back to back (bench/report-writes.mjs: the app is
 *     started again for each round; BENCH_WRITE_SECONDS=0: none).
 *
 * BENCH_ONLY=writes measures only the refresh and the write throughput (no reads, no baselines).
 *
 *   npm run build && BENCH_DATABASE_URL=postgres://... npm run bench:reports-api --workspace=@trellis/bench
 */
import pg from 'pg';
import { DEMO, graphql, signIn, startApp } from './support.mjs';
import { measureWrites, printWriteRounds } from './report-writes.mjs';
import { seedScale, slowGraphql } from './seed-scale.mjs';

const reads = Number(process.env.BENCH_READS ?? 30);
const writeSeconds = Number(process.env.BENCH_WRITE_SECONDS ?? 30);
const people = Number(process.env.BENCH_PEOPLE ?? 100_000);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
const onlyWrites = process.env.BENCH_ONLY === 'writes';
if (!databaseUrl) {
  console.error('Set BENCH_DATABASE_URL (a PostgreSQL the app may migrate and seed).');
  process.exit(1);
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function timeReads(url, headers, query, variables) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < reads; i++) {
    const start = performance.now();
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    times.push(performance.now() - start);
    bytes = Buffer.byteLength(text);
    if (text.includes('"errors"')) throw new Error(`GraphQL errors: ${text.slice(0, 500)}`);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
}

const HEATMAP = `query($input: ReportFilterInput) { skillHeatmap(input: $input) {
  meta { k people } columns { skillId name categoryId categoryName }
  rows { teamId name isDrillRoot hasChildren assessed averageLevel shareMeeting assessedSuppressed meetingSuppressed } } }`;
const SUCCESSION = `{ successionReport { meta { k } cells { teamName targetRoleTitle candidates { value suppressed } now { value suppressed }
  within6Months { value suppressed } within12Months { value suppressed } blockers { name people { value suppressed } } } } }`;
const GAPS = `{ skillGaps { meta { k } byTeam { teamName gaps { skillName shareShort { value suppressed } } } coverage { teamName risks { skillName holders } }
  requiredVsActual { skillName level required actual } } }`;
const CALIBRATION = `{ calibrationReport { meta { k } bySkill { teamName skillName source pairs { value suppressed } meanDifference { value suppressed } }
  assessors { assessorName people { value suppressed } flag } } }`;
const PARTICIPATION = `{ participationReport { meta { k } rows { teamName people { value suppressed } withPlan { value suppressed } overdue { value suppressed } stale { value suppressed } }
  training { title byTeam { people { value suppressed } } } } }`;

// Load shedding off. The first heatmap read after the refresh is measured apart ("cold").
const app = await startApp({ DATABASE_URL: databaseUrl, ...(process.env.BENCH_REPLICA_URL ? { DATABASE_REPLICA_URL: process.env.BENCH_REPLICA_URL } : {}), REPORTS_REFRESH_SECONDS: '0', WORKER_TASK_TIMEOUT_MS: '900000', MAX_EVENT_LOOP_DELAY_MS: '0' });
try {
  let email = process.env.BENCH_SCALE_EMAIL;
  if (!email) ({ email } = await seedScale(app, databaseUrl, people));
  const headers = await signIn(app.url, email);
  // BENCH_REFRESH=0 reads the snapshot as stored (to compare builds on one snapshot without minutes of refresh each).
  let refreshSeconds = null;
  if (process.env.BENCH_REFRESH !== '0') {
    const start = performance.now();
    const { refreshReports } = await slowGraphql(app.url, headers, 'mutation { refreshReports { ran written } }');
    refreshSeconds = (performance.now() - start) / 1000;
    if (!refreshReports.ran) throw new Error('another process was refreshing');
  }

  const coldStart = performance.now();
  const top = await graphql(app.url, headers, HEATMAP, {});
  const cold = performance.now() - coldStart;
  const division = top.skillHeatmap.rows.find((row) => !row.isDrillRoot && row.hasChildren);
  const results = onlyWrites
    ? {}
    : {
        heatmap: await timeReads(app.url, headers, HEATMAP, {}),
        drill: await timeReads(app.url, headers, HEATMAP, { input: { teamId: division.teamId } }),
        succession: await timeReads(app.url, headers, SUCCESSION, {}),
        participation: await timeReads(app.url, headers, PARTICIPATION, {}),
        gaps: await timeReads(app.url, headers, GAPS, {}),
        calibration: await timeReads(app.url, headers, CALIBRATION, {}),
      };

  const ms = (v) => `${v.toFixed(1)} ms`;
  const kb = (v) => `${(v / 1024).toFixed(0)} KB`;
  const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
  const printWrites = (writes) => {
    if (refreshSeconds !== null) console.log(`\nRefresh of the current snapshot (rollups read, cube built and suppressed, stored): ${refreshSeconds.toFixed(1)} s`);
    printWriteRounds(writes);
  };
  if (onlyWrites) {
    await app.close();
    const writes = await measureWrites(databaseUrl, email, headers);
    console.log(`\nReports at ${people.toLocaleString('en-GB')} people (writes only; node ${process.version})`);
    printWrites(writes);
    process.exit(0);
  }

  // Baselines: a small organisation's heatmap, and the live GROUP BY reads would need without rollups.
  const demo = await signIn(app.url, DEMO.admin);
  await graphql(app.url, demo, 'mutation { refreshReports { ran } }');
  const small = await timeReads(app.url, demo, HEATMAP, {});
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const live = [];
  try {
    await db.query(`SELECT set_config('trellis.organisation_id', '*', false)`);
    const [{ organisation_id: org }] = (await db.query(`SELECT organisation_id FROM people WHERE email = $1`, [email])).rows;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await db.query(
        `WITH counting AS (SELECT DISTINCT ON (a.person_id, a.skill_id) a.person_id, a.skill_id, a.level FROM assessments a
           WHERE a.organisation_id = $1 ORDER BY a.person_id, a.skill_id, a.assessed_at DESC, (a.source = 'manager') DESC, a.level DESC)
         SELECT p.team_id, p.current_role_id, c.skill_id, c.level, count(*) FROM counting c JOIN people p ON p.organisation_id = $1 AND p.id = c.person_id AND p.active
         GROUP BY 1, 2, 3, 4`,
        [org],
      );
      live.push(performance.now() - t);
    }
  } finally {
    await db.end();
  }

  console.log(`\nReports at ${people.toLocaleString('en-GB')} people (${reads} sequential reads each; node ${process.version})`);
  console.log('| measure | p50 | p95 | payload |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${ms(r.p50)} | ${ms(r.p95)} | ${kb(r.bytes)} |`);
  console.log(`| baseline: heatmap of the demo organisation (72 people) | ${ms(small.p50)} | ${ms(small.p95)} | ${kb(small.bytes)} |`);
  console.log(`| baseline: the live GROUP BY a read would need without rollups (SQL only) | ${ms(percentile(live, 50))} | ${ms(Math.max(...live))} | |`);
  console.log(`| first heatmap read after the refresh (cold) | ${ms(cold)} | | |`);
  if (writeSeconds > 0) {
    await app.close();
    printWrites(await measureWrites(databaseUrl, email, headers));
  } else if (refreshSeconds !== null) console.log(`\nRefresh of the current snapshot (rollups read, cube built and suppressed, stored): ${refreshSeconds.toFixed(1)} s`);
} finally {
  await app.close();
}
