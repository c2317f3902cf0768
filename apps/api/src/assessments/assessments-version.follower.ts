import type { EntityManager } from 'typeorm';
import { remapColumn, type FollowResult, type VersionFollower, type VersionMove } from '../frameworks/version-migration/version-followers.js';

/**
 * Assessments follow skills (registered by PlanVersionFollowers, after people and before plans: plans
 * re-baseline on the moved assessments). The history stays append-only in meaning: every rating keeps its level,
 * source, author and date, and is re-pointed at the successor skill, so the skill's history reads on.
 * - Merge (A and B into B): when a person has a current rating of the same source on two of the merged
 *   skills, one more rating is written on B with the higher of the two levels, dated at the later of the
 *   two (so it neither jumps ahead of nor falls behind the other source) and noted as combined. The
 *   profile therefore takes the higher level of each source; the history keeps both originals.
 * - Removal: ratings keep pointing at the archived skill, readable in the history, and no longer count
 *   (`AssessmentsService.assessmentsOf` counts only skills of a published version). Reported as cleared.
 */
export const assessmentsFollower: VersionFollower = {
  name: 'assessments.skill',
  describe: 'skill assessments',
  async follow(manager: EntityManager, move: VersionMove): Promise<FollowResult> {
    if (move.skills.size === 0) return { moved: 0, cleared: 0 };
    const oldIds = [...move.skills.keys()];
    const newIds = [...move.skills.values()];
    const [{ combined }] = (await manager.query(
      `WITH mapping AS (SELECT * FROM unnest($2::uuid[], $3::uuid[]) AS m(old_id, new_id) WHERE new_id IS NOT NULL),
            latest AS (
              SELECT DISTINCT ON (a.person_id, a.source, a.skill_id) a.person_id, a.source, m.new_id, a.level, a.assessed_by_id, a.assessed_at
              FROM assessments a JOIN mapping m ON m.old_id = a.skill_id
              WHERE a.organisation_id = $1
              ORDER BY a.person_id, a.source, a.skill_id, a.assessed_at DESC, a.level DESC
            ),
            merged AS (
              SELECT DISTINCT ON (person_id, source, new_id) person_id, source, new_id, level, assessed_by_id,
                max(assessed_at) OVER w AS assessed_at, count(*) OVER w AS sources
              FROM latest WINDOW w AS (PARTITION BY person_id, source, new_id)
              ORDER BY person_id, source, new_id, level DESC, assessed_at DESC
            ),
            inserted AS (
              INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at, evidence_note)
              SELECT $1, gen_random_uuid(), person_id, new_id, level, source, assessed_by_id, assessed_at, $4
              FROM merged WHERE sources > 1
              RETURNING 1
            )
       SELECT count(*)::int AS combined FROM inserted`,
      [move.organisationId, oldIds, newIds, 'Combined when skills were merged in a new framework version: the higher current rating counts.'],
    )) as [{ combined: number }];
    const { moved } = await remapColumn(manager, { table: 'assessments', column: 'skill_id' }, move.organisationId, new Map([...move.skills].filter((entry): entry is [string, string] => entry[1] !== null)));
    const removed = [...move.skills].filter(([, successor]) => successor === null).map(([id]) => id);
    const [{ cleared }] = (await manager.query(`SELECT count(*)::int AS cleared FROM assessments WHERE organisation_id = $1 AND skill_id = ANY($2)`, [
      move.organisationId,
      removed,
    ])) as [{ cleared: number }];
    return { moved: moved + combined, cleared };
  },
};
