import type { EntityManager } from 'typeorm';

/**
 * What other modules may read of plans (the tables belong to plans/): plain functions over the
 * caller's EntityManager, scoped by organisation.
 */

/** Plans started (not abandoned) and agreed (agreed, active or completed): counts, no one's content. */
export async function planCounts(manager: EntityManager, organisationId: string): Promise<{ started: number; agreed: number }> {
  const rows = (await manager.query(
    `SELECT count(*) FILTER (WHERE status <> 'abandoned')::int AS started,
            count(*) FILTER (WHERE status IN ('agreed', 'active', 'completed'))::int AS agreed
     FROM plans WHERE organisation_id = $1`,
    [organisationId],
  )) as { started: number; agreed: number }[];
  return rows[0] ?? { started: 0, agreed: 0 };
}

/** Whether the organisation has any plan at all (abandoned ones included). */
export async function hasAnyPlan(manager: EntityManager, organisationId: string): Promise<boolean> {
  const rows = (await manager.query(`SELECT 1 FROM plans WHERE organisation_id = $1 LIMIT 1`, [organisationId])) as unknown[];
  return rows.length > 0;
}

/**
 * The time zone each person's days are counted in: that of their latest plan (plans record the
 * person's zone when made); people without a plan are left out (callers default to UTC).
 */
export async function timeZonesOf(manager: EntityManager, organisationId: string, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT DISTINCT ON (person_id) person_id AS "personId", time_zone AS "timeZone" FROM plans
     WHERE organisation_id = $1 AND person_id = ANY($2) ORDER BY person_id, created_at DESC`,
    [organisationId, [...new Set(personIds)]],
  )) as { personId: string; timeZone: string }[];
  return new Map(rows.map((r) => [r.personId, r.timeZone]));
}

/**
 * SQL for reads of plans that must stay inside another module's statement (reports' mentoring rollup).
 * Each takes SQL expressions of the caller's statement.
 */
export const plansSql = {
  /** Whether the person had a plan that is not closed, started by `asOf` (a boolean expression). */
  hasOpenPlanAt: (organisationId: string, personId: string, asOf: string) =>
    `EXISTS (SELECT 1 FROM plans pl WHERE pl.organisation_id = ${organisationId} AND pl.person_id = ${personId} AND pl.created_at <= ${asOf}
             AND pl.status NOT IN ('completed', 'abandoned'))`,
  /** The time zone of the person's latest plan (a scalar subquery; NULL without a plan). */
  latestTimeZone: (organisationId: string, personId: string) =>
    `(SELECT pl.time_zone FROM plans pl WHERE pl.organisation_id = ${organisationId} AND pl.person_id = ${personId} ORDER BY pl.created_at DESC LIMIT 1)`,
};
