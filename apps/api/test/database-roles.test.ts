import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { DATABASE_ROLES } from '../src/app.module.js';
import { prepareDatabase, type DatabaseRoles } from '../src/database/app-role.js';
import { RequestDatabase, RequestPool, systemTransaction, tenantTransaction } from '../src/database/tenant-database.js';
import { withDatabase } from './support/postgres-server.js';
import { superuserQuery } from './support/superuser.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The app runs as a role that owns no table, so it cannot switch row-level security off, and the
 * tables no organisation owns (accounts, resets, attempts, sign-up requests, organisations) are under
 * row-level security too: only the system context (systemTransaction) reaches them, and a tenant
 * sees its own organisation's row only.
 */
const GLOBAL_TABLES = ['accounts', 'password_resets', 'password_attempts', 'sign_up_requests', 'organisations'];

describe('database roles and row-level security on the global tables', () => {
  let t: TestApp;
  let app: DataSource;
  let organisationId: string;

  const superuser = <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => superuserQuery<T>(t.adminDatabaseUrl, text, values);

  beforeAll(async () => {
    t = await startTestApp();
    app = t.app.get<DataSource>(getDataSourceToken());
    // A reset link and a throttle row, so every global table has rows to hide.
    await t.anonymous().graphql('mutation { requestPasswordReset(email: "asha.patel@demo.example") }');
    await t.anonymous().graphql('mutation($input: SignInInput!) { signIn(input: $input) { person { id } } }', {
      input: { email: 'dan.kowalski@demo.example', password: 'not the password at all' },
    });
    organisationId = (await superuser<{ id: string }>("SELECT id FROM organisations WHERE slug = 'demo'"))[0]!.id;
    await superuser(
      `INSERT INTO password_resets (id, account_id, secret_hash, expires_at) SELECT gen_random_uuid(), id, 'x', now() + interval '1 hour' FROM accounts LIMIT 1`,
    );
    await superuser(
      `INSERT INTO sign_up_requests (id, email, organisation_name, name, password_hash, secret_hash, expires_at)
       VALUES (gen_random_uuid(), 'founder@roles.example', 'Roles Ltd', 'Founder', 'x', 'x', now() + interval '1 hour')`,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it("runs the app's connections as a role that owns no table", async () => {
    expect(t.app.get<DatabaseRoles>(DATABASE_ROLES)).toEqual({ setRole: 'trellis_runtime', warning: null });
    const [who] = (await app.query(
      `SELECT current_user AS "user", (SELECT count(*)::int FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)) AS owned,
              (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypasses`,
    )) as { user: string; owned: number; bypasses: boolean }[];
    expect(who).toEqual({ user: 'trellis_runtime', owned: 0, bypasses: false });
    // The request connections too.
    const db = new RequestDatabase(t.app.get(RequestPool), organisationId);
    try {
      expect(await db.query('SELECT current_user AS "user"', [])).toEqual([{ user: 'trellis_runtime' }]);
    } finally {
      db.release();
    }
  });

  it('cannot switch row-level security off, nor drop a policy, nor change a table', async () => {
    for (const statement of [
      'ALTER TABLE accounts DISABLE ROW LEVEL SECURITY',
      'ALTER TABLE accounts NO FORCE ROW LEVEL SECURITY',
      'ALTER TABLE people DISABLE ROW LEVEL SECURITY',
      'DROP POLICY system_only ON accounts',
      'DROP POLICY tenant_isolation ON people',
      'ALTER TABLE organisations OWNER TO trellis_runtime',
    ]) {
      await expect(app.query(statement)).rejects.toThrow(/must be owner/);
    }
    // Nor leave the role it runs as for the owner's by RESET ROLE.
    await expect(
      app.transaction(async (manager) => {
        await manager.query('RESET ROLE');
        await manager.query('ALTER TABLE accounts DISABLE ROW LEVEL SECURITY');
      }),
    ).rejects.toThrow(/must be owner/);
    const [state] = await superuser<{ rls: boolean; forced: boolean }>(
      "SELECT relrowsecurity AS rls, relforcerowsecurity AS forced FROM pg_class WHERE relname = 'accounts'",
    );
    expect(state).toEqual({ rls: true, forced: true });
  });

  it('sees no row of the global tables outside the system context, and only its own organisation in a tenant context', async () => {
    const everything = Object.fromEntries(
      await Promise.all(GLOBAL_TABLES.map(async (table) => [table, (await superuser<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n])),
    ) as Record<string, number>;
    for (const table of GLOBAL_TABLES) expect(everything[table]).toBeGreaterThan(0);

    const count = async (query: (text: string) => Promise<{ n: number }[]>, table: string) => (await query(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
    const db = new RequestDatabase(t.app.get(RequestPool), organisationId);
    try {
      for (const table of GLOBAL_TABLES) {
        const own = table === 'organisations' ? 1 : 0;
        // No context at all (TypeORM's pool outside a transaction).
        expect([table, await count((text) => app.query(text), table)]).toEqual([table, 0]);
        // A tenant transaction and a request's connection: the organisation's own row only.
        expect([table, await tenantTransaction(app, organisationId, (manager) => count((text) => manager.query(text), table))]).toEqual([table, own]);
        expect([table, await count((text) => db.query(text, []), table)]).toEqual([table, own]);
        // The system context (signing in, resets, the throttle) sees them all.
        expect([table, await systemTransaction(app, (manager) => count((text) => manager.query(text), table))]).toEqual([table, everything[table]]);
      }
    } finally {
      db.release();
    }
  });

  it('refuses to write an account or a reset link outside the system context', async () => {
    await expect(
      tenantTransaction(app, organisationId, (manager) =>
        manager.query("INSERT INTO accounts (id, email, password_hash) VALUES (gen_random_uuid(), 'intruder@example.com', 'x')"),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await tenantTransaction(app, organisationId, (manager) => manager.query("UPDATE accounts SET password_hash = 'x' RETURNING id"))).toEqual([[], 0]);
    expect(await superuser("SELECT 1 FROM accounts WHERE password_hash = 'x' OR email = 'intruder@example.com'")).toEqual([]);
  });

  it('the cleanup jobs still reach their tables (system context)', async () => {
    await superuser("UPDATE password_attempts SET expires_at = now() - interval '1 minute'");
    const { PasswordGuard } = await import('../src/identity/password-guard.js');
    expect(await t.app.get(PasswordGuard).deleteExpired()).toBeGreaterThan(0);
    expect(await superuser('SELECT 1 FROM password_attempts')).toEqual([]);
  });

  it('with DATABASE_MIGRATION_URL, grants a login that owns nothing its rights and sets no role', async () => {
    const login = `trellis_test_login_${process.pid}`;
    await superuser(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${login}') THEN CREATE ROLE ${login} LOGIN PASSWORD 'login-pass'; END IF; END $$`);
    const loginUrl = new URL(t.databaseUrl);
    loginUrl.username = login;
    loginUrl.password = 'login-pass';
    expect(await prepareDatabase({ ownerUrl: t.databaseUrl, appUrl: loginUrl.toString(), appRole: 'trellis_runtime' })).toEqual({ setRole: null, warning: null });
    const client = new pg.Client({ connectionString: loginUrl.toString() });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('trellis.organisation_id', $1, true)", [organisationId]);
      expect((await client.query('SELECT count(*)::int AS n FROM people')).rows[0].n).toBeGreaterThan(0);
      await client.query('COMMIT');
      await expect(client.query('ALTER TABLE accounts DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
      await expect(client.query('SELECT 1 FROM migrations')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
      await superuser(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${login}; REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${login}; REVOKE ALL ON SCHEMA public FROM ${login}`);
    }
  });

  it('an owner with CREATEROLE (no superuser) makes the role, joins it and runs in it', async () => {
    const owner = `trellis_test_creator_${process.pid}`;
    const database = `trellis_test_creator_${process.pid}`;
    const role = `trellis_made_${process.pid}`;
    await superuser(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE ${owner} LOGIN CREATEROLE PASSWORD 'creator-pass'; END IF; END $$`);
    await superuser(`CREATE DATABASE ${database} OWNER ${owner}`);
    try {
      const url = new URL(withDatabase(t.adminDatabaseUrl, database));
      url.username = owner;
      url.password = 'creator-pass';
      expect(await prepareDatabase({ ownerUrl: url.toString(), appUrl: url.toString(), appRole: role })).toEqual({ setRole: role, warning: null });
      const client = new pg.Client({ connectionString: url.toString(), options: `-c role=${role}` } as pg.ClientConfig);
      await client.connect();
      try {
        expect((await client.query('SELECT current_user AS "user"')).rows).toEqual([{ user: role }]);
        await expect(client.query('ALTER TABLE accounts DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
      } finally {
        await client.end();
      }
    } finally {
      await superuser(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await superuser(`DROP ROLE IF EXISTS ${role}`);
    }
  });

  it('degrades with one warning when the owner can neither create nor join the role', async () => {
    const owner = `trellis_test_plain_${process.pid}`;
    const database = `trellis_test_plain_${process.pid}`;
    await superuser(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${owner}') THEN CREATE ROLE ${owner} LOGIN PASSWORD 'plain-pass'; END IF; END $$`);
    await superuser(`CREATE DATABASE ${database} OWNER ${owner}`);
    try {
      const url = new URL(withDatabase(t.adminDatabaseUrl, database));
      url.username = owner;
      url.password = 'plain-pass';
      const roles = await prepareDatabase({ ownerUrl: url.toString(), appUrl: url.toString(), appRole: `trellis_absent_${process.pid}` });
      expect(roles.setRole).toBeNull();
      expect(roles.warning).toMatch(new RegExp(`^the database user ${owner} cannot create or join the role trellis_absent_\\d+, so Trellis runs as the tables' owner`));
      expect(roles.warning).not.toContain('\n');
    } finally {
      await superuser(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    }
  });
});
