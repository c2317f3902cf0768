import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { formatGraphqlErrors } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { RequestDatabase, type RequestPool } from '../database/tenant-database.js';
import { FrameworkLoaders, FrameworkQueries } from '../frameworks/framework.loaders.js';
import type { SessionsService } from '../identity/sessions.service.js';
import { IdentityLoaders } from '../identity/identity.loaders.js';
import { PeopleLoaders } from '../people/people.loaders.js';
import type { LiveEvents } from '../live/live-events.js';
import { subscriptionContextFactory, validateSubscription } from './live-connection.js';
import { parseOptions, queryLimitRules } from './query-limits.js';
import type { PublicContext, RequestContext, RequestLoaders } from './request-context.js';

/** A request's loaders, each family made on first use. */
function requestLoaders(frameworkQueries: FrameworkQueries, db: RequestDatabase): RequestLoaders {
  let frameworks: FrameworkLoaders | undefined;
  let people: PeopleLoaders | undefined;
  let identity: IdentityLoaders | undefined;
  return {
    get identity() {
      return (identity ??= new IdentityLoaders(db));
    },
    get frameworks() {
      return (frameworks ??= new FrameworkLoaders(frameworkQueries, db));
    },
    get people() {
      return (people ??= new PeopleLoaders(db));
    },
  };
}

/** Where GraphQL is served (the CSRF rule in app.ts guards this route). */
export const GRAPHQL_PATH = '/graphql';

/**
 * The largest GraphQL request body. Imports travel in it: a 5 MB framework document, escaped into a
 * JSON string, is about 6 MB. Larger bodies are refused with PAYLOAD_TOO_LARGE (HTTP 413) before
 * they are read; every other route keeps Fastify's 1 MiB.
 */
export const GRAPHQL_BODY_LIMIT = 12 * 1024 * 1024;

/** Mercurius with graphql-jit; the schema is built in memory (schema/emit-schema writes schema.gql). */
export function graphqlOptions(
  config: AppConfig,
  dataSource: DataSource,
  requestPool: RequestPool,
  sessions: SessionsService,
  live: LiveEvents,
): MercuriusDriverConfig {
  const frameworkQueries = new FrameworkQueries(dataSource);
  const introspection = config.NODE_ENV === 'development';
  const validateLive = validateSubscription({ introspection });

  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: GRAPHQL_PATH,
    // The IDE and introspection are for developing Trellis, not for whoever reaches a server.
    graphiql: config.NODE_ENV === 'development',
    validationRules: queryLimitRules({ introspection }),
    graphql: { parseOptions },
    additionalRouteOptions: { bodyLimit: GRAPHQL_BODY_LIMIT },
    // Compile a query to JavaScript after its first execution.
    jit: 1,
    errorFormatter: formatGraphqlErrors,
    // Subscriptions over graphql-ws on GRAPHQL_PATH: app.ts checks the upgrade's Origin and session
    // cookie (live-connection.ts); events come from LiveEvents' emitter (Redis when REDIS_URL is set).
    subscription: {
      emitter: live.emitter,
      context: subscriptionContextFactory(sessions, requestPool, config.LIVE_SESSION_CHECK_SECONDS),
      keepAlive: 30_000,
    },
    hooks: {
      preSubscriptionExecution: (schema, document) => validateLive(schema, document),
    },
    context: async (request: FastifyRequest, reply: FastifyReply): Promise<PublicContext> => {
      const context = { request, reply, session: null, db: null, loaders: null } as unknown as RequestContext;
      const open: RequestDatabase[] = [];
      let ended = false;
      const release = () => {
        ended = true;
        open.splice(0).forEach((db) => db.release());
      };
      reply.raw.once('finish', release);
      reply.raw.once('close', release);

      const actAs = (db: RequestDatabase) => {
        // A database opened after the reply ended (the client went away mid-sign-in) is closed at once.
        if (ended) db.release();
        else open.push(db);
        context.db = db;
        context.organisationId = db.organisationId;
        context.loaders = requestLoaders(frameworkQueries, db);
      };

      const claimed = sessions.claimedOrganisation(request);
      if (claimed) {
        const db = new RequestDatabase(requestPool, claimed);
        const session = await sessions.read(request, db);
        if (session) {
          actAs(db);
          context.session = session;
        } else {
          db.release();
          sessions.clearCookie(reply);
        }
      }

      context.adoptSession = async (organisationId, personId, sessionId = '') => {
        actAs(new RequestDatabase(requestPool, organisationId));
        const person = await context.loaders.people.person.load(personId);
        context.session = { sessionId, organisationId, personId, accessRole: person?.accessRole ?? 'employee' };
      };
      return context;
    },
  };
}
