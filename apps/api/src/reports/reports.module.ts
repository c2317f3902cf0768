import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { MentoringModule } from '../mentoring/mentoring.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { ReportRefreshJob } from './report-refresh.job.js';
import { ReportReader } from './report-reader.js';
import { ReportRefreshService } from './report-refresh.service.js';
import { ReportSettingsService } from './report-settings.service.js';
import { reportResolvers } from './reports.resolvers.js';
import { ReportsService } from './reports.service.js';

/** Leadership reports: rollup snapshots kept current by a job, read by lookup (see ARCHITECTURE.md, "Reports"). */
@Module({
  imports: [AuditModule, AssessmentsModule, PlansModule, MentoringModule, OrganisationsModule],
  providers: [ReportsService, ReportReader, ReportRefreshService, ReportSettingsService, ReportRefreshJob, ...reportResolvers],
  exports: [ReportRefreshService],
})
export class ReportsModule {}
