import type { FastifyReply, FastifyRequest } from 'fastify';

/** The HTTP request and reply an identity operation reads the address from and sets the session cookie on. */
export interface HttpExchange {
  request: FastifyRequest;
  reply: FastifyReply;
}

/** PostgreSQL's unique_violation on `table` (here: a concurrent insert of the same e-mail into accounts). */
export function isUniqueViolation(error: unknown, table = 'accounts'): boolean {
  type PgError = { code?: string; table?: string };
  const driverError = (error as { driverError?: PgError } | null)?.driverError ?? (error as PgError | null);
  return driverError?.code === '23505' && driverError.table === table;
}
