import { Injectable, type OnModuleInit } from '@nestjs/common';
import { gapsAlongRoute, profileLevels, revisePlan, type PlanRevision } from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { assessmentsFollower } from '../assessments/assessments-version.follower.js';
import { AssessmentsService, toDomainAssessment } from '../assessments/assessments.service.js';
import { frameworkSql, rolesByIds, versionHeader, versionParts } from '../frameworks/framework-directory.js';
import { FrameworkDocumentsService } from '../frameworks/framework-documents.service.js';
import { ImpactProfiles, type ImpactProfileSource, type PersonImpactProfile } from '../frameworks/version-migration/impact-profiles.js';
import { VersionFollowers, type FollowResult, type VersionFollower, type VersionMove } from '../frameworks/version-migration/version-followers.js';
import { activePeople, findPeople } from '../people/people-directory.js';
import { readVersionDocument } from './framework-document.js';

/** The move's successors as two parallel arrays (old id, new id or null) for `unnest`. */
function pairs(mapping: ReadonlyMap<string, string | null>): [string[], (string | null)[]] {
  return [[...mapping.keys()], [...mapping.values()]];
}

const OPEN = `status NOT IN ('completed', 'abandoned')`;

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
      `WITH mapping AS (${frameworkSql.qualificationSuccessors('$1', '$2', '$3')}),
            changed AS (
              UPDATE plan_actions a SET qualification_id = m.new_id FROM mapping m
              WHERE a.organisation_id = $1 AND a.qualification_id = m.old_id
              RETURNING m.new_id
            )
       SELECT count(new_id)::int AS moved, (count(*) - count(new_id))::int AS cleared FROM changed`,
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
    // assessments/ owns this follower; it is registered here because its place in the order matters to plans.
    this.followers.register(assessmentsFollower, 10);
    this.followers.register(planActionsFollower, 20);
    this.followers.register(this, 30);
    this.impactProfiles.register(this);
  }

  async follow(manager: EntityManager, move: VersionMove): Promise<FollowResult> {
    const [oldIds, newIds] = pairs(move.roles);
    const { number, publishedByPersonId: publishedBy } = (await versionHeader(manager, move.organisationId, move.toVersionId))!;
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
    const stranded = await this.notifyStranded(manager, move);
    return { moved: movedPlans.length, cleared: stranded };
  }

  /** Open plans left on the old version (their target role was removed): the person and their manager are asked to choose a new direction. */
  private async notifyStranded(manager: EntityManager, move: VersionMove): Promise<number> {
    const organisationId = move.organisationId;
    const stranded = (await manager.query(
      `SELECT id, person_id AS "personId", target_role_id AS "targetRoleId" FROM plans WHERE organisation_id = $1 AND framework_version_id = $2 AND ${OPEN}`,
      [organisationId, move.fromVersionId],
    )) as { id: string; personId: string; targetRoleId: string }[];
    if (stranded.length === 0) return 0;
    const roles = await rolesByIds(manager, organisationId, stranded.map((plan) => plan.targetRoleId));
    const people = new Map((await findPeople(manager, stranded.map((plan) => ({ organisationId, id: plan.personId })))).map((person) => [person.id, person]));
    const recipients = stranded.flatMap((plan) => {
      const title = roles.get(plan.targetRoleId)!.title;
      const person = people.get(plan.personId);
      return [
        { plan_id: plan.id, recipient: plan.personId, message: `The role your plan aims at, ${title}, is not in the new version of the framework: choose a new direction.` },
        ...(person?.managerId
          ? [{ plan_id: plan.id, recipient: person.managerId, message: `${person.name}'s plan aims at ${title}, which is not in the new version of the framework: they need to choose a new direction.` }]
          : []),
      ];
    });
    await manager.query(
      `INSERT INTO notifications (organisation_id, id, person_id, kind, plan_id, message, dedupe_key)
       SELECT $1, gen_random_uuid(), r.recipient, 'plan-revisit', r.plan_id, r.message, 'plan-revisit:' || r.plan_id || ':' || $2::text
       FROM jsonb_to_recordset($3::jsonb) AS r(plan_id uuid, recipient uuid, message text)
       ON CONFLICT (organisation_id, person_id, dedupe_key) DO NOTHING`,
      [organisationId, move.toVersionId, JSON.stringify(recipients)],
    );
    return stranded.length;
  }

  /** One new revision per moved open plan, in a fixed number of statements. */
  private async rebaseline(manager: EntityManager, move: VersionMove, plans: readonly MovedPlan[], versionNumber: number, publishedBy: string | null) {
    if (plans.length === 0) return;
    const organisationId = move.organisationId;
    const version = await readVersionDocument(this.documents, manager, organisationId, move.toVersionId);
    const personIds = [...new Set(plans.map((plan) => plan.personId))];
    const people = await findPeople(manager, personIds.map((id) => ({ organisationId, id })));
    // Whether or not people's roles have followed yet, the move says where each one lands.
    const currentRole = new Map(people.map((p) => [p.id, p.currentRoleId ? (move.roles.has(p.currentRoleId) ? move.roles.get(p.currentRoleId)! : p.currentRoleId) : null]));
    const assessments = await this.assessments.assessmentsOf(manager, organisationId, personIds);
    const latestRows = (await manager.query(
      `SELECT r.plan_id AS "planId", r.number, r.reason, r.note, r.target_role_id AS "targetRoleId", r.framework_version_id AS "frameworkVersionId",
         r.created_at AS "createdAt", r.baseline
       FROM plan_revisions r JOIN plans p ON p.organisation_id = r.organisation_id AND p.id = r.plan_id AND p.revision = r.number
       WHERE r.organisation_id = $1 AND r.plan_id = ANY($2)`,
      [organisationId, plans.map((plan) => plan.id)],
    )) as (Omit<PlanRevision, 'targetRoleKey'> & { planId: string; targetRoleId: string })[];
    const revisionRoles = await rolesByIds(manager, organisationId, latestRows.map((row) => row.targetRoleId));
    const latest: (PlanRevision & { planId: string })[] = latestRows.map(({ targetRoleId, ...row }) => ({ ...row, targetRoleKey: revisionRoles.get(targetRoleId)!.key }));
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
    const targets = (await manager.query(
      `SELECT person_id AS "personId", target_role_id AS "targetRoleId" FROM plans WHERE organisation_id = $1 AND ${OPEN} AND framework_version_id = $2`,
      [organisationId, versionId],
    )) as { personId: string; targetRoleId: string }[];
    const targetOf = new Map(targets.map((row) => [row.personId, row.targetRoleId]));
    const people = (await activePeople(manager, organisationId)).map((person) => ({ id: person.id, targetRoleId: targetOf.get(person.id) ?? null }));
    const skills = (await versionParts(manager, organisationId, versionId)).filter((part) => part.kind === 'skill');
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
