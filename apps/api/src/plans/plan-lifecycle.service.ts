import { Injectable } from '@nestjs/common';
import { initialRevision, isClosedPlan, isReviewRhythm, isTimeZone, lifecycleRole, nextReviewDue, transitionPlan, type PlanTransition } from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import { AppError, badInput, forbidden } from '../common/errors.js';
import { personNames } from '../people/people-directory.js';
import { PlanNotifier } from './plan-notifier.js';
import { PlanProposalsService } from './plan-proposals.service.js';
import { planApproverOf, requireAbility } from './plan-policy.js';
import { PlanReader } from './plan-reader.js';
import type { CreatePlanValue, PlanDetailRow, SignedInActor } from './plan-rows.js';
import { capitalise, PlanStore } from './plan-store.js';

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
const MOVE_SUBJECTS: Partial<Record<PlanTransition, (name: string) => string>> = {
  propose: (name) => `${name}'s development plan is waiting for your agreement`,
  agree: () => 'Your development plan was agreed',
  'send-back': () => 'Your development plan was sent back',
};

/** A plan's life: created towards a target, proposed, agreed or sent back, started, completed or abandoned; its review rhythm. */
@Injectable()
export class PlanLifecycleService {
  constructor(
    private readonly store: PlanStore,
    private readonly reader: PlanReader,
    private readonly notifier: PlanNotifier,
    private readonly proposals: PlanProposalsService,
  ) {}

  /** A draft plan towards a target role, with actions suggested from the gaps to it and to each step of the way. */
  createFromTarget(actor: SignedInActor, input: CreatePlanValue, now = new Date()): Promise<PlanDetailRow> {
    return this.notifier.run(actor.organisationId, async (manager) => {
      const fields: Record<string, string> = {};
      if (!isReviewRhythm(input.reviewRhythmWeeks)) fields.reviewRhythmWeeks = 'Review every 4, 6, 8 or 12 weeks.';
      if (!isTimeZone(input.timeZone)) fields.timeZone = `"${input.timeZone}" is not a time zone; use an IANA name such as Europe/London.`;
      if (Object.keys(fields).length > 0) throw badInput(fields);
      const role = await this.store.publishedRole(manager, actor.organisationId, input.targetRoleId, 'targetRoleId');
      const [open] = (await manager.query(
        `SELECT status FROM plans WHERE organisation_id = $1 AND person_id = $2 AND status NOT IN ('completed', 'abandoned')`,
        [actor.organisationId, actor.personId],
      )) as { status: string }[];
      if (open) throw new AppError('CONFLICT', `You already have a ${open.status} plan: change its direction instead of starting another.`);
      const version = await this.store.versions.read(manager, actor.organisationId, role.frameworkVersionId);
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
      await this.store.insertRevision(manager, actor, planId, revision, role.id);
      await this.proposals.store(manager, actor.organisationId, { id: planId, revision: 1 }, version, proposal);
      return this.reader.reload(manager, actor, planId, 'owner', now);
    });
  }

  /**
   * Moves a plan through its life, refusing stale versions and the wrong actor. A proposal goes to
   * whoever agrees the plan (`planApprover`: the manager, a named approver, the skip-level) and is
   * refused when nobody can; an agreement or a sending back tells the person, and marks the
   * reviewer's "proposed" notification read. In-app, and by e-mail after the commit when SMTP is set.
   */
  transition(actor: SignedInActor, planId: string, expectedVersion: number, action: PlanTransition, comment: string | null = null, now = new Date()): Promise<PlanDetailRow> {
    return this.notifier.run(actor.organisationId, async (manager, outbox) => {
      const { plan, subject } = await this.store.lockPlan(manager, actor, planId, expectedVersion);
      const result = transitionPlan(plan, action, lifecycleRole(subject.relationship), { comment });
      if (!result.ok) {
        throw result.refusal === 'not-allowed' ? forbidden(`do that: ${result.reason}`) : badInput({ status: capitalise(result.reason) + '.' });
      }
      let notify: { personId: string; message: string } | null = null;
      if (action === 'propose') {
        const approver = await planApproverOf(manager, actor.organisationId, plan.personId);
        // Nobody to agree it: say so instead of pretending it was sent.
        if (approver.kind === 'nobody') throw badInput({ status: approver.explanation });
        notify = { personId: approver.personId, message: `${subject.name} proposed their development plan for your agreement.` };
      } else if (action === 'agree' || action === 'send-back') {
        const who = subject.relationship === 'manager' ? 'Your manager' : ((await personNames(manager, actor.organisationId, [actor.personId])).get(actor.personId) ?? 'Your approver');
        notify = { personId: plan.personId, message: `${who} ${TRANSITION_WORDS[action].replace('the plan', 'your plan')}${action === 'send-back' ? `: "${comment!.trim()}"` : '.'}` };
        await this.notifier.markActedOn(manager, actor.organisationId, actor.personId, plan.id, ['plan-propose']);
      }
      await this.store.updatePlan(manager, actor, plan, TRANSITION_WORDS[action], {
        status: result.status,
        ...(action === 'agree' ? { agreed_at: now, review_due_on: nextReviewDue(now, plan.reviewRhythmWeeks, plan.timeZone) } : {}),
        ...(action === 'send-back' ? { sent_back_comment: comment!.trim() } : {}),
        ...(action === 'propose' ? { sent_back_comment: null } : {}),
      }, now);
      if (notify) {
        await this.notifier.notify(manager, actor.organisationId, outbox, {
          ...notify,
          kind: `plan-${action}`,
          planId,
          dedupeKey: `plan-${action}:${planId}:${plan.version + 1}`,
          mailSubject: MOVE_SUBJECTS[action]?.(subject.name),
        });
      }
      return this.reader.reload(manager, actor, planId, subject.relationship, now);
    });
  }

  /** The person changes how often the plan is reviewed; an agreed plan's next review moves with it. */
  setReviewRhythm(actor: SignedInActor, input: { planId: string; expectedVersion: number; reviewRhythmWeeks: number }, now = new Date()): Promise<PlanDetailRow> {
    return this.notifier.run(actor.organisationId, async (manager) => {
      const { plan, subject } = await this.store.lockPlan(manager, actor, input.planId, input.expectedVersion);
      requireAbility(subject, 'edit');
      const weeks = input.reviewRhythmWeeks;
      if (!isReviewRhythm(weeks)) throw badInput({ reviewRhythmWeeks: 'Review every 4, 6, 8 or 12 weeks.' });
      if (isClosedPlan(plan.status)) throw badInput({ planId: `The plan is ${plan.status}: it is no longer reviewed.` });
      const from = plan.lastReviewAt ?? plan.agreedAt;
      await this.store.updatePlan(manager, actor, plan, `set reviews every ${weeks} weeks`, {
        review_rhythm_weeks: weeks,
        ...(from ? { review_due_on: nextReviewDue(from, weeks, plan.timeZone) } : {}),
      }, now);
      return this.reader.reload(manager, actor, plan.id, 'owner', now);
    });
  }
}
