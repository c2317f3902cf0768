import type { PlanActionStatus } from './lifecycle.js';

/**
 * Plan revisions: changing direction or re-baselining creates a new revision with its reason; earlier
 * revisions are kept, so "plan vs actual" can be seen over time.
 */

export const REVISION_REASONS = ['initial', 'new-target-role', 're-baseline', 'other'] as const;
export type RevisionReason = (typeof REVISION_REASONS)[number];

/** A skill's level when the revision was made, and the level the revision aims at. */
export interface BaselineSkill {
  skillKey: string;
  baselineLevel: number;
  targetLevel: number;
}

export interface PlanRevision {
  number: number;
  reason: RevisionReason;
  note: string | null;
  targetRoleKey: string;
  frameworkVersionId: string;
  createdAt: Date;
  baseline: BaselineSkill[];
}

export interface RevisionRequest {
  reason: Exclude<RevisionReason, 'initial'>;
  note?: string | null;
  targetRoleKey: string;
  frameworkVersionId: string;
  at: Date;
  /** The gaps to the (new) target, measured today. */
  gaps: readonly { skillKey: string; currentLevel: number | null; requiredLevel: number }[];
}

export type RevisionResult = { ok: true; revisions: PlanRevision[]; revision: PlanRevision } | { ok: false; reason: string };

/**
 * The gaps whose level is known (rated or assumed), as the revision's baseline. A skill whose level is
 * unknown (currentLevel null) is left out, by the rule of known-profile.ts: its shortfall is not known,
 * so it is neither planned nor counted as closed.
 */
function baselineOf(gaps: RevisionRequest['gaps']): BaselineSkill[] {
  return gaps
    .filter((g): g is typeof g & { currentLevel: number } => g.currentLevel !== null)
    .map((g) => ({ skillKey: g.skillKey, baselineLevel: g.currentLevel, targetLevel: g.requiredLevel }));
}

/** The first revision of a new plan. */
export function initialRevision(request: Omit<RevisionRequest, 'reason'>): PlanRevision {
  return {
    number: 1,
    reason: 'initial',
    note: request.note?.trim() || null,
    targetRoleKey: request.targetRoleKey,
    frameworkVersionId: request.frameworkVersionId,
    createdAt: request.at,
    baseline: baselineOf(request.gaps),
  };
}

/**
 * The revisions after revising the plan (earlier ones unchanged), or why the revision makes no sense:
 * a new target role must differ from the current one, a re-baseline needs a different framework
 * version, and "other" needs a note saying why.
 */
export function revisePlan(revisions: readonly PlanRevision[], request: RevisionRequest): RevisionResult {
  const latest = revisions.reduce<PlanRevision | null>((a, r) => (!a || r.number > a.number ? r : a), null);
  if (!latest) return { ok: false, reason: 'the plan has no revision to revise' };
  if (request.reason === 'new-target-role' && request.targetRoleKey === latest.targetRoleKey) {
    return { ok: false, reason: `the plan already aims at "${latest.targetRoleKey}": choose a different target role` };
  }
  if (request.reason === 're-baseline' && request.frameworkVersionId === latest.frameworkVersionId) {
    return { ok: false, reason: 'a re-baseline follows a new framework version; the plan is already on this one' };
  }
  if (request.reason === 'other' && !request.note?.trim()) {
    return { ok: false, reason: 'say why the plan is revised: a note is required' };
  }
  if (request.at.getTime() < latest.createdAt.getTime()) {
    return { ok: false, reason: 'a revision cannot be dated before the one it revises' };
  }
  const revision: PlanRevision = {
    number: latest.number + 1,
    reason: request.reason,
    note: request.note?.trim() || null,
    targetRoleKey: request.targetRoleKey,
    frameworkVersionId: request.frameworkVersionId,
    createdAt: request.at,
    baseline: baselineOf(request.gaps),
  };
  return { ok: true, revisions: [...revisions, revision], revision };
}

export interface RevisionOutcome {
  number: number;
  reason: RevisionReason;
  targetRoleKey: string;
  /** Levels short of the targets when the revision was made. */
  plannedShortfall: number;
  /** Levels closed on the revision's skills, from its baseline to the level at its end (or today, for the latest). */
  closedShortfall: number;
  actionsPlanned: number;
  actionsDone: number;
  actionsDropped: number;
}

/**
 * Plan vs actual, revision by revision. `levelsAt(instant)` gives the assessed levels as they stood
 * then (profileAt); a revision ends where the next begins, the latest at `now`.
 */
export function planVsActual(
  revisions: readonly PlanRevision[],
  actions: readonly { revisionNumber: number; status: PlanActionStatus }[],
  levelsAt: (at: Date) => Readonly<Record<string, number>>,
  now: Date,
): RevisionOutcome[] {
  const ordered = [...revisions].sort((a, b) => a.number - b.number);
  return ordered.map((revision, i) => {
    const end = ordered[i + 1]?.createdAt ?? now;
    const levels = levelsAt(end);
    const plannedShortfall = revision.baseline.reduce((sum, s) => sum + Math.max(0, s.targetLevel - s.baselineLevel), 0);
    const closedShortfall = revision.baseline.reduce((sum, s) => {
      const reached = Math.min(s.targetLevel, levels[s.skillKey] ?? 0);
      return sum + Math.max(0, reached - Math.min(s.targetLevel, s.baselineLevel));
    }, 0);
    const own = actions.filter((a) => a.revisionNumber === revision.number);
    return {
      number: revision.number,
      reason: revision.reason,
      targetRoleKey: revision.targetRoleKey,
      plannedShortfall,
      closedShortfall,
      actionsPlanned: own.length,
      actionsDone: own.filter((a) => a.status === 'done').length,
      actionsDropped: own.filter((a) => a.status === 'dropped').length,
    };
  });
}
