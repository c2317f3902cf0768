import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { addPlanSuggestionsInputSchema } from '@trellis/domain';
import { InputSchema } from '../common/input-validation.js';
import { SkillBasisValue } from './plan-known.models.js';
import { PlanActionStatusValue, PlanActionTypeValue, PlanVersionInput } from './plans.models.js';

/** GraphQL types of focused plans: the focus, its suggestions, "later", check-in questions, coverage. */

@ObjectType({ description: 'Something the person may add to the plan for a focus skill ("Add to plan").' })
export class PlanSuggestion {
  @Field() id: string;
  @Field(() => PlanActionTypeValue) type: PlanActionTypeValue;
  @Field() title: string;
  @Field() description: string;
  @Field(() => [String]) skillKeys: string[];
  @Field(() => String, { nullable: true }) qualificationKey: string | null;
  @Field(() => ID, { nullable: true, description: 'The action made from it; null while not added.' }) actionId: string | null;
}

@ObjectType({ description: 'A known gap along the route to the target, ranked.' })
export class RankedGap {
  @Field() skillKey: string;
  @Field() skillName: string;
  @Field(() => Int) currentLevel: number;
  @Field(() => SkillBasisValue) basis: SkillBasisValue;
  @Field(() => Int, { description: 'The highest level the route expects.' }) targetLevel: number;
  @Field(() => Int) shortfall: number;
  @Field({ description: 'The next step of the route expects more than the known level.' }) blocking: boolean;
  @Field(() => Int) stepsNeeding: number;
  @Field(() => Int) totalSteps: number;
  @Field() reason: string;
}

@ObjectType({ description: 'A skill this revision of the plan focuses on, with one or two suggestions.' })
export class FocusSkill extends RankedGap {
  @Field(() => Int, { description: 'What this revision aims at: the next level up.' }) aimLevel: number;
  @Field(() => String, { nullable: true }) aimLevelName: string | null;
  @Field(() => String, { nullable: true }) aimDescriptor: string | null;
  @Field(() => [PlanSuggestion]) suggestions: PlanSuggestion[];
}

@ObjectType({ description: 'An expectation of the route nothing is known about: rate it to know whether it is a gap.' })
export class UnknownExpectation {
  @Field() skillKey: string;
  @Field() skillName: string;
  @Field(() => Int) requiredLevel: number;
}

@ObjectType()
export class CheckInQuestionAction {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => PlanActionStatusValue) status: PlanActionStatusValue;
}

@ObjectType({ description: 'What a check-in asks: one question per focus skill with its actions, then the other open actions.' })
export class CheckInQuestion {
  @Field(() => String, { nullable: true, description: 'null for the actions outside the focus.' }) skillKey: string | null;
  @Field() title: string;
  @Field() prompt: string;
  @Field(() => Int, { nullable: true }) aimLevel: number | null;
  @Field(() => [CheckInQuestionAction]) actions: CheckInQuestionAction[];
}

@InputType()
@InputSchema(addPlanSuggestionsInputSchema)
export class AddPlanSuggestionsInput extends PlanVersionInput {
  @Field(() => [String], { description: 'Ids of suggestions of the plan’s current revision (Plan.focus.suggestions).' }) suggestionIds: string[];
}
