import { spreadsheetTemplate, workbookImportFiles } from '@trellis/domain';

/** One file as the API takes it: a name for messages and format detection, and its text. */
export interface ImportFileText {
  name: string;
  text: string;
}

/** The API's limit on all files' text together; a file over it is refused here before it is read. */
export const MAX_IMPORT_BYTES = 5_000_000;
export const MAX_IMPORT_FILES = 30;

const isWorkbook = (file: File) => /\.xlsx$/i.test(file.name);

/**
 * An .xlsx workbook as the spreadsheet layout's two tables (the domain's `workbookImportFiles`, as the API does for a
 * workbook sent in base64). The workbook is parsed in a Web Worker (readWorkbook), loaded only for workbooks.
 */
async function workbookTables(file: File): Promise<ImportFileText[]> {
  const { readWorkbook } = await import('./readWorkbook');
  return workbookImportFiles(file.name, await readWorkbook(file));
}

/** The files as text, workbooks as their two tables; refuses more than the API takes before reading anything. */
export async function readImportFiles(files: readonly File[]): Promise<ImportFileText[]> {
  if (files.length > MAX_IMPORT_FILES) throw new Error(`Choose at most ${MAX_IMPORT_FILES} files at once.`);
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  if (bytes > MAX_IMPORT_BYTES) throw new Error(`These files are ${(bytes / 1_000_000).toFixed(1)} MB together: at most 5 MB can be imported at once.`);
  const read = await Promise.all(
    files.map(async (file) => {
      if (!isWorkbook(file)) return [{ name: file.name, text: await file.text() }];
      try {
        return await workbookTables(file);
      } catch (error) {
        throw new Error(`${file.name} could not be read as an Excel workbook (${(error as Error).message}).`, { cause: error });
      }
    }),
  );
  return read.flat();
}

/** The spreadsheet template (.xlsx) with the layout's two sheets and a worked example, saved by the browser. */
export async function downloadTemplate(): Promise<void> {
  const { default: writeExcelFile } = await import('write-excel-file/browser');
  const template = spreadsheetTemplate();
  const sheet = (rows: string[][]) => rows.map((row, r) => row.map((value) => ({ value, ...(r === 0 ? { fontWeight: 'bold' as const } : { wrap: true }) })));
  await writeExcelFile([
    { data: sheet(template.skills), sheet: 'Skills', stickyRowsCount: 1 },
    { data: sheet(template.roles), sheet: 'Roles', stickyRowsCount: 1 },
  ]).toFile('trellis-framework-template.xlsx');
}
