import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import { FrameworkLoaders, FrameworkQueries } from '../frameworks/framework.loaders.js';
import type { OrganisationsService } from '../organisations/organisations.service.js';
import type { RequestContext } from './request-context.js';

/** Mercurius with graphql-jit; the schema is built in memory (scripts/emit-schema writes schema.gql). */
export function graphqlOptions(
  config: AppConfig,
  dataSource: DataSource,
  organisations: OrganisationsService,
): MercuriusDriverConfig {
  const frameworkQueries = new FrameworkQueries(dataSource);
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    graphiql: config.NODE_ENV === 'development',
    // Compile a query to JavaScript after its first execution.
    jit: 1,
    queryDepth: 12,
    context: async (): Promise<RequestContext> => {
      const organisationId = await organisations.organisationIdForRequest();
      return { organisationId, loaders: new FrameworkLoaders(frameworkQueries, organisationId) };
    },
  };
}
