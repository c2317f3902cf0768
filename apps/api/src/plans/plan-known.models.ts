import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { checkInFocusInputSchema } from '@trellis/domain';
import { InputSchema } from '../common/input-validation.js';

/** GraphQL types for what is known of a profile (coverage, basis) and check-ins' answers about the focus. */

export enum SkillBasisValue {
  RATED = 'rated',
  ASSUMED = 'assumed',
  UNKNOWN = 'unknown',
}
registerEnumType(SkillBasisValue, { name: 'SkillBasis', description: 'How a level is known: rated, assumed from the current role, or unknown (not counted).' });

export enum FocusProgressValue {
  NOT_STARTED = 'not-started',
  SOME_PROGRESS = 'some-progress',
  GOOD_PROGRESS = 'good-progress',
  AIM_REACHED = 'aim-reached',
}
registerEnumType(FocusProgressValue, { name: 'FocusProgress' });

@ObjectType({ description: 'How much of a figure rests on ratings: expectations rated, assumed from the current role, and unknown (not counted).' })
export class ProfileCoverage {
  @Field(() => Int) expected: number;
  @Field(() => Int) rated: number;
  @Field(() => Int) assumed: number;
  @Field(() => Int) unknown: number;
  @Field(() => Int, { description: 'rated + assumed.' }) known: number;
  @Field(() => Float, { description: 'rated ÷ expected.' }) share: number;
}

@ObjectType({ description: 'How a focus skill went at a check-in.' })
export class CheckInFocusAnswer {
  @Field() skillKey: string;
  @Field(() => FocusProgressValue) progress: FocusProgressValue;
  @Field(() => String, { nullable: true }) note: string | null;
}

@InputType()
@InputSchema(checkInFocusInputSchema)
export class CheckInFocusInput {
  @Field() skillKey: string;
  @Field(() => FocusProgressValue) progress: FocusProgressValue;
  @Field(() => String, { nullable: true }) note?: string | null;
}

