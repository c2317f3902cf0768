import { Injectable } from '@nestjs/common';
import { actionAdditionEffect, actionChangeProblem, PLAN_ACTION_STATUSES, type PlanActionStatus } from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { badInput, notFound } from '../common/errors.js';
import { PlanNotifier } from './plan-notifier.js';
import { PlanProposalsService } from './plan-proposals.service.js';
import { requireAbility } from './plan-policy.js';
import { PlanReader } from './plan-reader.js';
import type { AddActionValue, PlanDetailRow, SignedInActor, UpdateActionValue } from './plan-rows.js';
import { actionContentProblems, capitalise, PlanStore } from './plan-store.js';

/** A plan's actions: added (their own, or the proposal's suggestions), changed and removed while a draft; progress (status, evidence) once agreed. The owner's to change. */
@Injectable()
export class PlanActionsService {
  constructor(
    private readonly store: PlanStore,
    private readonly reader: PlanReader,
    private readonly notifier: PlanNotifier,
    private readonly proposals: PlanProposalsService,
  ) {}

  updateAction(actor: SignedInActor, input: UpdateActionValue, now = new Date()): Promise<PlanDetailRow> {
    return this.notifier.run(actor.organisationId, async (manager) => {
      const action = await this.actionOf(manager, actor.organisationId, input.actionId);
      const { plan, subject } = await this.store.lockPlan(manager, actor, action.planId, input.expectedPlanVersion);
      requireAbility(subject, 'edit');
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
      const skillIds = input.skillKeys != null ? await this.store.actionSkillIds(manager, actor.organisationId, plan, input.skillKeys, fields) : null;
      Object.assign(fields, actionContentProblems({ type: input.type ?? undefined, dueOn: input.dueOn }));
      if (Object.keys(fields).length > 0) throw badInput(fields);
      await manager.query(
        `UPDATE plan_actions SET status = $3,
           evidence = CASE WHEN $4::boolean THEN $5 ELSE evidence END,
           due_on = CASE WHEN $6::boolean THEN $7::date ELSE due_on END,
           done_at = CASE WHEN $3 = 'done' THEN coalesce(done_at, $8) ELSE NULL END,
           type = coalesce($9, type)
         WHERE organisation_id = $1 AND id = $2`,
        [actor.organisationId, input.actionId, input.status ?? action.status, input.evidence !== undefined, input.evidence?.trim() || null, dueChanged, input.dueOn ?? null, now, input.type ?? null],
      );
      if (skillIds) await this.store.linkActionSkills(manager, actor.organisationId, input.actionId, skillIds, true);
      await this.store.updatePlan(manager, actor, plan, `updated the action "${action.title}"`, {}, now);
      return this.reader.reload(manager, actor, plan.id, 'owner', now);
    });
  }

  /**
   * An action of the person's own (a course a colleague recommended, say); the plan's content changes only while a draft.
   * With `backToDraft` (a mentoring next step the owner accepted, told first) a proposed, agreed or active plan
   * takes it too, going back to draft to be agreed again (`actionAdditionEffect`).
   */
  addAction(actor: SignedInActor, input: AddActionValue, now = new Date(), options: { backToDraft?: boolean } = {}): Promise<PlanDetailRow> {
    return this.notifier.run(actor.organisationId, async (manager) => {
      const { plan, subject } = await this.store.lockPlan(manager, actor, input.planId, input.expectedVersion);
      requireAbility(subject, 'edit');
      const fields: Record<string, string> = {};
      const effect = actionAdditionEffect(plan.status);
      const reopens = options.backToDraft === true && effect.ok && effect.backToDraft;
      const problem = options.backToDraft ? (effect.ok ? null : effect.reason) : actionChangeProblem(plan.status, 'content');
      if (problem) fields.planId = capitalise(problem) + '.';
      const title = input.title.trim();
      if (!title) fields.title = 'Give the action a title.';
      else if (title.length > 200) fields.title = 'Keep the title under 200 characters.';
      if ((input.description ?? '').length > 2000) fields.description = 'Keep the description under 2000 characters.';
      Object.assign(fields, actionContentProblems({ type: input.type, dueOn: input.dueOn }));
      const skillIds = await this.store.actionSkillIds(manager, actor.organisationId, plan, input.skillKeys, fields);
      if (Object.keys(fields).length > 0) throw badInput(fields);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO plan_actions (organisation_id, id, plan_id, revision_number, position, type, title, description, due_on, status)
         SELECT $1, $2, $3, $4, coalesce(max(position), 0) + 1, $5, $6, $7, $8::date, 'not-started'
         FROM plan_actions WHERE organisation_id = $1 AND plan_id = $3`,
        [actor.organisationId, id, plan.id, plan.revision, input.type, title, input.description?.trim() ?? '', input.dueOn],
      );
      await this.store.linkActionSkills(manager, actor.organisationId, id, skillIds, false);
      // Back to draft as a change of direction does: the agreement and its review dates no longer hold.
      const reopened = reopens ? { status: 'draft', agreed_at: null, review_due_on: null } : {};
      await this.store.updatePlan(manager, actor, plan, `added the action "${title}"${reopens ? ' (back to draft for agreement)' : ''}`, reopened, now);
      return this.reader.reload(manager, actor, plan.id, 'owner', now);
    });
  }

  /** Adds suggestions of the current revision's proposal as actions ("Add to plan"), while the plan is a draft. */
  addSuggestions(actor: SignedInActor, input: { planId: string; expectedVersion: number; suggestionIds: string[] }, now = new Date()): Promise<PlanDetailRow> {
    return this.notifier.run(actor.organisationId, async (manager) => {
      const { plan, subject } = await this.store.lockPlan(manager, actor, input.planId, input.expectedVersion);
      requireAbility(subject, 'edit');
      const problem = actionChangeProblem(plan.status, 'content');
      if (problem) throw badInput({ planId: capitalise(problem) + '.' });
      const version = await this.store.versions.read(manager, actor.organisationId, plan.frameworkVersionId);
      const titles = await this.proposals.add(manager, actor.organisationId, plan, version, input.suggestionIds);
      await this.store.updatePlan(manager, actor, plan, titles.length === 1 ? `added the suggestion "${titles[0]}"` : `added ${titles.length} suggestions`, {}, now);
      return this.reader.reload(manager, actor, plan.id, 'owner', now);
    });
  }

  /** Removes an action while the plan is a draft (an agreed action is dropped instead, so the record stays). */
  removeAction(actor: SignedInActor, input: { actionId: string; expectedPlanVersion: number }, now = new Date()): Promise<PlanDetailRow> {
    return this.notifier.run(actor.organisationId, async (manager) => {
      const action = await this.actionOf(manager, actor.organisationId, input.actionId);
      const { plan, subject } = await this.store.lockPlan(manager, actor, action.planId, input.expectedPlanVersion);
      requireAbility(subject, 'edit');
      const problem = actionChangeProblem(plan.status, 'content');
      if (problem) throw badInput({ actionId: `${capitalise(problem)}; an agreed action can be dropped instead.` });
      await manager.query(`DELETE FROM plan_actions WHERE organisation_id = $1 AND id = $2`, [actor.organisationId, input.actionId]);
      await this.store.updatePlan(manager, actor, plan, `removed the action "${action.title}"`, {}, now);
      return this.reader.reload(manager, actor, plan.id, 'owner', now);
    });
  }

  private async actionOf(manager: EntityManager, organisationId: string, actionId: string) {
    const [action] = (await manager.query(`SELECT plan_id AS "planId", title, status FROM plan_actions WHERE organisation_id = $1 AND id = $2`, [
      organisationId,
      actionId,
    ])) as { planId: string; title: string; status: PlanActionStatus }[];
    if (!action) throw notFound('That plan action');
    return action;
  }
}
