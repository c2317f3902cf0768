import { Injectable } from '@nestjs/common';
import { isClosedPlan, revisePlan } from '@trellis/domain';
import { badInput } from '../common/errors.js';
import { PlanNotifier } from './plan-notifier.js';
import { PlanProposalsService } from './plan-proposals.service.js';
import { requireAbility } from './plan-policy.js';
import { PlanReader } from './plan-reader.js';
import type { ChangeDirectionValue, PlanDetailRow, SignedInActor } from './plan-rows.js';
import { capitalise, PlanStore, toDomainRevision } from './plan-store.js';

/** A plan's direction: each change (a new target role, a re-baseline, another reason) is a new revision, back to draft for agreement. */
@Injectable()
export class PlanDirectionService {
  constructor(
    private readonly store: PlanStore,
    private readonly reader: PlanReader,
    private readonly notifier: PlanNotifier,
    private readonly proposals: PlanProposalsService,
  ) {}

  changeDirection(actor: SignedInActor, input: ChangeDirectionValue, now = new Date()): Promise<PlanDetailRow> {
    return this.notifier.run(actor.organisationId, async (manager) => {
      const { plan, subject } = await this.store.lockPlan(manager, actor, input.planId, input.expectedVersion);
      requireAbility(subject, 'edit');
      if (isClosedPlan(plan.status)) throw badInput({ planId: `The plan is ${plan.status}: start a new plan instead.` });
      const role = await this.store.publishedRole(manager, actor.organisationId, input.targetRoleId, 'targetRoleId');
      const version = await this.store.versions.read(manager, actor.organisationId, role.frameworkVersionId);
      const revisions = await this.store.revisionsOf(manager, actor.organisationId, [plan.id]);
      const roleKeys = await this.store.roleKeys(manager, actor.organisationId, revisions.map((r) => r.targetRoleId));
      const { targets, proposal } = await this.proposals.propose(manager, actor.organisationId, plan.personId, version, role.key);
      const result = revisePlan(
        revisions.map((r) => toDomainRevision(r, roleKeys)),
        { reason: input.reason, note: input.note ?? null, targetRoleKey: role.key, frameworkVersionId: version.versionId, at: now, gaps: targets },
      );
      if (!result.ok) throw badInput({ [input.reason === 'new-target-role' ? 'targetRoleId' : 'note']: capitalise(result.reason) + '.' });
      await this.store.insertRevision(manager, actor, plan.id, result.revision, role.id);
      await this.proposals.store(manager, actor.organisationId, { id: plan.id, revision: result.revision.number }, version, proposal);
      await this.store.updatePlan(manager, actor, plan, `changed direction (revision ${result.revision.number}: ${input.reason})`, {
        status: 'draft',
        target_role_id: role.id,
        framework_version_id: version.versionId,
        revision: result.revision.number,
        agreed_at: null,
        review_due_on: null,
        sent_back_comment: null,
      }, now);
      return this.reader.reload(manager, actor, plan.id, 'owner', now);
    });
  }
}
