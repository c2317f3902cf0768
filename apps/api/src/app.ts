import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import underPressure from '@fastify/under-pressure';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { pino } from 'pino';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { GRAPHQL_PATH } from './graphql/graphql-options.js';
import { authoriseLiveConnection, isWebSocketUpgrade } from './graphql/live-connection.js';
import type { AppConfig } from './config/config.js';
import { RequestPool } from './database/tenant-database.js';
import { SessionsService } from './identity/sessions.service.js';
import { prepareDatabase } from './database/app-role.js';
import { Lifecycle } from './health/lifecycle.js';
import { Seeder } from './seed/seeder.js';
import { serveWebApp } from './web/static-assets.js';

/**
 * CSRF defence for GraphQL, the rule Apollo's csrfPrevention uses: only POSTs with a JSON body,
 * which a cross-site form or image cannot send without a CORS preflight (and none is allowed).
 * The one GET allowed is a WebSocket upgrade for subscriptions, from one of our Origins with a session.
 * It checks the route the router matched, not the path as spelled: `/%67raphql` (decoded by the
 * router) reaches the same handler as `/graphql` and must meet the same rule.
 */
function rejectCrossSiteGraphql(app: NestFastifyApplication, config: AppConfig): void {
  const sessions = app.get(SessionsService);
  const requestPool = app.get(RequestPool);
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== GRAPHQL_PATH) return;
    // A subscription connection: Origin and session checked before the upgrade (live-connection.ts).
    if (isWebSocketUpgrade(request)) return authoriseLiveConnection(request, reply, config, sessions, requestPool);
    const json = /^application\/json\b/i.test(request.headers['content-type'] ?? '');
    if (request.method === 'POST' && json) return;
    request.log.warn({ code: 'BAD_REQUEST', method: request.method, contentType: request.headers['content-type'] }, 'GraphQL request refused: not a JSON POST');
    await reply
      .status(request.method === 'POST' ? 415 : 405)
      .send({ errors: [{ message: 'GraphQL is served as POST with Content-Type: application/json.', extensions: { code: 'BAD_REQUEST' } }] });
  });
}

/**
 * Sheds load when the process is overloaded: while the event loop lags more than
 * MAX_EVENT_LOOP_DELAY_MS on average (over windows of that length, at most 1 s), requests are answered 503 with
 * Retry-After and a SERVICE_UNAVAILABLE error, before any work is done for them. /health is always
 * answered (it reports the database; a load balancer should not take an overloaded process out).
 * Heavy domain work runs in worker threads (DomainWorkerPool), so the lag this guards against is
 * the request thread's own.
 */
async function shedLoadUnderPressure(app: NestFastifyApplication, maxEventLoopDelay: number): Promise<void> {
  if (maxEventLoopDelay <= 0) return;
  await app.register(underPressure, {
    maxEventLoopDelay,
    // The lag is the mean over a window as long as the threshold (at most 1 s): a window with no
    // sample at all counts as infinite lag, which must mean a block at least as long as the threshold.
    sampleInterval: Math.max(100, Math.min(1000, maxEventLoopDelay)),
    retryAfter: 5,
    pressureHandler: (request, reply) => {
      const path = request.url.split('?')[0];
      if (path === '/health' || path === '/health/live') return undefined;
      void reply.status(503).header('Retry-After', '5');
      const body = {
        errors: [
          {
            message: 'Trellis is overloaded right now: try again in a few seconds.',
            extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'OVERLOADED' },
          },
        ],
      };
      // The plugin sends what the handler returns (its typings say void; its documentation and code send it).
      return body as unknown as void;
    },
  });
}

/**
 * Fastify logs every error reply: a 4xx at info with the error's stack. A refusal is the caller's
 * doing, not ours: GraphQL's are logged by the error formatter (common/errors.ts) as one warning
 * line, any other as one warning line here; only 5xx keep their stack (as errors).
 */
class RefusalsAsWarnings extends LogController {
  override defaultErrorLog(error: Error & { extensions?: unknown; code?: string }, request: FastifyRequest, reply: FastifyReply, metadata?: Record<string, unknown>): void {
    if (reply.statusCode >= 500) {
      super.defaultErrorLog(error, request, reply, metadata);
      return;
    }
    if (error?.extensions) return;
    reply.log.warn({ statusCode: reply.statusCode, code: error?.code }, `request refused: ${error?.message ?? reply.statusCode}`);
  }
}

/**
 * Builds the whole application: HTTP server, GraphQL, database (migrated as its owner, then used
 * through a role that owns nothing: database/app-role.ts), demo data when configured, and the built
 * web app. Used by main.ts and by the API tests alike.
 */
export async function createApp(options: AppModuleOptions & { quiet?: boolean }): Promise<NestFastifyApplication> {
  const databaseRoles = await prepareDatabase({
    ownerUrl: options.config.DATABASE_MIGRATION_URL ?? options.databaseUrl,
    appUrl: options.databaseUrl,
    appRole: options.config.DATABASE_APP_ROLE,
  });
  if (databaseRoles.warning && !options.quiet) process.stderr.write(`trellis: warning: ${databaseRoles.warning}\n`);
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ ...options, databaseRoles }),
    new FastifyAdapter({
      // Only the listed proxies' X-Forwarded-For counts (request.ip: throttling, audit); none by default in production.
      trustProxy: options.config.TRUST_PROXY,
      // During a drain (main.ts) every request that reaches the server is answered, keep-alive included.
      return503OnClosing: false,
      // Fastify logs through pino too, so a GraphQL error is logged by the request's own child logger
      // (common/errors.ts) with its id: the id the x-request-id header and an INTERNAL answer carry.
      loggerInstance: pino({ level: options.config.LOG_LEVEL }, options.logDestination ?? pino.destination(1)),
      logController: new RefusalsAsWarnings({ disableRequestLogging: true }),
      // A random id per request (also on the raw request, where pino-http reads it).
      genReqId: (raw: object) => ((raw as { id?: string }).id = randomUUID()),
    }),
    { bufferLogs: true, logger: options.quiet ? false : undefined },
  );
  if (!options.quiet) app.useLogger(app.get(Logger));
  // No app.enableShutdownHooks(): main.ts has the process's one signal handler (drain, then close).
  const lifecycle = app.get(Lifecycle);
  app.getHttpAdapter().getInstance().addHook('onSend', async (_request, reply) => {
    // Stopping: keep-alive clients reconnect (to another process) after this answer.
    if (lifecycle.stopping) reply.header('connection', 'close');
  });

  await shedLoadUnderPressure(app, options.config.MAX_EVENT_LOOP_DELAY_MS);
  await app.register(fastifyCookie);
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  rejectCrossSiteGraphql(app, options.config);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine and the role graph set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  const webDist = options.config.WEB_DIST_DIR;
  if (existsSync(webDist)) {
    serveWebApp(app, webDist);
  }

  if (options.config.TRELLIS_SEED_DEMO) await app.get(Seeder).seedDemo();
  await app.init();
  return app;
}
