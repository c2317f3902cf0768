import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { formatGraphqlErrors } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { RequestDatabase, type RequestPool } from '../database/tenant-database.js';
import { FrameworkLoaders, FrameworkQueries } from '../frameworks/framework.loaders.js';
import type { SessionsService } from '../identity/sessions.service.js';
import { PeopleLoaders } from '../people/people.loaders.js';
import type { PublicContext, RequestContext, RequestLoaders } from './request-context.js';

/** A request's loaders, each family made on first use. */
function requestLoaders(frameworkQueries: FrameworkQueries, db: RequestDatabase): RequestLoaders {
  let frameworks: FrameworkLoaders | undefined;
  let people: PeopleLoaders | undefined;
  return {
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

/** Mercurius with graphql-jit; the schema is built in memory (schema/emit-schema writes schema.gql). */
export function graphqlOptions(
  config: AppConfig,
  dataSource: DataSource,
  requestPool: RequestPool,
  sessions: SessionsService,
): MercuriusDriverConfig {
  const frameworkQueries = new FrameworkQueries(dataSource);

  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: GRAPHQL_PATH,
    graphiql: config.NODE_ENV === 'development',
    // Compile a query to JavaScript after its first execution.
    jit: 1,
    queryDepth: 12,
    errorFormatter: formatGraphqlErrors,
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
