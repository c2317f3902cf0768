import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';

/** The `extensions.code` values the Trellis API uses. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'TOO_MANY_ATTEMPTS';

const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'BAD_USER_INPUT']);

function graphQLErrors(error: unknown): ReadonlyArray<GraphQLFormattedError> {
  return CombinedGraphQLErrors.is(error) ? error.errors : [];
}

/** The first GraphQL error carrying `code`, if any. */
export function findApiError(error: unknown, code: ApiErrorCode): GraphQLFormattedError | undefined {
  return graphQLErrors(error).find((e) => e.extensions?.['code'] === code);
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return findApiError(error, code) !== undefined;
}

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
  if (hasErrorCode(error, 'UNAUTHENTICATED')) return 'Your session has ended. Sign in again to carry on.';
  if (hasErrorCode(error, 'FORBIDDEN')) return 'You do not have permission to see or do this. Ask an admin if you need it.';
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join(' ');
  if (error instanceof Error && /fetch|network/i.test(error.message)) {
    return 'Trellis could not reach the server. Check your connection and try again.';
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** Per-field messages of a BAD_USER_INPUT error (`extensions.fields: { [inputField]: message }`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = findApiError(error, 'BAD_USER_INPUT')?.extensions?.['fields'];
  if (!fields || typeof fields !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields as Record<string, unknown>)) {
    if (typeof message === 'string' && message.length > 0) out[key] = message;
  }
  return out;
}

/** How long a TOO_MANY_ATTEMPTS lock lasts, in seconds; null when the error is not a lock. */
export function retryAfterSecondsOf(error: unknown): number | null {
  const locked = findApiError(error, 'TOO_MANY_ATTEMPTS');
  if (!locked) return null;
  const seconds = Number(locked.extensions?.['retryAfterSeconds']);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 0;
}

/**
 * What a failed form submission should show: messages for the fields the API named, and one message for the
 * rest (or null when every problem belongs to a field).
 */
export interface FormErrors {
  fields: Record<string, string>;
  message: string | null;
}

export function formErrorsOf(error: unknown, knownFields: readonly string[]): FormErrors {
  const all = fieldErrorsOf(error);
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const [key, message] of Object.entries(all)) {
    if (knownFields.includes(key)) fields[key] = message;
    else rest.push(message);
  }
  if (Object.keys(all).length === 0) return { fields, message: describeError(error) };
  return { fields, message: rest.length > 0 ? rest.join(' ') : null };
}
