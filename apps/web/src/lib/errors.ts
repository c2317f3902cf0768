import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'BAD_USER_INPUT']);

/** True when the API refused the id itself (unknown or malformed), which the UI shows as "not found", not as a failure. */
export function isNotFoundError(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.length > 0 && error.errors.every((e) => NOT_FOUND_CODES.has(String(e.extensions?.['code'] ?? '')));
  }
  if (ServerError.is(error)) return error.statusCode === 404;
  return false;
}

/** A short, human sentence for an operation error; the technical message is shown separately. */
export function describeError(error: unknown): string {
  if (ServerError.is(error)) return `The server answered with status ${error.statusCode}.`;
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join(' ');
  if (error instanceof Error && /fetch|network/i.test(error.message)) {
    return 'Trellis could not reach the server. Check your connection and try again.';
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
