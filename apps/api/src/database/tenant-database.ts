import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
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

/**
 * The database as one request of one organisation sees it: a pooled connection taken on first
 * use, with the organisation set on it for row-level security, and given back (reset) when the
 * request ends. Reads run as named prepared statements and go through TypeORM's logger.
 */
export class RequestDatabase {
  private client: Promise<PoolClient> | undefined;
  /** Once the request has ended nothing may take a connection for it: none would be given back. */
  private ended = false;
  /**
   * The request's statements, one after another on its connection: loaders of one tick ask together,
   * and pg (from version 9) refuses a query while another is running on the same client.
   */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    readonly organisationId: string,
  ) {
    assertOrganisationId(organisationId);
  }

  private get pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  private connection(): Promise<PoolClient> {
    if (this.ended) return Promise.reject(new Error('The request has ended (the client went away): its database work is not run.'));
    this.client ??= this.pool.connect().then(async (client) => {
      // A checked-out client that loses its server (PostgreSQL stopping) must not crash the process.
      client.on('error', this.onConnectionError);
      try {
        await client.query('SELECT set_config($1, $2, false)', [TENANT_SETTING, this.organisationId]);
        return client;
      } catch (error) {
        client.off('error', this.onConnectionError);
        client.release(error as Error);
        throw error;
      }
    });
    return this.client;
  }

  private readonly onConnectionError = (error: Error) =>
    this.dataSource.logger.log('warn', `a request's database connection failed: ${error.message}`);

  async query<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    this.dataSource.logger.logQuery(text, values);
    const client = await this.connection();
    const result = this.queue.then(() => client.query<T>({ name: statementName(text), text, values }));
    this.queue = result.catch(() => undefined);
    return (await result).rows;
  }

  /** Ends the request's use of the database: the connection goes back to the pool without the tenant. */
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
      await this.queue;
      await connection.query('SELECT set_config($1, $2, false)', [TENANT_SETTING, '']);
    } catch (error) {
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
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT set_config($1, $2, true)', [TENANT_SETTING, organisationId]);
    return work(manager);
  });
}

/**
 * Runs work in a transaction that sees every organisation: only for what must cross them
 * (seeding, signing up, signing in by e-mail, reading a session cookie).
 */
export function systemTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT set_config($1, $2, true)', [TENANT_SETTING, SYSTEM_CONTEXT]);
    return work(manager);
  });
}
