import { Injectable, type OnModuleInit } from '@nestjs/common';
import { gapsAlongRoute, profileLevels, revisePlan, type PlanRevision } from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { AssessmentsService, toDomainAssessment } from '../assessments/assessments.service.js';
import { FrameworkDocumentsService } from '../frameworks/framework-documents.service.js';
import { ImpactProfiles, type ImpactProfileSource, type PersonImpactProfile } from '../frameworks/version-migration/impact-profiles.js';
import { remapColumn, VersionFollowers, type FollowResult, type VersionFollower, type VersionMove } from '../frameworks/version-migration/version-followers.js';
import { readVersionDocument } from './framework-document.js';

/** The move's successors as two parallel arrays (old id, new id or null) for `unnest`. */
function pairs(mapping: ReadonlyMap<string, string | null>): [string[], (string | null)[]] {
  return [[...mapping.keys()], [...mapping.values()]];
}

function kept(mapping: ReadonlyMap<string, string | null>): Map<string, string> {
  return new Map([...mapping].filter((entry): entry is [string, string] => entry[1] !== null));
}

const OPEN = `status NOT IN ('completed', 'abandoned')`;

/**
 * Assessments follow skills. The history stays append-only in meaning: every rating keeps its level,
 * source, author and date, and is re-pointed at the successor skill, so the skill's history reads on.
 * - Merge (A and B into B): when a person has a current rating of the same source on two of the merged
 *   skills, one more rating is written on B with the higher of the two levels, dated at the later of the
 *   two (so it neither jumps ahead of nor falls behind the other source) and noted as combined. The
 *   profile therefore takes the higher level of each source; the history keeps both originals.
 * - Removal: ratings keep pointing at the archived skill, readable in the history, and no longer count
 *   (`AssessmentsService.assessmentsOf` counts only skills of a published version). Reported as cleared.
 */
const assessmentsFollower: VersionFollower = {
  name: 'assessments.skill',
  describe: 'skill assessments',
  async follow(manager: EntityManager, move: VersionMove): Promise<FollowResult> {
    if (move.skills.size === 0) return { moved: 0, cleared: 0 };
    const [oldIds, newIds] = pairs(move.skills);
    const [{ combined }] = (await manager.query(
      `WITH mapping AS (SELECT * FROM unnest($2::uuid[], $3::uuid[]) AS m(old_id, new_id) WHERE new_id IS NOT NULL),
            latest AS (
              SELECT DISTINCT ON (a.person_id, a.source, a.skill_id) a.person_id, a.source, m.new_id, a.level, a.assessed_by_id, a.assessed_at
              FROM assessments a JOIN mapping m ON m.old_id = a.skill_id
              WHERE a.organisation_id = $1
              ORDER BY a.person_id, a.source, a.skill_id, a.assessed_at DESC, a.level DESC
            ),
            merged AS (
              SELECT DISTINCT ON (person_id, source, new_id) person_id, source, new_id, level, assessed_by_id,
                max(assessed_at) OVER w AS assessed_at, count(*) OVER w AS sources
              FROM latest WINDOW w AS (PARTITION BY person_id, source, new_id)
              ORDER BY person_id, source, new_id, level DESC, assessed_at DESC
            ),
            inserted AS (
              INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at, evidence_note)
              SELECT $1, gen_random_uuid(), person_id, new_id, level, source, assessed_by_id, assessed_at, $4
              FROM merged WHERE sources > 1
              RETURNING 1
            )
       SELECT count(*)::int AS combined FROM inserted`,
      [move.organisationId, oldIds, newIds, 'Combined when skills were merged in a new framework version: the higher current rating counts.'],
    )) as [{ combined: number }];
    const { moved } = await remapColumn(manager, { table: 'assessments', column: 'skill_id' }, move.organisationId, kept(move.skills));
    const removed = [...move.skills].filter(([, successor]) => successor === null).map(([id]) => id);
    const [{ cleared }] = (await manager.query(`SELECT count(*)::int AS cleared FROM assessments WHERE organisation_id = $1 AND skill_id = ANY($2)`, [
      move.organisationId,
      removed,
    ])) as [{ cleared: number }];
    return { moved: moved + combined, cleared };
  },
};

/**
 * Plan actions follow skills and qualifications: a link to a merged skill moves to the skill it was
 * merged into (two links landing on one skill become one); a link to a removed skill is dropped and
 * the action stays. A qualification is matched by key in the new version, cleared when it is gone.
 */
const planActionsFollower: VersionFollower = {
  name: 'planActions.skills',
  describe: 'plan actions (skills and qualifications)',
  async follow(manager: EntityManager, move: VersionMove): Promise<FollowResult> {
    const [oldIds, newIds] = pairs(move.skills);
    const [links] = move.skills.size === 0 ? [{ moved: 0, cleared: 0 }] : ((await manager.query(
      `WITH mapping AS (SELECT * FROM unnest($2::uuid[], $3::uuid[]) AS m(old_id, new_id)),
            gone AS (
              DELETE FROM plan_action_skills l USING mapping m
              WHERE l.organisation_id = $1 AND l.skill_id = m.old_id
              RETURNING l.action_id, m.new_id
            ),
            inserted AS (
              INSERT INTO plan_action_skills (organisation_id, action_id, skill_id)
              SELECT DISTINCT $1::uuid, action_id, new_id FROM gone WHERE new_id IS NOT NULL
              ON CONFLICT DO NOTHING RETURNING 1
            )
       SELECT (SELECT count(*) FROM inserted)::int AS moved, (SELECT count(*) FROM gone WHERE new_id IS NULL)::int AS cleared`,
      [move.organisationId, oldIds, newIds],
    )) as [FollowResult]);
    const [qualifications] = (await manager.query(
      `WITH changed AS (
         UPDATE plan_actions a SET qualification_id = successor.id
         FROM qualifications q LEFT JOIN qualifications successor
           ON successor.organisation_id = q.organisation_id AND successor.framework_version_id = $3 AND successor.key = q.key
         WHERE a.organisation_id = $1 AND q.organisation_id = a.organisation_id AND q.id = a.qualification_id AND q.framework_version_id = $2
         RETURNING successor.id
       )
       SELECT count(id)::int AS moved, (count(*) - count(id))::int AS cleared FROM changed`,
      [move.organisationId, move.fromVersionId, move.toVersionId],
    )) as [FollowResult];
    return { moved: links.moved + qualifications.moved, cleared: links.cleared + qualifications.cleared };
  },
};

interface MovedPlan {
  id: string;
  personId: string;
  targetRoleId: string;
  revision: number;
  status: string;
}

/**
 * Plans follow roles and the version: a plan whose target role is kept, renamed or merged moves to its
 * successor on the new version (its version goes up, so an edit started before is refused as stale),
 * and an open one gets a new revision, reason "re-baseline", whose baseline is the person's profile
 * against the new version's expectations. Earlier revisions keep their version: they are the history.
 * A plan whose target role was removed stays on the archived version (still readable) and, when open,
 * the person and their manager are notified to choose a new direction (changing direction moves the
 * plan to a role of the published version).
 */
@Injectable()
export class PlanVersionFollowers implements VersionFollower, ImpactProfileSource, OnModuleInit {
  readonly name = 'plans.targetRole';
  readonly describe = "development plans' target roles";

  constructor(
    private readonly followers: VersionFollowers,
    private readonly impactProfiles: ImpactProfiles,
    private readonly assessments: AssessmentsService,
    private readonly documents: FrameworkDocumentsService,
  ) {}

  /** Order matters: plans re-baseline on the assessments already moved. */
  onModuleInit(): void {
    this.followers.register(assessmentsFollower);
    this.followers.register(planActionsFollower);
    this.followers.register(this);
    this.impactProfiles.register(this);
  }

  async follow(manager: EntityManager, move: VersionMove): Promise<FollowResult> {
    const [oldIds, newIds] = pairs(move.roles);
    const [{ number, publishedBy }] = (await manager.query(
      `SELECT number, published_by_person_id AS "publishedBy" FROM framework_versions WHERE organisation_id = $1 AND id = $2`,
      [move.organisationId, move.toVersionId],
    )) as [{ number: number; publishedBy: string | null }];
    const moved = (await manager.query(
      `WITH mapping AS (SELECT * FROM unnest($2::uuid[], $3::uuid[]) AS m(old_id, new_id) WHERE new_id IS NOT NULL)
       UPDATE plans p SET target_role_id = m.new_id, framework_version_id = $5, version = p.version + 1,
         last_changed_by_id = $6, last_change = $7
       FROM mapping m
       WHERE p.organisation_id = $1 AND p.framework_version_id = $4 AND p.target_role_id = m.old_id
       RETURNING p.id, p.person_id AS "personId", p.target_role_id AS "targetRoleId", p.revision, p.status`,
      [move.organisationId, oldIds, newIds, move.fromVersionId, move.toVersionId, publishedBy, `followed framework version ${number}`],
    )) as [MovedPlan[], number];
    const movedPlans = moved[0];
    await this.rebaseline(manager, move, movedPlans.filter((plan) => plan.status !== 'completed' && plan.status !== 'abandoned'), number, publishedBy);
    const stranded = (await manager.query(
      `WITH stranded AS (
         SELECT p.id, p.person_id, r.title FROM plans p JOIN roles r ON r.organisation_id = p.organisation_id AND r.id = p.target_role_id
         WHERE p.organisation_id = $1 AND p.framework_version_id = $2 AND p.${OPEN}
       ),
       recipients AS (
         SELECT s.id AS plan_id, s.person_id AS recipient, 'The role your plan aims at, ' || s.title || ', is not in the new version of the framework: choose a new direction.' AS message
         FROM stranded s
         UNION ALL
         SELECT s.id, pe.manager_id, pe.name || '''s plan aims at ' || s.title || ', which is not in the new version of the framework: they need to choose a new direction.'
         FROM stranded s JOIN people pe ON pe.organisation_id = $1 AND pe.id = s.person_id WHERE pe.manager_id IS NOT NULL
       ),
       notified AS (
         INSERT INTO notifications (organisation_id, id, person_id, kind, plan_id, message, dedupe_key)
         SELECT $1, gen_random_uuid(), recipient, 'plan-revisit', plan_id, message, 'plan-revisit:' || plan_id || ':' || $3::text FROM recipients
         ON CONFLICT (organisation_id, person_id, dedupe_key) DO NOTHING
       )
       SELECT count(*)::int AS stranded FROM stranded`,
      [move.organisationId, move.fromVersionId, move.toVersionId],
    )) as [{ stranded: number }];
    return { moved: movedPlans.length, cleared: stranded[0].stranded };
  }

  /** One new revision per moved open plan, in a fixed number of statements. */
  private async rebaseline(manager: EntityManager, move: VersionMove, plans: readonly MovedPlan[], versionNumber: number, publishedBy: string | null) {
    if (plans.length === 0) return;
    const organisationId = move.organisationId;
    const version = await readVersionDocument(this.documents, manager, organisationId, move.toVersionId);
    const personIds = [...new Set(plans.map((plan) => plan.personId))];
    const people = (await manager.query(`SELECT id, current_role_id AS "currentRoleId" FROM people WHERE organisation_id = $1 AND id = ANY($2)`, [
      organisationId,
      personIds,
    ])) as { id: string; currentRoleId: string | null }[];
    // Whether or not people's roles have followed yet, the move says where each one lands.
    const currentRole = new Map(people.map((p) => [p.id, p.currentRoleId ? (move.roles.has(p.currentRoleId) ? move.roles.get(p.currentRoleId)! : p.currentRoleId) : null]));
    const assessments = await this.assessments.assessmentsOf(manager, organisationId, personIds);
    const latest = (await manager.query(
      `SELECT r.plan_id AS "planId", r.number, r.reason, r.note, ro.key AS "targetRoleKey", r.framework_version_id AS "frameworkVersionId",
         r.created_at AS "createdAt", r.baseline
       FROM plan_revisions r JOIN plans p ON p.organisation_id = r.organisation_id AND p.id = r.plan_id AND p.revision = r.number
       JOIN roles ro ON ro.organisation_id = r.organisation_id AND ro.id = r.target_role_id
       WHERE r.organisation_id = $1 AND r.plan_id = ANY($2)`,
      [organisationId, plans.map((plan) => plan.id)],
    )) as (PlanRevision & { planId: string })[];
    const now = new Date();
    const revisions = plans.flatMap((plan) => {
      const previous = latest.find((r) => r.planId === plan.id);
      const targetRoleKey = version.roleKeyById.get(plan.targetRoleId)!;
      const profile = profileLevels(assessments.filter((a) => a.personId === plan.personId).map(toDomainAssessment));
      const roleId = currentRole.get(plan.personId);
      const { targets } = gapsAlongRoute(version.doc, profile, roleId ? (version.roleKeyById.get(roleId) ?? null) : null, targetRoleKey);
      const result = revisePlan(previous ? [{ ...previous, createdAt: new Date(previous.createdAt) }] : [], {
        reason: 're-baseline',
        note: `Framework version ${versionNumber} was published.`,
        targetRoleKey,
        frameworkVersionId: move.toVersionId,
        at: now,
        gaps: targets,
      });
      if (!result.ok) return [];
      const revision = result.revision;
      return [{ plan_id: plan.id, number: revision.number, note: revision.note, target_role_id: plan.targetRoleId, baseline: revision.baseline, created_by_id: publishedBy ?? plan.personId }];
    });
    await manager.query(
      `WITH inserted AS (
         INSERT INTO plan_revisions (organisation_id, plan_id, number, reason, note, target_role_id, framework_version_id, baseline, created_by_id, created_at)
         SELECT $1, r.plan_id, r.number, 're-baseline', r.note, r.target_role_id, $2, r.baseline, r.created_by_id, $4
         FROM jsonb_to_recordset($3::jsonb) AS r(plan_id uuid, number int, note text, target_role_id uuid, baseline jsonb, created_by_id uuid)
         RETURNING plan_id, number
       )
       UPDATE plans p SET revision = inserted.number FROM inserted WHERE p.organisation_id = $1 AND p.id = inserted.plan_id`,
      [organisationId, move.toVersionId, JSON.stringify(revisions), now],
    );
  }

  /**
   * For the publish preview: each active person's profile on `versionId`'s skills (the level that
   * counts per skill: the later of their latest self and latest manager rating, the manager's on a
   * tie, as everywhere else) and the target role of their open plan (draft to active: the direction
   * they have chosen), when it is a role of that version.
   */
  async profiles(manager: EntityManager, organisationId: string, versionId: string): Promise<PersonImpactProfile[]> {
    const people = (await manager.query(
      `SELECT p.id, (SELECT pl.target_role_id FROM plans pl
           WHERE pl.organisation_id = p.organisation_id AND pl.person_id = p.id AND pl.${OPEN} AND pl.framework_version_id = $2) AS "targetRoleId"
       FROM people p WHERE p.organisation_id = $1 AND p.active`,
      [organisationId, versionId],
    )) as { id: string; targetRoleId: string | null }[];
    const skills = (await manager.query(`SELECT id, key FROM skills WHERE organisation_id = $1 AND framework_version_id = $2`, [organisationId, versionId])) as {
      id: string;
      key: string;
    }[];
    const skillIdByKey = new Map(skills.map((s) => [s.key, s.id]));
    const ofVersion = new Set(skillIdByKey.values());
    const assessments = (await this.assessments.assessmentsOf(manager, organisationId, people.map((p) => p.id))).filter((a) => ofVersion.has(a.skillId));
    return people.flatMap((person) => {
      const own = assessments.filter((a) => a.personId === person.id).map(toDomainAssessment);
      if (own.length === 0 && !person.targetRoleId) return [];
      const levels = own.length === 0 ? null : Object.fromEntries(Object.entries(profileLevels(own)).map(([key, level]) => [skillIdByKey.get(key)!, level]));
      return [{ personId: person.id, targetRoleId: person.targetRoleId, levels }];
    });
  }
}
