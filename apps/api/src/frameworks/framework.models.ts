import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

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

@ObjectType()
export class SkillCategory {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType({ description: 'What a skill looks like at one proficiency level.' })
export class SkillLevel {
  @Field(() => Int) level: number;
  @Field({ description: 'The name of the level on the framework\'s scale (for example Competent).' }) name: string;
  @Field() descriptor: string;
}

@ObjectType()
export class Skill {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType()
export class Track {
  @Field(() => ID) id: string;
  @Field() key: string;
  @Field() name: string;
  @Field(() => TrackKindValue) kind: TrackKindValue;
  @Field(() => String, { nullable: true }) description: string | null;
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
}

@ObjectType({ description: 'An expected proficiency: the level a role expects of one skill.' })
export class Expectation {
  @Field(() => ID) id: string;
  @Field(() => Int) level: number;
  @Field({ description: 'The descriptor of the skill at the expected level.' }) descriptor: string;
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
