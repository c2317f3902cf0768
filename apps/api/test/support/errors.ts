import type { GraphqlResult } from './test-app.js';

export interface ReportedError {
  message: string;
  code: unknown;
  extensions: Record<string, unknown>;
}

/** The one error an operation answered with; fails when it answered without an error. */
export function theError(result: GraphqlResult<unknown>): ReportedError {
  expect(result.errors).toBeDefined();
  expect(result.errors).toHaveLength(1);
  const [error] = result.errors!;
  return { message: error!.message, code: error!.extensions?.code, extensions: error!.extensions ?? {} };
}

/** The field errors of a BAD_USER_INPUT answer (`extensions.fields`). */
export function fieldErrors(result: GraphqlResult<unknown>): Record<string, string> {
  const error = theError(result);
  expect(error.code).toBe('BAD_USER_INPUT');
  return (error.extensions.fields ?? {}) as Record<string, string>;
}

/** Fails with the answer's errors in the message, which a bare `toBeUndefined` would not show. */
export function expectNoErrors(result: GraphqlResult<unknown>): void {
  expect(result.errors ?? []).toEqual([]);
}
