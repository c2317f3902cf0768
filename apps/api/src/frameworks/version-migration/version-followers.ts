import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Carrying data across framework versions.
 *
 * Publishing a draft creates a new version whose roles and skills have new ids. Everything that
 * points at the old version's roles or skills (people's current roles; assessments, plan actions
 * and plans' target roles) must point at the new version's in the same transaction. Each
 * kind of data joins by registering a {@link VersionFollower} that says how it follows a rename,
 * a merge or a removal; the publisher runs them all and reports what each moved.
 */

/** One publication: every role and skill id of the old version → its successor's id, or null when removed. */
export interface VersionMove {
  organisationId: string;
  frameworkId: string;
  fromVersionId: string;
  toVersionId: string;
  /** Every role of the old version. A merge maps several old ids to one new id. */
  roles: ReadonlyMap<string, string | null>;
  /** Every skill of the old version. */
  skills: ReadonlyMap<string, string | null>;
}

/** What a follower did: rows now pointing at the new version, and rows whose reference was cleared (or deleted). */
export interface FollowResult {
  moved: number;
  cleared: number;
}

export interface VersionFollower {
  /** Stable, short: "people.currentRole". */
  name: string;
  /** What follows, for people: "people's current roles". */
  describe: string;
  /**
   * Points this kind of data at the new version, inside the publishing transaction (use `manager`,
   * set-based SQL, scoped by `move.organisationId`). A merge can bring two rows onto one key
   * (two assessed skills merged): the follower decides how they combine. Throwing aborts the publication.
   */
  follow(manager: EntityManager, move: VersionMove): Promise<FollowResult>;
}

export interface FollowerReport extends FollowResult {
  name: string;
  describe: string;
}

/** The followers of framework versions. Modules register theirs in `onModuleInit`. */
@Injectable()
export class VersionFollowers {
  private readonly followers: { follower: VersionFollower; stage: number }[] = [];

  /**
   * `stage` orders followers whatever order Nest happens to initialise modules in (it follows the import
   * graph, which changes as modules are added): lower stages run first, equal stages in registration order.
   * People's roles move first (stage 0); data that depends on others moving comes later.
   */
  register(follower: VersionFollower, stage = 100): void {
    if (this.followers.some((registered) => registered.follower.name === follower.name)) {
      throw new Error(`A version follower named "${follower.name}" is already registered`);
    }
    const at = this.followers.findIndex((registered) => registered.stage > stage);
    this.followers.splice(at === -1 ? this.followers.length : at, 0, { follower, stage });
  }

  list(): readonly VersionFollower[] {
    return this.followers.map((registered) => registered.follower);
  }

  /** Runs every follower in registration order, in the caller's transaction. */
  async followAll(manager: EntityManager, move: VersionMove): Promise<FollowerReport[]> {
    const reports: FollowerReport[] = [];
    for (const follower of this.list()) {
      const result = await follower.follow(manager, move);
      reports.push({ name: follower.name, describe: follower.describe, ...result });
    }
    return reports;
  }
}

/**
 * Re-points one uuid column from old ids to new ids in one statement: rows whose column holds an
 * old id get its successor, or NULL when the successor is null. `extraSet` adds assignments (for
 * example `version = version + 1`). The column must be nullable when the mapping clears anything.
 */
export async function remapColumn(
  manager: EntityManager,
  target: { table: string; column: string; extraSet?: string },
  organisationId: string,
  mapping: ReadonlyMap<string, string | null>,
): Promise<FollowResult> {
  if (mapping.size === 0) return { moved: 0, cleared: 0 };
  const identifier = /^[a-z_][a-z0-9_]*$/;
  if (!identifier.test(target.table) || !identifier.test(target.column)) throw new Error(`Not a plain identifier: ${target.table}.${target.column}`);
  const extra = target.extraSet ? `, ${target.extraSet}` : '';
  const rows = (await manager.query(
    `WITH mapping AS (SELECT * FROM unnest($2::uuid[], $3::uuid[]) AS m(old_id, new_id)),
          changed AS (
            UPDATE ${target.table} AS t SET ${target.column} = mapping.new_id${extra}
            FROM mapping
            WHERE t.organisation_id = $1 AND t.${target.column} = mapping.old_id
            RETURNING mapping.new_id
          )
     SELECT count(new_id)::int AS moved, (count(*) - count(new_id))::int AS cleared FROM changed`,
    [organisationId, [...mapping.keys()], [...mapping.values()]],
  )) as FollowResult[];
  return rows[0] ?? { moved: 0, cleared: 0 };
}
