import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assessmentLevelProblem, managerRatingCommentProblem, profileLevels, selfVsManager, type Assessment, type AssessmentSource } from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { badInput, forbidden } from '../common/errors.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { skillsByIds, skillWithScale } from '../frameworks/framework-directory.js';
import { markPlanActivity } from '../plans/plan-activity.js';
import { recordRead, requireViewer, subjectFor } from '../plans/plan-policy.js';

/** An assessment as read: with its skill's key and name, since profiles compare skills by key. */
export interface AssessmentRow {
  id: string;
  personId: string;
  skillId: string;
  skillKey: string;
  skillName: string;
  level: number;
  source: AssessmentSource;
  assessedById: string;
  assessedAt: Date;
  evidenceNote: string | null;
  evidenceUrl: string | null;
  /**
   * False when the skill is no longer in a published version (removed by a later publication): the
   * rating stays readable in the history but no longer counts in the profile, gaps or readiness.
   */
  counts: boolean;
}

export interface ProfileEntryRow {
  skillKey: string;
  skillName: string;
  selfLevel: number | null;
  managerLevel: number | null;
  difference: number | null;
  level: number;
  /** The evidence the person gave with their latest self rating. */
  selfEvidenceNote: string | null;
  selfEvidenceUrl: string | null;
  /** The manager's comment (and link) with their latest rating. */
  managerComment: string | null;
  managerEvidenceUrl: string | null;
}

export interface PersonAssessmentsRow {
  personId: string;
  assessments: AssessmentRow[];
  current: ProfileEntryRow[];
}

export interface RecordAssessmentInputValue {
  skillId: string;
  level: number;
  evidenceNote?: string | null;
  evidenceUrl?: string | null;
}

const ASSESSMENT_COLUMNS = `a.id, a.person_id AS "personId", a.skill_id AS "skillId",
  a.level, a.source, a.assessed_by_id AS "assessedById", a.assessed_at AS "assessedAt",
  a.evidence_note AS "evidenceNote", a.evidence_url AS "evidenceUrl"`;

type StoredAssessment = Omit<AssessmentRow, 'skillKey' | 'skillName' | 'counts'>;

/** Adds each rating's skill key and name, and whether it counts (from frameworks/, one statement). */
async function withSkills(manager: EntityManager, organisationId: string, rows: StoredAssessment[]): Promise<AssessmentRow[]> {
  const skills = await skillsByIds(manager, organisationId, rows.map((row) => row.skillId));
  return rows.map((row) => {
    const skill = skills.get(row.skillId)!;
    return { ...row, skillKey: skill.key, skillName: skill.name, counts: skill.published };
  });
}

/** The domain's view of stored assessments (skills by key). */
export const toDomainAssessment = (row: AssessmentRow): Assessment => ({
  skillKey: row.skillKey,
  level: row.level,
  source: row.source,
  assessedAt: new Date(row.assessedAt),
  evidence: row.evidenceNote,
});

@Injectable()
export class AssessmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The assessments of several people, oldest first (one statement): by default only those that count
   * (their skill is in a published version); `history` adds ratings of skills since removed.
   */
  async assessmentsOf(manager: EntityManager, organisationId: string, personIds: readonly string[], history = false): Promise<AssessmentRow[]> {
    const stored = (await manager.query(
      `SELECT ${ASSESSMENT_COLUMNS} FROM assessments a WHERE a.organisation_id = $1 AND a.person_id = ANY($2) ORDER BY a.assessed_at, a.id`,
      [organisationId, personIds],
    )) as StoredAssessment[];
    const rows = await withSkills(manager, organisationId, stored);
    return history ? rows : rows.filter((row) => row.counts);
  }

  /** A person's assessments and current profile, for themselves, their manager or someone they share with. */
  async list(actor: Actor & { personId: string }, personId: string): Promise<PersonAssessmentsRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const subject = await subjectFor(manager, actor.organisationId, actor.personId, personId);
      requireViewer(subject, 'assessments');
      const assessments = await this.assessmentsOf(manager, actor.organisationId, [personId], true);
      await recordRead(this.audit, manager, actor, subject, { action: 'assessments.read', what: 'skill assessments', subjectType: 'person', subjectId: personId });
      return { personId, assessments, current: profileRows(assessments.filter((row) => row.counts)) };
    });
  }

  /** Records a rating: `self` by the person, `manager` by their line manager only. Never overwrites. */
  async record(actor: Actor & { personId: string }, personId: string, source: AssessmentSource, input: RecordAssessmentInputValue): Promise<AssessmentRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const subject = await subjectFor(manager, actor.organisationId, actor.personId, personId);
      if (source === 'self' && subject.relationship !== 'owner') throw forbidden('rate someone else’s skills as a self-assessment');
      if (source === 'manager' && subject.relationship !== 'manager') throw forbidden(`add a manager assessment for ${subject.name}: only their manager can`);

      const skill = await skillWithScale(manager, actor.organisationId, input.skillId);
      const fields: Record<string, string> = {};
      if (!skill || skill.status !== 'published') fields.skillId = 'Choose a skill of a published framework version.';
      else {
        const problem = assessmentLevelProblem(input.level, skill.scale);
        if (problem) fields.level = `Choose a level on the scale: ${problem}.`;
      }
      const evidenceNote = input.evidenceNote?.trim() || null;
      const evidenceUrl = input.evidenceUrl?.trim() || null;
      if (evidenceNote && evidenceNote.length > 2000) fields.evidenceNote = 'Keep the evidence note under 2000 characters.';
      if (evidenceUrl && !isHttpUrl(evidenceUrl)) fields.evidenceUrl = 'The evidence link must be an http(s) address.';
      if (source === 'manager' && !fields.skillId && !fields.level) {
        // The person's own latest rating of the skill: a manager's that differs from it says why (the form asks the same).
        const [own] = (await manager.query(
          `SELECT level FROM assessments WHERE organisation_id = $1 AND person_id = $2 AND skill_id = $3 AND source = 'self' ORDER BY assessed_at DESC, id DESC LIMIT 1`,
          [actor.organisationId, personId, input.skillId],
        )) as { level: number }[];
        const problem = managerRatingCommentProblem({ level: input.level, evidenceNote }, own?.level ?? null);
        if (problem) fields.evidenceNote = problem;
      }
      if (Object.keys(fields).length > 0) throw badInput(fields);

      const id = randomUUID();
      await manager.query(
        `INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at, evidence_note, evidence_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9)`,
        [actor.organisationId, id, personId, input.skillId, input.level, source, actor.personId, evidenceNote, evidenceUrl],
      );
      // Re-assessing counts as activity on the person's open plan (staleness is measured from it).
      await markPlanActivity(manager, actor.organisationId, personId);
      const stored = (await manager.query(`SELECT ${ASSESSMENT_COLUMNS} FROM assessments a WHERE a.organisation_id = $1 AND a.id = $2`, [
        actor.organisationId,
        id,
      ])) as StoredAssessment[];
      const [row] = await withSkills(manager, actor.organisationId, stored);
      return row!;
    });
  }
}

/** The current profile, side by side (self, manager, the level that counts), in skill-key order. */
export function profileRows(assessments: readonly AssessmentRow[]): ProfileEntryRow[] {
  const names = new Map(assessments.map((a) => [a.skillKey, a.skillName]));
  const domain = assessments.map(toDomainAssessment);
  const levels = profileLevels(domain);
  // Oldest first, so the last of each source is its latest rating.
  const latest = new Map<string, AssessmentRow>();
  for (const row of assessments) latest.set(`${row.source}:${row.skillKey}`, row);
  return selfVsManager(domain).map((entry) => {
    const self = latest.get(`self:${entry.skillKey}`);
    const manager = latest.get(`manager:${entry.skillKey}`);
    return {
      ...entry,
      skillName: names.get(entry.skillKey) ?? entry.skillKey,
      level: levels[entry.skillKey] ?? 0,
      selfEvidenceNote: self?.evidenceNote ?? null,
      selfEvidenceUrl: self?.evidenceUrl ?? null,
      managerComment: manager?.evidenceNote ?? null,
      managerEvidenceUrl: manager?.evidenceUrl ?? null,
    };
  });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
