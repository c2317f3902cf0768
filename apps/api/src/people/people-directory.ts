import type { AccessRole } from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { PersonEntity, TeamEntity } from './people.entities.js';

/**
 * What other modules may read and write of people and teams (the `people` and `teams` tables belong
 * to this module). Plain functions over the caller's EntityManager, so they run in the caller's
 * transaction, and not a Nest provider, because identity (which PeopleModule imports) needs them too.
 * Everything here is scoped by organisation except `membershipsOfAccount` (sign-in crosses
 * organisations, in a system transaction).
 */

export interface PersonRecord {
  organisationId: string;
  id: string;
  email: string;
  name: string;
  managerId: string | null;
  currentRoleId: string | null;
  accountId: string | null;
  accessRole: AccessRole;
  active: boolean;
  version: number;
}

const RECORD = {
  organisationId: true,
  id: true,
  email: true,
  name: true,
  managerId: true,
  currentRoleId: true,
  accountId: true,
  accessRole: true,
  active: true,
  version: true,
} as const;

export interface NewPerson {
  organisationId: string;
  id: string;
  email: string;
  name: string;
  jobTitle?: string | null;
  teamId?: string | null;
  managerId?: string | null;
  currentRoleId?: string | null;
  startDate?: string | null;
  accountId: string | null;
  accessRole: AccessRole;
}

export async function insertPerson(manager: EntityManager, person: NewPerson): Promise<void> {
  await manager.insert(PersonEntity, { ...person, active: true });
}

export async function findPerson(manager: EntityManager, organisationId: string, id: string): Promise<PersonRecord | null> {
  return (await manager.findOne(PersonEntity, { where: { organisationId, id }, select: RECORD })) as PersonRecord | null;
}

export async function findPersonByEmail(manager: EntityManager, organisationId: string, email: string): Promise<PersonRecord | null> {
  return (await manager.findOne(PersonEntity, { where: { organisationId, email }, select: RECORD })) as PersonRecord | null;
}

export function personExists(manager: EntityManager, organisationId: string, id: string): Promise<boolean> {
  return manager.existsBy(PersonEntity, { organisationId, id });
}

export function teamExists(manager: EntityManager, organisationId: string, id: string): Promise<boolean> {
  return manager.existsBy(TeamEntity, { organisationId, id });
}

export function countPeople(manager: EntityManager, organisationId: string): Promise<number> {
  return manager.countBy(PersonEntity, { organisationId });
}

/** Every organisation an account is a person in, oldest membership first (sign-in picks the first active one). */
export async function membershipsOfAccount(manager: EntityManager, accountId: string): Promise<PersonRecord[]> {
  return (await manager.find(PersonEntity, { where: { accountId }, order: { createdAt: 'ASC' }, select: RECORD })) as PersonRecord[];
}

/** Gives an existing person (imported from CSV, or who left) an account and an access role, and makes them active. */
export async function attachAccount(
  manager: EntityManager,
  person: Pick<PersonRecord, 'organisationId' | 'id' | 'version'>,
  accountId: string,
  accessRole: AccessRole,
): Promise<void> {
  await manager.update(
    PersonEntity,
    { organisationId: person.organisationId, id: person.id },
    { accountId, active: true, accessRole, version: person.version + 1 },
  );
}

export async function insertTeam(manager: EntityManager, team: { organisationId: string; id: string; name: string; parentId: string | null }): Promise<void> {
  await manager.insert(TeamEntity, team);
}
