import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../common/access.js';
import type { RequestContext } from '../graphql/request-context.js';
import { reportCsv } from './report-csv.js';
import { ReportSettingsService } from './report-settings.service.js';
import {
  CalibrationReportModel,
  ParticipationReportModel,
  ReportFilterInput,
  ReportKindValue,
  ReportOverview,
  ReportReadiness,
  ReportRefresh,
  ReportSettings,
  ReportSettingsInput,
  ReportTrend,
  SkillGapsReport,
  SkillHeatmap,
  SuccessionReportModel,
} from './reports.models.js';
import { ReportsService, type ReportActor } from './reports.service.js';

const actorOf = (context: RequestContext): ReportActor => ({
  organisationId: context.organisationId,
  personId: context.session.personId,
  accessRole: context.session.accessRole,
  request: context.request,
  db: context.db,
});

const filterOf = (input: ReportFilterInput | null | undefined) => input ?? {};

/**
 * Leadership reports. The `leadership` rule lets managers through to the resolver; the service then
 * refuses every organisation-wide figure to anyone but the Leadership and Admin access roles.
 */
@Resolver()
export class ReportsResolver {
  constructor(
    private readonly reports: ReportsService,
    private readonly settings: ReportSettingsService,
  ) {}

  @Query(() => ReportOverview, { description: 'The report snapshots there are, the filters and the drill trail (audited).' })
  @Access('leadership')
  reportOverview(@Args('input', { type: () => ReportFilterInput, nullable: true }) input: ReportFilterInput | null, @Context() context: RequestContext) {
    return this.reports.overview(actorOf(context), filterOf(input));
  }

  @Query(() => SkillHeatmap, { description: 'Teams × skills: people assessed, average level, share meeting their role (audited).' })
  @Access('leadership')
  skillHeatmap(@Args('input', { type: () => ReportFilterInput, nullable: true }) input: ReportFilterInput | null, @Context() context: RequestContext) {
    return this.reports.heatmap(actorOf(context), filterOf(input));
  }

  @Query(() => SkillGapsReport, { description: 'Gaps against expectations by team and role, coverage risk, required vs actual (audited).' })
  @Access('leadership')
  skillGaps(@Args('input', { type: () => ReportFilterInput, nullable: true }) input: ReportFilterInput | null, @Context() context: RequestContext) {
    return this.reports.gaps(actorOf(context), filterOf(input));
  }

  @Query(() => SuccessionReportModel, { description: 'Per target role: candidates ready now, within 6 and 12 months, and what blocks them (audited).' })
  @Access('leadership')
  successionReport(@Args('input', { type: () => ReportFilterInput, nullable: true }) input: ReportFilterInput | null, @Context() context: RequestContext) {
    return this.reports.succession(actorOf(context), filterOf(input));
  }

  @Query(() => CalibrationReportModel, { description: 'Manager vs self, mentor vs self and mentor vs manager ratings per skill and team, and assessors far from the others (audited).' })
  @Access('leadership')
  calibrationReport(@Args('input', { type: () => ReportFilterInput, nullable: true }) input: ReportFilterInput | null, @Context() context: RequestContext) {
    return this.reports.calibration(actorOf(context), filterOf(input));
  }

  @Query(() => ParticipationReportModel, { description: 'Plan participation and health, mentoring coverage, and training demand (audited).' })
  @Access('leadership')
  participationReport(@Args('input', { type: () => ReportFilterInput, nullable: true }) input: ReportFilterInput | null, @Context() context: RequestContext) {
    return this.reports.participation(actorOf(context), filterOf(input));
  }

  @Query(() => ReportTrend, { description: "The organisation's headline figures per month end of the last 12, then now (audited)." })
  @Access('leadership')
  reportTrend(@Context() context: RequestContext) {
    return this.reports.trend(actorOf(context));
  }

  @Query(() => String, { description: 'A report as CSV text (suppressed figures as "<k"; audited like the report).' })
  @Access('leadership')
  reportCsv(
    @Args('kind', { type: () => ReportKindValue }) kind: ReportKindValue,
    @Args('input', { type: () => ReportFilterInput, nullable: true }) input: ReportFilterInput | null,
    @Context() context: RequestContext,
  ) {
    return reportCsv(this.reports, actorOf(context), kind, filterOf(input));
  }

  @Query(() => [ReportReadiness], { description: "My direct reports' readiness for their plans' target roles, by name (each read audited)." })
  @Access('signedIn')
  myReportsReadiness(@Context() context: RequestContext) {
    return this.settings.myReportsReadiness(actorOf(context));
  }

  @Query(() => ReportSettings, { description: "The organisation's report settings (admins)." })
  @Access('admin')
  reportSettings(@Context() context: RequestContext) {
    return this.settings.settings(context.organisationId);
  }

  @Mutation(() => ReportSettings, { description: 'Set k, the smallest group a report figure may describe (at least 3; admins; audited).' })
  @Access('admin')
  updateReportSettings(@Args('input') input: ReportSettingsInput, @Context() context: RequestContext) {
    return this.settings.update(actorOf(context), input);
  }

  @Mutation(() => ReportRefresh, { description: "Rebuild the organisation's current report snapshot now (admins)." })
  @Access('admin')
  refreshReports(@Context() context: RequestContext) {
    return this.settings.refreshNow(context.organisationId);
  }
}

export const reportResolvers = [ReportsResolver];
