import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createTestDatabase } from './postgres-server.js';

/** Counts the SQL statements the app sends, so tests can prove reads are batched. */
export class SqlCounter implements TypeOrmLogger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface TestApp {
  app: NestFastifyApplication;
  sql: SqlCounter;
  databaseUrl: string;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

/** The real application (Fastify, GraphQL, TypeORM, migrations, seed) on a database of its own. */
export async function startTestApp(options: { seed?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const sql = new SqlCounter();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    TRELLIS_SEED_DEMO: options.seed === false ? 'false' : 'true',
    WEB_DIST_DIR: '/nonexistent',
  });
  const app = await createApp({ config, databaseUrl: database.url, sqlLogger: sql, quiet: true });
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    sql,
    databaseUrl: database.url,
    async graphql(query, variables) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
