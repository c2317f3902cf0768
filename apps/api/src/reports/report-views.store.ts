import type { EntityManager } from 'typeorm';

/** Rows per INSERT: a big organisation's views are tens of megabytes of text; a few statements keep each one modest. */
const BATCH = 2_000;

/**
 * Stores a snapshot's report views (the domain's `reportViews`, as JSON text), replacing the ones it
 * had: teams, roles and filters come and go. In the refresh's transaction.
 */
export async function storeViews(
  manager: EntityManager,
  organisationId: string,
  snapshot: string,
  views: readonly { report: string; teamId: string; key: string; data: string }[],
): Promise<void> {
  await manager.query(`DELETE FROM report_views WHERE organisation_id = $1 AND snapshot = $2`, [organisationId, snapshot]);
  for (let start = 0; start < views.length; start += BATCH) {
    const batch = views.slice(start, start + BATCH);
    await manager.query(
      `INSERT INTO report_views (organisation_id, snapshot, report, team_id, key, data)
       SELECT $1, $2, v.report, v.team_id, v.key, v.data FROM unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS v(report, team_id, key, data)`,
      [organisationId, snapshot, batch.map((v) => v.report), batch.map((v) => v.teamId), batch.map((v) => v.key), batch.map((v) => v.data)],
    );
  }
}
