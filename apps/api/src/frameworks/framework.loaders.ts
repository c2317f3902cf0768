import DataLoader from 'dataloader';
import type { LevelDescriptor } from '@trellis/domain';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { RowQueries } from '../database/row-queries.js';
import type { RequestDatabase } from '../database/tenant-database.js';
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
import type { FrameworkDraftEntity } from './drafts/framework-draft.entities.js';

/** A skill as most reads need it: without its descriptors, which `skillLevels` loads when asked. */
export type SkillRow = Omit<SkillEntity, 'levels'>;
/** An expectation as the API serves it: with an id, its skill and the skill's descriptor at the expected level (null: none written). */
export type ExpectationRow = ExpectationEntity & { id: string; descriptor: LevelDescriptor | null; skill: SkillRow };
/** An expectation as a whole version is read for the domain's rules: ids, level, its terms and the descriptor at that level. */
export interface ExpectationLevelRow {
  frameworkVersionId: string;
  roleId: string;
  skillId: string;
  level: number;
  optional: boolean;
  weight: number | null;
  statement: string | null;
  descriptor: LevelDescriptor | null;
}

/** Columns read only on demand: a skill's five descriptors are most of a framework's bytes. */
const OMITTED_COLUMNS = new Map<EntityTarget<ObjectLiteral>, string[]>([[SkillEntity, ['levels']]]);

/** The SQL behind every framework loader: built once per process (it depends only on the entities). */
export class FrameworkQueries {
  private readonly cache = new Map<string, string>();
  readonly expectationsWithSkills: string;
  readonly expectationLevelsByVersion: string;

  constructor(readonly dataSource: DataSource) {
    const expectations = new RowQueries(dataSource, ExpectationEntity);
    const skillColumns = dataSource
      .getMetadata(SkillEntity)
      .columns.filter((column) => column.propertyName !== 'levels')
      .map((column) => `s.${column.databaseName} AS "skill.${column.propertyName}"`)
      .join(', ');
    // Expectations are read with their skills (a role's expectations are never shown without
    // them) and with the one descriptor they expect.
    this.expectationsWithSkills =
      `SELECT ${expectations.columns('t')}, s.levels -> t.level::text AS descriptor, ${skillColumns} ` +
      `FROM ${expectations.table} t ` +
      `JOIN skills s ON s.organisation_id = t.organisation_id AND s.id = t.skill_id ` +
      `WHERE t.organisation_id = $1 AND t.role_id = ANY($2) ORDER BY t.role_id, s.position`;
    // A whole version's expectations in one statement, without the skills (read once beside them):
    // a 200-role version has thousands.
    this.expectationLevelsByVersion =
      `SELECT t.framework_version_id AS "frameworkVersionId", t.role_id AS "roleId", t.skill_id AS "skillId", t.level, ` +
      `t.optional, t.weight, t.statement, s.levels -> t.level::text AS descriptor ` +
      `FROM ${expectations.table} t ` +
      `JOIN skills s ON s.organisation_id = t.organisation_id AND s.id = t.skill_id ` +
      `WHERE t.organisation_id = $1 AND t.framework_version_id = ANY($2) ORDER BY t.role_id, s.position`;
  }

  /** SELECT the organisation's rows of an entity whose column is any of $2. */
  whereAny<T extends ObjectLiteral>(entity: EntityTarget<T>, column: string, orderBy: string): string {
    const key = `${(entity as { name?: string }).name}|${column}|${orderBy}`;
    let sql = this.cache.get(key);
    if (!sql) {
      const rows = new RowQueries(this.dataSource, entity, OMITTED_COLUMNS.get(entity as EntityTarget<ObjectLiteral>));
      this.cache.set(key, (sql = rows.selectWhereAny(column, orderBy)));
    }
    return sql;
  }
}

/**
 * Batches every read of a framework into one statement per kind of row, whatever the size of
 * the framework, and scopes each statement to the request's organisation. One instance per request.
 */
export class FrameworkLoaders {
  constructor(
    private readonly queries: FrameworkQueries,
    private readonly db: RequestDatabase,
  ) {}

  /** Loaders are made on first use: a request uses a few of the thirty. */
  private readonly made = new Map<string, unknown>();
  private lazy<T>(name: string, make: () => T): T {
    let loader = this.made.get(name) as T | undefined;
    if (loader === undefined) this.made.set(name, (loader = make()));
    return loader;
  }

  private run<T extends ObjectLiteral>(sql: string, keys: readonly string[]): Promise<T[]> {
    return this.db.query<T>(sql, [this.db.organisationId, keys]);
  }

  /** Rows by their own id. */
  private byId<T extends ObjectLiteral & { id: string }>(entity: new () => T): DataLoader<string, T | undefined> {
    return new DataLoader(async (ids) => {
      const rows = await this.run<T>(this.queries.whereAny(entity, 'id', 't.id'), ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id));
    });
  }

  /** Rows grouped by a foreign key, in a stable order. */
  private groupedBy<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    property: keyof T & string,
    column: string,
    orderBy: string,
  ): DataLoader<string, T[]> {
    return new DataLoader(async (keys) =>
      group(keys, await this.run<T>(this.queries.whereAny(entity, column, orderBy), keys), property),
    );
  }

  /** The organisation's frameworks, by name. */
  organisationFrameworks(): Promise<FrameworkEntity[]> {
    const sql = this.queries.whereAny(FrameworkEntity, 'organisation_id', 't.name, t.id');
    return this.run<FrameworkEntity>(sql, [this.db.organisationId]);
  }

  get framework() {
    return this.lazy('framework', () => this.byId(FrameworkEntity));
  }
  get version() {
    return this.lazy('version', () => this.byId(FrameworkVersionEntity));
  }
  get skillCategory() {
    return this.lazy('skillCategory', () => this.byId(SkillCategoryEntity));
  }
  get skill() {
    return this.lazy('skill', () => this.byId(SkillEntity) as DataLoader<string, SkillRow | undefined>);
  }
  get track() {
    return this.lazy('track', () => this.byId(TrackEntity));
  }
  get role() {
    return this.lazy('role', () => this.byId(RoleEntity));
  }
  get qualification() {
    return this.lazy('qualification', () => this.byId(QualificationEntity));
  }

  get versionsByFramework() {
    return this.lazy('versionsByFramework', () => this.groupedBy(FrameworkVersionEntity, 'frameworkId', 'framework_id', 't.number DESC'));
  }
  get skillCategoriesByVersion() {
    return this.lazy('skillCategoriesByVersion', () => this.groupedBy(SkillCategoryEntity, 'frameworkVersionId', 'framework_version_id', 't.position'));
  }
  get skillsByVersion() {
    // In category order, then the skill's place: a skill added later lists with its category, not last.
    return this.lazy(
      'skillsByVersion',
      () =>
        this.groupedBy(
          SkillEntity,
          'frameworkVersionId',
          'framework_version_id',
          '(SELECT c.position FROM skill_categories c WHERE c.organisation_id = t.organisation_id AND c.id = t.category_id), t.position',
        ) as DataLoader<string, SkillRow[]>,
    );
  }
  get skillsByCategory() {
    return this.lazy('skillsByCategory', () => this.groupedBy(SkillEntity, 'categoryId', 'category_id', 't.position') as DataLoader<string, SkillRow[]>);
  }
  get skillLevels() {
    return this.lazy('skillLevels', () =>
      new DataLoader<string, Record<string, LevelDescriptor>>(async (skillIds) => {
        const rows = await this.run<{ id: string; levels: Record<string, LevelDescriptor> }>(
          'SELECT id, levels FROM skills WHERE organisation_id = $1 AND id = ANY($2)',
          skillIds,
        );
        const byId = new Map(rows.map((row) => [row.id, row.levels]));
        return skillIds.map((id) => byId.get(id) ?? {});
      }),
    );
  }
  get tracksByVersion() {
    return this.lazy('tracksByVersion', () => this.groupedBy(TrackEntity, 'frameworkVersionId', 'framework_version_id', 't.position'));
  }
  get rolesByVersion() {
    return this.lazy('rolesByVersion', () => this.groupedBy(RoleEntity, 'frameworkVersionId', 'framework_version_id', 't.position'));
  }
  get rolesByTrack() {
    return this.lazy('rolesByTrack', () => this.groupedBy(RoleEntity, 'trackId', 'track_id', 't.level, t.position'));
  }
  get transitionsByVersion() {
    return this.lazy('transitionsByVersion', () => this.groupedBy(TransitionEntity, 'frameworkVersionId', 'framework_version_id', 't.position'));
  }
  get transitionsFromRole() {
    return this.lazy('transitionsFromRole', () => this.groupedBy(TransitionEntity, 'fromRoleId', 'from_role_id', 't.position'));
  }
  get transitionsToRole() {
    return this.lazy('transitionsToRole', () => this.groupedBy(TransitionEntity, 'toRoleId', 'to_role_id', 't.position'));
  }
  get qualificationsByVersion() {
    return this.lazy('qualificationsByVersion', () => this.groupedBy(QualificationEntity, 'frameworkVersionId', 'framework_version_id', 't.position'));
  }
  get skillLinksByQualification() {
    return this.lazy('skillLinksByQualification', () => this.groupedBy(QualificationSkillEntity, 'qualificationId', 'qualification_id', 't.position'));
  }
  get qualificationLinksByRole() {
    return this.lazy('qualificationLinksByRole', () => this.groupedBy(RoleQualificationEntity, 'roleId', 'role_id', 't.requirement DESC, t.qualification_id'));
  }

  /**
   * A role's expectations in skill order, each carrying its skill (also handed to the skill
   * loader), so GraphQL reads `skill` and `descriptor` as plain properties.
   */
  get expectationsByRole() {
    return this.lazy('expectationsByRole', () =>
      new DataLoader<string, ExpectationRow[]>(async (roleIds) => {
        const rows = await this.run<Record<string, unknown>>(this.queries.expectationsWithSkills, roleIds);
        const expectations = rows.map((row) => {
          const skill: Record<string, unknown> = {};
          const expectation: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(row)) {
            if (key.startsWith('skill.')) skill[key.slice(6)] = value;
            else expectation[key] = value;
          }
          this.skill.prime(skill.id as string, skill as unknown as SkillRow);
          expectation.id = `${expectation.roleId as string}:${expectation.skillId as string}`;
          expectation.skill = skill;
          return expectation as unknown as ExpectationRow;
        });
        return group(roleIds, expectations, 'roleId');
      }),
    );
  }

  /** Every expectation of a version, as the domain's rules read it (see ExpectationLevelRow). */
  get expectationLevelsByVersion() {
    return this.lazy('expectationLevelsByVersion', () =>
      new DataLoader<string, ExpectationLevelRow[]>(async (versionIds) =>
        group(versionIds, await this.run<ExpectationLevelRow>(this.queries.expectationLevelsByVersion, versionIds), 'frameworkVersionId'),
      ),
    );
  }

  /** A framework's working draft, when it has one (only admins' resolvers ask). */
  get draft() {
    return this.lazy('draft', () =>
      new DataLoader<string, FrameworkDraftEntity | undefined>(async (frameworkIds) => {
        const rows = await this.run<FrameworkDraftEntity>(DRAFT_BY_FRAMEWORK, frameworkIds);
        const byFramework = new Map(rows.map((row) => [row.frameworkId, row]));
        return frameworkIds.map((id) => byFramework.get(id));
      }),
    );
  }
}

export const DRAFT_COLUMNS = `organisation_id AS "organisationId", framework_id AS "frameworkId", document, revision,
  based_on_version_id AS "basedOnVersionId", updated_at AS "updatedAt", updated_by_person_id AS "updatedByPersonId"`;
const DRAFT_BY_FRAMEWORK = `SELECT ${DRAFT_COLUMNS} FROM framework_drafts WHERE organisation_id = $1 AND framework_id = ANY($2)`;

function group<T extends ObjectLiteral>(keys: readonly string[], rows: T[], property: keyof T & string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(row[property] as string)?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

