import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { isResting, ReportRefreshService } from '../src/reports/report-refresh.service.js';
import { startApiProcess, type ApiProcess } from './support/api-process.js';
import { createTestDatabase } from './support/postgres-server.js';
import { asSuperuser } from './support/superuser.js';
import { DEMO, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Keeping reports current without slowing writes: the job rests after each refresh in proportion to how long it
 * took (REPORTS_REFRESH_MAX_SHARE, kept in the database so every process keeps the pace), and it runs in a process
 * of its own at a lower OS priority, which `npm start` forks, starts again if it dies, and stops with the API.
 */

describe('the job pace (isResting)', () => {
  const at = new Date('2026-12-01T10:00:00Z');
  const after = (seconds: number) => new Date(at.getTime() + seconds * 1000);

  it('rests until the last refresh is the given share of the time since it began', () => {
    // 100 s at a quarter of the time: the next may begin 400 s after the last began.
    expect(isResting({ refreshedAt: at, refreshSeconds: 100 }, after(399), 0.25)).toBe(true);
    expect(isResting({ refreshedAt: at, refreshSeconds: 100 }, after(400), 0.25)).toBe(false);
    expect(isResting({ refreshedAt: at, refreshSeconds: 100 }, after(150), 0.5)).toBe(true);
    expect(isResting({ refreshedAt: at, refreshSeconds: 100 }, after(200), 0.5)).toBe(false);
  });

  it('never rests without a pace, at a share of 1, or before a duration was kept', () => {
    expect(isResting({ refreshedAt: at, refreshSeconds: 100 }, after(1), undefined)).toBe(false);
    expect(isResting({ refreshedAt: at, refreshSeconds: 100 }, after(1), 1)).toBe(false);
    expect(isResting({ refreshedAt: at, refreshSeconds: null }, after(1), 0.25)).toBe(false);
  });
});

describe('a paced refresh', () => {
  let t: TestApp;
  let refresher: ReportRefreshService;
  let organisationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    refresher = t.app.get(ReportRefreshService);
    organisationId = await asSuperuser(t.adminDatabaseUrl, async (db) => (await db.query(`SELECT organisation_id FROM people WHERE email = $1`, [DEMO.employee])).rows[0].organisation_id);
  }, 120_000);

  afterAll(() => t?.close());

  const current = () =>
    asSuperuser(t.adminDatabaseUrl, async (db) => {
      const { rows } = await db.query(`SELECT stamp, refreshed_at AS "refreshedAt", refresh_seconds AS "refreshSeconds" FROM report_snapshots WHERE organisation_id = $1 AND snapshot = 'current'`, [
        organisationId,
      ]);
      return rows[0] as { stamp: string; refreshedAt: Date; refreshSeconds: number | null };
    });

  /** A new rating of the demo employee's: what the current snapshot is built from changes. */
  const rate = async (level: number) => {
    const employee = await t.signIn(DEMO.employee);
    const skills = await employee.graphql<{ viewer: { person: { currentRole: { expectations: { skill: { id: string } }[] } } } }>(
      '{ viewer { person { currentRole { expectations { skill { id } } } } } }',
    );
    const skillId = skills.data!.viewer.person.currentRole.expectations[0]!.skill.id;
    const result = await employee.graphql('mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }', { input: { skillId, level } });
    expect(result.errors).toBeUndefined();
  };

  it('keeps how long the current snapshot took, and rests in proportion before the next while writes come in', async () => {
    const begun = new Date();
    expect((await refresher.refresh(organisationId, { now: begun, months: false })).written).toEqual(['current']);
    const first = await current();
    expect(first.refreshedAt.getTime()).toBe(begun.getTime());
    expect(first.refreshSeconds).toBeGreaterThan(0);

    // Say that refresh took 100 s: with the default pace (a quarter), the next may begin 400 s after it began.
    await asSuperuser(t.adminDatabaseUrl, (db) => db.query(`UPDATE report_snapshots SET refresh_seconds = 100 WHERE organisation_id = $1 AND snapshot = 'current'`, [organisationId]));
    await rate(2);
    const resting = await refresher.refresh(organisationId, { now: new Date(begun.getTime() + 399_000), months: false, pace: 0.25 });
    expect(resting).toEqual({ ran: true, written: [], resting: true });
    expect((await current()).stamp).toBe(first.stamp);

    // Rested long enough: the writes are in the next snapshot.
    const rested = await refresher.refresh(organisationId, { now: new Date(begun.getTime() + 400_000), months: false, pace: 0.25 });
    expect(rested.written).toEqual(['current']);
    expect((await current()).stamp).not.toBe(first.stamp);
  });

  it('leaves the current snapshot alone when asked for month ends only (the second call of a job pass)', async () => {
    const before = await current();
    await rate(4);
    const result = await refresher.refresh(organisationId, { current: false });
    // The demo's month ends were missing here: those, and not the current snapshot.
    expect(result.written).toHaveLength(12);
    expect(result.written).not.toContain('current');
    expect((await current()).stamp).toBe(before.stamp);
  });

  it('leaves the pace to the job: a refresh without one (an admin asking, a test) is never held back', async () => {
    const begun = new Date();
    await refresher.refresh(organisationId, { now: begun, months: false, force: true });
    await asSuperuser(t.adminDatabaseUrl, (db) => db.query(`UPDATE report_snapshots SET refresh_seconds = 100 WHERE organisation_id = $1 AND snapshot = 'current'`, [organisationId]));
    await rate(3);
    expect((await refresher.refresh(organisationId, { now: new Date(begun.getTime() + 1000), months: false })).written).toEqual(['current']);
  });
});

/** Processes whose parent is `parent` and whose command line names the job process's entry point. */
function jobProcesses(parent: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === parent && command.includes('jobs/main')) found.push(Number(entry));
    } catch {
      // Ended while we looked.
    }
  }
  return found;
}

async function eventually<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Alive, not a zombie waiting to be reaped (a container's first process may never reap an orphan). */
const isRunning = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

(process.platform === 'linux' ? describe : describe.skip)('the report job process (npm start)', () => {
  it('is forked at a lower priority, refreshes reports, is started again when it dies, and stops with the API', async () => {
    const database = await createTestDatabase();
    let api: ApiProcess | undefined;
    try {
      api = await startApiProcess({ DATABASE_URL: database.url, TRELLIS_SEED_DEMO: 'true', REPORTS_REFRESH_SECONDS: '1', SHUTDOWN_DELAY_MS: '0', LOG_LEVEL: 'warn' });
      const parent = api.child.pid!;
      const [job] = await eventually('the job process', () => jobProcesses(parent).at(0) !== undefined ? jobProcesses(parent) : undefined);
      // Its threads' nice values (Linux: per thread), lowered first thing: 10 above the API's (19 at most, where the
      // tests themselves run niced).
      const expected = Math.min(19, getPriority(parent) + 10);
      const lowered = () => readdirSync(`/proc/${job}/task`).map((tid) => getPriority(Number(tid)));
      await eventually('the job process to lower its priority', () => (lowered().every((nice) => nice === expected) ? true : undefined));
      expect(lowered().length).toBeGreaterThan(1);

      // The API's seed builds the demo's current snapshot; the month ends are the job process's work alone.
      await eventually(
        'the month-end snapshots',
        async () => {
          const count = await asSuperuser(database.adminUrl, async (db) => Number((await db.query(`SELECT count(*) FROM report_snapshots WHERE snapshot <> 'current'`)).rows[0].count));
          return count === 12 ? count : undefined;
        },
        90_000,
      );

      // Killed: the API starts another (its first restart after 4 s) and serves on meanwhile.
      process.kill(job!, 'SIGKILL');
      const [again] = await eventually('a new job process', () => {
        const now = jobProcesses(parent).filter((pid) => pid !== job);
        return now.length > 0 ? now : undefined;
      });
      expect(api.stderr()).toMatch(/the report job process stopped \(SIGKILL\): starting it again in 4 s/);

      // SIGTERM to the API: both end, the API with 0.
      api.child.kill('SIGTERM');
      expect((await api.exited).code).toBe(0);
      await eventually('the job process to end', () => (isRunning(again!) ? undefined : true), 5_000);
    } finally {
      if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
      await database.drop();
    }
  }, 180_000);

  it('ends when the API is killed outright (no orphan holding connections)', async () => {
    const database = await createTestDatabase();
    try {
      const api = await startApiProcess({ DATABASE_URL: database.url, TRELLIS_SEED_DEMO: 'false', REPORTS_REFRESH_SECONDS: '30', LOG_LEVEL: 'warn' });
      const [job] = await eventually('the job process', () => (jobProcesses(api.child.pid!).length > 0 ? jobProcesses(api.child.pid!) : undefined));
      api.child.kill('SIGKILL');
      await api.exited;
      await eventually('the orphaned job process to end', () => (isRunning(job!) ? undefined : true), 10_000);
    } finally {
      await database.drop();
    }
  }, 120_000);
});
