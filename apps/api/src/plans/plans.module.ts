import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { VersionMigrationModule } from '../frameworks/version-migration/version-migration.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { NotificationsService } from './notifications.service.js';
import { PlanRollups } from './plan-rollups.js';
import { planFocusResolvers } from './plan-focus.resolvers.js';
import { PlanProposalsService } from './plan-proposals.service.js';
import { PlanReviewJob } from './plan-review.job.js';
import { PlanVersionFollowers } from './plan-version.followers.js';
import { planResolvers } from './plans.resolvers.js';
import { PlanActionsService } from './plan-actions.service.js';
import { PlanApproversService } from './plan-approvers.service.js';
import { PlanCheckInsService } from './plan-check-ins.service.js';
import { PlanDirectionService } from './plan-direction.service.js';
import { PlanLifecycleService } from './plan-lifecycle.service.js';
import { PlanNotifier } from './plan-notifier.js';
import { PlanReader } from './plan-reader.js';
import { planReviewResolvers } from './plan-review.resolvers.js';
import { PlanReviewService } from './plan-review.service.js';
import { PlanSharingService } from './plan-sharing.service.js';
import { PlanStore } from './plan-store.js';
import { VersionReader } from './version-reader.js';

@Module({
  imports: [AuditModule, AssessmentsModule, FrameworksModule, IdentityModule, VersionMigrationModule],
  providers: [
    VersionReader,
    PlanStore,
    PlanReader,
    PlanNotifier,
    PlanProposalsService,
    PlanLifecycleService,
    PlanActionsService,
    PlanCheckInsService,
    PlanDirectionService,
    PlanSharingService,
    PlanApproversService,
    PlanReviewService,
    NotificationsService,
    PlanReviewJob,
    PlanVersionFollowers,
    PlanRollups,
    ...planResolvers,
    ...planFocusResolvers,
    ...planReviewResolvers,
  ],
  // The demo seed (seed/demo-activity.seeder.ts) follows plans through the services people use.
  exports: [PlanReader, PlanRollups, PlanLifecycleService, PlanActionsService, PlanCheckInsService, PlanReviewService],
})
export class PlansModule {}
