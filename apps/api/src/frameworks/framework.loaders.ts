import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type FindOptionsOrder, type ObjectLiteral } from 'typeorm';
import {
  ExpectationEntity,
  FrameworkEntity,
  FrameworkVersionEntity,
  QualificationEntity,
  QualificationSkillEntity,
  RoleEntity,
  RoleQualificationEntity,
  SkillCategoryEntity,
  SkillEntity,
  TrackEntity,
  TransitionEntity,
} from './framework.entities.js';

/**
 * Batches every read of a framework into one statement per kind of row, whatever the size of
 * the framework, and scopes each statement to the request's organisation. One instance per request.
 */
export class FrameworkLoaders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisationId: string,
  ) {}

  /** Rows by their own id. */
  private byId<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>): DataLoader<string, T | undefined> {
    return new DataLoader(async (ids) => {
      const rows = await this.dataSource.getRepository(entity).find({
        where: { organisationId: this.organisationId, id: In([...ids]) } as never,
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    });
  }

  /** Rows grouped by a foreign key, in a stable order. */
  private groupedBy<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    column: keyof T & string,
    order: FindOptionsOrder<T>,
  ): DataLoader<string, T[]> {
    return new DataLoader(async (keys) => {
      const rows = await this.dataSource.getRepository(entity).find({
        where: { organisationId: this.organisationId, [column]: In([...keys]) } as never,
        order,
      });
      const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(row[column] as string)?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    });
  }

  readonly framework = this.byId(FrameworkEntity);
  readonly version = this.byId(FrameworkVersionEntity);
  readonly skillCategory = this.byId(SkillCategoryEntity);
  readonly skill = this.byId(SkillEntity);
  readonly track = this.byId(TrackEntity);
  readonly role = this.byId(RoleEntity);
  readonly qualification = this.byId(QualificationEntity);

  readonly versionsByFramework = this.groupedBy(FrameworkVersionEntity, 'frameworkId', { number: 'DESC' });
  readonly skillCategoriesByVersion = this.groupedBy(SkillCategoryEntity, 'frameworkVersionId', { position: 'ASC' });
  readonly skillsByVersion = this.groupedBy(SkillEntity, 'frameworkVersionId', { position: 'ASC' });
  readonly skillsByCategory = this.groupedBy(SkillEntity, 'categoryId', { position: 'ASC' });
  readonly tracksByVersion = this.groupedBy(TrackEntity, 'frameworkVersionId', { position: 'ASC' });
  readonly rolesByVersion = this.groupedBy(RoleEntity, 'frameworkVersionId', { position: 'ASC' });
  readonly rolesByTrack = this.groupedBy(RoleEntity, 'trackId', { level: 'ASC', position: 'ASC' });
  readonly expectationsByRole = this.groupedBy(ExpectationEntity, 'roleId', { skillId: 'ASC' });
  readonly transitionsByVersion = this.groupedBy(TransitionEntity, 'frameworkVersionId', { position: 'ASC' });
  readonly transitionsFromRole = this.groupedBy(TransitionEntity, 'fromRoleId', { position: 'ASC' });
  readonly transitionsToRole = this.groupedBy(TransitionEntity, 'toRoleId', { position: 'ASC' });
  readonly qualificationsByVersion = this.groupedBy(QualificationEntity, 'frameworkVersionId', { position: 'ASC' });
  readonly skillLinksByQualification = this.groupedBy(QualificationSkillEntity, 'qualificationId', { skillId: 'ASC' });
  readonly qualificationLinksByRole = this.groupedBy(RoleQualificationEntity, 'roleId', { requirement: 'DESC' });
}
