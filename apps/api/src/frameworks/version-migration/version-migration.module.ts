import { Module } from '@nestjs/common';
import { ImpactProfiles } from './impact-profiles.js';
import { VersionFollowers } from './version-followers.js';

/**
 * The registries data owners plug into: import this module and register a VersionFollower (and, for
 * assessed profiles, an ImpactProfileSource) in `onModuleInit`.
 */
@Module({
  providers: [VersionFollowers, ImpactProfiles],
  exports: [VersionFollowers, ImpactProfiles],
})
export class VersionMigrationModule {}
