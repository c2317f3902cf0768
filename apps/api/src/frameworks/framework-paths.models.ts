import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Qualification, Role, Skill, TransitionKindValue } from './framework.models.js';
import { skillLevelInputSchema } from '@trellis/domain';
import { InputSchema } from '../common/input-validation.js';

/**
 * GraphQL shapes of role comparison and career paths. `Role`, `Skill` and `Qualification` fields
 * carry the rows the service read, so their own field resolvers (track, expectations...) apply.
 */

export enum ProfileSourceValue {
  GIVEN = 'GIVEN',
  CURRENT_ROLE_EXPECTATIONS = 'CURRENT_ROLE_EXPECTATIONS',
  NONE = 'NONE',
}
registerEnumType(ProfileSourceValue, {
  name: 'ProfileSource',
  description: 'Where the skill levels a route or ranking was measured against came from.',
  valuesMap: {
    GIVEN: { description: 'The profile passed in the request.' },
    CURRENT_ROLE_EXPECTATIONS: {
      description: "No profile was given: the viewer is assumed to meet exactly their current role's expectations.",
    },
    NONE: { description: 'No profile was given and the viewer has no current role: every skill counts as level 0.' },
  },
});

export enum NoRouteReasonValue {
  NO_MOVES_OUT = 'no-moves-out',
  NO_MOVES_IN = 'no-moves-in',
  UNREACHABLE = 'unreachable',
}
registerEnumType(NoRouteReasonValue, {
  name: 'NoRouteReason',
  valuesMap: {
    NO_MOVES_OUT: { description: 'The starting role has no moves out of it.' },
    NO_MOVES_IN: { description: 'No move leads into the target role.' },
    UNREACHABLE: { description: 'Moves exist at both ends, but no chain of them joins the two roles.' },
  },
});

@InputType({ description: 'A level of one skill, as a person holds it.' })
@InputSchema(skillLevelInputSchema)
export class SkillLevelInput {
  @Field(() => ID) skillId: string;
  @Field(() => Int, { description: '0 (none) up to the top of the framework\'s scale.' }) level: number;
}

@ObjectType({ description: 'A skill whose expected level differs between two roles. Level 0 means "not expected".' })
export class SkillExpectationChange {
  @Field(() => Skill) skill: Skill;
  @Field(() => Int) fromLevel: number;
  @Field(() => Int) toLevel: number;
  @Field(() => Int, { description: 'toLevel − fromLevel: positive when the target role expects more.' }) difference: number;
  @Field(() => String, { nullable: true, description: 'The skill at fromLevel; null when the first role does not expect it.' })
  fromDescriptor: string | null;
  @Field(() => String, { nullable: true, description: 'The skill at toLevel; null when the second role does not expect it.' })
  toDescriptor: string | null;
}

@ObjectType({ description: 'What changes from one role to another of the same framework version.' })
export class RoleComparison {
  @Field(() => Role) from: Role;
  @Field(() => Role) to: Role;
  @Field(() => [SkillExpectationChange], { description: "Skills whose expectation differs, in the framework's skill order." })
  changes: SkillExpectationChange[];
}

@ObjectType({ description: 'A skill where a profile falls short of what a role expects.' })
export class SkillGap {
  @Field(() => Skill) skill: Skill;
  @Field(() => Int) requiredLevel: number;
  @Field(() => Int) currentLevel: number;
  @Field(() => Int, { description: 'requiredLevel − currentLevel, at least 1.' }) shortfall: number;
}

@ObjectType({ description: 'One move of a career route.' })
export class CareerRouteStep {
  @Field(() => Role) from: Role;
  @Field(() => Role) to: Role;
  @Field(() => TransitionKindValue) kind: TransitionKindValue;
  @Field(() => Int, { description: "The move's typical months (12 assumed when the framework gives none: see typicalMonthsAssumed)." }) typicalMonths: number;
  @Field({ description: 'true when the framework gives no typical months for this move and 12 were assumed.' }) typicalMonthsAssumed: boolean;
  @Field(() => String, { nullable: true }) guidance: string | null;
  @Field(() => [SkillGap], { description: 'Gaps against the target role, with the skills gained by the earlier steps.' })
  gaps: SkillGap[];
  @Field(() => Int, { description: 'The sum of the gaps\' shortfalls.' }) shortfall: number;
  @Field(() => [Qualification], { description: 'Qualifications the target role requires that the route has not gained yet.' })
  missingQualifications: Qualification[];
}

@ObjectType({
  description:
    'The cheapest route between two roles for a skill profile: each step is priced by its level shortfall plus ' +
    'its typical months (a year weighs as much as one level). Equal-cost routes: fewer steps, then role keys in order.',
})
export class CareerRoute {
  @Field(() => Role) from: Role;
  @Field(() => Role) to: Role;
  @Field({ description: 'False when no chain of moves leads from one role to the other (see reason).' }) found: boolean;
  @Field(() => NoRouteReasonValue, { nullable: true }) reason: NoRouteReasonValue | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why there is no route, in words; for a route that may not be the cheapest (optimal false), a note saying so.',
  })
  message: string | null;
  @Field({
    description:
      'True when no cheaper route exists (or there is no route). False when the search stopped at its budget of work on a ' +
      'very large framework: the route is the best found, and a cheaper one may exist.',
  })
  optimal: boolean;
  @Field(() => ProfileSourceValue) profileSource: ProfileSourceValue;
  @Field(() => [CareerRouteStep], { description: 'Empty when there is no route, or from a role to itself.' })
  steps: CareerRouteStep[];
  @Field(() => Int) totalMonths: number;
  @Field(() => Int) totalShortfall: number;
}

@ObjectType({ description: 'How close a profile is to a role.' })
export class RoleFit {
  @Field(() => Role) role: Role;
  @Field(() => Float, {
    nullable: true,
    description: 'How well the known profile fits the role, 0..1 (Σ min ÷ Σ max of level and expectation over what is known); null when nothing is known.',
  })
  fit: number | null;
  @Field(() => Int, { description: 'Expectations of the role that are rated.' }) ratedSkillCount: number;
  @Field(() => Int, { description: 'Unrated expectations assumed at the level the current role expects.' }) assumedSkillCount: number;
  @Field(() => Int, { description: 'Expectations neither rated nor assumed: left out of the fit.' }) unknownSkillCount: number;
  @Field({ description: 'The rank explained, e.g. "Fit 86%: 20 of 28 expectations met, short on 4 by 5 levels in all, 1 unknown."' }) explanation: string;
  @Field(() => Int, { description: 'Sum of level shortfalls over the role\'s expectations; 0 = the profile meets the role.' })
  shortfall: number;
  @Field(() => [SkillGap]) gaps: SkillGap[];
  @Field(() => Int) expectedSkillCount: number;
  @Field(() => Int) metSkillCount: number;
}

@ObjectType({ description: 'Roles of one framework version ranked by how well a profile fits them, on what is known of it.' })
export class ClosestRoles {
  @Field(() => ProfileSourceValue) profileSource: ProfileSourceValue;
  @Field(() => Role, { nullable: true, description: 'The current role unrated skills were assumed from; null when none (then they are unknown).' })
  assumedFrom: Role | null;
  @Field(() => [RoleFit]) roles: RoleFit[];
}
