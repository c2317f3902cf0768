import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_STALE_DAYS,
  planHealthRowsFromPeople,
  trainingDemandRowsFromPeople,
  type Assessment,
  type HeldQualification,
  type PlanActionStatus,
  type PlanActionType,
  type PlanHealthRow,
  type PlanStatus,
  type SuccessionCandidate,
  type TrainingDemandRow,
} from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { AssessmentsService, toDomainAssessment } from '../assessments/assessments.service.js';
import { qualificationKeys } from '../frameworks/framework-directory.js';
import { FrameworkDocumentsService } from '../frameworks/framework-documents.service.js';
import { peopleSql } from '../people/people-directory.js';
import { DomainWorkerPool } from '../workers/domain-worker-pool.js';
import { readVersionDocument, type VersionDocument } from './framework-document.js';

const OPEN = `pl.status NOT IN ('completed', 'abandoned')`;
/** Up to this many candidates readiness is worked out on the calling thread (a manager's own reports); more, on the background worker. */
const INLINE_CANDIDATES = 200;

/**
 * What reports need of plans, read set-based (a fixed number of statements per organisation, never
 * one per person) and shaped into the domain's rollup rows: plan health, training demand, and the
 * succession candidates (everyone with an open plan, their readiness for its target and its outlook).
 */
@Injectable()
export class PlanRollups {
  constructor(
    @Inject(AssessmentsService) private readonly assessments: AssessmentsService,
    @Inject(FrameworkDocumentsService) private readonly documents: FrameworkDocumentsService,
    @Inject(DomainWorkerPool) private readonly pool: DomainWorkerPool,
  ) {}

  async planHealthRows(manager: EntityManager, organisationId: string, now: Date): Promise<PlanHealthRow[]> {
    const people = (await manager.query(
      `SELECT p.team_id AS "teamId", p.current_role_id AS "roleId", latest.status, latest."reviewDueOn", latest."lastActivityAt", latest."timeZone"
       FROM (${peopleSql.placement('$1')}) p
       LEFT JOIN LATERAL (
         SELECT pl.status, to_char(pl.review_due_on, 'YYYY-MM-DD') AS "reviewDueOn", pl.last_activity_at AS "lastActivityAt", pl.time_zone AS "timeZone"
         FROM plans pl WHERE pl.organisation_id = $1 AND pl.person_id = p.id AND pl.created_at <= $2
         ORDER BY (${OPEN}) DESC, pl.created_at DESC LIMIT 1) latest ON true`,
      [organisationId, now],
    )) as { teamId: string | null; roleId: string | null; status: PlanStatus | null; reviewDueOn: string | null; lastActivityAt: Date | null; timeZone: string | null }[];
    return planHealthRowsFromPeople(
      people.map((p) => ({
        teamId: p.teamId,
        roleId: p.roleId,
        plan: p.status
          ? { status: p.status, reviewDueOn: p.reviewDueOn, lastActivityAt: new Date(p.lastActivityAt!), timeZone: p.timeZone ?? 'UTC' }
          : null,
      })),
      now,
      DEFAULT_STALE_DAYS,
    );
  }

  async trainingDemandRows(manager: EntityManager, organisationId: string, now: Date): Promise<TrainingDemandRow[]> {
    const actions = (await manager.query(
      `SELECT p.id AS "personId", p.team_id AS "teamId", pl.status AS "planStatus", a.type, a.title, a.qualification_id AS "qualificationId", a.status
       FROM (${peopleSql.placement('$1')}) p
       JOIN plans pl ON pl.organisation_id = $1 AND pl.person_id = p.id AND ${OPEN} AND pl.created_at <= $2
       JOIN plan_actions a ON a.organisation_id = pl.organisation_id AND a.plan_id = pl.id
       WHERE a.type IN ('qualification', 'course') AND a.status NOT IN ('done', 'dropped')`,
      [organisationId, now],
    )) as { personId: string; teamId: string | null; planStatus: PlanStatus; type: PlanActionType; title: string; qualificationId: string | null; status: PlanActionStatus }[];
    const people = new Map<string, { teamId: string | null; plan: { status: PlanStatus; actions: typeof actions } }>();
    for (const action of actions) {
      const person = people.get(action.personId) ?? { teamId: action.teamId, plan: { status: action.planStatus, actions: [] } };
      person.plan.actions.push(action);
      people.set(action.personId, person);
    }
    return trainingDemandRowsFromPeople([...people.values()]);
  }

  /**
   * Everyone with an open plan (optionally only `personIds`), their readiness for its target role as
   * their ratings stood at `asOf`, and its outlook (now, within 6 or 12 months...). Skill and
   * qualification ids (not keys) in the outlook's blockers.
   */
  async successionCandidates(
    manager: EntityManager,
    organisationId: string,
    asOf: Date,
    personIds: readonly string[] | null = null,
  ): Promise<SuccessionCandidate[]> {
    const plans = (await manager.query(
      `SELECT pl.person_id AS "personId", p.team_id AS "teamId", pl.target_role_id AS "targetRoleId", pl.framework_version_id AS "frameworkVersionId"
       FROM plans pl JOIN (${peopleSql.placement('$1')}) p ON p.id = pl.person_id
       WHERE pl.organisation_id = $1 AND ${OPEN} AND pl.created_at <= $2 AND ($3::uuid[] IS NULL OR pl.person_id = ANY($3))`,
      [organisationId, asOf, personIds],
    )) as { personId: string; teamId: string | null; targetRoleId: string; frameworkVersionId: string }[];
    if (plans.length === 0) return [];
    const people = plans.map((plan) => plan.personId);
    const ratings = (await this.assessments.assessmentsOf(manager, organisationId, people)).filter((a) => new Date(a.assessedAt).getTime() <= asOf.getTime());
    const byPerson = new Map<string, Assessment[]>();
    for (const rating of ratings) {
      const list = byPerson.get(rating.personId) ?? [];
      list.push(toDomainAssessment(rating));
      byPerson.set(rating.personId, list);
    }
    const held = await heldQualifications(manager, organisationId, people, asOf);
    const versions = new Map<string, VersionDocument>();
    for (const versionId of new Set(plans.map((plan) => plan.frameworkVersionId))) {
      versions.set(versionId, await readVersionDocument(this.documents, manager, organisationId, versionId));
    }
    // Readiness per candidate is CPU work (tens of seconds at 100,000 people): off the request thread, below requests.
    return this.pool.run(
      'successionCandidates',
      { plans, versions, ratings: byPerson, held, asOf },
      { inline: plans.length <= INLINE_CANDIDATES, background: true, timeoutMs: 20 * 60_000 },
    );
  }

  /** A stamp that changes whenever a plan changes (every change raises its version and its activity time). */
  async changeStamp(manager: EntityManager, organisationId: string): Promise<string> {
    const [row] = (await manager.query(
      `SELECT count(*)::text || '/' || coalesce(sum(version), 0)::text || '/' || coalesce(max(last_activity_at)::text, '') AS stamp FROM plans WHERE organisation_id = $1`,
      [organisationId],
    )) as { stamp: string }[];
    return row!.stamp;
  }
}

/** Qualifications held at `asOf`: a done qualification action counts from the day it was done (as PlansService). */
async function heldQualifications(manager: EntityManager, organisationId: string, personIds: readonly string[], asOf: Date) {
  const rows = (await manager.query(
    `SELECT pl.person_id AS "personId", a.qualification_id AS "qualificationId", a.done_at AS "doneAt" FROM plan_actions a
     JOIN plans pl ON pl.organisation_id = a.organisation_id AND pl.id = a.plan_id
     WHERE a.organisation_id = $1 AND pl.person_id = ANY($2) AND a.status = 'done' AND a.done_at IS NOT NULL AND a.done_at <= $3 AND a.qualification_id IS NOT NULL`,
    [organisationId, personIds, asOf],
  )) as { personId: string; qualificationId: string; doneAt: Date }[];
  const keys = await qualificationKeys(manager, organisationId, rows.map((row) => row.qualificationId));
  const held = new Map<string, HeldQualification[]>();
  for (const row of rows) held.set(row.personId, [...(held.get(row.personId) ?? []), { key: keys.get(row.qualificationId)!, achievedOn: new Date(row.doneAt) }]);
  return held;
}
