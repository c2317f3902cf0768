import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { ReportRefreshService } from '../src/reports/report-refresh.service.js';
import { expectNoErrors, fieldErrors } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { asSuperuser } from './support/superuser.js';

/**
 * The reports read from the views stored with each snapshot (report_views) answer exactly what the
 * same reads worked out from the whole stored report answer (the way snapshots stored before views
 * are read): every drill, filter, category and target role, each report and its CSV. A snapshot
 * without views still reads, the job's next pass rebuilds its views, and then no read needs the
 * whole report.
 */

const F = '{ value people suppressed }';
const READS = `query($input: ReportFilterInput) {
  reportOverview(input: $input) { meta { month k people filters } months tracks { id name } roles { id name trackId } categories { id name } trail { teamId name path } }
  skillGaps(input: $input) {
    meta { month k people filters }
    byTeam { teamId teamName roleId roleTitle gaps { skillId skillName withExpectation ${F} unrated ${F} short ${F} shareShort ${F} meanShortfall ${F} } }
    byRole { teamId teamName roleId roleTitle gaps { skillId skillName shareShort ${F} meanShortfall ${F} } }
    coverage { teamId teamName people suppressed risks { skillId skillName level holders neededByRoles peopleNeeding } }
    requiredVsActualSuppressed requiredVsActual { skillId skillName level required actual } }
  successionReport(input: $input) {
    cells { teamId teamName targetRoleId targetRoleTitle candidates ${F} now ${F} within6Months ${F} within12Months ${F} later ${F} unknown ${F}
      blockers { kind id name people ${F} meanShortfall ${F} } } }
  calibrationReport(input: $input) {
    bySkill { teamId teamName skillId skillName source pairs ${F} meanDifference ${F} standardDeviation ${F} }
    assessors { assessorId assessorName source people ${F} meanDifference ${F} offset ${F} shrunkOffset ${F} flag } }
  participationReport(input: $input) {
    rows { teamId teamName people ${F} withPlan ${F} agreed ${F} active ${F} reviewedOnTime ${F} overdue ${F} stale ${F}
      mentoring { mentees ${F} withActiveMentor ${F} waiting ${F} waitingPeople ${F} planCoverage ${F} activePairs ${F} fizzlingPairs ${F} fizzling ${F} } }
    training { kind itemId title byTeam { teamId teamName people ${F} } } }
}`;
const KINDS = ['GAPS', 'COVERAGE', 'SUCCESSION', 'CALIBRATION', 'PARTICIPATION', 'TRAINING', 'HEATMAP'];

describe('stored report views', () => {
  let t: TestApp;
  let leader: Client;
  let organisationId: string;

  const superuser = <T>(work: (client: pg.Client) => Promise<T>) => asSuperuser(t.adminDatabaseUrl, work);
  const views = () => superuser(async (db) => Number((await db.query(`SELECT count(*) FROM report_views WHERE organisation_id = $1`, [organisationId])).rows[0].count));

  beforeAll(async () => {
    t = await startTestApp();
    leader = await t.signIn(DEMO.leadership);
    [{ organisation_id: organisationId }] = await superuser(async (db) => (await db.query(`SELECT organisation_id FROM people WHERE email = $1`, [DEMO.leadership])).rows);
    const refresher = t.app.get(ReportRefreshService);
    await refresher.refresh(organisationId);
    // The demo has no plans: succession candidates, blockers and training demand are given to every
    // snapshot's stored rows (some groups under k, some not), and its reports built again from them.
    await superuser(async (db) => {
      const teams = (await db.query(`SELECT id FROM teams WHERE organisation_id = $1 ORDER BY name`, [organisationId])).rows.map((r) => r.id as string);
      const { catalogue } = JSON.parse(
        (await db.query(`SELECT data FROM report_results WHERE organisation_id = $1 AND snapshot = 'current' AND report = 'catalogue'`, [organisationId])).rows[0].data as string,
      ) as { catalogue: { roles: { id: string }[]; skills: { id: string }[] } };
      const roles = catalogue.roles.slice(1, 4).map((r) => r.id);
      const skills = catalogue.skills.slice(0, 3).map((s) => s.id);
      const succession = teams.flatMap((teamId, i) => roles.map((targetRoleId, j) => ({ teamId, targetRoleId, byBucket: [i + j, 2, (i * j) % 3, 1, i % 2] })));
      const blockers = succession.flatMap((row, i) => [
        ...skills.map((id, j) => ({ teamId: row.teamId, targetRoleId: row.targetRoleId, kind: 'skill', id, people: 1 + ((i + j) % 3), shortfallSum: 2 + j })),
        { teamId: row.teamId, targetRoleId: row.targetRoleId, kind: 'qualification', id: 'prince2', people: 1, shortfallSum: 0 },
      ]);
      const trainingDemand = teams.flatMap((teamId, i) => [
        { teamId, kind: 'qualification', itemId: 'prince2', title: 'PRINCE2', people: 2 + i },
        { teamId, kind: 'course', itemId: 'negotiation', title: 'Negotiation', people: i % 4 },
      ]);
      // Rows are stored compressed (packed_rows) or, as before, as jsonb: either way given back as jsonb.
      const stored = (await db.query(`SELECT snapshot, rows, packed_rows FROM report_snapshots WHERE organisation_id = $1`, [organisationId])).rows as {
        snapshot: string;
        rows: Record<string, unknown> | null;
        packed_rows: Buffer | null;
      }[];
      for (const row of stored) {
        const rows = row.packed_rows ? (JSON.parse(gunzipSync(row.packed_rows).toString('utf8')) as Record<string, unknown>) : row.rows!;
        await db.query(`UPDATE report_snapshots SET rows = $3::jsonb, packed_rows = NULL WHERE organisation_id = $1 AND snapshot = $2`, [
          organisationId,
          row.snapshot,
          JSON.stringify({ ...rows, succession, blockers, trainingDemand }),
        ]);
      }
      await db.query(`DELETE FROM report_views WHERE organisation_id = $1`, [organisationId]);
    });
    expect((await refresher.refresh(organisationId)).written).toHaveLength(13);
  });

  afterAll(async () => {
    await t?.app.close();
  });

  /** Every read and CSV over the inputs: every drill; a track, a role, a category, target roles; a month end. */
  const answers = async () => {
    const { teams, tracks, categories, month } = await superuser(async (db) => ({
      teams: (await db.query(`SELECT id FROM teams WHERE organisation_id = $1 ORDER BY name`, [organisationId])).rows.map((r) => r.id as string),
      ...(await db.query(`SELECT data FROM report_results WHERE organisation_id = $1 AND snapshot = 'current' AND report = 'catalogue'`, [organisationId]).then((r) => {
        const catalogue = JSON.parse(r.rows[0].data as string).catalogue as { tracks: { id: string }[]; categories: { id: string }[] };
        return { tracks: catalogue.tracks.map((x) => x.id), categories: catalogue.categories.map((x) => x.id) };
      })),
      month: (await db.query(`SELECT max(snapshot) AS m FROM report_snapshots WHERE organisation_id = $1 AND snapshot <> 'current'`, [organisationId])).rows[0].m as string,
    }));
    const succession = await leader.graphql<{ successionReport: { cells: { targetRoleId: string }[] } }>('{ successionReport { cells { targetRoleId } } }');
    const roles = [...new Set(succession.data!.successionReport.cells.map((c) => c.targetRoleId))];
    expect(teams.length).toBeGreaterThan(2);
    expect(roles.length).toBeGreaterThan(0);
    const allRoles = (await leader.graphql<{ reportOverview: { roles: { id: string; trackId: string }[] } }>('{ reportOverview { roles { id trackId } } }')).data!.reportOverview.roles;
    const inputs: Record<string, unknown>[] = [
      {},
      ...teams.map((teamId) => ({ teamId })),
      { trackId: tracks[0] },
      { roleId: allRoles[0]!.id, trackId: allRoles[0]!.trackId },
      { teamId: teams[0], roleId: allRoles[1]!.id },
      { categoryId: categories[0] },
      { teamId: teams[1], categoryId: categories[1] ?? categories[0] },
      ...roles.map((targetRoleId) => ({ targetRoleId })),
      // A role nobody aims at: a column of zeros.
      { targetRoleId: allRoles.find((r) => !roles.includes(r.id))!.id },
      { month },
      { month, teamId: teams[2] },
    ];
    const result: unknown[] = [];
    for (const input of inputs) {
      const read = await leader.graphql<Record<string, { meta?: { refreshedAt?: string } }>>(READS, { input });
      expectNoErrors(read);
      result.push(read.data);
      for (const kind of KINDS) {
        const csv = await leader.graphql<{ reportCsv: string }>(`query($input: ReportFilterInput) { reportCsv(kind: ${kind}, input: $input) }`, { input });
        expectNoErrors(csv);
        result.push(csv.data!.reportCsv);
      }
    }
    // Bad input is refused as before.
    for (const [input, field] of [
      [{ teamId: '00000000-0000-4000-8000-000000000000' }, 'teamId'],
      [{ roleId: '00000000-0000-4000-8000-000000000000' }, 'roleId'],
      [{ categoryId: '00000000-0000-4000-8000-000000000000' }, 'categoryId'],
      [{ targetRoleId: '00000000-0000-4000-8000-000000000000' }, 'targetRoleId'],
      [{ month: '1999-01' }, 'month'],
    ] as const) {
      for (const report of ['skillGaps', 'successionReport', 'calibrationReport', 'participationReport']) {
        expect(fieldErrors(await leader.graphql(`query($input: ReportFilterInput) { ${report}(input: $input) { meta { k } } }`, { input }))).toHaveProperty(field);
      }
    }
    return { result, inputs: inputs.length };
  };

  it('answer every report read and CSV exactly as the whole stored report does, and a snapshot without views is rebuilt', async () => {
    expect(await views()).toBeGreaterThan(0);
    const stored = await answers();
    expect(stored.inputs).toBeGreaterThan(10);
    // Shown and hidden figures both compared.
    const organisation = stored.result[0] as {
      successionReport: { cells: { candidates: { value: number | null; suppressed: string | null }; blockers: unknown[] }[] };
      participationReport: { training: unknown[] };
    };
    expect(organisation.successionReport.cells.some((c) => (c.candidates.value ?? 0) > 0 && c.blockers.length > 0)).toBe(true);
    expect(organisation.successionReport.cells.some((c) => c.candidates.suppressed !== null)).toBe(true);
    expect(organisation.participationReport.training.length).toBeGreaterThan(0);
    // Snapshots as they were before views: every read works them out from the whole report.
    await superuser((db) => db.query(`DELETE FROM report_views WHERE organisation_id = $1`, [organisationId]));
    const whole = await answers();
    expect(whole.result).toEqual(stored.result);
    // The next refresh (the job's pass) rebuilds the views of every snapshot, without new rollups.
    const { written } = await t.app.get(ReportRefreshService).refresh(organisationId);
    expect(written).toHaveLength(13);
    expect(await views()).toBeGreaterThan(0);
    // No read parses a whole report now: with the stored reports emptied, every answer is the same.
    await superuser((db) => db.query(`UPDATE report_results SET data = '{}' WHERE organisation_id = $1 AND report <> 'catalogue'`, [organisationId]));
    expect((await answers()).result).toEqual(stored.result);
  });
});
