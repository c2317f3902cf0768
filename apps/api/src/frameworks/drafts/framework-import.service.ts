import { Injectable } from '@nestjs/common';
import { detectImportFormat, workbookImportFiles, type FrameworkDocument, type FrameworkImport, type ImportFile, type ImportFormat, type LocatedNote } from '@trellis/domain';
import type { Actor } from '../../audit/audit.service.js';
import { AppError } from '../../common/errors.js';
import { DomainWorkerPool } from '../../workers/domain-worker-pool.js';
import type { FrameworkEntity } from '../framework.entities.js';
import type { FrameworkDraftEntity } from './framework-draft.entities.js';
import { FrameworkDraftsService } from './framework-drafts.service.js';

/** Files up to this many characters are read on the request thread; larger ones in a worker (YAML and CSV parsing is CPU work). */
const INLINE_CHARACTERS = 200_000;

const DESCRIBED: Record<ImportFormat, string> = {
  json: 'a framework document (JSON)',
  'ft-yaml': 'an FT job family (YAML)',
  'monzo-markdown': 'Monzo progression framework files (Markdown)',
  spreadsheet: 'a spreadsheet',
};

export interface ImportRequest {
  format: ImportFormat | null;
  files: ImportFile[];
  /** .xlsx workbooks in base64: read in a worker into the spreadsheet layout's two tables. */
  workbooks?: Array<{ name: string; base64: string }>;
}

/** A problem list as one sentence: `roles.csv, cell G5: …; …` (at most 10, then how many more). */
function listed(notes: LocatedNote[]): string {
  const shown = notes.slice(0, 10).map((n) => `${n.where}: ${n.message}`);
  return shown.join('; ') + (notes.length > 10 ? `; and ${notes.length - 10} more` : '');
}

/**
 * Imports from the formats people already keep their frameworks in: reads the files with the
 * domain's converters (in a worker when large), previews what would be made without writing, and
 * writes a new framework's draft or replaces an existing draft (a stale revision is refused as for
 * any whole-draft change).
 */
@Injectable()
export class FrameworkImportService {
  constructor(
    private readonly drafts: FrameworkDraftsService,
    private readonly workers: DomainWorkerPool,
  ) {}

  /** Reads the files; BAD_USER_INPUT when they cannot be read at all (with the file, line, sheet or cell). */
  async read(request: ImportRequest): Promise<FrameworkImport & { detected: ImportFormat | null }> {
    const files = [...request.files, ...(await this.workbookTables(request.workbooks ?? []))];
    const size = files.reduce((sum, file) => sum + file.text.length, 0);
    const result = await this.workers.run('importFramework', { format: request.format, files }, { inline: size <= INLINE_CHARACTERS });
    if (!result.readable) {
      throw new AppError('BAD_USER_INPUT', `The files could not be read as ${DESCRIBED[result.format]}: ${listed(result.problems)}.`, { problems: result.problems });
    }
    return { ...result, detected: detectImportFormat(files) };
  }

  /** Each workbook as the two tables "<book>.xlsx, sheet <name>" (as the browser sends them); a file that is not one is refused by name. */
  private async workbookTables(workbooks: Array<{ name: string; base64: string }>): Promise<ImportFile[]> {
    const tables: ImportFile[] = [];
    for (const [index, workbook] of workbooks.entries()) {
      const answer = await this.workers.readWorkbook(workbook.base64);
      if (!answer.ok) {
        throw new AppError('BAD_USER_INPUT', `${workbook.name} could not be read as an Excel workbook: ${answer.message}.`, {
          fields: { [`workbooks[${index}].base64`]: `${workbook.name}: ${answer.message}.` },
          reason: answer.reason,
        });
      }
      tables.push(...workbookImportFiles(workbook.name, answer.sheets));
    }
    return tables;
  }

  private async checked(request: ImportRequest): Promise<{ document: FrameworkDocument; result: FrameworkImport }> {
    const result = await this.read(request);
    if (!result.document) {
      throw new AppError('BAD_USER_INPUT', `The framework was not imported: ${listed(result.problems)}.`, { problems: result.problems });
    }
    return { document: result.document, result };
  }

  async createFramework(actor: Actor, request: ImportRequest, name?: string): Promise<{ framework: FrameworkEntity; result: FrameworkImport }> {
    const { document, result } = await this.checked(request);
    const framework = await this.drafts.createFramework(actor, {
      kind: 'document',
      document,
      name: name?.trim() || undefined,
      origin: `${DESCRIBED[result.format]} (${[...request.files, ...(request.workbooks ?? [])].map((f) => f.name).join(', ').slice(0, 300)})`,
    });
    return { framework, result };
  }

  async replaceDraft(actor: Actor, frameworkId: string, expectedRevision: number, request: ImportRequest): Promise<{ draft: FrameworkDraftEntity; result: FrameworkImport }> {
    const { document, result } = await this.checked(request);
    const draft = await this.drafts.replaceDraftDocument(actor, frameworkId, expectedRevision, document, `${DESCRIBED[result.format]} (imported)`);
    return { draft, result };
  }
}
