import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  actionChangeProblem,
  initialRevision,
  isClosedPlan,
  isReviewRhythm,
  isStale,
  isTimeZone,
  nextReviewDue,
  planVsActual,
  profileAt,
  reviewState,
  revisePlan,
  transitionPlan,
  DEFAULT_STALE_DAYS,
  PLAN_ACTION_STATUSES,
  PLAN_ACTION_TYPES,
  type HeldQualification,
  type PlanActionStatus,
  type PlanRevision,
  type PlanStatus,
  type PlanTransition,
  type ReviewState,
  type RevisionOutcome,
  type RevisionReason,
} from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { toDomainAssessment, AssessmentsService } from '../assessments/assessments.service.js';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { AppError, badInput, forbidden, notFound } from '../common/errors.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { publishedRole, qualificationKeys, rolesByIds, skillsByIds } from '../frameworks/framework-directory.js';
import { FrameworkDocumentsService } from '../frameworks/framework-documents.service.js';
import { Mailer } from '../identity/mailer.js';
import { findPeople, findPerson, peopleSql, reportsOf } from '../people/people-directory.js';
import { NotificationsService } from './notifications.service.js';
import { readVersionDocument, type VersionDocument } from './framework-document.js';
import { recordRead, requireViewer, subjectFor, type Relationship, type Subject } from './plan-access.js';
import { PlanProposalsService, type StoredProposal } from './plan-proposals.service.js';
import { currentRoleKeyIn, readinessRow, type ReadinessRow } from './plan-readiness.js';

export type { ReadinessRow } from './plan-readiness.js';

type SignedInActor = Actor & { personId: string };

export interface PlanRow {
  id: string;
  personId: string;
  frameworkVersionId: string;
  targetRoleId: string;
  status: PlanStatus;
  reviewRhythmWeeks: number;
  timeZone: string;
  revision: number;
  agreedAt: Date | null;
  lastReviewAt: Date | null;
  reviewDueOn: string | null;
  lastActivityAt: Date;
  sentBackComment: string | null;
  version: number;
  lastChangedById: string | null;
  lastChangedByName: string | null;
  lastChange: string | null;
  createdAt: Date;
}

export interface PlanActionRow {
  id: string;
  planId: string;
  revisionNumber: number;
  position: number;
  type: string;
  title: string;
  description: string;
  qualificationId: string | null;
  dueOn: string | null;
  status: PlanActionStatus;
  evidence: string | null;
  doneAt: Date | null;
  /** The proposal's suggestion the action was chosen from; null for the person's own. */
  suggestionId: string | null;
  skillKeys: string[];
}

export interface PlanRevisionRow {
  planId: string;
  number: number;
  reason: RevisionReason;
  note: string | null;
  targetRoleId: string;
  frameworkVersionId: string;
  baseline: PlanRevision['baseline'];
  /** The focused proposal of the revision (null before focused plans). */
  proposal: StoredProposal | null;
  createdById: string;
  createdAt: Date;
}

export interface CheckInRow {
  id: string;
  planId: string;
  revisionNumber: number;
  reflection: string;
  progress: { actionId: string; status: PlanActionStatus; note: string | null }[];
  /** How each focus skill went. */
  focus: { skillKey: string; progress: string; note: string | null }[];
  /** Only filled for the check-in's author (see `details`). */
  privateNote: string | null;
  recordedById: string;
  recordedAt: Date;
}

/** A plan with everything the plan page shows, computed in a fixed number of statements for any number of plans. */
export interface PlanDetailRow extends PlanRow {
  relationship: Relationship;
  actions: PlanActionRow[];
  revisions: PlanRevisionRow[];
  checkIns: CheckInRow[];
  reviewState: ReviewState | null;
  stale: boolean;
  readiness: ReadinessRow;
  planVsActual: RevisionOutcome[];
}

export interface TeamPlanRow {
  personId: string;
  plan: PlanDetailRow | null;
  overdue: boolean;
  waitingForAgreement: boolean;
}

export interface CreatePlanValue {
  targetRoleId: string;
  reviewRhythmWeeks: number;
  timeZone: string;
}
export interface UpdateActionValue {
  actionId: string;
  expectedPlanVersion: number;
  status?: PlanActionStatus | null;
  evidence?: string | null;
  dueOn?: string | null;
  type?: string | null;
  skillKeys?: string[] | null;
}
export interface AddActionValue {
  planId: string;
  expectedVersion: number;
  type: string;
  title: string;
  description: string | null;
  skillKeys: string[];
  dueOn: string | null;
}
export interface CheckInValue {
  planId: string;
  expectedVersion: number;
  reflection: string;
  progress: { actionId: string; status: PlanActionStatus; note?: string | null }[];
  focus?: { skillKey: string; progress: string; note?: string | null }[];
  privateNote?: string | null;
}
export interface ChangeDirectionValue {
  planId: string;
  expectedVersion: number;
  targetRoleId: string;
  reason: Exclude<RevisionReason, 'initial'>;
  note?: string | null;
}

const PLAN_COLUMNS = `pl.id, pl.person_id AS "personId", pl.framework_version_id AS "frameworkVersionId", pl.target_role_id AS "targetRoleId",
  pl.status, pl.review_rhythm_weeks AS "reviewRhythmWeeks", pl.time_zone AS "timeZone", pl.revision, pl.agreed_at AS "agreedAt",
  pl.last_review_at AS "lastReviewAt", to_char(pl.review_due_on, 'YYYY-MM-DD') AS "reviewDueOn", pl.last_activity_at AS "lastActivityAt",
  pl.sent_back_comment AS "sentBackComment", pl.version, pl.last_changed_by_id AS "lastChangedById",
  ${peopleSql.name('pl.organisation_id', 'pl.last_changed_by_id')} AS "lastChangedByName",
  pl.last_change AS "lastChange", pl.created_at AS "createdAt"`;

/** The plan a person's pages show: their open plan, else the latest closed one. */
const CURRENT_PLAN_ORDER = `(pl.status IN ('completed', 'abandoned')), pl.created_at DESC, pl.id`;

const TRANSITION_WORDS: Record<PlanTransition, string> = {
  propose: 'proposed the plan',
  withdraw: 'withdrew the proposal',
  agree: 'agreed the plan',
  'send-back': 'sent the plan back',
  start: 'started the plan',
  complete: 'completed the plan',
  abandon: 'abandoned the plan',
};

/** E-mail subjects for the moves that notify someone (named after the plan's owner). */
const MOVE_SUBJECTS = {
  propose: (name: string) => `${name}'s development plan is waiting for your agreement`,
  agree: () => 'Your development plan was agreed',
  'send-back': () => 'Your development plan was sent back',
} satisfies Partial<Record<PlanTransition, (name: string) => string>>;

@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly assessments: AssessmentsService,
    private readonly notifications: NotificationsService,
    private readonly documents: FrameworkDocumentsService,
    private readonly mailer: Mailer,
    private readonly proposals: PlanProposalsService,
  ) {}

  // ---------------------------------------------------------------------------------------------
  // Reads

  /** A person's current plan (null when they have none), for them, their manager or someone they share with. */
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
      const [detail] = await this.details(manager, actor, plans, new Map([[personId, subject.relationship]]), now);
      return detail!;
    });
  }

  /** Readiness of a person for any role of a published version. */
  readinessFor(actor: SignedInActor, personId: string, roleId: string, now = new Date()): Promise<ReadinessRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const subject = await subjectFor(manager, actor.organisationId, actor.personId, personId);
      requireViewer(subject, 'readiness');
      const role = await this.publishedRole(manager, actor.organisationId, roleId, 'roleId');
      const version = await readVersionDocument(this.documents, manager, actor.organisationId, role.frameworkVersionId);
      const assessments = await this.assessments.assessmentsOf(manager, actor.organisationId, [personId]);
      const held = await this.heldQualifications(manager, actor.organisationId, [personId]);
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
      const plans = (await manager.query(
        `SELECT DISTINCT ON (pl.person_id) ${PLAN_COLUMNS} FROM plans pl
         WHERE pl.organisation_id = $1 AND pl.person_id = ANY($2) ORDER BY pl.person_id, ${CURRENT_PLAN_ORDER}`,
        [actor.organisationId, reports.map((r) => r.id)],
      )) as PlanRow[];
      const details = await this.details(manager, actor, plans, new Map(reports.map((r) => [r.id, 'manager' as const])), now);
      const byPerson = new Map(details.map((d) => [d.personId, d]));
      for (const plan of details) {
        const report = reports.find((r) => r.id === plan.personId)!;
        const subject: Subject = { id: report.id, name: report.name, managerId: actor.personId, relationship: 'manager' };
        await recordRead(this.audit, manager, actor, subject, { action: 'plan.read', what: 'development plan (team view)', subjectType: 'plan', subjectId: plan.id });
      }
      return reports.map((report) => {
        const plan = byPerson.get(report.id) ?? null;
        return { personId: report.id, plan, overdue: plan?.reviewState === 'overdue', waitingForAgreement: plan?.status === 'proposed' };
      });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  /** A draft plan towards a target role, with actions suggested from the gaps to it and to each step of the way. */
  createFromTarget(actor: SignedInActor, input: CreatePlanValue, now = new Date()): Promise<PlanDetailRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const fields: Record<string, string> = {};
      if (!isReviewRhythm(input.reviewRhythmWeeks)) fields.reviewRhythmWeeks = 'Review every 4, 6, 8 or 12 weeks.';
      if (!isTimeZone(input.timeZone)) fields.timeZone = `"${input.timeZone}" is not a time zone; use an IANA name such as Europe/London.`;
      if (Object.keys(fields).length > 0) throw badInput(fields);
      const role = await this.publishedRole(manager, actor.organisationId, input.targetRoleId, 'targetRoleId');
      const [open] = (await manager.query(
        `SELECT status FROM plans WHERE organisation_id = $1 AND person_id = $2 AND status NOT IN ('completed', 'abandoned')`,
        [actor.organisationId, actor.personId],
      )) as { status: string }[];
      if (open) {
        throw new AppError('CONFLICT', `You already have a ${open.status} plan: change its direction instead of starting another.`);
      }
      const version = await readVersionDocument(this.documents, manager, actor.organisationId, role.frameworkVersionId);
      const planId = randomUUID();
      const { targets, proposal } = await this.proposals.propose(manager, actor.organisationId, actor.personId, version, role.key);
      const revision = initialRevision({ targetRoleKey: role.key, frameworkVersionId: version.versionId, at: now, gaps: targets });
      await manager
        .query(
          `INSERT INTO plans (organisation_id, id, person_id, framework_version_id, target_role_id, status, review_rhythm_weeks, time_zone,
             revision, last_activity_at, version, last_changed_by_id, last_change)
           VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, 1, $8, 1, $3, 'created the plan')`,
          [actor.organisationId, planId, actor.personId, version.versionId, role.id, input.reviewRhythmWeeks, input.timeZone, now],
        )
        .catch((error: unknown) => {
          // Another tab created a plan between the check above and this insert: the partial unique index refuses it.
          if ((error as { constraint?: string }).constraint === 'uq_plans_open_per_person') {
            throw new AppError('CONFLICT', 'You already have an open plan (just created elsewhere): reload to see it.');
          }
          throw error;
        });
      await this.insertRevision(manager, actor, planId, revision, role.id);
      await this.proposals.store(manager, actor.organisationId, { id: planId, revision: 1 }, version, proposal);
      return this.reload(manager, actor, planId, 'owner', now);
    });
  }

  /**
   * Moves a plan through its life (propose, agree, send back...), refusing stale versions and the wrong
   * actor. A proposal notifies the manager, an agreement or a sending back the person: in-app, and by
   * e-mail when SMTP is configured (sent after the transaction commits, so a rolled-back move sends nothing).
   */
  async transition(
    actor: SignedInActor,
    planId: string,
    expectedVersion: number,
    action: PlanTransition,
    comment: string | null = null,
    now = new Date(),
  ): Promise<PlanDetailRow> {
    const { detail, mail } = await tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const { plan, subject } = await this.lockPlan(manager, actor, planId, expectedVersion);
      const result = transitionPlan(plan, action, actingAs(subject.relationship), { comment });
      if (!result.ok) {
        throw result.refusal === 'not-allowed' ? forbidden(`do that: ${result.reason}`) : badInput({ status: capitalise(result.reason) + '.' });
      }
      const agreed = action === 'agree';
      await this.updatePlan(manager, actor, plan, TRANSITION_WORDS[action], {
        status: result.status,
        ...(agreed ? { agreed_at: now, review_due_on: nextReviewDue(now, plan.reviewRhythmWeeks, plan.timeZone) } : {}),
        ...(action === 'send-back' ? { sent_back_comment: comment!.trim() } : {}),
        ...(action === 'propose' ? { sent_back_comment: null } : {}),
      }, now);
      const notify = action === 'propose' ? subject.managerId : action === 'agree' || action === 'send-back' ? plan.personId : null;
      let mail: { to: string; subject: string; text: string } | null = null;
      if (notify) {
        const who = action === 'propose' ? `${subject.name} proposed their development plan for your agreement.` : `Your manager ${TRANSITION_WORDS[action].replace('the plan', 'your plan')}${action === 'send-back' ? `: "${comment!.trim()}"` : '.'}`;
        const added = await this.notifications.notify(manager, actor.organisationId, {
          personId: notify,
          kind: `plan-${action}`,
          planId,
          message: who,
          dedupeKey: `plan-${action}:${planId}:${plan.version + 1}`,
        });
        if (added && this.mailer.configured) {
          const recipient = await findPerson(manager, actor.organisationId, notify);
          if (recipient?.active) mail = { to: recipient.email, subject: MOVE_SUBJECTS[action as keyof typeof MOVE_SUBJECTS](subject.name), text: who };
        }
      }
      return { detail: await this.reload(manager, actor, planId, subject.relationship, now), mail };
    });
    // A failed send is logged by the mailer; the move itself stands and the in-app notification is there.
    if (mail) await this.mailer.send(mail);
    return detail;
  }

  /** Progress (status, evidence) once agreed; the due date only while a draft. The owner's to change. */
  updateAction(actor: SignedInActor, input: UpdateActionValue, now = new Date()): Promise<PlanDetailRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const [action] = (await manager.query(
        `SELECT plan_id AS "planId", title, status FROM plan_actions WHERE organisation_id = $1 AND id = $2`,
        [actor.organisationId, input.actionId],
      )) as { planId: string; title: string; status: PlanActionStatus }[];
      if (!action) throw notFound('That plan action');
      const { plan, subject } = await this.lockPlan(manager, actor, action.planId, input.expectedPlanVersion);
      if (subject.relationship !== 'owner') throw forbidden('change the actions of someone else’s plan');
      const progress = input.status != null || input.evidence !== undefined;
      const dueChanged = input.dueOn !== undefined;
      const contentField = input.skillKeys != null ? 'skillKeys' : input.type != null ? 'type' : dueChanged ? 'dueOn' : null;
      const fields: Record<string, string> = {};
      const progressProblem = progress ? actionChangeProblem(plan.status, 'progress') : null;
      if (progressProblem) fields.status = capitalise(progressProblem) + '.';
      const contentProblem = contentField ? actionChangeProblem(plan.status, 'content') : null;
      if (contentProblem) fields[contentField!] = capitalise(contentProblem) + '.';
      if (input.status != null && !PLAN_ACTION_STATUSES.includes(input.status)) fields.status = `Choose one of ${PLAN_ACTION_STATUSES.join(', ')}.`;
      if (input.evidence && input.evidence.length > 2000) fields.evidence = 'Keep the evidence under 2000 characters.';
      const skillIds = input.skillKeys != null ? await this.actionSkillIds(manager, actor.organisationId, plan, input.skillKeys, fields) : null;
      Object.assign(fields, actionContentProblems({ type: input.type ?? undefined, dueOn: input.dueOn }));
      if (Object.keys(fields).length > 0) throw badInput(fields);
      const status = input.status ?? action.status;
      await manager.query(
        `UPDATE plan_actions SET status = $3,
           evidence = CASE WHEN $4::boolean THEN $5 ELSE evidence END,
           due_on = CASE WHEN $6::boolean THEN $7::date ELSE due_on END,
           done_at = CASE WHEN $3 = 'done' THEN coalesce(done_at, $8) ELSE NULL END,
           type = coalesce($9, type)
         WHERE organisation_id = $1 AND id = $2`,
        [actor.organisationId, input.actionId, status, input.evidence !== undefined, input.evidence?.trim() || null, dueChanged, input.dueOn ?? null, now, input.type ?? null],
      );
      if (skillIds) await this.linkActionSkills(manager, actor.organisationId, input.actionId, skillIds, true);
      await this.updatePlan(manager, actor, plan, `updated the action "${action.title}"`, {}, now);
      return this.reload(manager, actor, plan.id, 'owner', now);
    });
  }

  /** An action of the person's own (a course a colleague recommended, say); the plan's content changes only while a draft. */
  addAction(actor: SignedInActor, input: AddActionValue, now = new Date()): Promise<PlanDetailRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const { plan, subject } = await this.lockPlan(manager, actor, input.planId, input.expectedVersion);
      if (subject.relationship !== 'owner') throw forbidden('add actions to someone else’s plan');
      const fields: Record<string, string> = {};
      const problem = actionChangeProblem(plan.status, 'content');
      if (problem) fields.planId = capitalise(problem) + '.';
      const title = input.title.trim();
      if (!title) fields.title = 'Give the action a title.';
      else if (title.length > 200) fields.title = 'Keep the title under 200 characters.';
      if ((input.description ?? '').length > 2000) fields.description = 'Keep the description under 2000 characters.';
      Object.assign(fields, actionContentProblems({ type: input.type, dueOn: input.dueOn }));
      const skillIds = await this.actionSkillIds(manager, actor.organisationId, plan, input.skillKeys, fields);
      if (Object.keys(fields).length > 0) throw badInput(fields);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO plan_actions (organisation_id, id, plan_id, revision_number, position, type, title, description, due_on, status)
         SELECT $1, $2, $3, $4, coalesce(max(position), 0) + 1, $5, $6, $7, $8::date, 'not-started'
         FROM plan_actions WHERE organisation_id = $1 AND plan_id = $3`,
        [actor.organisationId, id, plan.id, plan.revision, input.type, title, input.description?.trim() ?? '', input.dueOn],
      );
      await this.linkActionSkills(manager, actor.organisationId, id, skillIds, false);
      await this.updatePlan(manager, actor, plan, `added the action "${title}"`, {}, now);
      return this.reload(manager, actor, plan.id, 'owner', now);
    });
  }

  /** Removes an action while the plan is a draft (an agreed action is dropped instead, so the record stays). */
  removeAction(actor: SignedInActor, input: { actionId: string; expectedPlanVersion: number }, now = new Date()): Promise<PlanDetailRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const [action] = (await manager.query(`SELECT plan_id AS "planId", title FROM plan_actions WHERE organisation_id = $1 AND id = $2`, [
        actor.organisationId,
        input.actionId,
      ])) as { planId: string; title: string }[];
      if (!action) throw notFound('That plan action');
      const { plan, subject } = await this.lockPlan(manager, actor, action.planId, input.expectedPlanVersion);
      if (subject.relationship !== 'owner') throw forbidden('remove actions from someone else’s plan');
      const problem = actionChangeProblem(plan.status, 'content');
      if (problem) throw badInput({ actionId: `${capitalise(problem)}; an agreed action can be dropped instead.` });
      await manager.query(`DELETE FROM plan_actions WHERE organisation_id = $1 AND id = $2`, [actor.organisationId, input.actionId]);
      await this.updatePlan(manager, actor, plan, `removed the action "${action.title}"`, {}, now);
      return this.reload(manager, actor, plan.id, 'owner', now);
    });
  }

  /** The person changes how often the plan is reviewed; an agreed plan's next review moves with it. */
  setReviewRhythm(actor: SignedInActor, input: { planId: string; expectedVersion: number; reviewRhythmWeeks: number }, now = new Date()): Promise<PlanDetailRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const { plan, subject } = await this.lockPlan(manager, actor, input.planId, input.expectedVersion);
      if (subject.relationship !== 'owner') throw forbidden('change the review rhythm of someone else’s plan');
      const weeks = input.reviewRhythmWeeks;
      if (!isReviewRhythm(weeks)) throw badInput({ reviewRhythmWeeks: 'Review every 4, 6, 8 or 12 weeks.' });
      if (isClosedPlan(plan.status)) throw badInput({ planId: `The plan is ${plan.status}: it is no longer reviewed.` });
      const from = plan.lastReviewAt ?? plan.agreedAt;
      await this.updatePlan(manager, actor, plan, `set reviews every ${weeks} weeks`, {
        review_rhythm_weeks: weeks,
        ...(from ? { review_due_on: nextReviewDue(from, weeks, plan.timeZone) } : {}),
      }, now);
      return this.reload(manager, actor, plan.id, 'owner', now);
    });
  }

  /** A review: a reflection and progress on each action. Starts an agreed plan and sets the next review date. */
  recordCheckIn(actor: SignedInActor, input: CheckInValue, now = new Date()): Promise<PlanDetailRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const { plan, subject } = await this.lockPlan(manager, actor, input.planId, input.expectedVersion);
      if (subject.relationship !== 'owner' && subject.relationship !== 'manager') throw forbidden('record a check-in on someone else’s plan');
      const fields: Record<string, string> = {};
      if (plan.status !== 'agreed' && plan.status !== 'active') fields.planId = `Check-ins are recorded on an agreed or active plan; this one is ${plan.status}.`;
      const reflection = input.reflection.trim();
      if (!reflection) fields.reflection = 'Write a short reflection: what went well, what did not.';
      else if (reflection.length > 4000) fields.reflection = 'Keep the reflection under 4000 characters.';
      const privateNote = input.privateNote?.trim() || null;
      if (privateNote && privateNote.length > 4000) fields.privateNote = 'Keep the private note under 4000 characters.';
      const actionIds = new Set(
        ((await manager.query(`SELECT id FROM plan_actions WHERE organisation_id = $1 AND plan_id = $2`, [actor.organisationId, plan.id])) as { id: string }[]).map((a) => a.id),
      );
      const unknown = input.progress.filter((p) => !actionIds.has(p.actionId));
      if (unknown.length > 0) fields.progress = 'Some of the progress is for actions that are not in this plan.';
      if (input.progress.some((p) => !PLAN_ACTION_STATUSES.includes(p.status))) fields.progress = `Each action's status is one of ${PLAN_ACTION_STATUSES.join(', ')}.`;
      const focus = await this.proposals.focusAnswers(manager, actor.organisationId, plan, input.focus ?? [], fields);
      if (Object.keys(fields).length > 0) throw badInput(fields);

      await this.updatePlan(manager, actor, plan, 'recorded a check-in', {
        status: plan.status === 'agreed' ? 'active' : plan.status,
        last_review_at: now,
        review_due_on: nextReviewDue(now, plan.reviewRhythmWeeks, plan.timeZone),
      }, now);
      for (const item of input.progress) {
        await manager.query(
          `UPDATE plan_actions SET status = $3, done_at = CASE WHEN $3 = 'done' THEN coalesce(done_at, $4) ELSE NULL END
           WHERE organisation_id = $1 AND id = $2`,
          [actor.organisationId, item.actionId, item.status, now],
        );
      }
      await manager.query(
        `INSERT INTO check_ins (organisation_id, id, plan_id, revision_number, reflection, progress, recorded_by_id, recorded_at, private_note, focus)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          actor.organisationId,
          randomUUID(),
          plan.id,
          plan.revision,
          reflection,
          JSON.stringify(input.progress.map((p) => ({ actionId: p.actionId, status: p.status, note: p.note?.trim() || null }))),
          actor.personId,
          now,
          privateNote,
          JSON.stringify(focus),
        ],
      );
      return this.reload(manager, actor, plan.id, subject.relationship, now);
    });
  }

  /** A new revision: a new target role, a re-baseline on a newer framework version, or another reason. Back to draft for agreement. */
  changeDirection(actor: SignedInActor, input: ChangeDirectionValue, now = new Date()): Promise<PlanDetailRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const { plan, subject } = await this.lockPlan(manager, actor, input.planId, input.expectedVersion);
      if (subject.relationship !== 'owner') throw forbidden('change the direction of someone else’s plan');
      if (isClosedPlan(plan.status)) throw badInput({ planId: `The plan is ${plan.status}: start a new plan instead.` });
      const role = await this.publishedRole(manager, actor.organisationId, input.targetRoleId, 'targetRoleId');
      const version = await readVersionDocument(this.documents, manager, actor.organisationId, role.frameworkVersionId);
      const revisions = await this.revisionsOf(manager, actor.organisationId, [plan.id]);
      const roleKeys = await this.roleKeys(manager, actor.organisationId, revisions.map((r) => r.targetRoleId));
      const { targets, proposal } = await this.proposals.propose(manager, actor.organisationId, plan.personId, version, role.key);
      const result = revisePlan(
        revisions.map((r) => toDomainRevision(r, roleKeys)),
        { reason: input.reason, note: input.note ?? null, targetRoleKey: role.key, frameworkVersionId: version.versionId, at: now, gaps: targets },
      );
      if (!result.ok) throw badInput({ [input.reason === 'new-target-role' ? 'targetRoleId' : 'note']: capitalise(result.reason) + '.' });
      await this.insertRevision(manager, actor, plan.id, result.revision, role.id);
      await this.proposals.store(manager, actor.organisationId, { id: plan.id, revision: result.revision.number }, version, proposal);
      await this.updatePlan(manager, actor, plan, `changed direction (revision ${result.revision.number}: ${input.reason})`, {
        status: 'draft',
        target_role_id: role.id,
        framework_version_id: version.versionId,
        revision: result.revision.number,
        agreed_at: null,
        review_due_on: null,
        sent_back_comment: null,
      }, now);
      return this.reload(manager, actor, plan.id, 'owner', now);
    });
  }

  /** Adds suggestions of the current revision's proposal as actions ("Add to plan"), while the plan is a draft. */
  addSuggestions(actor: SignedInActor, input: { planId: string; expectedVersion: number; suggestionIds: string[] }, now = new Date()): Promise<PlanDetailRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const { plan, subject } = await this.lockPlan(manager, actor, input.planId, input.expectedVersion);
      if (subject.relationship !== 'owner') throw forbidden('add actions to someone else’s plan');
      const problem = actionChangeProblem(plan.status, 'content');
      if (problem) throw badInput({ planId: capitalise(problem) + '.' });
      const version = await readVersionDocument(this.documents, manager, actor.organisationId, plan.frameworkVersionId);
      const titles = await this.proposals.add(manager, actor.organisationId, plan, version, input.suggestionIds);
      await this.updatePlan(manager, actor, plan, titles.length === 1 ? `added the suggestion "${titles[0]}"` : `added ${titles.length} suggestions`, {}, now);
      return this.reload(manager, actor, plan.id, 'owner', now);
    });
  }

  /** The person lets someone beyond their manager see their plans and assessments (read only). */
  share(actor: SignedInActor, viewerId: string, shared: boolean): Promise<string[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      if (viewerId === actor.personId) throw badInput({ viewerId: 'You always see your own plan.' });
      // Only to check that the viewer is someone of this organisation (not found otherwise).
      const viewer = await subjectFor(manager, actor.organisationId, actor.personId, viewerId);
      await manager.query(
        shared
          ? `INSERT INTO plan_sharing (organisation_id, person_id, viewer_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`
          : `DELETE FROM plan_sharing WHERE organisation_id = $1 AND person_id = $2 AND viewer_id = $3`,
        [actor.organisationId, actor.personId, viewer.id],
      );
      return this.sharedWith(manager, actor.organisationId, actor.personId);
    });
  }

  async sharedWithOf(actor: SignedInActor): Promise<string[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, (manager) => this.sharedWith(manager, actor.organisationId, actor.personId));
  }

  private async sharedWith(manager: EntityManager, organisationId: string, personId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT viewer_id AS id FROM plan_sharing WHERE organisation_id = $1 AND person_id = $2 ORDER BY created_at, viewer_id`,
      [organisationId, personId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** The ids of the given skill keys in the plan's framework version; unknown keys are reported in `fields.skillKeys`. */
  private async actionSkillIds(manager: EntityManager, organisationId: string, plan: PlanRow, skillKeys: readonly string[], fields: Record<string, string>) {
    const version = await readVersionDocument(this.documents, manager, organisationId, plan.frameworkVersionId);
    const unknown = skillKeys.filter((key) => !version.skillIdByKey.has(key));
    if (unknown.length > 0) fields.skillKeys = `Not skills of the plan’s framework version: ${unknown.join(', ')}.`;
    return [...new Set(skillKeys.flatMap((key) => version.skillIdByKey.get(key) ?? []))];
  }

  private async linkActionSkills(manager: EntityManager, organisationId: string, actionId: string, skillIds: readonly string[], replace: boolean) {
    if (replace) await manager.query(`DELETE FROM plan_action_skills WHERE organisation_id = $1 AND action_id = $2`, [organisationId, actionId]);
    if (skillIds.length === 0) return;
    await manager.query(
      `INSERT INTO plan_action_skills (organisation_id, action_id, skill_id) SELECT $1, $2, unnest($3::uuid[])`,
      [organisationId, actionId, skillIds],
    );
  }

  /** Locks the plan, checks the expected version and who the actor is to its owner. */
  private async lockPlan(manager: EntityManager, actor: SignedInActor, planId: string, expectedVersion: number) {
    const [plan] = (await manager.query(`SELECT ${PLAN_COLUMNS} FROM plans pl WHERE pl.organisation_id = $1 AND pl.id = $2 FOR UPDATE`, [
      actor.organisationId,
      planId,
    ])) as PlanRow[];
    if (!plan) throw notFound('That plan');
    const subject = await subjectFor(manager, actor.organisationId, actor.personId, plan.personId);
    if (subject.relationship === 'other' || subject.relationship === 'shared') throw forbidden(`change ${subject.name}'s plan`);
    if (plan.version !== expectedVersion) throw conflict(plan);
    return { plan, subject };
  }

  /** Updates the plan with the expected version in the WHERE, so a concurrent change makes it change no row. */
  private async updatePlan(manager: EntityManager, actor: SignedInActor, plan: PlanRow, change: string, columns: Record<string, unknown>, now: Date) {
    const entries = Object.entries(columns);
    const assignments = entries.map(([column], i) => `${column} = $${i + 7}`);
    const [, count] = (await manager.query(
      `UPDATE plans SET ${[...assignments, 'version = version + 1', 'last_changed_by_id = $4', 'last_change = $5', 'last_activity_at = $6'].join(', ')}
       WHERE organisation_id = $1 AND id = $2 AND version = $3`,
      [actor.organisationId, plan.id, plan.version, actor.personId, change, now, ...entries.map(([, value]) => value)],
    )) as [unknown, number];
    if (count !== 1) throw conflict(plan);
  }

  private async reload(manager: EntityManager, actor: SignedInActor, planId: string, relationship: Relationship, now: Date): Promise<PlanDetailRow> {
    const plans = (await manager.query(`SELECT ${PLAN_COLUMNS} FROM plans pl WHERE pl.organisation_id = $1 AND pl.id = $2`, [actor.organisationId, planId])) as PlanRow[];
    const [detail] = await this.details(manager, actor, plans, new Map([[plans[0]!.personId, relationship]]), now);
    return detail!;
  }

  private async publishedRole(manager: EntityManager, organisationId: string, roleId: string, field: string) {
    const role = await publishedRole(manager, organisationId, roleId);
    if (!role) throw badInput({ [field]: 'Choose a role of a published framework version.' });
    return role;
  }

  private async insertRevision(manager: EntityManager, actor: SignedInActor, planId: string, revision: PlanRevision, roleId: string) {
    await manager.query(
      `INSERT INTO plan_revisions (organisation_id, plan_id, number, reason, note, target_role_id, framework_version_id, baseline, created_by_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [actor.organisationId, planId, revision.number, revision.reason, revision.note, roleId, revision.frameworkVersionId, JSON.stringify(revision.baseline), actor.personId, revision.createdAt],
    );
  }

  /** Qualifications held, per person: a done qualification action counts as the qualification gained on the day it was done. */
  private async heldQualifications(manager: EntityManager, organisationId: string, personIds: readonly string[]): Promise<Map<string, HeldQualification[]>> {
    const rows = (await manager.query(
      `SELECT pl.person_id AS "personId", a.qualification_id AS "qualificationId", a.done_at AS "doneAt" FROM plan_actions a
       JOIN plans pl ON pl.organisation_id = a.organisation_id AND pl.id = a.plan_id
       WHERE a.organisation_id = $1 AND pl.person_id = ANY($2) AND a.status = 'done' AND a.done_at IS NOT NULL AND a.qualification_id IS NOT NULL`,
      [organisationId, personIds],
    )) as { personId: string; qualificationId: string; doneAt: Date }[];
    const keys = await qualificationKeys(manager, organisationId, rows.map((row) => row.qualificationId));
    const held = new Map<string, HeldQualification[]>();
    for (const row of rows) held.set(row.personId, [...(held.get(row.personId) ?? []), { key: keys.get(row.qualificationId)!, achievedOn: new Date(row.doneAt) }]);
    return held;
  }

  private async revisionsOf(manager: EntityManager, organisationId: string, planIds: readonly string[]): Promise<PlanRevisionRow[]> {
    return (await manager.query(
      `SELECT plan_id AS "planId", number, reason, note, target_role_id AS "targetRoleId", framework_version_id AS "frameworkVersionId",
         baseline, proposal, created_by_id AS "createdById", created_at AS "createdAt"
       FROM plan_revisions WHERE organisation_id = $1 AND plan_id = ANY($2) ORDER BY plan_id, number`,
      [organisationId, planIds],
    )) as PlanRevisionRow[];
  }

  private async roleKeys(manager: EntityManager, organisationId: string, roleIds: readonly string[]): Promise<Map<string, string>> {
    const roles = await rolesByIds(manager, organisationId, roleIds);
    return new Map([...roles.values()].map((r) => [r.id, r.key]));
  }

  /** Everything the plan pages show for a set of plans, in a fixed number of statements. */
  private async details(
    manager: EntityManager,
    viewer: SignedInActor,
    plans: readonly PlanRow[],
    relationships: ReadonlyMap<string, Relationship>,
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
    const skills = await skillsByIds(manager, organisationId, actionRows.flatMap((a) => a.skillIds));
    const actions: PlanActionRow[] = actionRows.map(({ skillIds, ...action }) => ({
      ...action,
      skillKeys: skillIds.flatMap((id) => (skills.has(id) ? [skills.get(id)!] : [])).sort((x, y) => x.position - y.position).map((skill) => skill.key),
    }));
    const revisions = await this.revisionsOf(manager, organisationId, planIds);
    const checkIns = (await manager.query(
      // A private note leaves the database only for its author.
      `SELECT id, plan_id AS "planId", revision_number AS "revisionNumber", reflection, progress, focus, recorded_by_id AS "recordedById", recorded_at AS "recordedAt",
         CASE WHEN recorded_by_id = $3 THEN private_note END AS "privateNote"
       FROM check_ins WHERE organisation_id = $1 AND plan_id = ANY($2) ORDER BY recorded_at DESC, id`,
      [organisationId, planIds, viewer.personId],
    )) as CheckInRow[];
    const assessments = await this.assessments.assessmentsOf(manager, organisationId, personIds);
    const held = await this.heldQualifications(manager, organisationId, personIds);
    const people = new Map((await findPeople(manager, personIds.map((id) => ({ organisationId, id })))).map((p) => [p.id, p]));
    const versions = new Map<string, VersionDocument>();
    for (const versionId of new Set(plans.map((p) => p.frameworkVersionId))) {
      versions.set(versionId, await readVersionDocument(this.documents, manager, organisationId, versionId));
    }
    const roleKeys = await this.roleKeys(manager, organisationId, revisions.map((r) => r.targetRoleId));
    return plans.map((plan) => {
      const version = versions.get(plan.frameworkVersionId)!;
      const own = assessments.filter((a) => a.personId === plan.personId);
      const domainAssessments = own.map(toDomainAssessment);
      const planActions = actions.filter((a) => a.planId === plan.id);
      const planRevisions = revisions.filter((r) => r.planId === plan.id);
      const open = !isClosedPlan(plan.status);
      return {
        ...plan,
        relationship: relationships.get(plan.personId) ?? 'other',
        actions: planActions,
        revisions: planRevisions,
        checkIns: checkIns.filter((c) => c.planId === plan.id),
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

function toDomainRevision(row: PlanRevisionRow, roleKeys: ReadonlyMap<string, string>): PlanRevision {
  return {
    number: row.number,
    reason: row.reason,
    note: row.note,
    targetRoleKey: roleKeys.get(row.targetRoleId) ?? row.targetRoleId,
    frameworkVersionId: row.frameworkVersionId,
    createdAt: new Date(row.createdAt),
    baseline: row.baseline,
  };
}

/** Shared viewers see but never act: for the plan's life they count as anyone else. */
function actingAs(relationship: Relationship): 'owner' | 'manager' | 'other' {
  return relationship === 'owner' || relationship === 'manager' ? relationship : 'other';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Problems with an action's type and due date, by input field. */
function actionContentProblems(input: { type?: string; dueOn?: string | null }): Record<string, string> {
  const fields: Record<string, string> = {};
  if (input.type !== undefined && !(PLAN_ACTION_TYPES as readonly string[]).includes(input.type)) fields.type = `Choose one of ${PLAN_ACTION_TYPES.join(', ')}.`;
  if (input.dueOn && !isCalendarDate(input.dueOn)) fields.dueOn = 'A due date is a calendar date (YYYY-MM-DD).';
  return fields;
}

/** YYYY-MM-DD naming a day that exists (not 2027-02-30). */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function conflict(plan: PlanRow): AppError {
  const by = plan.lastChangedByName ?? 'someone else';
  return new AppError(
    'CONFLICT',
    `This plan was changed by ${by}${plan.lastChange ? ` (${plan.lastChange})` : ''} since you opened it: it is now version ${plan.version}. Reload to see the change; what you entered is kept in the form.`,
    { currentVersion: plan.version, changedBy: plan.lastChangedByName, change: plan.lastChange },
  );
}
