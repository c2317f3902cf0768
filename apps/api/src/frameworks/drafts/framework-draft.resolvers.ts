import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { frameworkImportWarnings, nameFrameworkProblems } from '@trellis/domain';
import { Access } from '../../common/access.js';
import { badInput, forbidden } from '../../common/errors.js';
import type { RequestContext } from '../../graphql/request-context.js';
import { Person } from '../../people/people.models.js';
import type { FrameworkEntity } from '../framework.entities.js';
import { Framework, FrameworkVersion } from '../framework.models.js';
import { toDraftOperations } from './draft-operation-input.js';
import { CreateFrameworkInput, DraftOperationInput, FrameworkDraft, FrameworkSourceValue, draftView } from './framework-draft.models.js';
import { FrameworkDraftsService, problemsError, type FrameworkSource } from './framework-drafts.service.js';
import { draftOperationsSchema, frameworkFileSchema } from '@trellis/domain';
import { ArgSchemas } from '../../common/input-validation.js';
import { frameworkImportResolvers } from './framework-import.resolvers.js';

const actorOf = (context: RequestContext) => ({
  organisationId: context.organisationId,
  personId: context.session.personId,
  request: context.request,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Resolver(() => Framework)
export class FrameworkDraftFieldResolver {
  @ResolveField(() => FrameworkDraft, { nullable: true, description: 'The working draft, when one is being edited. Admins only.' })
  async draft(@Parent() framework: FrameworkEntity, @Context() context: RequestContext): Promise<FrameworkDraft | null> {
    if (context.session.accessRole !== 'admin') throw forbidden('see framework drafts: it needs admin rights');
    const draft = await context.loaders.frameworks.draft.load(framework.id);
    return draft ? draftView(draft) : null;
  }
}

@Resolver(() => FrameworkDraft)
export class FrameworkDraftResolver {
  constructor(private readonly drafts: FrameworkDraftsService) {}

  @ResolveField(() => Person, { nullable: true, description: 'Who saved the latest change.' })
  async updatedBy(@Parent() draft: FrameworkDraft, @Context() context: RequestContext) {
    return draft.updatedByPersonId ? ((await context.loaders.people.person.load(draft.updatedByPersonId)) ?? null) : null;
  }

  @ResolveField(() => FrameworkVersion, { nullable: true, description: 'The published version the draft started from.' })
  async basedOnVersion(@Parent() draft: FrameworkDraft, @Context() context: RequestContext) {
    return draft.basedOnVersionId ? ((await context.loaders.frameworks.version.load(draft.basedOnVersionId)) ?? null) : null;
  }

  @Mutation(() => FrameworkDraft, { description: 'Starts editing a framework: a copy of its newest published version (or the draft already open).' })
  @Access('admin')
  async startFrameworkDraft(@Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string, @Context() context: RequestContext) {
    return draftView(await this.drafts.startDraft(actorOf(context), frameworkId));
  }

  @Mutation(() => FrameworkDraft, {
    description:
      'Applies edits to a draft, in order, all or none. A stale expectedRevision still applies when nothing the edits touch ' +
      'changed since; otherwise CONFLICT says who changed what.',
  })
  @Access('admin')
  @ArgSchemas({ operations: draftOperationsSchema })
  async editFrameworkDraft(
    @Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Args('operations', { type: () => [DraftOperationInput] }) operations: DraftOperationInput[],
    @Context() context: RequestContext,
  ) {
    const parsed = toDraftOperations(operations);
    if ('problems' in parsed) throw problemsError(parsed.problems);
    return draftView(await this.drafts.applyOperations(actorOf(context), frameworkId, expectedRevision, parsed.operations));
  }

  @Mutation(() => Boolean, {
    description: 'Discards the draft and its change history for good (it cannot be undone: confirm first). CONFLICT when it changed since expectedRevision.',
  })
  @Access('admin')
  async discardFrameworkDraft(
    @Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Context() context: RequestContext,
  ): Promise<boolean> {
    await this.drafts.discardDraft(actorOf(context), frameworkId, expectedRevision);
    return true;
  }

  @Mutation(() => FrameworkDraft, { description: 'Replaces a whole draft with an imported framework document (JSON text), after validating it.' })
  @Access('admin')
  @ArgSchemas({ json: frameworkFileSchema })
  async replaceFrameworkDraft(
    @Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Args('json') json: string,
    @Context() context: RequestContext,
  ) {
    let document: unknown;
    try {
      document = JSON.parse(json);
    } catch (error) {
      throw problemsError([{ path: '', message: `the file is not valid JSON (${(error as Error).message})` }], 'The document was not imported');
    }
    const draft = await this.drafts.replaceDraftDocument(actorOf(context), frameworkId, expectedRevision, document);
    const keyKept =
      typeof (document as { key?: unknown }).key === 'string' && (document as { key: string }).key !== draft.document.key
        ? [{ path: 'key', where: 'The framework', message: `kept the framework's key "${draft.document.key}" instead of "${(document as { key: string }).key}"` }]
        : [];
    return { ...draftView(draft), importWarnings: [...namedImportWarnings(document), ...keyKept] };
  }

  @Mutation(() => Framework, { description: 'Creates a framework with a draft (publish it to make version 1).' })
  @Access('admin')
  async createFramework(@Args('input') input: CreateFrameworkInput, @Context() context: RequestContext) {
    const source = sourceOf(input);
    const framework = await this.drafts.createFramework(actorOf(context), source);
    if (source.kind !== 'import') return framework;
    let document: unknown = null;
    try {
      document = JSON.parse(source.json);
    } catch {
      // The service refused an unreadable file already.
    }
    const imported = (document as { key?: unknown } | null)?.key;
    const keyRenamed =
      typeof imported === 'string' && imported !== framework.key
        ? [{ path: 'key', where: 'The framework', message: `the key "${imported}" is taken: imported as "${framework.key}"` }]
        : [];
    return Object.assign(framework, { importWarnings: [...namedImportWarnings(document), ...keyRenamed] });
  }
}

function sourceOf(input: CreateFrameworkInput): FrameworkSource {
  const name = input.name?.trim() ?? '';
  if (input.source !== FrameworkSourceValue.IMPORT && name === '') throw badInput({ name: 'Give the framework a name.' });
  switch (input.source) {
    case FrameworkSourceValue.TEMPLATE:
      return { kind: 'template', name };
    case FrameworkSourceValue.BLANK:
      return { kind: 'blank', name };
    case FrameworkSourceValue.COPY:
      if (!input.frameworkId || !UUID.test(input.frameworkId)) throw badInput({ frameworkId: 'Choose the framework to copy.' });
      return { kind: 'copy', frameworkId: input.frameworkId, name };
    case FrameworkSourceValue.IMPORT:
      if (!input.json?.trim()) throw badInput({ json: 'Choose a framework document (JSON) to import.' });
      return { kind: 'import', json: input.json, name: name || undefined };
  }
}

export const frameworkDraftResolvers = [FrameworkDraftFieldResolver, FrameworkDraftResolver, ...frameworkImportResolvers];

/** The domain's import warnings with the part each is about named. */
function namedImportWarnings(document: unknown): Array<{ path: string; where: string; message: string }> {
  return nameFrameworkProblems(document, frameworkImportWarnings(document)).map(({ path, where, message }) => ({ path, where, message }));
}
