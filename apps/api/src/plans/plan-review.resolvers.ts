import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { addPlanCommentInputSchema, signOffEvidenceInputSchema, withdrawSignOffInputSchema } from '@trellis/domain';
import { Access } from '../common/access.js';
import type { RequestContext } from '../graphql/request-context.js';
import { AddPlanCommentInput, EvidenceSignOff, PlanComment, SignOffEvidenceInput, WithdrawSignOffInput } from './plan-review.models.js';
import { PlanReviewService } from './plan-review.service.js';
import type { PlanActionRow } from './plan-rows.js';
import { Plan, PlanAction } from './plans.models.js';

const actorOf = (context: RequestContext) => ({ organisationId: context.organisationId, personId: context.session.personId, request: context.request });

/** Review on a plan: comments (threaded) and evidence sign-offs. The plan policy decides who (`comment`, `signOff`). */
@Resolver(() => PlanComment)
export class PlanReviewResolver {
  constructor(private readonly review: PlanReviewService) {}

  @Query(() => [PlanComment], { description: 'The comments on a plan and its actions, oldest first (for those who may comment on it; audited).' })
  @Access('signedIn')
  planComments(@Context() context: RequestContext, @Args('planId', { type: () => ID }, ParseUUIDPipe) planId: string) {
    return this.review.comments(actorOf(context), planId);
  }

  @Mutation(() => PlanComment, { description: 'Comment on a plan or one of its actions, or reply; the owner (and whoever is replied to) is told.' })
  @Access('signedIn')
  addPlanComment(@Context() context: RequestContext, @Args('input') input: AddPlanCommentInput) {
    return this.review.addComment(actorOf(context), addPlanCommentInputSchema.parse(input));
  }

  @Mutation(() => Plan, { description: 'Confirm a done action’s evidence (a mentor the evidence is shared with).' })
  @Access('signedIn')
  signOffActionEvidence(@Context() context: RequestContext, @Args('input') input: SignOffEvidenceInput) {
    return this.review.signOff(actorOf(context), signOffEvidenceInputSchema.parse({ ...input, note: input.note ?? '' }));
  }

  @Mutation(() => Plan, { description: 'Withdraw one’s own sign-off of an action’s evidence.' })
  @Access('signedIn')
  withdrawActionSignOff(@Context() context: RequestContext, @Args('input') input: WithdrawSignOffInput) {
    return this.review.withdrawSignOff(actorOf(context), withdrawSignOffInputSchema.parse(input));
  }
}

@Resolver(() => PlanAction)
export class PlanActionSignOffResolver {
  @ResolveField(() => EvidenceSignOff, { nullable: true, description: 'Who signed off its evidence and when (null when not, or when the evidence is not shared with the caller).' })
  signOff(@Parent() action: PlanActionRow) {
    return action.signOff ?? null;
  }
}

export const planReviewResolvers = [PlanReviewResolver, PlanActionSignOffResolver];
