import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../../src/database/data-source.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { migrate } from '../../src/database/migrator.js';

/**
 * The PostgreSQL server the API tests use: TEST_DATABASE_URL when set (any reachable server,
 * e.g. the machine's own), otherwise an embedded one in a temporary folder. Each test file gets
 * its own database, cloned from a migrated template, so files never see each other's rows.
 */
export interface TestServerState {
  adminUrl: string;
  templateName: string;
  embeddedDir?: string;
}

const STATE_KEY = 'TRELLIS_TEST_SERVER';

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

let embeddedStop: (() => Promise<void>) | undefined;

export async function startTestServer(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let embeddedDir: string | undefined;
  if (!adminUrl) {
    embeddedDir = await mkdtemp(path.join(os.tmpdir(), 'trellis-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir: embeddedDir, port: await freePort() });
    embeddedStop = embedded.stop;
    adminUrl = withDatabase(embedded.url, 'postgres');
  }
  const templateName = `trellis_template_${process.pid}`;
  const admin = createDataSource(adminUrl, { migrations: [], entities: [] });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
  await admin.query(`CREATE DATABASE ${templateName}`);
  await admin.destroy();

  const template = createDataSource(withDatabase(adminUrl, templateName));
  await template.initialize();
  await migrate(template);
  await template.destroy();

  const state: TestServerState = { adminUrl, templateName, embeddedDir };
  process.env[STATE_KEY] = JSON.stringify(state);
}

export async function stopTestServer(): Promise<void> {
  const state = readState();
  const admin = createDataSource(state.adminUrl, { migrations: [], entities: [] });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${state.templateName}`);
  await admin.destroy();
  await embeddedStop?.();
  if (state.embeddedDir) await rm(state.embeddedDir, { recursive: true, force: true });
}

function readState(): TestServerState {
  const raw = process.env[STATE_KEY];
  if (!raw) throw new Error('The test PostgreSQL is not running: jest globalSetup did not run');
  return JSON.parse(raw) as TestServerState;
}

/** A fresh, migrated database of the test file's own; drop it with the returned function. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const state = readState();
  const name = `trellis_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = createDataSource(state.adminUrl, { migrations: [], entities: [] });
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${state.templateName}`);
  return {
    url: withDatabase(state.adminUrl, name),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}
