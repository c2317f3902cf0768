/**
 * The write cost of keeping report rollups current (bench/reports-api.mjs): the throughput of assessment writes
 * (`recordAssessment` through GraphQL, BENCH_WRITERS concurrent writers) with the app started three ways, in
 * alternating rounds (BENCH_WRITE_ROUNDS, default 2), each on the same database:
 *   - not kept current: REPORTS_REFRESH_SECONDS=0, no report job at all; BENCH_WRITE_SECONDS per round;
 *   - kept current by the job at its pace (the defaults: the job process, REPORTS_REFRESH_MAX_SHARE 0.25):
 *     measured over whole cycles of the job (BENCH_CYCLES, default 1), a cycle being from one refresh's start to
 *     the next's (a refresh, then its rest), read off the current snapshot's `refreshed_at` and `refresh_seconds`;
 *     the writes during the refresh itself are shown apart;
 *   - kept current back to back (REPORTS_REFRESH_MAX_SHARE=1, checked every second): the job never rests, so
 *     this is what writes get while a refresh runs, over BENCH_CYCLES refreshes.
 * The cost is 1 - (with / without), from the means.
 */
import pg from 'pg';
import { graphql, startApp } from './support.mjs';

const writers = Number(process.env.BENCH_WRITERS ?? 4);
const writeSeconds = Number(process.env.BENCH_WRITE_SECONDS ?? 30);
const rounds = Number(process.env.BENCH_WRITE_ROUNDS ?? 2);
const cycles = Number(process.env.BENCH_CYCLES ?? 1);
/** A round waiting for refreshes gives up after this (a stuck job should fail the bench, not hang it). */
const cycleLimitSeconds = Number(process.env.BENCH_CYCLE_LIMIT_SECONDS ?? 7200);

const RECORD = 'mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }';
const APP = { WORKER_TASK_TIMEOUT_MS: '900000', MAX_EVENT_LOOP_DELAY_MS: '0' };

const mean = (values) => (values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length);

/** Writers rating the admin's skills until `stopped()`; returns each write's completion time (epoch ms). */
async function write(url, headers, skillIds, stopped) {
  const done = [];
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = w; !stopped(); i += writers) {
        await graphql(url, headers, RECORD, { input: { skillId: skillIds[i % skillIds.length], level: 1 + (i % 5) } });
        done.push(Date.now());
      }
    }),
  );
  return done;
}

const within = (times, from, to) => times.filter((t) => t >= from && t < to).length;

export async function measureWrites(databaseUrl, email, headers) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`SELECT set_config('trellis.organisation_id', '*', false)`);
  const [{ organisation_id: organisationId }] = (await db.query(`SELECT organisation_id FROM people WHERE email = $1`, [email])).rows;
  const skillIds = (
    await db.query(
      `SELECT s.id FROM skills s JOIN framework_versions v ON v.organisation_id = s.organisation_id AND v.id = s.framework_version_id AND v.status = 'published'
       WHERE s.organisation_id = $1`,
      [organisationId],
    )
  ).rows.map((row) => row.id);
  const lastRefresh = async () =>
    (
      await db.query(`SELECT refreshed_at AS "refreshedAt", refresh_seconds AS "seconds" FROM report_snapshots WHERE organisation_id = $1 AND snapshot = 'current'`, [
        organisationId,
      ])
    ).rows[0];

  const without = async () => {
    const app = await startApp({ ...APP, REPORTS_REFRESH_SECONDS: '0' });
    try {
      const start = Date.now();
      const done = await write(app.url, headers, skillIds, () => Date.now() - start >= writeSeconds * 1000);
      return within(done, start, start + writeSeconds * 1000) / writeSeconds;
    } finally {
      await app.close();
    }
  };

  /** Writes over `cycles` whole cycles of the job: from one refresh's start to the next's. */
  const withJob = async (share) => {
    const app = await startApp({ ...APP, REPORTS_REFRESH_SECONDS: share >= 1 ? '1' : '30', REPORTS_REFRESH_MAX_SHARE: String(share) });
    try {
      const seen = [];
      let last = (await lastRefresh())?.refreshedAt?.getTime();
      const began = Date.now();
      const polling = (async () => {
        while (seen.length <= cycles) {
          if (Date.now() - began > cycleLimitSeconds * 1000) throw new Error(`fewer than ${cycles + 1} refreshes in ${cycleLimitSeconds} s`);
          await new Promise((resolve) => setTimeout(resolve, 1000));
          const row = await lastRefresh();
          if (row && row.refreshedAt.getTime() !== last) {
            last = row.refreshedAt.getTime();
            seen.push({ start: last, seconds: row.seconds });
          }
        }
      })();
      let finished = false;
      const writing = write(app.url, headers, skillIds, () => finished);
      await polling.finally(() => (finished = true));
      const done = await writing;
      const measured = [];
      for (let i = 0; i < cycles; i++) {
        const { start, seconds } = seen[i];
        const next = seen[i + 1].start;
        measured.push({
          cycleSeconds: (next - start) / 1000,
          refreshSeconds: seconds,
          rate: within(done, start, next) / ((next - start) / 1000),
          duringRefresh: within(done, start, start + seconds * 1000) / seconds,
        });
      }
      return measured;
    } finally {
      await app.close();
    }
  };

  const result = { without: [], paced: [], backToBack: [], monthsSeconds: null };
  try {
    // The job's first pass builds any missing month end (12 rollups in one go, minutes at this size): done before
    // the rounds, so no round pays that one-off.
    const months = async () =>
      Number((await db.query(`SELECT count(*) FROM report_snapshots WHERE organisation_id = $1 AND snapshot <> 'current'`, [organisationId])).rows[0].count);
    if ((await months()) < 12) {
      const started = Date.now();
      const app = await startApp({ ...APP, REPORTS_REFRESH_SECONDS: '1', REPORTS_REFRESH_MAX_SHARE: '1' });
      try {
        while ((await months()) < 12) {
          if (Date.now() - started > cycleLimitSeconds * 1000) throw new Error('the month ends were not built');
          await new Promise((resolve) => setTimeout(resolve, 2000));
        }
      } finally {
        await app.close();
      }
      result.monthsSeconds = (Date.now() - started) / 1000;
    }
    for (let round = 0; round < rounds; round++) {
      result.without.push(await without());
      result.paced.push(...(await withJob(0.25)));
      result.backToBack.push(...(await withJob(1)));
    }
  } finally {
    await db.end();
  }
  return result;
}

export function printWriteRounds({ without, paced, backToBack, monthsSeconds }) {
  if (monthsSeconds !== null) console.log(`\nMissing month-end snapshots built by the job before the rounds: ${monthsSeconds.toFixed(0)} s`);
  const fixed = (values) => values.map((v) => v.toFixed(1)).join(', ');
  const base = mean(without);
  const cost = (rate) => `${((1 - rate / base) * 100).toFixed(0)}%`;
  console.log(`\nAssessment writes (recordAssessment through GraphQL, ${writers} writers; ${rounds} alternating rounds of each row)`);
  console.log('| rollups | measured over | writes/s per round | mean writes/s | cost |');
  console.log('| --- | --- | --- | ---: | ---: |');
  console.log(`| not kept current (no report job) | ${writeSeconds} s each | ${fixed(without)} | ${base.toFixed(1)} | |`);
  console.log(
    `| kept current by the job at its pace (its own process, resting after each refresh: at most a quarter of the time) | whole cycles of ${fixed(paced.map((c) => c.cycleSeconds))} s (refreshes of ${fixed(paced.map((c) => c.refreshSeconds))} s) | ${fixed(paced.map((c) => c.rate))} | ${mean(paced.map((c) => c.rate)).toFixed(1)} | **${cost(mean(paced.map((c) => c.rate)))}** |`,
  );
  console.log(
    `| (of which: during the job's refreshes) | the refreshes above | ${fixed(paced.map((c) => c.duringRefresh))} | ${mean(paced.map((c) => c.duringRefresh)).toFixed(1)} | ${cost(mean(paced.map((c) => c.duringRefresh)))} |`,
  );
  console.log(
    `| kept current back to back (the job in its own process, never resting) | refreshes of ${fixed(backToBack.map((c) => c.cycleSeconds))} s | ${fixed(backToBack.map((c) => c.rate))} | ${mean(backToBack.map((c) => c.rate)).toFixed(1)} | ${cost(mean(backToBack.map((c) => c.rate)))} |`,
  );
  console.log(`cost of keeping the rollups current (the job at its pace): ${cost(mean(paced.map((c) => c.rate)))} of write throughput (goal <= 30%)`);
}
