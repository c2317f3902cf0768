import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config/config.js';
import { RequestDatabase, type RequestPool } from '../database/tenant-database.js';
import type { SessionsService } from '../identity/sessions.service.js';
import { queryLimitRules } from './query-limits.js';
import type { LiveSession } from '../live/live-session.js';
import type { PublicContext, SessionInfo } from './request-context.js';

/** Where an upgraded request keeps the session it was opened with. */
const LIVE_SESSION = Symbol('liveSession');
type LiveRequest = FastifyRequest & { [LIVE_SESSION]?: SessionInfo };

/** True for a WebSocket upgrade (a subscription connection) rather than an HTTP GraphQL request. */
export function isWebSocketUpgrade(request: FastifyRequest): boolean {
  return request.method === 'GET' && /\bwebsocket\b/i.test(request.headers.upgrade ?? '');
}

/**
 * A browser sends Origin with every WebSocket upgrade and the cookie with it whatever page opened
 * it, so the Origin must be ours: PUBLIC_URL's, or the host the request was sent to (a proxy in
 * front, the dev server). A request without Origin is not from a browser page (no CSRF to fear).
 */
export function originAllowed(request: FastifyRequest, config: AppConfig): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.origin === new URL(config.PUBLIC_URL).origin || url.host === request.headers.host;
}

/**
 * Checks a subscription connection before it is upgraded: an Origin of ours (403 otherwise) and a
 * live session cookie, the same one HTTP reads (401 otherwise). The session is kept on the request
 * for the subscription context; the database connection used to read it is released at once (an
 * open WebSocket holds none).
 */
export async function authoriseLiveConnection(
  request: FastifyRequest,
  reply: FastifyReply,
  config: AppConfig,
  sessions: SessionsService,
  requestPool: RequestPool,
): Promise<void> {
  const refuse = (status: number, code: string, message: string) => {
    request.log.warn({ code, origin: request.headers.origin }, `GraphQL subscription connection refused: ${message}`);
    // A refused upgrade's socket is not an HTTP keep-alive connection: close it once answered (else it stays open).
    reply.raw.once('finish', () => request.raw.socket.destroy());
    return reply.status(status).send({ errors: [{ message, extensions: { code } }] });
  };
  if (!originAllowed(request, config)) return void (await refuse(403, 'FORBIDDEN', 'Subscriptions are open to Trellis pages only.'));
  const claimed = sessions.claimedOrganisation(request);
  let session: SessionInfo | null = null;
  if (claimed) {
    const db = new RequestDatabase(requestPool, claimed);
    try {
      session = await sessions.read(request, db);
    } finally {
      db.release();
    }
  }
  if (!session) return void (await refuse(401, 'UNAUTHENTICATED', 'Sign in to receive live notifications.'));
  (request as LiveRequest)[LIVE_SESSION] = session;
}

/** The part of a ws socket a subscription connection's session watch uses. */
interface LiveSocket {
  close(code?: number, reason?: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/** The close code of a connection whose session ended (an application code: graphql-ws passes 4000-4999 to the client). */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/**
 * The context of a subscription: the person and organisation the connection was opened as, with
 * no database (a subscription's fields come from the event itself). The AccessGuard checks the
 * session as for any operation; a subscription resolver subscribes to that person's topic only.
 * The session is read again every `checkEverySeconds` and before each event is delivered
 * (`liveSession.stillLive`, one indexed statement on a connection taken only for it): once it is
 * revoked, expired or the person left, the connection is closed with 4401.
 */
export function subscriptionContextFactory(sessions: SessionsService, requestPool: RequestPool, checkEverySeconds: number) {
  return (socket: LiveSocket, request: FastifyRequest): Partial<PublicContext> & { organisationId?: string; liveSession: LiveSession } => {
    const session = (request as LiveRequest)[LIVE_SESSION];
    if (!session) throw new Error('a subscription connection without a checked session');
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(timer);
      request.log.info({ sessionId: session.sessionId }, 'GraphQL subscription connection closed: its session ended');
      socket.close(SESSION_ENDED_CLOSE_CODE, 'Session ended: sign in again');
    };
    const stillLive = async (): Promise<boolean> => {
      if (ended) return false;
      const db = new RequestDatabase(requestPool, session.organisationId);
      let live: boolean;
      try {
        live = (await sessions.read(request, db)) !== null;
      } finally {
        db.release();
      }
      if (!live) end();
      return live;
    };
    // A failed check (database briefly away) keeps the connection: the next check or event decides.
    const timer = setInterval(() => void stillLive().catch(() => undefined), checkEverySeconds * 1000);
    timer.unref();
    socket.once('close', () => {
      ended = true;
      clearInterval(timer);
    });
    return { session, organisationId: session.organisationId, db: null, loaders: null, liveSession: { stillLive } };
  };
}

/**
 * Mercurius does not validate a subscription's document: run GraphQL's rules and the query limits
 * (graphql-armor) before it subscribes, as HTTP requests have them at validation.
 */
export function validateSubscription(options: { introspection: boolean }) {
  const rules = [...specifiedRules, ...queryLimitRules(options)];
  return (schema: GraphQLSchema, document: DocumentNode): void => {
    const errors = validate(schema, document, rules);
    if (errors.length > 0) throw new GraphQLError(errors.map((error) => error.message).join(' '), { extensions: { code: errors[0]?.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED' } });
  };
}
