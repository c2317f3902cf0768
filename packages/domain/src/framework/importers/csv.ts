/**
 * CSV as spreadsheets write it (RFC 4180): comma, semicolon or tab separated (read from the first line),
 * fields quoted with double quotes ("" inside), line breaks inside quotes kept. Pure, so the domain's
 * spreadsheet importer reads CSV and the browser's xlsx reading alike.
 */

export interface CsvTable {
  /** Rows of cells; each row remembers the line it started on (1-based) for messages. */
  rows: string[][];
  lines: number[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; line: number; message: string };

/** The separator the header line uses: the one of comma, semicolon or tab that occurs most outside quotes. */
export function detectSeparator(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as Array<[',' | ';' | '\t', number]>).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? ',' : best[0];
}

export function parseCsv(input: string): CsvResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const separator = detectSeparator(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let afterQuote = false;
  const endField = () => {
    row.push(field);
    field = '';
    afterQuote = false;
  };
  const endRow = () => {
    endField();
    // A line with nothing on it is not a row.
    if (!(row.length === 1 && row[0] === '')) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field.trim() !== '' || afterQuote) return { ok: false, line, message: 'a quote (") in the middle of a field: put the whole field in quotes and double the quotes inside it' };
      field = '';
      quoted = true;
      quoteLine = line;
    } else if (ch === separator) {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else if (afterQuote) {
      if (ch !== ' ' && ch !== '\t') return { ok: false, line, message: 'text after a closing quote: put the whole field in quotes' };
    } else {
      field += ch;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, message: 'a quoted field is never closed (a " is missing)' };
  if (field !== '' || row.length > 0) endRow();
  return { ok: true, table: { rows, lines } };
}

/** Rows as CSV text (comma separated, quoted where needed, CRLF as spreadsheets expect). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (value: string) => (/[",\r\n;\t]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
