import type { EntityManager } from 'typeorm';
import { AssessmentEntity } from './assessment.entity.js';

/** What other modules may write of assessments: the seed's demo ratings (in the caller's transaction). */
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
