import { spawn } from 'node:child_process';
import path from 'node:path';
import { repositoryRoot } from '../src/config/config.js';

/** Runs the real entry point the way `npm start` does, with the given environment. */
function runMain(environment: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', path.join(repositoryRoot, 'apps/api/src/main.ts')],
      { cwd: path.join(repositoryRoot, 'apps/api'), env: { PATH: process.env.PATH ?? '', ...environment } },
    );
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

describe('starting Trellis with a bad setting', () => {
  it('ends with one clear line when DATABASE_URL points nowhere', async () => {
    const result = await runMain({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/trellis' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^trellis: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/trellis \(.+\)\. Check DATABASE_URL\.$/),
    ]);
  });

  it('ends with one clear line when DATABASE_URL is not a PostgreSQL URL', async () => {
    const result = await runMain({ DATABASE_URL: 'mysql://root@localhost/trellis' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^trellis: Invalid configuration: DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
