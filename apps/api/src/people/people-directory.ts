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

/** Names by id (people who left included: history shows who did what). */
export async function personNames(manager: EntityManager, organisationId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = (await manager.query(`SELECT id, name FROM people WHERE organisation_id = $1 AND id = ANY($2)`, [organisationId, wanted])) as {
    id: string;
    name: string;
  }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

const RECORD_COLUMNS = `organisation_id AS "organisationId", id, email, name, manager_id AS "managerId", current_role_id AS "currentRoleId",
  account_id AS "accountId", access_role AS "accessRole", active, version`;

/** The people of the organisation who have not left, by name. */
export function activePeople(manager: EntityManager, organisationId: string): Promise<PersonRecord[]> {
  return manager.query(`SELECT ${RECORD_COLUMNS} FROM people WHERE organisation_id = $1 AND active ORDER BY name, id`, [organisationId]) as Promise<
    PersonRecord[]
  >;
}

/** A manager's direct reports who have not left, by name. */
export function reportsOf(manager: EntityManager, organisationId: string, managerId: string): Promise<PersonRecord[]> {
  return manager.query(`SELECT ${RECORD_COLUMNS} FROM people WHERE organisation_id = $1 AND manager_id = $2 AND active ORDER BY name, id`, [
    organisationId,
    managerId,
  ]) as Promise<PersonRecord[]>;
}

/**
 * People by (organisation, id), in any organisations (the hourly review job reads every organisation's
 * plans in a system transaction); people who left included.
 */
export async function findPeople(manager: EntityManager, keys: readonly { organisationId: string; id: string }[]): Promise<PersonRecord[]> {
  if (keys.length === 0) return [];
  return (await manager.query(
    `SELECT ${RECORD_COLUMNS} FROM people WHERE (organisation_id, id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
    [keys.map((key) => key.organisationId), keys.map((key) => key.id)],
  )) as PersonRecord[];
}

/**
 * What deciding who agrees a person's plan needs (the domain's `planApprover`): the person, everyone
 * up their chain of managers, and the people named in `otherIds` (approvers an admin named), with
 * their team and whether they are active; and the person's team with every team above it. Two
 * statements whatever the organisation's size.
 */
export async function approverChain(
  manager: EntityManager,
  organisationId: string,
  personId: string,
  otherIds: readonly string[],
): Promise<{ people: { id: string; name: string; active: boolean; managerId: string | null; teamId: string | null }[]; teams: { id: string; name: string; parentId: string | null }[] }> {
  const people = (await manager.query(
    `WITH RECURSIVE chain AS (
       SELECT id, manager_id, 0 AS depth FROM people WHERE organisation_id = $1 AND id = $2
       UNION SELECT p.id, p.manager_id, c.depth + 1 FROM people p JOIN chain c ON p.organisation_id = $1 AND p.id = c.manager_id WHERE c.depth < 50
     )
     SELECT id, name, active, manager_id AS "managerId", team_id AS "teamId" FROM people
     WHERE organisation_id = $1 AND (id IN (SELECT id FROM chain) OR id = ANY($3))`,
    [organisationId, personId, otherIds],
  )) as { id: string; name: string; active: boolean; managerId: string | null; teamId: string | null }[];
  const teamId = people.find((p) => p.id === personId)?.teamId ?? null;
  if (!teamId) return { people, teams: [] };
  const teams = (await manager.query(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id, 0 AS depth FROM teams WHERE organisation_id = $1 AND id = $2
       UNION SELECT t.id, t.parent_id, u.depth + 1 FROM teams t JOIN up u ON t.organisation_id = $1 AND t.id = u.parent_id WHERE u.depth < 50
     )
     SELECT id, name, parent_id AS "parentId" FROM teams WHERE organisation_id = $1 AND id IN (SELECT id FROM up)`,
    [organisationId, teamId],
  )) as { id: string; name: string; parentId: string | null }[];
  return { people, teams };
}

/**
 * SQL for a read of people that must stay inside another module's statement. Each takes SQL
 * expressions for the organisation and the person's id (columns of the caller's statement).
 */
export const peopleSql = {
  /** The person's name, as a scalar subquery (NULL when there is no such person). */
  name: (organisationId: string, personId: string) => `(SELECT name FROM people WHERE organisation_id = ${organisationId} AND id = ${personId})`,
  /**
   * What the session check needs of the signed-in person (id, accessRole, active), as a LATERAL
   * subquery: every request checks its session in one indexed statement (ARCHITECTURE.md, "How a
   * request flows"), so it cannot be a second round trip.
   */
  access: (organisationId: string, personId: string) =>
    `SELECT id, access_role AS "accessRole", active FROM people WHERE organisation_id = ${organisationId} AND id = ${personId}`,
};
