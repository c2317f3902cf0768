import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { normaliseEmail } from '@trellis/domain';
import type { FastifyRequest } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError } from '../common/errors.js';
import { systemTransaction } from '../database/tenant-database.js';
import { AddressLimits, requestNetwork } from './address-limits.js';
import { spendVerificationTime, verifyPassword } from './passwords.js';

/** Failed checks of one e-mail's password from one network before that pair is locked, and for how long. */
export const PAIR_LOCK_AFTER = 5;
/** Failed checks of one e-mail's password from networks that never signed in to it, before all such networks are locked out. */
export const UNRECOGNISED_LOCK_AFTER = 20;
export const LOCK_MINUTES = 15;
/** Failures older than this no longer count. */
const WINDOW_MINUTES = 15;
/** A network that signed in to an account within this long is recognised: the e-mail-wide lock does not apply to it. */
export const RECOGNISED_DAYS = 90;
/** From the third failure on, each answer is held back this long per failure beyond the second. */
const SLOWDOWN_MS_PER_FAILURE = 500;
/** The network of the e-mail-wide row. */
const UNRECOGNISED = '*';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

interface AttemptRow {
  network: string;
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
  lastSuccessAt: Date | null;
  now: Date;
}

/** What counting an attempt decided. */
interface Counted {
  /** Failures of this pair so far, this attempt included. */
  failures: number;
  /** Set when this attempt's failure locks the pair or the e-mail. */
  locksUntil: Date | null;
  /** The attempt counted on the e-mail-wide row (the network is not recognised). */
  unrecognised: boolean;
}

/**
 * The one throttle in front of every password check (sign-in, accepting an invitation with an
 * existing account, changing a password). It keys everything by the e-mail typed, whether or not
 * an account has it, so a stranger cannot tell known e-mails from unknown ones by how they lock:
 * - per network, across e-mails: `AddressLimits.passwordFailures` (a spent budget blocks the network);
 * - per (e-mail, network): locked for LOCK_MINUTES after PAIR_LOCK_AFTER failures, so one network's
 *   guesses lock that network out, not the account's owner elsewhere;
 * - per e-mail, from networks that never signed in to it: locked after UNRECOGNISED_LOCK_AFTER
 *   failures (this bounds guessing spread over many networks); a network the owner signed in from
 *   in the last RECOGNISED_DAYS days, or reset the password from, is not held by this lock.
 * Each attempt is counted before its password is checked, in a transaction that locks the rows, so
 * parallel guesses take turns and no more than the limit are ever checked.
 */
@Injectable()
export class PasswordGuard {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly limits: AddressLimits,
  ) {}

  /**
   * True when `password` is right. `passwordHash` null (no account has this e-mail) is checked as
   * a wrong password, spending the same time. Throws TOO_MANY_ATTEMPTS when this e-mail or this
   * network may not try now, or when this failure locked it.
   */
  async check(input: { email: string; passwordHash: string | null; password: string; request: FastifyRequest }): Promise<boolean> {
    const network = requestNetwork(input.request);
    const subject = subjectOf(input.email);
    await this.limits.require('passwordFailures', network, 'Too many failed attempts from your network');
    const counted = await this.count(subject, network);

    let right = false;
    if (input.passwordHash) right = await verifyPassword(input.passwordHash, input.password);
    else await spendVerificationTime(input.password);

    if (right) {
      await this.succeeded(subject, network, counted.unrecognised);
      await this.limits.giveBack('passwordFailures', network);
      return true;
    }
    if (counted.failures > 2) await sleep((counted.failures - 2) * SLOWDOWN_MS_PER_FAILURE);
    if (counted.locksUntil) throw locked(counted.locksUntil);
    return false;
  }

  /**
   * The person proved they own the e-mail's password from this network another way (set it at sign-up,
   * by an invitation, or with a reset link): the network is recognised and its pair lock lifted.
   */
  async recordSuccess(email: string, request: FastifyRequest): Promise<void> {
    await this.succeeded(subjectOf(email), requestNetwork(request), false);
  }

  /** Rows that no longer lock, count or recognise anything. */
  @Cron(CronExpression.EVERY_HOUR, { name: 'password-attempts-cleanup' })
  async deleteExpired(): Promise<number> {
    // password_attempts is under row-level security (system context only): outside it this would delete nothing.
    return systemTransaction(this.dataSource, async (manager) => {
      const [, deleted] = (await manager.query('DELETE FROM password_attempts WHERE expires_at < now()')) as [unknown, number];
      return deleted;
    });
  }

  private count(subject: string, network: string): Promise<Counted> {
    return systemTransaction(this.dataSource, async (manager) => {
      // The e-mail-wide row sorts first ('*'), so every transaction locks the two rows in one order.
      await manager.query(
        `INSERT INTO password_attempts (subject, network, expires_at) VALUES ($1, $2, now()), ($1, $3, now()) ON CONFLICT DO NOTHING`,
        [subject, UNRECOGNISED, network],
      );
      const rows = (await manager.query(
        `SELECT network, failures, window_started_at AS "windowStartedAt", locked_until AS "lockedUntil",
                last_success_at AS "lastSuccessAt", now() AS now
         FROM password_attempts WHERE subject = $1 AND network IN ($2, $3) ORDER BY network FOR UPDATE`,
        [subject, UNRECOGNISED, network],
      )) as AttemptRow[];
      const everyone = rows.find((row) => row.network === UNRECOGNISED)!;
      const pair = rows.find((row) => row.network === network)!;
      const now = pair.now;
      const recognised = pair.lastSuccessAt !== null && pair.lastSuccessAt.getTime() > now.getTime() - RECOGNISED_DAYS * DAY;

      if (pair.lockedUntil && pair.lockedUntil > now) throw locked(pair.lockedUntil);
      if (!recognised && everyone.lockedUntil && everyone.lockedUntil > now) throw locked(everyone.lockedUntil);

      const nextPair = nextCount(pair, PAIR_LOCK_AFTER);
      await this.save(manager, subject, network, nextPair, pair.lastSuccessAt);
      let locksUntil = nextPair.lockedUntil;
      if (!recognised) {
        const nextEveryone = nextCount(everyone, UNRECOGNISED_LOCK_AFTER);
        await this.save(manager, subject, UNRECOGNISED, nextEveryone, null);
        locksUntil ??= nextEveryone.lockedUntil;
      }
      return { failures: nextPair.failures, locksUntil, unrecognised: !recognised };
    });
  }

  private async save(
    manager: EntityManager,
    subject: string,
    network: string,
    next: { failures: number; windowStartedAt: Date; lockedUntil: Date | null },
    lastSuccessAt: Date | null,
  ): Promise<void> {
    const ends = [next.windowStartedAt.getTime() + WINDOW_MINUTES * MINUTE, next.lockedUntil?.getTime() ?? 0, (lastSuccessAt?.getTime() ?? 0) + RECOGNISED_DAYS * DAY];
    await manager.query(
      `UPDATE password_attempts SET failures = $3, window_started_at = $4, locked_until = $5, expires_at = $6 WHERE subject = $1 AND network = $2`,
      [subject, network, next.failures, next.windowStartedAt, next.lockedUntil, new Date(Math.max(...ends))],
    );
  }

  private async succeeded(subject: string, network: string, countedUnrecognised: boolean): Promise<void> {
    await systemTransaction(this.dataSource, async (manager) => {
      await manager.query(
        `INSERT INTO password_attempts (subject, network, failures, locked_until, last_success_at, expires_at)
         VALUES ($1, $2, 0, NULL, now(), now() + make_interval(days => $3))
         ON CONFLICT (subject, network) DO UPDATE SET failures = 0, locked_until = NULL, window_started_at = now(),
           last_success_at = now(), expires_at = now() + make_interval(days => $3)`,
        [subject, network, RECOGNISED_DAYS],
      );
      // A right password was not a failure; the owner's success does not wipe strangers' failures, though.
      if (countedUnrecognised) {
        await manager.query(`UPDATE password_attempts SET failures = greatest(failures - 1, 0) WHERE subject = $1 AND network = $2`, [subject, UNRECOGNISED]);
      }
    });
  }
}

/** The next failure count of a row: a window that is over (or a lock that ended) starts afresh. */
function nextCount(row: AttemptRow, lockAfter: number): { failures: number; windowStartedAt: Date; lockedUntil: Date | null } {
  const now = row.now;
  const stale = row.lockedUntil !== null || row.windowStartedAt.getTime() <= now.getTime() - WINDOW_MINUTES * MINUTE;
  const failures = (stale ? 0 : row.failures) + 1;
  return {
    failures,
    windowStartedAt: stale ? now : row.windowStartedAt,
    lockedUntil: failures >= lockAfter ? new Date(now.getTime() + LOCK_MINUTES * MINUTE) : null,
  };
}

export function subjectOf(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}

function locked(until: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError(
    'TOO_MANY_ATTEMPTS',
    `Too many failed attempts with this e-mail: try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
    { retryAfterSeconds },
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
