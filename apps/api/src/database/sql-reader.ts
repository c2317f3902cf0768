import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs read statements as named prepared statements on TypeORM's own pg pool, so PostgreSQL
 * plans each hot read once per connection instead of on every request (planning cost more than
 * executing for a role's expectations). Statements still go through TypeORM's logger.
 */
export class SqlReader {
  private readonly names = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  async query<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    let name = this.names.get(text);
    if (!name) {
      name = `trellis_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
      this.names.set(text, name);
    }
    this.dataSource.logger.logQuery(text, values);
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const result = await pool.query<T>({ name, text, values });
    return result.rows;
  }
}
