import { Injectable } from '@nestjs/common';
import { PLAN_ACTION_TYPES, type HeldQualification, type PlanRevision } from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { AppError, badInput, notFound } from '../common/errors.js';
import { publishedRole, qualificationKeys, rolesByIds } from '../frameworks/framework-directory.js';
import { requireViewer, subjectFor, type Subject } from './plan-policy.js';
import { PLAN_COLUMNS, type PlanRevisionRow, type PlanRow, type SignedInActor } from './plan-rows.js';
import { VersionReader } from './version-reader.js';

/**
 * What every plan write shares: locking a plan with its version checked, the versioned UPDATE, and
 * the reads and inserts several services make (revisions, qualifications held; the focused proposal and
 * its suggested actions are PlanProposalsService's).
 * Always in the caller's transaction.
 */
@Injectable()
export class PlanStore {
  constructor(readonly versions: VersionReader) {}

  /** Locks the plan, checks the expected version, and says who the actor is to its owner (the caller checks what they may do). */
  async lockPlan(manager: EntityManager, actor: SignedInActor, planId: string, expectedVersion: number): Promise<{ plan: PlanRow; subject: Subject }> {
    const [plan] = (await manager.query(`SELECT ${PLAN_COLUMNS} FROM plans pl WHERE pl.organisation_id = $1 AND pl.id = $2 FOR UPDATE`, [
      actor.organisationId,
      planId,
    ])) as PlanRow[];
    if (!plan) throw notFound('That plan');
    const subject = await subjectFor(manager, actor.organisationId, actor.personId, plan.personId);
    requireViewer(subject, 'development plan');
    if (plan.version !== expectedVersion) throw conflict(plan);
    return { plan, subject };
  }

  /** Updates the plan with the expected version in the WHERE, so a concurrent change makes it change no row. */
  async updatePlan(manager: EntityManager, actor: SignedInActor, plan: PlanRow, change: string, columns: Record<string, unknown>, now: Date): Promise<void> {
    const entries = Object.entries(columns);
    const assignments = entries.map(([column], i) => `${column} = $${i + 7}`);
    const [, count] = (await manager.query(
      `UPDATE plans SET ${[...assignments, 'version = version + 1', 'last_changed_by_id = $4', 'last_change = $5', 'last_activity_at = $6'].join(', ')}
       WHERE organisation_id = $1 AND id = $2 AND version = $3`,
      [actor.organisationId, plan.id, plan.version, actor.personId, change, now, ...entries.map(([, value]) => value)],
    )) as [unknown, number];
    if (count !== 1) throw conflict(plan);
    // A proposal that is no longer waiting (agreed, sent back, withdrawn, reopened by a change of direction or a
    // next step) leaves no "please agree" notice behind, whoever it reached.
    if (plan.status === 'proposed' && typeof columns.status === 'string' && columns.status !== 'proposed') {
      await manager.query(
        `UPDATE notifications SET read_at = $3 WHERE organisation_id = $1 AND plan_id = $2 AND kind = 'plan-propose' AND read_at IS NULL`,
        [actor.organisationId, plan.id, now],
      );
    }
  }

  async publishedRole(manager: EntityManager, organisationId: string, roleId: string, field: string) {
    const role = await publishedRole(manager, organisationId, roleId);
    if (!role) throw badInput({ [field]: 'Choose a role of a published framework version.' });
    return role;
  }

  async insertRevision(manager: EntityManager, actor: SignedInActor, planId: string, revision: PlanRevision, roleId: string): Promise<void> {
    await manager.query(
      `INSERT INTO plan_revisions (organisation_id, plan_id, number, reason, note, target_role_id, framework_version_id, baseline, created_by_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [actor.organisationId, planId, revision.number, revision.reason, revision.note, roleId, revision.frameworkVersionId, JSON.stringify(revision.baseline), actor.personId, revision.createdAt],
    );
  }

  /** Qualifications held, per person: a done qualification action counts as the qualification gained on the day it was done. */
  async heldQualifications(manager: EntityManager, organisationId: string, personIds: readonly string[]): Promise<Map<string, HeldQualification[]>> {
    const rows = (await manager.query(
      `SELECT pl.person_id AS "personId", a.qualification_id AS "qualificationId", a.done_at AS "doneAt" FROM plan_actions a
       JOIN plans pl ON pl.organisation_id = a.organisation_id AND pl.id = a.plan_id
       WHERE a.organisation_id = $1 AND pl.person_id = ANY($2) AND a.status = 'done' AND a.done_at IS NOT NULL AND a.qualification_id IS NOT NULL`,
      [organisationId, personIds],
    )) as { personId: string; qualificationId: string; doneAt: Date }[];
    if (rows.length === 0) return new Map();
    const keys = await qualificationKeys(manager, organisationId, rows.map((row) => row.qualificationId));
    const held = new Map<string, HeldQualification[]>();
    for (const row of rows) {
      const key = keys.get(row.qualificationId);
      if (key) held.set(row.personId, [...(held.get(row.personId) ?? []), { key, achievedOn: new Date(row.doneAt) }]);
    }
    return held;
  }

  async revisionsOf(manager: EntityManager, organisationId: string, planIds: readonly string[]): Promise<PlanRevisionRow[]> {
    return (await manager.query(
      `SELECT plan_id AS "planId", number, reason, note, target_role_id AS "targetRoleId", framework_version_id AS "frameworkVersionId",
         baseline, proposal, created_by_id AS "createdById", created_at AS "createdAt"
       FROM plan_revisions WHERE organisation_id = $1 AND plan_id = ANY($2) ORDER BY plan_id, number`,
      [organisationId, planIds],
    )) as PlanRevisionRow[];
  }

  async roleKeys(manager: EntityManager, organisationId: string, roleIds: readonly string[]): Promise<Map<string, string>> {
    const roles = await rolesByIds(manager, organisationId, roleIds);
    return new Map([...roles.values()].map((r) => [r.id, r.key]));
  }

  /** The ids of the given skill keys in the plan's framework version; unknown keys are reported in `fields.skillKeys`. */
  async actionSkillIds(manager: EntityManager, organisationId: string, plan: PlanRow, skillKeys: readonly string[], fields: Record<string, string>): Promise<string[]> {
    if (skillKeys.length === 0) return [];
    const version = await this.versions.read(manager, organisationId, plan.frameworkVersionId);
    const unknown = skillKeys.filter((key) => !version.skillIdByKey.has(key));
    if (unknown.length > 0) fields.skillKeys = `Not skills of the plan’s framework version: ${unknown.join(', ')}.`;
    return [...new Set(skillKeys.flatMap((key) => version.skillIdByKey.get(key) ?? []))];
  }

  async linkActionSkills(manager: EntityManager, organisationId: string, actionId: string, skillIds: readonly string[], replace: boolean): Promise<void> {
    if (replace) await manager.query(`DELETE FROM plan_action_skills WHERE organisation_id = $1 AND action_id = $2`, [organisationId, actionId]);
    if (skillIds.length === 0) return;
    await manager.query(`INSERT INTO plan_action_skills (organisation_id, action_id, skill_id) SELECT $1, $2, unnest($3::uuid[])`, [organisationId, actionId, skillIds]);
  }
}

export function toDomainRevision(row: PlanRevisionRow, roleKeys: ReadonlyMap<string, string>): PlanRevision {
  return {
    number: row.number,
    reason: row.reason,
    note: row.note,
    targetRoleKey: roleKeys.get(row.targetRoleId) ?? row.targetRoleId,
    frameworkVersionId: row.frameworkVersionId,
    createdAt: new Date(row.createdAt),
    baseline: row.baseline,
  };
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Problems with an action's type and due date, by input field. */
export function actionContentProblems(input: { type?: string; dueOn?: string | null }): Record<string, string> {
  const fields: Record<string, string> = {};
  if (input.type !== undefined && !(PLAN_ACTION_TYPES as readonly string[]).includes(input.type)) fields.type = `Choose one of ${PLAN_ACTION_TYPES.join(', ')}.`;
  if (input.dueOn && !isCalendarDate(input.dueOn)) fields.dueOn = 'A due date is a calendar date (YYYY-MM-DD).';
  return fields;
}

/** YYYY-MM-DD naming a day that exists (not 2027-02-30). */
function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function conflict(plan: PlanRow): AppError {
  const by = plan.lastChangedByName ?? 'someone else';
  return new AppError(
    'CONFLICT',
    `This plan was changed by ${by}${plan.lastChange ? ` (${plan.lastChange})` : ''} since you opened it: it is now version ${plan.version}. Reload to see the change; what you entered is kept in the form.`,
    { currentVersion: plan.version, changedBy: plan.lastChangedByName, change: plan.lastChange },
  );
}
