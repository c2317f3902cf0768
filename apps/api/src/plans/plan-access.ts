import type { EntityManager } from 'typeorm';
import type { AuditService, Actor } from '../audit/audit.service.js';
import { forbidden, notFound } from '../common/errors.js';
import { findPerson } from '../people/people-directory.js';

/**
 * Who someone is to the person whose assessments or plan they touch. The person and their line
 * manager (people.manager_id) see and act; people the person shares with (plan_sharing) only see;
 * everyone else, admins included, neither sees nor acts: an admin runs the organisation's
 * settings, not its people's private plans, unless the person shares with them.
 */
export type Relationship = 'owner' | 'manager' | 'shared' | 'other';

export interface Subject {
  id: string;
  name: string;
  managerId: string | null;
  relationship: Relationship;
}

export async function subjectFor(manager: EntityManager, organisationId: string, viewerId: string, personId: string): Promise<Subject> {
  const person = await findPerson(manager, organisationId, personId);
  if (!person) throw notFound('That person');
  const relationship: Relationship =
    person.id === viewerId ? 'owner' : person.managerId === viewerId ? 'manager' : (await sharesWith(manager, organisationId, personId, viewerId)) ? 'shared' : 'other';
  return { id: person.id, name: person.name, managerId: person.managerId, relationship };
}

async function sharesWith(manager: EntityManager, organisationId: string, personId: string, viewerId: string): Promise<boolean> {
  const [row] = (await manager.query(
    `SELECT EXISTS (SELECT 1 FROM plan_sharing WHERE organisation_id = $1 AND person_id = $2 AND viewer_id = $3) AS shared`,
    [organisationId, personId, viewerId],
  )) as { shared: boolean }[];
  return row?.shared ?? false;
}

/** Refuses anyone the person has not let see their data. */
export function requireViewer(subject: Subject, what: string): void {
  if (subject.relationship === 'other') throw forbidden(`see ${subject.name}'s ${what}: only they, their manager and people they share with can`);
}

/**
 * Records a read of someone else's private data in the audit log (in the caller's transaction),
 * so the person can see who looked. Reading one's own data is not recorded.
 */
export async function recordRead(
  audit: AuditService,
  manager: EntityManager,
  actor: Actor,
  subject: Subject,
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
