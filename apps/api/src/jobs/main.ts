import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '../config/config.js';
import { prepareDatabase } from '../database/app-role.js';
import { JobsModule } from './jobs.module.js';

/**
 * The report job process: keeps report snapshots current (ReportRefreshJob) away from the API's requests.
 * `npm start` (main.ts) forks it with DATABASE_URL set; it can also run on its own (`node dist/jobs/main.js`)
 * beside API processes started with REPORTS_REFRESH_SECONDS=0. It ends when its parent does, or on SIGTERM/SIGINT.
 */

/** How much nicer than the API the job process is: the OS runs requests first, the job is not starved. */
export const JOB_NICE = 10;

/**
 * Linux keeps a nice value per thread, and threads started before this (V8's, libuv's) keep theirs: lower each
 * thread's; threads started later inherit from their starter. Elsewhere, the process's (where that is per process).
 */
function lowerPriority(): void {
  let threads: number[] = [0];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    // No /proc: setPriority(0) is the process.
  }
  for (const tid of threads) {
    try {
      setPriority(tid, Math.min(19, getPriority(tid) + JOB_NICE));
    } catch {
      // A thread that ended meanwhile, or not allowed: it keeps its priority.
    }
  }
}

async function main(): Promise<void> {
  lowerPriority();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`trellis jobs: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  if (!config.DATABASE_URL) {
    process.stderr.write('trellis jobs: DATABASE_URL is not set (npm start sets it for the job process it starts).\n');
    process.exit(1);
  }
  // The API process migrated already; this makes sure, and finds the role to run as.
  const roles = await prepareDatabase({
    ownerUrl: config.DATABASE_MIGRATION_URL ?? config.DATABASE_URL,
    appUrl: config.DATABASE_URL,
    appRole: config.DATABASE_APP_ROLE,
  });
  const app = await NestFactory.createApplicationContext(JobsModule.register({ config, databaseUrl: config.DATABASE_URL, setRole: roles.setRole }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // A refresh in progress is one transaction: it is rolled back, and done again by the next job.
    setTimeout(() => process.exit(0), 3000).unref();
    await app.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // Forked by the API: end with it, even when it was killed (no orphan holding connections).
  process.on('disconnect', () => void stop());
  await app.init();
  process.send?.({ ready: true });
}

main().catch((error: unknown) => {
  process.stderr.write(`trellis jobs: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
