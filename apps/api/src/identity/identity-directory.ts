import type { EntityManager } from 'typeorm';

/**
 * What other modules may read of invitations (the `invitations` table belongs to identity): plain
 * functions over the caller's EntityManager, scoped by organisation.
 */

/** Invitations ever sent, and how many of `emails` (lower-case) have a pending one. */
export async function invitationSetup(
  manager: EntityManager,
  organisationId: string,
  emails: readonly string[],
): Promise<{ sent: number; pendingAmong: number }> {
  const rows = (await manager.query(
    `SELECT count(*)::int AS sent,
            count(DISTINCT email) FILTER (WHERE email = ANY($2) AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now())::int AS "pendingAmong"
     FROM invitations WHERE organisation_id = $1`,
    [organisationId, emails],
  )) as { sent: number; pendingAmong: number }[];
  return rows[0] ?? { sent: 0, pendingAmong: 0 };
}
