import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Where the impact preview learns what people can do and where they are heading.
 *
 * Without a source the preview counts people per role only. The module that owns assessed skill
 * levels and target roles (development plans: `PlanVersionFollowers`) registers the
 * {@link ImpactProfileSource}; the preview then also counts who falls below each role's
 * expectations, today and under the draft, and who is aiming at each role.
 */

/** One person's assessed levels and target role, against the published version being replaced. */
export interface PersonImpactProfile {
  personId: string;
  /** A role id of the published version, or null. */
  targetRoleId: string | null;
  /** Assessed level per skill id of the published version; null when not assessed. */
  levels: Record<string, number> | null;
}

export interface ImpactProfileSource {
  name: string;
  /** Profiles of the organisation's active people, for the roles and skills of `versionId`. */
  profiles(manager: EntityManager, organisationId: string, versionId: string): Promise<PersonImpactProfile[]>;
}

@Injectable()
export class ImpactProfiles {
  private source: ImpactProfileSource | null = null;

  /** Only one source: profiles are owned by one module. */
  register(source: ImpactProfileSource): void {
    if (this.source) throw new Error(`An impact profile source is already registered ("${this.source.name}")`);
    this.source = source;
  }

  /** Profiles by person id; empty when no source is registered (people are then counted per role only). */
  async profiles(manager: EntityManager, organisationId: string, versionId: string): Promise<Map<string, PersonImpactProfile>> {
    if (!this.source) return new Map();
    const profiles = await this.source.profiles(manager, organisationId, versionId);
    return new Map(profiles.map((profile) => [profile.personId, profile]));
  }
}
