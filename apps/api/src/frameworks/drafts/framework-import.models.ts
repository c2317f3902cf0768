import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { frameworkImportFileInputSchema, frameworkImportInputSchema, frameworkImportWorkbookInputSchema } from '@trellis/domain';
import { InputSchema } from '../../common/input-validation.js';
import { ImportWarning } from '../framework.models.js';

export enum FrameworkImportFormatValue {
  JSON = 'JSON',
  FT_YAML = 'FT_YAML',
  MONZO_MARKDOWN = 'MONZO_MARKDOWN',
  SPREADSHEET = 'SPREADSHEET',
}
registerEnumType(FrameworkImportFormatValue, {
  name: 'FrameworkImportFormat',
  description:
    'JSON: the lossless framework document. FT_YAML: a Financial Times job-family file. MONZO_MARKDOWN: Monzo progression ' +
    'framework files (Markdown with YAML front matter), one per discipline. SPREADSHEET: the two tables of docs/IMPORTING.md as CSV, ' +
    'or an .xlsx workbook of them (`workbooks`).',
});

@InputType()
@InputSchema(frameworkImportFileInputSchema)
export class FrameworkImportFileInput {
  @Field({ description: 'The file name (names the file in messages; its extension helps detect the format).' }) name: string;
  @Field({ description: 'The file as text.' }) text: string;
}

@InputType({ description: 'An .xlsx workbook of the spreadsheet layout (sheets Skills and Roles, else its first two), its bytes in base64.' })
@InputSchema(frameworkImportWorkbookInputSchema)
export class FrameworkImportWorkbookInput {
  @Field({ description: 'The file name, e.g. ladder.xlsx (names the sheets in messages).' }) name: string;
  @Field({ description: 'The .xlsx file in base64, at most 5 MB of bytes.' }) base64: string;
}

@InputType()
@InputSchema(frameworkImportInputSchema)
export class FrameworkImportInput {
  @Field(() => FrameworkImportFormatValue, { nullable: true, description: 'Absent: detected from the files.' }) format?: FrameworkImportFormatValue | null;
  @Field(() => [FrameworkImportFileInput], { description: 'The files as text (may be empty when a workbook is sent).' }) files: FrameworkImportFileInput[];
  @Field(() => [FrameworkImportWorkbookInput], { nullable: true, description: 'An .xlsx workbook (at most one), read on the server into the spreadsheet tables.' })
  workbooks?: FrameworkImportWorkbookInput[] | null;
  @Field(() => String, { nullable: true, description: "A new framework's name (createFrameworkFromImport); absent: the files' own." }) name?: string | null;
}

@ObjectType()
export class FrameworkImportLevel {
  @Field(() => Int) level: number;
  @Field() name: string;
  @Field({ description: 'False: the level is named but the file describes nothing at it (never invented).' }) hasDescriptor: boolean;
}

@ObjectType()
export class FrameworkImportSkill {
  @Field() name: string;
  @Field() category: string;
  @Field(() => [FrameworkImportLevel], { description: "The skill's own scale." }) levels: FrameworkImportLevel[];
}

@ObjectType()
export class FrameworkImportTrack {
  @Field() name: string;
  @Field(() => Int) roleCount: number;
}

@ObjectType({ description: 'What an import would make, without writing anything.' })
export class FrameworkImportPreview {
  @Field(() => FrameworkImportFormatValue, { description: 'The format read (the one asked for, else the one detected).' }) format: FrameworkImportFormatValue;
  @Field(() => FrameworkImportFormatValue, { nullable: true, description: 'The format the files look like, whatever was asked for.' })
  detectedFormat: FrameworkImportFormatValue | null;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => Int) categoryCount: number;
  @Field(() => Int) skillCount: number;
  @Field(() => Int) trackCount: number;
  @Field(() => Int) roleCount: number;
  @Field(() => Int) expectationCount: number;
  @Field(() => [FrameworkImportTrack]) tracks: FrameworkImportTrack[];
  @Field(() => [FrameworkImportSkill]) skills: FrameworkImportSkill[];
  @Field(() => [ImportWarning], { description: 'What the import assumed, changed or left out.' }) warnings: ImportWarning[];
  @Field(() => [ImportWarning], { description: 'What stops it from importing (empty: it can be imported).' }) problems: ImportWarning[];
  @Field({ description: 'True when there are no problems.' }) canImport: boolean;
}
