import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RequestDatabase, type RequestPool } from '../database/tenant-database.js';

/** What report reads need of a database: statements answered with their rows. */
export interface ReportQueries {
  query<T extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<T[]>;
}

/**
 * Where report reads go. With DATABASE_REPLICA_URL, to the replica through a pool of its own
 * (pipelined, named statements, the organisation set on each connection for row-level security
 * exactly as the request pool does); without it, through the request's own connection to the
 * primary. Writes (the audit of each read) always go to the primary.
 */
@Injectable()
export class ReportReader implements OnApplicationShutdown {
  private readonly replica: RequestPool | null;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    const url = config.DATABASE_REPLICA_URL;
    if (!url) {
      this.replica = null;
      return;
    }
    // The primary's pool options (size, application name, the app role that row-level security applies to), on the replica.
    const options = dataSource.options as { extra?: pg.PoolConfig };
    const pool = new pg.Pool({ ...options.extra, connectionString: url, pipeline: true } as pg.PoolConfig & { pipeline: boolean });
    pool.on('error', (error) => dataSource.logger.log('warn', `an idle replica connection failed: ${error.message}`));
    // RequestDatabase needs only the pool and the logger of a RequestPool.
    this.replica = { pool, dataSource } as unknown as RequestPool;
  }

  /** Whether reads go to a replica. */
  get usesReplica(): boolean {
    return this.replica !== null;
  }

  /** Runs `work` against the replica when there is one (a connection for this read only), else against the request's database. */
  async read<T>(primary: RequestDatabase, work: (db: ReportQueries) => Promise<T>): Promise<T> {
    if (!this.replica) return work(primary);
    const db = new RequestDatabase(this.replica, primary.organisationId);
    try {
      return await work(db);
    } finally {
      db.release();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.replica?.pool.end();
  }
}
