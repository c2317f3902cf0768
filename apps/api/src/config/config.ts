import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, found from this file's place in apps/api/{src,dist}/config. */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const port = z.coerce.number().int().min(1).max(65535);

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  HOST: z.string().default('0.0.0.0'),
  /** An external PostgreSQL; when unset Trellis starts an embedded one. */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL, e.g. postgres://user:pass@host:5432/trellis' })
    .optional(),
  /** Where the embedded PostgreSQL keeps its data (kept between runs). */
  TRELLIS_DATA_DIR: z.string().default(path.join(repositoryRoot, '.trellis')),
  TRELLIS_EMBEDDED_PG_PORT: port.default(5488),
  /** Seed the PMO framework and the demo organisation at start-up (idempotent). */
  TRELLIS_SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  WEB_DIST_DIR: z.string().default(path.join(repositoryRoot, 'apps/web/dist')),
  /** Where people reach Trellis: the base of invitation and password-reset links. */
  PUBLIC_URL: z.url().optional(),
  /** SMTP server for invitation and reset e-mails, e.g. smtp://user:pass@mail.example.com:587; unset = links are shown to admins to hand over. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().default('Trellis <no-reply@trellis.local>'),
  /** Redis for the per-address rate limits, shared by every API process; unset = each process counts in its own memory. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379' }).optional(),
  /** With the demo organisation, seed its activity too: dated ratings, plans in every state, check-ins (seed/demo-activity.ts). */
  TRELLIS_DEMO_ACTIVITY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** The password of the demo accounts `npm start` seeds (local demo only). */
  TRELLIS_DEMO_PASSWORD: z.string().min(10).default('trellis-demo-2026'),
  /** Worker threads for heavy domain work (route search...); default: one per core but one (at least one); 0 = none, all inline. */
  WORKER_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  /** Heavy tasks waiting for a worker before more are refused with SERVICE_UNAVAILABLE (TOO_BUSY). */
  WORKER_QUEUE_LIMIT: z.coerce.number().int().min(1).default(32),
  /** A heavy task unfinished after this many milliseconds (waiting included) is stopped: SERVICE_UNAVAILABLE (TIMEOUT). */
  WORKER_TASK_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /**
   * Requests are refused with 503 while the event loop lags more than this (@fastify/under-pressure);
   * /health is always answered. 0 turns the check off.
   */
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  /** Defaults to info in production and warn elsewhere, so `npm start` shows a clean console. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export type AppConfig = Omit<z.infer<typeof environmentSchema>, 'LOG_LEVEL' | 'PUBLIC_URL'> & {
  LOG_LEVEL: NonNullable<z.infer<typeof environmentSchema>['LOG_LEVEL']>;
  PUBLIC_URL: string;
};

export class ConfigError extends Error {}

/** Parses the environment once; every problem is named so a bad setting fails fast and clearly. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const { LOG_LEVEL, PUBLIC_URL, ...rest } = parsed.data;
  return {
    ...rest,
    LOG_LEVEL: LOG_LEVEL ?? (rest.NODE_ENV === 'production' ? 'info' : 'warn'),
    PUBLIC_URL: (PUBLIC_URL ?? `http://localhost:${rest.PORT}`).replace(/\/$/, ''),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
