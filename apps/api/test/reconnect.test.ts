import pg from 'pg';
import { expectNoErrors } from './support/errors.js';
import { DEMO, startTestApp, type TestApp } from './support/test-app.js';

/**
 * PostgreSQL dropping the app's connections (a restart, a failover, pg_terminate_backend): both
 * pools (TypeORM's and the RequestPool) make new ones, and the app answers as before.
 */
describe('after PostgreSQL ends the connections', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  async function terminateAppConnections(): Promise<number> {
    const admin = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'trellis' AND pid <> pg_backend_pid()`,
      );
      await admin.query('SELECT pg_terminate_backend(pid, 5000) FROM unnest($1::int[]) AS pid', [rows.map((row) => row.pid)]);
      return rows.length;
    } finally {
      await admin.end();
    }
  }

  it('reads, writes and reports healthy again', async () => {
    const manager = await t.signIn(DEMO.manager);
    const read = '{ viewer { person { name } } people { id } }';
    expectNoErrors(await manager.graphql(read));
    // Both pools hold connections now (the request's reads, the sign-in's transaction).
    expect(await terminateAppConnections()).toBeGreaterThanOrEqual(2);

    for (let round = 0; round < 3; round += 1) {
      expectNoErrors(await manager.graphql(read));
      const written = await manager.graphql('mutation($id: ID!) { markNotificationRead(id: $id) }', { id: '6c0f6a43-8c52-4a53-9f1e-0d0e3b2f0c11' });
      expect((written.errors ?? []).map((error) => error.extensions?.code)).not.toContain('INTERNAL');
      expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    }
    // The connections in use are new ones.
    expect(await terminateAppConnections()).toBeGreaterThanOrEqual(1);
    expectNoErrors(await manager.graphql(read));
  });
});
