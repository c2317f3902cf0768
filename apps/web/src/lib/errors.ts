import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';
import type { GraphQLFormattedError } from 'graphql';
import { formatWait } from './labels';

/** The `extensions.code` values the Trellis API uses (docs/ARCHITECTURE.md, "Error codes"). */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'TOO_MANY_ATTEMPTS'
  | 'SERVICE_UNAVAILABLE'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'QUERY_TOO_COMPLEX'
  | 'INTERNAL';

const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'BAD_USER_INPUT']);

const isFormattedError = (value: unknown): value is GraphQLFormattedError =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';

/**
 * The GraphQL errors in the body of a refusal sent with an HTTP error status (400 for a request the API could not
 * read or whose variables do not fit, 413 for one too large, 503 when shedding load, 500 before it ran): Apollo
 * Client 4 hands those over as a ServerError carrying the body as text, because the API answers
 * `application/json`, not `application/graphql-response+json`.
 */
function refusalErrors(error: ServerError | ServerParseError): GraphQLFormattedError[] {
  try {
    const body = JSON.parse(error.bodyText) as { errors?: unknown };
    return Array.isArray(body.errors) ? body.errors.filter(isFormattedError) : [];
  } catch {
    return []; // not a GraphQL answer (a proxy's error page): the status says what happened
  }
}

/** The GraphQL errors of an operation: those of a 200 answer and those of a refusal with an HTTP error status alike. */
function graphQLErrors(error: unknown): ReadonlyArray<GraphQLFormattedError> {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error) || ServerParseError.is(error)) return refusalErrors(error);
  return [];
}

const codeOf = (error: GraphQLFormattedError) => String(error.extensions?.['code'] ?? '');

/** The first GraphQL error carrying `code`, if any. */
export function findApiError(error: unknown, code: ApiErrorCode): GraphQLFormattedError | undefined {
  return graphQLErrors(error).find((e) => codeOf(e) === code);
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return findApiError(error, code) !== undefined;
}

/** The HTTP status of a refusal sent with an error status, else null (answers with HTTP 200 carry their errors in the body). */
export function httpStatusOf(error: unknown): number | null {
  return ServerError.is(error) || ServerParseError.is(error) ? error.statusCode : null;
}

/** True when the API refused the id itself (unknown or malformed), which the UI shows as "not found", not as a failure. */
export function isNotFoundError(error: unknown): boolean {
  const errors = graphQLErrors(error);
  if (errors.length > 0) return errors.every((e) => NOT_FOUND_CODES.has(codeOf(e)));
  return httpStatusOf(error) === 404;
}

/** The reference an INTERNAL error carries (`extensions.requestId`, the request's `x-request-id`), for a person to quote. */
export function requestIdOf(error: unknown): string | null {
  const fromBody = findApiError(error, 'INTERNAL')?.extensions?.['requestId'];
  if (typeof fromBody === 'string' && fromBody) return fromBody;
  if ((ServerError.is(error) || ServerParseError.is(error)) && error.statusCode >= 500) {
    return error.response.headers.get('x-request-id') || null;
  }
  return null;
}

/** How long a TOO_MANY_ATTEMPTS lock lasts, in seconds; null when the error is not a lock. */
export function retryAfterSecondsOf(error: unknown): number | null {
  const locked = findApiError(error, 'TOO_MANY_ATTEMPTS');
  if (!locked) return null;
  const seconds = Number(locked.extensions?.['retryAfterSeconds']);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 0;
}

export type UnavailableReason = 'TOO_BUSY' | 'TIMEOUT' | 'OVERLOADED';

/**
 * A SERVICE_UNAVAILABLE refusal: why (`extensions.reason`), and when to try again (the `Retry-After` header of a
 * 503, in seconds), or null when the error is not one.
 */
export function unavailableOf(error: unknown): { reason: UnavailableReason | null; retryAfterSeconds: number | null } | null {
  const refusal = findApiError(error, 'SERVICE_UNAVAILABLE');
  const status = httpStatusOf(error);
  if (!refusal && status !== 503) return null;
  const reason = refusal?.extensions?.['reason'];
  const header = ServerError.is(error) || ServerParseError.is(error) ? error.response.headers.get('retry-after') : null;
  const seconds = header === null ? NaN : Number(header);
  return {
    reason: reason === 'TOO_BUSY' || reason === 'TIMEOUT' || reason === 'OVERLOADED' ? reason : null,
    retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : null,
  };
}

function describeUnavailable({ reason, retryAfterSeconds }: NonNullable<ReturnType<typeof unavailableOf>>): string {
  const when = retryAfterSeconds ? `Try again in ${formatWait(retryAfterSeconds)}.` : 'Try again in a moment.';
  if (reason === 'TIMEOUT') return 'This took too long to work out and was stopped. Try again, or ask about fewer things at once.';
  if (reason === 'TOO_BUSY') return `Trellis is too busy to work this out right now. ${when}`;
  return `Trellis is overloaded right now. ${when}`;
}

const RELOAD = 'Reload the page and try again.';

/** A short, human sentence for an operation error; the technical message is shown separately. */
export function describeError(error: unknown): string {
  const status = httpStatusOf(error);
  if (hasErrorCode(error, 'UNAUTHENTICATED')) return 'Your session has ended. Sign in again to carry on.';
  if (hasErrorCode(error, 'FORBIDDEN')) return 'You do not have permission to see or do this. Ask an admin if you need it.';
  const locked = retryAfterSecondsOf(error);
  if (locked !== null) return `Too many attempts. ${locked > 0 ? `Try again in ${formatWait(locked)}.` : 'Wait a while, then try again.'}`;
  const unavailable = unavailableOf(error);
  if (unavailable) return describeUnavailable(unavailable);
  if (hasErrorCode(error, 'PAYLOAD_TOO_LARGE') || status === 413) {
    return 'That is too large to send in one go (at most 12 MB). Split it into smaller parts, or import a smaller file.';
  }
  if (hasErrorCode(error, 'QUERY_TOO_COMPLEX')) return `The server refused this request as too large or too complex. ${RELOAD}`;
  if (hasErrorCode(error, 'GRAPHQL_PARSE_FAILED') || hasErrorCode(error, 'GRAPHQL_VALIDATION_FAILED')) {
    return `This page is out of date with the server (Trellis may have been updated). ${RELOAD}`;
  }
  if (hasErrorCode(error, 'BAD_REQUEST')) return `The server could not read this request. ${RELOAD}`;
  if (hasErrorCode(error, 'INTERNAL') || (status !== null && status >= 500)) {
    const reference = requestIdOf(error);
    const logged = hasErrorCode(error, 'INTERNAL') ? 'Something went wrong on our side; it has been logged.' : `The server answered with status ${status}.`;
    return reference ? `${logged} If it keeps happening, tell your admin the reference ${reference}.` : logged;
  }
  const errors = graphQLErrors(error);
  if (errors.length > 0) return errors.map((e) => e.message).join(' ');
  if (ServerParseError.is(error)) return `The server's answer could not be read (status ${error.statusCode}). ${RELOAD}`;
  if (status !== null) return `The server answered with status ${status}.`;
  if (error instanceof Error && /fetch|network/i.test(error.message)) {
    return 'Trellis could not reach the server. Check your connection and try again.';
  }
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

/** Per-field messages of a BAD_USER_INPUT error (`extensions.fields: { [inputField]: message }`), from a 200 answer or a 400 refusal. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const fields = findApiError(error, 'BAD_USER_INPUT')?.extensions?.['fields'];
  if (!fields || typeof fields !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields as Record<string, unknown>)) {
    if (typeof message === 'string' && message.length > 0) out[key] = message;
  }
  return out;
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
