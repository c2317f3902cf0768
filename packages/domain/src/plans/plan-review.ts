import { z } from 'zod';
import { isClosedPlan, type PlanActionStatus, type PlanStatus } from './lifecycle.js';
import type { PlanAbilities } from './policy.js';
import { multiLineText, uuidSchema, versionSchema } from '../validation/text.js';

/**
 * Review on a plan (issue 10, point 7): threaded comments on the plan and on its actions, and a
 * mentor's sign-off of an action's evidence. Who may comment or sign off is the plan policy's
 * (`comment`, `signOff`); these rules say when and how.
 */

export const MAX_PLAN_COMMENT_LENGTH = 4000;
/** Replies nest at most this deep (a reply to a reply to a comment), so threads stay readable at phone width. */
export const MAX_PLAN_COMMENT_DEPTH = 3;
export const MAX_PLAN_SIGN_OFF_NOTE_LENGTH = 1000;

export const addPlanCommentInputSchema = z.object({
  planId: uuidSchema,
  /** The action it is about; null for the plan as a whole. A reply takes its parent's. */
  actionId: uuidSchema.nullable().default(null),
  parentId: uuidSchema.nullable().default(null),
  body: multiLineText(MAX_PLAN_COMMENT_LENGTH).refine((value) => value.trim().length > 0, 'Write something to post.'),
});
export type AddPlanCommentInput = z.output<typeof addPlanCommentInputSchema>;

export const signOffEvidenceInputSchema = z.object({
  actionId: uuidSchema,
  expectedPlanVersion: versionSchema,
  note: multiLineText(MAX_PLAN_SIGN_OFF_NOTE_LENGTH).default(''),
});
export type SignOffEvidenceInput = z.output<typeof signOffEvidenceInputSchema>;

export const withdrawSignOffInputSchema = z.object({ actionId: uuidSchema, expectedPlanVersion: versionSchema });
export type WithdrawSignOffInput = z.output<typeof withdrawSignOffInputSchema>;

/** Why this comment cannot be posted, by field (empty when it can). `parent` is the comment replied to, if any. */
export function planCommentProblems(
  can: Pick<PlanAbilities, 'comment'>,
  plan: { status: PlanStatus },
  input: { actionId: string | null },
  parent: { depth: number; actionId: string | null } | null | undefined,
  actionInPlan: boolean,
): Record<string, string> {
  if (!can.comment) return { planId: 'You may not comment on this plan.' };
  if (isClosedPlan(plan.status)) return { planId: `The plan is ${plan.status}: its comments stay readable, and no new ones are added.` };
  const fields: Record<string, string> = {};
  if (input.actionId !== null && !actionInPlan) fields.actionId = 'Not an action of this plan.';
  if (parent === undefined) fields.parentId = 'Not a comment on this plan.';
  else if (parent !== null) {
    if (parent.depth + 1 >= MAX_PLAN_COMMENT_DEPTH) fields.parentId = `Replies nest at most ${MAX_PLAN_COMMENT_DEPTH} deep: reply to an earlier comment.`;
    else if (parent.actionId !== input.actionId) fields.actionId = 'A reply is about what its comment is about.';
  }
  return fields;
}

/** Why the viewer may not sign off this action's evidence now, or null. */
export function signOffEvidenceProblem(
  can: Pick<PlanAbilities, 'signOff'>,
  plan: { status: PlanStatus },
  action: { status: PlanActionStatus; evidence: string | null; signedOffById: string | null },
): string | null {
  if (!can.signOff) return 'only their manager or a mentor the evidence is shared with signs it off';
  if (isClosedPlan(plan.status)) return `the plan is ${plan.status}: its actions no longer change`;
  if (action.status !== 'done') return 'only a done action’s evidence can be signed off';
  if (!action.evidence || action.evidence.trim() === '') return 'this action has no evidence to sign off yet';
  if (action.signedOffById !== null) return 'this evidence is already signed off';
  return null;
}

/** Why the viewer may not withdraw this sign-off, or null: only its author, while they may still sign off. */
export function withdrawSignOffProblem(viewerId: string, can: Pick<PlanAbilities, 'signOff'>, signOff: { signedOffById: string } | null): string | null {
  if (!signOff) return 'this action’s evidence is not signed off';
  if (signOff.signedOffById !== viewerId) return 'only whoever signed it off can withdraw a sign-off';
  if (!can.signOff) return 'the evidence is no longer shared with you';
  return null;
}

/**
 * What adding an action from outside the plan's own editing (a mentoring session's next step the
 * owner accepts) does to the plan. A draft just takes it. What was agreed stays agreed, so a
 * proposed, agreed or active plan takes it only by going back to draft for agreement again (as
 * a change of direction does); the owner is told that before they accept. A closed plan takes nothing.
 */
export type ActionAdditionEffect = { ok: true; backToDraft: boolean; warning: string | null } | { ok: false; reason: string };

export function actionAdditionEffect(planStatus: PlanStatus): ActionAdditionEffect {
  if (isClosedPlan(planStatus)) return { ok: false, reason: `the plan is ${planStatus}: start a new plan to add actions` };
  if (planStatus === 'draft') return { ok: true, backToDraft: false, warning: null };
  const was = planStatus === 'proposed' ? 'waiting for agreement' : planStatus;
  return { ok: true, backToDraft: true, warning: `Your plan is ${was}: adding this action sends it back to draft, to be proposed and agreed again.` };
}
