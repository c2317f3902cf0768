import { toCsv } from './csv.js';
import type { ImportFile } from './common.js';

/** One cell of a workbook as read (read-excel-file: dates are written as their ISO day before they get here). */
export type WorkbookCell = string | number | boolean | null;
export interface WorkbookSheet {
  sheet: string;
  data: WorkbookCell[][];
}

const cellText = (cell: WorkbookCell): string => (cell === null ? '' : String(cell));

/**
 * An .xlsx workbook's sheets as the spreadsheet layout's two tables, as CSV named "<book>.xlsx, sheet <name>" so
 * messages name the sheet and cell: the sheets named Skills and Roles (any case), else the first two. The browser
 * (a Web Worker) and the API (its worker pool) read the workbook; both turn it into files here.
 */
export function workbookImportFiles(bookName: string, sheets: readonly WorkbookSheet[]): ImportFile[] {
  const named = (name: string) => sheets.find((sheet) => sheet.sheet.trim().toLowerCase() === name);
  const chosen = named('skills') && named('roles') ? [named('skills')!, named('roles')!] : sheets.slice(0, 2);
  return chosen.map((sheet) => ({ name: `${bookName}, sheet ${sheet.sheet}`, text: toCsv(sheet.data.map((row) => row.map(cellText))) }));
}
