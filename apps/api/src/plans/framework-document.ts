import type { FrameworkDocument } from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import { notFound } from '../common/errors.js';

/**
 * A stored framework version in the domain's portable form (skills and roles by key), with the
 * id ↔ key maps needed to turn the domain's answers back into rows. Read in a fixed number of
 * statements whatever the framework's size.
 */
export interface VersionDocument {
  versionId: string;
  status: string;
  doc: FrameworkDocument;
  skillIdByKey: Map<string, string>;
  skillKeyById: Map<string, string>;
  roleIdByKey: Map<string, string>;
  roleKeyById: Map<string, string>;
  qualificationIdByKey: Map<string, string>;
}

type Row = Record<string, unknown>;

export async function readVersionDocument(manager: EntityManager, organisationId: string, versionId: string): Promise<VersionDocument> {
  const q = (sql: string) => manager.query(sql, [organisationId, versionId]) as Promise<Row[]>;
  const [version] = await q(
    `SELECT v.status, v.proficiency_scale AS scale, f.key, f.name FROM framework_versions v
     JOIN frameworks f ON f.organisation_id = v.organisation_id AND f.id = v.framework_id
     WHERE v.organisation_id = $1 AND v.id = $2`,
  );
  if (!version) throw notFound('That framework version');
  // One after the other: they share the transaction's connection.
  const statements = [
    `SELECT id, key, name FROM skill_categories WHERE organisation_id = $1 AND framework_version_id = $2 ORDER BY position`,
    `SELECT id, key, name, category_id, levels FROM skills WHERE organisation_id = $1 AND framework_version_id = $2 ORDER BY position`,
    `SELECT id, key, name, kind FROM tracks WHERE organisation_id = $1 AND framework_version_id = $2 ORDER BY position`,
    `SELECT id, key, title, track_id, level, band, summary FROM roles WHERE organisation_id = $1 AND framework_version_id = $2 ORDER BY position`,
    `SELECT role_id, skill_id, level FROM expectations WHERE organisation_id = $1 AND framework_version_id = $2`,
    `SELECT from_role_id, to_role_id, kind, typical_months, guidance FROM transitions WHERE organisation_id = $1 AND framework_version_id = $2 ORDER BY position`,
    `SELECT id, key, name, provider, url, validity_months, description FROM qualifications WHERE organisation_id = $1 AND framework_version_id = $2 ORDER BY position`,
    `SELECT qs.qualification_id, qs.skill_id FROM qualification_skills qs JOIN qualifications q ON q.organisation_id = qs.organisation_id AND q.id = qs.qualification_id
       WHERE qs.organisation_id = $1 AND q.framework_version_id = $2`,
    `SELECT rq.qualification_id, rq.role_id, rq.requirement FROM role_qualifications rq JOIN roles r ON r.organisation_id = rq.organisation_id AND r.id = rq.role_id
       WHERE rq.organisation_id = $1 AND r.framework_version_id = $2`,
  ];
  const results: Row[][] = [];
  for (const sql of statements) results.push(await q(sql));
  const [categories, skills, tracks, roles, expectations, transitions, qualifications, qualificationSkills, roleQualifications] = results as [
    Row[], Row[], Row[], Row[], Row[], Row[], Row[], Row[], Row[],
  ];
  const keyOf = (rows: Row[]) => new Map(rows.map((r) => [r.id as string, r.key as string]));
  const categoryKey = keyOf(categories);
  const trackKey = keyOf(tracks);
  const skillKeyById = keyOf(skills);
  const roleKeyById = keyOf(roles);
  const doc: FrameworkDocument = {
    schemaVersion: '1',
    key: version.key as string,
    name: version.name as string,
    proficiencyScale: version.scale as FrameworkDocument['proficiencyScale'],
    skillCategories: categories.map((c) => ({ key: c.key as string, name: c.name as string })),
    skills: skills.map((s) => ({
      key: s.key as string,
      name: s.name as string,
      categoryKey: categoryKey.get(s.category_id as string) as string,
      levels: s.levels as Record<string, string>,
    })),
    tracks: tracks.map((t) => ({ key: t.key as string, name: t.name as string, kind: t.kind as 'core' })),
    roles: roles.map((r) => ({
      key: r.key as string,
      title: r.title as string,
      trackKey: trackKey.get(r.track_id as string) as string,
      level: r.level as number,
      ...(r.band === null ? {} : { band: r.band as number }),
      summary: r.summary as string,
      responsibilities: [],
      expectations: Object.fromEntries(
        expectations.filter((e) => e.role_id === r.id).map((e) => [skillKeyById.get(e.skill_id as string) as string, e.level as number]),
      ),
    })),
    transitions: transitions.map((t) => ({
      fromRoleKey: roleKeyById.get(t.from_role_id as string) as string,
      toRoleKey: roleKeyById.get(t.to_role_id as string) as string,
      kind: t.kind as 'promotion',
      ...(t.typical_months === null ? {} : { typicalMonths: t.typical_months as number }),
      ...(t.guidance === null ? {} : { guidance: t.guidance as string }),
    })),
    qualifications: qualifications.map((qualification) => {
      const rolesWith = (requirement: string) =>
        roleQualifications
          .filter((rq) => rq.qualification_id === qualification.id && rq.requirement === requirement)
          .map((rq) => roleKeyById.get(rq.role_id as string) as string);
      return {
        key: qualification.key as string,
        name: qualification.name as string,
        provider: qualification.provider as string,
        ...(qualification.url === null ? {} : { url: qualification.url as string }),
        ...(qualification.validity_months === null ? {} : { validityMonths: qualification.validity_months as number }),
        skillKeys: qualificationSkills
          .filter((qs) => qs.qualification_id === qualification.id)
          .map((qs) => skillKeyById.get(qs.skill_id as string) as string),
        requiredForRoleKeys: rolesWith('required'),
        recommendedForRoleKeys: rolesWith('recommended'),
      };
    }),
  };
  const invert = (map: Map<string, string>) => new Map([...map].map(([id, key]) => [key, id]));
  return {
    versionId,
    status: version.status as string,
    doc,
    skillIdByKey: invert(skillKeyById),
    skillKeyById,
    roleIdByKey: invert(roleKeyById),
    roleKeyById,
    qualificationIdByKey: new Map(qualifications.map((q) => [q.key as string, q.id as string])),
  };
}
