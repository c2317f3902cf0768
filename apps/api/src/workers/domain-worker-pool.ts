import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import runDomainTask, { type DomainTaskInput, type DomainTaskName, type DomainTaskOutput } from '@trellis/domain/tasks';
import type { WorkbookSheet } from '@trellis/domain';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { AppError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

export interface WorkerPoolSettings {
  /** Worker threads; 0 runs every task on the request thread (no pool). */
  threads: number;
  /** Tasks waiting for a thread before more are refused with SERVICE_UNAVAILABLE. */
  queueLimit: number;
  /** A task that has not finished (waiting included) after this long is stopped (its thread is replaced). */
  taskTimeoutMs: number;
}

/** One worker per core but one, so the request thread keeps a core of its own; at least one. */
export function defaultWorkerThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

export const busy = () =>
  new AppError('SERVICE_UNAVAILABLE', 'Trellis is too busy to work this out right now: try again in a moment.', { reason: 'TOO_BUSY' });
export const tooLong = () =>
  new AppError('SERVICE_UNAVAILABLE', 'This took too long to work out and was stopped: try again, or ask about fewer things at once.', {
    reason: 'TIMEOUT',
  });

/**
 * The process's single pool of worker threads for heavy domain work (route search, closest roles
 * over big frameworks; framework validation and, later, mentor matching can use it the same way:
 * add the rule to `@trellis/domain/tasks` and call `run`). Workers load the built domain package
 * (`packages/domain/dist/tasks.js`), so the API's own TypeScript never runs in them; that holds in
 * tests (swc compiles only the API), under `npm start` and in the Docker image alike.
 *
 * The pool is shared by every Nest application of the process (tests start several) and made on
 * first use; it is closed when the last application closes. When the queue is full a task is
 * refused at once (SERVICE_UNAVAILABLE, reason TOO_BUSY) instead of piling up; a task still
 * unfinished after `taskTimeoutMs` is aborted (its thread is terminated and replaced) and answered
 * SERVICE_UNAVAILABLE, reason TIMEOUT.
 */
@Injectable()
export class DomainWorkerPool implements OnModuleDestroy {
  private readonly settings: WorkerPoolSettings;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = {
      threads: config.WORKER_THREADS ?? defaultWorkerThreads(),
      queueLimit: config.WORKER_QUEUE_LIMIT,
      taskTimeoutMs: config.WORKER_TASK_TIMEOUT_MS,
    };
    users += 1;
  }

  /** Runs a domain task in a worker, or on this thread when `inline` (work too small to be worth the round trip). */
  async run<N extends DomainTaskName>(
    name: N,
    input: DomainTaskInput<N>,
    options: {
      inline?: boolean;
      /** Overrides WORKER_TASK_TIMEOUT_MS (jobs, not requests). */
      timeoutMs?: number;
      /**
       * A job's work (a report snapshot): run on the background thread, which the OS schedules below
       * requests (nice 10 on Linux), one task at a time, so it never holds the requests' threads.
       */
      background?: boolean;
    } = {},
  ): Promise<DomainTaskOutput<N>> {
    if (options.inline || this.settings.threads === 0) return runDomainTask({ name, input });
    return (await this.inPool(null, { name, input }, options.timeoutMs, options.background)) as DomainTaskOutput<N>;
  }

  /**
   * Reads an .xlsx workbook (base64) into its sheets' cells in a worker (`workers/read-workbook.mjs`: unzipping and
   * parsing XML is CPU work), with the same queue limit and timeout as domain tasks; on this thread only when the
   * pool has no threads.
   */
  async readWorkbook(base64: string): Promise<WorkbookAnswer> {
    if (this.settings.threads === 0) {
      const task = (await import(WORKBOOK_TASK)) as { default: (input: { base64: string }) => Promise<WorkbookAnswer> };
      return task.default({ base64 });
    }
    return this.inPool(WORKBOOK_TASK, { base64 }) as Promise<WorkbookAnswer>;
  }

  private async inPool(filename: string | null, task: unknown, timeoutMs?: number, inBackground = false): Promise<unknown> {
    const pool = inBackground ? backgroundPool(this.settings) : sharedPool(this.settings);
    if (pool.queueSize >= this.settings.queueLimit) throw busy();
    inWorkers += 1;
    try {
      return await pool.run(task, { signal: AbortSignal.timeout(timeoutMs ?? this.settings.taskTimeoutMs), ...(filename ? { filename } : {}) });
    } catch (error) {
      if (error instanceof Error && error.message === 'Task queue is at limit') throw busy();
      if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) throw tooLong();
      throw error;
    } finally {
      inWorkers -= 1;
    }
  }

  /** Threads, tasks sent and not yet answered (running or queued), and tasks completed: for tests and diagnostics. */
  stats(): { threads: number; pending: number; completed: number; backgroundCompleted: number } {
    return { threads: pool?.threads.length ?? 0, pending: inWorkers, completed: pool?.completed ?? 0, backgroundCompleted: background?.completed ?? 0 };
  }

  async onModuleDestroy(): Promise<void> {
    users -= 1;
    if (users > 0) return;
    const closing = [pool, background].filter((p): p is Piscina => p !== undefined);
    pool = undefined;
    background = undefined;
    await Promise.all(closing.map((p) => p.destroy()));
  }
}

/** The workbook reader's task file: plain JavaScript at apps/api/workers (the same path from src/ and dist/). */
const WORKBOOK_TASK = new URL('../../workers/read-workbook.mjs', import.meta.url).href;

export type WorkbookAnswer =
  | { ok: true; sheets: WorkbookSheet[] }
  | { ok: false; reason: 'NOT_XLSX' | 'TOO_LARGE'; message: string };

let pool: Piscina | undefined;
let background: Piscina | undefined;
let users = 0;
let inWorkers = 0;

// Workers run only the built domain package: no need for the parent's loaders (swc in tests).
// Piscina first tries require() on the task file; on Node 20.19+ that loads our ESM synchronously
// (require(esm)), and a worker stopped mid-load aborted the whole process once in CI (V8 fatal
// "IsGraphAsync ... instantiated module"). Without require(esm) the require fails at once and
// Piscina takes its import() path. (Only where this Node knows the flag.)
const WORKER_FLAGS = process.allowedNodeEnvironmentFlags.has('--no-experimental-require-module') ? ['--no-experimental-require-module'] : [];

/** How much nicer than the process the background thread is: well below requests, not starved (at most 19). */
export const BACKGROUND_NICE = 10;

/**
 * Run first in each background worker (`--import`, as a data: URL so it needs no file of its own in the build):
 * lowers that thread's own scheduling priority. Linux gives each thread its own nice value, named by its
 * thread id (/proc/thread-self); elsewhere (no /proc) the thread keeps the process's priority.
 */
const LOWER_PRIORITY = `import { readlinkSync } from 'node:fs'; import { getPriority, setPriority } from 'node:os';
try { const tid = Number(readlinkSync('/proc/thread-self').split('/').pop()); setPriority(tid, Math.min(19, getPriority(tid) + ${BACKGROUND_NICE})); } catch {}`;

function sharedPool(settings: WorkerPoolSettings): Piscina {
  pool ??= new Piscina({
    filename: import.meta.resolve('@trellis/domain/tasks'),
    minThreads: 1,
    maxThreads: settings.threads,
    maxQueue: settings.queueLimit,
    execArgv: WORKER_FLAGS,
    idleTimeout: 60_000,
  });
  return pool;
}

/** Jobs' pool: one low-priority thread, tasks queued (a job waits its turn; requests never queue here). */
function backgroundPool(settings: WorkerPoolSettings): Piscina {
  background ??= new Piscina({
    filename: import.meta.resolve('@trellis/domain/tasks'),
    minThreads: 0,
    maxThreads: 1,
    maxQueue: settings.queueLimit,
    execArgv: [...WORKER_FLAGS, '--import', `data:text/javascript,${encodeURIComponent(LOWER_PRIORITY)}`],
    idleTimeout: 60_000,
  });
  return background;
}
