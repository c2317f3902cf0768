/**
 * Who may do what with a person's development plan: one table for every page and every API call.
 *
 * A viewer is, to the plan's owner (first that fits):
 * - `owner`: the person themselves;
 * - `manager`: their line manager (people.manager_id);
 * - `approver`: whoever agrees the plan when the person has no active manager (see `planApprover`:
 *   an approver an admin named, or the skip-level);
 * - `mentor`: someone mentoring the person. They see only what the mentee shares with them
 *   (`shared` rights), and may comment. Nothing resolves a viewer to `mentor` yet: the mentoring
 *   module plugs its relationship lookup into the API's PlanPolicy.
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
 * - `share`: choose who else sees it.
 */
export const PLAN_ABILITIES = ['view', 'edit', 'propose', 'review', 'comment', 'checkIn', 'rate', 'share'] as const;
export type PlanAbility = (typeof PLAN_ABILITIES)[number];
export type PlanAbilities = Record<PlanAbility, boolean>;

const none: PlanAbilities = { view: false, edit: false, propose: false, review: false, comment: false, checkIn: false, rate: false, share: false };

const TABLE: Record<PlanViewerKind, PlanAbilities> = {
  owner: { ...none, view: true, edit: true, propose: true, comment: true, checkIn: true, share: true },
  manager: { ...none, view: true, review: true, comment: true, checkIn: true, rate: true },
  approver: { ...none, view: true, review: true, comment: true },
  mentor: { ...none, view: true, comment: true },
  shared: { ...none, view: true },
  other: none,
};

/** What a viewer of this kind may do with the plan (a fresh object: callers may keep it). */
export function planAbilities(kind: PlanViewerKind): PlanAbilities {
  return { ...TABLE[kind] };
}

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
