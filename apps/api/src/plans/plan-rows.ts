import type { PlanAbilities, PlanActionStatus, PlanRevision, PlanStatus, ReviewState, RevisionOutcome, RevisionReason } from '@trellis/domain';
import type { Actor } from '../audit/audit.service.js';
import { peopleSql } from '../people/people-directory.js';
import type { Relationship } from './plan-policy.js';
import type { StoredProposal } from './plan-proposals.service.js';
import type { ReadinessRow } from './plan-readiness.js';

/** The rows the plan services read and return (the GraphQL models map them). */

export type SignedInActor = Actor & { personId: string };
export interface PlanRow {
  id: string;
  personId: string;
  frameworkVersionId: string;
  targetRoleId: string;
  status: PlanStatus;
  reviewRhythmWeeks: number;
  timeZone: string;
  revision: number;
  agreedAt: Date | null;
  lastReviewAt: Date | null;
  reviewDueOn: string | null;
  lastActivityAt: Date;
  sentBackComment: string | null;
  version: number;
  lastChangedById: string | null;
  lastChangedByName: string | null;
  lastChange: string | null;
  createdAt: Date;
}

export interface PlanActionRow {
  id: string;
  planId: string;
  revisionNumber: number;
  position: number;
  type: string;
  title: string;
  description: string;
  qualificationId: string | null;
  dueOn: string | null;
  status: PlanActionStatus;
  evidence: string | null;
  doneAt: Date | null;
  /** The proposal's suggestion the action was chosen from; null for the person's own. */
  suggestionId: string | null;
  skillKeys: string[];
  /** A mentor's sign-off of its evidence (shown with the evidence, to whoever may see it). */
  signOff?: { byId: string; byName: string; at: Date; note: string } | null;
}

export interface PlanRevisionRow {
  planId: string;
  number: number;
  reason: RevisionReason;
  note: string | null;
  targetRoleId: string;
  frameworkVersionId: string;
  baseline: PlanRevision['baseline'];
  /** The focused proposal of the revision (null before focused plans). */
  proposal: StoredProposal | null;
  createdById: string;
  createdAt: Date;
}

export interface CheckInRow {
  id: string;
  planId: string;
  revisionNumber: number;
  reflection: string;
  progress: { actionId: string; status: PlanActionStatus; note: string | null }[];
  /** How each focus skill went. */
  focus: { skillKey: string; progress: string; note: string | null }[];
  /** Only filled for the check-in's author (see `details`). */
  privateNote: string | null;
  recordedById: string;
  recordedAt: Date;
}

export type { ReadinessRow } from './plan-readiness.js';

/** A plan with everything the plan page shows, computed in a fixed number of statements for any number of plans. */
export interface PlanDetailRow extends PlanRow {
  relationship: Relationship;
  /** What the viewer may do with this plan (the plan policy's answer). */
  viewerCan: PlanAbilities;
  actions: PlanActionRow[];
  revisions: PlanRevisionRow[];
  checkIns: CheckInRow[];
  reviewState: ReviewState | null;
  stale: boolean;
  readiness: ReadinessRow;
  planVsActual: RevisionOutcome[];
}

export interface TeamPlanRow {
  personId: string;
  plan: PlanDetailRow | null;
  overdue: boolean;
  waitingForAgreement: boolean;
}

export interface CreatePlanValue {
  targetRoleId: string;
  reviewRhythmWeeks: number;
  timeZone: string;
}
export interface UpdateActionValue {
  actionId: string;
  expectedPlanVersion: number;
  status?: PlanActionStatus | null;
  evidence?: string | null;
  dueOn?: string | null;
  type?: string | null;
  skillKeys?: string[] | null;
}
export interface AddActionValue {
  planId: string;
  expectedVersion: number;
  type: string;
  title: string;
  description: string | null;
  skillKeys: string[];
  dueOn: string | null;
}
export interface CheckInValue {
  planId: string;
  expectedVersion: number;
  reflection: string;
  progress: { actionId: string; status: PlanActionStatus; note?: string | null }[];
  focus?: { skillKey: string; progress: string; note?: string | null }[];
  privateNote?: string | null;
}
export interface ChangeDirectionValue {
  planId: string;
  expectedVersion: number;
  targetRoleId: string;
  reason: Exclude<RevisionReason, 'initial'>;
  note?: string | null;
}

export const PLAN_COLUMNS = `pl.id, pl.person_id AS "personId", pl.framework_version_id AS "frameworkVersionId", pl.target_role_id AS "targetRoleId",
  pl.status, pl.review_rhythm_weeks AS "reviewRhythmWeeks", pl.time_zone AS "timeZone", pl.revision, pl.agreed_at AS "agreedAt",
  pl.last_review_at AS "lastReviewAt", to_char(pl.review_due_on, 'YYYY-MM-DD') AS "reviewDueOn", pl.last_activity_at AS "lastActivityAt",
  pl.sent_back_comment AS "sentBackComment", pl.version, pl.last_changed_by_id AS "lastChangedById",
  ${peopleSql.name('pl.organisation_id', 'pl.last_changed_by_id')} AS "lastChangedByName",
  pl.last_change AS "lastChange", pl.created_at AS "createdAt"`;

/** The plan a person's pages show: their open plan, else the latest closed one. */
export const CURRENT_PLAN_ORDER = `(pl.status IN ('completed', 'abandoned')), pl.created_at DESC, pl.id`;
