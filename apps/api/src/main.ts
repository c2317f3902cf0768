import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';

/** Ends the process with one clear line instead of a stack trace. */
function fail(message: string): never {
  process.stderr.write(`trellis: ${message}\n`);
  process.exit(1);
}

async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const { hostname, port, pathname } = new URL(url);
    const reason = error instanceof Error ? error.message : String(error);
    fail(`cannot connect to PostgreSQL at ${hostname}:${port || 5432}${pathname} (${reason}). Check DATABASE_URL.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let embedded: EmbeddedDatabase | undefined;
  if (!config.DATABASE_URL) {
    process.stdout.write(`Starting the embedded PostgreSQL (data in ${config.TRELLIS_DATA_DIR})...\n`);
    embedded = await startEmbeddedPostgres({ dataDir: config.TRELLIS_DATA_DIR, port: config.TRELLIS_EMBEDDED_PG_PORT }).catch(
      (error: unknown) =>
        fail(
          `could not start the embedded PostgreSQL on port ${config.TRELLIS_EMBEDDED_PG_PORT}: ${
            error instanceof Error ? error.message : String(error)
          }. Is another Trellis running? Set TRELLIS_EMBEDDED_PG_PORT or DATABASE_URL.`,
        ),
    );
  }
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;
  await assertReachable(databaseUrl);

  const app = await createApp({ config, databaseUrl });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal} received: stopping Trellis...\n`);
    await app.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const webBuilt = existsSync(path.join(config.WEB_DIST_DIR, 'index.html'));
  process.stdout.write(
    `\nTrellis is ready at http://localhost:${config.PORT}/  (GraphQL: http://localhost:${config.PORT}/graphql)\n` +
      (webBuilt ? '' : 'The web app is not built yet: run `npm run build` (npm start does it for you).\n') +
      'Press Ctrl-C to stop.\n',
  );
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
});
