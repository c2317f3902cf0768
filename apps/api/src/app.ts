import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import underPressure from '@fastify/under-pressure';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger } from 'nestjs-pino';
import { pino } from 'pino';
import { LogController } from 'fastify';
import type { DataSource } from 'typeorm';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { GRAPHQL_PATH } from './graphql/graphql-options.js';
import { migrate } from './database/migrator.js';
import { Seeder } from './seed/seeder.js';
import { serveWebApp } from './web/static-assets.js';

/**
 * CSRF defence for GraphQL, the rule Apollo's csrfPrevention uses: only POSTs with a JSON body,
 * which a cross-site form or image cannot send without a CORS preflight (and none is allowed).
 * It checks the route the router matched, not the path as spelled: `/%67raphql` (decoded by the
 * router) reaches the same handler as `/graphql` and must meet the same rule.
 */
function rejectCrossSiteGraphql(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== GRAPHQL_PATH) return;
    const json = /^application\/json\b/i.test(request.headers['content-type'] ?? '');
    if (request.method === 'POST' && json) return;
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
      if (request.url.split('?')[0] === '/health') return undefined;
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
 * Builds the whole application: HTTP server, GraphQL, database (migrated), demo data when
 * configured, and the built web app. Used by main.ts and by the API tests alike.
 */
export async function createApp(options: AppModuleOptions & { quiet?: boolean }): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(options),
    new FastifyAdapter({
      trustProxy: true,
      // Fastify logs through pino too, so a GraphQL error is logged by the request's own child logger
      // (common/errors.ts) with its id: the id the x-request-id header and an INTERNAL answer carry.
      loggerInstance: pino({ level: options.config.LOG_LEVEL }, options.logDestination ?? pino.destination(1)),
      logController: new LogController({ disableRequestLogging: true }),
      // A random id per request (also on the raw request, where pino-http reads it).
      genReqId: (raw: object) => ((raw as { id?: string }).id = randomUUID()),
    }),
    { bufferLogs: true, logger: options.quiet ? false : undefined },
  );
  if (!options.quiet) app.useLogger(app.get(Logger));
  app.enableShutdownHooks();

  await shedLoadUnderPressure(app, options.config.MAX_EVENT_LOOP_DELAY_MS);
  await app.register(fastifyCookie);
  app.getHttpAdapter().getInstance().addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  rejectCrossSiteGraphql(app);
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

  const dataSource = app.get<DataSource>(getDataSourceToken());
  await migrate(dataSource);
  if (options.config.TRELLIS_SEED_DEMO) await app.get(Seeder).seedDemo();
  await app.init();
  return app;
}
