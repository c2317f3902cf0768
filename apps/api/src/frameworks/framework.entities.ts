import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Unique,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { LevelDescriptor, PointsLevelling, ScaleDocument, TrackGroupDocument } from '@trellis/domain';
import { type ForeignRow, TenantEntity, tenantJoin } from '../database/tenant-entity.js';

export type FrameworkVersionStatus = 'draft' | 'published' | 'archived';
export type TrackKind = 'core' | 'specialist' | 'lateral';
export type TransitionKind = 'promotion' | 'lateral';
export type QualificationRequirement = 'required' | 'recommended';

export interface ProficiencyLevelValue {
  level: number;
  name: string;
  summary: string;
}

@Entity('frameworks')
@Unique('uq_frameworks_key', ['organisationId', 'key'])
export class FrameworkEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column('text')
  key: string;

  @Column('text')
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('framework_versions')
@Check('ck_framework_versions_status', `status IN ('draft', 'published', 'archived')`)
@Unique('uq_framework_versions_number', ['organisationId', 'frameworkId', 'number'])
export class FrameworkVersionEntity extends TenantEntity {
  @Column('uuid')
  frameworkId: string;

  @ManyToOne(() => FrameworkEntity, { onDelete: 'CASCADE' })
  @tenantJoin('framework_id')
  framework?: Relation<FrameworkEntity>;

  @Column('int')
  number: number;

  @Column({ type: 'text', default: 'draft' })
  status: FrameworkVersionStatus;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Who published it; null for versions created by the seed or an import of a new framework. */
  @Column({ type: 'uuid', nullable: true })
  publishedByPersonId: string | null;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('published_by_person_id')
  publishedBy?: ForeignRow;

  @Column('jsonb')
  proficiencyScale: ProficiencyLevelValue[];

  /** Named scales that skills and categories use instead of the proficiency scale (document `scales`). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  scales: ScaleDocument[];

  /** Groups (departments) of the version's tracks (document `trackGroups`). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  trackGroups: TrackGroupDocument[];

  /** The optional points levelling rule (document `levelling`). */
  @Column({ type: 'jsonb', nullable: true })
  levelling: PointsLevelling | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** What every part of a framework version has: the version it belongs to, a key and a position. */
abstract class VersionPartEntity extends TenantEntity {
  @Column('uuid')
  frameworkVersionId: string;

  @Column('text')
  key: string;

  @Column('int')
  position: number;
}

@Entity('skill_categories')
@Unique('uq_skill_categories_key', ['organisationId', 'frameworkVersionId', 'key'])
export class SkillCategoryEntity extends VersionPartEntity {
  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'CASCADE' })
  @tenantJoin('framework_version_id')
  frameworkVersion?: Relation<FrameworkVersionEntity>;

  @Column('text')
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The key of a named scale of the version (framework_versions.scales); null: the proficiency scale. */
  @Column({ type: 'text', nullable: true })
  scaleKey: string | null;
}

@Entity('skills')
@Unique('uq_skills_key', ['organisationId', 'frameworkVersionId', 'key'])
@Index('ix_skills_category', ['organisationId', 'categoryId'])
export class SkillEntity extends VersionPartEntity {
  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'CASCADE' })
  @tenantJoin('framework_version_id')
  frameworkVersion?: Relation<FrameworkVersionEntity>;

  @Column('uuid')
  categoryId: string;

  @ManyToOne(() => SkillCategoryEntity, { onDelete: 'CASCADE' })
  @tenantJoin('category_id')
  category?: Relation<SkillCategoryEntity>;

  @Column('text')
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The key of a named scale of the version; null: its category's, else the proficiency scale. */
  @Column({ type: 'text', nullable: true })
  scaleKey: string | null;

  /** Descriptors ({ summary?, criteria, examples }) keyed by level number; a level left out has none. */
  @Column('jsonb')
  levels: Record<string, LevelDescriptor>;
}

@Entity('tracks')
@Check('ck_tracks_kind', `kind IN ('core', 'specialist', 'lateral')`)
@Unique('uq_tracks_key', ['organisationId', 'frameworkVersionId', 'key'])
export class TrackEntity extends VersionPartEntity {
  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'CASCADE' })
  @tenantJoin('framework_version_id')
  frameworkVersion?: Relation<FrameworkVersionEntity>;

  @Column('text')
  name: string;

  @Column('text')
  kind: TrackKind;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The key of the track's group (framework_versions.track_groups), if any. */
  @Column({ type: 'text', nullable: true })
  groupKey: string | null;
}

@Entity('roles')
@Unique('uq_roles_key', ['organisationId', 'frameworkVersionId', 'key'])
@Index('ix_roles_track', ['organisationId', 'trackId'])
export class RoleEntity extends VersionPartEntity {
  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'CASCADE' })
  @tenantJoin('framework_version_id')
  frameworkVersion?: Relation<FrameworkVersionEntity>;

  @Column('uuid')
  trackId: string;

  @ManyToOne(() => TrackEntity, { onDelete: 'CASCADE' })
  @tenantJoin('track_id')
  track?: Relation<TrackEntity>;

  @Column('text')
  title: string;

  @Column('int')
  level: number;

  @Column({ type: 'int', nullable: true })
  band: number | null;

  @Column('text')
  summary: string;

  @Column('jsonb')
  responsibilities: string[];

  /** Keys of the other tracks of the version this role is a rung of too (shared first rungs). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  sharedWithTrackKeys: string[];
}

@Entity('expectations')
@Check('ck_expectations_level', `level >= 1`)
@Index('ix_expectations_version', ['organisationId', 'frameworkVersionId'])
@Index('ix_expectations_skill', ['organisationId', 'skillId'])
export class ExpectationEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  roleId: string;

  @PrimaryColumn('uuid')
  skillId: string;

  @Column('uuid')
  frameworkVersionId: string;

  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'CASCADE' })
  @tenantJoin('framework_version_id')
  frameworkVersion?: Relation<FrameworkVersionEntity>;

  @ManyToOne(() => RoleEntity, { onDelete: 'CASCADE' })
  @tenantJoin('role_id')
  role?: Relation<RoleEntity>;

  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @tenantJoin('skill_id')
  skill?: Relation<SkillEntity>;

  @Column('int')
  level: number;

  /** Listed but not counted (readiness, gaps, routes, closeness, the publish preview). */
  @Column({ type: 'boolean', default: false })
  optional: boolean;

  /** How much the skill counts for the role; null = 1. */
  @Column({ type: 'double precision', nullable: true })
  weight: number | null;

  /** What this role in particular does at that level (Markdown). */
  @Column({ type: 'text', nullable: true })
  statement: string | null;
}

@Entity('transitions')
@Check('ck_transitions_kind', `kind IN ('promotion', 'lateral')`)
@Unique('uq_transitions_roles', ['organisationId', 'fromRoleId', 'toRoleId'])
@Index('ix_transitions_version', ['organisationId', 'frameworkVersionId'])
@Index('ix_transitions_to', ['organisationId', 'toRoleId'])
export class TransitionEntity extends TenantEntity {
  @Column('uuid')
  frameworkVersionId: string;

  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'CASCADE' })
  @tenantJoin('framework_version_id')
  frameworkVersion?: Relation<FrameworkVersionEntity>;

  @Column('uuid')
  fromRoleId: string;

  @ManyToOne(() => RoleEntity, { onDelete: 'CASCADE' })
  @tenantJoin('from_role_id')
  fromRole?: Relation<RoleEntity>;

  @Column('uuid')
  toRoleId: string;

  @ManyToOne(() => RoleEntity, { onDelete: 'CASCADE' })
  @tenantJoin('to_role_id')
  toRole?: Relation<RoleEntity>;

  @Column('text')
  kind: TransitionKind;

  @Column({ type: 'int', nullable: true })
  typicalMonths: number | null;

  @Column({ type: 'text', nullable: true })
  guidance: string | null;

  @Column('int')
  position: number;
}

@Entity('qualifications')
@Unique('uq_qualifications_key', ['organisationId', 'frameworkVersionId', 'key'])
export class QualificationEntity extends VersionPartEntity {
  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'CASCADE' })
  @tenantJoin('framework_version_id')
  frameworkVersion?: Relation<FrameworkVersionEntity>;

  @Column('text')
  name: string;

  @Column('text')
  provider: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'int', nullable: true })
  validityMonths: number | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}

@Entity('qualification_skills')
@Index('ix_qualification_skills_skill', ['organisationId', 'skillId'])
export class QualificationSkillEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  qualificationId: string;

  @PrimaryColumn('uuid')
  skillId: string;

  @ManyToOne(() => QualificationEntity, { onDelete: 'CASCADE' })
  @tenantJoin('qualification_id')
  qualification?: Relation<QualificationEntity>;

  @ManyToOne(() => SkillEntity, { onDelete: 'CASCADE' })
  @tenantJoin('skill_id')
  skill?: Relation<SkillEntity>;

  /** The skill's place in the qualification's list, so a version reads back exactly as written. */
  @Column('int', { default: 0 })
  position: number;
}

@Entity('role_qualifications')
@Check('ck_role_qualifications_requirement', `requirement IN ('required', 'recommended')`)
@Index('ix_role_qualifications_qualification', ['organisationId', 'qualificationId'])
export class RoleQualificationEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  roleId: string;

  @PrimaryColumn('uuid')
  qualificationId: string;

  @ManyToOne(() => RoleEntity, { onDelete: 'CASCADE' })
  @tenantJoin('role_id')
  role?: Relation<RoleEntity>;

  @ManyToOne(() => QualificationEntity, { onDelete: 'CASCADE' })
  @tenantJoin('qualification_id')
  qualification?: Relation<QualificationEntity>;

  @Column('text')
  requirement: QualificationRequirement;

  /** The role's place in the qualification's required or recommended list. */
  @Column('int', { default: 0 })
  position: number;
}

export const frameworkEntities = [
  FrameworkEntity,
  FrameworkVersionEntity,
  SkillCategoryEntity,
  SkillEntity,
  TrackEntity,
  RoleEntity,
  ExpectationEntity,
  TransitionEntity,
  QualificationEntity,
  QualificationSkillEntity,
  RoleQualificationEntity,
];
