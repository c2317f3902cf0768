import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { programmeInputSchema, programmeParticipantSchema } from '@trellis/domain';
import { Access } from '../common/access.js';
import type { RequestContext } from '../graphql/request-context.js';
import { mentoringActor } from './mentoring.resolvers.js';
import { CreateProgrammeInput, MatchingBoard, MentoringProgramme, Mentorship, ProgrammeParticipantInput, PublishProgrammePairsInput } from './mentoring.models.js';
import { ProgrammesService } from './programmes.service.js';

@Resolver(() => MentoringProgramme)
export class ProgrammeResolver {
  constructor(private readonly programmes: ProgrammesService) {}

  @Query(() => [MentoringProgramme], { description: 'The organisation’s mentoring programmes.' })
  @Access('signedIn')
  mentoringProgrammes(@Context() context: RequestContext) {
    return this.programmes.list(mentoringActor(context));
  }

  @Mutation(() => MentoringProgramme, { description: 'Create a mentoring programme (admins).' })
  @Access('admin')
  createMentoringProgramme(@Args('input') input: CreateProgrammeInput, @Context() context: RequestContext) {
    return this.programmes.create(mentoringActor(context), programmeInputSchema.parse(input));
  }

  @Mutation(() => MentoringProgramme, { description: 'Join a programme (myself, where it lets me), or add someone (its lead or an admin).' })
  @Access('signedIn')
  joinMentoringProgramme(@Args('input') input: ProgrammeParticipantInput, @Context() context: RequestContext) {
    return this.programmes.setParticipant(mentoringActor(context), programmeParticipantSchema.parse(input), true);
  }

  @Mutation(() => MentoringProgramme, { description: 'Leave a programme, or remove someone (its lead or an admin).' })
  @Access('signedIn')
  leaveMentoringProgramme(@Args('input') input: ProgrammeParticipantInput, @Context() context: RequestContext) {
    return this.programmes.setParticipant(mentoringActor(context), programmeParticipantSchema.parse(input), false);
  }

  @Query(() => MatchingBoard, { description: 'The matching board: the best overall assignment (its lead or an admin).' })
  @Access('signedIn')
  matchingBoard(@Args('programmeId', { type: () => ID }, ParseUUIDPipe) programmeId: string, @Context() context: RequestContext) {
    return this.programmes.board(mentoringActor(context), programmeId);
  }

  @Mutation(() => [Mentorship], { description: 'Publish chosen pairs of the board: each starts as an active mentorship.' })
  @Access('signedIn')
  publishProgrammePairs(@Args('input') input: PublishProgrammePairsInput, @Context() context: RequestContext) {
    return this.programmes.publish(mentoringActor(context), input);
  }
}
