import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../common/access.js';
import type { RequestContext } from '../graphql/request-context.js';
import { CareerRoute, ClosestRoles, RoleComparison, SkillLevelInput } from './framework-paths.models.js';
import { FrameworkPathsService } from './framework-paths.service.js';
import { skillProfileSchema } from '@trellis/domain';
import { ArgSchemas } from '../common/input-validation.js';

const PROFILE_DESCRIPTION =
  "The person's skill levels. Omitted: the viewer's current role's expectations (see profileSource).";

@Resolver()
export class FrameworkPathsResolver {
  constructor(private readonly paths: FrameworkPathsService) {}

  @Query(() => RoleComparison, { description: 'What changes from one role to another of the same framework version.' })
  @Access('signedIn')
  roleComparison(
    @Args('fromRoleId', { type: () => ID }, ParseUUIDPipe) fromRoleId: string,
    @Args('toRoleId', { type: () => ID }, ParseUUIDPipe) toRoleId: string,
    @Context() context: RequestContext,
  ) {
    return this.paths.compareRoles(context, fromRoleId, toRoleId);
  }

  @Query(() => CareerRoute, { description: 'The cheapest route of moves from one role to another for a skill profile.' })
  @Access('signedIn')
  @ArgSchemas({ profile: skillProfileSchema })
  careerRoute(
    @Args('fromRoleId', { type: () => ID }, ParseUUIDPipe) fromRoleId: string,
    @Args('toRoleId', { type: () => ID }, ParseUUIDPipe) toRoleId: string,
    @Args('profile', { type: () => [SkillLevelInput], nullable: true, description: PROFILE_DESCRIPTION }) profile: SkillLevelInput[] | null,
    @Context() context: RequestContext,
  ) {
    return this.paths.careerRoute(context, fromRoleId, toRoleId, profile);
  }

  @Query(() => ClosestRoles, {
    description:
      'Roles of a framework version ranked by fit to a profile, on what is known of it (unrated skills of the current role ' +
      'assumed at its level, others unknown). Give the version, or a role: ' +
      'then its version, leaving that role out.',
  })
  @Access('signedIn')
  @ArgSchemas({ profile: skillProfileSchema })
  closestRoles(
    @Args('frameworkVersionId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) frameworkVersionId: string | null,
    @Args('roleId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) roleId: string | null,
    @Args('profile', { type: () => [SkillLevelInput], nullable: true, description: PROFILE_DESCRIPTION }) profile: SkillLevelInput[] | null,
    @Args('limit', { type: () => Int, defaultValue: 5 }) limit: number,
    @Args('currentRoleId', {
      type: () => ID,
      nullable: true,
      description: "The person's current role (its unrated skills are assumed at its level). Omitted: the viewer's own, when it is of this version.",
    }, new ParseUUIDPipe({ optional: true }))
    currentRoleId: string | null,
    @Context() context: RequestContext,
  ) {
    return this.paths.closestRoles(context, { frameworkVersionId, roleId }, profile, limit, currentRoleId);
  }
}

export const frameworkPathsResolvers = [FrameworkPathsResolver];
