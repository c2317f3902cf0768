/**
 * Reads an .xlsx workbook off the page's thread: unzipping and parsing its XML is CPU work that would
 * freeze the dialog on a large file. A module worker served from the app's own origin (the API's CSP
 * allows 'self' and no blob: workers, so read-excel-file's own blob workers are not used).
 */
import readXlsxFile from 'read-excel-file/web-worker';

export type WorkbookCell = string | number | boolean | null;
export type WorkbookAnswer = { ok: true; sheets: Array<{ sheet: string; data: WorkbookCell[][] }> } | { ok: false; message: string };

const cell = (value: unknown): WorkbookCell =>
  value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

self.onmessage = async (event: MessageEvent<File>) => {
  let answer: WorkbookAnswer;
  try {
    const sheets = await readXlsxFile(event.data);
    answer = { ok: true, sheets: sheets.map((sheet) => ({ sheet: sheet.sheet, data: (sheet.data as unknown[][]).map((row) => row.map(cell)) })) };
  } catch (error) {
    answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
