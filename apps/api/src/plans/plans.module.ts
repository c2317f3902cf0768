import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { VersionMigrationModule } from '../frameworks/version-migration/version-migration.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { NotificationsService } from './notifications.service.js';
import { planFocusResolvers } from './plan-focus.resolvers.js';
import { PlanProposalsService } from './plan-proposals.service.js';
import { PlanReviewJob } from './plan-review.job.js';
import { PlanVersionFollowers } from './plan-version.followers.js';
import { planResolvers } from './plans.resolvers.js';
import { PlansService } from './plans.service.js';

@Module({
  imports: [AuditModule, AssessmentsModule, FrameworksModule, IdentityModule, VersionMigrationModule],
  providers: [PlansService, NotificationsService, PlanReviewJob, PlanVersionFollowers, PlanProposalsService, ...planResolvers, ...planFocusResolvers],
  exports: [PlansService, PlanProposalsService],
})
export class PlansModule {}
