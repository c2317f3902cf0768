import { Injectable } from '@nestjs/common';
import {
  FRAMEWORK_DOCUMENT_SCHEMA_VERSION,
  type ExpectationDetail,
  type FrameworkDocument,
  type LevelDescriptor,
  type PointsLevelling,
  type QualificationDocument,
  type RoleDocument,
  type ScaleDocument,
  type TrackGroupDocument,
} from '@trellis/domain';
import { notFound } from '../common/errors.js';

/** Anything that runs SQL and returns rows: a transaction's EntityManager or a request's RequestDatabase. */
export interface SqlRunner {
  query(text: string, values: unknown[]): Promise<unknown[]>;
}

interface VersionRow {
  key: string;
  name: string;
  description: string | null;
  proficiencyScale: FrameworkDocument['proficiencyScale'];
  scales: ScaleDocument[];
  trackGroups: TrackGroupDocument[];
  levelling: PointsLevelling | null;
}

/** Leaves out optional fields that are null in the database: a document omits what it does not have. */
function present<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}

/**
 * Reads a framework version back into its portable form (the FrameworkDocument it was written
 * from). Exact: createFromDocument followed by versionDocument gives the same document (see
 * test/framework-drafts.test.ts). Set-based: one statement per table, whatever the version's size.
 * Used to start a draft from a published version, and by export and diff.
 */
@Injectable()
export class FrameworkDocumentsService {
  async versionDocument(sql: SqlRunner, organisationId: string, versionId: string): Promise<FrameworkDocument> {
    const values = [organisationId, versionId];
    const rows = async <T>(text: string) => (await sql.query(text, values)) as T[];
    const [version] = await rows<VersionRow>(
      `SELECT f.key, f.name, f.description, v.proficiency_scale AS "proficiencyScale", v.scales, v.track_groups AS "trackGroups", v.levelling
       FROM framework_versions v JOIN frameworks f ON f.organisation_id = v.organisation_id AND f.id = v.framework_id
       WHERE v.organisation_id = $1 AND v.id = $2`,
    );
    if (!version) throw notFound('That framework version');
    // One after another: a transaction's connection runs one statement at a time anyway.
    const categories = await rows<{ key: string; name: string; description: string | null; scaleKey: string | null }>(
        `SELECT key, name, description, scale_key AS "scaleKey" FROM skill_categories WHERE organisation_id = $1 AND framework_version_id = $2 ORDER BY position`,
      );
    const skills = await rows<{ key: string; name: string; categoryKey: string; description: string | null; scaleKey: string | null; levels: Record<string, LevelDescriptor> }>(
        `SELECT s.key, s.name, c.key AS "categoryKey", s.description, s.scale_key AS "scaleKey", s.levels
         FROM skills s JOIN skill_categories c ON c.organisation_id = s.organisation_id AND c.id = s.category_id
         WHERE s.organisation_id = $1 AND s.framework_version_id = $2 ORDER BY s.position`,
      );
    const tracks = await rows<{ key: string; name: string; kind: 'core' | 'specialist' | 'lateral'; description: string | null; groupKey: string | null }>(
        `SELECT key, name, kind, description, group_key AS "groupKey" FROM tracks WHERE organisation_id = $1 AND framework_version_id = $2 ORDER BY position`,
      );
    const roles = await rows<{ key: string; title: string; trackKey: string; level: number; band: number | null; summary: string; responsibilities: string[]; sharedWithTrackKeys: string[] }>(
        `SELECT r.key, r.title, t.key AS "trackKey", r.level, r.band, r.summary, r.responsibilities, r.shared_with_track_keys AS "sharedWithTrackKeys"
         FROM roles r JOIN tracks t ON t.organisation_id = r.organisation_id AND t.id = r.track_id
         WHERE r.organisation_id = $1 AND r.framework_version_id = $2 ORDER BY r.position`,
      );
    const expectations = await rows<{ roleKey: string; skillKey: string; level: number; optional: boolean; weight: number | null; statement: string | null }>(
        `SELECT r.key AS "roleKey", s.key AS "skillKey", e.level, e.optional, e.weight, e.statement
         FROM expectations e
         JOIN roles r ON r.organisation_id = e.organisation_id AND r.id = e.role_id
         JOIN skills s ON s.organisation_id = e.organisation_id AND s.id = e.skill_id
         WHERE e.organisation_id = $1 AND e.framework_version_id = $2 ORDER BY r.position, s.position`,
      );
    const transitions = await rows<{ fromRoleKey: string; toRoleKey: string; kind: 'promotion' | 'lateral'; typicalMonths: number | null; guidance: string | null }>(
        `SELECT f.key AS "fromRoleKey", t.key AS "toRoleKey", x.kind, x.typical_months AS "typicalMonths", x.guidance
         FROM transitions x
         JOIN roles f ON f.organisation_id = x.organisation_id AND f.id = x.from_role_id
         JOIN roles t ON t.organisation_id = x.organisation_id AND t.id = x.to_role_id
         WHERE x.organisation_id = $1 AND x.framework_version_id = $2 ORDER BY x.position`,
      );
    const qualifications = await rows<{ key: string; name: string; provider: string; url: string | null; validityMonths: number | null; description: string | null }>(
        `SELECT key, name, provider, url, validity_months AS "validityMonths", description
         FROM qualifications WHERE organisation_id = $1 AND framework_version_id = $2 ORDER BY position`,
      );
    const qualificationSkills = await rows<{ qualificationKey: string; skillKey: string }>(
        `SELECT q.key AS "qualificationKey", s.key AS "skillKey"
         FROM qualification_skills qs
         JOIN qualifications q ON q.organisation_id = qs.organisation_id AND q.id = qs.qualification_id
         JOIN skills s ON s.organisation_id = qs.organisation_id AND s.id = qs.skill_id
         WHERE qs.organisation_id = $1 AND q.framework_version_id = $2 ORDER BY qs.position, s.position`,
      );
    const roleLinks = await rows<{ qualificationKey: string; roleKey: string; requirement: 'required' | 'recommended' }>(
        `SELECT q.key AS "qualificationKey", r.key AS "roleKey", rq.requirement
         FROM role_qualifications rq
         JOIN qualifications q ON q.organisation_id = rq.organisation_id AND q.id = rq.qualification_id
         JOIN roles r ON r.organisation_id = rq.organisation_id AND r.id = rq.role_id
         WHERE rq.organisation_id = $1 AND q.framework_version_id = $2 ORDER BY rq.position, r.position`,
      );

    const expectationsByRole = new Map<string, Record<string, number>>();
    const detailsByRole = new Map<string, Record<string, ExpectationDetail>>();
    for (const row of expectations) {
      const forRole = expectationsByRole.get(row.roleKey) ?? {};
      forRole[row.skillKey] = row.level;
      expectationsByRole.set(row.roleKey, forRole);
      const detail: ExpectationDetail = { ...(row.optional ? { optional: true } : {}), ...present({ weight: row.weight, statement: row.statement }) };
      if (Object.keys(detail).length > 0) detailsByRole.set(row.roleKey, { ...detailsByRole.get(row.roleKey), [row.skillKey]: detail });
    }
    const qualificationsByKey = new Map<string, QualificationDocument>(
      qualifications.map((q) => [
        q.key,
        {
          key: q.key,
          name: q.name,
          provider: q.provider,
          ...present({ url: q.url, validityMonths: q.validityMonths, description: q.description }),
          skillKeys: [],
          requiredForRoleKeys: [],
          recommendedForRoleKeys: [],
        },
      ]),
    );
    for (const link of qualificationSkills) qualificationsByKey.get(link.qualificationKey)?.skillKeys.push(link.skillKey);
    for (const link of roleLinks) {
      const qualification = qualificationsByKey.get(link.qualificationKey);
      if (!qualification) continue;
      (link.requirement === 'required' ? qualification.requiredForRoleKeys : qualification.recommendedForRoleKeys).push(link.roleKey);
    }

    return {
      schemaVersion: FRAMEWORK_DOCUMENT_SCHEMA_VERSION,
      key: version.key,
      name: version.name,
      ...present({ description: version.description }),
      proficiencyScale: version.proficiencyScale.map(({ level, name, summary }) => ({ level, name, summary })),
      ...(version.scales.length > 0 ? { scales: version.scales } : {}),
      skillCategories: categories.map((c) => ({ key: c.key, name: c.name, ...present({ description: c.description, scaleKey: c.scaleKey }) })),
      skills: skills.map((s) => ({
        key: s.key,
        name: s.name,
        categoryKey: s.categoryKey,
        ...present({ description: s.description, scaleKey: s.scaleKey }),
        levels: s.levels,
      })),
      ...(version.trackGroups.length > 0 ? { trackGroups: version.trackGroups } : {}),
      tracks: tracks.map((t) => ({ key: t.key, name: t.name, kind: t.kind, ...present({ description: t.description, groupKey: t.groupKey }) })),
      roles: roles.map(
        (r): RoleDocument => ({
          key: r.key,
          title: r.title,
          trackKey: r.trackKey,
          level: r.level,
          ...present({ band: r.band }),
          summary: r.summary,
          responsibilities: r.responsibilities,
          expectations: expectationsByRole.get(r.key) ?? {},
          ...(detailsByRole.has(r.key) ? { expectationDetails: detailsByRole.get(r.key) } : {}),
          ...(r.sharedWithTrackKeys.length > 0 ? { sharedWithTrackKeys: r.sharedWithTrackKeys } : {}),
        }),
      ),
      transitions: transitions.map((t) => ({
        fromRoleKey: t.fromRoleKey,
        toRoleKey: t.toRoleKey,
        kind: t.kind,
        ...present({ typicalMonths: t.typicalMonths, guidance: t.guidance }),
      })),
      qualifications: [...qualificationsByKey.values()],
      ...(version.levelling ? { levelling: version.levelling } : {}),
    };
  }
}
