import { NO_MENTOR_SHARE, planAbilities, planApprover, planViewerKind, type MentorShare, type PlanAbilities, type PlanAbility, type PlanApprover, type PlanViewerKind } from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import type { AuditService, Actor } from '../audit/audit.service.js';
import { forbidden, notFound } from '../common/errors.js';
import { approverChain, findPerson } from '../people/people-directory.js';

/**
 * The plan policy: who someone is to the person whose plan or assessments they touch, and what that
 * lets them do. The table itself is the domain's (`planAbilities`, packages/domain/src/plans/policy.ts);
 * this file reads the facts it needs (line manager, who agrees the plan, sharing, mentoring) in the
 * caller's transaction. Every plan read and write, and the assessments module, go through it.
 */
export type Relationship = PlanViewerKind;

export interface Subject {
  id: string;
  name: string;
  managerId: string | null;
  relationship: Relationship;
  /** What the viewer may do (the `viewerCan` the web obeys). */
  can: PlanAbilities;
}

/**
 * The mentoring seam: what `personId` shares with `viewerId` as their mentor, read in the caller's
 * transaction on every call (no cache: a revoke counts at once). `plan` makes the viewer the plan's
 * `mentor`; the rest narrows what that lets them do (`planAbilities(kind, share)`). The mentoring
 * module registers it from its `onModuleInit` (PlansModule cannot import MentoringModule).
 */
export interface MentorScope extends MentorShare {
  plan: boolean;
}
export type MentorLookup = (manager: EntityManager, organisationId: string, personId: string, viewerId: string) => Promise<MentorScope>;
const NOT_A_MENTOR: MentorScope = { plan: false, ...NO_MENTOR_SHARE };
let mentorLookup: MentorLookup = () => Promise.resolve(NOT_A_MENTOR);
export function registerMentorLookup(lookup: MentorLookup): void {
  mentorLookup = lookup;
}

/** Who `viewerId` is to `personId` (not found when there is no such person in the organisation). */
export async function subjectFor(manager: EntityManager, organisationId: string, viewerId: string, personId: string): Promise<Subject> {
  const person = await findPerson(manager, organisationId, personId);
  if (!person) throw notFound('That person');
  const subject = (relationship: Relationship, share?: MentorShare): Subject => ({
    id: person.id,
    name: person.name,
    managerId: person.managerId,
    relationship,
    can: planAbilities(relationship, share),
  });
  // The signed-in viewer is active, so a manager who is the viewer is an active manager.
  if (person.id === viewerId) return subject('owner');
  if (person.managerId === viewerId) return subject('manager');
  const facts = await sharingFacts(manager, organisationId, personId, viewerId);
  // The approver chain only matters when someone could be it: a named approver or a manager above.
  const approver = facts.namedApproverIds.includes(viewerId) || person.managerId ? await approverFrom(manager, organisationId, personId, facts.named) : null;
  const mentor = await mentorLookup(manager, organisationId, personId, viewerId);
  return subject(
    planViewerKind({ viewerId, ownerId: person.id, managerId: person.managerId, managerActive: true, approverId: approver?.personId ?? null, shared: facts.shared, mentor: mentor.plan }),
    mentor,
  );
}

/** Who agrees `personId`'s plan (the domain's chain: manager, named approver, skip-level, nobody). */
export async function planApproverOf(manager: EntityManager, organisationId: string, personId: string): Promise<PlanApprover> {
  const named = await namedApprovers(manager, organisationId);
  return approverFrom(manager, organisationId, personId, named);
}

async function approverFrom(manager: EntityManager, organisationId: string, personId: string, named: { teamId: string | null; personId: string }[]): Promise<PlanApprover> {
  const { people, teams } = await approverChain(manager, organisationId, personId, named.map((n) => n.personId));
  if (!people.some((p) => p.id === personId)) throw notFound('That person');
  return planApprover(personId, people, teams, named);
}

async function namedApprovers(manager: EntityManager, organisationId: string): Promise<{ teamId: string | null; personId: string }[]> {
  return (await manager.query(
    `SELECT team_id AS "teamId", person_id AS "personId" FROM plan_approvers WHERE organisation_id = $1 ORDER BY created_at, id`,
    [organisationId],
  )) as { teamId: string | null; personId: string }[];
}

/** Whether the person shares with the viewer, and the organisation's named approvers, in one statement. */
async function sharingFacts(manager: EntityManager, organisationId: string, personId: string, viewerId: string) {
  const [row] = (await manager.query(
    `SELECT EXISTS (SELECT 1 FROM plan_sharing WHERE organisation_id = $1 AND person_id = $2 AND viewer_id = $3) AS shared,
       coalesce((SELECT json_agg(json_build_object('teamId', team_id, 'personId', person_id) ORDER BY created_at, id)
                 FROM plan_approvers WHERE organisation_id = $1), '[]'::json) AS named`,
    [organisationId, personId, viewerId],
  )) as { shared: boolean; named: { teamId: string | null; personId: string }[] }[];
  const named = row?.named ?? [];
  return { shared: row?.shared ?? false, named, namedApproverIds: named.map((n) => n.personId) };
}

/** Refuses anyone the person has not let see their data. */
export function requireViewer(subject: Subject, what: string): void {
  if (!subject.can.view) throw forbidden(`see ${subject.name}'s ${what}: only they, their manager, whoever agrees their plan, people they share with and a mentor they share it with can`);
}

const REFUSALS: Record<PlanAbility, string> = {
  view: 'see',
  edit: 'change',
  propose: 'propose',
  review: 'agree or send back',
  comment: 'comment on',
  checkIn: 'record a check-in on',
  rate: 'rate the skills on',
  share: 'share',
  seeCheckIns: 'see the check-ins of',
  seeEvidence: 'see the evidence on',
  signOff: 'sign off evidence on',
};

/** Refuses a viewer who may not do `ability` with the subject's plan. */
export function requireAbility(subject: Subject, ability: PlanAbility): void {
  if (!subject.can[ability]) throw forbidden(`${REFUSALS[ability]} ${subject.relationship === 'owner' ? 'your own' : `${subject.name}'s`} plan`);
}

/**
 * Records a read of someone else's private data in the audit log (in the caller's transaction),
 * so the person can see who looked. Reading one's own data is not recorded.
 */
export async function recordRead(
  audit: AuditService,
  manager: EntityManager,
  actor: Actor,
  subject: Pick<Subject, 'id' | 'name' | 'relationship'>,
  read: { action: 'assessments.read' | 'plan.read' | 'readiness.read'; what: string; subjectType: string; subjectId: string },
): Promise<void> {
  if (subject.relationship === 'owner') return;
  await audit.record(manager, actor, {
    action: read.action,
    summary: `viewed ${subject.name}'s ${read.what}`,
    subjectType: read.subjectType,
    subjectId: read.subjectId,
    subjectPersonId: subject.id,
    details: { as: subject.relationship },
  });
}
