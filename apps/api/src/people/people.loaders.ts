import DataLoader from 'dataloader';
import type { RequestDatabase } from '../database/tenant-database.js';

export interface PersonRow {
  organisationId: string;
  id: string;
  email: string;
  name: string;
  jobTitle: string | null;
  teamId: string | null;
  managerId: string | null;
  currentRoleId: string | null;
  startDate: string | null;
  active: boolean;
  accountId: string | null;
  accessRole: 'admin' | 'leadership' | 'employee';
  version: number;
}

export interface TeamRow {
  organisationId: string;
  id: string;
  parentId: string | null;
  name: string;
}

export const PERSON_COLUMNS = `p.organisation_id AS "organisationId", p.id, p.email, p.name, p.job_title AS "jobTitle",
  p.team_id AS "teamId", p.manager_id AS "managerId", p.current_role_id AS "currentRoleId",
  to_char(p.start_date, 'YYYY-MM-DD') AS "startDate", p.active, p.account_id AS "accountId",
  p.access_role AS "accessRole", p.version`;

/** People and teams of the request's organisation, batched per request. */
export class PeopleLoaders {
  constructor(private readonly db: RequestDatabase) {}

  readonly person = new DataLoader<string, PersonRow | undefined>(async (ids) => {
    const rows = await this.db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM people p WHERE p.organisation_id = $1 AND p.id = ANY($2)`,
      [this.db.organisationId, ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });

  readonly reports = new DataLoader<string, PersonRow[]>(async (managerIds) => {
    const rows = await this.db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM people p WHERE p.organisation_id = $1 AND p.manager_id = ANY($2) AND p.active ORDER BY p.name`,
      [this.db.organisationId, managerIds],
    );
    return managerIds.map((id) => rows.filter((row) => row.managerId === id));
  });

  readonly peopleInTeam = new DataLoader<string, PersonRow[]>(async (teamIds) => {
    const rows = await this.db.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM people p WHERE p.organisation_id = $1 AND p.team_id = ANY($2) AND p.active ORDER BY p.name`,
      [this.db.organisationId, teamIds],
    );
    return teamIds.map((id) => rows.filter((row) => row.teamId === id));
  });

  private teamsPromise: Promise<TeamRow[]> | undefined;
  /** Every team of the organisation: few enough to read at once, and paths need the whole tree. */
  allTeams(): Promise<TeamRow[]> {
    this.teamsPromise ??= this.db.query<TeamRow>(
      `SELECT organisation_id AS "organisationId", id, parent_id AS "parentId", name FROM teams WHERE organisation_id = $1 ORDER BY name`,
      [this.db.organisationId],
    );
    return this.teamsPromise;
  }

  async team(id: string): Promise<TeamRow | undefined> {
    return (await this.allTeams()).find((team) => team.id === id);
  }
}
