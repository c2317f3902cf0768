import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { addPlanCommentInputSchema, signOffEvidenceInputSchema, withdrawSignOffInputSchema } from '@trellis/domain';
import { InputSchema } from '../common/input-validation.js';

@ObjectType({ description: 'A comment on a plan or one of its actions; replies carry their parent (threads at most 3 deep).' })
export class PlanComment {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field(() => ID, { nullable: true, description: 'The action it is about; null for the plan as a whole.' }) actionId: string | null;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => Int, { description: '0 for a comment, 1 for a reply, 2 for a reply to a reply.' }) depth: number;
  @Field(() => ID) authorId: string;
  @Field() authorName: string;
  @Field() body: string;
  @Field() createdAt: Date;
}

@ObjectType({ description: 'A mentor’s confirmation of an action’s evidence.' })
export class EvidenceSignOff {
  @Field(() => ID) byId: string;
  @Field() byName: string;
  @Field() at: Date;
  @Field() note: string;
}

@InputType()
@InputSchema(addPlanCommentInputSchema)
export class AddPlanCommentInput {
  @Field(() => ID) planId: string;
  @Field(() => ID, { nullable: true, description: 'The action it is about; null for the plan.' }) actionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'The comment this replies to.' }) parentId?: string | null;
  @Field() body: string;
}

@InputType()
@InputSchema(signOffEvidenceInputSchema)
export class SignOffEvidenceInput {
  @Field(() => ID) actionId: string;
  @Field(() => Int, { description: 'The plan version the sign-off was made from.' }) expectedPlanVersion: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
@InputSchema(withdrawSignOffInputSchema)
export class WithdrawSignOffInput {
  @Field(() => ID) actionId: string;
  @Field(() => Int) expectedPlanVersion: number;
}
