import { ParseUUIDPipe } from '@nestjs/common';
import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ImportFormat, LocatedNote } from '@trellis/domain';
import { Access } from '../../common/access.js';
import type { RequestContext } from '../../graphql/request-context.js';
import { Framework } from '../framework.models.js';
import { FrameworkDraft, draftView } from './framework-draft.models.js';
import { FrameworkImportFormatValue, FrameworkImportInput, FrameworkImportPreview } from './framework-import.models.js';
import { FrameworkImportService, type ImportRequest } from './framework-import.service.js';

const TO_DOMAIN: Record<FrameworkImportFormatValue, ImportFormat> = {
  [FrameworkImportFormatValue.JSON]: 'json',
  [FrameworkImportFormatValue.FT_YAML]: 'ft-yaml',
  [FrameworkImportFormatValue.MONZO_MARKDOWN]: 'monzo-markdown',
  [FrameworkImportFormatValue.SPREADSHEET]: 'spreadsheet',
};
const FROM_DOMAIN = Object.fromEntries(Object.entries(TO_DOMAIN).map(([value, format]) => [format, value])) as Record<ImportFormat, FrameworkImportFormatValue>;

const actorOf = (context: RequestContext) => ({ organisationId: context.organisationId, personId: context.session.personId, request: context.request });
const requestOf = (input: FrameworkImportInput): ImportRequest => ({
  format: input.format ? TO_DOMAIN[input.format] : null,
  files: input.files.map((file) => ({ name: file.name, text: file.text })),
  workbooks: (input.workbooks ?? []).map((workbook) => ({ name: workbook.name, base64: workbook.base64 })),
});
const notes = (list: LocatedNote[]) => list.map(({ path, where, message }) => ({ path, where, message }));

@Resolver()
export class FrameworkImportResolver {
  constructor(private readonly imports: FrameworkImportService) {}

  @Query(() => FrameworkImportPreview, {
    description: 'Reads files to import (FT YAML, Monzo Markdown, spreadsheet CSV or .xlsx, or JSON) and says what they would make, writing nothing. Admins only.',
  })
  @Access('admin')
  async frameworkImportPreview(@Args('input') input: FrameworkImportInput): Promise<FrameworkImportPreview> {
    const result = await this.imports.read(requestOf(input));
    const summary = result.summary;
    return {
      format: FROM_DOMAIN[result.format],
      detectedFormat: result.detected ? FROM_DOMAIN[result.detected] : null,
      name: summary?.name ?? null,
      categoryCount: summary?.categoryCount ?? 0,
      skillCount: summary?.skillCount ?? 0,
      trackCount: summary?.trackCount ?? 0,
      roleCount: summary?.roleCount ?? 0,
      expectationCount: summary?.expectationCount ?? 0,
      tracks: summary?.tracks ?? [],
      skills: summary?.skills ?? [],
      warnings: notes(result.warnings),
      problems: notes(result.problems),
      canImport: result.document !== null,
    };
  }

  @Mutation(() => Framework, { description: 'Creates a framework whose draft is the imported files (publish it to make version 1). Admins only.' })
  @Access('admin')
  async createFrameworkFromImport(@Args('input') input: FrameworkImportInput, @Context() context: RequestContext) {
    const { framework, result } = await this.imports.createFramework(actorOf(context), requestOf(input), input.name ?? undefined);
    return Object.assign(framework, { importWarnings: notes(result.warnings) });
  }

  @Mutation(() => FrameworkDraft, {
    description: "Replaces a framework's whole draft with the imported files. CONFLICT when the draft changed since expectedRevision. Admins only.",
  })
  @Access('admin')
  async importIntoFrameworkDraft(
    @Args('frameworkId', { type: () => ID }, ParseUUIDPipe) frameworkId: string,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
    @Args('input') input: FrameworkImportInput,
    @Context() context: RequestContext,
  ) {
    const { draft, result } = await this.imports.replaceDraft(actorOf(context), frameworkId, expectedRevision, requestOf(input));
    const kept = result.document && result.document.key !== draft.document.key
      ? [{ path: 'key', where: 'The framework', message: `kept the framework's key "${draft.document.key}" instead of "${result.document.key}"` }]
      : [];
    return { ...draftView(draft), importWarnings: [...notes(result.warnings), ...kept] };
  }
}

export const frameworkImportResolvers = [FrameworkImportResolver];
