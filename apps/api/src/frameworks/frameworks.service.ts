import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FrameworkDocument } from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { tenantTransaction } from '../database/tenant-database.js';
import {
  ExpectationEntity,
  FrameworkEntity,
  FrameworkVersionEntity,
  type FrameworkVersionStatus,
  QualificationEntity,
  QualificationSkillEntity,
  RoleEntity,
  RoleQualificationEntity,
  SkillCategoryEntity,
  SkillEntity,
  TrackEntity,
  TransitionEntity,
} from './framework.entities.js';

@Injectable()
export class FrameworksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByKey(organisationId: string, key: string, manager: EntityManager) {
    return manager.getRepository(FrameworkEntity).findOneBy({ organisationId, key });
  }

  /** Role key → id in the published version of the framework with this key (empty when none is published). */
  async publishedRoleIds(manager: EntityManager, organisationId: string, frameworkKey: string): Promise<Map<string, string>> {
    const roles = await manager
      .getRepository(RoleEntity)
      .createQueryBuilder('role')
      .innerJoin('framework_versions', 'version', 'version.organisation_id = role.organisation_id AND version.id = role.framework_version_id')
      .innerJoin('frameworks', 'framework', 'framework.organisation_id = version.organisation_id AND framework.id = version.framework_id')
      .where('role.organisation_id = :organisationId AND framework.key = :key AND version.status = :status', {
        organisationId,
        key: frameworkKey,
        status: 'published',
      })
      .getMany();
    return new Map(roles.map((role) => [role.key, role.id]));
  }

  /**
   * Creates a framework and its first version from a validated document, in one transaction.
   * Callers validate the document first (validateFramework in @trellis/domain).
   */
  createFromDocument(
    organisationId: string,
    document: FrameworkDocument,
    options: { publish: boolean },
    /** Joins the caller's transaction when given one. */
    outer?: EntityManager,
  ): Promise<{ framework: FrameworkEntity; version: FrameworkVersionEntity }> {
    const work = async (manager: EntityManager) => {
      const framework = manager.create(FrameworkEntity, {
        organisationId,
        id: randomUUID(),
        key: document.key,
        name: document.name,
        description: document.description ?? null,
      });
      await manager.insert(FrameworkEntity, framework);
      const version = await this.insertVersion(manager, {
        organisationId,
        frameworkId: framework.id,
        number: 1,
        status: options.publish ? 'published' : 'draft',
        publishedByPersonId: null,
        document,
      });
      return { framework, version };
    };
    return outer ? work(outer) : tenantTransaction(this.dataSource, organisationId, work);
  }

  /**
   * Writes a validated document as a version of an existing framework, in the caller's transaction:
   * the version row, then one multi-row insert per kind of part.
   */
  async insertVersion(
    manager: EntityManager,
    version: {
      organisationId: string;
      frameworkId: string;
      number: number;
      status: FrameworkVersionStatus;
      publishedByPersonId: string | null;
      document: FrameworkDocument;
    },
  ): Promise<FrameworkVersionEntity> {
    const row = manager.create(FrameworkVersionEntity, {
      organisationId: version.organisationId,
      id: randomUUID(),
      frameworkId: version.frameworkId,
      number: version.number,
      status: version.status,
      publishedAt: version.status === 'draft' ? null : new Date(),
      publishedByPersonId: version.publishedByPersonId,
      proficiencyScale: version.document.proficiencyScale,
      scales: version.document.scales ?? [],
      trackGroups: version.document.trackGroups ?? [],
      levelling: version.document.levelling ?? null,
    });
    await manager.insert(FrameworkVersionEntity, row);
    await this.insertVersionContent(manager, version.organisationId, row.id, version.document);
    return row;
  }

  /** Writes every part of a document into a version: one multi-row insert per table. */
  private async insertVersionContent(
    manager: EntityManager,
    organisationId: string,
    frameworkVersionId: string,
    document: FrameworkDocument,
  ): Promise<void> {
    const base = { organisationId, frameworkVersionId };
    const ids = (keys: string[]) => new Map(keys.map((key) => [key, randomUUID()]));
    const categoryIds = ids(document.skillCategories.map((c) => c.key));
    const skillIds = ids(document.skills.map((s) => s.key));
    const trackIds = ids(document.tracks.map((t) => t.key));
    const roleIds = ids(document.roles.map((r) => r.key));
    const qualificationIds = ids(document.qualifications.map((q) => q.key));
    const idOf = (map: Map<string, string>, key: string, what: string): string => {
      const id = map.get(key);
      if (!id) throw new Error(`Unknown ${what} "${key}": validate the document before writing it`);
      return id;
    };

    // Chunked so a large framework stays under PostgreSQL's limit of bind parameters per statement.
    const insert = async <T>(entity: new () => T, rows: Partial<T>[]) => {
      for (let start = 0; start < rows.length; start += 1000) {
        await manager.insert(entity, rows.slice(start, start + 1000) as never);
      }
    };
    await insert(
      SkillCategoryEntity,
      document.skillCategories.map((category, position) => ({
        ...base,
        id: idOf(categoryIds, category.key, 'skill category'),
        key: category.key,
        position,
        name: category.name,
        description: category.description ?? null,
        scaleKey: category.scaleKey ?? null,
      })),
    );
    await insert(
      SkillEntity,
      document.skills.map((skill, position) => ({
        ...base,
        id: idOf(skillIds, skill.key, 'skill'),
        key: skill.key,
        position,
        categoryId: idOf(categoryIds, skill.categoryKey, 'skill category'),
        name: skill.name,
        description: skill.description ?? null,
        scaleKey: skill.scaleKey ?? null,
        levels: skill.levels,
      })),
    );
    await insert(
      TrackEntity,
      document.tracks.map((track, position) => ({
        ...base,
        id: idOf(trackIds, track.key, 'track'),
        key: track.key,
        position,
        name: track.name,
        kind: track.kind,
        description: track.description ?? null,
        groupKey: track.groupKey ?? null,
      })),
    );
    await insert(
      RoleEntity,
      document.roles.map((role, position) => ({
        ...base,
        id: idOf(roleIds, role.key, 'role'),
        key: role.key,
        position,
        trackId: idOf(trackIds, role.trackKey, 'track'),
        title: role.title,
        level: role.level,
        band: role.band ?? null,
        summary: role.summary,
        responsibilities: role.responsibilities,
        sharedWithTrackKeys: role.sharedWithTrackKeys ?? [],
      })),
    );
    await insert(
      ExpectationEntity,
      document.roles.flatMap((role) =>
        Object.entries(role.expectations).map(([skillKey, level]) => {
          const detail = role.expectationDetails?.[skillKey];
          return {
            ...base,
            roleId: idOf(roleIds, role.key, 'role'),
            skillId: idOf(skillIds, skillKey, 'skill'),
            level,
            optional: detail?.optional ?? false,
            weight: detail?.weight ?? null,
            statement: detail?.statement ?? null,
          };
        }),
      ),
    );
    await insert(
      TransitionEntity,
      document.transitions.map((transition, position) => ({
        ...base,
        id: randomUUID(),
        fromRoleId: idOf(roleIds, transition.fromRoleKey, 'role'),
        toRoleId: idOf(roleIds, transition.toRoleKey, 'role'),
        kind: transition.kind,
        typicalMonths: transition.typicalMonths ?? null,
        guidance: transition.guidance ?? null,
        position,
      })),
    );
    await insert(
      QualificationEntity,
      document.qualifications.map((qualification, position) => ({
        ...base,
        id: idOf(qualificationIds, qualification.key, 'qualification'),
        key: qualification.key,
        position,
        name: qualification.name,
        provider: qualification.provider,
        url: qualification.url ?? null,
        validityMonths: qualification.validityMonths ?? null,
        description: qualification.description ?? null,
      })),
    );
    await insert(
      QualificationSkillEntity,
      document.qualifications.flatMap((qualification) =>
        [...new Set(qualification.skillKeys)].map((skillKey, position) => ({
          organisationId,
          qualificationId: idOf(qualificationIds, qualification.key, 'qualification'),
          skillId: idOf(skillIds, skillKey, 'skill'),
          position,
        })),
      ),
    );
    await insert(
      RoleQualificationEntity,
      document.qualifications.flatMap((qualification) => {
        const qualificationId = idOf(qualificationIds, qualification.key, 'qualification');
        // A role listed under both is required (the stronger link); positions keep each list's order.
        const required = new Set(qualification.requiredForRoleKeys);
        return [
          ...[...required].map((roleKey, position) => ({ roleKey, position, requirement: 'required' as const })),
          ...[...new Set(qualification.recommendedForRoleKeys)]
            .filter((roleKey) => !required.has(roleKey))
            .map((roleKey, position) => ({ roleKey, position, requirement: 'recommended' as const })),
        ].map(({ roleKey, position, requirement }) => ({
          organisationId,
          roleId: idOf(roleIds, roleKey, 'role'),
          qualificationId,
          requirement,
          position,
        }));
      }),
    );
  }
}
