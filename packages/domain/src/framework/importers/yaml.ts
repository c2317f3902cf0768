import { parseDocument } from 'yaml';
import type { ImportNote } from './common.js';

/** Aliases a document may expand (the `yaml` package's guard against "billion laughs" documents). */
const MAX_ALIASES = 100;

export type YamlResult = { ok: true; value: unknown } | { ok: false; problem: ImportNote };

/**
 * YAML text as plain data, or where and why it cannot be read (first error, with its line).
 * `lineOffset` is added to line numbers (front matter starts after the opening `---`).
 */
export function readYaml(text: string, fileName: string, lineOffset = 0): YamlResult {
  try {
    const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    const error = document.errors[0];
    if (error) {
      const line = error.linePos?.[0]?.line;
      const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { ok: false, problem: { where: line !== undefined ? `${fileName}, line ${line + lineOffset}` : fileName, message: `not valid YAML: ${first}` } };
    }
    return { ok: true, value: document.toJS({ maxAliasCount: MAX_ALIASES }) as unknown };
  } catch (error) {
    // toJS refuses documents whose aliases expand too far; anything else thrown by the parser is still the file's fault.
    return { ok: false, problem: { where: fileName, message: `not valid YAML: ${(error as Error).message}` } };
  }
}
