import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  effectiveK,
  lastMonthEnds,
  successionRowsFromCandidates,
  type ReportCatalogue,
  type SnapshotRows,
} from '@trellis/domain';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gzip as gzipCallback } from 'node:zlib';
import { DataSource, type EntityManager } from 'typeorm';
import { AssessmentRollups } from '../assessments/assessment-rollups.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { reportCatalogueRows } from '../frameworks/framework-directory.js';
import { MentoringRollups } from '../mentoring/mentoring-rollups.js';
import { headcountRows, peopleChangeStamp, reportTeams } from '../people/people-directory.js';
import { PlanRollups } from '../plans/plan-rollups.js';
import { DomainWorkerPool } from '../workers/domain-worker-pool.js';
import { storeViews } from './report-views.store.js';

const gzip = promisify(gzipCallback);
const gunzip = promisify(gunzipCallback);

/** Advisory lock (with the organisation's hash): one refresh of an organisation at a time, across processes. */
const REPORTS_LOCK = 7_305_002;
/** The current snapshot's name; month ends are 'YYYY-MM'. */
export const CURRENT = 'current';
/**
 * The cube includes the track and role filters while teams × (tracks + roles) is at most this; above
 * it, team figures only (the filtered cube's suppression costs seconds of CPU per skill at 1,000
 * teams: docs/PERFORMANCE.md). The demo: 5 teams × 27 filter nodes.
 */
export const FILTERED_CUBE_LIMIT = 3_000;
/** Small organisations are worked out on the job's thread (a worker round trip would cost as much). */
const INLINE_PEOPLE_LIMIT = 500;
/** Month ends are in UTC until organisations have a time zone. */
export const REPORT_TIME_ZONE = 'UTC';

/** Seconds spent per step of a refresh (statements, the worker task, storing), logged with it: where the time goes. */
export type RefreshTimings = Record<string, number>;

/** Awaits `work`, adding its wall time (seconds) to `timings[name]`. */
async function timed<T>(timings: RefreshTimings, name: string, work: Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work;
  } finally {
    timings[name] = (timings[name] ?? 0) + (performance.now() - start) / 1000;
  }
}

const describeTimings = (timings: RefreshTimings) =>
  Object.entries(timings)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(2)} s`)
    .join(', ');

export interface RefreshResult {
  /** False when another process was refreshing this organisation (nothing done here). */
  ran: boolean;
  /** The snapshots written ('current', 'YYYY-MM'). */
  written: string[];
  /** The current snapshot was left as it is to keep the job's pace (`isResting`), though it may be stale. */
  resting?: boolean;
}

/**
 * Builds report snapshots: reads the rollup rows set-based through the modules that own the data
 * (assessments, plans, mentoring, people, frameworks), then has the domain roll them up and decide suppression
 * (in a worker for all but small organisations) and stores both. Reads never aggregate.
 */
@Injectable()
export class ReportRefreshService {
  private readonly logger = new Logger(ReportRefreshService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentRollups,
    private readonly plans: PlanRollups,
    private readonly mentoring: MentoringRollups,
    private readonly pool: DomainWorkerPool,
  ) {}

  async settingK(manager: EntityManager, organisationId: string): Promise<number> {
    const [row] = (await manager.query(`SELECT k FROM report_settings WHERE organisation_id = $1`, [organisationId])) as { k: number }[];
    return effectiveK(row?.k);
  }

  /** What the current snapshot is built from: it is refreshed when this changes. */
  async stamp(manager: EntityManager, organisationId: string): Promise<string> {
    const parts = [
      await this.assessments.changeStamp(manager, organisationId),
      await this.plans.changeStamp(manager, organisationId),
      await this.mentoring.changeStamp(manager, organisationId),
      await peopleChangeStamp(manager, organisationId),
      String(await this.settingK(manager, organisationId)),
      // Published frameworks and teams change rarely; a hash of what reports use of them.
      createHash('sha256')
        .update(JSON.stringify([await reportCatalogueRows(manager, organisationId), await reportTeams(manager, organisationId)]))
        .digest('base64url'),
    ];
    return parts.join('|');
  }

  /**
   * Refreshes an organisation's reports: the current snapshot when what it is built from changed
   * (or `force`), every missing month end of the last 12 (`months`), and any snapshot whose k is no
   * longer the setting (suppression decided again from its stored rows). Idempotent; one process at
   * a time per organisation (the others return `ran: false`). `pace`: the job's (`isResting`); `current: false`:
   * leave the current snapshot as it is.
   */
  refresh(
    organisationId: string,
    options: { now?: Date; force?: boolean; months?: boolean; pace?: number; current?: boolean } = {},
  ): Promise<RefreshResult> {
    const now = options.now ?? new Date();
    return tenantTransaction(this.dataSource, organisationId, async (manager) => {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked', [REPORTS_LOCK, organisationId])) as [
        { locked: boolean },
      ];
      if (!locked) return { ran: false, written: [] };
      const started = performance.now();
      const timings: RefreshTimings = {};
      const k = await this.settingK(manager, organisationId);
      const existing = (await manager.query(
        `SELECT snapshot, stamp, k, refreshed_at AS "refreshedAt", refresh_seconds AS "refreshSeconds", headline IS NULL OR NOT EXISTS (
           SELECT 1 FROM report_views v WHERE v.organisation_id = s.organisation_id AND v.snapshot = s.snapshot AND v.report = 'names' AND v.team_id = '*' AND v.key = ''
         ) AS "noReadModels" FROM report_snapshots s WHERE organisation_id = $1`,
        [organisationId],
      )) as { snapshot: string; stamp: string; k: number; refreshedAt: Date; refreshSeconds: number | null; noReadModels: boolean }[];
      const byName = new Map(existing.map((row) => [row.snapshot, row]));
      const current = byName.get(CURRENT);
      const missingMonths =
        (options.months ?? true)
          ? lastMonthEnds(now, REPORT_TIME_ZONE)
              .filter((end) => !byName.has(end.month))
              // Rows dated before the month's end count.
              .map((end) => ({ snapshot: end.month, asOf: new Date(end.endsAt.getTime() - 1), monthEnd: end.endsAt }))
          : [];
      // Also snapshots stored before their heatmaps, headline and views were (built again from their stored rows).
      const rekeyed = existing
        .filter((row) => (row.k !== k || row.noReadModels) && !missingMonths.some((m) => m.snapshot === row.snapshot))
        .map((row) => row.snapshot);
      // `current: false`: month ends only (the job's second call: its first refreshed the current snapshot).
      const resting = options.current === false || (!options.force && current !== undefined && isResting(current, now, options.pace));
      // Resting with nothing else to do: not even the stamp (at 100,000 people it counts millions of ratings).
      if (resting && missingMonths.length === 0 && rekeyed.length === 0) return { ran: true, written: [], resting };
      const stamp = await timed(timings, 'stamp', this.stamp(manager, organisationId));
      const fresh: { snapshot: string; asOf: Date; monthEnd: Date | null }[] = [];
      if (options.force || !current || (current.stamp !== stamp && !resting)) fresh.push({ snapshot: CURRENT, asOf: now, monthEnd: null });
      fresh.push(...missingMonths);
      const rebuilt = rekeyed.filter((snapshot) => !fresh.some((f) => f.snapshot === snapshot));
      if (fresh.length === 0 && rebuilt.length === 0) return { ran: true, written: [], resting };

      const catalogue = toCatalogue(await reportCatalogueRows(manager, organisationId));
      const teams = await reportTeams(manager, organisationId);
      const written: string[] = [];
      for (const { snapshot, asOf, monthEnd } of fresh) {
        const rows = await this.rollupRows(manager, organisationId, catalogue, asOf, { current: snapshot === CURRENT, timings });
        await this.store(manager, organisationId, { snapshot, monthEnd, stamp, k, catalogue, teams, rows, now }, timings);
        written.push(snapshot);
        if (snapshot === CURRENT) {
          // The job's pace (isResting): from the lock to the current snapshot stored, its month ends apart.
          await manager.query(`UPDATE report_snapshots SET refresh_seconds = $3 WHERE organisation_id = $1 AND snapshot = $2`, [
            organisationId,
            CURRENT,
            (performance.now() - started) / 1000,
          ]);
        }
      }
      for (const snapshot of rebuilt) {
        // The stored rows stay text here: the worker parses them (hundreds of megabytes at 100,000 people).
        const [row] = (await manager.query(
          `SELECT rows::text AS "rowsJson", packed_rows AS "packedRows", stamp, people, month_end AS "monthEnd" FROM report_snapshots WHERE organisation_id = $1 AND snapshot = $2`,
          [organisationId, snapshot],
        )) as { rowsJson: string | null; packedRows: Buffer | null; stamp: string; people: number; monthEnd: Date | null }[];
        const rowsJson = row!.packedRows ? (await gunzip(row!.packedRows)).toString('utf8') : row!.rowsJson!;
        await this.store(manager, organisationId, { snapshot, monthEnd: row!.monthEnd, stamp: row!.stamp, k, catalogue, teams, rowsJson, people: row!.people, now }, timings);
        written.push(snapshot);
      }
      if (written.length > 0) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        this.logger.log(`reports of ${organisationId}: ${written.join(', ')} in ${seconds} s (${describeTimings(timings)})`);
      }
      return { ran: true, written, resting };
    });
  }

  /**
   * The rollup rows of one moment: one set-based statement per kind (team and role are people's current ones).
   * `current`: ratings from those kept current per person and skill (every rating so far), not the history.
   */
  async rollupRows(
    manager: EntityManager,
    organisationId: string,
    catalogue: ReportCatalogue,
    asOf: Date,
    { current = false, timings = {} }: { current?: boolean; timings?: RefreshTimings } = {},
  ): Promise<SnapshotRows> {
    const skills = new Set(catalogue.skills.map((s) => s.id));
    const ratingsAsOf = current ? null : asOf;
    const headcounts = await timed(timings, 'headcounts', headcountRows(manager, organisationId));
    const skillLevels = (await timed(timings, 'skill levels', this.assessments.skillLevelRows(manager, organisationId, ratingsAsOf))).filter((row) => skills.has(row.skillId));
    const calibration = [
      ...(await timed(timings, 'calibration', this.assessments.calibrationRows(manager, organisationId, ratingsAsOf))),
      ...(await timed(timings, 'mentor calibration', this.mentoring.calibrationRows(manager, organisationId, asOf))),
    ].filter((row) => skills.has(row.skillId));
    const { succession, blockers } = successionRowsFromCandidates(await timed(timings, 'succession', this.plans.successionCandidates(manager, organisationId, asOf)));
    const planHealth = await timed(timings, 'plan health', this.plans.planHealthRows(manager, organisationId, asOf));
    const trainingDemand = await timed(timings, 'training demand', this.plans.trainingDemandRows(manager, organisationId, asOf));
    const mentoring = await timed(timings, 'mentoring', this.mentoring.mentoringRows(manager, organisationId, asOf));
    return { headcounts, skillLevels, succession, blockers, calibration, planHealth, trainingDemand, mentoring };
  }

  private async store(
    manager: EntityManager,
    organisationId: string,
    s: { snapshot: string; monthEnd: Date | null; stamp: string; k: number; catalogue: ReportCatalogue; teams: { id: string; parentId: string | null; name: string }[]; now: Date } & (
      | { rows: SnapshotRows }
      | { rowsJson: string; people: number }
    ),
    timings: RefreshTimings = {},
  ) {
    const people = 'rows' in s ? s.rows.headcounts.reduce((sum, row) => sum + row.people, 0) : s.people;
    const filters = (s.teams.length + 1) * (s.catalogue.tracks.length + s.catalogue.roles.length) <= FILTERED_CUBE_LIMIT;
    const base = { catalogue: s.catalogue, teams: s.teams, k: s.k, filters };
    const { reports, heatmaps, views, headline, rowsJson } = await timed(
      timings,
      'cube and suppression (worker)',
      this.pool.run(
        'reportSnapshot',
        'rows' in s ? { ...base, rows: s.rows } : { ...base, rowsJson: s.rowsJson },
        // A job, not a request: a big organisation's cube may take minutes of CPU on a busy machine, on the
        // low-priority background thread (requests' heavy work and writes come first).
        { inline: people <= INLINE_PEOPLE_LIMIT, timeoutMs: 20 * 60_000, background: true },
      ),
    );
    const storeStarted = performance.now();
    // Compressed on libuv's thread pool, not the request thread.
    const packed = await gzip(Buffer.from(rowsJson, 'utf8'));
    await manager.query(
      `INSERT INTO report_snapshots (organisation_id, snapshot, month_end, k, filters, stamp, people, rows, packed_rows, refreshed_at, headline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9, $10::jsonb)
       ON CONFLICT (organisation_id, snapshot) DO UPDATE SET month_end = EXCLUDED.month_end, k = EXCLUDED.k, filters = EXCLUDED.filters,
         stamp = EXCLUDED.stamp, people = EXCLUDED.people, rows = NULL, packed_rows = EXCLUDED.packed_rows, refreshed_at = EXCLUDED.refreshed_at,
         headline = EXCLUDED.headline`,
      [organisationId, s.snapshot, s.monthEnd, s.k, filters, s.stamp, people, packed, s.now, JSON.stringify(headline)],
    );
    const parts = { ...reports, catalogue: JSON.stringify({ catalogue: s.catalogue, teams: s.teams }) };
    await manager.query(
      `INSERT INTO report_results (organisation_id, snapshot, report, data)
       SELECT $1, $2, part.report, part.data FROM unnest($3::text[], $4::text[]) AS part(report, data)
       ON CONFLICT (organisation_id, snapshot, report) DO UPDATE SET data = EXCLUDED.data`,
      [organisationId, s.snapshot, Object.keys(parts), Object.values(parts)],
    );
    // Teams and filters come and go: the snapshot's heatmaps are replaced whole.
    await manager.query(`DELETE FROM report_heatmaps WHERE organisation_id = $1 AND snapshot = $2`, [organisationId, s.snapshot]);
    await manager.query(
      `INSERT INTO report_heatmaps (organisation_id, snapshot, team_id, filter, data)
       SELECT $1, $2, h.team_id, h.filter, h.data FROM unnest($3::text[], $4::text[], $5::text[]) AS h(team_id, filter, data)`,
      [organisationId, s.snapshot, heatmaps.map((h) => h.teamId), heatmaps.map((h) => h.filter), heatmaps.map((h) => h.data)],
    );
    await storeViews(manager, organisationId, s.snapshot, views);
    timings.store = (timings.store ?? 0) + (performance.now() - storeStarted) / 1000;
  }
}

/**
 * Whether a snapshot refreshed at `refreshedAt` in `refreshSeconds` is still resting at `now` when refreshes may
 * take at most `pace` (a share of the time, 0-1] of the job's time: the next may start `refreshSeconds / pace`
 * after the last one started. So at 100,000 people, where a refresh takes minutes, the job does not refresh back
 * to back and keep a core busy for good. No pace, or no duration kept yet: never resting.
 */
export function isResting(last: { refreshedAt: Date; refreshSeconds: number | null }, now: Date, pace: number | undefined): boolean {
  if (pace === undefined || last.refreshSeconds === null || pace >= 1) return false;
  return now.getTime() < last.refreshedAt.getTime() + (last.refreshSeconds / pace) * 1000;
}

/** The frameworks directory's rows as the domain's catalogue. */
export function toCatalogue(rows: Awaited<ReturnType<typeof reportCatalogueRows>>): ReportCatalogue {
  return {
    skills: rows.skills,
    categories: rows.categories,
    tracks: rows.tracks,
    roles: rows.roles,
    levels: rows.levels.length > 0 ? rows.levels : [1, 2, 3, 4, 5],
  };
}
