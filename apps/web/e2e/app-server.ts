/**
 * Starts and stops the real, built Trellis app for the browser suite: `node apps/api/dist/main.js`
 * with its own embedded PostgreSQL in a fresh temporary data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const WEB_DIR = path.resolve(__dirname, '..');
export const REPO_ROOT = path.resolve(WEB_DIR, '../..');
export const RESULTS_DIR = path.join(WEB_DIR, 'test-results');
/** Written by global setup, read by the tests (they run in another context) and by teardown. */
export const STATE_FILE = path.join(RESULTS_DIR, 'e2e-server.json');
/** Everything the app prints (pino JSON logs, embedded PostgreSQL output). */
export const SERVER_LOG = path.join(RESULTS_DIR, 'e2e-server.log');
export const BASE_URL_ENV = 'TRELLIS_E2E_BASE_URL';

const API_ENTRY = path.join(REPO_ROOT, 'apps/api/dist/main.js');
const WEB_INDEX = path.join(REPO_ROOT, 'apps/web/dist/index.html');
const HEALTH_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export interface ServerState {
  baseURL: string;
  pid: number;
  dataDir: string;
  port: number;
  embeddedPgPort: number;
}

interface RunningServer {
  state: ServerState;
  child: ChildProcess;
}

const GLOBAL_KEY = '__trellisE2eServer';
type GlobalWithServer = typeof globalThis & { [GLOBAL_KEY]?: RunningServer };

/** Ports the OS hands out, held together so that the two differ. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = net.createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      return server;
    }),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

export function logTail(chars = 6000): string {
  try {
    const text = fs.readFileSync(SERVER_LOG, 'utf8');
    return text.length > chars ? `...${text.slice(-chars)}` : text;
  } catch {
    return '(no server log)';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthOk(baseURL: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseURL}/health`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return false;
    const body = (await res.json()) as { status?: unknown };
    return body.status === 'ok';
  } catch {
    return false;
  }
}

export async function startServer(): Promise<ServerState> {
  const missing = [API_ENTRY, WEB_INDEX].filter((f) => !fs.existsSync(f));
  if (missing.length > 0) {
    throw new Error(
      `The app is not built (missing ${missing.map((f) => path.relative(REPO_ROOT, f)).join(', ')}): run npm run build first.`,
    );
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-e2e-'));
  const [port, embeddedPgPort] = (await freePorts(2)) as [number, number];
  // localhost, not 127.0.0.1: Node's fetch and Chromium both try IPv4 and IPv6, whichever the API binds.
  const baseURL = `http://localhost:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    TRELLIS_DATA_DIR: dataDir,
    TRELLIS_EMBEDDED_PG_PORT: String(embeddedPgPort),
    NODE_ENV: 'production',
    // Production seeds no demo (the suite signs in as its people) and waits 5 s for load balancers on stop.
    TRELLIS_SEED_DEMO: 'true',
    SHUTDOWN_DELAY_MS: '0',
  };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;

  const log = fs.openSync(SERVER_LOG, 'w');
  const child = spawn(process.execPath, [API_ENTRY], { cwd: REPO_ROOT, env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  if (child.pid === undefined) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`could not start ${API_ENTRY}`);
  }
  let exit: string | undefined;
  child.once('exit', (code, signal) => {
    exit = signal ? `signal ${signal}` : `exit code ${code}`;
  });

  const state: ServerState = { baseURL, pid: child.pid, dataDir, port, embeddedPgPort };
  (globalThis as GlobalWithServer)[GLOBAL_KEY] = { state, child };
  fs.writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));

  const started = Date.now();
  try {
    for (;;) {
      if (exit !== undefined) {
        throw new Error(`the app exited during start-up (${exit}). Its output (${SERVER_LOG}):\n${logTail()}`);
      }
      if (await healthOk(baseURL)) break;
      if (Date.now() - started > HEALTH_TIMEOUT_MS) {
        throw new Error(
          `GET ${baseURL}/health did not answer {"status":"ok"} within ${HEALTH_TIMEOUT_MS / 1000}s. ` +
            `Its output (${SERVER_LOG}):\n${logTail()}`,
        );
      }
      await sleep(500);
    }
  } catch (err) {
    await stopServer();
    throw err;
  }
  process.env[BASE_URL_ENV] = baseURL;
  console.log(`\n[e2e] Trellis is up at ${baseURL} after ${((Date.now() - started) / 1000).toFixed(1)}s (log: ${SERVER_LOG})`);
  return state;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, child: ChildProcess | undefined, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child ? child.exitCode !== null || child.signalCode !== null : !alive(pid)) return true;
    await sleep(200);
  }
  return false;
}

/** PostgreSQL servers left behind in our data directory (only when the app did not stop them). */
function killLeftoverPostgres(dir: string): void {
  const pidFiles: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 4) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p, depth + 1);
      else if (entry.name === 'postmaster.pid') pidFiles.push(p);
    }
  };
  try {
    walk(dir, 0);
  } catch {
    return;
  }
  for (const file of pidFiles) {
    const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
      console.warn(`[e2e] stopping leftover PostgreSQL ${pid} (${file})`);
      process.kill(pid, 'SIGQUIT');
    }
  }
}

export async function stopServer(): Promise<void> {
  const running = (globalThis as GlobalWithServer)[GLOBAL_KEY];
  let state = running?.state;
  if (!state && fs.existsSync(STATE_FILE)) state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as ServerState;
  if (!state) return;
  const child = running?.child;
  const exited = () => (child ? child.exitCode !== null || child.signalCode !== null : !alive(state.pid));

  if (!exited()) {
    process.kill(state.pid, 'SIGINT');
    if (!(await waitForExit(state.pid, child, STOP_TIMEOUT_MS))) {
      console.warn(`[e2e] the app did not stop within ${STOP_TIMEOUT_MS / 1000}s of SIGINT: killing it`);
      process.kill(state.pid, 'SIGKILL');
      await waitForExit(state.pid, child, 5000);
    }
  }
  killLeftoverPostgres(state.dataDir);
  await sleep(200);
  fs.rmSync(state.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  fs.rmSync(STATE_FILE, { force: true });
  delete (globalThis as GlobalWithServer)[GLOBAL_KEY];
}

/** For the tests: the base URL of the app started by global setup. */
export function baseURL(): string {
  const fromEnv = process.env[BASE_URL_ENV];
  if (fromEnv) return fromEnv;
  if (fs.existsSync(STATE_FILE)) return (JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as ServerState).baseURL;
  throw new Error(`no running app: ${STATE_FILE} is missing (run the suite with jest -c jest.e2e.config.cjs)`);
}
