import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
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

export interface GraphqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A browser's view of the API: it keeps the session cookie the API sets. */
export interface Client {
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResult<T>>;
  cookie: string | null;
}

export const DEMO_PASSWORD = 'trellis-demo-2026';
export const DEMO = {
  admin: 'asha.patel@demo.example',
  leadership: 'farid.haddad@demo.example',
  manager: 'grace.liu@demo.example',
  employee: 'dan.kowalski@demo.example',
} as const;

export interface TestApp {
  app: NestFastifyApplication;
  sql: SqlCounter;
  databaseUrl: string;
  /** The same database as the superuser (bypasses row-level security): for arranging and inspecting. */
  adminDatabaseUrl: string;
  /** A browser with no session; `address` is the network it calls from (127.0.0.1 when not given). */
  anonymous(options?: { address?: string }): Client;
  signIn(email: string, password?: string, options?: { address?: string }): Promise<Client>;
  close(): Promise<void>;
}

/** The real application (Fastify, GraphQL, TypeORM, migrations, seed) on a database of its own. */
export async function startTestApp(
  options: {
    seed?: boolean;
    environment?: Record<string, string>;
    logDestination?: DestinationStream;
    /** Another instance's database: a second API process on the same data (not dropped by this one's close). */
    databaseOf?: TestApp;
  } = {},
): Promise<TestApp> {
  const shared = options.databaseOf;
  const database = shared
    ? { url: shared.databaseUrl, adminUrl: shared.adminDatabaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const sql = new SqlCounter();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    TRELLIS_SEED_DEMO: options.seed === false ? 'false' : 'true',
    // Tests arrange their own mentoring; test/mentoring-demo.test.ts seeds the demo's.
    TRELLIS_SEED_DEMO_MENTORING: 'false',
    // An empty demo organisation (people, no ratings nor plans) unless a test asks for its activity.
    TRELLIS_DEMO_ACTIVITY: 'false',
    WEB_DIST_DIR: '/nonexistent',
    // Test files share a busy machine and block their thread at times (start-up, fixtures): shedding
    // load would make them flaky. test/heavy-work.test.ts turns it on to test it.
    MAX_EVENT_LOOP_DELAY_MS: '0',
    // Report snapshots are refreshed by the tests that need them (test/reports.test.ts), not behind others' backs.
    REPORTS_REFRESH_SECONDS: '0',
    // The demo's dozen named people only: tests count and list them (reports.test.ts adds its own crowd).
    TRELLIS_DEMO_CROWD: 'false',
    ...options.environment,
  });
  const app = await createApp({ config, databaseUrl: database.url, sqlLogger: sql, logDestination: options.logDestination, quiet: true });
  await app.getHttpAdapter().getInstance().ready();

  const client = (options: { address?: string } = {}): Client => {
    const self: Client = {
      cookie: null,
      async graphql(query, variables) {
        const response = await app.inject({
          method: 'POST',
          url: '/graphql',
          remoteAddress: options.address,
          headers: { 'content-type': 'application/json', ...(self.cookie ? { cookie: self.cookie } : {}) },
          payload: JSON.stringify({ query, variables }),
        });
        const setCookie = response.cookies.find((cookie) => cookie.name === 'trellis_session');
        if (setCookie) self.cookie = setCookie.value ? `trellis_session=${setCookie.value}` : null;
        return response.json();
      },
    };
    return self;
  };

  return {
    app,
    sql,
    databaseUrl: database.url,
    adminDatabaseUrl: database.adminUrl,
    anonymous: client,
    async signIn(email, password = DEMO_PASSWORD, options = {}) {
      const signedIn = client(options);
      const result = await signedIn.graphql('mutation($input: SignInInput!) { signIn(input: $input) { person { id } } }', {
        input: { email, password },
      });
      if (result.errors) throw new Error(`Could not sign in as ${email}: ${result.errors[0]!.message}`);
      return signedIn;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
