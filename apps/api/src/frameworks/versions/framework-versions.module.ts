import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module.js';
import { FrameworksModule } from '../frameworks.module.js';
import { VersionMigrationModule } from '../version-migration/version-migration.module.js';
import { frameworkVersionResolvers } from './framework-versions.resolvers.js';
import { FrameworkVersionsService } from './framework-versions.service.js';

/** Version history: diffs, the publish preview, publishing with migration, exports and the expectations grid import. */
@Module({
  imports: [AuditModule, FrameworksModule, VersionMigrationModule],
  providers: [FrameworkVersionsService, ...frameworkVersionResolvers],
})
export class FrameworkVersionsModule {}
