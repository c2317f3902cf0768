import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
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
