import type { EntityManager } from 'typeorm';

/**
 * Counts as activity on the person's open plan (staleness is measured from its last activity): for
 * other modules whose writes are plan activity (a new assessment), in their transaction.
 */
export async function markPlanActivity(manager: EntityManager, organisationId: string, personId: string): Promise<void> {
  await manager.query(
    `UPDATE plans SET last_activity_at = now() WHERE organisation_id = $1 AND person_id = $2 AND status NOT IN ('completed', 'abandoned')`,
    [organisationId, personId],
  );
}
