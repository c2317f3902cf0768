import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  detectPeopleCsvSeparator,
  parseTeamPath,
  peopleCsvTemplate,
  peopleCsvRecords,
  planPeopleImport,
  teamPaths,
  type ExistingPerson,
  type ImportRole,
  type PeopleImportPlan,
} from '@trellis/domain';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { AppError } from '../common/errors.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { publishedRoles } from '../frameworks/framework-directory.js';
import { PersonEntity, TeamEntity } from './people.entities.js';

/** Files beyond this are refused before parsing (about 20,000 people). */
const MAX_CSV_BYTES = 2 * 1024 * 1024;

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  teamsCreated: number;
}

/** People and teams from and to CSV: preview, all-or-nothing upsert by e-mail, export. */
@Injectable()
export class PeopleImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  preview(organisationId: string, csv: string): Promise<PeopleImportPlan> {
    return tenantTransaction(this.dataSource, organisationId, (manager) => this.plan(manager, organisationId, csv));
  }

  /** Writes the whole file or nothing: any problem refuses it with every problem listed. */
  import(actor: Actor, csv: string): Promise<ImportResult> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      // Two imports at once would plan against the same old state: take turns.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`people-import:${actor.organisationId}`]);
      const plan = await this.plan(manager, actor.organisationId, csv);
      if (!plan.ok) {
        throw new AppError('BAD_USER_INPUT', `The file has ${plan.problems.length} problem(s); nothing was imported.`, {
          problems: plan.problems,
        });
      }
      const teamIds = await this.createTeams(manager, actor.organisationId, plan.teamsToCreate);
      const personIds = new Map<string, string>(
        (await manager.find(PersonEntity, { where: { organisationId: actor.organisationId }, select: { id: true, email: true } })).map(
          (person) => [person.email, person.id],
        ),
      );
      for (const row of plan.rows.filter((r) => r.action === 'create')) personIds.set(row.email, randomUUID());

      for (const row of plan.rows) {
        if (row.action === 'unchanged') continue;
        const values = {
          name: row.name,
          jobTitle: row.jobTitle,
          teamId: row.teamPath ? teamIds.get(row.teamPath.toLowerCase()) ?? null : null,
          currentRoleId: row.roleId,
        };
        if (row.action === 'create') {
          await manager.insert(PersonEntity, { organisationId: actor.organisationId, id: personIds.get(row.email)!, email: row.email, active: true, ...values });
        } else {
          await manager.query(
            `UPDATE people SET name = $3, job_title = $4, team_id = $5, current_role_id = $6, version = version + 1
             WHERE organisation_id = $1 AND id = $2`,
            [actor.organisationId, row.existingPersonId, values.name, values.jobTitle, values.teamId, values.currentRoleId],
          );
        }
      }
      // Managers last: a row's manager may be created by a later row.
      for (const row of plan.rows) {
        if (row.action === 'unchanged') continue;
        await manager.query('UPDATE people SET manager_id = $3 WHERE organisation_id = $1 AND id = $2', [
          actor.organisationId,
          personIds.get(row.email),
          row.managerEmail ? personIds.get(row.managerEmail) ?? null : null,
        ]);
      }
      const result = { created: plan.creates, updated: plan.updates, unchanged: plan.unchanged, teamsCreated: plan.teamsToCreate.length };
      await this.audit.record(manager, actor, {
        action: 'people.imported',
        summary: `imported people from CSV: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.teamsCreated} teams created`,
        details: { ...result },
      });
      return result;
    });
  }

  /** A CSV to fill in: the header, notes listing the organisation's teams and role titles, and the admin's own row. */
  template(organisationId: string, personId: string): Promise<string> {
    return tenantTransaction(this.dataSource, organisationId, async (manager) => {
      const { people, roles, existingTeamPaths } = await this.context(manager, organisationId);
      const me = (await manager.findOne(PersonEntity, { where: { organisationId, id: personId } })) ?? null;
      const mine = people.find((person) => person.id === personId);
      const records = peopleCsvTemplate({
        teamPaths: existingTeamPaths,
        roleTitles: [...new Set(roles.map((role) => role.title))],
        example: {
          email: me?.email ?? 'someone@example.com',
          name: me?.name ?? 'Someone',
          teamPath: mine?.teamPath ?? null,
          jobTitle: me?.jobTitle ?? null,
          roleTitle: roles.find((role) => role.id === mine?.roleId)?.title ?? null,
        },
      });
      return stringify(records, { record_delimiter: '\n' });
    });
  }

  /** The organisation's people (those who have not left) as the CSV the import reads. */
  export(organisationId: string): Promise<string> {
    return tenantTransaction(this.dataSource, organisationId, async (manager) => {
      const { people, roles } = await this.context(manager, organisationId);
      return stringify(peopleCsvRecords(people, roles));
    });
  }

  private async plan(manager: EntityManager, organisationId: string, csv: string): Promise<PeopleImportPlan> {
    const refuse = (message: string): PeopleImportPlan => ({
      ok: false,
      problems: [{ line: 1, column: null, message }],
      rows: [],
      creates: 0,
      updates: 0,
      unchanged: 0,
      teamsToCreate: [],
    });
    if (Buffer.byteLength(csv) > MAX_CSV_BYTES) return refuse('The file is larger than 2 MB: split it into several imports.');
    // Spreadsheets write commas, semicolons or tabs: the header says which; a separator that cannot work is named.
    const { separator, problem } = detectPeopleCsvSeparator(csv);
    if (problem) return refuse(problem);
    let records: { record: string[]; info: { lines: number } }[];
    try {
      records = (
        parse(csv, {
          bom: true,
          info: true,
          delimiter: separator,
          comment: '#',
          comment_no_infix: true,
          relax_column_count: true,
          skip_empty_lines: true,
          trim: true,
        }) as unknown as { record: string[]; info: { lines: number } }[]
      ).filter(({ record }) => !(record[0] ?? '').trimStart().startsWith('#')); // a note a spreadsheet quoted
    } catch (error) {
      const line = (error as { lines?: number }).lines ?? 1;
      return { ...refuse(`The file is not valid CSV: ${(error as Error).message}`), problems: [{ line, column: null, message: `The file is not valid CSV: ${(error as Error).message}` }] };
    }
    const [headerRecord, ...rowRecords] = records;
    if (!headerRecord) return refuse('The file is empty: it needs a header line and at least one person.');
    const header = headerRecord.record;
    const rows = rowRecords.map(({ record, info }) => ({
      line: info.lines,
      values: Object.fromEntries(header.map((column, index) => [column, record[index] ?? ''])),
    }));
    const { people, roles, existingTeamPaths } = await this.context(manager, organisationId);
    return planPeopleImport({ header, rows }, { existingPeople: people, roles, existingTeamPaths });
  }

  private async context(manager: EntityManager, organisationId: string) {
    const teams = await manager.find(TeamEntity, { where: { organisationId } });
    const paths = teamPaths(teams);
    const people = (await manager.query(
      `SELECT p.id, p.email, p.name, p.job_title AS "jobTitle", p.team_id AS "teamId", m.email AS "managerEmail",
              p.current_role_id AS "roleId", p.active
       FROM people p LEFT JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id
       WHERE p.organisation_id = $1`,
      [organisationId],
    )) as (Omit<ExistingPerson, 'teamPath'> & { teamId: string | null })[];
    const roles: ImportRole[] = (await publishedRoles(manager, organisationId)).map(({ id, key, title }) => ({ id, key, title }));
    return {
      people: people.map(({ teamId, ...person }) => ({ ...person, teamPath: teamId ? paths.get(teamId) ?? null : null })),
      roles,
      existingTeamPaths: [...paths.values()],
    };
  }

  /** Creates the missing teams, parents first; returns every team's id by lower-cased path. */
  private async createTeams(manager: EntityManager, organisationId: string, missing: string[]): Promise<Map<string, string>> {
    const teams = await manager.find(TeamEntity, { where: { organisationId } });
    const ids = new Map([...teamPaths(teams)].map(([id, path]) => [path.toLowerCase(), id]));
    for (const path of missing) {
      const segments = parseTeamPath(path);
      if (!Array.isArray(segments)) continue;
      const parentPath = segments.slice(0, -1).join('/').toLowerCase();
      const id = randomUUID();
      await manager.insert(TeamEntity, {
        organisationId,
        id,
        name: segments[segments.length - 1]!,
        parentId: parentPath ? ids.get(parentPath) ?? null : null,
      });
      ids.set(path.toLowerCase(), id);
    }
    return ids;
  }
}
