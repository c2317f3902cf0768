import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { skillsByIds } from '../frameworks/framework-directory.js';
import { VersionFollowers, type FollowResult, type VersionFollower, type VersionMove } from '../frameworks/version-migration/version-followers.js';

/**
 * Mentoring stores skill keys, not ids (mentor profiles' offered skills, mentorships' focus skills,
 * programme mentees' focus skills), so it follows a publication by key: a skill whose key changed
 * (renamed, or merged into another) is replaced by its successor's key, keeping the list's order with
 * no duplicate; a removed skill's key is dropped from profiles, open mentorships and programmes. An
 * ended mentorship keeps a removed key: it is the history of what the pair worked on.
 */
@Injectable()
export class MentoringVersionFollower implements VersionFollower, OnModuleInit {
  readonly name = 'mentoring.skillKeys';
  readonly describe = "mentor profiles' offered skills and mentorships' focus skills";

  constructor(private readonly followers: VersionFollowers) {}

  onModuleInit(): void {
    // After plans (30): nothing of mentoring depends on what they move, and nothing depends on mentoring.
    this.followers.register(this, 40);
  }

  async follow(manager: EntityManager, move: VersionMove): Promise<FollowResult> {
    const changes = await keyChanges(manager, move);
    if (changes.oldKeys.length === 0) return { moved: 0, cleared: 0 };
    const removed = changes.oldKeys.filter((_, i) => changes.newKeys[i] === null);
    const renamed = changes.oldKeys.filter((_, i) => changes.newKeys[i] !== null);
    let moved = 0;
    let cleared = 0;
    for (const target of TARGETS) {
      const keep = target.keepRemovedWhen ?? 'false';
      const [result] = (await manager.query(
        `WITH mapping AS (SELECT * FROM unnest($2::text[], $3::text[]) AS m(old_key, new_key)),
              changed AS (
                UPDATE ${target.table} t SET ${target.column} = (
                    SELECT coalesce(array_agg(x.k ORDER BY x.first), '{}') FROM (
                      SELECT CASE WHEN m.old_key IS NULL THEN e.k WHEN m.new_key IS NOT NULL THEN m.new_key WHEN ${keep} THEN e.k END AS k, min(e.pos) AS first
                      FROM unnest(t.${target.column}) WITH ORDINALITY AS e(k, pos) LEFT JOIN mapping m ON m.old_key = e.k
                      GROUP BY 1
                    ) x WHERE x.k IS NOT NULL)${target.bumpVersion ? ', version = t.version + 1' : ''}
                FROM ${target.table} b
                WHERE t.organisation_id = $1 AND b.organisation_id = t.organisation_id AND ${target.same} AND t.${target.column} && $2::text[]
                RETURNING b.${target.column} && $4::text[] AS renamed, b.${target.column} && $5::text[] AND NOT (${keep}) AS removed
              )
         SELECT count(*) FILTER (WHERE renamed)::int AS moved, count(*) FILTER (WHERE removed)::int AS cleared FROM changed`,
        [move.organisationId, changes.oldKeys, changes.newKeys, renamed, removed],
      )) as [FollowResult];
      moved += result.moved;
      cleared += result.cleared;
    }
    return { moved, cleared };
  }
}

/** The tables that hold skill keys; `same` joins a row to its own snapshot (b) so RETURNING can tell what it was. */
const TARGETS: { table: string; column: string; same: string; bumpVersion: boolean; keepRemovedWhen?: string }[] = [
  { table: 'mentor_profiles', column: 'offered_skill_keys', same: 'b.id = t.id', bumpVersion: true },
  // An ended mentorship keeps a removed skill's key (a renamed one follows, so the history names the skill).
  { table: 'mentorships', column: 'focus_skill_keys', same: 'b.id = t.id', bumpVersion: true, keepRemovedWhen: `t.status = 'ended'` },
  {
    table: 'mentoring_programme_participants',
    column: 'focus_skill_keys',
    same: 'b.programme_id = t.programme_id AND b.person_id = t.person_id AND b.part = t.part',
    bumpVersion: false,
  },
];

/** The skill keys this publication changes: old key → new key (renamed or merged), or null (removed). Unchanged keys are left out. */
async function keyChanges(manager: EntityManager, move: VersionMove): Promise<{ oldKeys: string[]; newKeys: (string | null)[] }> {
  if (move.skills.size === 0) return { oldKeys: [], newKeys: [] };
  const ids = [...move.skills.keys(), ...[...move.skills.values()].filter((id): id is string => id !== null)];
  const skills = await skillsByIds(manager, move.organisationId, ids);
  const successorKeys = new Set([...move.skills.values()].map((id) => (id ? skills.get(id)?.key : undefined)).filter(Boolean));
  const oldKeys: string[] = [];
  const newKeys: (string | null)[] = [];
  for (const [oldId, newId] of move.skills) {
    const oldKey = skills.get(oldId)?.key;
    if (!oldKey) continue;
    const newKey = newId ? (skills.get(newId)?.key ?? null) : null;
    if (newKey === oldKey) continue;
    // A removed skill whose key lives on in the new version (another skill took it) is not removed.
    if (newKey === null && successorKeys.has(oldKey)) continue;
    oldKeys.push(oldKey);
    newKeys.push(newKey);
  }
  return { oldKeys, newKeys };
}
