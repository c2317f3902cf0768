import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { type ForeignRow, TenantEntity, tenantJoin } from '../database/tenant-entity.js';

/**
 * One rating of one skill of a person, by themselves or their manager. Append-only: a new rating
 * is a new row, so the history of every skill can be drawn.
 */
@Entity('assessments')
@Check('ck_assessments_source', `source IN ('self', 'manager')`)
@Check('ck_assessments_level', `level >= 0`)
@Index('ix_assessments_person', ['organisationId', 'personId', 'assessedAt'])
@Index('ix_assessments_skill', ['organisationId', 'skillId'])
export class AssessmentEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column('uuid')
  personId: string;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('person_id')
  person?: ForeignRow;

  /** The skill in a published framework version (follows later publishes). */
  @Column('uuid')
  skillId: string;

  @ManyToOne('skills', { onDelete: 'RESTRICT' })
  @tenantJoin('skill_id')
  skill?: ForeignRow;

  @Column('int')
  level: number;

  @Column('text')
  source: 'self' | 'manager';

  @Column('uuid')
  assessedById: string;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('assessed_by_id')
  assessedBy?: ForeignRow;

  @Column('timestamptz')
  assessedAt: Date;

  @Column({ type: 'text', nullable: true })
  evidenceNote: string | null;

  @Column({ type: 'text', nullable: true })
  evidenceUrl: string | null;
}

/**
 * Each person's latest rating of each skill per source (self, manager), kept current by triggers on
 * `assessments` (migration AssessmentCurrent): an insert keeps the newer of what is here and what
 * arrived (later, then the higher level: the domain's order), so concurrent writes need no locks; an
 * update or delete of ratings (framework versions re-pointing skills) works its keys out again. Reports'
 * current snapshot rolls up from here (one row per person and skill) instead of ordering every rating ever made.
 */
@Entity('assessment_current')
export class AssessmentCurrentEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  personId: string;

  @PrimaryColumn('uuid')
  skillId: string;

  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column({ type: 'int', nullable: true })
  selfLevel: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  selfAt: Date | null;

  @Column({ type: 'int', nullable: true })
  managerLevel: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  managerAt: Date | null;

  /** Who gave the latest manager rating (calibration is per assessor). */
  @Column({ type: 'uuid', nullable: true })
  managerAssessorId: string | null;
}
