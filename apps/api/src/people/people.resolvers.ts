import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { teamPaths } from '@trellis/domain';
import { Access } from '../common/access.js';
import { notSignedIn } from '../common/errors.js';
import type { PublicContext, RequestContext } from '../graphql/request-context.js';
import { Role } from '../frameworks/framework.models.js';
import { Organisation } from '../organisations/organisation.model.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { AccessRoleValue, PeopleImportPreview, PeopleImportResult, Person, Team, UpdatePersonInput, Viewer } from './people.models.js';
import { PeopleImportService } from './people-import.service.js';
import type { PersonRow, TeamRow } from './people.loaders.js';
import { PeopleService } from './people.service.js';
import { peopleCsvSchema, peopleSearchSchema } from '@trellis/domain';
import { ArgSchemas } from '../common/input-validation.js';

const actorOf = (context: RequestContext) => ({
  organisationId: context.organisationId,
  personId: context.session.personId,
  request: context.request,
});

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly peopleService: PeopleService) {}

  @Query(() => [Person], { description: "The organisation's people; search matches name, e-mail and job title." })
  @Access('signedIn')
  @ArgSchemas({ search: peopleSearchSchema })
  async people(
    @Context() context: RequestContext,
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('teamId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) teamId: string | null,
    @Args('includeLeft', { type: () => Boolean, defaultValue: false }) includeLeft: boolean,
  ): Promise<PersonRow[]> {
    const teams = await context.loaders.people.allTeams();
    return this.peopleService.search(context.db, teams, { search, teamId, includeLeft });
  }

  @Query(() => Person, { nullable: true })
  @Access('signedIn')
  person(@Args('id', { type: () => ID }, ParseUUIDPipe) id: string, @Context() context: RequestContext) {
    return context.loaders.people.person.load(id);
  }

  @Mutation(() => Person)
  @Access('admin')
  updatePerson(@Args('input') input: UpdatePersonInput, @Context() context: RequestContext): Promise<PersonRow> {
    return this.peopleService.update(actorOf(context), input);
  }

  @ResolveField(() => Team, { nullable: true })
  team(@Parent() person: PersonRow, @Context() context: RequestContext) {
    return person.teamId ? context.loaders.people.team(person.teamId) : null;
  }

  @ResolveField(() => Person, { nullable: true })
  manager(@Parent() person: PersonRow, @Context() context: RequestContext) {
    return person.managerId ? context.loaders.people.person.load(person.managerId) : null;
  }

  @ResolveField(() => [Person], { description: 'People who report to this person.' })
  reports(@Parent() person: PersonRow, @Context() context: RequestContext) {
    return context.loaders.people.reports.load(person.id);
  }

  @ResolveField(() => Role, { nullable: true })
  currentRole(@Parent() person: PersonRow, @Context() context: RequestContext) {
    return person.currentRoleId ? context.loaders.frameworks.role.load(person.currentRoleId) : null;
  }
}

@Resolver(() => Team)
export class TeamResolver {
  @Query(() => [Team])
  @Access('signedIn')
  teams(@Context() context: RequestContext): Promise<TeamRow[]> {
    return context.loaders.people.allTeams();
  }

  @ResolveField(() => String, { description: "The team's place in the tree, such as Delivery/PMO." })
  async path(@Parent() team: TeamRow, @Context() context: RequestContext): Promise<string> {
    return teamPaths(await context.loaders.people.allTeams()).get(team.id) ?? team.name;
  }

  @ResolveField(() => Team, { nullable: true })
  parent(@Parent() team: TeamRow, @Context() context: RequestContext) {
    return team.parentId ? context.loaders.people.team(team.parentId) : null;
  }

  @ResolveField(() => [Team])
  async children(@Parent() team: TeamRow, @Context() context: RequestContext) {
    return (await context.loaders.people.allTeams()).filter((candidate) => candidate.parentId === team.id);
  }

  @ResolveField(() => [Person])
  people(@Parent() team: TeamRow, @Context() context: RequestContext) {
    return context.loaders.people.peopleInTeam.load(team.id);
  }
}

@Resolver(() => Viewer)
export class ViewerResolver {
  constructor(private readonly organisations: OrganisationsService) {}

  @Query(() => Viewer, { nullable: true, description: 'Who is signed in; null when nobody is.' })
  @Access('public')
  viewer(@Context() context: PublicContext): Viewer | null {
    return context.session ? new Viewer() : null;
  }

  @ResolveField(() => Person)
  async person(@Context() context: RequestContext) {
    const person = await context.loaders.people.person.load(context.session.personId);
    if (!person) throw notSignedIn();
    return person;
  }

  @ResolveField(() => AccessRoleValue)
  accessRole(@Context() context: RequestContext) {
    return context.session.accessRole;
  }

  @ResolveField(() => Organisation)
  organisation(@Context() context: RequestContext) {
    return this.organisations.findById(context.db, context.organisationId);
  }

  @ResolveField(() => Boolean, { description: 'True when somebody reports to this person.' })
  async isManager(@Context() context: RequestContext): Promise<boolean> {
    return (await context.loaders.people.reports.load(context.session.personId)).length > 0;
  }
}

@Resolver()
export class PeopleImportResolver {
  constructor(private readonly imports: PeopleImportService) {}

  @Mutation(() => PeopleImportPreview)
  @Access('admin')
  @ArgSchemas({ csv: peopleCsvSchema })
  previewPeopleImport(@Args('csv') csv: string, @Context() context: RequestContext) {
    return this.imports.preview(context.organisationId, csv);
  }

  @Mutation(() => PeopleImportResult)
  @Access('admin')
  @ArgSchemas({ csv: peopleCsvSchema })
  importPeople(@Args('csv') csv: string, @Context() context: RequestContext) {
    return this.imports.import(actorOf(context), csv);
  }

  @Query(() => String, {
    description: "A people CSV to fill in: the header, notes (lines starting with #) listing the organisation's teams and role titles, and the admin's own row (admins).",
  })
  @Access('admin')
  peopleCsvTemplate(@Context() context: RequestContext) {
    return this.imports.template(context.organisationId, context.session.personId);
  }

  @Query(() => String, { description: 'The people and teams CSV (admins).' })
  @Access('admin')
  peopleCsv(@Context() context: RequestContext) {
    return this.imports.export(context.organisationId);
  }
}

export const peopleResolvers = [PersonResolver, TeamResolver, ViewerResolver, PeopleImportResolver];
