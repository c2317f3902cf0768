import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AssessmentEntity } from './assessment.entity.js';

/**
 * What other modules may write of assessments (the table belongs to this module): plain functions
 * over the caller's EntityManager, in the caller's transaction. Used by the demo seeds.
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
