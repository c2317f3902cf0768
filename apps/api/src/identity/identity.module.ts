import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { identityResolvers } from './identity.resolvers.js';
import { IdentityService } from './identity.service.js';
import { Mailer } from './mailer.js';
import { SessionsService } from './sessions.service.js';

@Module({
  imports: [AuditModule, FrameworksModule, OrganisationsModule],
  providers: [IdentityService, SessionsService, Mailer, ...identityResolvers],
  exports: [SessionsService, IdentityService, Mailer],
})
export class IdentityModule {}
