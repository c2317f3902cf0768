import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { VersionMigrationModule } from '../frameworks/version-migration/version-migration.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { NotificationsService } from './notifications.service.js';
import { PlanRollups } from './plan-rollups.js';
import { PlanReviewJob } from './plan-review.job.js';
import { PlanVersionFollowers } from './plan-version.followers.js';
import { planResolvers } from './plans.resolvers.js';
import { PlansService } from './plans.service.js';

@Module({
  imports: [AuditModule, AssessmentsModule, FrameworksModule, IdentityModule, VersionMigrationModule],
  providers: [PlansService, PlanRollups, NotificationsService, PlanReviewJob, PlanVersionFollowers, ...planResolvers],
  exports: [PlansService, PlanRollups],
})
export class PlansModule {}
