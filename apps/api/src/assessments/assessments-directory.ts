import type { EntityManager } from 'typeorm';

/**
 * What other modules may write of assessments: the seed's dated history (a rating recorded through
 * AssessmentsService is always dated now). Plain functions over the caller's EntityManager.
 */

export interface DatedAssessment {
  organisationId: string;
  id: string;
  personId: string;
  skillId: string;
  level: number;
  source: 'self' | 'manager';
  assessedById: string;
  assessedAt: Date;
  evidenceNote: string | null;
  evidenceUrl: string | null;
}

/** Inserts ratings as given (their dates included), in one statement. */
export async function insertDatedAssessments(manager: EntityManager, rows: readonly DatedAssessment[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at, evidence_note, evidence_url)
     SELECT a."organisationId", a.id, a."personId", a."skillId", a.level, a.source, a."assessedById", a."assessedAt", a."evidenceNote", a."evidenceUrl"
     FROM jsonb_to_recordset($1::jsonb) AS a("organisationId" uuid, id uuid, "personId" uuid, "skillId" uuid, level int, source text,
       "assessedById" uuid, "assessedAt" timestamptz, "evidenceNote" text, "evidenceUrl" text)`,
    [JSON.stringify(rows)],
  );
}

/** Whether anyone in the organisation has been assessed yet. */
export async function hasAssessments(manager: EntityManager, organisationId: string): Promise<boolean> {
  const rows = (await manager.query(`SELECT 1 FROM assessments WHERE organisation_id = $1 LIMIT 1`, [organisationId])) as unknown[];
  return rows.length > 0;
}
