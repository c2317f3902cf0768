import type { ErrorCode } from './errors.js';

/**
 * PostgreSQL refusals that can only come from what the caller sent, mapped to the caller's codes.
 * Inputs are validated before they reach the database (common/input-validation.ts), so these are a
 * second line: a race the checks cannot see (two sign-ups with one address at the same moment), or a
 * check that is missing (logged as a warning with PostgreSQL's words, so it gets added).
 */
const BY_SQLSTATE: Record<string, { code: ErrorCode; message: string }> = {
  // unique_violation: something with the same name or address was saved at the same moment.
  '23505': { code: 'CONFLICT', message: 'This clashes with something saved at the same moment: reload and try again.' },
  // foreign_key_violation: an id that names nothing (or something just removed).
  '23503': { code: 'NOT_FOUND', message: 'Something this refers to does not exist (any more): reload and try again.' },
  // Malformed values: a text that is not a uuid or a date, a NUL byte, a number out of range.
  '22P02': { code: 'BAD_USER_INPUT', message: 'A value is not in the form expected (an id, a number or a date).' },
  '22021': { code: 'BAD_USER_INPUT', message: 'A text contains characters that cannot be stored (such as a NUL byte).' },
  '22P05': { code: 'BAD_USER_INPUT', message: 'A text contains characters that cannot be stored (such as a NUL byte).' },
  '22001': { code: 'BAD_USER_INPUT', message: 'A text is too long.' },
  '22003': { code: 'BAD_USER_INPUT', message: 'A number is out of range.' },
  '22007': { code: 'BAD_USER_INPUT', message: 'A date is not valid: use YYYY-MM-DD.' },
  '22008': { code: 'BAD_USER_INPUT', message: 'A date is out of range.' },
  // program_limit_exceeded: a value too large for an index row.
  '54000': { code: 'BAD_USER_INPUT', message: 'A value is too large.' },
};

/** The messages of those refusals (the fuzz test fails on any but a race's CONFLICT: validation should have caught it). */
export const DATABASE_REFUSAL_MESSAGES = new Set(Object.values(BY_SQLSTATE).map((refusal) => refusal.message));

/** The caller's code and message for a database error caused by input, or null for a real fault. */
export function databaseInputError(error: unknown): { code: ErrorCode; message: string } | null {
  if (!(error instanceof Error)) return null;
  const driverError = (error as { driverError?: unknown }).driverError;
  const sqlState = (driverError as { code?: unknown } | undefined)?.code ?? (error as { code?: unknown }).code;
  if (typeof sqlState !== 'string' || !/^[0-9A-Z]{5}$/.test(sqlState)) return null;
  return BY_SQLSTATE[sqlState] ?? null;
}
