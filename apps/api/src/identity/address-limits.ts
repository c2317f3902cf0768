import { isIP } from 'node:net';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** Per-address budgets (points per window, in seconds); `block` keeps an address out once it is spent. */
export const ADDRESS_LIMITS = {
  /** Failed password checks from one network, across every e-mail (sign-in, invitations, password change). */
  passwordFailures: { points: 30, duration: 15 * 60, block: 15 * 60 },
  /** Sign-ups from one network. */
  signUps: { points: 10, duration: 3600, block: 0 },
  /** Password-reset e-mails asked for from one network. */
  resetRequests: { points: 10, duration: 3600, block: 0 },
  /** E-mails Trellis sends unasked-for to one address (sign-up confirmations, resets), so nobody is mail-bombed. */
  mailsToAddress: { points: 3, duration: 3600, block: 0 },
  /** Invitations an organisation may create per hour (bulk ones count one per person), keyed by organisation; INVITATIONS_PER_HOUR. */
  invitationsPerOrganisation: { points: 1000, duration: 3600, block: 0 },
} as const;

export type AddressLimit = keyof typeof ADDRESS_LIMITS;

const REDIS_WAIT_MS = 3000;

/**
 * The network a request comes from, as rate limits count it: an IPv4 address, or the /64 an IPv6
 * address belongs to (one subscriber usually holds a whole /64, so single IPv6 addresses cost nothing).
 */
export function networkOf(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

export const requestNetwork = (request: FastifyRequest) => networkOf(request.ip);

/** Keys in Redis start with this, so that deployments (and test databases) sharing a Redis do not share counts. */
export const ADDRESS_LIMITS_PREFIX = Symbol('ADDRESS_LIMITS_PREFIX');

/**
 * Counters per network (and per e-mail address for mail sent), in Redis when REDIS_URL is set so
 * every API process shares them; otherwise in this process's memory (each process then counts on
 * its own). When Redis cannot be reached the limits fall back to memory rather than failing requests.
 */
@Injectable()
export class AddressLimits implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AddressLimits.name);
  private readonly redis: Redis | null;
  private readonly limiters: Record<AddressLimit, RateLimiterAbstract>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(ADDRESS_LIMITS_PREFIX) prefix: string) {
    this.redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : null;
    // A lost Redis is logged once per outage, not per request; the memory fallback keeps limits working.
    let warned = false;
    this.redis?.on('error', (error: Error) => {
      if (!warned) this.logger.warn(`Redis for rate limits is unreachable, counting in memory meanwhile: ${error.message}`);
      warned = true;
    });
    this.redis?.on('ready', () => (warned = false));
    const limiter = (name: AddressLimit): RateLimiterAbstract => {
      const { duration, block } = ADDRESS_LIMITS[name];
      const points = name === 'invitationsPerOrganisation' ? config.INVITATIONS_PER_HOUR : ADDRESS_LIMITS[name].points;
      const options = { keyPrefix: `${prefix}:${name}`, points, duration, blockDuration: block };
      if (!this.redis) return new RateLimiterMemory(options);
      return new RateLimiterRedis({ ...options, storeClient: this.redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) });
    };
    this.limiters = {
      passwordFailures: limiter('passwordFailures'),
      signUps: limiter('signUps'),
      resetRequests: limiter('resetRequests'),
      mailsToAddress: limiter('mailsToAddress'),
      invitationsPerOrganisation: limiter('invitationsPerOrganisation'),
    };
  }

  /** Waits (briefly) for Redis at start-up, so the first requests already count in the shared store. */
  async onModuleInit(): Promise<void> {
    const redis = this.redis;
    if (!redis || redis.status === 'ready') return;
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), REDIS_WAIT_MS);
      redis.once('ready', () => (clearTimeout(timer), resolve(true)));
    });
    if (!ready) this.logger.warn(`Redis for rate limits was not ready within ${REDIS_WAIT_MS} ms: counting in memory until it is`);
  }

  get shared(): boolean {
    return this.redis !== null;
  }

  /** Spends `points` (one by default) of `key`'s budget; null when it was there, otherwise how long until it is. */
  async take(limit: AddressLimit, key: string, points = 1): Promise<{ retryAfterSeconds: number } | null> {
    try {
      await this.limiters[limit].consume(key, points);
      return null;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return { retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
      throw refusal;
    }
  }

  /** Spends one point, or refuses with TOO_MANY_ATTEMPTS saying `what` and when to try again. */
  async require(limit: AddressLimit, key: string, what: string): Promise<void> {
    const refused = await this.take(limit, key);
    if (refused) throw tooMany(what, refused.retryAfterSeconds);
  }

  /** Gives a point back (an attempt that turned out not to be a failure). */
  async giveBack(limit: AddressLimit, key: string, points = 1): Promise<void> {
    await this.limiters[limit].reward(key, points);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}

export function tooMany(what: string, retryAfterSeconds: number): AppError {
  return new AppError('TOO_MANY_ATTEMPTS', `${what}: try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
}
