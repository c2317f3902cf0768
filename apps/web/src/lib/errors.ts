import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';

/** The `extensions.code` values the Trellis API uses (docs/ARCHITECTURE.md, "Error codes"). */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'TOO_MANY_ATTEMPTS'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'QUERY_TOO_COMPLEX'
  | 'INTERNAL';

const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'BAD_USER_INPUT']);

/**
 * The GraphQL errors of an operation: those Apollo read from a 200 answer, and those in the body of a
 * refusal sent with an HTTP error status (400 for a request the API could not read, 413 for one too
 * large), which Apollo hands over as a ServerError with the body as text.
 */
function graphQLErrors(error: unknown): ReadonlyArray<GraphQLFormattedError> {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error)) {
    try {
      const body = JSON.parse(error.bodyText) as { errors?: unknown };
      if (Array.isArray(body.errors)) return body.errors.filter((e): e is GraphQLFormattedError => typeof (e as { message?: unknown })?.message === 'string');
    } catch {
      // Not a GraphQL answer (a proxy's error page): the status says what happened.
    }
  }
  return [];
}

/** The reference an INTERNAL error carries, for a person to quote when they report it. */
export function requestIdOf(error: unknown): string | null {
  const id = findApiError(error, 'INTERNAL')?.extensions?.['requestId'];
  return typeof id === 'string' && id ? id : null;
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
  const errors = graphQLErrors(error);
  if (errors.length > 0) return errors.every((e) => NOT_FOUND_CODES.has(String(e.extensions?.['code'] ?? '')));
  if (ServerError.is(error)) return error.statusCode === 404;
  return false;
}

/** A short, human sentence for an operation error; the technical message is shown separately. */
export function describeError(error: unknown): string {
  if (hasErrorCode(error, 'UNAUTHENTICATED')) return 'Your session has ended. Sign in again to carry on.';
  if (hasErrorCode(error, 'FORBIDDEN')) return 'You do not have permission to see or do this. Ask an admin if you need it.';
  if (hasErrorCode(error, 'PAYLOAD_TOO_LARGE')) {
    return 'That is too large to send in one go. Split it into smaller parts, or import a smaller file.';
  }
  if (hasErrorCode(error, 'QUERY_TOO_COMPLEX')) return 'The server refused this request as too large. Reload the page and try again.';
  if (hasErrorCode(error, 'GRAPHQL_PARSE_FAILED') || hasErrorCode(error, 'GRAPHQL_VALIDATION_FAILED')) {
    return 'This page is out of date with the server (Trellis may have been updated). Reload the page and try again.';
  }
  if (hasErrorCode(error, 'INTERNAL')) {
    const reference = requestIdOf(error);
    return `Something went wrong on our side; it has been logged.${reference ? ` If it keeps happening, tell your admin the reference ${reference}.` : ''}`;
  }
  const errors = graphQLErrors(error);
  if (errors.length > 0) return errors.map((e) => e.message).join(' ');
  if (ServerError.is(error)) return `The server answered with status ${error.statusCode}.`;
  if (error instanceof Error && /fetch|network/i.test(error.message)) {
    return 'Trellis could not reach the server. Check your connection and try again.';
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** Per-field messages of a BAD_USER_INPUT error (`extensions.fields: { [inputField]: message }`). */
/** `dueOn` → "Due on", `progress[0].note` → "Progress 1, note": a field's name for a message shown apart from its form field. */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/\[(\d+)\]/g, (_match, index: string) => ` ${Number(index) + 1},`)
    .replace(/\./g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/,\s*$/, '')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

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
    else rest.push(`${fieldLabel(key)}: ${message}`);
  }
  if (Object.keys(all).length === 0) return { fields, message: describeError(error) };
  return { fields, message: rest.length > 0 ? rest.join(' ') : null };
}
