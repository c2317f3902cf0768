/** What a subscription's context says of its connection's session (graphql/live-connection.ts). */
export interface LiveSession {
  /** Reads the session again; false (and the connection closed) once it is revoked, expired or the person left. */
  stillLive(): Promise<boolean>;
}

/**
 * A subscription's events while its session stays live: each event is held until the session is read
 * again, and the first one after it ended is dropped and ends the stream (its connection is closed).
 */
export function whileSessionLive<T>(source: AsyncIterable<T>, live: LiveSession | undefined): AsyncIterable<T> {
  if (!live) return source;
  const events = source[Symbol.asyncIterator]();
  const finish = async (): Promise<IteratorResult<T>> => {
    await events.return?.();
    return { done: true, value: undefined };
  };
  return {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        const step = await events.next();
        if (step.done) return step;
        return (await live.stillLive()) ? step : finish();
      },
      return: finish,
    }),
  };
}
