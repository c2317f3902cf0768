import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { NotificationsService } from './notifications.service.js';
import { PlanReviewJob } from './plan-review.job.js';
import { planResolvers } from './plans.resolvers.js';
import { PlansService } from './plans.service.js';

@Module({
  imports: [AuditModule, AssessmentsModule, FrameworksModule, IdentityModule],
  providers: [PlansService, NotificationsService, PlanReviewJob, ...planResolvers],
  exports: [PlansService],
})
export class PlansModule {}
