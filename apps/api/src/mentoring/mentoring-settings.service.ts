import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_MENTORING_SETTINGS, type MentoringSettings, type MentoringSettingsInput } from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { AppError } from '../common/errors.js';
import { tenantTransaction } from '../database/tenant-database.js';

export type StoredMentoringSettings = MentoringSettings & { version: number };

/**
 * The organisation's mentoring settings in the caller's transaction: the stored row, else the
 * domain's defaults at version 0 ("never saved"). Matching, the board and the fizzling job read them.
 */
export async function mentoringSettingsOf(manager: EntityManager, organisationId: string): Promise<StoredMentoringSettings> {
  const [row] = (await manager.query(
    `SELECT fizzle_weeks AS "fizzleWeeks", cross_team AS "crossTeam", version FROM mentoring_settings WHERE organisation_id = $1`,
    [organisationId],
  )) as StoredMentoringSettings[];
  return row ?? { ...DEFAULT_MENTORING_SETTINGS, version: 0 };
}

/** Reading and saving the organisation's mentoring settings (admins; saving is audited, a stale version refused). */
@Injectable()
export class MentoringSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  settings(organisationId: string): Promise<StoredMentoringSettings> {
    return tenantTransaction(this.dataSource, organisationId, (manager) => mentoringSettingsOf(manager, organisationId));
  }

  update(actor: Actor & { personId: string }, input: MentoringSettingsInput): Promise<StoredMentoringSettings> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      // Insert-or-update in one statement, applied only from the version read: two admins saving at once cannot both win.
      const rows = (await manager.query(
        `INSERT INTO mentoring_settings (organisation_id, fizzle_weeks, cross_team, version, updated_by_id, updated_at) VALUES ($1, $2, $3, 1, $4, now())
         ON CONFLICT (organisation_id) DO UPDATE SET fizzle_weeks = EXCLUDED.fizzle_weeks, cross_team = EXCLUDED.cross_team,
           version = mentoring_settings.version + 1, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()
         WHERE mentoring_settings.version = $5
         RETURNING fizzle_weeks AS "fizzleWeeks", cross_team AS "crossTeam", version`,
        [actor.organisationId, input.fizzleWeeks, input.crossTeam, actor.personId, input.expectedVersion],
      )) as StoredMentoringSettings[];
      const row = rows[0];
      if (!row || row.version !== input.expectedVersion + 1) {
        throw new AppError('CONFLICT', 'The mentoring settings were changed by someone else: reload to see them.');
      }
      await this.audit.record(manager, actor, {
        action: 'mentoring.settings',
        summary: `Set mentoring: pairs fizzle after ${row.fizzleWeeks} weeks without a session; ${row.crossTeam === 'prefer-other-teams' ? 'mentors from other teams preferred' : 'no cross-team preference'}`,
        subjectType: 'mentoring-settings',
        details: { fizzleWeeks: row.fizzleWeeks, crossTeam: row.crossTeam },
      });
      return row;
    });
  }
}
