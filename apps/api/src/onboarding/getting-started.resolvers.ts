import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../common/access.js';
import type { RequestContext } from '../graphql/request-context.js';
import { GettingStarted } from './getting-started.models.js';
import { GettingStartedService } from './getting-started.service.js';

const actorOf = (context: RequestContext) => ({ organisationId: context.organisationId, personId: context.session.personId, request: context.request });

@Resolver()
export class GettingStartedResolver {
  constructor(private readonly checklist: GettingStartedService) {}

  @Query(() => GettingStarted, { description: "The admin's getting-started checklist, ticked from the organisation's data (admins)." })
  @Access('admin')
  gettingStarted(@Context() context: RequestContext) {
    return this.checklist.read(actorOf(context));
  }

  @Mutation(() => GettingStarted, { description: 'Puts the getting-started checklist away for this admin (dismissed: false brings it back).' })
  @Access('admin')
  dismissGettingStarted(@Args('dismissed', { type: () => Boolean, defaultValue: true }) dismissed: boolean, @Context() context: RequestContext) {
    return this.checklist.setDismissed(actorOf(context), dismissed);
  }
}

export const onboardingResolvers = [GettingStartedResolver];
