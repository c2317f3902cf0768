// A worker task of DomainWorkerPool (run with its `filename`): reads an .xlsx workbook sent in base64 into its
// sheets' cells, off the event loop. Plain JavaScript beside the API's source, not in it, so worker threads load it
// as it is in tests (swc runs only on the main thread), under `npm start` and in the Docker image alike.
import readXlsxFile from 'read-excel-file/node';

/** What the workbook may unpack to, in all: its XML is parsed whole, so a small zip of huge sheets is refused first. */
export const MAX_UNPACKED_BYTES = 100_000_000;

/** The sum of the zip's entries' uncompressed sizes from its central directory, or why it is not a zip we read. */
export function unpackedSize(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end of central directory record: 22 bytes plus a comment of up to 65,535, at the very end.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return { ok: false, reason: 'NOT_ZIP' };
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return { ok: false, reason: 'NOT_ZIP' };
    const size = view.getUint32(at + 24, true);
    // 0xFFFFFFFF: a ZIP64 entry, over 4 GB.
    if (size === 0xffffffff) return { ok: false, reason: 'TOO_LARGE' };
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total > MAX_UNPACKED_BYTES ? { ok: false, reason: 'TOO_LARGE', total } : { ok: true, total };
}

const cell = (value) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;

/**
 * `{ base64 }` → `{ ok: true, sheets: [{ sheet, data }] }`, or `{ ok: false, reason, message }` for a file that is not
 * an .xlsx workbook (an .xls, a CSV, a corrupt zip) or unpacks to too much. Never throws for the file's sake.
 */
export default async function readWorkbook({ base64 }) {
  const bytes = Buffer.from(base64, 'base64');
  const size = unpackedSize(bytes);
  if (!size.ok && size.reason === 'TOO_LARGE') {
    return { ok: false, reason: 'TOO_LARGE', message: `it unpacks to more than ${MAX_UNPACKED_BYTES / 1_000_000} MB` };
  }
  if (!size.ok) {
    const start = bytes.subarray(0, 8);
    const xls = start.length === 8 && start.readUInt32BE(0) === 0xd0cf11e0;
    return { ok: false, reason: 'NOT_XLSX', message: xls ? 'it is an old Excel (.xls) file: save it as .xlsx' : 'it is not an .xlsx workbook (not a zip file)' };
  }
  try {
    const sheets = await readXlsxFile(bytes);
    return { ok: true, sheets: sheets.map((sheet) => ({ sheet: sheet.sheet, data: sheet.data.map((row) => row.map(cell)) })) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'NOT_XLSX', message: `it is not a readable .xlsx workbook (${message.slice(0, 200)})` };
  }
}
