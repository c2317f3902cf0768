import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { peopleResolvers } from './people.resolvers.js';
import { PeopleService } from './people.service.js';
import { PeopleImportService } from './people-import.service.js';

@Module({
  imports: [AuditModule, IdentityModule, OrganisationsModule],
  providers: [PeopleService, PeopleImportService, ...peopleResolvers],
  exports: [PeopleService],
})
export class PeopleModule {}
