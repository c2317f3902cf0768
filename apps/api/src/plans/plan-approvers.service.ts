import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { badInput, notFound } from '../common/errors.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { findPerson, teamExists } from '../people/people-directory.js';
import type { SignedInActor } from './plan-rows.js';

export interface PlanApproverRow {
  id: string;
  teamId: string | null;
  personId: string;
  createdAt: Date;
}

/**
 * Approvers an admin names to agree the plans of people without an active manager: one for the
 * organisation, and one per team (for the team and the teams under it). Naming one replaces the
 * previous one for the same team (or the organisation). Audited.
 */
@Injectable()
export class PlanApproversService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(actor: SignedInActor): Promise<PlanApproverRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, (manager) => this.listIn(manager, actor.organisationId));
  }

  name(actor: SignedInActor, input: { teamId: string | null; personId: string }): Promise<PlanApproverRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      // Naming for one team (or the organisation) takes turns, so two admins cannot leave two.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('plan-approvers:' || $1))`, [actor.organisationId]);
      const person = await findPerson(manager, actor.organisationId, input.personId);
      const fields: Record<string, string> = {};
      if (!person) throw notFound('That person');
      if (!person.active) fields.personId = `${person.name} has left: choose someone active.`;
      if (input.teamId && !(await teamExists(manager, actor.organisationId, input.teamId))) throw notFound('That team');
      if (Object.keys(fields).length > 0) throw badInput(fields);
      await manager.query(`DELETE FROM plan_approvers WHERE organisation_id = $1 AND team_id IS NOT DISTINCT FROM $2`, [actor.organisationId, input.teamId]);
      const id = randomUUID();
      await manager.query(`INSERT INTO plan_approvers (organisation_id, id, team_id, person_id, named_by_id) VALUES ($1, $2, $3, $4, $5)`, [
        actor.organisationId,
        id,
        input.teamId,
        person.id,
        actor.personId,
      ]);
      await this.audit.record(manager, actor, {
        action: 'plan-approver.named',
        summary: `named ${person.name} to agree plans of people without a manager${input.teamId ? ' in a team' : ' in the organisation'}`,
        subjectType: input.teamId ? 'team' : 'organisation',
        subjectId: input.teamId ?? actor.organisationId,
        subjectPersonId: person.id,
      });
      return this.listIn(manager, actor.organisationId);
    });
  }

  remove(actor: SignedInActor, teamId: string | null): Promise<PlanApproverRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const [, count] = (await manager.query(`DELETE FROM plan_approvers WHERE organisation_id = $1 AND team_id IS NOT DISTINCT FROM $2`, [
        actor.organisationId,
        teamId,
      ])) as [unknown, number];
      if (count > 0) {
        await this.audit.record(manager, actor, {
          action: 'plan-approver.removed',
          summary: `removed the approver of plans${teamId ? ' for a team' : ' for the organisation'}`,
          subjectType: teamId ? 'team' : 'organisation',
          subjectId: teamId ?? actor.organisationId,
        });
      }
      return this.listIn(manager, actor.organisationId);
    });
  }

  private listIn(manager: EntityManager, organisationId: string): Promise<PlanApproverRow[]> {
    return manager.query(
      `SELECT id, team_id AS "teamId", person_id AS "personId", created_at AS "createdAt" FROM plan_approvers
       WHERE organisation_id = $1 ORDER BY (team_id IS NOT NULL), created_at, id`,
      [organisationId],
    ) as Promise<PlanApproverRow[]>;
  }
}
