/**
 * A development plan's life: draft → proposed (to the manager) → agreed (or sent back with a
 * comment → draft) → active → completed | abandoned. Who may do what depends on the actor's
 * relationship to the plan's owner.
 */

export const PLAN_STATUSES = ['draft', 'proposed', 'agreed', 'active', 'completed', 'abandoned'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_TRANSITIONS = ['propose', 'withdraw', 'agree', 'send-back', 'start', 'complete', 'abandon'] as const;
export type PlanTransition = (typeof PLAN_TRANSITIONS)[number];

/**
 * owner: the person the plan belongs to; manager: their line manager; approver: whoever agrees the
 * plan of someone without an active manager (see planApprover), with the manager's part in its life;
 * other: anyone else.
 */
export type PlanRelationship = 'owner' | 'manager' | 'approver' | 'other';

interface TransitionRule {
  from: readonly PlanStatus[];
  to: PlanStatus;
  by: readonly PlanRelationship[];
  needsComment?: boolean;
}

const RULES: Record<PlanTransition, TransitionRule> = {
  propose: { from: ['draft'], to: 'proposed', by: ['owner'] },
  withdraw: { from: ['proposed'], to: 'draft', by: ['owner'] },
  agree: { from: ['proposed'], to: 'agreed', by: ['manager', 'approver'] },
  'send-back': { from: ['proposed'], to: 'draft', by: ['manager', 'approver'], needsComment: true },
  start: { from: ['agreed'], to: 'active', by: ['owner', 'manager', 'approver'] },
  complete: { from: ['active'], to: 'completed', by: ['owner'] },
  abandon: { from: ['draft', 'proposed', 'agreed', 'active'], to: 'abandoned', by: ['owner'] },
};

const WHO: Record<PlanRelationship, string> = {
  owner: 'the plan’s owner',
  manager: 'their manager',
  approver: 'the person who agrees their plan',
  other: 'someone else',
};

/** not-allowed: the actor may never make this move; wrong-status / comment-required: not now, or not like this. */
export type PlanRefusal = 'not-allowed' | 'wrong-status' | 'comment-required';
export type PlanTransitionResult = { ok: true; status: PlanStatus } | { ok: false; refusal: PlanRefusal; reason: string };

/** The status a plan moves to, or why the actor may not make that move now. */
export function transitionPlan(
  plan: { status: PlanStatus },
  action: PlanTransition,
  relationship: PlanRelationship,
  options: { comment?: string | null } = {},
): PlanTransitionResult {
  const rule = RULES[action];
  if (!rule.by.includes(relationship)) {
    const who = rule.by.filter((r) => r !== 'approver').map((r) => WHO[r]).join(' or ');
    const approver = rule.by.includes('approver') ? ' (or, for someone without an active manager, the person who agrees their plan)' : '';
    return { ok: false, refusal: 'not-allowed', reason: `only ${who} can ${action.replace('-', ' ')} a plan${approver}; you are ${WHO[relationship]}` };
  }
  if (!rule.from.includes(plan.status)) {
    return { ok: false, refusal: 'wrong-status', reason: `a ${plan.status} plan cannot be ${PAST[action]}; only a ${rule.from.join(' or ')} one can` };
  }
  if (rule.needsComment && !(options.comment ?? '').trim()) {
    return { ok: false, refusal: 'comment-required', reason: 'say why the plan is sent back: a comment is required' };
  }
  return { ok: true, status: rule.to };
}

const PAST: Record<PlanTransition, string> = {
  propose: 'proposed',
  withdraw: 'withdrawn',
  agree: 'agreed',
  'send-back': 'sent back',
  start: 'started',
  complete: 'completed',
  abandon: 'abandoned',
};

/** A plan that is finished can no longer change (no actions, check-ins or revisions). */
export function isClosedPlan(status: PlanStatus): boolean {
  return status === 'completed' || status === 'abandoned';
}

// ---------------------------------------------------------------------------------------------
// Actions

export const PLAN_ACTION_STATUSES = ['not-started', 'in-progress', 'done', 'dropped'] as const;
export type PlanActionStatus = (typeof PLAN_ACTION_STATUSES)[number];

/** Why an action cannot be changed on a plan in this status, or null when it can. */
export function actionChangeProblem(planStatus: PlanStatus, change: 'content' | 'progress'): string | null {
  if (isClosedPlan(planStatus)) return `the plan is ${planStatus}: its actions can no longer change`;
  // What was agreed stays agreed: changing the content of an action sends the plan back through agreement.
  if (change === 'content' && planStatus !== 'draft') {
    return `the plan is ${planStatus}: change its actions through a new revision, or while it is a draft`;
  }
  if (change === 'progress' && (planStatus === 'draft' || planStatus === 'proposed')) {
    return `the plan is ${planStatus}: progress is recorded once the plan is agreed`;
  }
  return null;
}

/** Share of the actions done, among those not dropped (0..1); null when there are none. */
export function actionProgress(actions: readonly { status: PlanActionStatus }[]): number | null {
  const counted = actions.filter((a) => a.status !== 'dropped');
  if (counted.length === 0) return null;
  return counted.filter((a) => a.status === 'done').length / counted.length;
}
