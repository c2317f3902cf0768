import { Injectable } from '@nestjs/common';
import { fizzleState, mentoringRowsFromPeople, type CalibrationRow, type MentoringRow } from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { assessmentsSql } from '../assessments/assessments-directory.js';
import { frameworkSql } from '../frameworks/framework-directory.js';
import { peopleSql } from '../people/people-directory.js';
import { plansSql } from '../plans/plans-directory.js';
import { mentoringSettingsOf } from './mentoring-settings.service.js';

/** A relationship as it stood at `asOf`, read from its timestamps (no history is kept of pauses). */
const ACTIVE_AT = `m.active_since <= $2 AND (m.status = 'active' OR (m.status = 'ended' AND m.ended_at > $2))`;
const REQUESTED_AT = `m.requested_at <= $2 AND (m.status = 'requested' OR ((m.active_since IS NULL OR m.active_since > $2) AND m.status = 'ended' AND m.ended_at > $2))`;

/**
 * What reports need of mentoring, read set-based (a fixed number of statements per organisation):
 * coverage per (team, role) and mentor-rating calibration. Team and role are the people's current
 * ones. For a past month end, a relationship counts as active when it last became active before it
 * and had not ended, as requested when it was still waiting then (paused ones count as neither:
 * when a pause began is not kept).
 */
@Injectable()
export class MentoringRollups {
  async mentoringRows(manager: EntityManager, organisationId: string, asOf: Date): Promise<MentoringRow[]> {
    const settings = await mentoringSettingsOf(manager, organisationId);
    const people = (await manager.query(
      `SELECT p.id, p.team_id AS "teamId", p.current_role_id AS "roleId",
         ${plansSql.hasOpenPlanAt('$1', 'p.id', '$2')} AS "hasOpenPlan",
         ${plansSql.latestTimeZone('$1', 'p.id')} AS "timeZone",
         coalesce(ms.list, '[]') AS mentorships
       FROM (${peopleSql.placement('$1')}) p
       LEFT JOIN LATERAL (
         SELECT json_agg(json_build_object(
           'status', CASE WHEN ${ACTIVE_AT} THEN 'active' ELSE 'requested' END,
           'activeSince', m.active_since,
           'sessions', (SELECT coalesce(json_agg(to_char(s.held_on, 'YYYY-MM-DD')), '[]') FROM mentoring_sessions s
                        WHERE s.organisation_id = m.organisation_id AND s.mentorship_id = m.id AND s.created_at <= $2))) AS list
         FROM mentorships m WHERE m.organisation_id = $1 AND m.mentee_id = p.id AND ((${ACTIVE_AT}) OR (${REQUESTED_AT}))) ms ON true`,
      [organisationId, asOf],
    )) as {
      teamId: string | null;
      roleId: string | null;
      hasOpenPlan: boolean;
      timeZone: string | null;
      mentorships: { status: 'active' | 'requested'; activeSince: string | null; sessions: string[] }[];
    }[];
    return mentoringRowsFromPeople(
      people.map((p) => ({
        teamId: p.teamId,
        roleId: p.roleId,
        hasOpenPlan: p.hasOpenPlan,
        mentorships: p.mentorships.map((m) => ({
          status: m.status,
          fizzling:
            m.status === 'active' &&
            fizzleState({
              status: 'active',
              activeSince: new Date(m.activeSince!),
              sessionDates: m.sessions,
              now: asOf,
              timeZone: p.timeZone ?? 'UTC',
              weeks: settings.fizzleWeeks,
            }).fizzling,
        })),
      })),
    );
  }

  /**
   * Per (team, skill, mentor): a person's latest mentor rating of a skill (whoever gave it; latest:
   * later, then higher) paired with their latest self rating ('mentor') and their latest manager
   * rating ('mentorVsManager'): pairs, Σd and Σd². Mentor ratings name skills by key: the published
   * skill with that key.
   */
  async calibrationRows(manager: EntityManager, organisationId: string, asOf: Date): Promise<CalibrationRow[]> {
    const rows = (await manager.query(
      `WITH skill_ids AS (${frameworkSql.publishedSkillIdsByKey('$1')}),
       mentor AS (
         SELECT DISTINCT ON (m.mentee_id, ma.skill_key) m.mentee_id AS person_id, k.id AS skill_id, ma.level, m.mentor_id
         FROM mentor_assessments ma
         JOIN mentorships m ON m.organisation_id = ma.organisation_id AND m.id = ma.mentorship_id
         JOIN skill_ids k ON k.key = ma.skill_key
         WHERE ma.organisation_id = $1 AND ma.assessed_at <= $2
         ORDER BY m.mentee_id, ma.skill_key, ma.assessed_at DESC, ma.level DESC),
       base AS (${assessmentsSql.latestSelfAndManager('$1', '$2', 'SELECT person_id, skill_id FROM mentor')})
       SELECT p.team_id AS "teamId", mt.skill_id AS "skillId", CASE b.source WHEN 'self' THEN 'mentor' ELSE 'mentorVsManager' END AS source,
         mt.mentor_id AS "assessorId", count(*)::int AS pairs, sum(mt.level - b.level)::float8 AS "sumDifference",
         sum((mt.level - b.level) * (mt.level - b.level))::float8 AS "sumSquaredDifference"
       FROM mentor mt JOIN base b ON b.person_id = mt.person_id AND b.skill_id = mt.skill_id
       JOIN (${peopleSql.placement('$1')}) p ON p.id = mt.person_id
       GROUP BY 1, 2, 3, 4`,
      [organisationId, asOf],
    )) as CalibrationRow[];
    return rows;
  }

  /** Changes whenever a relationship, a session or a mentor rating does: reports refresh when it moves. */
  async changeStamp(manager: EntityManager, organisationId: string): Promise<string> {
    const [row] = (await manager.query(
      `SELECT concat_ws('/',
         (SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(greatest(requested_at, active_since, ended_at))::text, '') FROM mentorships WHERE organisation_id = $1),
         (SELECT count(*) || ':' || coalesce(max(created_at)::text, '') FROM mentoring_sessions WHERE organisation_id = $1),
         (SELECT count(*) || ':' || coalesce(max(assessed_at)::text, '') FROM mentor_assessments WHERE organisation_id = $1),
         (SELECT fizzle_weeks::text FROM mentoring_settings WHERE organisation_id = $1)) AS stamp`,
      [organisationId],
    )) as { stamp: string }[];
    return row!.stamp;
  }
}
