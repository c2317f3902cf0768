import { Module, type OnModuleInit } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { NotificationsService } from '../plans/notifications.service.js';
import { registerMentorLookup } from '../plans/plan-policy.js';
import { PlansModule } from '../plans/plans.module.js';
import { VersionMigrationModule } from '../frameworks/version-migration/version-migration.module.js';
import { sharedScopeFor } from './mentoring-directory.js';
import { MentorMatchingService } from './mentor-matching.service.js';
import { MentorProfilesService } from './mentor-profiles.service.js';
import { MentoringFizzleJob } from './mentoring-fizzle.job.js';
import { MentoringFizzlingService } from './mentoring-fizzling.service.js';
import { MentoringRollups } from './mentoring-rollups.js';
import { MentoringNotificationsService } from './mentoring-notifications.service.js';
import { MentoringOversightResolver, MentorshipRhythmResolver } from './mentoring-oversight.resolvers.js';
import { MentoringOversightService } from './mentoring-oversight.service.js';
import { MentoringReviewsService } from './mentoring-reviews.service.js';
import { MentoringSettingsService } from './mentoring-settings.service.js';
import { MentoringVersionFollower } from './mentoring-version.follower.js';
import { MentorProfileResolver, MentorshipResolver } from './mentoring.resolvers.js';
import { MentorRatingsResolver } from './mentor-ratings.resolvers.js';
import { MentorshipsService } from './mentorships.service.js';
import { ProgrammeResolver } from './programmes.resolvers.js';
import { ProgrammesService } from './programmes.service.js';

export const mentoringResolvers = [MentorProfileResolver, MentorshipResolver, ProgrammeResolver, MentoringOversightResolver, MentorshipRhythmResolver, MentorRatingsResolver];

/**
 * Mentoring (issue 10): mentor profiles, finding a mentor, mentorships, sessions, comments, mentor
 * assessments, programmes and the matching board. Exports `MentorshipsService.sharedScopeFor`, the
 * seam through which the plans' PlanPolicy learns what a mentor may see of a mentee's plan.
 * Notifications are written through the plans module's NotificationsService (a stateless writer of
 * its table; PlansModule does not export it), provided here as MentoringNotificationsService: the
 * same in-app rows, plus an e-mail after commit for the kinds it lists when SMTP is configured.
 * Oversight: the organisation's settings, fizzling (and its hourly nudge job) and the admin page.
 * Exports MentoringRollups: what reports read of mentoring (coverage, mentor-rating calibration).
 */
@Module({
  imports: [AuditModule, AssessmentsModule, PlansModule, IdentityModule, OrganisationsModule, VersionMigrationModule],
  providers: [
    { provide: NotificationsService, useClass: MentoringNotificationsService },
    MentoringSettingsService,
    MentoringFizzlingService,
    MentoringFizzleJob,
    MentoringRollups,
    MentoringOversightService,
    MentoringVersionFollower,
    MentorProfilesService, MentorMatchingService, MentorshipsService, MentoringReviewsService, ProgrammesService, ...mentoringResolvers],
  exports: [MentorshipsService, MentoringRollups],
})
export class MentoringModule implements OnModuleInit {
  /** The plans' policy treats a viewer as the person's mentor while the person shares their plan in an open mentorship with them, with what else they share. */
  onModuleInit(): void {
    registerMentorLookup(async (manager, organisationId, personId, viewerId) => {
      const scope = await sharedScopeFor(manager, organisationId, viewerId, personId);
      return { plan: scope.plan, comments: scope.planComments, checkIns: scope.checkIns, evidence: scope.evidence };
    });
  }
}
