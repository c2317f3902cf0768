import type { DataSource } from 'typeorm';

/** Arbitrary constant: only one API process migrates at a time. */
const MIGRATION_LOCK = 7_104_150;

/**
 * Applies the checked-in migrations, holding an advisory lock so parallel starts do not race, then
 * runs `after` (granting the app's role its rights) under the same lock.
 */
export async function migrate(dataSource: DataSource): Promise<string[]>;
export async function migrate<T>(dataSource: DataSource, after: () => Promise<T>): Promise<T>;
export async function migrate<T>(dataSource: DataSource, after?: () => Promise<T>): Promise<T | string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return after ? await after() : applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}
