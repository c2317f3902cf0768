import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ALL_PEOPLE,
  ORGANISATION,
  assessorCalibration,
  calibrationBySkill,
  coverageRisks,
  filterNode,
  gapsByRole,
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
  type ParticipationReport,
  type PeopleFilter,
  type ReportCatalogue,
  type SkillReport,
  type SuccessionReport,
  type TeamHierarchy,
  type TeamLike,
} from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { AppError, badInput, forbidden } from '../common/errors.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { personNames } from '../people/people-directory.js';
import { CURRENT } from './report-refresh.service.js';
import type { ReportFigure, ReportMeta } from './reports.models.js';

export type ReportActor = Actor & { personId: string; accessRole: AccessRole };

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
  manager: EntityManager;
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
    @InjectDataSource() private readonly dataSource: DataSource,
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
  read<T>(actor: ReportActor, report: string, input: ReportFilter, work: (scope: ReportScope) => Promise<T> | T): Promise<T> {
    this.requireLeadership(actor);
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const scope = await this.scope(manager, actor.organisationId, input);
      let result: T;
      try {
        result = await work(scope);
      } catch (error) {
        if (error instanceof RangeError) throw badInput({ input: error.message });
        throw error;
      }
      await this.audit.record(manager, actor, {
        action: 'reports.read',
        summary: `Read the ${report} report${scope.meta.month ? ` as of the end of ${scope.meta.month}` : ''}`,
        subjectType: 'report',
        details: { report, month: scope.meta.month, teamId: scope.teamId, trackId: input.trackId ?? null, roleId: input.roleId ?? null, categoryId: input.categoryId ?? null },
      });
      return result;
    });
  }

  /** The snapshots there are and the names to filter by (itself a report read: audited). */
  overview(actor: ReportActor, input: ReportFilter) {
    this.requireLeadership(actor);
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const months = (
        (await manager.query(`SELECT snapshot FROM report_snapshots WHERE organisation_id = $1 AND snapshot <> $2 ORDER BY snapshot DESC LIMIT 12`, [
          actor.organisationId,
          CURRENT,
        ])) as { snapshot: string }[]
      ).map((row) => row.snapshot);
      const header = await this.header(manager, actor.organisationId, CURRENT);
      if (!header) return { meta: null, months, tracks: [], roles: [], categories: [], trail: [] };
      const scope = await this.scope(manager, actor.organisationId, input);
      const { catalogue } = scope.names;
      const trail: { teamId: string; name: string; path: string }[] = [];
      for (let node: string | null = scope.teamId ?? ORGANISATION; node !== null; node = scope.hierarchy.parent.get(node) ?? null) {
        trail.unshift({ teamId: node, name: scope.hierarchy.names.get(node) ?? node, path: scope.hierarchy.paths.get(node) ?? '' });
      }
      await this.audit.record(manager, actor, { action: 'reports.read', summary: 'Opened the reports', subjectType: 'report', details: { report: 'overview' } });
      return {
        meta: scope.meta,
        months,
        tracks: catalogue.tracks.map((t) => ({ id: t.id, name: t.name, trackId: null })),
        roles: catalogue.roles.map((r) => ({ id: r.id, name: r.title, trackId: r.trackId })),
        categories: catalogue.categories.map((c) => ({ id: c.id, name: c.name, trackId: null })),
        trail,
      };
    });
  }

  heatmap(actor: ReportActor, input: ReportFilter) {
    return this.read(actor, 'heatmap', input, async (scope) => {
      const report = await scope.part<SkillReport>('skills');
      this.checkFilters(report.filters, scope);
      const map = heatmap(report, { teamId: scope.teamId, filter: scope.filter, categoryId: input.categoryId });
      return {
        meta: scope.meta,
        columns: map.columns,
        rows: map.rows.map((row) => ({
          teamId: row.teamId,
          name: row.name,
          path: row.path,
          isDrillRoot: row.isDrillRoot,
          hasChildren: row.hasChildren,
          assessed: row.cells.map((c) => c.assessed.value),
          averageLevel: row.cells.map((c) => c.averageLevel.value),
          shareMeeting: row.cells.map((c) => c.shareMeeting.value),
          assessedSuppressed: row.cells.map((c) => c.assessed.suppressed !== null),
          meetingSuppressed: row.cells.map((c) => c.shareMeeting.suppressed !== null),
        })),
        csvSource: { report, map },
      };
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
      const bySkill = calibrationBySkill(report, { teamId: scope.teamId, source: 'manager' });
      const assessors = assessorCalibration(report, { source: 'manager' });
      const names = await personNames(scope.manager, actor.organisationId, assessors.map((a) => a.assessorId));
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
        })),
        training: training.slice(0, 30).map((item) => ({
          ...item,
          byTeam: item.byTeam.map((t) => ({ teamId: t.teamId, teamName: teamName(t.teamId), people: figureModel(t.people) })),
        })),
        csvSource: { rows, training },
      };
    });
  }

  /** The catalogue and team tree of a snapshot (for CSV names; the report read itself is audited). */
  names(actor: ReportActor, input: ReportFilter): Promise<{ catalogue: ReportCatalogue; hierarchy: TeamHierarchy }> {
    this.requireLeadership(actor);
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const scope = await this.scope(manager, actor.organisationId, input);
      return { catalogue: scope.names.catalogue, hierarchy: scope.hierarchy };
    });
  }

  private checkFilters(filters: boolean, scope: ReportScope): void {
    if (scope.filter && !filters) throw badInput({ roleId: 'Figures by track and role are not kept for an organisation this large.' });
  }

  private async header(manager: EntityManager, organisationId: string, snapshot: string) {
    const [row] = (await manager.query(
      `SELECT snapshot, k, refreshed_at AS "refreshedAt", people, filters FROM report_snapshots WHERE organisation_id = $1 AND snapshot = $2`,
      [organisationId, snapshot],
    )) as { snapshot: string; k: number; refreshedAt: Date; people: number; filters: boolean }[];
    return row ?? null;
  }

  private async scope(manager: EntityManager, organisationId: string, input: ReportFilter): Promise<ReportScope> {
    const snapshot = input.month ?? CURRENT;
    const header = await this.header(manager, organisationId, snapshot);
    if (!header) {
      if (input.month) throw badInput({ month: 'There is no report for that month: the last 12 month ends are kept.' });
      throw new AppError('NOT_FOUND', 'The reports are being prepared: try again in a minute.');
    }
    const key = (report: StoredPart) => `${organisationId}/${snapshot}/${report}/${new Date(header.refreshedAt).getTime()}`;
    const part = async <T>(report: StoredPart): Promise<T> => {
      const cached = parsed.get(key(report));
      if (cached !== undefined) return cached as T;
      const [row] = (await manager.query(`SELECT data FROM report_results WHERE organisation_id = $1 AND snapshot = $2 AND report = $3`, [
        organisationId,
        snapshot,
        report,
      ])) as { data: string }[];
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
      manager,
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
