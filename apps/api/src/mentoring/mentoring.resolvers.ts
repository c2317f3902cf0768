import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  availableMoves,
  DECLINE_REASON_WORDING,
  findMentorsInputSchema,
  logSessionInputSchema,
  toRelationshipMove,
  type DeclineReason,
} from '@trellis/domain';
import { PersonAssessments } from '../assessments/assessments.models.js';
import { Access } from '../common/access.js';
import { badInput } from '../common/errors.js';
import type { RequestContext } from '../graphql/request-context.js';
import { Person } from '../people/people.models.js';
import { MentorMatchingService } from './mentor-matching.service.js';
import { MentorProfilesService } from './mentor-profiles.service.js';
import { MentoringReviewsService } from './mentoring-reviews.service.js';
import { partOf, type MentoringActor, type MentorshipRow } from './mentoring-store.js';
import {
  AddMentorAssessmentInput,
  AnswerNextStepInput,
  AddMentoringCommentInput,
  FindMentorsInput,
  LogMentoringSessionInput,
  MentorAssessment,
  MentoringComment,
  MentoringSession,
  MentorProfile,
  MentorSearch,
  Mentorship,
  MoveMentorshipInput,
  OfferedSkillSuggestion,
  PairMentorInput,
  RequestMentorInput,
  SaveMentorProfileInput,
  SetMentorshipSharingInput,
} from './mentoring.models.js';
import { MentorshipsService } from './mentorships.service.js';

export const mentoringActor = (context: RequestContext): MentoringActor => ({
  organisationId: context.organisationId,
  personId: context.session.personId,
  accessRole: context.session.accessRole,
  request: context.request,
});

@Resolver(() => MentorProfile)
export class MentorProfileResolver {
  constructor(
    private readonly profiles: MentorProfilesService,
    private readonly matching: MentorMatchingService,
  ) {}

  @Query(() => MentorProfile, { nullable: true, description: 'My offer to mentor (null until I make one).' })
  @Access('signedIn')
  myMentorProfile(@Context() context: RequestContext) {
    return this.profiles.myProfile(mentoringActor(context));
  }

  @Query(() => [OfferedSkillSuggestion], { description: 'Skills I could offer, from my own assessments (4 or above, manager-confirmed first).' })
  @Access('signedIn')
  mentorSkillSuggestions(@Context() context: RequestContext) {
    return this.profiles.suggestions(mentoringActor(context));
  }

  @Mutation(() => MentorProfile, { description: 'Offer to mentor, or change (or pause) my offer.' })
  @Access('signedIn')
  saveMentorProfile(@Args('input') input: SaveMentorProfileInput, @Context() context: RequestContext) {
    return this.profiles.save(mentoringActor(context), input as never);
  }

  @Query(() => MentorSearch, { description: 'Mentors for my plan’s gap skills (or the skills I choose), ranked and explained.' })
  @Access('signedIn')
  findMentors(@Args('input', { type: () => FindMentorsInput, nullable: true }) input: FindMentorsInput | null, @Context() context: RequestContext) {
    return this.matching.findMentors(mentoringActor(context), findMentorsInputSchema.parse(input ?? {}));
  }
}

@Resolver(() => Mentorship)
export class MentorshipResolver {
  constructor(
    private readonly mentorships: MentorshipsService,
    private readonly reviews: MentoringReviewsService,
  ) {}

  @Query(() => [Mentorship], { description: 'My mentorships as mentee and as mentor, ended ones included.' })
  @Access('signedIn')
  myMentorships(@Context() context: RequestContext) {
    return this.mentorships.mine(mentoringActor(context));
  }

  @Query(() => Mentorship, { description: 'One mentorship (its mentee, its mentor or a coordinator).' })
  @Access('signedIn')
  mentorship(@Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @Context() context: RequestContext) {
    return this.mentorships.get(mentoringActor(context), id);
  }

  @Mutation(() => Mentorship, { description: 'Ask a mentor, with a message and the skills to focus on.' })
  @Access('signedIn')
  requestMentor(@Args('input') input: RequestMentorInput, @Context() context: RequestContext) {
    return this.mentorships.request(mentoringActor(context), input as never);
  }

  @Mutation(() => Mentorship, { description: 'Pair a mentee with a mentor directly (admins); it starts active.' })
  @Access('admin')
  pairMentor(@Args('input') input: PairMentorInput, @Context() context: RequestContext) {
    return this.mentorships.pair(mentoringActor(context), input as never);
  }

  @Mutation(() => Mentorship, { description: 'Accept, decline, withdraw, pause, resume or end a mentorship.' })
  @Access('signedIn')
  moveMentorship(@Args('input') input: MoveMentorshipInput, @Context() context: RequestContext) {
    const move = toRelationshipMove(input as never);
    if (!move.ok) throw badInput(move.fields);
    return this.mentorships.move(mentoringActor(context), input.mentorshipId, input.expectedVersion, move.move);
  }

  @Mutation(() => Mentorship, { description: 'Choose what this mentor sees (mentee only); takes effect at once.' })
  @Access('signedIn')
  setMentorshipSharing(@Args('input') input: SetMentorshipSharingInput, @Context() context: RequestContext) {
    return this.mentorships.setSharing(mentoringActor(context), input);
  }

  @Mutation(() => MentoringSession, { description: 'Log a session (either side); private notes are only mine.' })
  @Access('signedIn')
  logMentoringSession(@Args('input') input: LogMentoringSessionInput, @Context() context: RequestContext) {
    const parsed = logSessionInputSchema.parse(input);
    return this.reviews.logSession(mentoringActor(context), parsed.mentorshipId, parsed);
  }

  @Mutation(() => MentoringSession, { description: 'Accept a session’s next step into my plan, or decline it (the mentee).' })
  @Access('signedIn')
  answerNextStep(@Args('input') input: AnswerNextStepInput, @Context() context: RequestContext) {
    return this.reviews.answerNextStep(mentoringActor(context), { ...input, answer: input.answer as 'accept' | 'decline' });
  }

  @Mutation(() => MentoringComment, { description: 'Comment (or reply) in a mentorship.' })
  @Access('signedIn')
  addMentoringComment(@Args('input') input: AddMentoringCommentInput, @Context() context: RequestContext) {
    return this.reviews.addComment(mentoringActor(context), { parentId: null, planActionId: null, ...input });
  }

  @Mutation(() => MentorAssessment, { description: 'The mentor rates one of the focus skills (a third source beside self and manager).' })
  @Access('signedIn')
  addMentorAssessment(@Args('input') input: AddMentorAssessmentInput, @Context() context: RequestContext) {
    return this.reviews.addMentorAssessment(mentoringActor(context), { note: '', ...input });
  }

  @ResolveField(() => Person, { nullable: true })
  mentee(@Parent() row: MentorshipRow, @Context() context: RequestContext) {
    return context.loaders.people.person.load(row.menteeId);
  }

  @ResolveField(() => Person, { nullable: true })
  mentor(@Parent() row: MentorshipRow, @Context() context: RequestContext) {
    return context.loaders.people.person.load(row.mentorId);
  }

  @ResolveField(() => String, { description: 'mentee, mentor or other (a coordinator)' })
  myPart(@Parent() row: MentorshipRow, @Context() context: RequestContext) {
    return partOf(row, context.session.personId);
  }

  @ResolveField(() => [String], { description: 'The moves I can make now.' })
  availableMoves(@Parent() row: MentorshipRow, @Context() context: RequestContext) {
    const part = partOf(row, context.session.personId);
    return availableMoves(row.status, part === 'other' ? 'coordinator' : part);
  }

  @ResolveField(() => String, { nullable: true, description: 'Why a request was declined, kindly worded (what the mentee reads).' })
  declineMessage(@Parent() row: MentorshipRow) {
    if (!row.declineReason) return null;
    return row.declineReason === 'other' ? row.moveNote : DECLINE_REASON_WORDING[row.declineReason as Exclude<DeclineReason, 'other'>];
  }

  @ResolveField(() => [MentoringSession])
  sessions(@Parent() row: MentorshipRow, @Context() context: RequestContext) {
    return this.reviews.sessions(mentoringActor(context), row.id);
  }

  @ResolveField(() => [MentoringComment], { description: 'Threads: each comment after its parent.' })
  comments(@Parent() row: MentorshipRow, @Context() context: RequestContext) {
    return this.reviews.comments(mentoringActor(context), row.id);
  }

  @ResolveField(() => [MentorAssessment])
  mentorAssessments(@Parent() row: MentorshipRow, @Context() context: RequestContext) {
    return this.reviews.mentorAssessments(mentoringActor(context), row.id);
  }

  @ResolveField(() => PersonAssessments, { nullable: true, description: 'The mentee’s assessments when they share them with this mentor (null otherwise); the mentor’s read is audited.' })
  sharedAssessments(@Parent() row: MentorshipRow, @Context() context: RequestContext) {
    return this.reviews.sharedAssessments(mentoringActor(context), row.id);
  }
}
