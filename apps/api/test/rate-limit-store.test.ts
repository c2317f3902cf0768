import net from 'node:net';
import { loadConfig } from '../src/config/config.js';
import { AddressLimits, ADDRESS_LIMITS, ADDRESS_LIMITS_PREFIX, networkOf } from '../src/identity/address-limits.js';
import { LOCK_MINUTES, PAIR_LOCK_AFTER, UNRECOGNISED_LOCK_AFTER } from '../src/identity/password-guard.js';
import { theError } from './support/errors.js';
import { DEMO, DEMO_PASSWORD, startTestApp } from './support/test-app.js';

/** Where per-network counts live: Redis when REDIS_URL is set (shared by every process), else each process's memory. */

const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { accessRole } }';

async function redisAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: 6379 });
    socket.setTimeout(500);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

describe('networks', () => {
  it('counts a whole IPv6 /64 as one network', () => {
      expect(networkOf('2001:db8:1:2:aaaa::1')).toBe(networkOf('2001:0db8:0001:0002:ffff:1:2:3'));
      expect(networkOf('2001:db8:1:2::1')).not.toBe(networkOf('2001:db8:1:3::1'));
      expect(networkOf('::ffff:192.0.2.7')).toBe('192.0.2.7');
    });

  it('are limited as docs/ARCHITECTURE.md and throttling.test.ts say', () => {
    expect({ PAIR_LOCK_AFTER, UNRECOGNISED_LOCK_AFTER, LOCK_MINUTES }).toEqual({ PAIR_LOCK_AFTER: 5, UNRECOGNISED_LOCK_AFTER: 20, LOCK_MINUTES: 15 });
    expect(ADDRESS_LIMITS.passwordFailures.points).toBe(30);
    expect(ADDRESS_LIMITS.signUps.points).toBe(10);
  });
});

describe('per-network counts with REDIS_URL', () => {
  it('are shared by every process using the same Redis (and kept apart per database)', async () => {
    if (!(await redisAvailable())) {
      console.warn('Skipped: no Redis on 127.0.0.1:6379; the limits then count in each process alone');
      return;
    }
    const config = loadConfig({ NODE_ENV: 'test', REDIS_URL: 'redis://127.0.0.1:6379' });
    const prefix = `trellis:test-${process.pid}-${Date.now()}`;
    const first = new AddressLimits(config, prefix);
    const second = new AddressLimits(config, prefix);
    const elsewhere = new AddressLimits(config, `${prefix}-other-database`);
    try {
      await Promise.all([first, second, elsewhere].map((limits) => limits.onModuleInit()));
      expect(first.shared).toBe(true);
      for (let n = 0; n < ADDRESS_LIMITS.signUps.points; n += 1) expect(await (n % 2 ? first : second).take('signUps', '192.0.2.55')).toBeNull();
      expect(await second.take('signUps', '192.0.2.55')).toEqual({ retryAfterSeconds: expect.any(Number) });
      expect(await first.take('signUps', '192.0.2.55')).not.toBeNull();
      expect(await elsewhere.take('signUps', '192.0.2.55')).toBeNull();
    } finally {
      await Promise.all([first, second, elsewhere].map((limits) => limits.onApplicationShutdown()));
    }
  });

  it('in memory (no REDIS_URL) are each process\'s own', async () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    const first = new AddressLimits(config, 'trellis:memory');
    const second = new AddressLimits(config, 'trellis:memory');
    expect(first.shared).toBe(false);
    for (let n = 0; n < ADDRESS_LIMITS.signUps.points; n += 1) await first.take('signUps', '192.0.2.56');
    expect(await first.take('signUps', '192.0.2.56')).not.toBeNull();
    expect(await second.take('signUps', '192.0.2.56')).toBeNull();
  });

  it('fall back to counting in memory when Redis cannot be reached, rather than failing requests', async () => {
    const limits = new AddressLimits(loadConfig({ NODE_ENV: 'test', REDIS_URL: 'redis://127.0.0.1:1' }), 'trellis:unreachable');
    try {
      await limits.onModuleInit();
      for (let n = 0; n < ADDRESS_LIMITS.signUps.points; n += 1) expect(await limits.take('signUps', '192.0.2.57')).toBeNull();
      expect(await limits.take('signUps', '192.0.2.57')).not.toBeNull();
    } finally {
      await limits.onApplicationShutdown();
    }
  });

  it('run the whole app on Redis', async () => {
    if (!(await redisAvailable())) {
      console.warn('Skipped: no Redis on 127.0.0.1:6379');
      return;
    }
    const t = await startTestApp({ environment: { REDIS_URL: 'redis://127.0.0.1:6379' } });
    try {
      const network = '192.0.2.77';
      expect(t.app.get(AddressLimits).shared).toBe(true);
      for (let n = 0; n < ADDRESS_LIMITS.passwordFailures.points; n += 1) {
        theError(await t.anonymous({ address: network }).graphql(SIGN_IN, { input: { email: `guess-${n}@demo.example`, password: 'wrong' } }));
      }
      expect(theError(await t.anonymous({ address: network }).graphql(SIGN_IN, { input: { email: DEMO.admin, password: DEMO_PASSWORD } })).code).toBe('TOO_MANY_ATTEMPTS');
      // Another process on the same database (same key prefix) sees the same block.
      const other = new AddressLimits(loadConfig({ NODE_ENV: 'test', REDIS_URL: 'redis://127.0.0.1:6379' }), t.app.get<string>(ADDRESS_LIMITS_PREFIX));
      try {
        await other.onModuleInit();
        expect(await other.take('passwordFailures', network)).not.toBeNull();
      } finally {
        await other.onApplicationShutdown();
      }
    } finally {
      await t.close();
    }
  }, 60_000);
});
