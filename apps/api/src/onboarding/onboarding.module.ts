import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { GettingStartedResolver } from './getting-started.resolvers.js';
import { GettingStartedService } from './getting-started.service.js';

/** Getting an organisation going: the admin's getting-started checklist. */
@Module({
  imports: [AuditModule],
  providers: [GettingStartedService, GettingStartedResolver],
})
export class OnboardingModule {}
