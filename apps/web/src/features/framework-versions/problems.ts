import { findApiError } from '../../lib/errors';

export interface DocumentProblem {
  path: string;
  message: string;
  /** The part, named (`Skill "ESG", level 5`), when the API could name it. */
  where?: string;
}

/** The problems a refused import or publication lists (`extensions.problems`), each with where it is. */
export function problemsOf(error: unknown): DocumentProblem[] {
  const problems = findApiError(error, 'BAD_USER_INPUT')?.extensions?.['problems'];
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is DocumentProblem => typeof p === 'object' && p !== null && typeof p.path === 'string' && typeof p.message === 'string',
  );
}

/** Offers text as a file download (an export). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
