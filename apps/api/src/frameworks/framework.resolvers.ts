import { Args, Context, ID, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import type { GraphQLResolveInfo } from 'graphql';
import { Access } from '../common/access.js';
import { selectsField } from '../common/selection.js';
import type { RequestContext } from '../graphql/request-context.js';
import { Person } from '../people/people.models.js';
import type { ExpectationRow, SkillRow } from './framework.loaders.js';
import {
  type FrameworkEntity,
  type FrameworkVersionEntity,
  type QualificationEntity,
  type RoleEntity,
  type RoleQualificationEntity,
  type SkillCategoryEntity,
  type TrackEntity,
  type TransitionEntity,
} from './framework.entities.js';
import {
  Expectation,
  Framework,
  FrameworkVersion,
  ProficiencyLevel,
  Qualification,
  Role,
  RoleQualification,
  Skill,
  SkillCategory,
  SkillLevel,
  Track,
  Transition,
} from './framework.models.js';

/** Loads a row that a foreign key guarantees; a miss means the data is corrupt, not absent. */
async function required<T>(promise: Promise<T | undefined>, what: string): Promise<T> {
  const row = await promise;
  if (!row) throw new Error(`Missing ${what}`);
  return row;
}

function scaleNames(version: FrameworkVersionEntity): Map<number, string> {
  return new Map(version.proficiencyScale.map((step) => [step.level, step.name]));
}

@Resolver(() => Framework)
export class FrameworkResolver {
  @Query(() => [Framework])
  @Access('signedIn')
  frameworks(@Context() context: RequestContext): Promise<FrameworkEntity[]> {
    return context.loaders.frameworks.organisationFrameworks();
  }

  @Query(() => Framework, { nullable: true })
  @Access('signedIn')
  async framework(
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Context() context: RequestContext,
  ): Promise<FrameworkEntity | undefined> {
    return context.loaders.frameworks.framework.load(id);
  }

  @ResolveField(() => [FrameworkVersion])
  versions(@Parent() framework: FrameworkEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.versionsByFramework.load(framework.id);
  }

  @ResolveField(() => FrameworkVersion, {
    nullable: true,
    description: 'The newest published version: the one people are measured against.',
  })
  async currentVersion(@Parent() framework: FrameworkEntity, @Context() context: RequestContext) {
    const versions = await context.loaders.frameworks.versionsByFramework.load(framework.id);
    return versions.find((version) => version.status === 'published') ?? null;
  }
}

@Resolver(() => FrameworkVersion)
export class FrameworkVersionResolver {
  @ResolveField(() => Framework)
  framework(@Parent() version: FrameworkVersionEntity, @Context() context: RequestContext) {
    return required(context.loaders.frameworks.framework.load(version.frameworkId), 'framework');
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who published it (none for seeded and imported versions).' })
  publishedBy(@Parent() version: FrameworkVersionEntity, @Context() context: RequestContext) {
    return version.publishedByPersonId ? context.loaders.people.person.load(version.publishedByPersonId) : null;
  }

  @ResolveField(() => [ProficiencyLevel])
  proficiencyScale(@Parent() version: FrameworkVersionEntity) {
    return [...version.proficiencyScale].sort((a, b) => a.level - b.level);
  }

  @ResolveField(() => [SkillCategory])
  skillCategories(@Parent() version: FrameworkVersionEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.skillCategoriesByVersion.load(version.id);
  }

  @ResolveField(() => [Skill])
  skills(@Parent() version: FrameworkVersionEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.skillsByVersion.load(version.id);
  }

  @ResolveField(() => [Track])
  tracks(@Parent() version: FrameworkVersionEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.tracksByVersion.load(version.id);
  }

  @ResolveField(() => [Role])
  roles(@Parent() version: FrameworkVersionEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.rolesByVersion.load(version.id);
  }

  @ResolveField(() => [Transition])
  transitions(@Parent() version: FrameworkVersionEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.transitionsByVersion.load(version.id);
  }

  @ResolveField(() => [Qualification])
  qualifications(@Parent() version: FrameworkVersionEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.qualificationsByVersion.load(version.id);
  }
}

@Resolver(() => SkillCategory)
export class SkillCategoryResolver {
  @ResolveField(() => [Skill])
  skills(@Parent() category: SkillCategoryEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.skillsByCategory.load(category.id);
  }
}

@Resolver(() => Skill)
export class SkillResolver {
  @ResolveField(() => SkillCategory)
  category(@Parent() skill: SkillRow, @Context() context: RequestContext) {
    return required(context.loaders.frameworks.skillCategory.load(skill.categoryId), 'skill category');
  }

  @ResolveField(() => [SkillLevel], { description: "One descriptor per level of the framework's proficiency scale." })
  async levels(@Parent() skill: SkillRow, @Context() context: RequestContext): Promise<SkillLevel[]> {
    const [version, levels] = await Promise.all([
      required(context.loaders.frameworks.version.load(skill.frameworkVersionId), 'framework version'),
      context.loaders.frameworks.skillLevels.load(skill.id),
    ]);
    const names = scaleNames(version);
    return Object.entries(levels)
      .map(([level, descriptor]) => ({ level: Number(level), name: names.get(Number(level)) ?? level, descriptor }))
      .sort((a, b) => a.level - b.level);
  }
}

@Resolver(() => Track)
export class TrackResolver {
  @ResolveField(() => [Role], { description: "The track's roles, from the first rung up." })
  roles(@Parent() track: TrackEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.rolesByTrack.load(track.id);
  }
}

@Resolver(() => Role)
export class RoleResolver {
  @Query(() => Role, { nullable: true })
  @Access('signedIn')
  role(
    @Args('id', { type: () => ID }, ParseUUIDPipe) id: string,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const loaders = context.loaders.frameworks;
    // Asked for, the role's expectations are read in the same round trip as the role (pipelined);
    // the expectations resolver then finds them in the loader. A failure surfaces there, not here.
    if (selectsField(info, 'expectations')) loaders.expectationsByRole.load(id).catch(() => undefined);
    return loaders.role.load(id);
  }

  @ResolveField(() => Track)
  track(@Parent() role: RoleEntity, @Context() context: RequestContext) {
    return required(context.loaders.frameworks.track.load(role.trackId), 'track');
  }

  @ResolveField(() => FrameworkVersion)
  frameworkVersion(@Parent() role: RoleEntity, @Context() context: RequestContext) {
    return required(context.loaders.frameworks.version.load(role.frameworkVersionId), 'framework version');
  }

  @ResolveField(() => [Expectation])
  expectations(@Parent() role: RoleEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.expectationsByRole.load(role.id);
  }

  @ResolveField(() => [Transition], { description: 'Moves out of this role.' })
  transitionsOut(@Parent() role: RoleEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.transitionsFromRole.load(role.id);
  }

  @ResolveField(() => [Transition], { description: 'Moves into this role.' })
  transitionsIn(@Parent() role: RoleEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.transitionsToRole.load(role.id);
  }

  @ResolveField(() => [RoleQualification])
  qualifications(@Parent() role: RoleEntity, @Context() context: RequestContext) {
    return context.loaders.frameworks.qualificationLinksByRole.load(role.id);
  }
}

@Resolver(() => Expectation)
export class ExpectationResolver {
  @ResolveField(() => Role)
  role(@Parent() expectation: ExpectationRow, @Context() context: RequestContext) {
    return required(context.loaders.frameworks.role.load(expectation.roleId), 'role');
  }
}

@Resolver(() => Transition)
export class TransitionResolver {
  @ResolveField(() => Role)
  from(@Parent() transition: TransitionEntity, @Context() context: RequestContext) {
    return required(context.loaders.frameworks.role.load(transition.fromRoleId), 'role');
  }

  @ResolveField(() => Role)
  to(@Parent() transition: TransitionEntity, @Context() context: RequestContext) {
    return required(context.loaders.frameworks.role.load(transition.toRoleId), 'role');
  }
}

@Resolver(() => Qualification)
export class QualificationResolver {
  @ResolveField(() => [Skill])
  async skills(@Parent() qualification: QualificationEntity, @Context() context: RequestContext) {
    const links = await context.loaders.frameworks.skillLinksByQualification.load(qualification.id);
    const skills = await context.loaders.frameworks.skill.loadMany(links.map((link) => link.skillId));
    return skills.filter((skill): skill is SkillRow => !!skill && !(skill instanceof Error));
  }
}

@Resolver(() => RoleQualification)
export class RoleQualificationResolver {
  @ResolveField(() => Qualification)
  qualification(@Parent() link: RoleQualificationEntity, @Context() context: RequestContext) {
    return required(context.loaders.frameworks.qualification.load(link.qualificationId), 'qualification');
  }
}

export const frameworkResolvers = [
  FrameworkResolver,
  FrameworkVersionResolver,
  SkillCategoryResolver,
  SkillResolver,
  TrackResolver,
  RoleResolver,
  ExpectationResolver,
  TransitionResolver,
  QualificationResolver,
  RoleQualificationResolver,
];
