import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { AppError, badInput, notFound } from '../common/errors.js';
import { tenantTransaction, type RequestDatabase } from '../database/tenant-database.js';
import { publishedRole } from '../frameworks/framework-directory.js';
import { SessionsService } from '../identity/sessions.service.js';
import { PERSON_COLUMNS, type PersonRow, type TeamRow } from './people.loaders.js';
import type { UpdatePersonInput } from './people.models.js';

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  /** The directory: search matches name, e-mail and job title; a team includes its sub-teams. */
  async search(
    db: RequestDatabase,
    teams: TeamRow[],
    filter: { search?: string | null; teamId?: string | null; includeLeft: boolean },
  ): Promise<PersonRow[]> {
    const teamIds = filter.teamId ? descendantsOf(filter.teamId, teams) : null;
    const pattern = filter.search?.trim() ? `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    return db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM people p
       WHERE p.organisation_id = $1
         AND ($2::text IS NULL OR p.name ILIKE $2 OR p.email ILIKE $2 OR p.job_title ILIKE $2)
         AND ($3::uuid[] IS NULL OR p.team_id = ANY($3))
         AND ($4 OR p.active)
       ORDER BY p.name, p.id LIMIT 500`,
      [db.organisationId, pattern, teamIds, filter.includeLeft],
    );
  }

  async update(actor: Actor, input: UpdatePersonInput): Promise<PersonRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const current = await this.lockPerson(manager, actor.organisationId, input.id);
      if (current.version !== input.expectedVersion) throw this.conflict(current);
      const changes = await this.validateChanges(manager, actor.organisationId, current, input);
      if (Object.keys(changes).length === 0) return current;

      const assignments = Object.keys(changes).map((column, index) => `${column} = $${index + 4}`);
      // The expected version is part of the WHERE: a concurrent save makes this change no row.
      const [rows] = (await manager.query(
        `UPDATE people p SET ${assignments.join(', ')}, version = version + 1
         WHERE p.organisation_id = $1 AND p.id = $2 AND p.version = $3 RETURNING ${PERSON_COLUMNS}`,
        [actor.organisationId, input.id, input.expectedVersion, ...Object.values(changes)],
      )) as [PersonRow[], number];
      const updated = rows[0];
      if (!updated) throw this.conflict(current);
      if (changes.active === false) await this.sessions.revokeAllFor(manager, actor.organisationId, input.id);
      await this.audit.record(manager, actor, {
        action: 'person.updated',
        summary: `${describeChanges(current, changes)}`,
        subjectType: 'person',
        subjectId: input.id,
        subjectPersonId: input.id,
        details: { before: pick(current, Object.keys(changes)), after: changes },
      });
      return updated;
    });
  }

  private async lockPerson(manager: EntityManager, organisationId: string, id: string): Promise<PersonRow> {
    const [row] = (await manager.query(
      `SELECT ${PERSON_COLUMNS} FROM people p WHERE p.organisation_id = $1 AND p.id = $2 FOR UPDATE`,
      [organisationId, id],
    )) as PersonRow[];
    if (!row) throw notFound('That person');
    return row;
  }

  private conflict(current: PersonRow): AppError {
    return new AppError(
      'CONFLICT',
      `${current.name} was changed by someone else since you opened it (now version ${current.version}). Reload to see their change; your edits are kept in the form.`,
      { current },
    );
  }

  /** Checks each requested change against the organisation's data; returns column → new value. */
  private async validateChanges(
    manager: EntityManager,
    organisationId: string,
    current: PersonRow,
    input: UpdatePersonInput,
  ): Promise<Record<string, unknown>> {
    const fields: Record<string, string> = {};
    const changes: Record<string, unknown> = {};
    if (input.name !== undefined && input.name !== null && input.name.trim() !== current.name) {
      const name = input.name.trim();
      if (!name || name.length > 200) fields.name = 'A name has 1 to 200 characters.';
      else changes.name = name;
    }
    if (input.jobTitle !== undefined && (input.jobTitle?.trim() || null) !== current.jobTitle) {
      changes.job_title = input.jobTitle?.trim() || null;
    }
    if (input.teamId !== undefined && input.teamId !== current.teamId) {
      if (input.teamId && !(await exists(manager, 'teams', organisationId, input.teamId))) fields.teamId = 'That team does not exist.';
      else changes.team_id = input.teamId;
    }
    if (input.managerId !== undefined && input.managerId !== current.managerId) {
      if (input.managerId === current.id) fields.managerId = 'A person cannot manage themselves.';
      else if (input.managerId && (await this.managesIndirectly(manager, organisationId, current.id, input.managerId))) {
        fields.managerId = 'That would make a loop: the new manager already reports to this person.';
      } else if (input.managerId && !(await exists(manager, 'people', organisationId, input.managerId))) {
        fields.managerId = 'That manager does not exist.';
      } else changes.manager_id = input.managerId;
    }
    if (input.currentRoleId !== undefined && input.currentRoleId !== current.currentRoleId) {
      if (input.currentRoleId && !(await isPublishedRole(manager, organisationId, input.currentRoleId))) {
        fields.currentRoleId = 'Choose a role of a published framework version.';
      } else changes.current_role_id = input.currentRoleId;
    }
    if (input.accessRole && input.accessRole !== current.accessRole) {
      if (current.accessRole === 'admin' && (await countAdmins(manager, organisationId)) <= 1) {
        fields.accessRole = 'The organisation needs at least one admin: make someone else admin first.';
      } else changes.access_role = input.accessRole;
    }
    if (input.active !== undefined && input.active !== null && input.active !== current.active) {
      if (!input.active && current.accessRole === 'admin' && (await countAdmins(manager, organisationId)) <= 1) {
        fields.active = 'The last admin cannot leave: make someone else admin first.';
      } else changes.active = input.active;
    }
    if (Object.keys(fields).length > 0) throw badInput(fields);
    return changes;
  }

  /** True when `candidate` is `personId` or reports to them, directly or not. */
  private async managesIndirectly(manager: EntityManager, organisationId: string, personId: string, candidate: string) {
    const [row] = (await manager.query(
      `WITH RECURSIVE chain AS (
         SELECT id, manager_id, 1 AS depth FROM people WHERE organisation_id = $1 AND id = $2
         UNION ALL
         SELECT p.id, p.manager_id, chain.depth + 1 FROM people p JOIN chain ON p.organisation_id = $1 AND p.id = chain.manager_id
         WHERE chain.depth < 1000)
       SELECT EXISTS (SELECT 1 FROM chain WHERE id = $3) AS loops`,
      [organisationId, candidate, personId],
    )) as { loops: boolean }[];
    return row?.loops ?? false;
  }
}

async function exists(manager: EntityManager, table: 'teams' | 'people', organisationId: string, id: string) {
  const rows = (await manager.query(`SELECT 1 FROM ${table} WHERE organisation_id = $1 AND id = $2`, [organisationId, id])) as unknown[];
  return rows.length > 0;
}

async function isPublishedRole(manager: EntityManager, organisationId: string, roleId: string) {
  return (await publishedRole(manager, organisationId, roleId)) !== null;
}

async function countAdmins(manager: EntityManager, organisationId: string): Promise<number> {
  const [row] = (await manager.query(
    `SELECT count(*)::int AS n FROM people WHERE organisation_id = $1 AND access_role = 'admin' AND active`,
    [organisationId],
  )) as { n: number }[];
  return row?.n ?? 0;
}

function descendantsOf(teamId: string, teams: TeamRow[]): string[] {
  const ids = [teamId];
  for (let i = 0; i < ids.length; i += 1) {
    for (const team of teams) if (team.parentId === ids[i] && !ids.includes(team.id)) ids.push(team.id);
  }
  return ids;
}

const COLUMN_LABELS: Record<string, string> = {
  name: 'name',
  job_title: 'job title',
  team_id: 'team',
  manager_id: 'manager',
  current_role_id: 'current role',
  access_role: 'access role',
  active: 'status',
};

function describeChanges(person: PersonRow, changes: Record<string, unknown>): string {
  if (changes.active === false) return `marked ${person.name} as having left`;
  if (changes.active === true) return `marked ${person.name} as back`;
  return `changed ${person.name}'s ${Object.keys(changes).map((column) => COLUMN_LABELS[column] ?? column).join(', ')}`;
}

function pick(person: PersonRow, columns: string[]): Record<string, unknown> {
  const property: Record<string, keyof PersonRow> = {
    name: 'name',
    job_title: 'jobTitle',
    team_id: 'teamId',
    manager_id: 'managerId',
    current_role_id: 'currentRoleId',
    access_role: 'accessRole',
    active: 'active',
  };
  return Object.fromEntries(columns.map((column) => [column, person[property[column]!]]));
}
