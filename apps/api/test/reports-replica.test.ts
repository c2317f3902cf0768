import { RequestDatabase, RequestPool } from '../src/database/tenant-database.js';
import { ReportReader } from '../src/reports/report-reader.js';
import { ReportRefreshService } from '../src/reports/report-refresh.service.js';
import { expectNoErrors } from './support/errors.js';
import { DEMO, startTestApp, type TestApp } from './support/test-app.js';
import { asSuperuser } from './support/superuser.js';

/**
 * With DATABASE_REPLICA_URL set, report reads go to the replica and their audit records to the
 * primary. The "replica" here is a copy of the primary's database whose snapshot was then changed,
 * so every figure tells which database it came from; row-level security applies there as well
 * (the replica's rows of another organisation stay hidden).
 */

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

const HEATMAP = `query($input: ReportFilterInput) { skillHeatmap(input: $input) { meta { k people } rows { teamId assessed } } }`;
const PARTICIPATION = `{ participationReport { meta { k people } rows { teamId people { value } } } }`;

describe('reports on a read replica', () => {
  let first: TestApp;
  let t: TestApp;
  let primaryName: string;
  let replicaName: string;
  let organisationId: string;
  let adminUrl: string;

  beforeAll(async () => {
    first = await startTestApp();
    [{ organisation_id: organisationId }] = await asSuperuser(first.adminDatabaseUrl, async (db) =>
      (await db.query(`SELECT organisation_id FROM people WHERE email = $1`, [DEMO.leadership])).rows,
    );
    await first.app.get(ReportRefreshService).refresh(organisationId, { months: false });
    // The replica: a copy of the primary as it is now (a template copy needs the primary idle).
    adminUrl = first.adminDatabaseUrl;
    primaryName = new URL(adminUrl).pathname.slice(1);
    replicaName = `${primaryName}_replica`;
    await first.app.close();
    await asSuperuser(withDatabase(adminUrl, 'postgres'), async (db) => {
      await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [primaryName]);
      await db.query(`CREATE DATABASE ${replicaName} TEMPLATE ${primaryName}`);
    });
    // The replica's snapshot differs: another k and headcount, and another first heatmap figure.
    await asSuperuser(withDatabase(adminUrl, replicaName), async (db) => {
      await db.query(`UPDATE report_snapshots SET k = 7, people = 4242 WHERE organisation_id = $1`, [organisationId]);
      const { data } = (
        await db.query(`SELECT data FROM report_heatmaps WHERE organisation_id = $1 AND snapshot = 'current' AND team_id = '*' AND filter = 'all'`, [
          organisationId,
        ])
      ).rows[0] as { data: string };
      const matrix = JSON.parse(data) as { rows: { assessed: (number | null)[]; assessedSuppressed: boolean[] }[] };
      matrix.rows[0]!.assessed[0] = 4242;
      matrix.rows[0]!.assessedSuppressed[0] = false;
      await db.query(`UPDATE report_heatmaps SET data = $2 WHERE organisation_id = $1 AND snapshot = 'current' AND team_id = '*' AND filter = 'all'`, [
        organisationId,
        JSON.stringify(matrix),
      ]);
    });
    t = await startTestApp({
      databaseOf: first,
      environment: { DATABASE_REPLICA_URL: withDatabase(first.databaseUrl, replicaName) },
    });
  });

  afterAll(async () => {
    await t?.app.close();
    await asSuperuser(withDatabase(adminUrl, 'postgres'), async (db) => {
      await db.query(`DROP DATABASE IF EXISTS ${replicaName} WITH (FORCE)`);
      await db.query(`DROP DATABASE IF EXISTS ${primaryName} WITH (FORCE)`);
    });
  });

  it("answers the replica's figures, on the heatmap and on reports worked out from the stored report", async () => {
    const leader = await t.signIn(DEMO.leadership);
    const heatmap = await leader.graphql<{ skillHeatmap: { meta: { k: number; people: number }; rows: { teamId: string; assessed: (number | null)[] }[] } }>(HEATMAP);
    expectNoErrors(heatmap);
    expect(heatmap.data!.skillHeatmap.meta).toEqual({ k: 7, people: 4242 });
    expect(heatmap.data!.skillHeatmap.rows[0]!.assessed[0]).toBe(4242);
    const participation = await leader.graphql<{ participationReport: { meta: { k: number; people: number } } }>(PARTICIPATION);
    expectNoErrors(participation);
    expect(participation.data!.participationReport.meta).toEqual({ k: 7, people: 4242 });
    // The primary still holds its own figures.
    const primary = await asSuperuser(t.adminDatabaseUrl, async (db) => (await db.query(`SELECT k, people FROM report_snapshots WHERE organisation_id = $1`, [organisationId])).rows);
    expect(primary).toHaveLength(1);
    expect(primary[0].k).toBe(5);
    expect(primary[0].people).not.toBe(4242);
  });

  it('records each read in the primary, not the replica', async () => {
    const leader = await t.signIn(DEMO.leadership);
    const count = (url: string) =>
      asSuperuser(url, async (db) => Number((await db.query(`SELECT count(*) FROM audit_events WHERE action = 'reports.read'`)).rows[0].count));
    const replicaUrl = withDatabase(adminUrl, replicaName);
    const [primaryBefore, replicaBefore] = [await count(t.adminDatabaseUrl), await count(replicaUrl)];
    expectNoErrors(await leader.graphql(HEATMAP));
    expectNoErrors(await leader.graphql(PARTICIPATION));
    expect(await count(t.adminDatabaseUrl)).toBe(primaryBefore + 2);
    expect(await count(replicaUrl)).toBe(replicaBefore);
  });

  it('applies row-level security on the replica: its connections see one organisation', async () => {
    // Another organisation's snapshot, in the replica only; a statement with no organisation filter sees row-level security alone.
    await asSuperuser(withDatabase(adminUrl, replicaName), async (db) => {
      const other = '00000000-0000-4000-8000-00000000beef';
      await db.query(`INSERT INTO organisations (id, slug, name) VALUES ($1, 'elsewhere', 'Elsewhere')`, [other]);
      await db.query(
        `INSERT INTO report_snapshots (organisation_id, snapshot, month_end, k, filters, stamp, people, rows, refreshed_at)
         VALUES ($1, '2020-01', NULL, 5, true, '', 99, '{}'::jsonb, now())`,
        [other],
      );
    });
    const reader = t.app.get(ReportReader);
    expect(reader.usesReplica).toBe(true);
    const primary = new RequestDatabase(t.app.get(RequestPool), organisationId);
    try {
      const rows = await reader.read(primary, (db) => db.query<{ organisationId: string; people: number }>(`SELECT organisation_id AS "organisationId", people FROM report_snapshots`, []));
      expect(rows).toEqual([{ organisationId, people: 4242 }]);
    } finally {
      primary.release();
    }
  });
});
