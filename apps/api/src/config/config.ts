import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root, found from this file's place in apps/api/{src,dist}/config. */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const port = z.coerce.number().int().min(1).max(65535);

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL, e.g. postgres://user:pass@host:5432/trellis' });

const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGES.has(entry) || net.isIP(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || !address || !bits || !/^\d{1,3}$/.test(bits)) return false;
  const family = net.isIP(address);
  return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128);
}

/** A list of proxy addresses (false: none). */
const trustProxy = z.string().transform((value, context): string[] | false => {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0 || (entries.length === 1 && entries[0] === 'false')) return false;
  const wrong = entries.filter((entry) => !isProxyEntry(entry));
  if (wrong.length > 0) {
    context.addIssue({
      code: 'custom',
      message:
        `list the proxies' addresses or CIDR ranges (e.g. 10.0.0.0/8,loopback), not ${wrong.map((entry) => JSON.stringify(entry)).join(', ')}` +
        (wrong.includes('true') || wrong.includes('*') || wrong.includes('0.0.0.0/0') ? ': trusting every address lets any caller choose its own' : ''),
    });
    return z.NEVER;
  }
  if (entries.some((entry) => entry === '0.0.0.0/0' || entry === '::/0')) {
    context.addIssue({ code: 'custom', message: 'trusting every address lets any caller choose its own: list the proxies' });
    return z.NEVER;
  }
  return entries;
});

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(4000),
  /** Where to listen; default: 127.0.0.1 (this machine only) except in production (0.0.0.0). */
  HOST: z.string().min(1).optional(),
  /** An external PostgreSQL; when unset Trellis starts an embedded one. */
  DATABASE_URL: postgresUrl.optional(),
  /**
   * The tables' owner, for migrations, when DATABASE_URL is a login that owns nothing (the owner grants it
   * its rights on every start). Unset: DATABASE_URL's user owns the tables and the app runs as DATABASE_APP_ROLE.
   */
  DATABASE_MIGRATION_URL: postgresUrl.optional(),
  /** A read replica of DATABASE_URL (same login and app role): leadership reports read from it when set. */
  DATABASE_REPLICA_URL: postgresUrl.optional(),
  /** The role owning nothing that the app's connections run as when DATABASE_URL's user owns the tables. */
  DATABASE_APP_ROLE: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL role name')
    .default('trellis_runtime'),
  /** Mark the session cookie Secure (sent over HTTPS only); default: when PUBLIC_URL is https://. */
  COOKIE_SECURE: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((value) => value === 'true')
    .optional(),
  /**
   * The proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: addresses and CIDR ranges
   * (and loopback, linklocal, uniquelocal), comma-separated. `false` or empty: none. Default: loopback,
   * except in production (none). Trusting any address is refused: it lets every caller choose its address.
   */
  TRUST_PROXY: trustProxy.optional(),
  /** How long /health answers 503 after SIGTERM before the listener closes (load balancers stop sending). */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(8000).optional(),
  /** Where the embedded PostgreSQL keeps its data (kept between runs). */
  TRELLIS_DATA_DIR: z.string().default(path.join(repositoryRoot, '.trellis')),
  TRELLIS_EMBEDDED_PG_PORT: port.default(5488),
  /** With the demo: 60 rated colleagues without accounts, so reports have groups of at least 5 to show. */
  TRELLIS_DEMO_CROWD: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** Seed the PMO framework and the demo organisation at start-up (idempotent); default: on, except in production. */
  TRELLIS_SEED_DEMO: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** With TRELLIS_SEED_DEMO: also seed the demo organisation's mentoring (mentors, their ratings, mentorships), once. */
  TRELLIS_SEED_DEMO_MENTORING: z
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
  /** 32 bytes, base64: encrypts single sign-on client secrets at rest (AES-256-GCM). Needed to save an SSO connection. */
  SSO_SECRET_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64, e.g. from `openssl rand -base64 32`')
    .optional(),
  /** Lets SSO issuers be plain http:// (tests, local providers only); never in production. */
  SSO_ALLOW_HTTP: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** How often an open subscription connection checks that its session is still live (closed once revoked, expired or the person left). */
  LIVE_SESSION_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Invitations one organisation may create per hour (a bulk invitation counts one per person). */
  INVITATIONS_PER_HOUR: z.coerce.number().int().min(1).default(1000),
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
   * How often (seconds) each process checks whether an organisation's report snapshots are stale and
   * refreshes them (debounced: a burst of writes is one refresh); 0 = never (tests refresh by hand).
   */
  REPORTS_REFRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /**
   * The largest share of the time the report job may spend refreshing an organisation's current snapshot: after
   * a refresh that took t seconds the next waits until t / share seconds after it began (0.25: a 2-minute refresh
   * at most every 8 minutes). Reports then lag writes by at most that; writes keep most of the machine. 1 = no rest.
   */
  REPORTS_REFRESH_MAX_SHARE: z.coerce.number().gt(0).max(1).default(0.25),
  /**
   * Requests are refused with 503 while the event loop lags more than this (@fastify/under-pressure);
   * /health is always answered. 0 turns the check off.
   */
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(0).default(1000),
  /** Defaults to info in production and warn elsewhere, so `npm start` shows a clean console. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

type Parsed = z.infer<typeof environmentSchema>;
export type AppConfig = Omit<Parsed, 'LOG_LEVEL' | 'PUBLIC_URL' | 'HOST' | 'COOKIE_SECURE' | 'TRUST_PROXY' | 'SHUTDOWN_DELAY_MS' | 'TRELLIS_SEED_DEMO'> & {
  TRELLIS_SEED_DEMO: boolean;
  LOG_LEVEL: NonNullable<Parsed['LOG_LEVEL']>;
  PUBLIC_URL: string;
  HOST: string;
  COOKIE_SECURE: boolean;
  /** The trusted proxies' addresses (Fastify's trustProxy), or false. */
  TRUST_PROXY: string[] | false;
  SHUTDOWN_DELAY_MS: number;
};

export class ConfigError extends Error {}

/** Parses the environment once; every problem is named so a bad setting fails fast and clearly. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const { LOG_LEVEL, PUBLIC_URL, HOST, COOKIE_SECURE, TRUST_PROXY, SHUTDOWN_DELAY_MS, TRELLIS_SEED_DEMO, ...rest } = parsed.data;
  const production = rest.NODE_ENV === 'production';
  const publicUrl = (PUBLIC_URL ?? `http://localhost:${rest.PORT}`).replace(/\/$/, '');
  return {
    ...rest,
    LOG_LEVEL: LOG_LEVEL ?? (production ? 'info' : 'warn'),
    PUBLIC_URL: publicUrl,
    TRELLIS_SEED_DEMO: TRELLIS_SEED_DEMO ?? !production,
    HOST: HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    COOKIE_SECURE: COOKIE_SECURE ?? publicUrl.startsWith('https:'),
    TRUST_PROXY: TRUST_PROXY ?? (production ? false : ['loopback']),
    SHUTDOWN_DELAY_MS: SHUTDOWN_DELAY_MS ?? (production ? 5000 : 0),
  };
}

/** Settings that work but that a production server should not run with: one line each, logged at start. */
export function configWarnings(config: AppConfig): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const warnings: string[] = [];
  if (!config.COOKIE_SECURE) {
    warnings.push('the session cookie is not Secure (PUBLIC_URL is not https://): serve Trellis over TLS and set PUBLIC_URL, or COOKIE_SECURE=true.');
  }
  if (config.TRELLIS_SEED_DEMO) warnings.push('TRELLIS_SEED_DEMO is on: the demo organisation and its accounts (with a published password) are seeded.');
  return warnings;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
