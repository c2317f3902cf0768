import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_K, type ReadinessBucket } from '@trellis/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/errors.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { reportCatalogueRows } from '../frameworks/framework-directory.js';
import { personNames, reportIdsOf } from '../people/people-directory.js';
import { PlanRollups } from '../plans/plan-rollups.js';
import { ReportRefreshService } from './report-refresh.service.js';
import type { ReportActor } from './reports.service.js';

/** The organisation's k (admins), refreshing on demand (admins), and a manager's own reports by name. */
@Injectable()
export class ReportSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly refresher: ReportRefreshService,
    private readonly plans: PlanRollups,
  ) {}

  settings(organisationId: string): Promise<{ k: number; version: number }> {
    return tenantTransaction(this.dataSource, organisationId, async (manager) => {
      const [row] = (await manager.query(`SELECT k, version FROM report_settings WHERE organisation_id = $1`, [organisationId])) as { k: number; version: number }[];
      return row ?? { k: DEFAULT_K, version: 0 };
    });
  }

  /**
   * Sets k (the schema keeps it at least 3). Version 0 means "never set". A stale version is
   * refused (CONFLICT). Snapshots pick the new k up at their next refresh (the job's next pass,
   * or `refreshReports`): suppression is decided again from their stored rows.
   */
  async update(actor: ReportActor, input: { k: number; expectedVersion: number }): Promise<{ k: number; version: number }> {
    const result = await tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const rows = (await manager.query(
        `INSERT INTO report_settings (organisation_id, k, version, updated_by_id, updated_at) VALUES ($1, $2, 1, $3, now())
         ON CONFLICT (organisation_id) DO UPDATE SET k = EXCLUDED.k, version = report_settings.version + 1, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()
         WHERE report_settings.version = $4
         RETURNING k, version`,
        [actor.organisationId, input.k, actor.personId, input.expectedVersion],
      )) as { k: number; version: number }[];
      const row = rows[0];
      if (!row || (input.expectedVersion === 0 && row.version !== 1) || (input.expectedVersion !== 0 && row.version !== input.expectedVersion + 1)) {
        throw new AppError('CONFLICT', 'The report settings were changed by someone else: reload to see them.');
      }
      await this.audit.record(manager, actor, {
        action: 'reports.settings',
        summary: `Set the smallest group reports may describe to ${row.k} people`,
        subjectType: 'report-settings',
        details: { k: row.k },
      });
      return row;
    });
    return result;
  }

  async refreshNow(organisationId: string) {
    // The current snapshot now (and any whose k changed); month ends are the job's.
    return this.refresher.refresh(organisationId, { force: true, months: false });
  }

  /**
   * My direct reports with an open plan: their readiness for its target role (now, within 6 or 12
   * months...), by name. Not an aggregate: only my own reports, and each read is audited.
   */
  myReportsReadiness(actor: ReportActor, now = new Date()) {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const reports = await reportIdsOf(manager, actor.organisationId, actor.personId);
      if (reports.length === 0) return [];
      const candidates = await this.plans.successionCandidates(manager, actor.organisationId, now, reports);
      const names = await personNames(manager, actor.organisationId, candidates.map((c) => c.personId));
      const catalogue = await reportCatalogueRows(manager, actor.organisationId);
      const roleTitle = new Map(catalogue.roles.map((r) => [r.id, r.title]));
      const skillName = new Map(catalogue.skills.map((s) => [s.id, s.name]));
      for (const c of candidates) {
        await this.audit.record(manager, actor, {
          action: 'readiness.read',
          summary: `Read ${names.get(c.personId) ?? 'a report'}'s readiness for ${roleTitle.get(c.targetRoleId) ?? 'their target role'} (reports)`,
          subjectType: 'role',
          subjectId: c.targetRoleId,
          subjectPersonId: c.personId,
        });
      }
      return candidates
        .map((c) => ({
          personId: c.personId,
          name: names.get(c.personId) ?? '',
          targetRoleId: c.targetRoleId,
          targetRoleTitle: roleTitle.get(c.targetRoleId) ?? '',
          bucket: c.outlook.bucket satisfies ReadinessBucket,
          monthsToReady: c.outlook.monthsToReady,
          blockingSkills: c.outlook.blockingSkills.map((b) => skillName.get(b.skillId) ?? b.skillId),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    });
  }
}
