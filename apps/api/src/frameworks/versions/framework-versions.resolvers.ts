import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '../../common/access.js';
import type { RequestContext } from '../../graphql/request-context.js';
import { FrameworkDraft, draftView } from '../drafts/framework-draft.models.js';
import { FrameworkVersionsService } from './framework-versions.service.js';
import { FrameworkDiff, MigrationChoiceInput, PublishPreview, PublishReport } from './framework-versions.models.js';
import { frameworkFileSchema, migrationChoicesSchema } from '@trellis/domain';
import { ArgSchemas } from '../../common/input-validation.js';

const actorOf = (context: RequestContext) => ({
  organisationId: context.organisationId,
  personId: context.session.personId,
  request: context.request,
});

const versionArg = { type: () => Int, nullable: true, description: 'A version number; omit it for the draft.' } as const;

@Resolver()
export class FrameworkVersionsResolver {
  constructor(private readonly versions: FrameworkVersionsService) {}

  @Query(() => FrameworkDiff, { description: 'What differs between two versions of a framework, or between a version and the draft (to omitted).' })
  @Access('admin')
  frameworkVersionDiff(
    @Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', versionArg) to: number | null,
    @Context() context: RequestContext,
  ) {
    return this.versions.diff(context.organisationId, frameworkId, from, to ?? null);
  }

  @Query(() => PublishPreview, { description: "Before publishing the draft: its problems, the diff, what to do with gone roles and skills, and the impact on people." })
  @Access('admin')
  frameworkPublishPreview(@Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string, @Context() context: RequestContext) {
    return this.versions.publishPreview(context.organisationId, frameworkId);
  }

  @Query(() => String, { description: 'A version (or the draft) as a JSON framework document: see /schemas/framework-document.json.' })
  @Access('admin')
  frameworkDocument(
    @Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string,
    @Args('version', versionArg) version: number | null,
    @Context() context: RequestContext,
  ) {
    return this.versions.documentJson(context.organisationId, frameworkId, version ?? null);
  }

  @Query(() => String, { description: 'The expectations grid of a version (or the draft) as CSV: one row per role, one column per skill.' })
  @Access('admin')
  frameworkExpectationsCsv(
    @Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string,
    @Args('version', versionArg) version: number | null,
    @Context() context: RequestContext,
  ) {
    return this.versions.expectationsCsv(context.organisationId, frameworkId, version ?? null);
  }

  @Mutation(() => PublishReport, { description: 'Publishes the draft as the next version and carries everything that pointed at the previous one across.' })
  @Access('admin')
  @ArgSchemas({ choices: migrationChoicesSchema })
  async publishFrameworkDraft(
    @Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Args('choices', { type: () => [MigrationChoiceInput] }) choices: MigrationChoiceInput[],
    @Context() context: RequestContext,
  ) {
    return this.versions.publish(actorOf(context), frameworkId, expectedRevision, choices);
  }

  @Mutation(() => FrameworkDraft, {
    description: "Applies an expectations grid (CSV: a role column, then one column per skill key) to the draft's roles; every problem is reported with its line and column, and nothing is saved when there is any.",
  })
  @Access('admin')
  @ArgSchemas({ csv: frameworkFileSchema })
  async importExpectationsCsv(
    @Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Args('csv') csv: string,
    @Context() context: RequestContext,
  ) {
    return draftView(await this.versions.importExpectationsCsv(actorOf(context), frameworkId, expectedRevision, csv));
  }
}

export const frameworkVersionResolvers = [FrameworkVersionsResolver];
