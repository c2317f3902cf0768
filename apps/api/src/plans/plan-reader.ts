import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isClosedPlan, isStale, planAbilities, type PlanAbilities, planVsActual, profileAt, reviewState, DEFAULT_STALE_DAYS, type PlanApprover } from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { toDomainAssessment, AssessmentsService } from '../assessments/assessments.service.js';
import { AuditService } from '../audit/audit.service.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { skillsByIds } from '../frameworks/framework-directory.js';
import { findPeople, findPerson, personNames, reportsOf } from '../people/people-directory.js';
import type { VersionDocument } from './framework-document.js';
import { planApproverOf, recordRead, requireViewer, subjectFor, type Relationship, type Subject } from './plan-policy.js';
import {
  CURRENT_PLAN_ORDER,
  PLAN_COLUMNS,
  type CheckInRow,
  type PlanActionRow,
  type PlanDetailRow,
  type PlanRow,
  type ReadinessRow,
  type SignedInActor,
  type TeamPlanRow,
} from './plan-rows.js';
import { currentRoleKeyIn, readinessRow } from './plan-readiness.js';
import { PlanStore, toDomainRevision } from './plan-store.js';

export interface SharedPlanRow {
  personId: string;
  sharedAt: Date;
  plan: PlanDetailRow | null;
}

/**
 * The plan pages' read model: a plan with its actions, revisions, check-ins, readiness and plan vs
 * actual, for any number of plans in a fixed number of statements, and what the viewer may do with
 * it (`viewerCan`). Every read of someone else's plan is audited.
 */
@Injectable()
export class PlanReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly assessments: AssessmentsService,
    private readonly store: PlanStore,
  ) {}

  /** A person's current plan (null when they have none), for whoever the policy lets see it. */
  planOf(actor: SignedInActor, personId: string, now = new Date()): Promise<PlanDetailRow | null> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const subject = await subjectFor(manager, actor.organisationId, actor.personId, personId);
      requireViewer(subject, 'development plan');
      const plans = (await manager.query(
        `SELECT ${PLAN_COLUMNS} FROM plans pl WHERE pl.organisation_id = $1 AND pl.person_id = $2 ORDER BY ${CURRENT_PLAN_ORDER} LIMIT 1`,
        [actor.organisationId, personId],
      )) as PlanRow[];
      if (plans.length === 0) return null;
      await recordRead(this.audit, manager, actor, subject, { action: 'plan.read', what: 'development plan', subjectType: 'plan', subjectId: plans[0]!.id });
      const [detail] = await this.details(manager, actor, plans, new Map([[personId, subject]]), now);
      return detail!;
    });
  }

  /** Who agrees the caller's plan, said before they propose it. */
  myApprover(actor: SignedInActor): Promise<PlanApprover> {
    return tenantTransaction(this.dataSource, actor.organisationId, (manager) => planApproverOf(manager, actor.organisationId, actor.personId));
  }

  /** Readiness of a person for any role of a published version. */
  readinessFor(actor: SignedInActor, personId: string, roleId: string, now = new Date()): Promise<ReadinessRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const subject = await subjectFor(manager, actor.organisationId, actor.personId, personId);
      requireViewer(subject, 'readiness');
      const role = await this.store.publishedRole(manager, actor.organisationId, roleId, 'roleId');
      const version = await this.store.versions.read(manager, actor.organisationId, role.frameworkVersionId);
      const assessments = await this.assessments.assessmentsOf(manager, actor.organisationId, [personId]);
      const held = await this.store.heldQualifications(manager, actor.organisationId, [personId]);
      const person = await findPerson(manager, actor.organisationId, personId);
      await recordRead(this.audit, manager, actor, subject, { action: 'readiness.read', what: `readiness for ${role.title}`, subjectType: 'role', subjectId: roleId });
      return readinessRow(version, role.key, roleId, assessments, held.get(personId) ?? [], now, currentRoleKeyIn(version, person?.currentRoleId));
    });
  }

  /** The caller's reports with their current plans: status, readiness, review state. Each plan read is audited. */
  teamPlans(actor: SignedInActor, now = new Date()): Promise<TeamPlanRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const reports = await reportsOf(manager, actor.organisationId, actor.personId);
      if (reports.length === 0) return [];
      const plans = await this.currentPlans(manager, actor.organisationId, reports.map((r) => r.id));
      const details = await this.details(manager, actor, plans, new Map(reports.map((r) => [r.id, 'manager' as const])), now);
      const byPerson = new Map(details.map((d) => [d.personId, d]));
      for (const plan of details) {
        const report = reports.find((r) => r.id === plan.personId)!;
        await recordRead(this.audit, manager, actor, { id: report.id, name: report.name, relationship: 'manager' }, {
          action: 'plan.read',
          what: 'development plan (team view)',
          subjectType: 'plan',
          subjectId: plan.id,
        });
      }
      return reports.map((report) => {
        const plan = byPerson.get(report.id) ?? null;
        return { personId: report.id, plan, overdue: plan?.reviewState === 'overdue', waitingForAgreement: plan?.status === 'proposed' };
      });
    });
  }

  /** The people who share their plan with the caller, with their current plans (each read audited), latest share first. */
  sharedWithMe(actor: SignedInActor, now = new Date()): Promise<SharedPlanRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const shares = (await manager.query(
        `SELECT person_id AS "personId", created_at AS "sharedAt" FROM plan_sharing WHERE organisation_id = $1 AND viewer_id = $2 ORDER BY created_at DESC, person_id`,
        [actor.organisationId, actor.personId],
      )) as { personId: string; sharedAt: Date }[];
      if (shares.length === 0) return [];
      const plans = await this.currentPlans(manager, actor.organisationId, shares.map((s) => s.personId));
      const details = await this.details(manager, actor, plans, new Map(shares.map((s) => [s.personId, 'shared' as const])), now);
      const names = await personNames(manager, actor.organisationId, shares.map((s) => s.personId));
      for (const plan of details) {
        await recordRead(this.audit, manager, actor, { id: plan.personId, name: names.get(plan.personId) ?? 'someone', relationship: 'shared' }, {
          action: 'plan.read',
          what: 'development plan (shared with me)',
          subjectType: 'plan',
          subjectId: plan.id,
        });
      }
      const byPerson = new Map(details.map((d) => [d.personId, d]));
      return shares.map((share) => ({ ...share, plan: byPerson.get(share.personId) ?? null }));
    });
  }

  /** A plan after a write, as the writer sees it (in the write's transaction: no audit, they just acted on it). */
  async reload(manager: EntityManager, actor: SignedInActor, planId: string, relationship: Relationship | Pick<Subject, 'relationship' | 'can'>, now: Date): Promise<PlanDetailRow> {
    const plans = (await manager.query(`SELECT ${PLAN_COLUMNS} FROM plans pl WHERE pl.organisation_id = $1 AND pl.id = $2`, [actor.organisationId, planId])) as PlanRow[];
    const [detail] = await this.details(manager, actor, plans, new Map([[plans[0]!.personId, relationship]]), now);
    return detail!;
  }

  private currentPlans(manager: EntityManager, organisationId: string, personIds: readonly string[]): Promise<PlanRow[]> {
    return manager.query(
      `SELECT DISTINCT ON (pl.person_id) ${PLAN_COLUMNS} FROM plans pl
       WHERE pl.organisation_id = $1 AND pl.person_id = ANY($2) ORDER BY pl.person_id, ${CURRENT_PLAN_ORDER}`,
      [organisationId, personIds],
    ) as Promise<PlanRow[]>;
  }

  /** Sign-offs of these actions' evidence, in one statement (names through the people directory). */
  private async signOffsOf(manager: EntityManager, organisationId: string, actionIds: readonly string[]) {
    if (actionIds.length === 0) return new Map<string, NonNullable<PlanActionRow['signOff']>>();
    const rows = (await manager.query(
      `SELECT action_id AS "actionId", signed_off_by_id AS "byId", signed_off_at AS "at", note FROM plan_action_sign_offs WHERE organisation_id = $1 AND action_id = ANY($2)`,
      [organisationId, actionIds],
    )) as { actionId: string; byId: string; at: Date; note: string }[];
    const names = rows.length > 0 ? await personNames(manager, organisationId, [...new Set(rows.map((r) => r.byId))]) : new Map<string, string>();
    return new Map(rows.map((r) => [r.actionId, { byId: r.byId, byName: names.get(r.byId) ?? 'Someone', at: r.at, note: r.note }]));
  }

  /** Everything the plan pages show for a set of plans, in a fixed number of statements (versions come from the process's cache). */
  private async details(
    manager: EntityManager,
    viewer: SignedInActor,
    plans: readonly PlanRow[],
    relationships: ReadonlyMap<string, Relationship | Pick<Subject, 'relationship' | 'can'>>,
    now: Date,
  ): Promise<PlanDetailRow[]> {
    if (plans.length === 0) return [];
    const organisationId = viewer.organisationId;
    const planIds = plans.map((p) => p.id);
    const personIds = [...new Set(plans.map((p) => p.personId))];
    // One statement after the other: they share the transaction's connection.
    const actionRows = (await manager.query(
      `SELECT a.id, a.plan_id AS "planId", a.revision_number AS "revisionNumber", a.position, a.type, a.title, a.description,
         a.qualification_id AS "qualificationId", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn", a.status, a.evidence, a.done_at AS "doneAt", a.suggestion_id AS "suggestionId",
         coalesce(array_agg(l.skill_id) FILTER (WHERE l.skill_id IS NOT NULL), '{}') AS "skillIds"
       FROM plan_actions a
       LEFT JOIN plan_action_skills l ON l.organisation_id = a.organisation_id AND l.action_id = a.id
       WHERE a.organisation_id = $1 AND a.plan_id = ANY($2) GROUP BY a.organisation_id, a.id ORDER BY a.plan_id, a.position`,
      [organisationId, planIds],
    )) as (Omit<PlanActionRow, 'skillKeys'> & { skillIds: string[] })[];
    // Each action's skills by key, in the framework's order.
    const skillIds = actionRows.flatMap((a) => a.skillIds);
    const skills = skillIds.length > 0 ? await skillsByIds(manager, organisationId, skillIds) : new Map<string, { key: string; position: number }>();
    const actions: PlanActionRow[] = actionRows.map(({ skillIds: ids, ...action }) => ({
      ...action,
      skillKeys: ids.flatMap((id) => (skills.has(id) ? [skills.get(id)!] : [])).sort((x, y) => x.position - y.position).map((skill) => skill.key),
    }));
    const signOffs = await this.signOffsOf(manager, organisationId, actions.map((a) => a.id));
    const revisions = await this.store.revisionsOf(manager, organisationId, planIds);
    const checkIns = (await manager.query(
      // A private note leaves the database only for its author.
      `SELECT id, plan_id AS "planId", revision_number AS "revisionNumber", reflection, progress, focus, recorded_by_id AS "recordedById", recorded_at AS "recordedAt",
         CASE WHEN recorded_by_id = $3 THEN private_note END AS "privateNote"
       FROM check_ins WHERE organisation_id = $1 AND plan_id = ANY($2) ORDER BY recorded_at DESC, id`,
      [organisationId, planIds, viewer.personId],
    )) as CheckInRow[];
    const assessments = await this.assessments.assessmentsOf(manager, organisationId, personIds);
    const held = await this.store.heldQualifications(manager, organisationId, personIds);
    // Their current roles (readiness assumes unrated skills of the current role at its level).
    const people = new Map((await findPeople(manager, personIds.map((id) => ({ organisationId, id })))).map((p) => [p.id, p]));
    const versions = new Map<string, VersionDocument>();
    for (const versionId of new Set(plans.map((p) => p.frameworkVersionId))) {
      versions.set(versionId, await this.store.versions.read(manager, organisationId, versionId));
    }
    const roleKeys = await this.store.roleKeys(manager, organisationId, revisions.map((r) => r.targetRoleId));
    return plans.map((plan) => {
      const version = versions.get(plan.frameworkVersionId)!;
      const own = assessments.filter((a) => a.personId === plan.personId);
      const domainAssessments = own.map(toDomainAssessment);
      const planActions = actions.filter((a) => a.planId === plan.id);
      const planRevisions = revisions.filter((r) => r.planId === plan.id);
      const open = !isClosedPlan(plan.status);
      const viewer = relationships.get(plan.personId) ?? 'other';
      const relationship = typeof viewer === 'string' ? viewer : viewer.relationship;
      // A mentor's abilities depend on what the mentee shares: the subject carries them.
      const can: PlanAbilities = typeof viewer === 'string' ? planAbilities(viewer) : viewer.can;
      return {
        ...plan,
        relationship,
        viewerCan: can,
        // What the viewer may not see leaves the reader blank: check-ins and evidence are the mentee's to share.
        actions: planActions.map((a) => (can.seeEvidence ? { ...a, signOff: signOffs.get(a.id) ?? null } : { ...a, evidence: null, signOff: null })),
        revisions: planRevisions,
        checkIns: can.seeCheckIns ? checkIns.filter((c) => c.planId === plan.id) : [],
        reviewState: open && plan.reviewDueOn ? reviewState(now, { reviewDueOn: plan.reviewDueOn, timeZone: plan.timeZone }) : null,
        stale: open && isStale(now, new Date(plan.lastActivityAt), DEFAULT_STALE_DAYS, plan.timeZone),
        readiness: readinessRow(
          version,
          version.roleKeyById.get(plan.targetRoleId)!,
          plan.targetRoleId,
          own,
          held.get(plan.personId) ?? [],
          now,
          currentRoleKeyIn(version, people.get(plan.personId)?.currentRoleId),
        ),
        planVsActual: planVsActual(
          planRevisions.map((r) => toDomainRevision(r, roleKeys)),
          planActions,
          (at) => profileAt(domainAssessments, at),
          now,
        ),
      };
    });
  }
}
