import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { planCommentProblems, signOffEvidenceProblem, withdrawSignOffProblem, type AddPlanCommentInput, type PlanActionStatus, type SignOffEvidenceInput, type WithdrawSignOffInput } from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, badInput, forbidden, notFound } from '../common/errors.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { personNames } from '../people/people-directory.js';
import { PlanNotifier } from './plan-notifier.js';
import { recordRead, requireAbility, subjectFor, type Subject } from './plan-policy.js';
import { PlanReader } from './plan-reader.js';
import { PLAN_COLUMNS, type PlanDetailRow, type PlanRow, type SignedInActor } from './plan-rows.js';
import { capitalise, PlanStore } from './plan-store.js';

export interface PlanCommentRow {
  id: string;
  planId: string;
  actionId: string | null;
  parentId: string | null;
  depth: number;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

/**
 * Review on a plan: threaded comments on the plan and its actions (whoever the policy lets
 * `comment`: the owner, their manager or approver, a mentor the owner shares comments with), and a
 * mentor's sign-off of an action's evidence (`signOff`). Each is told to the plan's owner in-app
 * (live), and the comment's thread to whoever it replies to. Exported for the mentoring module.
 */
@Injectable()
export class PlanReviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly store: PlanStore,
    private readonly reader: PlanReader,
    private readonly notifier: PlanNotifier,
  ) {}

  /** A plan's comments, oldest first (the web threads them by parentId); for those who may comment. Reading someone else's is audited. */
  comments(actor: SignedInActor, planId: string): Promise<PlanCommentRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const { plan, subject } = await this.planAndSubject(manager, actor, planId);
      if (!subject.can.comment) throw forbidden(`read the comments on ${subject.relationship === 'owner' ? 'your' : `${subject.name}'s`} plan`);
      await recordRead(this.audit, manager, actor, subject, { action: 'plan.read', what: 'comments on their development plan', subjectType: 'plan', subjectId: plan.id });
      return this.commentRows(manager, actor.organisationId, 'c.plan_id = $2', [plan.id]);
    });
  }

  /** Posts a comment (or a reply). The plan's version is not checked: comments do not change the plan. */
  addComment(actor: SignedInActor, input: AddPlanCommentInput): Promise<PlanCommentRow> {
    return this.notifier.run(actor.organisationId, async (manager, outbox) => {
      const { plan, subject } = await this.planAndSubject(manager, actor, input.planId);
      const parent = input.parentId ? ((await this.commentRows(manager, actor.organisationId, 'c.plan_id = $2 AND c.id = $3', [plan.id, input.parentId]))[0] ?? undefined) : null;
      const [action] = input.actionId
        ? ((await manager.query(`SELECT title FROM plan_actions WHERE organisation_id = $1 AND plan_id = $2 AND id = $3`, [actor.organisationId, plan.id, input.actionId])) as { title: string }[])
        : [];
      const problems = planCommentProblems(subject.can, plan, input, parent, action !== undefined);
      if (problems.planId && !subject.can.comment) throw forbidden(`comment on ${subject.name}'s plan`);
      if (Object.keys(problems).length > 0) throw badInput(problems);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO plan_comments (organisation_id, id, plan_id, action_id, parent_id, depth, author_id, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [actor.organisationId, id, plan.id, input.actionId, input.parentId, parent ? parent.depth + 1 : 0, actor.personId, input.body.trim()],
      );
      const names = await personNames(manager, actor.organisationId, [actor.personId]);
      const who = names.get(actor.personId) ?? 'Someone';
      const about = action ? `the action "${action.title}"` : 'the plan';
      // The owner hears of every comment but their own; whoever is replied to hears of the reply.
      const told = new Set<string>([plan.personId, ...(parent ? [parent.authorId] : [])]);
      told.delete(actor.personId);
      for (const personId of told) {
        await this.notifier.notify(manager, actor.organisationId, outbox, {
          personId,
          kind: 'plan.comment',
          planId: plan.id,
          message:
            parent && personId === parent.authorId
              ? `${who} replied to your comment on ${about}.`
              : action
                ? `${who} commented on ${about} in your plan.`
                : `${who} commented on your plan.`,
          dedupeKey: `plan.comment:${id}`,
          mailSubject: parent && personId === parent.authorId ? `${who} replied to your comment` : `${who} commented on your development plan`,
        });
      }
      const [row] = await this.commentRows(manager, actor.organisationId, 'c.id = $2', [id]);
      return row!;
    });
  }

  /** The manager or a mentor the evidence is shared with confirms a done action's evidence; the owner is told. Refused on a stale plan version. */
  signOff(actor: SignedInActor, input: SignOffEvidenceInput, now = new Date()): Promise<PlanDetailRow> {
    return this.notifier.run(actor.organisationId, async (manager, outbox) => {
      const action = await this.actionOf(manager, actor.organisationId, input.actionId);
      const { plan, subject } = await this.store.lockPlan(manager, actor, action.planId, input.expectedPlanVersion);
      requireAbility(subject, 'signOff');
      const problem = signOffEvidenceProblem(subject.can, plan, action);
      if (problem) throw new AppError('CONFLICT', `${capitalise(problem)}.`);
      await manager.query(
        `INSERT INTO plan_action_sign_offs (organisation_id, action_id, signed_off_by_id, note, signed_off_at) VALUES ($1, $2, $3, $4, $5)`,
        [actor.organisationId, action.id, actor.personId, input.note.trim(), now],
      );
      await this.store.updatePlan(manager, actor, plan, `signed off the evidence of "${action.title}"`, {}, now);
      const names = await personNames(manager, actor.organisationId, [actor.personId]);
      await this.notifier.notify(manager, actor.organisationId, outbox, {
        personId: plan.personId,
        kind: 'plan.sign-off',
        planId: plan.id,
        message: `${names.get(actor.personId) ?? 'Someone'} signed off your evidence for "${action.title}".`,
        dedupeKey: `plan.sign-off:${action.id}:${plan.version + 1}`,
        mailSubject: 'Your evidence was signed off',
      });
      return this.reader.reload(manager, actor, plan.id, subject, now);
    });
  }

  /** Its author withdraws a sign-off (a mistake, or the evidence changed); the owner is told. */
  withdrawSignOff(actor: SignedInActor, input: WithdrawSignOffInput, now = new Date()): Promise<PlanDetailRow> {
    return this.notifier.run(actor.organisationId, async (manager, outbox) => {
      const action = await this.actionOf(manager, actor.organisationId, input.actionId);
      const { plan, subject } = await this.store.lockPlan(manager, actor, action.planId, input.expectedPlanVersion);
      const problem = withdrawSignOffProblem(actor.personId, subject.can, action.signedOffById ? { signedOffById: action.signedOffById } : null);
      if (problem) throw action.signedOffById ? forbidden(problem.replace(/^only whoever/, 'withdraw this sign-off: only whoever')) : new AppError('CONFLICT', `${capitalise(problem)}.`);
      await manager.query(`DELETE FROM plan_action_sign_offs WHERE organisation_id = $1 AND action_id = $2`, [actor.organisationId, action.id]);
      await this.store.updatePlan(manager, actor, plan, `withdrew the sign-off of "${action.title}"`, {}, now);
      const names = await personNames(manager, actor.organisationId, [actor.personId]);
      await this.notifier.notify(manager, actor.organisationId, outbox, {
        personId: plan.personId,
        kind: 'plan.sign-off',
        planId: plan.id,
        message: `${names.get(actor.personId) ?? 'Someone'} withdrew their sign-off of "${action.title}".`,
        dedupeKey: `plan.sign-off-withdrawn:${action.id}:${plan.version + 1}`,
        mailSubject: 'A sign-off of your evidence was withdrawn',
      });
      return this.reader.reload(manager, actor, plan.id, subject, now);
    });
  }

  private async planAndSubject(manager: EntityManager, actor: SignedInActor, planId: string): Promise<{ plan: PlanRow; subject: Subject }> {
    const [plan] = (await manager.query(`SELECT ${PLAN_COLUMNS} FROM plans pl WHERE pl.organisation_id = $1 AND pl.id = $2`, [actor.organisationId, planId])) as PlanRow[];
    if (!plan) throw notFound('That plan');
    const subject = await subjectFor(manager, actor.organisationId, actor.personId, plan.personId);
    // Someone who may not even see the plan learns nothing about its comments.
    if (!subject.can.view) throw forbidden(`see ${subject.name}'s development plan`);
    return { plan, subject };
  }

  private async actionOf(manager: EntityManager, organisationId: string, actionId: string) {
    const [action] = (await manager.query(
      `SELECT a.id, a.plan_id AS "planId", a.title, a.status, a.evidence, s.signed_off_by_id AS "signedOffById"
       FROM plan_actions a LEFT JOIN plan_action_sign_offs s ON s.organisation_id = a.organisation_id AND s.action_id = a.id
       WHERE a.organisation_id = $1 AND a.id = $2`,
      [organisationId, actionId],
    )) as { id: string; planId: string; title: string; status: PlanActionStatus; evidence: string | null; signedOffById: string | null }[];
    if (!action) throw notFound('That plan action');
    return action;
  }

  private async commentRows(manager: EntityManager, organisationId: string, where: string, values: unknown[]): Promise<PlanCommentRow[]> {
    const rows = (await manager.query(
      `SELECT c.id, c.plan_id AS "planId", c.action_id AS "actionId", c.parent_id AS "parentId", c.depth, c.author_id AS "authorId", c.body, c.created_at AS "createdAt"
       FROM plan_comments c WHERE c.organisation_id = $1 AND ${where} ORDER BY c.created_at, c.id`,
      [organisationId, ...values],
    )) as Omit<PlanCommentRow, 'authorName'>[];
    const names = rows.length > 0 ? await personNames(manager, organisationId, [...new Set(rows.map((r) => r.authorId))]) : new Map<string, string>();
    return rows.map((r) => ({ ...r, authorName: names.get(r.authorId) ?? 'Someone' }));
  }
}
