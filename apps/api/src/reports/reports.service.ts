import { Injectable } from '@nestjs/common';
import {
  ALL_PEOPLE,
  ORGANISATION,
  assessorCalibration,
  calibrationBySkill,
  coverageRisks,
  filterNode,
  gapsByRole,
  heatmapCategory,
  toHeatmapMatrix,
  gapsByTeam,
  heatmap,
  loadReports,
  participationView,
  requiredVsActual,
  successionView,
  teamHierarchy,
  trainingDemand,
  type AccessRole,
  type CalibrationReport,
  type Figure,
  type HeadlineFigures,
  type HeatmapMatrix,
  type ParticipationReport,
  type PeopleFilter,
  type ReportCatalogue,
  type SkillReport,
  type SuccessionReport,
  type TeamHierarchy,
  type TeamLike,
} from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { AppError, badInput, forbidden } from '../common/errors.js';
import type { RequestDatabase } from '../database/tenant-database.js';
import { personNames } from '../people/people-directory.js';
import { CURRENT } from './report-refresh.service.js';
import { ReportReader, type ReportQueries } from './report-reader.js';
import type { ReportFigure, ReportMeta } from './reports.models.js';

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

type StoredPart = 'skills' | 'succession' | 'calibration' | 'participation' | 'catalogue';
interface Names {
  catalogue: ReportCatalogue;
  teams: TeamLike[];
}

/** What one read works on: the snapshot's header, its names and the team tree. */
export interface ReportScope {
  /** The database the report is read from (the replica when configured). */
  db: ReportQueries;
  meta: ReportMeta;
  snapshot: string;
  names: Names;
  hierarchy: TeamHierarchy;
  filter: PeopleFilter | null;
  teamId: string | null;
  part<T>(report: StoredPart): Promise<T>;
}

/** Parsed reports by (organisation, snapshot, report, refreshed at): only a faster way to the stored figures, checked against the database on every read. */
const parsed = new Map<string, unknown>();
const PARSED_LIMIT = 24;

export const figureModel = (f: Figure): ReportFigure => ({ value: f.value, people: f.people, suppressed: f.suppressed });

/**
 * Report reads: organisation-wide aggregates for the Leadership and Admin access roles only (a
 * manager gets their own reports by name through `myReportsReadiness`, nothing else). Each read
 * looks figures up in the stored snapshot (suppression decided when it was built) and is audited.
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
   * Runs one audited report read: checks the role, opens the snapshot (now, or a month end) and the
   * filters, lets `work` look figures up, and records `reports.read` in the same transaction.
   */
  async read<T>(actor: ReportActor, report: string, input: ReportFilter, work: (scope: ReportScope) => Promise<T> | T): Promise<T> {
    this.requireLeadership(actor);
    const { result, meta, teamId } = await this.reader.read(actor.db, async (db) => {
      const scope = await this.scope(db, actor.organisationId, input);
      try {
        return { result: await work(scope), meta: scope.meta, teamId: scope.teamId };
      } catch (error) {
        if (error instanceof RangeError) throw badInput({ input: error.message });
        throw error;
      }
    });
    await this.audit.recordRead(actor.db, actor, readRecord(report, meta.month, teamId, input));
    return result;
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
      const header = await this.header(db, actor.organisationId, CURRENT);
      if (!header) return { meta: null, months, tracks: [], roles: [], categories: [], trail: [] };
      const scope = await this.scope(db, actor.organisationId, input);
      const { catalogue } = scope.names;
      const trail: { teamId: string; name: string; path: string }[] = [];
      for (let node: string | null = scope.teamId ?? ORGANISATION; node !== null; node = scope.hierarchy.parent.get(node) ?? null) {
        trail.unshift({ teamId: node, name: scope.hierarchy.names.get(node) ?? node, path: scope.hierarchy.paths.get(node) ?? '' });
      }
      return {
        meta: scope.meta,
        months,
        tracks: catalogue.tracks.map((t) => ({ id: t.id, name: t.name, trackId: null })),
        roles: catalogue.roles.map((r) => ({ id: r.id, name: r.title, trackId: r.trackId })),
        categories: catalogue.categories.map((c) => ({ id: c.id, name: c.name, trackId: null })),
        trail,
      };
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

  /** The heatmap worked out from the stored report (CSV, validation, snapshots without stored heatmaps); not audited here. */
  private heatmapOfReport(actor: ReportActor, input: ReportFilter) {
    return this.reader.read(actor.db, async (db) => {
      const scope = await this.scope(db, actor.organisationId, input);
      const report = await scope.part<SkillReport>('skills');
      this.checkFilters(report.filters, scope);
      try {
        return heatmapOf(scope.meta, heatmap(report, { teamId: scope.teamId, filter: scope.filter, categoryId: input.categoryId }));
      } catch (error) {
        if (error instanceof RangeError) throw badInput({ input: error.message });
        throw error;
      }
    });
  }

  /** The heatmap with what its CSV needs (the report's names): a report read, audited. */
  heatmapForCsv(actor: ReportActor, input: ReportFilter) {
    return this.read(actor, 'heatmap', input, async (scope) => {
      const report = await scope.part<SkillReport>('skills');
      this.checkFilters(report.filters, scope);
      const map = heatmap(report, { teamId: scope.teamId, filter: scope.filter, categoryId: input.categoryId });
      return { ...heatmapOf(scope.meta, map), csvSource: { report, map } };
    });
  }

  gaps(actor: ReportActor, input: ReportFilter) {
    return this.read(actor, 'gaps', input, async (scope) => {
      const report = await scope.part<SkillReport>('skills');
      this.checkFilters(report.filters, scope);
      const options = { teamId: scope.teamId, filter: scope.filter, categoryId: input.categoryId };
      const skillName = nameOf(scope.names.catalogue.skills.map((s) => [s.id, s.name]));
      const roleTitle = nameOf(scope.names.catalogue.roles.map((r) => [r.id, r.title]));
      const teamName = (id: string) => scope.hierarchy.names.get(id) ?? id;
      const gapRow = (row: ReturnType<typeof gapsByTeam>[number]) => ({
        teamId: row.teamId,
        teamName: teamName(row.teamId),
        roleId: row.roleId,
        roleTitle: row.roleId ? roleTitle(row.roleId) : null,
        gaps: row.gaps.slice(0, 15).map((g) => ({
          skillId: g.skillId,
          skillName: skillName(g.skillId),
          withExpectation: figureModel(g.withExpectation),
          unrated: figureModel(g.unrated),
          short: figureModel(g.short),
          shareShort: figureModel(g.shareShort),
          meanShortfall: figureModel(g.meanShortfall),
        })),
      });
      const byTeam = gapsByTeam(report, options);
      const byRole = report.filters ? gapsByRole(report, { teamId: scope.teamId, trackId: input.trackId, categoryId: input.categoryId }) : [];
      const coverage = coverageRisks(report, { teamId: scope.teamId });
      const required = requiredVsActual(report, options);
      return {
        meta: scope.meta,
        byTeam: byTeam.map(gapRow),
        byRole: byRole.map(gapRow),
        coverage: coverage.map((team) => ({
          teamId: team.teamId,
          teamName: teamName(team.teamId),
          people: team.people,
          suppressed: team.suppressed,
          risks: team.risks.map((risk) => ({ ...risk, skillName: skillName(risk.skillId), neededByRoles: risk.neededByRoleIds.map(roleTitle) })),
        })),
        requiredVsActualSuppressed: required.suppressed,
        requiredVsActual: required.rows.map((row) => ({ ...row, skillName: skillName(row.skillId) })),
        csvSource: { report, byTeam, byRole, coverage, required },
      };
    });
  }

  succession(actor: ReportActor, input: ReportFilter) {
    return this.read(actor, 'succession', input, async (scope) => {
      const report = await scope.part<SuccessionReport>('succession');
      const roleTitle = nameOf(scope.names.catalogue.roles.map((r) => [r.id, r.title]));
      const skillName = nameOf(scope.names.catalogue.skills.map((s) => [s.id, s.name]));
      const cells = successionView(report, { teamId: scope.teamId, targetRoleId: input.targetRoleId });
      return {
        meta: scope.meta,
        cells: cells.map((cell) => ({
          teamId: cell.teamId,
          teamName: scope.hierarchy.names.get(cell.teamId) ?? cell.teamId,
          targetRoleId: cell.targetRoleId,
          targetRoleTitle: roleTitle(cell.targetRoleId),
          candidates: figureModel(cell.candidates),
          now: figureModel(cell.byBucket.now),
          within6Months: figureModel(cell.byBucket['within-6-months']),
          within12Months: figureModel(cell.byBucket['within-12-months']),
          later: figureModel(cell.byBucket.later),
          unknown: figureModel(cell.byBucket.unknown),
          blockers: cell.blockers.slice(0, 5).map((b) => ({
            kind: b.kind,
            id: b.id,
            name: b.kind === 'skill' ? skillName(b.id) : b.id,
            people: figureModel(b.people),
            meanShortfall: figureModel(b.meanShortfall),
          })),
        })),
        csvSource: { cells },
      };
    });
  }

  calibration(actor: ReportActor, input: ReportFilter) {
    return this.read(actor, 'calibration', input, async (scope) => {
      const report = await scope.part<CalibrationReport>('calibration');
      const skillName = nameOf(scope.names.catalogue.skills.map((s) => [s.id, s.name]));
      // Every comparison: manager − self, mentor − self, mentor − manager.
      const bySkill = calibrationBySkill(report, { teamId: scope.teamId });
      const assessors = assessorCalibration(report);
      const names = await personNames(asManager(scope.db), actor.organisationId, assessors.map((a) => a.assessorId));
      return {
        meta: scope.meta,
        bySkill: bySkill.map((cell) => ({
          teamId: cell.teamId,
          teamName: scope.hierarchy.names.get(cell.teamId) ?? cell.teamId,
          skillId: cell.skillId,
          skillName: skillName(cell.skillId),
          source: cell.source,
          pairs: figureModel(cell.pairs),
          meanDifference: figureModel(cell.meanDifference),
          standardDeviation: figureModel(cell.standardDeviation),
        })),
        assessors: assessors.map((a) => ({
          assessorId: a.assessorId,
          assessorName: names.get(a.assessorId) ?? 'Someone who left',
          source: a.source,
          people: figureModel(a.people),
          meanDifference: figureModel(a.meanDifference),
          offset: figureModel(a.offset),
          shrunkOffset: figureModel(a.shrunkOffset),
          flag: a.flag,
        })),
        csvSource: { report, bySkill, assessors, names },
      };
    });
  }

  participation(actor: ReportActor, input: ReportFilter) {
    return this.read(actor, 'participation', input, async (scope) => {
      const report = await scope.part<ParticipationReport>('participation');
      this.checkFilters(report.filters, scope);
      const teamName = (id: string) => scope.hierarchy.names.get(id) ?? id;
      const rows = participationView(report, { teamId: scope.teamId, filter: scope.filter });
      const training = trainingDemand(report, { teamId: scope.teamId });
      return {
        meta: scope.meta,
        rows: rows.map((row) => ({
          teamId: row.teamId,
          teamName: teamName(row.teamId),
          people: figureModel(row.people),
          withPlan: figureModel(row.withPlan),
          agreed: figureModel(row.agreed),
          active: figureModel(row.active),
          reviewedOnTime: figureModel(row.reviewedOnTime),
          overdue: figureModel(row.overdue),
          stale: figureModel(row.stale),
          mentoring: row.mentoring
            ? {
                mentees: figureModel(row.mentoring.mentees),
                withActiveMentor: figureModel(row.mentoring.withActiveMentor),
                waiting: figureModel(row.mentoring.waiting),
                waitingPeople: figureModel(row.mentoring.waitingPeople),
                planCoverage: figureModel(row.mentoring.planCoverage),
                activePairs: figureModel(row.mentoring.activePairs),
                fizzlingPairs: figureModel(row.mentoring.fizzlingPairs),
                fizzling: figureModel(row.mentoring.fizzling),
              }
            : null,
        })),
        training: training.slice(0, 30).map((item) => ({
          ...item,
          byTeam: item.byTeam.map((t) => ({ teamId: t.teamId, teamName: teamName(t.teamId), people: figureModel(t.people) })),
        })),
        csvSource: { rows, training },
      };
    });
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
      const scope = await this.scope(db, actor.organisationId, input);
      return { catalogue: scope.names.catalogue, hierarchy: scope.hierarchy };
    });
  }

  private checkFilters(filters: boolean, scope: ReportScope): void {
    if (scope.filter && !filters) throw badInput({ roleId: 'Figures by track and role are not kept for an organisation this large.' });
  }

  private async header(db: ReportQueries, organisationId: string, snapshot: string) {
    const [row] = await db.query<{ snapshot: string; k: number; refreshedAt: Date; people: number; filters: boolean }>(
      `SELECT snapshot, k, refreshed_at AS "refreshedAt", people, filters FROM report_snapshots WHERE organisation_id = $1 AND snapshot = $2`,
      [organisationId, snapshot],
    );
    return row ?? null;
  }

  private async scope(db: ReportQueries, organisationId: string, input: ReportFilter): Promise<ReportScope> {
    const snapshot = input.month ?? CURRENT;
    const header = await this.header(db, organisationId, snapshot);
    if (!header) {
      if (input.month) throw badInput({ month: 'There is no report for that month: the last 12 month ends are kept.' });
      throw new AppError('NOT_FOUND', 'The reports are being prepared: try again in a minute.');
    }
    const key = (report: StoredPart) => `${organisationId}/${snapshot}/${report}/${new Date(header.refreshedAt).getTime()}`;
    const part = async <T>(report: StoredPart): Promise<T> => {
      const cached = parsed.get(key(report));
      if (cached !== undefined) return cached as T;
      const [row] = await db.query<{ data: string }>(`SELECT data FROM report_results WHERE organisation_id = $1 AND snapshot = $2 AND report = $3`, [
        organisationId,
        snapshot,
        report,
      ]);
      if (!row) throw new AppError('NOT_FOUND', 'The reports are being prepared: try again in a minute.');
      const value = loadReports<T>(row.data);
      parsed.set(key(report), value);
      while (parsed.size > PARSED_LIMIT) parsed.delete(parsed.keys().next().value as string);
      return value;
    };
    const names = await part<Names>('catalogue');
    const hierarchy = teamHierarchy(names.teams);
    if (input.teamId && !hierarchy.parent.has(input.teamId)) throw badInput({ teamId: 'Not a team of this organisation.' });
    if (input.roleId && !names.catalogue.roles.some((r) => r.id === input.roleId)) throw badInput({ roleId: 'Not a role of a published framework.' });
    if (input.trackId && !names.catalogue.tracks.some((t) => t.id === input.trackId)) throw badInput({ trackId: 'Not a track of a published framework.' });
    if (input.categoryId && !names.catalogue.categories.some((c) => c.id === input.categoryId)) {
      throw badInput({ categoryId: 'Not a skill category of a published framework.' });
    }
    if (input.targetRoleId && !names.catalogue.roles.some((r) => r.id === input.targetRoleId)) {
      throw badInput({ targetRoleId: 'Not a role of a published framework.' });
    }
    const filter: PeopleFilter | null = input.roleId || input.trackId ? { roleId: input.roleId ?? null, trackId: input.trackId ?? null } : null;
    if (filter && filterNode(filter) === ALL_PEOPLE) throw badInput({ roleId: 'Unknown filter.' });
    return {
      db,
      meta: { month: input.month ?? null, k: header.k, refreshedAt: new Date(header.refreshedAt), people: header.people, filters: header.filters },
      snapshot,
      names,
      hierarchy,
      filter,
      teamId: input.teamId ?? null,
      part,
    };
  }
}

function nameOf(entries: [string, string][]): (id: string) => string {
  const map = new Map(entries);
  return (id) => map.get(id) ?? id;
}

/** The audit record of a report read. */
function readRecord(report: string, month: string | null, teamId: string | null, input: ReportFilter) {
  return {
    action: 'reports.read',
    summary: `Read the ${report} report${month ? ` as of the end of ${month}` : ''}`,
    subjectType: 'report',
    details: { report, month, teamId, trackId: input.trackId ?? null, roleId: input.roleId ?? null, categoryId: input.categoryId ?? null },
  };
}

function heatmapOf(meta: ReportMeta, map: ReturnType<typeof heatmap>) {
  return { meta, ...toHeatmapMatrix(map) };
}

/** The people directory reads through an EntityManager's `query`; a report's database answers the same way. */
function asManager(db: ReportQueries): EntityManager {
  return { query: (text: string, values: unknown[]) => db.query(text, values) } as unknown as EntityManager;
}
