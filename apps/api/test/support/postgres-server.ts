import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../../src/database/data-source.js';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { prepareDatabase } from '../../src/database/app-role.js';

/**
 * The PostgreSQL server the API tests use: TEST_DATABASE_URL when set (any reachable server,
 * e.g. the machine's own), otherwise an embedded one in a temporary folder. Each test file gets
 * its own database, cloned from a migrated template, so files never see each other's rows.
 */
export interface TestServerState {
  adminUrl: string;
  /** The app connects as this non-superuser role, as in production, so row-level security applies. */
  appUrl: string;
  templateName: string;
  embeddedDir?: string;
}

const APP_ROLE = 'trellis_test_app';
const APP_PASSWORD = 'trellis-test-app';
/** The role owning nothing that the app runs as (DATABASE_APP_ROLE's default). */
export const RUNTIME_ROLE = 'trellis_runtime';

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
    adminUrl = embedded.adminUrl;
  }
  const templateName = `trellis_template_${process.pid}`;
  const admin = createDataSource(adminUrl, { migrations: [], entities: [] });
  await admin.initialize();
  const roleExists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
  if (roleExists.length === 0) {
    await admin.query(`CREATE ROLE ${APP_ROLE} LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS PASSWORD '${APP_PASSWORD}'`);
  }
  // The role the app's connections run as (database/app-role.ts): the test role cannot create roles, so it is made here.
  if ((await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [RUNTIME_ROLE])).length === 0) {
    await admin.query(`CREATE ROLE ${RUNTIME_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS`);
  }
  await admin.query(`GRANT ${RUNTIME_ROLE} TO ${APP_ROLE}`);
  await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
  await admin.query(`CREATE DATABASE ${templateName} OWNER ${APP_ROLE}`);
  await admin.destroy();

  const appServerUrl = new URL(adminUrl);
  appServerUrl.username = APP_ROLE;
  appServerUrl.password = APP_PASSWORD;
  const appUrl = appServerUrl.toString();
  // Migrated and granted as the app does it; each test file's database is a copy, grants included.
  const templateUrl = withDatabase(appUrl, templateName);
  await prepareDatabase({ ownerUrl: templateUrl, appUrl: templateUrl, appRole: RUNTIME_ROLE });

  const state: TestServerState = { adminUrl, appUrl, templateName, embeddedDir };
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
export async function createTestDatabase(): Promise<{ url: string; adminUrl: string; drop: () => Promise<void> }> {
  const state = readState();
  const name = `trellis_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = createDataSource(state.adminUrl, { migrations: [], entities: [] });
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${state.templateName} OWNER ${APP_ROLE}`);
  return {
    url: withDatabase(state.appUrl, name),
    adminUrl: withDatabase(state.adminUrl, name),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}
