import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AssessmentEntity } from './assessment.entity.js';

/**
 * What other modules may write of assessments (the table belongs to this module): plain functions
 * over the caller's EntityManager, in the caller's transaction. Used by the demo seeds (a rating
 * recorded through AssessmentsService is always dated now; the seeds write dated history).
 */
export interface NewAssessment {
  organisationId: string;
  id: string;
  personId: string;
  skillId: string;
  level: number;
  source: 'self' | 'manager';
  assessedById: string;
  assessedAt: Date;
}

/** A dated rating with its evidence. */
export interface DatedAssessment extends NewAssessment {
  evidenceNote: string | null;
  evidenceUrl: string | null;
}

/** Inserts ratings in batches of 1,000 (one statement each). */
export async function insertAssessments(manager: EntityManager, rows: readonly NewAssessment[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await manager.insert(AssessmentEntity, rows.slice(i, i + 1000).map((row) => ({ ...row, evidenceNote: null, evidenceUrl: null })));
  }
}

/** Appends one dated rating (self by the person, manager by their line manager), as `record` stores it. */
export async function insertAssessment(
  manager: EntityManager,
  row: { organisationId: string; personId: string; skillId: string; level: number; source: 'self' | 'manager'; assessedById: string; assessedAt: Date; evidenceNote?: string | null },
): Promise<void> {
  await manager.query(
    `INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at, evidence_note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [row.organisationId, randomUUID(), row.personId, row.skillId, row.level, row.source, row.assessedById, row.assessedAt, row.evidenceNote ?? null],
  );
}

/** Inserts ratings as given (their dates and evidence included), in one statement. */
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

/** SQL for reads of assessments that must stay inside another module's statement (reports' mentoring rollup). */
export const assessmentsSql = {
  /**
   * Rows (person_id, skill_id, source, level): the latest self and the latest manager rating as of `asOf`
   * of each (person, skill) pair that `pairs` (a subquery of person_id, skill_id) lists.
   */
  latestSelfAndManager: (organisationId: string, asOf: string, pairs: string) =>
    `SELECT DISTINCT ON (a.person_id, a.skill_id, a.source) a.person_id, a.skill_id, a.source, a.level
     FROM assessments a
     WHERE a.organisation_id = ${organisationId} AND a.assessed_at <= ${asOf} AND a.source IN ('self', 'manager')
       AND (a.person_id, a.skill_id) IN (${pairs})
     ORDER BY a.person_id, a.skill_id, a.source, a.assessed_at DESC, a.level DESC`,
};
