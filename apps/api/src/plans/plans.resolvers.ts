import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { PlanTransition } from '@trellis/domain';
import { Access } from '../common/access.js';
import type { RequestContext } from '../graphql/request-context.js';
import { Role } from '../frameworks/framework.models.js';
import { Person } from '../people/people.models.js';
import { NotificationsService } from './notifications.service.js';
import {
  AddPlanActionInput,
  ChangePlanDirectionInput,
  CreatePlanInput,
  Notification,
  Plan,
  PlanVersionInput,
  Readiness,
  RecordCheckInInput,
  RemovePlanActionInput,
  SendBackPlanInput,
  SetReviewRhythmInput,
  TeamPlan,
  UpdatePlanActionInput,
} from './plans.models.js';
import { PlansService, type PlanDetailRow, type TeamPlanRow } from './plans.service.js';

const actorOf = (context: RequestContext) => ({
  organisationId: context.organisationId,
  personId: context.session.personId,
  request: context.request,
});

@Resolver(() => Plan)
export class PlanResolver {
  constructor(private readonly plans: PlansService) {}

  @Query(() => Plan, { nullable: true, description: 'My current development plan (the open one, else the latest).' })
  @Access('signedIn')
  myPlan(@Context() context: RequestContext) {
    return this.plans.planOf(actorOf(context), context.session.personId);
  }

  @Query(() => Plan, { nullable: true, description: "A report's (or someone who shares with me) current plan; the read is audited." })
  @Access('signedIn')
  planOf(@Args('personId', { type: () => ID }, ParseUUIDPipe) personId: string, @Context() context: RequestContext) {
    return this.plans.planOf(actorOf(context), personId);
  }

  @Query(() => Readiness, { description: 'How ready a person (me, a report, or someone who shares with me) is for a role.' })
  @Access('signedIn')
  readiness(
    @Args('personId', { type: () => ID }, ParseUUIDPipe) personId: string,
    @Args('roleId', { type: () => ID }, ParseUUIDPipe) roleId: string,
    @Context() context: RequestContext,
  ) {
    return this.plans.readinessFor(actorOf(context), personId, roleId);
  }

  @Query(() => [TeamPlan], { description: "My reports' plans: status, readiness, overdue reviews, waiting for agreement." })
  @Access('signedIn')
  teamPlans(@Context() context: RequestContext) {
    return this.plans.teamPlans(actorOf(context));
  }

  @Query(() => [Person], { description: 'Who beyond my manager may see my plan and assessments.' })
  @Access('signedIn')
  async mySharing(@Context() context: RequestContext) {
    return context.loaders.people.person.loadMany(await this.plans.sharedWithOf(actorOf(context)));
  }

  @Mutation(() => Plan, { description: 'Start a draft plan towards a target role, with actions suggested from my gaps.' })
  @Access('signedIn')
  createPlanFromTarget(@Args('input') input: CreatePlanInput, @Context() context: RequestContext) {
    return this.plans.createFromTarget(actorOf(context), { targetRoleId: input.targetRoleId, reviewRhythmWeeks: input.reviewRhythmWeeks ?? 8, timeZone: input.timeZone ?? 'UTC' });
  }

  @Mutation(() => Plan, { description: 'Record progress on an action (or its due date, type and skills while a draft).' })
  @Access('signedIn')
  updatePlanAction(@Args('input') input: UpdatePlanActionInput, @Context() context: RequestContext) {
    return this.plans.updateAction(actorOf(context), input);
  }

  @Mutation(() => Plan, { description: 'Add an action of my own to my draft plan.' })
  @Access('signedIn')
  addPlanAction(@Args('input') input: AddPlanActionInput, @Context() context: RequestContext) {
    return this.plans.addAction(actorOf(context), { ...input, description: input.description ?? null, skillKeys: input.skillKeys ?? [], dueOn: input.dueOn ?? null });
  }

  @Mutation(() => Plan, { description: 'Remove an action from my draft plan.' })
  @Access('signedIn')
  removePlanAction(@Args('input') input: RemovePlanActionInput, @Context() context: RequestContext) {
    return this.plans.removeAction(actorOf(context), input);
  }

  @Mutation(() => Plan, { description: 'How often my plan is reviewed; the next review date follows from the last review (or the agreement).' })
  @Access('signedIn')
  setPlanReviewRhythm(@Args('input') input: SetReviewRhythmInput, @Context() context: RequestContext) {
    return this.plans.setReviewRhythm(actorOf(context), input);
  }

  @Mutation(() => Plan, { description: 'Propose my draft plan to my manager.' })
  @Access('signedIn')
  proposePlan(@Args('input') input: PlanVersionInput, @Context() context: RequestContext) {
    return this.move(context, input, 'propose');
  }

  @Mutation(() => Plan, { description: 'Take my proposal back to draft.' })
  @Access('signedIn')
  withdrawPlan(@Args('input') input: PlanVersionInput, @Context() context: RequestContext) {
    return this.move(context, input, 'withdraw');
  }

  @Mutation(() => Plan, { description: "Agree a report's proposed plan." })
  @Access('signedIn')
  agreePlan(@Args('input') input: PlanVersionInput, @Context() context: RequestContext) {
    return this.move(context, input, 'agree');
  }

  @Mutation(() => Plan, { description: "Send a report's proposed plan back to draft with a comment." })
  @Access('signedIn')
  sendBackPlan(@Args('input') input: SendBackPlanInput, @Context() context: RequestContext) {
    return this.plans.transition(actorOf(context), input.planId, input.expectedVersion, 'send-back', input.comment);
  }

  @Mutation(() => Plan, { description: 'Start an agreed plan (a first check-in also starts it).' })
  @Access('signedIn')
  startPlan(@Args('input') input: PlanVersionInput, @Context() context: RequestContext) {
    return this.move(context, input, 'start');
  }

  @Mutation(() => Plan, { description: 'Mark my active plan completed.' })
  @Access('signedIn')
  completePlan(@Args('input') input: PlanVersionInput, @Context() context: RequestContext) {
    return this.move(context, input, 'complete');
  }

  @Mutation(() => Plan, { description: 'Abandon my plan (it stays readable).' })
  @Access('signedIn')
  abandonPlan(@Args('input') input: PlanVersionInput, @Context() context: RequestContext) {
    return this.move(context, input, 'abandon');
  }

  @Mutation(() => Plan, { description: 'Record a check-in: a reflection and progress on each action.' })
  @Access('signedIn')
  recordCheckIn(@Args('input') input: RecordCheckInInput, @Context() context: RequestContext) {
    return this.plans.recordCheckIn(actorOf(context), { ...input, progress: input.progress ?? [], focus: input.focus ?? [] });
  }

  @Mutation(() => Plan, { description: 'A new revision: a new target role, a re-baseline, or another reason. Back to draft.' })
  @Access('signedIn')
  changePlanDirection(@Args('input') input: ChangePlanDirectionInput, @Context() context: RequestContext) {
    return this.plans.changeDirection(actorOf(context), { ...input, reason: input.reason as 'new-target-role' });
  }

  @Mutation(() => [Person], { description: 'Let someone beyond my manager see my plan and assessments (or stop).' })
  @Access('signedIn')
  async sharePlan(
    @Args('viewerId', { type: () => ID }, ParseUUIDPipe) viewerId: string,
    @Args('shared', { type: () => Boolean }) shared: boolean,
    @Context() context: RequestContext,
  ) {
    return context.loaders.people.person.loadMany(await this.plans.share(actorOf(context), viewerId, shared));
  }

  private move(context: RequestContext, input: PlanVersionInput, action: PlanTransition) {
    return this.plans.transition(actorOf(context), input.planId, input.expectedVersion, action);
  }

  @ResolveField(() => Person)
  person(@Parent() plan: PlanDetailRow, @Context() context: RequestContext) {
    return context.loaders.people.person.load(plan.personId);
  }

  @ResolveField(() => Role)
  targetRole(@Parent() plan: PlanDetailRow, @Context() context: RequestContext) {
    return context.loaders.frameworks.role.load(plan.targetRoleId);
  }
}

@Resolver(() => TeamPlan)
export class TeamPlanResolver {
  @ResolveField(() => Person)
  person(@Parent() row: TeamPlanRow, @Context() context: RequestContext) {
    return context.loaders.people.person.load(row.personId);
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @Query(() => [Notification], { description: 'My in-app notifications, newest first.' })
  @Access('signedIn')
  myNotifications(@Context() context: RequestContext) {
    return this.notifications.list(context.db, context.session.personId);
  }

  @Mutation(() => Boolean, { description: 'Mark one of my notifications read.' })
  @Access('signedIn')
  markNotificationRead(@Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @Context() context: RequestContext) {
    return this.notifications.markRead(actorOf(context), id);
  }
}

export const planResolvers = [PlanResolver, TeamPlanResolver, NotificationResolver];
