import { Args, Context, Field, ID, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '../common/access.js';
import type { RequestContext } from '../graphql/request-context.js';
import { Person } from '../people/people.models.js';
import { AuditService, type AuditEventRow } from './audit.service.js';

@ObjectType({ description: "One recorded action: an admin change, or a read of someone else's private data." })
export class AuditEvent {
  @Field(() => ID) id: string;
  @Field() at: Date;
  @Field() action: string;
  @Field({ description: 'A sentence a person can read, such as "invited dan@example.com as employee".' }) summary: string;
  @Field(() => String, { nullable: true, description: 'Where the action came from (admins\' audit log only; always null in myDataAccess).' })
  ipAddress: string | null;
  @Field(() => String, { nullable: true, description: 'The browser it came from (admins\' audit log only; always null in myDataAccess).' })
  userAgent: string | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => [AuditEvent], { description: "The organisation's audit log, newest first (admins)." })
  @Access('admin')
  auditEvents(
    @Context() context: RequestContext,
    @Args('before', { type: () => Date, nullable: true }) before: Date | null,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ) {
    return this.audit.list(context.db, { before, limit });
  }

  @Query(() => [AuditEvent], { description: 'Who looked at my private data (assessments, plans) and when, newest first; not from where (no address or browser).' })
  @Access('signedIn')
  myDataAccess(@Context() context: RequestContext, @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number) {
    return this.audit.readsOf(context.db, context.session.personId, limit);
  }

  @ResolveField(() => Person, { nullable: true })
  actor(@Parent() event: AuditEventRow, @Context() context: RequestContext) {
    return event.actorPersonId ? context.loaders.people.person.load(event.actorPersonId) : null;
  }

  @ResolveField(() => Person, { nullable: true })
  subjectPerson(@Parent() event: AuditEventRow, @Context() context: RequestContext) {
    return event.subjectPersonId ? context.loaders.people.person.load(event.subjectPersonId) : null;
  }
}
