import { createDataSource } from '../src/database/data-source.js';
import { migrations } from '../src/database/migrations/index.js';
import { createTestDatabase } from './support/postgres-server.js';

/** Tables no organisation owns: tenants themselves, sign-in identities, and TypeORM's own. */
const GLOBAL_TABLES = `'organisations', 'accounts', 'password_resets', 'password_attempts', 'sign_up_requests', 'migrations'`;

describe('migrations', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const dataSource = () => createDataSource(database.url);

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('leave nothing for the entities to change: entities and migrations agree', async () => {
    const source = dataSource();
    await source.initialize();
    try {
      const pending = await source.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await source.destroy();
    }
  });

  it('can all be reverted and applied again', async () => {
    const source = dataSource();
    await source.initialize();
    try {
      for (let i = 0; i < migrations.length; i += 1) await source.undoLastMigration({ transaction: 'each' });
      const tables = await source.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`);
      expect(tables[0].n).toBe(0);
      const applied = await source.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(migrations.length);
      expect((await source.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await source.destroy();
    }
  });

  it('turn on row-level security, forced, with the tenant policy, on every table that has an organisation_id', async () => {
    const source = dataSource();
    await source.initialize();
    try {
      const tables: { table: string; rls: boolean; forced: boolean; policies: number }[] = await source.query(`
        SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
               (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation') AS policies
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id')`);
      expect(tables.length).toBeGreaterThan(15);
      expect(tables.filter((t) => !t.rls || !t.forced || t.policies !== 1)).toEqual([]);
    } finally {
      await source.destroy();
    }
  });

  it('lead every primary key, unique constraint, index and foreign key of a tenant table with organisation_id', async () => {
    const source = dataSource();
    await source.initialize();
    try {
      const rows: { table: string; name: string; first: string }[] = await source.query(`
        SELECT c.relname AS table, i.relname AS name, a.attname AS first
        FROM pg_index x
        JOIN pg_class c ON c.oid = x.indrelid
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
        WHERE n.nspname = 'public' AND c.relname NOT IN (${GLOBAL_TABLES})
        UNION ALL
        SELECT c.relname, k.conname, a.attname
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]
        JOIN pg_class target ON target.oid = k.confrelid
        WHERE n.nspname = 'public' AND k.contype = 'f' AND c.relname NOT IN (${GLOBAL_TABLES})
          -- A key into a table no organisation owns (organisations, accounts) is a reference table's key.
          AND target.relname NOT IN (${GLOBAL_TABLES})`);
      expect(rows.length).toBeGreaterThan(20);
      expect(rows.filter((row) => row.first !== 'organisation_id')).toEqual([]);
    } finally {
      await source.destroy();
    }
  });
});
