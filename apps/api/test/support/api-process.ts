import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { repositoryRoot } from '../../src/config/config.js';

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The real entry point (src/main.ts, as `npm start` runs dist/main.js) in a child process. */
export interface ApiProcess {
  child: ChildProcessWithoutNullStreams;
  port: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startApiProcess(environment: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', path.join(repositoryRoot, 'apps/api/src/main.ts')], {
    cwd: path.join(repositoryRoot, 'apps/api'),
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', WEB_DIST_DIR: '/nonexistent', MAX_EVENT_LOOP_DELAY_MS: '0', ...environment },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => {
      if (stdout.includes('Trellis is ready')) resolve();
    };
    child.stdout.on('data', check);
    void exited.then(({ code }) => reject(new Error(`the API exited (${code}) before it was ready:\n${stdout}\n${stderr}`)));
  });
  await ready;
  return { child, port, exited, stdout: () => stdout, stderr: () => stderr };
}

export interface Answer {
  status?: number;
  body?: string;
  headers?: http.IncomingHttpHeaders;
  /** The socket error (ECONNREFUSED: nobody listening, so the request was never accepted). */
  error?: string;
  /** The request went out on a kept-alive connection that had carried earlier requests. */
  reused?: boolean;
  at: number;
}

/** One HTTP request over the given agent (keep-alive or not). */
export function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; agent?: http.Agent },
): Promise<Answer> {
  return new Promise((resolve) => {
    const sent = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: options.agent },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode, body, headers: response.headers, at: Date.now() }));
        response.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, at: Date.now() }));
      },
    );
    sent.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message, reused: sent.reusedSocket, at: Date.now() }));
    sent.end(options.body);
  });
}
