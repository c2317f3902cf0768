import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../common/access.js';
import type { RequestContext } from '../graphql/request-context.js';
import { Person } from '../people/people.models.js';
import { Assessment, PersonAssessments, RecordAssessmentInput } from './assessments.models.js';
import { AssessmentsService, type AssessmentRow } from './assessments.service.js';

export const actorOf = (context: RequestContext) => ({
  organisationId: context.organisationId,
  personId: context.session.personId,
  request: context.request,
});

@Resolver(() => Assessment)
export class AssessmentResolver {
  constructor(private readonly assessments: AssessmentsService) {}

  @Query(() => PersonAssessments, { description: 'My skill assessments and current profile.' })
  @Access('signedIn')
  myAssessments(@Context() context: RequestContext) {
    return this.assessments.list(actorOf(context), context.session.personId);
  }

  @Query(() => PersonAssessments, { description: "A report's (or someone who shares with me) assessments; the read is audited." })
  @Access('signedIn')
  assessmentsOf(@Args('personId', { type: () => ID }, ParseUUIDPipe) personId: string, @Context() context: RequestContext) {
    return this.assessments.list(actorOf(context), personId);
  }

  @Mutation(() => Assessment, { description: 'Rate one of my skills (a new dated rating; earlier ones stay).' })
  @Access('signedIn')
  recordAssessment(@Args('input') input: RecordAssessmentInput, @Context() context: RequestContext) {
    return this.assessments.record(actorOf(context), context.session.personId, 'self', input);
  }

  @Mutation(() => Assessment, { description: "Add a manager assessment of a report's skill." })
  @Access('signedIn')
  recordManagerAssessment(
    @Args('personId', { type: () => ID }, ParseUUIDPipe) personId: string,
    @Args('input') input: RecordAssessmentInput,
    @Context() context: RequestContext,
  ) {
    return this.assessments.record(actorOf(context), personId, 'manager', input);
  }

  @ResolveField(() => Person, { nullable: true })
  assessedBy(@Parent() assessment: AssessmentRow, @Context() context: RequestContext) {
    return context.loaders.people.person.load(assessment.assessedById);
  }
}

export const assessmentResolvers = [AssessmentResolver];
