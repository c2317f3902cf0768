import type { WorkbookAnswer, WorkbookCell } from './xlsx.worker';

/** An .xlsx file's sheets as rows of cells, read in a module worker (xlsx.worker.ts); loaded only for workbooks. */
export function readWorkbook(file: File): Promise<Array<{ sheet: string; data: WorkbookCell[][] }>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkbookAnswer>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.sheets);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the workbook reader stopped'));
    };
    worker.postMessage(file);
  });
}
