import { Injectable } from '@nestjs/common';
import type { CalibrationRow, SkillLevelRow } from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { peopleSql } from '../people/people-directory.js';

/**
 * What reports need of assessments, aggregated in PostgreSQL (one set-based statement each, never
 * a loop over people): the skill-level rollup and the calibration rollup of the organisation's
 * active people, now (from `assessment_current`) or as their ratings stood at a month end. Team and
 * role are the people's current ones.
 */
@Injectable()
export class AssessmentRollups {
  /**
   * Per (team, role, skill): how many people hold each counting level (the latest rating of the skill,
   * the manager's on the same instant, then the higher level: the domain's `profileLevels`). `asOf` null:
   * every rating so far, from the ratings kept current per person and skill (`assessment_current`, one row
   * each); a date (a month end): ratings as they stood then, ordered out of the whole history.
   */
  async skillLevelRows(manager: EntityManager, organisationId: string, asOf: Date | null): Promise<SkillLevelRow[]> {
    const counting =
      asOf === null
        ? // The later of the two latest ratings; on the same instant the manager's (NULL > x is not true).
          `SELECT person_id, skill_id, CASE WHEN manager_at IS NULL OR self_at > manager_at THEN self_level ELSE manager_level END AS level
           FROM assessment_current WHERE organisation_id = $1`
        : `SELECT DISTINCT ON (a.person_id, a.skill_id) a.person_id, a.skill_id, a.level
           FROM assessments a WHERE a.organisation_id = $1 AND a.assessed_at <= $2
           ORDER BY a.person_id, a.skill_id, a.assessed_at DESC, (a.source = 'manager') DESC, a.level DESC`;
    const rows = (await manager.query(
      `WITH counting AS (${counting})
       SELECT p.team_id AS "teamId", p.current_role_id AS "roleId", c.skill_id AS "skillId", c.level, count(*)::int AS people
       FROM counting c JOIN (${peopleSql.placement('$1')}) p ON p.id = c.person_id
       WHERE c.level >= 1 GROUP BY 1, 2, 3, 4`,
      asOf === null ? [organisationId] : [organisationId, asOf],
    )) as { teamId: string | null; roleId: string | null; skillId: string; level: number; people: number }[];
    const byCell = new Map<string, { teamId: string | null; roleId: string | null; skillId: string; atLevel: number[] }>();
    for (const row of rows) {
      const key = `${row.teamId ?? ''}/${row.roleId ?? ''}/${row.skillId}`;
      const cell = byCell.get(key) ?? { teamId: row.teamId, roleId: row.roleId, skillId: row.skillId, atLevel: [] };
      while (cell.atLevel.length < row.level) cell.atLevel.push(0);
      cell.atLevel[row.level - 1] = row.people;
      byCell.set(key, cell);
    }
    return [...byCell.values()];
  }

  /**
   * Per (team, skill, assessor): pairs of a person's latest self rating and their latest manager
   * rating of the same skill (latest: later, then higher), Σ(manager − self) and Σ(manager − self)².
   * `asOf` null: every rating so far (`assessment_current`); a date: as they stood then.
   */
  async calibrationRows(manager: EntityManager, organisationId: string, asOf: Date | null): Promise<CalibrationRow[]> {
    const paired =
      asOf === null
        ? `SELECT person_id, skill_id, self_level, manager_level, manager_assessor_id AS assessor_id FROM assessment_current
           WHERE organisation_id = $1 AND self_level IS NOT NULL AND manager_level IS NOT NULL`
        : // One pass over the latest ratings, paired per (person, skill) by aggregation rather than a self-join of the
          // CTE: without statistics (a freshly seeded database) PostgreSQL planned that join as a nested loop (n²).
          `WITH latest AS (
             SELECT DISTINCT ON (a.person_id, a.skill_id, a.source) a.person_id, a.skill_id, a.source, a.level, a.assessed_by_id
             FROM assessments a WHERE a.organisation_id = $1 AND a.assessed_at <= $2
             ORDER BY a.person_id, a.skill_id, a.source, a.assessed_at DESC, a.level DESC)
           SELECT person_id, skill_id, max(level) FILTER (WHERE source = 'self') AS self_level,
             max(level) FILTER (WHERE source = 'manager') AS manager_level,
             max(assessed_by_id::text) FILTER (WHERE source = 'manager')::uuid AS assessor_id
           FROM latest WHERE source IN ('self', 'manager') GROUP BY person_id, skill_id`;
    const rows = (await manager.query(
      `WITH paired AS (${paired})
       SELECT p.team_id AS "teamId", c.skill_id AS "skillId", c.assessor_id AS "assessorId", count(*)::int AS pairs,
         sum(c.manager_level - c.self_level)::float8 AS "sumDifference",
         sum((c.manager_level - c.self_level) * (c.manager_level - c.self_level))::float8 AS "sumSquaredDifference"
       FROM paired c
       JOIN (${peopleSql.placement('$1')}) p ON p.id = c.person_id
       WHERE c.self_level IS NOT NULL AND c.manager_level IS NOT NULL GROUP BY 1, 2, 3`,
      asOf === null ? [organisationId] : [organisationId, asOf],
    )) as Omit<CalibrationRow, 'source'>[];
    return rows.map((row) => ({ ...row, source: 'manager' as const }));
  }

  /** A stamp that changes whenever a rating is added (ratings are append-only): reports refresh when it moves. */
  async changeStamp(manager: EntityManager, organisationId: string): Promise<string> {
    const [row] = (await manager.query(`SELECT count(*)::text || '/' || coalesce(max(assessed_at)::text, '') AS stamp FROM assessments WHERE organisation_id = $1`, [
      organisationId,
    ])) as { stamp: string }[];
    return row!.stamp;
  }
}
