import { Injectable } from '@nestjs/common';
import { nextReviewDue, PLAN_ACTION_STATUSES } from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import { badInput } from '../common/errors.js';
import { PlanNotifier } from './plan-notifier.js';
import { PlanProposalsService } from './plan-proposals.service.js';
import { requireAbility } from './plan-policy.js';
import { PlanReader } from './plan-reader.js';
import type { CheckInValue, PlanDetailRow, SignedInActor } from './plan-rows.js';
import { PlanStore } from './plan-store.js';

/** Check-ins: a reflection, progress on each action and on each focus skill, recorded by the person or their manager. */
@Injectable()
export class PlanCheckInsService {
  constructor(
    private readonly store: PlanStore,
    private readonly reader: PlanReader,
    private readonly notifier: PlanNotifier,
    private readonly proposals: PlanProposalsService,
  ) {}

  /** A review: a reflection, progress on each action and how each focus skill went. Starts an agreed plan and sets the next review date. */
  recordCheckIn(actor: SignedInActor, input: CheckInValue, now = new Date()): Promise<PlanDetailRow> {
    return this.notifier.run(actor.organisationId, async (manager) => {
      const { plan, subject } = await this.store.lockPlan(manager, actor, input.planId, input.expectedVersion);
      requireAbility(subject, 'checkIn');
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
      if (input.progress.some((p) => !actionIds.has(p.actionId))) fields.progress = 'Some of the progress is for actions that are not in this plan.';
      if (input.progress.some((p) => !PLAN_ACTION_STATUSES.includes(p.status))) fields.progress = `Each action's status is one of ${PLAN_ACTION_STATUSES.join(', ')}.`;
      const focus = await this.proposals.focusAnswers(manager, actor.organisationId, plan, input.focus ?? [], fields);
      if (Object.keys(fields).length > 0) throw badInput(fields);

      await this.store.updatePlan(manager, actor, plan, 'recorded a check-in', {
        status: plan.status === 'agreed' ? 'active' : plan.status,
        last_review_at: now,
        review_due_on: nextReviewDue(now, plan.reviewRhythmWeeks, plan.timeZone),
      }, now);
      if (input.progress.length > 0) {
        // One statement for every action's progress.
        await manager.query(
          `UPDATE plan_actions a SET status = p.status, done_at = CASE WHEN p.status = 'done' THEN coalesce(a.done_at, $3) ELSE NULL END
           FROM jsonb_to_recordset($2::jsonb) AS p(id uuid, status text)
           WHERE a.organisation_id = $1 AND a.id = p.id`,
          [actor.organisationId, JSON.stringify(input.progress.map((p) => ({ id: p.actionId, status: p.status }))), now],
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
      return this.reader.reload(manager, actor, plan.id, subject.relationship, now);
    });
  }
}
