import { z } from 'zod';
import type { RelationshipStatus } from './relationships.js';
import { idSchema, multilineText, skillKeySchema } from './text.js';

/**
 * What the mentor sees is the mentee's choice (issue 10, point 5). Per relationship the mentee
 * shares any of: the plan (read), comments on the plan and its actions, their assessments, their
 * check-ins (never anyone's private notes) and the evidence of their actions (which the mentor may
 * then sign off). Nothing is shared by default. A change or a revoke takes effect at once (the API
 * reads the sharing on every request), and the mentor sees the mentee's data only while the
 * relationship is active or paused: a request does not open anything, and an ended relationship
 * keeps its own history (sessions, comments) readable by both sides but no longer opens the
 * mentee's plan or assessments. Nobody else gains anything from a mentorship.
 */

export const SHARE_ITEMS = ['plan', 'planComments', 'assessments', 'checkIns', 'evidence'] as const;
export type ShareItem = (typeof SHARE_ITEMS)[number];

/** What the mentee shares with one mentor. */
export type Sharing = Record<ShareItem, boolean>;

export const NOTHING_SHARED: Readonly<Sharing> = { plan: false, planComments: false, assessments: false, checkIns: false, evidence: false };

export const SHARE_ITEM_LABELS: Readonly<Record<ShareItem, string>> = {
  plan: 'My development plan, with the skill ratings it shows',
  planComments: 'Comments on my plan and its actions',
  assessments: 'My skill assessments',
  checkIns: 'My check-ins (never private notes)',
  evidence: 'The evidence on my actions (so my mentor can sign it off)',
};

/**
 * A change of sharing, as the mentee's form sends it. Comments, check-ins and evidence live in the
 * plan, so each needs the plan shared too; the rule is applied by {@link normaliseSharing}, not
 * refused: switching the plan off switches them off with it.
 */
export const sharingInputSchema = z.object({
  mentorshipId: idSchema,
  plan: z.boolean(),
  planComments: z.boolean(),
  assessments: z.boolean(),
  checkIns: z.boolean(),
  evidence: z.boolean(),
});
export type SharingInput = z.output<typeof sharingInputSchema>;

/** The sharing as stored: items that live in the plan are off unless the plan is shared. */
export function normaliseSharing(sharing: Sharing): Sharing {
  const plan = sharing.plan;
  // The plan shows the skill levels it is built on (readiness, gaps), so sharing it shares the assessments.
  return { plan, planComments: plan && sharing.planComments, assessments: plan || sharing.assessments, checkIns: plan && sharing.checkIns, evidence: plan && sharing.evidence };
}

/** Whether a relationship in this status opens the mentee's shared data to the mentor. */
export function sharingApplies(status: RelationshipStatus): boolean {
  return status === 'active' || status === 'paused';
}

/** Who is looking, as the relationship sees them. */
export type ViewerPart = 'mentee' | 'mentor' | 'other';

/**
 * What a viewer may see of the mentee's own data through this relationship: everything for the
 * mentee (it is theirs), the shared items for the mentor while it is open, nothing for anyone else.
 */
export function sharedScope(relationship: { status: RelationshipStatus; sharing: Sharing }, viewer: ViewerPart): Sharing {
  if (viewer === 'mentee') return { plan: true, planComments: true, assessments: true, checkIns: true, evidence: true };
  if (viewer !== 'mentor' || !sharingApplies(relationship.status)) return { ...NOTHING_SHARED };
  return normaliseSharing(relationship.sharing);
}

/**
 * The union of what a viewer sees of one person across every relationship between them (a mentor
 * may have had several with the same mentee over time; at most one is open). What the plans'
 * PlanPolicy asks (`sharedScopeFor(viewerId, personId)`).
 */
export function combinedScope(relationships: readonly { status: RelationshipStatus; sharing: Sharing }[], viewer: ViewerPart): Sharing {
  const scope: Sharing = { ...NOTHING_SHARED };
  for (const r of relationships) {
    const s = sharedScope(r, viewer);
    for (const item of SHARE_ITEMS) scope[item] = scope[item] || s[item];
  }
  return scope;
}

/** The items newly shared and newly revoked between two sharings (for the audit event and the mentor's notification). */
export function sharingChanges(before: Sharing, after: Sharing): { shared: ShareItem[]; revoked: ShareItem[] } {
  return {
    shared: SHARE_ITEMS.filter((item) => !before[item] && after[item]),
    revoked: SHARE_ITEMS.filter((item) => before[item] && !after[item]),
  };
}

/** A check-in as the viewer may read it: a private note only for its author. */
export function redactPrivateNote<T extends { privateNote: string | null; recordedById: string }>(checkIn: T, viewerId: string): T {
  return checkIn.recordedById === viewerId ? checkIn : { ...checkIn, privateNote: null };
}

// ---------------------------------------------------------------------------------------------
// Mentor review (issue 10, point 7): threaded comments, evidence sign-offs, mentor assessments

export const MAX_COMMENT_LENGTH = 4000;
/** Replies nest at most this deep (a reply to a reply to a comment), so threads stay readable. */
export const MAX_COMMENT_DEPTH = 3;

/** A comment in a mentorship: on the relationship itself, on the mentee's plan, or on one of its actions; optionally a reply. */
export const commentInputSchema = z.object({
  mentorshipId: idSchema,
  body: multilineText(MAX_COMMENT_LENGTH, { min: 1 }),
  parentId: idSchema.nullable().default(null),
  planActionId: idSchema.nullable().default(null),
});
export type CommentInput = z.output<typeof commentInputSchema>;

/** Why a side may not comment now, or null. Comments on the plan or an action need the plan's comments shared. */
export function commentProblem(
  relationship: { status: RelationshipStatus; sharing: Sharing },
  by: ViewerPart,
  comment: { onPlan: boolean; parentDepth: number | null },
): string | null {
  if (by === 'other') return 'only the mentee and the mentor comment in a mentorship';
  if (relationship.status === 'ended') return 'the mentorship has ended: its comments stay readable, and no new ones are added';
  if (relationship.status === 'requested') return 'comments start once the mentor accepts';
  if (comment.parentDepth !== null && comment.parentDepth + 1 >= MAX_COMMENT_DEPTH) return `replies nest at most ${MAX_COMMENT_DEPTH} deep: reply to an earlier comment`;
  if (comment.onPlan && by === 'mentor' && !sharedScope(relationship, 'mentor').planComments) return 'the mentee has not shared comments on their plan with you';
  return null;
}

export const MAX_SIGN_OFF_NOTE_LENGTH = 1000;
/** The mentor confirms an action's evidence. */
export const signOffInputSchema = z.object({
  mentorshipId: idSchema,
  planActionId: idSchema,
  note: multilineText(MAX_SIGN_OFF_NOTE_LENGTH).default(''),
});
export type SignOffInput = z.output<typeof signOffInputSchema>;

/** Why the mentor may not sign off this action now, or null. The action must be done and have evidence the mentee shares. */
export function signOffProblem(
  relationship: { status: RelationshipStatus; sharing: Sharing },
  by: ViewerPart,
  action: { status: string; evidence: string | null } | null,
): string | null {
  if (by !== 'mentor') return 'only the mentor signs off evidence';
  if (relationship.status !== 'active') return 'sign-offs are made in an active mentorship';
  if (!sharedScope(relationship, 'mentor').evidence) return 'the mentee has not shared the evidence on their actions with you';
  if (!action) return 'that action is not in the plan shared with you';
  if (action.status !== 'done') return 'only a done action’s evidence can be signed off';
  if (!action.evidence || action.evidence.trim() === '') return 'this action has no evidence to sign off yet';
  return null;
}

export const MAX_MENTOR_ASSESSMENT_NOTE_LENGTH = 2000;
/** The mentor's assessment of one of the relationship's focus skills: a third source beside self and manager. */
export const mentorAssessmentInputSchema = z.object({
  mentorshipId: idSchema,
  skillKey: skillKeySchema,
  level: z.number({ message: 'must be a whole number' }).int({ message: 'must be a whole number' }).min(1, { message: 'choose a level on the scale' }).max(100, { message: 'choose a level on the scale' }),
  note: multilineText(MAX_MENTOR_ASSESSMENT_NOTE_LENGTH).default(''),
});
export type MentorAssessmentInput = z.output<typeof mentorAssessmentInputSchema>;

/** Field errors for a mentor assessment that does not fit the relationship (empty when it fits). */
export function mentorAssessmentProblems(
  relationship: { status: RelationshipStatus; focusSkillKeys: readonly string[] },
  by: ViewerPart,
  input: { skillKey: string; level: number },
  scale: readonly { level: number }[],
): Record<string, string> {
  if (by !== 'mentor') return { mentorshipId: 'only the mentor adds a mentor assessment' };
  if (relationship.status !== 'active' && relationship.status !== 'paused') return { mentorshipId: 'mentor assessments are added while the mentorship is open' };
  const fields: Record<string, string> = {};
  if (!relationship.focusSkillKeys.includes(input.skillKey)) fields.skillKey = 'not one of this mentorship’s focus skills';
  if (scale.length > 0 && !scale.some((l) => l.level === input.level)) fields.level = `choose a level from ${Math.min(...scale.map((l) => l.level))} to ${Math.max(...scale.map((l) => l.level))}`;
  return fields;
}

export interface ThreadComment {
  id: string;
  parentId: string | null;
  createdAt: Date;
}

/** Comments as threads: roots oldest first, each followed by its replies (depth-first, oldest first), with their depth. */
export function threadComments<T extends ThreadComment>(comments: readonly T[]): { comment: T; depth: number }[] {
  const byParent = new Map<string | null, T[]>();
  const ids = new Set(comments.map((c) => c.id));
  for (const c of comments) {
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), c]);
  }
  const order = (a: T, b: T) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const out: { comment: T; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const c of [...(byParent.get(parent) ?? [])].sort(order)) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      out.push({ comment: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
