/**
 * Who may do what with a person's development plan: one table for every page and every API call.
 *
 * A viewer is, to the plan's owner (first that fits):
 * - `owner`: the person themselves;
 * - `manager`: their line manager (people.manager_id);
 * - `approver`: whoever agrees the plan when the person has no active manager (see `planApprover`:
 *   an approver an admin named, or the skip-level);
 * - `mentor`: a mentor the person shares their plan with, in an open mentorship. What else they
 *   may do is what the mentee shares in that mentorship (`MentorShare`: comment, see check-ins, see
 *   the evidence and sign it off); the mentoring module plugs its lookup into the API's PlanPolicy,
 *   read afresh on every request. A mentor the plan is not shared with is `other` to the plan.
 * - `shared`: someone the person shared their plan with (read only);
 * - `other`: anyone else, admins included (an admin runs the organisation, not its people's plans).
 */
export const PLAN_VIEWER_KINDS = ['owner', 'manager', 'approver', 'mentor', 'shared', 'other'] as const;
export type PlanViewerKind = (typeof PLAN_VIEWER_KINDS)[number];

/**
 * - `view`: read the plan, its check-ins (not others' private notes), readiness and assessments;
 * - `edit`: change the plan's content (actions, direction, rhythm), abandon or complete it;
 * - `propose`: propose it for agreement, or withdraw the proposal;
 * - `review`: agree it, or send it back with a comment;
 * - `comment`: say something on it (a send-back comment today; review comments later);
 * - `checkIn`: record a check-in;
 * - `rate`: add a rating of the person's skills other than their own (the manager's rating);
 * - `share`: choose who else sees it;
 * - `seeCheckIns`: read its check-ins (never someone else's private note);
 * - `seeEvidence`: read the evidence recorded on its actions;
 * - `signOff`: confirm an action's evidence (the manager's, or a mentor's the evidence is shared with), and withdraw one's own.
 */
export const PLAN_ABILITIES = ['view', 'edit', 'propose', 'review', 'comment', 'checkIn', 'rate', 'share', 'seeCheckIns', 'seeEvidence', 'signOff'] as const;
export type PlanAbility = (typeof PLAN_ABILITIES)[number];
export type PlanAbilities = Record<PlanAbility, boolean>;

const none: PlanAbilities = {
  view: false,
  edit: false,
  propose: false,
  review: false,
  comment: false,
  checkIn: false,
  rate: false,
  share: false,
  seeCheckIns: false,
  seeEvidence: false,
  signOff: false,
};
const reads = { view: true, seeCheckIns: true, seeEvidence: true };

/** The most each kind may do; a mentor's row is narrowed by what the mentee shares (`MentorShare`). */
const TABLE: Record<PlanViewerKind, PlanAbilities> = {
  owner: { ...none, ...reads, edit: true, propose: true, comment: true, checkIn: true, share: true },
  manager: { ...none, ...reads, review: true, comment: true, checkIn: true, rate: true, signOff: true },
  approver: { ...none, ...reads, review: true, comment: true },
  mentor: { ...none, ...reads, comment: true, signOff: true },
  shared: { ...none, ...reads },
  other: none,
};

/**
 * What the mentee shares with a mentor beyond the plan itself (the mentorship's switches): comments
 * on the plan and its actions, the check-ins, the evidence on actions (which the mentor may then sign off).
 */
export interface MentorShare {
  comments: boolean;
  checkIns: boolean;
  evidence: boolean;
}
export const NO_MENTOR_SHARE: Readonly<MentorShare> = { comments: false, checkIns: false, evidence: false };

/**
 * What a viewer of this kind may do with the plan (a fresh object: callers may keep it). A mentor
 * gets the plan and only what `share` adds (nothing more when it is left out).
 */
export function planAbilities(kind: PlanViewerKind, share: Readonly<MentorShare> = NO_MENTOR_SHARE): PlanAbilities {
  const row = { ...TABLE[kind] };
  if (kind !== 'mentor') return row;
  return { ...row, comment: share.comments, seeCheckIns: share.checkIns, seeEvidence: share.evidence, signOff: share.evidence };
}

/** The most a viewer of this kind may do (a mentor: when the mentee shares everything). */
export function mayOnPlan(kind: PlanViewerKind, ability: PlanAbility): boolean {
  return TABLE[kind][ability];
}

/** The relationship the plan's life (`transitionPlan`) knows: viewers who only see count as anyone else. */
export function lifecycleRole(kind: PlanViewerKind): 'owner' | 'manager' | 'approver' | 'other' {
  return kind === 'owner' || kind === 'manager' || kind === 'approver' ? kind : 'other';
}

/**
 * The kind of viewer, from the facts the API reads. `approverId` is whoever `planApprover` names
 * (the manager included); `mentor` and `shared` are whether those relationships exist.
 */
export function planViewerKind(facts: {
  viewerId: string;
  ownerId: string;
  managerId: string | null;
  managerActive: boolean;
  approverId: string | null;
  shared: boolean;
  mentor: boolean;
}): PlanViewerKind {
  if (facts.viewerId === facts.ownerId) return 'owner';
  if (facts.managerId === facts.viewerId && facts.managerActive) return 'manager';
  if (facts.approverId === facts.viewerId) return 'approver';
  if (facts.mentor) return 'mentor';
  if (facts.shared) return 'shared';
  return 'other';
}
