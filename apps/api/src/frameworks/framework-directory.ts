import type { EntityManager } from 'typeorm';
import type { ProficiencyLevelValue } from './framework.entities.js';

/**
 * What other modules may read of frameworks (the framework, version and part tables belong to this
 * module). Plain functions over the caller's EntityManager, so they run in the caller's transaction
 * and see what it sees; every one is scoped by organisation and answers a set in one statement.
 */

export interface SkillRef {
  id: string;
  key: string;
  name: string;
  position: number;
  /** The skill belongs to a published version (archived skills' ratings stay readable but no longer count). */
  published: boolean;
}

export async function skillsByIds(manager: EntityManager, organisationId: string, ids: readonly string[]): Promise<Map<string, SkillRef>> {
  if (ids.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT s.id, s.key, s.name, s.position, v.status = 'published' AS published
     FROM skills s JOIN framework_versions v ON v.organisation_id = s.organisation_id AND v.id = s.framework_version_id
     WHERE s.organisation_id = $1 AND s.id = ANY($2)`,
    [organisationId, [...new Set(ids)]],
  )) as SkillRef[];
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * A skill with its own scale (its named scale, its category's, else the version's proficiency scale;
 * a named scale's levels may have no summary) and its version's status (to check a rating); null when there is none.
 */
export async function skillWithScale(
  manager: EntityManager,
  organisationId: string,
  skillId: string,
): Promise<{ id: string; scale: ProficiencyLevelValue[]; status: string } | null> {
  const [skill] = (await manager.query(
    `SELECT s.id, v.status, coalesce(
       (SELECT named -> 'levels' FROM jsonb_array_elements(v.scales) AS named WHERE named ->> 'key' = coalesce(s.scale_key, c.scale_key)),
       v.proficiency_scale) AS scale
     FROM skills s
     JOIN framework_versions v ON v.organisation_id = s.organisation_id AND v.id = s.framework_version_id
     JOIN skill_categories c ON c.organisation_id = s.organisation_id AND c.id = s.category_id
     WHERE s.organisation_id = $1 AND s.id = $2`,
    [organisationId, skillId],
  )) as { id: string; scale: ProficiencyLevelValue[]; status: string }[];
  return skill ?? null;
}

/** The skills of published versions by key (name and the version's scale), for rules that work on skill keys. */
export async function publishedSkillsByKey(
  manager: EntityManager,
  organisationId: string,
): Promise<Map<string, { id: string; key: string; name: string; scale: ProficiencyLevelValue[] }>> {
  const rows = (await manager.query(
    `SELECT s.id, s.key, s.name, v.proficiency_scale AS scale FROM skills s
     JOIN framework_versions v ON v.organisation_id = s.organisation_id AND v.id = s.framework_version_id
     WHERE s.organisation_id = $1 AND v.status = 'published' ORDER BY v.created_at, s.position, s.id`,
    [organisationId],
  )) as { id: string; key: string; name: string; scale: ProficiencyLevelValue[] }[];
  const byKey = new Map<string, { id: string; key: string; name: string; scale: ProficiencyLevelValue[] }>();
  for (const row of rows) if (!byKey.has(row.key)) byKey.set(row.key, row);
  return byKey;
}

export interface RoleRef {
  id: string;
  key: string;
  title: string;
  frameworkVersionId: string;
}

const ROLE_COLUMNS = `r.id, r.key, r.title, r.framework_version_id AS "frameworkVersionId"`;

/** Every role of the organisation's published versions. */
export function publishedRoles(manager: EntityManager, organisationId: string): Promise<RoleRef[]> {
  return manager.query(
    `SELECT ${ROLE_COLUMNS} FROM roles r
     JOIN framework_versions v ON v.organisation_id = r.organisation_id AND v.id = r.framework_version_id
     WHERE r.organisation_id = $1 AND v.status = 'published'`,
    [organisationId],
  ) as Promise<RoleRef[]>;
}

/** The role when it belongs to a published version, else null. */
export async function publishedRole(manager: EntityManager, organisationId: string, roleId: string): Promise<RoleRef | null> {
  const [role] = (await manager.query(
    `SELECT ${ROLE_COLUMNS} FROM roles r
     JOIN framework_versions v ON v.organisation_id = r.organisation_id AND v.id = r.framework_version_id
     WHERE r.organisation_id = $1 AND r.id = $2 AND v.status = 'published'`,
    [organisationId, roleId],
  )) as RoleRef[];
  return role ?? null;
}

export async function rolesByIds(manager: EntityManager, organisationId: string, ids: readonly string[]): Promise<Map<string, RoleRef>> {
  if (ids.length === 0) return new Map();
  const rows = (await manager.query(`SELECT ${ROLE_COLUMNS} FROM roles r WHERE r.organisation_id = $1 AND r.id = ANY($2)`, [
    organisationId,
    [...new Set(ids)],
  ])) as RoleRef[];
  return new Map(rows.map((row) => [row.id, row]));
}

export async function qualificationKeys(manager: EntityManager, organisationId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = (await manager.query(`SELECT id, key FROM qualifications WHERE organisation_id = $1 AND id = ANY($2)`, [
    organisationId,
    [...new Set(ids)],
  ])) as { id: string; key: string }[];
  return new Map(rows.map((row) => [row.id, row.key]));
}

export interface VersionPart {
  kind: 'skill' | 'role' | 'qualification';
  id: string;
  key: string;
}

/** The ids and keys of a version's skills, roles and qualifications. */
export function versionParts(manager: EntityManager, organisationId: string, versionId: string): Promise<VersionPart[]> {
  return manager.query(
    `SELECT 'skill' AS kind, id, key FROM skills WHERE organisation_id = $1 AND framework_version_id = $2
     UNION ALL SELECT 'role', id, key FROM roles WHERE organisation_id = $1 AND framework_version_id = $2
     UNION ALL SELECT 'qualification', id, key FROM qualifications WHERE organisation_id = $1 AND framework_version_id = $2`,
    [organisationId, versionId],
  ) as Promise<VersionPart[]>;
}

export async function versionHeader(
  manager: EntityManager,
  organisationId: string,
  versionId: string,
): Promise<{ number: number; publishedByPersonId: string | null } | null> {
  const [row] = (await manager.query(
    `SELECT number, published_by_person_id AS "publishedByPersonId" FROM framework_versions WHERE organisation_id = $1 AND id = $2`,
    [organisationId, versionId],
  )) as { number: number; publishedByPersonId: string | null }[];
  return row ?? null;
}

/**
 * SQL for a read of frameworks that must stay inside another module's statement (a set-based write
 * while a version is published). Each takes SQL expressions (parameters or columns of the caller's statement).
 */
/** The organisation's first framework (the getting-started checklist links to it), or null. */
export async function firstFrameworkId(manager: EntityManager, organisationId: string): Promise<string | null> {
  const rows = (await manager.query(`SELECT id FROM frameworks WHERE organisation_id = $1 ORDER BY created_at, id LIMIT 1`, [organisationId])) as {
    id: string;
  }[];
  return rows[0]?.id ?? null;
}

export const frameworkSql = {
  /** Rows (key, id): each skill key of the published versions and one skill id for it (the earliest version's). */
  publishedSkillIdsByKey: (organisationId: string) =>
    `SELECT DISTINCT ON (s.key) s.key, s.id FROM skills s
     WHERE s.organisation_id = ${organisationId}
       AND s.framework_version_id IN (SELECT id FROM framework_versions WHERE organisation_id = ${organisationId} AND status = 'published')
     ORDER BY s.key, s.framework_version_id`,
  /** Rows (old_id, new_id): each qualification of one version and its successor by key in another, NULL when it is gone. */
  qualificationSuccessors: (organisationId: string, fromVersionId: string, toVersionId: string) =>
    `SELECT q.id AS old_id, successor.id AS new_id FROM qualifications q
     LEFT JOIN qualifications successor
       ON successor.organisation_id = q.organisation_id AND successor.framework_version_id = ${toVersionId} AND successor.key = q.key
     WHERE q.organisation_id = ${organisationId} AND q.framework_version_id = ${fromVersionId}`,
};

/**
 * The organisation's published frameworks as reports see them (ids are database ids): skills by
 * category and position, tracks, roles with their expectations, and the proficiency levels.
 */
export async function reportCatalogueRows(manager: EntityManager, organisationId: string) {
  const published = `SELECT id FROM framework_versions WHERE organisation_id = $1 AND status = 'published'`;
  const categories = (await manager.query(
    `SELECT c.id, c.name FROM skill_categories c WHERE c.organisation_id = $1 AND c.framework_version_id IN (${published})
     ORDER BY c.framework_version_id, c.position, c.id`,
    [organisationId],
  )) as { id: string; name: string }[];
  const skills = (await manager.query(
    `SELECT s.id, s.name, s.category_id AS "categoryId" FROM skills s WHERE s.organisation_id = $1 AND s.framework_version_id IN (${published})
     ORDER BY s.framework_version_id, s.position, s.id`,
    [organisationId],
  )) as { id: string; name: string; categoryId: string }[];
  const tracks = (await manager.query(
    `SELECT t.id, t.name FROM tracks t WHERE t.organisation_id = $1 AND t.framework_version_id IN (${published}) ORDER BY t.framework_version_id, t.position, t.id`,
    [organisationId],
  )) as { id: string; name: string }[];
  const roles = (await manager.query(
    `SELECT r.id, r.title, r.track_id AS "trackId",
       coalesce((SELECT jsonb_object_agg(e.skill_id, e.level) FROM expectations e WHERE e.organisation_id = r.organisation_id AND e.role_id = r.id), '{}') AS expectations
     FROM roles r WHERE r.organisation_id = $1 AND r.framework_version_id IN (${published}) ORDER BY r.framework_version_id, r.position, r.id`,
    [organisationId],
  )) as { id: string; title: string; trackId: string; expectations: Record<string, number> }[];
  const scales = (await manager.query(
    `SELECT DISTINCT (l->>'level')::int AS level FROM framework_versions v, jsonb_array_elements(v.proficiency_scale) l
     WHERE v.organisation_id = $1 AND v.status = 'published' ORDER BY 1`,
    [organisationId],
  )) as { level: number }[];
  return { skills, categories, tracks, roles, levels: scales.map((row) => row.level) };
}
