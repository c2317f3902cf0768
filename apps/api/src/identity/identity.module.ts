import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { FrameworksModule } from '../frameworks/frameworks.module.js';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { ADDRESS_LIMITS_PREFIX, AddressLimits } from './address-limits.js';
import { BulkInvitationsService } from './bulk-invitations.service.js';
import { identityResolvers } from './identity.resolvers.js';
import { IdentityService } from './identity.service.js';
import { Mailer } from './mailer.js';
import { PasswordGuard } from './password-guard.js';
import { PasswordResetsService } from './password-resets.service.js';
import { SessionsService } from './sessions.service.js';
import { SignUpService } from './sign-up.service.js';
import { SsoController } from './sso.controller.js';
import { SsoService } from './sso.service.js';

/** Rate-limit keys are per database: the processes of one deployment share counts, test databases do not. */
const addressLimitsPrefix = {
  provide: ADDRESS_LIMITS_PREFIX,
  inject: [getDataSourceToken()],
  useFactory: (dataSource: DataSource) => {
    const { url, database } = dataSource.options as { url?: string; database?: string };
    return `trellis:${(url ? new URL(url).pathname.slice(1) : database) || 'trellis'}`;
  },
};

@Module({
  imports: [AuditModule, FrameworksModule, OrganisationsModule],
  providers: [
    IdentityService,
    BulkInvitationsService,
    SignUpService,
    PasswordResetsService,
    PasswordGuard,
    AddressLimits,
    addressLimitsPrefix,
    SessionsService,
    Mailer,
    SsoService,
    ...identityResolvers,
  ],
  controllers: [SsoController],
  exports: [SessionsService, IdentityService, Mailer],
})
export class IdentityModule {}
