import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { remapColumn, VersionFollowers, type VersionFollower, type VersionMove } from '../frameworks/version-migration/version-followers.js';

/**
 * People's current roles follow a new framework version: a kept or renamed role moves to its
 * successor, a merged one to the role it was merged into, a removed one is cleared. Each moved
 * person's version goes up, so an edit started before the publication is refused as stale.
 */
@Injectable()
export class PeopleRoleFollower implements VersionFollower, OnModuleInit {
  readonly name = 'people.currentRole';
  readonly describe = "people's current roles";

  constructor(private readonly followers: VersionFollowers) {}

  onModuleInit(): void {
    this.followers.register(this, 0);
  }

  follow(manager: EntityManager, move: VersionMove) {
    return remapColumn(manager, { table: 'people', column: 'current_role_id', extraSet: 'version = t.version + 1' }, move.organisationId, move.roles);
  }
}
