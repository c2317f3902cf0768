import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg, { type Pool, type PoolClient, type QueryResult, type QueryResultRow } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The tenant setting the row-level security policies read (see the TenantRowSecurity migration). */
export const TENANT_SETTING = 'trellis.organisation_id';
/** The value that opens every organisation's rows: only for seeding and signing in. */
const SYSTEM_CONTEXT = '*';

function assertOrganisationId(organisationId: string): void {
  if (!UUID.test(organisationId)) throw new Error(`Not an organisation id: ${organisationId}`);
}

/** A statement's stable name, so PostgreSQL plans it once per connection. */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) statementNames.set(text, (name = `trellis_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`));
  return name;
}

const SET_TENANT = 'SELECT set_config($1, $2, false)';

/** The organisation each request connection was last set to (known only once the setting succeeded). */
const carriedTenant = new WeakMap<PoolClient, string>();

/**
 * The connections requests read through, apart from TypeORM's pool (transactions, seeding,
 * sign-in). Only RequestDatabase takes them, and it sets its organisation on a connection before
 * any of its statements is answered, so a connection may keep the organisation it last served:
 * no code that skips setting a tenant can reach it. TypeORM's connections never carry one
 * (transactions set theirs locally). Pipelined: statements are written without waiting for the
 * previous answer, and PostgreSQL runs them one at a time in the order written.
 */
@Injectable()
export class RequestPool implements OnApplicationShutdown {
  readonly pool: Pool;

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
    const options = dataSource.options as { url?: string; extra?: pg.PoolConfig };
    this.pool = new pg.Pool({ ...options.extra, connectionString: options.url, pipeline: true } as pg.PoolConfig & { pipeline: boolean });
    // An idle connection losing its server must not crash the process; the pool replaces it.
    this.pool.on('error', (error) => dataSource.logger.log('warn', `an idle request connection failed: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * The database as one request of one organisation sees it: a connection from the RequestPool
 * taken on first use, with the organisation set on it for row-level security (unless it already
 * carries it), and given back when the request ends. Reads run as named prepared statements and
 * go through TypeORM's logger. The tenant setting goes out in the same write as the request's
 * first statement, and statements asked for in the same tick share a round trip; none is answered
 * to its caller unless the setting succeeded.
 */
export class RequestDatabase {
  private client: Promise<PoolClient> | undefined;
  /** Once the request has ended nothing may take a connection for it: none would be given back. */
  private ended = false;
  /** The tenant setting sent ahead of the request's first statement, when the connection needed it. */
  private tenantSet: Promise<unknown> = Promise.resolve();
  /** Settles when the last statement sent has been answered (answers come in the order sent). */
  private lastAnswered: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly requests: RequestPool,
    readonly organisationId: string,
  ) {
    assertOrganisationId(organisationId);
  }

  private connection(): Promise<PoolClient> {
    if (this.ended) return Promise.reject(new Error('The request has ended (the client went away): its database work is not run.'));
    this.client ??= this.requests.pool.connect().then((client) => {
      // A checked-out client that loses its server (PostgreSQL stopping) must not crash the process.
      client.on('error', this.onConnectionError);
      if (carriedTenant.get(client) !== this.organisationId) {
        carriedTenant.delete(client);
        this.tenantSet = this.send(client, SET_TENANT, [TENANT_SETTING, this.organisationId]).then(() =>
          carriedTenant.set(client, this.organisationId),
        );
      }
      return client;
    });
    return this.client;
  }

  private send<T extends QueryResultRow>(client: PoolClient, text: string, values: unknown[], name?: string): Promise<QueryResult<T>> {
    // Statements sent in one tick leave in one write: each write is a system call, which costs
    // about as much as parsing a statement's rows.
    // pg does not publish its socket; without it statements simply leave one write each.
    const socket = (client as unknown as { connection?: { stream?: Writable } }).connection?.stream;
    if (socket && !socket.writableCorked) {
      socket.cork();
      process.nextTick(() => socket.uncork());
    }
    const result = client.query<T>({ name, text, values });
    this.lastAnswered = result.catch(() => undefined);
    return result;
  }

  private readonly onConnectionError = (error: Error) =>
    this.requests.dataSource.logger.log('warn', `a request's database connection failed: ${error.message}`);

  async query<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    this.requests.dataSource.logger.logQuery(text, values);
    const client = await this.connection();
    const result = this.send<T>(client, text, values, statementName(text));
    const [, { rows }] = await Promise.all([this.tenantSet, result]);
    return rows;
  }

  /** Ends the request's use of the database: the connection goes back to the pool once its last statement is answered. */
  release(): void {
    this.ended = true;
    const client = this.client;
    this.client = undefined;
    if (client) void this.giveBack(client);
  }

  private async giveBack(client: Promise<PoolClient>): Promise<void> {
    let connection: PoolClient;
    try {
      connection = await client;
    } catch {
      return; // it never connected
    }
    let failure: Error | undefined;
    try {
      await this.tenantSet;
      await this.lastAnswered;
    } catch (error) {
      // A connection whose tenant could not be set is closed, not pooled.
      failure = error as Error;
    }
    connection.off('error', this.onConnectionError);
    connection.release(failure);
  }
}

/** Runs work in a transaction that sees only the given organisation's rows. */
export function tenantTransaction<T>(
  dataSource: DataSource,
  organisationId: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  assertOrganisationId(organisationId);
  return withAfterCommit(dataSource, async (manager) => {
    await manager.query('SELECT set_config($1, $2, true)', [TENANT_SETTING, organisationId]);
    return work(manager);
  });
}

/**
 * Runs work in a transaction that sees every organisation: only for what must cross them
 * (seeding, signing up, signing in by e-mail, reading a session cookie).
 */
export function systemTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return withAfterCommit(dataSource, async (manager) => {
    await manager.query('SELECT set_config($1, $2, true)', [TENANT_SETTING, SYSTEM_CONTEXT]);
    return work(manager);
  });
}

/** What runs once a transaction committed (keyed by its manager); a rolled-back transaction runs none. */
const afterCommitSteps = new WeakMap<EntityManager, (() => void)[]>();

/**
 * Runs a step after the transaction of `manager` commits (live notifications: nobody is told of a row
 * that may still roll back). Steps run in order, after `tenantTransaction`/`systemTransaction` returned
 * from COMMIT; a step that throws is logged, never undoes or fails the write.
 */
export function afterCommit(manager: EntityManager, step: () => void): void {
  const steps = afterCommitSteps.get(manager);
  if (!steps) throw new Error('afterCommit needs a manager from tenantTransaction or systemTransaction');
  steps.push(step);
}

async function withAfterCommit<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const steps: (() => void)[] = [];
  const result = await dataSource.transaction((manager) => {
    afterCommitSteps.set(manager, steps);
    return work(manager);
  });
  for (const step of steps) {
    try {
      step();
    } catch (error) {
      process.stderr.write(`trellis: an after-commit step failed: ${(error as Error).stack ?? String(error)}\n`);
    }
  }
  return result;
}
