import type { DataSource } from 'typeorm';

/** Arbitrary constant: only one API process migrates at a time. */
const MIGRATION_LOCK = 7_104_150;

/** Applies the checked-in migrations, holding an advisory lock so parallel starts do not race. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}
