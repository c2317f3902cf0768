import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { VersionMigrationModule } from '../frameworks/version-migration/version-migration.module.js';
import { PeopleRoleFollower } from './people-role.follower.js';
import { peopleResolvers } from './people.resolvers.js';
import { PeopleService } from './people.service.js';
import { PeopleImportService } from './people-import.service.js';

@Module({
  imports: [AuditModule, IdentityModule, OrganisationsModule, VersionMigrationModule],
  providers: [PeopleService, PeopleImportService, PeopleRoleFollower, ...peopleResolvers],
  exports: [PeopleService],
})
export class PeopleModule {}
