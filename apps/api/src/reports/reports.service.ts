import { Injectable } from '@nestjs/common';
import {
  ORGANISATION,
  assessorCalibration,
  calibrationBySkill,
  coverageRisks,
  filterNode,
  gapRowsInCategory,
  gapsByRole,
  gapsByTeam,
  gapsInCategory,
  heatmap,
  heatmapCategory,
  listedSuccession,
  participationView,
  requiredVsActual,
  successionView,
  toHeatmapMatrix,
  trainingDemand,
  viewDrill,
  viewNames,
  type AccessRole,
  type AssessorCalibration,
  type CalibrationReport,
  type HeadlineFigures,
  type HeatmapMatrix,
  type ParticipationReport,
  type ReportCatalogue,
  type SkillReport,
  type SuccessionReport,
  type TeamHierarchy,
  type ViewDrill,
  type ViewNames,
} from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { badInput, forbidden } from '../common/errors.js';
import type { RequestDatabase } from '../database/tenant-database.js';
import { personNames } from '../people/people-directory.js';
import { calibrationModel, gapsModel, participationModel, successionModel } from './report-models.js';
import { checkFilters, fetchViews, readRecord, reportScope, snapshotHeader, type Fetched, type ReportScope, type Wanted } from './report-lookup.js';
import { CURRENT } from './report-refresh.service.js';
import { ReportReader, type ReportQueries } from './report-reader.js';
import type { ReportMeta } from './reports.models.js';

/** Who reads, and the request's database (the primary: audit records go there; reads too without a replica). */
export type ReportActor = Actor & { personId: string; accessRole: AccessRole; db: RequestDatabase };

export interface ReportFilter {
  month?: string | null;
  teamId?: string | null;
  trackId?: string | null;
  roleId?: string | null;
  categoryId?: string | null;
  targetRoleId?: string | null;
}

/**
 * Report reads: organisation-wide aggregates for the Leadership and Admin access roles only (a
 * manager gets their own reports by name through `myReportsReadiness`, nothing else). Each read
 * fetches the views stored with the snapshot (suppression decided when it was built) by primary
 * key, and is audited. Snapshots stored before their views are read from their whole report.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reader: ReportReader,
    private readonly audit: AuditService,
  ) {}

  requireLeadership(actor: ReportActor): void {
    if (actor.accessRole !== 'leadership' && actor.accessRole !== 'admin') {
      throw forbidden('see organisation-wide reports: they need the Leadership or Admin access role');
    }
  }

  /**
   * One audited report read: the snapshot's header and the views wanted in one statement, with the
   * audit record in the same round trip when there is no replica (audited as asked: a refused filter
   * is an attempt worth the record). A view the snapshot has no row for, or an unknown filter, goes
   * the long way: the whole stored report, which refuses bad input clearly (or answers a snapshot
   * stored before views were).
   */
  private async viewRead<T>(
    actor: ReportActor,
    report: string,
    input: ReportFilter,
    wanted: Wanted[],
    fromViews: (views: Fetched, db: ReportQueries) => Promise<T | null> | T | null,
    fromReport: (scope: ReportScope) => Promise<T>,
  ): Promise<T> {
    this.requireLeadership(actor);
    const [fast] = await Promise.all([
      this.reader.read(actor.db, async (db) => {
        const views = await fetchViews(db, actor.organisationId, input, wanted);
        return views ? fromViews(views, db) : null;
      }),
      this.audit.recordRead(actor.db, actor, readRecord(report, input.month ?? null, input.teamId ?? null, input)),
    ]);
    if (fast !== null) return fast;
    return this.reader.read(actor.db, async (db) => {
      const scope = await reportScope(db, actor.organisationId, input);
      try {
        return await fromReport(scope);
      } catch (error) {
        if (error instanceof RangeError) throw badInput({ input: error.message });
        throw error;
      }
    });
  }

  /** The snapshots there are and the names to filter by (itself a report read: audited). */
  async overview(actor: ReportActor, input: ReportFilter) {
    this.requireLeadership(actor);
    const result = await this.reader.read(actor.db, async (db) => {
      const months = (
        await db.query<{ snapshot: string }>(
          `SELECT snapshot FROM report_snapshots WHERE organisation_id = $1 AND snapshot <> $2 ORDER BY snapshot DESC LIMIT 12`,
          [actor.organisationId, CURRENT],
        )
      ).map((row) => row.snapshot);
      const views = await fetchViews(db, actor.organisationId, input, []);
      const overview = (meta: ReportMeta, names: ViewNames, drill: ViewDrill) => ({
        meta,
        months,
        tracks: names.tracks.map((t) => ({ id: t.id, name: t.name, trackId: null })),
        roles: names.roles.map((r) => ({ id: r.id, name: r.title, trackId: r.trackId })),
        categories: names.categories.map((c) => ({ id: c.id, name: c.name, trackId: null })),
        trail: drill.trail,
      });
      if (views) return overview(views.meta, views.viewNames, views.drill);
      const header = await snapshotHeader(db, actor.organisationId, CURRENT);
      if (!header) return { meta: null, months, tracks: [], roles: [], categories: [], trail: [] };
      // A snapshot stored before its views, or a filter to refuse.
      const scope = await reportScope(db, actor.organisationId, input);
      return overview(scope.meta, viewNames(scope.names.catalogue), viewDrill(scope.names.hierarchy, scope.teamId ?? ORGANISATION));
    });
    await this.audit.recordRead(actor.db, actor, { action: 'reports.read', summary: 'Opened the reports', subjectType: 'report', details: { report: 'overview' } });
    return result;
  }

  /**
   * The heatmap: one primary-key row stored with the snapshot (the matrix as sent), read beside the
   * snapshot's header in one statement, with the audit record in the same round trip when there is no
   * replica. A drill or filter the snapshot has no row for is checked the long way (a clear error, or
   * a snapshot stored before heatmaps were: worked out from its report).
   */
  async heatmap(actor: ReportActor, input: ReportFilter) {
    this.requireLeadership(actor);
    const snapshot = input.month ?? CURRENT;
    const teamId = input.teamId ?? ORGANISATION;
    const filter = filterNode({ roleId: input.roleId, trackId: input.trackId });
    const [row] = await Promise.all([
      this.reader.read(actor.db, (db) =>
        db.query<{ k: number; refreshedAt: Date; people: number; filters: boolean; data: string | null }>(
          `SELECT s.k, s.refreshed_at AS "refreshedAt", s.people, s.filters, h.data
           FROM report_snapshots s LEFT JOIN report_heatmaps h
             ON h.organisation_id = s.organisation_id AND h.snapshot = s.snapshot AND h.team_id = $3 AND h.filter = $4
           WHERE s.organisation_id = $1 AND s.snapshot = $2`,
          [actor.organisationId, snapshot, teamId, filter],
        ),
      ).then((rows) => rows[0]),
      // Audited as asked (before the answer is known): a refused filter is an attempt worth the record.
      this.audit.recordRead(actor.db, actor, readRecord('heatmap', input.month ?? null, input.teamId ?? null, input)),
    ]);
    if (!row?.data) return this.heatmapOfReport(actor, input);
    let matrix = JSON.parse(row.data) as HeatmapMatrix;
    if (input.categoryId) {
      matrix = heatmapCategory(matrix, input.categoryId);
      // No column of it: an unknown category is refused; a known one without skills is an empty map.
      if (matrix.columns.length === 0) await this.heatmapOfReport(actor, input);
    }
    const meta: ReportMeta = { month: input.month ?? null, k: row.k, refreshedAt: new Date(row.refreshedAt), people: row.people, filters: row.filters };
    return { meta, columns: matrix.columns, rows: matrix.rows };
  }

  /** The heatmap worked out from the stored report (refusing bad input, snapshots without stored heatmaps); not audited here. */
  private heatmapOfReport(actor: ReportActor, input: ReportFilter) {
    return this.reader.read(actor.db, async (db) => {
      const scope = await reportScope(db, actor.organisationId, input);
      const report = await scope.part<SkillReport>('skills');
      checkFilters(report.filters, scope);
      try {
        return heatmapOf(scope.meta, heatmap(report, { teamId: scope.teamId, filter: scope.filter, categoryId: input.categoryId }));
      } catch (error) {
        if (error instanceof RangeError) throw badInput({ input: error.message });
        throw error;
      }
    });
  }

  gaps(actor: ReportActor, input: ReportFilter) {
    const node = filterNode({ roleId: input.roleId, trackId: input.trackId });
    const wanted: Wanted[] = [['gaps', node], ['coverage', ''], ['gaps-role', input.trackId ?? '', { optional: true }]];
    return this.viewRead(
      actor,
      'gaps',
      input,
      wanted,
      (v) => {
        const byRole = v.one('gaps-role');
        // A snapshot with track and role figures has gaps by role too.
        if (v.meta.filters && !byRole) return null;
        const views = { ...gapsInCategory(v.one('gaps')!, v.viewNames, input.categoryId), coverage: v.one('coverage')! };
        return gapsModel(v.meta, v.names, { ...views, byRole: v.meta.filters ? gapRowsInCategory(byRole!, v.viewNames, input.categoryId) : [] });
      },
      async (scope) => {
        const report = await scope.part<SkillReport>('skills');
        checkFilters(report.filters, scope);
        const options = { teamId: scope.teamId, filter: scope.filter, categoryId: input.categoryId };
        return gapsModel(scope.meta, scope.names, {
          byTeam: gapsByTeam(report, options),
          byRole: report.filters ? gapsByRole(report, { teamId: scope.teamId, trackId: input.trackId, categoryId: input.categoryId }) : [],
          coverage: coverageRisks(report, { teamId: scope.teamId }),
          required: requiredVsActual(report, options),
        });
      },
    );
  }

  succession(actor: ReportActor, input: ReportFilter) {
    // One target role: its row; every role: the drill's rows of the roles with candidates.
    return this.viewRead(
      actor,
      'succession',
      input,
      [['succession', input.targetRoleId ?? null]],
      (v) => successionModel(v.meta, v.names, input.targetRoleId ? v.one('succession')!.cells : listedSuccession(v.all('succession'))),
      async (scope) => {
        const report = await scope.part<SuccessionReport>('succession');
        return successionModel(scope.meta, scope.names, successionView(report, { teamId: scope.teamId, targetRoleId: input.targetRoleId }));
      },
    );
  }

  calibration(actor: ReportActor, input: ReportFilter) {
    // Every comparison: manager − self, mentor − self, mentor − manager; the assessors are the organisation's.
    const named = async (db: ReportQueries, assessors: AssessorCalibration[]) =>
      personNames(asManager(db), actor.organisationId, assessors.map((a) => a.assessorId));
    return this.viewRead(
      actor,
      'calibration',
      input,
      [['calibration', ''], ['assessors', '', { team: ORGANISATION }]],
      async (v, db) => {
        const assessors = v.one('assessors')!;
        return calibrationModel(v.meta, v.names, v.one('calibration')!, assessors, await named(db, assessors));
      },
      async (scope) => {
        const report = await scope.part<CalibrationReport>('calibration');
        const assessors = assessorCalibration(report);
        return calibrationModel(scope.meta, scope.names, calibrationBySkill(report, { teamId: scope.teamId }), assessors, await named(scope.db, assessors));
      },
    );
  }

  participation(actor: ReportActor, input: ReportFilter) {
    const node = filterNode({ roleId: input.roleId, trackId: input.trackId });
    return this.viewRead(
      actor,
      'participation',
      input,
      [['participation', node], ['training', '']],
      (v) => participationModel(v.meta, v.names, v.one('participation')!, v.one('training')!),
      async (scope) => {
        const report = await scope.part<ParticipationReport>('participation');
        checkFilters(report.filters, scope);
        const rows = participationView(report, { teamId: scope.teamId, filter: scope.filter });
        return participationModel(scope.meta, scope.names, rows, trainingDemand(report, { teamId: scope.teamId }));
      },
    );
  }

  /**
   * The headline figures of each kept snapshot (the last 12 month ends, then now), read from the
   * snapshots' stored headlines: one statement. Audited like any report read.
   */
  async trend(actor: ReportActor) {
    this.requireLeadership(actor);
    const rows = await this.reader.read(actor.db, (db) =>
      db.query<{ snapshot: string; k: number; headline: HeadlineFigures }>(
        `SELECT snapshot, k, headline FROM report_snapshots WHERE organisation_id = $1 AND headline IS NOT NULL ORDER BY snapshot DESC LIMIT 13`,
        [actor.organisationId],
      ),
    );
    await this.audit.recordRead(actor.db, actor, readRecord('trend', null, null, {}));
    // 'current' sorts after every 'YYYY-MM': newest first, so reversed it comes last.
    const points = rows.reverse().map((row) => ({ month: row.snapshot === CURRENT ? null : row.snapshot, ...row.headline }));
    const current = rows.find((row) => row.snapshot === CURRENT);
    return { k: current?.k ?? rows[rows.length - 1]?.k ?? 5, points };
  }

  /** The catalogue and team tree of a snapshot (for CSV names; the report read itself is audited). */
  names(actor: ReportActor, input: ReportFilter): Promise<{ catalogue: ReportCatalogue; hierarchy: TeamHierarchy }> {
    this.requireLeadership(actor);
    return this.reader.read(actor.db, async (db) => {
      const scope = await reportScope(db, actor.organisationId, input);
      return scope.names;
    });
  }


}

function heatmapOf(meta: ReportMeta, map: ReturnType<typeof heatmap>) {
  return { meta, ...toHeatmapMatrix(map) };
}

/** The people directory reads through an EntityManager's `query`; a report's database answers the same way. */
function asManager(db: ReportQueries): EntityManager {
  return { query: (text: string, values: unknown[]) => db.query(text, values) } as unknown as EntityManager;
}
