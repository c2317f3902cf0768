import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { PlanTransition } from '@trellis/domain';
import { Access } from '../common/access.js';
import type { RequestContext } from '../graphql/request-context.js';
import { Role } from '../frameworks/framework.models.js';
import { Person } from '../people/people.models.js';
import { NotificationsService, type LiveNotification } from './notifications.service.js';
import { notificationTopic } from '../live/live-events.js';
import { whileSessionLive, type LiveSession } from '../live/live-session.js';
import { Team } from '../people/people.models.js';
import {
  AddPlanActionInput,
  NamedPlanApprover,
  NamePlanApproverInput,
  PlanApprover,
  SharedPlan,
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
import { PlanActionsService } from './plan-actions.service.js';
import { PlanApproversService, type PlanApproverRow } from './plan-approvers.service.js';
import { PlanCheckInsService } from './plan-check-ins.service.js';
import { PlanDirectionService } from './plan-direction.service.js';
import { PlanLifecycleService } from './plan-lifecycle.service.js';
import { PlanReader, type SharedPlanRow } from './plan-reader.js';
import type { PlanDetailRow, TeamPlanRow } from './plan-rows.js';
import { PlanSharingService } from './plan-sharing.service.js';

const actorOf = (context: RequestContext) => ({
  organisationId: context.organisationId,
  personId: context.session.personId,
  request: context.request,
});

@Resolver(() => Plan)
export class PlanResolver {
  constructor(
    private readonly reader: PlanReader,
    private readonly lifecycle: PlanLifecycleService,
    private readonly actions: PlanActionsService,
    private readonly checkIns: PlanCheckInsService,
    private readonly direction: PlanDirectionService,
    private readonly sharing: PlanSharingService,
  ) {}

  @Query(() => Plan, { nullable: true, description: 'My current development plan (the open one, else the latest).' })
  @Access('signedIn')
  myPlan(@Context() context: RequestContext) {
    return this.reader.planOf(actorOf(context), context.session.personId);
  }

  @Query(() => Plan, { nullable: true, description: "A report's (or someone who shares with me) current plan; the read is audited." })
  @Access('signedIn')
  planOf(@Args('personId', { type: () => ID }, ParseUUIDPipe) personId: string, @Context() context: RequestContext) {
    return this.reader.planOf(actorOf(context), personId);
  }

  @Query(() => Readiness, { description: 'How ready a person (me, a report, or someone who shares with me) is for a role.' })
  @Access('signedIn')
  readiness(
    @Args('personId', { type: () => ID }, ParseUUIDPipe) personId: string,
    @Args('roleId', { type: () => ID }, ParseUUIDPipe) roleId: string,
    @Context() context: RequestContext,
  ) {
    return this.reader.readinessFor(actorOf(context), personId, roleId);
  }

  @Query(() => [TeamPlan], { description: "My reports' plans: status, readiness, overdue reviews, waiting for agreement." })
  @Access('signedIn')
  teamPlans(@Context() context: RequestContext) {
    return this.reader.teamPlans(actorOf(context));
  }

  @Query(() => [Person], { description: 'Who beyond my manager may see my plan and assessments.' })
  @Access('signedIn')
  async mySharing(@Context() context: RequestContext) {
    return context.loaders.people.person.loadMany(await this.sharing.sharedWithOf(actorOf(context)));
  }

  @Query(() => [SharedPlan], { description: 'Plans people shared with me (read only), latest share first; each read is audited.' })
  @Access('signedIn')
  plansSharedWithMe(@Context() context: RequestContext) {
    return this.reader.sharedWithMe(actorOf(context));
  }

  @Query(() => PlanApprover, { description: 'Who will agree my plan (my manager, an approver an admin named, my skip-level), or that nobody can yet.' })
  @Access('signedIn')
  myPlanApprover(@Context() context: RequestContext) {
    return this.reader.myApprover(actorOf(context));
  }

  @Mutation(() => Plan, { description: 'Start a draft plan towards a target role, with actions suggested from my gaps.' })
  @Access('signedIn')
  createPlanFromTarget(@Args('input') input: CreatePlanInput, @Context() context: RequestContext) {
    return this.lifecycle.createFromTarget(actorOf(context), { targetRoleId: input.targetRoleId, reviewRhythmWeeks: input.reviewRhythmWeeks ?? 8, timeZone: input.timeZone ?? 'UTC' });
  }

  @Mutation(() => Plan, { description: 'Record progress on an action (or its due date, type and skills while a draft).' })
  @Access('signedIn')
  updatePlanAction(@Args('input') input: UpdatePlanActionInput, @Context() context: RequestContext) {
    return this.actions.updateAction(actorOf(context), input);
  }

  @Mutation(() => Plan, { description: 'Add an action of my own to my draft plan.' })
  @Access('signedIn')
  addPlanAction(@Args('input') input: AddPlanActionInput, @Context() context: RequestContext) {
    return this.actions.addAction(actorOf(context), { ...input, description: input.description ?? null, skillKeys: input.skillKeys ?? [], dueOn: input.dueOn ?? null });
  }

  @Mutation(() => Plan, { description: 'Remove an action from my draft plan.' })
  @Access('signedIn')
  removePlanAction(@Args('input') input: RemovePlanActionInput, @Context() context: RequestContext) {
    return this.actions.removeAction(actorOf(context), input);
  }

  @Mutation(() => Plan, { description: 'How often my plan is reviewed; the next review date follows from the last review (or the agreement).' })
  @Access('signedIn')
  setPlanReviewRhythm(@Args('input') input: SetReviewRhythmInput, @Context() context: RequestContext) {
    return this.lifecycle.setReviewRhythm(actorOf(context), input);
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
    return this.lifecycle.transition(actorOf(context), input.planId, input.expectedVersion, 'send-back', input.comment);
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
    return this.checkIns.recordCheckIn(actorOf(context), { ...input, progress: input.progress ?? [], focus: input.focus ?? [] });
  }

  @Mutation(() => Plan, { description: 'A new revision: a new target role, a re-baseline, or another reason. Back to draft.' })
  @Access('signedIn')
  changePlanDirection(@Args('input') input: ChangePlanDirectionInput, @Context() context: RequestContext) {
    return this.direction.changeDirection(actorOf(context), { ...input, reason: input.reason as 'new-target-role' });
  }

  @Mutation(() => [Person], { description: 'Let someone beyond my manager see my plan and assessments (or stop).' })
  @Access('signedIn')
  async sharePlan(
    @Args('viewerId', { type: () => ID }, ParseUUIDPipe) viewerId: string,
    @Args('shared', { type: () => Boolean }) shared: boolean,
    @Context() context: RequestContext,
  ) {
    return context.loaders.people.person.loadMany(await this.sharing.share(actorOf(context), viewerId, shared));
  }

  private move(context: RequestContext, input: PlanVersionInput, action: PlanTransition) {
    return this.lifecycle.transition(actorOf(context), input.planId, input.expectedVersion, action);
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

@Resolver(() => SharedPlan)
export class SharedPlanResolver {
  @ResolveField(() => Person, { description: 'Who shared their plan with me.' })
  person(@Parent() row: SharedPlanRow, @Context() context: RequestContext) {
    return context.loaders.people.person.load(row.personId);
  }
}

@Resolver(() => NamedPlanApprover)
export class NamedPlanApproverResolver {
  constructor(private readonly approvers: PlanApproversService) {}

  @Query(() => [NamedPlanApprover], { description: 'Approvers named to agree the plans of people without an active manager (admins).' })
  @Access('admin')
  planApprovers(@Context() context: RequestContext) {
    return this.approvers.list(actorOf(context));
  }

  @Mutation(() => [NamedPlanApprover], { description: 'Name who agrees the plans of people without an active manager, for a team or the organisation (admins; replaces the previous one).' })
  @Access('admin')
  namePlanApprover(@Args('input') input: NamePlanApproverInput, @Context() context: RequestContext) {
    return this.approvers.name(actorOf(context), { teamId: input.teamId ?? null, personId: input.personId });
  }

  @Mutation(() => [NamedPlanApprover], { description: 'Stop naming an approver for a team (or, with no team, for the organisation) (admins).' })
  @Access('admin')
  removePlanApprover(@Args('teamId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) teamId: string | null | undefined, @Context() context: RequestContext) {
    return this.approvers.remove(actorOf(context), teamId ?? null);
  }

  @ResolveField(() => Person)
  person(@Parent() row: PlanApproverRow, @Context() context: RequestContext) {
    return context.loaders.people.person.load(row.personId);
  }

  @ResolveField(() => Team, { nullable: true })
  team(@Parent() row: PlanApproverRow, @Context() context: RequestContext) {
    return row.teamId ? context.loaders.people.team(row.teamId) : null;
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

  @Subscription(() => Notification, {
    description: 'My notifications as they are added (over graphql-ws); only ever the signed-in person’s own.',
    resolve: (payload: LiveNotification): Notification => ({ ...payload, createdAt: new Date(payload.createdAt), readAt: null }),
  })
  @Access('signedIn')
  async notificationAdded(@Context() context: RequestContext & { pubsub: { subscribe(topic: string): Promise<AsyncIterable<unknown>> }; liveSession?: LiveSession }) {
    // The topic is the connection's own person in its own organisation: no argument can name another.
    const events = await context.pubsub.subscribe(notificationTopic(context.session.organisationId, context.session.personId));
    // Nothing reaches a connection whose session was revoked since it opened.
    return whileSessionLive(events, context.liveSession);
  }
}

export const planResolvers = [PlanResolver, TeamPlanResolver, SharedPlanResolver, NamedPlanApproverResolver, NotificationResolver];
