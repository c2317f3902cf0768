import { HttpException } from '@nestjs/common';
import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import mercurius from 'mercurius';
import { isParserLimitMessage } from '../graphql/query-limits.js';
import { databaseInputError } from './database-errors.js';

/** The codes a client can rely on in `errors[].extensions.code` (docs/ARCHITECTURE.md lists when each is used). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'TOO_MANY_ATTEMPTS'
  /** The server is too busy (or the work took too long) to answer now; `reason` says which. Try again. */
  | 'SERVICE_UNAVAILABLE'
  | 'BAD_REQUEST'
  | 'PAYLOAD_TOO_LARGE'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'QUERY_TOO_COMPLEX'
  | 'INTERNAL';

/** An error a person can act on: a clear message and a code (plus details such as field errors). */
export class AppError extends mercurius.ErrorWithProps {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { code, ...details });
  }
}

export const notSignedIn = () => new AppError('UNAUTHENTICATED', 'Sign in to continue.');
export const forbidden = (what: string) => new AppError('FORBIDDEN', `You are not allowed to ${what}.`);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} does not exist.`);
/** Field errors keyed by the input field they belong to, so a form can show each beside its field. */
export const badInput = (fields: Record<string, string>) =>
  new AppError('BAD_USER_INPUT', Object.values(fields).join(' '), { fields });

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'TOO_MANY_ATTEMPTS',
};

/** The HTTP status of a request refused before GraphQL ran, by the code it was refused with. */
const REFUSAL_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  QUERY_TOO_COMPLEX: 400,
  BAD_USER_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};

export const INTERNAL_MESSAGE = 'Something went wrong on our side; it has been logged.';

interface Log {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

type FormatterContext = Parameters<typeof mercurius.defaultErrorFormatter>[1];

const SILENT_LOG = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The request's logger (Fastify's, a pino child that carries `reqId`: see app.ts) and its id. */
function requestLog(context: FormatterContext | undefined): { log: Log | null; requestId: string | undefined } {
  const request = context?.reply?.request;
  return { log: (request?.log as Log | undefined) ?? null, requestId: request?.id };
}

/** An error with its code, and what caused it (for the log: the client never sees it). */
type Classified = { error: GraphQLError; code: ErrorCode; cause?: unknown };

// The original error is not kept on the answer: Mercurius' formatter would unwrap one that carries
// `errors` and lose the code, and nothing of it may reach the client anyway.
const withCode = (error: GraphQLError, code: ErrorCode, message = error.message, extensions: Record<string, unknown> = {}): Classified => ({
  error: new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code, ...extensions },
  }),
  code,
  cause: error.originalError ?? error,
});

/** An error GraphQL itself reported about the request (not about our code): parse, validation, variables. */
function classifyRequestError(error: unknown): Classified {
  const graphqlError = error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : String(error));
  const code = graphqlError.extensions?.code;
  if (typeof code === 'string') return { error: graphqlError, code: code as ErrorCode };
  if (!(error instanceof GraphQLError)) {
    // Mercurius' check of the body's shape ("body/query must be string").
    return withCode(graphqlError, 'BAD_REQUEST', `The request is not a GraphQL request: ${graphqlError.message}.`);
  }
  if (isParserLimitMessage(graphqlError.message)) {
    return withCode(graphqlError, 'QUERY_TOO_COMPLEX', `The query is too large: ${graphqlError.message.replace(/^Syntax Error:\s*/, '')}`);
  }
  if (graphqlError.message.startsWith('Syntax Error')) return withCode(graphqlError, 'GRAPHQL_PARSE_FAILED');
  // The arguments' values did not fit their types (a missing field, an Int out of range): bad input.
  if (graphqlError.message.startsWith('Variable "$')) {
    const field = variableField(graphqlError.message);
    return withCode(graphqlError, 'BAD_USER_INPUT', graphqlError.message, field ? { fields: { [field.key]: field.message } } : {});
  }
  return withCode(graphqlError, 'GRAPHQL_VALIDATION_FAILED');
}

/**
 * The field a GraphQL variable error is about, named as field errors are (`expectedVersion` inside
 * `$input`, `operations[0].name` elsewhere), e.g. from
 * `Variable "$input" got invalid value 1e+300 at "input.expectedVersion"; Int cannot represent ...`.
 */
function variableField(message: string): { key: string; message: string } | null {
  const invalid = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"; (.*)$/s.exec(message);
  if (invalid) {
    const [, variable, path, reason] = invalid;
    const inner = path!.startsWith(`${variable}.`) || path!.startsWith(`${variable}[`) ? path!.slice(variable!.length).replace(/^\./, '') : path!;
    return { key: variable === 'input' ? inner : `${variable}${inner.startsWith('[') ? '' : '.'}${inner}`, message: reason! };
  }
  const whole = /^Variable "\$(\w+)" (?:got invalid value .*?; |of (?:required|non-null) type .*? )(.*)$/s.exec(message);
  if (!whole) return null;
  // A missing field, as graphql-js ("Field "id" of required type...") and graphql-jit ("Field value.id of...") say it.
  const missing = /^Field (?:value\.)?"?([\w.[\]]+?)"? of required type/.exec(whole[2]!);
  if (missing) {
    const inner = missing[1]!;
    return { key: whole[1] === 'input' ? inner : `${whole[1]}.${inner}`, message: whole[2]! };
  }
  return { key: whole[1]!, message: whole[2]! };
}

function classify(error: GraphQLError): Classified[] {
  const original = error.originalError as (Error & { code?: unknown; statusCode?: unknown; errors?: unknown }) | undefined;
  if (original && Array.isArray(original.errors) && original.code === 'MER_ERR_GQL_VALIDATION') {
    return original.errors.map(classifyRequestError);
  }
  if (typeof error.extensions?.code === 'string') return [{ error, code: error.extensions.code as ErrorCode }];
  // Without a cause and a path, GraphQL refused the request itself; with a path, it failed while
  // running (a null for a non-null field): our fault.
  if (!original) return [error.path ? withCode(error, 'INTERNAL', INTERNAL_MESSAGE) : classifyRequestError(error)];
  if (original instanceof mercurius.ErrorWithProps) {
    const code = (original.extensions as Record<string, unknown> | undefined)?.code;
    return [{ error, code: typeof code === 'string' ? (code as ErrorCode) : 'INTERNAL' }];
  }
  if (original instanceof HttpException) return [withCode(error, HTTP_CODES[original.getStatus()] ?? 'INTERNAL')];
  // Refused by Fastify or Mercurius before GraphQL ran: the body (too large, not JSON), the method.
  if (typeof original.statusCode === 'number' && original.statusCode >= 400 && original.statusCode < 500) {
    if (original.statusCode === 413) {
      return [withCode(error, 'PAYLOAD_TOO_LARGE', 'The request is too large. Split it up, or import a smaller file.')];
    }
    return [withCode(error, 'BAD_REQUEST', `The request could not be read: ${original.message}`)];
  }
  const fromDatabase = databaseInputError(original);
  if (fromDatabase) return [withCode(error, fromDatabase.code, fromDatabase.message)];
  return [withCode(error, 'INTERNAL', INTERNAL_MESSAGE)];
}

/**
 * Gives every GraphQL error a code and logs it: the caller's mistakes (refused requests, bad input,
 * rights) as one warning line, real faults (INTERNAL) as errors with their stack. An INTERNAL answer
 * says nothing of the cause (no stack or SQL leaks) but carries the request id, so a person can
 * quote it and we can find the log line.
 */
export function formatGraphqlErrors(execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>, context: FormatterContext) {
  const { log, requestId } = requestLog(context);
  const classified = execution.errors.flatMap(classify).map(({ error, code, cause }) => {
    if (code === 'INTERNAL') {
      log?.error({ err: cause ?? error, requestId, path: error.path }, 'internal error in a GraphQL request');
      return { error: withCode(error, 'INTERNAL', INTERNAL_MESSAGE, { requestId }).error, code };
    }
    // A database refusal mapped to a 4xx means validation missed something: keep what PostgreSQL said.
    const because = cause instanceof Error && cause.message !== error.message ? cause.message.slice(0, 300) : undefined;
    log?.warn({ code, requestId, path: error.path, message: error.message.slice(0, 300), because }, 'GraphQL request refused');
    return { error, code };
  });
  const errors = classified.map(({ error }) => error);
  // Mercurius's formatter logs every error at info with its stack; they were logged above (one line each).
  const formatted = mercurius.defaultErrorFormatter({ ...execution, errors }, { reply: { log: SILENT_LOG } } as unknown as FormatterContext);
  // Errors are answers, not transport failures: HTTP 200 whenever GraphQL executed; a request
  // refused before it ran gets the status of its refusal (400, 413, or 500 for our fault).
  const statusCode =
    execution.data !== undefined ? 200 : Math.max(...classified.map(({ code }) => REFUSAL_STATUS[code] ?? 400));
  return { ...formatted, statusCode };
}
