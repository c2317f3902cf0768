import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { PointsLevelling } from '@trellis/domain';

/**
 * GraphQL shapes of a framework. Resolvers return the TypeORM entities; the fields below that
 * are not plain columns are resolved by the field resolvers in framework.resolvers.ts.
 */

export enum FrameworkVersionStatusValue {
  DRAFT = 'draft',
  PUBLISHED = 'published',
  ARCHIVED = 'archived',
}
registerEnumType(FrameworkVersionStatusValue, { name: 'FrameworkVersionStatus' });

export enum TrackKindValue {
  CORE = 'core',
  SPECIALIST = 'specialist',
  LATERAL = 'lateral',
}
registerEnumType(TrackKindValue, { name: 'TrackKind' });

export enum TransitionKindValue {
  PROMOTION = 'promotion',
  LATERAL = 'lateral',
}
registerEnumType(TransitionKindValue, { name: 'TransitionKind' });

export enum QualificationRequirementValue {
  REQUIRED = 'required',
  RECOMMENDED = 'recommended',
}
registerEnumType(QualificationRequirementValue, { name: 'QualificationRequirement' });

@ObjectType({ description: "An organisation's career framework: a family of versions of one ladder." })
export class Framework {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType({ description: 'Something an import changed without being asked (a field dropped, a name trimmed, a key renamed), named.' })
export class ImportWarning {
  @Field({ description: 'Where in the document, e.g. skills[3].name.' }) path: string;
  @Field({ description: 'The part, named: Skill "Planning".' }) where: string;
  @Field() message: string;
}

@ObjectType({ description: 'One version of a framework: a draft, or an immutable published/archived snapshot.' })
export class FrameworkVersion {
  @Field(() => ID) id: string;
  @Field(() => Int) number: number;
  @Field(() => FrameworkVersionStatusValue) status: FrameworkVersionStatusValue;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
}

@ObjectType({ description: "One step of a framework's proficiency scale." })
export class ProficiencyLevel {
  @Field(() => Int) level: number;
  @Field() name: string;
  @Field() summary: string;
}

@ObjectType({ description: 'One level of a scale.' })
export class ScaleLevel {
  @Field(() => Int) level: number;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'What the level means in general, when the scale says.' }) summary: string | null;
}

@ObjectType({ description: "A skill's scale: a named scale of the framework (1 to 7 levels), or its proficiency scale." })
export class SkillScale {
  @Field(() => String, { nullable: true, description: "The named scale's key; null for the framework's proficiency scale." }) key: string | null;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => [ScaleLevel]) levels: ScaleLevel[];
}

@ObjectType()
export class SkillCategory {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true, description: "The key of the category's scale; null: the proficiency scale." }) scaleKey: string | null;
}

@ObjectType({ description: "What a skill looks like at one level of its scale; a level nobody described has no descriptor (shown as such, never invented)." })
export class SkillLevel {
  @Field(() => Int) level: number;
  @Field({ description: "The name of the level on the skill's scale (for example Practitioner)." }) name: string;
  @Field(() => String, { nullable: true, description: 'The summary (Markdown); null when the level has none.' }) descriptor: string | null;
  @Field({ description: 'false: nobody described this level ("No descriptor").' }) hasDescriptor: boolean;
  @Field(() => [String], { description: 'What someone at this level does (Markdown), one criterion each.' }) criteria: string[];
  @Field(() => [String], { description: 'Examples of work at this level (Markdown).' }) examples: string[];
}

@ObjectType()
export class Skill {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType({ description: 'A group of tracks (a department).' })
export class TrackGroup {
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType({ description: "A sub-level within a level (Monzo's A–E), from the fewest points it needs." })
export class PointsSubLevel {
  @Field() name: string;
  @Field(() => Int) minPoints: number;
}

@ObjectType({ description: 'A level of a points levelling rule, from the fewest points it needs.' })
export class PointsLevel {
  @Field(() => Int) minPoints: number;
  @Field() name: string;
  @Field(() => [PointsSubLevel], { description: 'Its sub-levels in order; empty when it has none.' }) subLevels: PointsSubLevel[];
}

@ObjectType({ description: 'A title held over a range of points (inclusive; ranges may overlap).' })
export class PointsTitle {
  @Field() title: string;
  @Field(() => Int) minPoints: number;
  @Field(() => Int, { nullable: true }) maxPoints: number | null;
}

@ObjectType()
export class ScaleLevelPoints {
  @Field(() => Int) level: number;
  @Field(() => Int) points: number;
}

@ObjectType({ description: "A skill's own points per level, replacing the rule's pointsByLevel for that skill." })
export class SkillLevelPoints {
  @Field() skillKey: string;
  @Field(() => [ScaleLevelPoints]) points: ScaleLevelPoints[];
}

@ObjectType({ description: "A framework's points levelling rule: points per skill level, total points to a level, titles by range." })
export class PointsLevellingRule {
  @Field(() => [ScaleLevelPoints], { description: 'Points earned for reaching each level of a skill (cumulative).' }) pointsByLevel: ScaleLevelPoints[];
  @Field(() => [SkillLevelPoints], { description: 'Skills with points of their own, in the order the rule lists them.' }) skillPoints: SkillLevelPoints[];
  @Field(() => [PointsLevel]) levels: PointsLevel[];
  @Field(() => [PointsTitle]) titles: PointsTitle[];
}

@ObjectType({ description: 'The next level of a points rule and the points still needed to reach it.' })
export class NextPointsLevel {
  @Field() level: string;
  @Field(() => Int) pointsNeeded: number;
}

@ObjectType({ description: 'The next sub-level within the same level and the points still needed to reach it.' })
export class NextPointsSubLevel {
  @Field() name: string;
  @Field(() => Int) pointsNeeded: number;
}

@ObjectType({ description: 'The points one rated skill earns by the points rule.' })
export class SkillPointsModel {
  @Field(() => ID) skillId: string;
  @Field(() => Int, { description: 'The level counted (capped to the skill\'s scale).' }) level: number;
  @Field(() => Int) points: number;
}

@ObjectType({ description: '"What level am I?" by the framework\'s points rule, from a profile.' })
export class PointsLevelResult {
  @Field(() => Int) points: number;
  @Field() level: string;
  @Field(() => String, { nullable: true, description: 'The sub-level within the level ("C"); null when the level has none.' }) subLevel: string | null;
  @Field(() => NextPointsSubLevel, { nullable: true, description: "The next sub-level within the level; null at the level's last or without sub-levels." })
  nextSubLevel: NextPointsSubLevel | null;
  @Field(() => NextPointsLevel, { nullable: true, description: 'null at the top.' }) next: NextPointsLevel | null;
  @Field(() => [String], { description: 'Every title whose point range holds the points.' }) titles: string[];
  @Field(() => Int, { description: 'Skills the profile does not rate: counted as 0 points, so the level may be understated.' }) unratedSkills: number;
  @Field(() => [SkillPointsModel], { description: 'The points of each rated skill, in the framework\'s skill order.' }) skills: SkillPointsModel[];
}

@ObjectType()
export class Track {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field(() => TrackKindValue) kind: TrackKindValue;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true, description: "The key of the track's group (see FrameworkVersion.trackGroups)." }) groupKey: string | null;
}

@ObjectType({ description: 'A rung of a track: a job with a level and what it expects of each skill.' })
export class Role {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() title: string;
  @Field(() => Int) level: number;
  @Field(() => Int, { nullable: true }) band: number | null;
  @Field() summary: string;
  @Field(() => [String]) responsibilities: string[];
  @Field(() => [String], { description: 'Keys of the other tracks this role is a rung of too.' }) sharedWithTrackKeys: string[];
}

@ObjectType({ description: 'An expected proficiency: the level a role expects of one skill, and on what terms.' })
export class Expectation {
  @Field(() => ID) id: string;
  @Field(() => Int) level: number;
  @Field({ description: 'Listed but not counted: never a gap that blocks, not in readiness.' }) optional: boolean;
  @Field(() => String, { nullable: true, description: 'What this role in particular does at that level (Markdown).' }) statement: string | null;
  @Field(() => Skill) skill: Skill;
}

@ObjectType({ description: 'A move between two roles: a promotion within a track or a lateral move across tracks.' })
export class Transition {
  @Field(() => ID) id: string;
  @Field(() => TransitionKindValue) kind: TransitionKindValue;
  @Field(() => Int, { nullable: true, description: 'Typical time in the earlier role before the move, in months.' })
  typicalMonths: number | null;
  @Field(() => String, { nullable: true }) guidance: string | null;
}

@ObjectType({ description: 'A certification or course (PMP, PRINCE2...) that evidences skills.' })
export class Qualification {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field() provider: string;
  @Field(() => String, { nullable: true }) url: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'How long the qualification stays valid, in months; null when it does not expire.',
  })
  validityMonths: number | null;
}

@ObjectType({ description: 'A qualification a role requires or recommends.' })
export class RoleQualification {
  @Field(() => QualificationRequirementValue) requirement: QualificationRequirementValue;
}

/** A points rule as GraphQL serves it: records become lists sorted by level. */
export function pointsLevellingView(rule: PointsLevelling): PointsLevellingRule {
  const byLevel = (table: Record<string, number>) => Object.entries(table).map(([level, points]) => ({ level: Number(level), points })).sort((a, b) => a.level - b.level);
  return {
    pointsByLevel: byLevel(rule.pointsByLevel),
    skillPoints: Object.entries(rule.skillPoints ?? {}).map(([skillKey, table]) => ({ skillKey, points: byLevel(table) })),
    levels: rule.levels.map((l) => ({ minPoints: l.minPoints, name: l.name, subLevels: l.subLevels ?? [] })),
    titles: rule.titles.map((t) => ({ title: t.title, minPoints: t.minPoints, maxPoints: t.maxPoints ?? null })),
  };
}
