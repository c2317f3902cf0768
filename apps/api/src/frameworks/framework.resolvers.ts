import { Args, Context, Float, ID, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
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
import { levelByPoints, skillProfileSchema, skillScales, type SkillScale as DomainSkillScale } from '@trellis/domain';
import { ArgSchemas } from '../common/input-validation.js';
import { badInput } from '../common/errors.js';
import { SkillLevelInput } from './framework-paths.models.js';
import {
  Expectation,
  Framework,
  FrameworkVersion,
  ImportWarning,
  PointsLevelResult,
  PointsLevellingRule,
  pointsLevellingView,
  ProficiencyLevel,
  Qualification,
  Role,
  RoleQualification,
  Skill,
  SkillCategory,
  SkillLevel,
  SkillScale,
  Track,
  TrackGroup,
  Transition,
} from './framework.models.js';

/** Loads a row that a foreign key guarantees; a miss means the data is corrupt, not absent. */
async function required<T>(promise: Promise<T | undefined>, what: string): Promise<T> {
  const row = await promise;
  if (!row) throw new Error(`Missing ${what}`);
  return row;
}

/** A skill's scale: its own named scale, its category's, else the version's proficiency scale. */
function scaleOf(version: FrameworkVersionEntity, skillScaleKey: string | null, categoryScaleKey: string | null): DomainSkillScale {
  const doc = {
    proficiencyScale: version.proficiencyScale,
    scales: version.scales,
    skillCategories: [{ key: 'c', name: 'c', ...(categoryScaleKey ? { scaleKey: categoryScaleKey } : {}) }],
    skills: [{ key: 's', name: 's', categoryKey: 'c', ...(skillScaleKey ? { scaleKey: skillScaleKey } : {}), levels: {} }],
  };
  return skillScales(doc).get('s')!;
}

function toSkillScale(scale: DomainSkillScale): SkillScale {
  return { key: scale.key, name: scale.name, levels: scale.levels.map((l) => ({ level: l.level, name: l.name, summary: l.summary ?? null })) };
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

  @ResolveField(() => [ImportWarning], { description: 'Only in the answer to createFramework from an import: what the import changed without being asked.' })
  importWarnings(@Parent() framework: FrameworkEntity & { importWarnings?: ImportWarning[] }): ImportWarning[] {
    return framework.importWarnings ?? [];
  }

  @Query(() => PointsLevelResult, {
    nullable: true,
    description:
      '"What level am I?": the level and titles a profile reaches by the points rule of the framework\'s published version; ' +
      'null when it has no rule (or no published version).',
  })
  @Access('signedIn')
  @ArgSchemas({ profile: skillProfileSchema })
  async pointsLevel(
    @Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string,
    @Args('profile', { type: () => [SkillLevelInput] }) profile: SkillLevelInput[],
    @Context() context: RequestContext,
  ): Promise<PointsLevelResult | null> {
    const loaders = context.loaders.frameworks;
    const versions = await loaders.versionsByFramework.load(frameworkId);
    const version = versions.find((candidate) => candidate.status === 'published');
    if (!version?.levelling) return null;
    const [skills, categories] = await Promise.all([loaders.skillsByVersion.load(version.id), loaders.skillCategoriesByVersion.load(version.id)]);
    const keyOf = new Map(skills.map((skill) => [skill.id, skill.key]));
    const levels: Record<string, number> = {};
    for (const entry of profile) {
      const key = keyOf.get(entry.skillId);
      if (key === undefined) throw badInput({ profile: 'Every skill must be a skill of this framework version.' });
      levels[key] = entry.level;
    }
    const result = levelByPoints(
      version.levelling,
      {
        proficiencyScale: version.proficiencyScale,
        scales: version.scales,
        skillCategories: categories.map((c) => ({ key: c.id, name: c.name, ...(c.scaleKey ? { scaleKey: c.scaleKey } : {}) })),
        skills: skills.map((s) => ({ key: s.key, name: s.name, categoryKey: s.categoryId, ...(s.scaleKey ? { scaleKey: s.scaleKey } : {}), levels: {} })),
      },
      levels,
    );
    const idOf = new Map(skills.map((skill) => [skill.key, skill.id]));
    return {
      points: result.points,
      level: result.level,
      subLevel: result.subLevel,
      nextSubLevel: result.nextSubLevel,
      next: result.next,
      titles: result.titles,
      unratedSkills: result.unratedSkillKeys.length,
      skills: result.skills.map((s) => ({ skillId: idOf.get(s.skillKey) ?? s.skillKey, level: s.level, points: s.points })),
    };
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

  @ResolveField(() => [SkillScale], { description: 'The named scales skills and categories use instead of the proficiency scale.' })
  scales(@Parent() version: FrameworkVersionEntity): SkillScale[] {
    return version.scales.map((scale) => toSkillScale({ key: scale.key, name: scale.name, levels: [...scale.levels].sort((a, b) => a.level - b.level), max: 0 }));
  }

  @ResolveField(() => [TrackGroup], { description: 'Groups (departments) of the tracks.' })
  trackGroups(@Parent() version: FrameworkVersionEntity): TrackGroup[] {
    return version.trackGroups.map((group) => ({ key: group.key, name: group.name, description: group.description ?? null }));
  }

  @ResolveField(() => PointsLevellingRule, { nullable: true, description: 'The points levelling rule, when the framework has one.' })
  levelling(@Parent() version: FrameworkVersionEntity): PointsLevellingRule | null {
    return version.levelling ? pointsLevellingView(version.levelling) : null;
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

  @ResolveField(() => SkillScale, { description: "The skill's scale (its own, its category's, else the framework's proficiency scale)." })
  async scale(@Parent() skill: SkillRow, @Context() context: RequestContext): Promise<SkillScale> {
    return toSkillScale(await this.scaleOfSkill(skill, context));
  }

  @ResolveField(() => [SkillLevel], { description: "Every level of the skill's scale with its descriptor; a level nobody described has hasDescriptor false." })
  async levels(@Parent() skill: SkillRow, @Context() context: RequestContext): Promise<SkillLevel[]> {
    const [scale, levels] = await Promise.all([this.scaleOfSkill(skill, context), context.loaders.frameworks.skillLevels.load(skill.id)]);
    return scale.levels.map((step) => {
      const descriptor = levels[String(step.level)];
      return {
        level: step.level,
        name: step.name,
        descriptor: descriptor?.summary ?? null,
        hasDescriptor: descriptor !== undefined,
        criteria: descriptor?.criteria ?? [],
        examples: descriptor?.examples ?? [],
      };
    });
  }

  private async scaleOfSkill(skill: SkillRow, context: RequestContext): Promise<DomainSkillScale> {
    const [version, category] = await Promise.all([
      required(context.loaders.frameworks.version.load(skill.frameworkVersionId), 'framework version'),
      required(context.loaders.frameworks.skillCategory.load(skill.categoryId), 'skill category'),
    ]);
    return scaleOf(version, skill.scaleKey, category.scaleKey);
  }
}

@Resolver(() => Track)
export class TrackResolver {
  @ResolveField(() => [Role], { description: "The track's roles, from the first rung up, roles shared with it from other tracks included." })
  async roles(@Parent() track: TrackEntity, @Context() context: RequestContext) {
    const loaders = context.loaders.frameworks;
    const [own, all] = await Promise.all([loaders.rolesByTrack.load(track.id), loaders.rolesByVersion.load(track.frameworkVersionId)]);
    const shared = all.filter((role) => role.trackId !== track.id && role.sharedWithTrackKeys.includes(track.key));
    if (shared.length === 0) return own;
    return [...own, ...shared].sort((a, b) => a.level - b.level || a.position - b.position);
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
  @ResolveField(() => String, { nullable: true, description: "The summary of the skill's descriptor at the expected level; null when that level has none (\"No descriptor\")." })
  descriptor(@Parent() expectation: ExpectationRow): string | null {
    return expectation.descriptor?.summary ?? null;
  }

  @ResolveField(() => [String], { description: "The criteria of the skill's descriptor at the expected level." })
  criteria(@Parent() expectation: ExpectationRow): string[] {
    return expectation.descriptor?.criteria ?? [];
  }

  @ResolveField(() => [String], { description: "The examples of the skill's descriptor at the expected level." })
  examples(@Parent() expectation: ExpectationRow): string[] {
    return expectation.descriptor?.examples ?? [];
  }

  @ResolveField(() => Float, { description: 'How much the skill counts for this role (1 unless the role weights it).' })
  weight(@Parent() expectation: ExpectationRow): number {
    return expectation.weight ?? 1;
  }

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
