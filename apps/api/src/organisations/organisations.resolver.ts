import { Context, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../common/access.js';
import type { RequestContext } from '../graphql/request-context.js';
import { Organisation } from './organisation.model.js';
import { OrganisationsService } from './organisations.service.js';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly organisations: OrganisationsService) {}

  @Query(() => Organisation, { description: 'The organisation this request acts for.' })
  @Access('signedIn')
  currentOrganisation(@Context() context: RequestContext) {
    return this.organisations.findById(context.db, context.organisationId);
  }
}
