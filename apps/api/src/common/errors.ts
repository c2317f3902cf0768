import { HttpException } from '@nestjs/common';
import type { ExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import mercurius from 'mercurius';

/** The codes a client can rely on in `errors[].extensions.code`. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'TOO_MANY_ATTEMPTS'
  /** The server is too busy (or the work took too long) to answer now; `reason` says which. Try again. */
  | 'SERVICE_UNAVAILABLE'
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

/**
 * Gives every GraphQL error a code: NestJS exceptions (pipes, guards) map by their HTTP status,
 * AppErrors keep theirs, anything unexpected becomes INTERNAL with a generic message, so no
 * stack or SQL leaks to the client (it is logged instead).
 */
export function formatGraphqlErrors(
  execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>,
  context: Parameters<typeof mercurius.defaultErrorFormatter>[1],
) {
  const errors = execution.errors.map((error) => {
    const original = error.originalError;
    if (!original || original instanceof mercurius.ErrorWithProps || error.extensions?.code) return error;
    if (original instanceof HttpException) {
      const code = HTTP_CODES[original.getStatus()] ?? 'INTERNAL';
      return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { code } });
    }
    if (original instanceof GraphQLError) return error;
    context.reply?.log?.error({ err: original }, 'unexpected error in a resolver');
    return new GraphQLError('Something went wrong on our side; it has been logged.', {
      nodes: error.nodes,
      path: error.path,
      extensions: { code: 'INTERNAL' },
    });
  });
  const formatted = mercurius.defaultErrorFormatter({ ...execution, errors }, context);
  // Errors are answers, not transport failures: keep HTTP 200 whenever GraphQL executed.
  return { ...formatted, statusCode: execution.data === undefined && formatted.statusCode >= 500 ? formatted.statusCode : 200 };
}
