import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { TenantEntity } from '../database/tenant-entity.js';
import { SkillEntity, tenantJoin } from '../frameworks/framework.entities.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { PersonEntity } from '../organisations/people.entities.js';

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
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Relation<OrganisationEntity>;

  @Column('uuid')
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @tenantJoin('person_id')
  person?: Relation<PersonEntity>;

  /** The skill in a published framework version (follows later publishes). */
  @Column('uuid')
  skillId: string;

  @ManyToOne(() => SkillEntity, { onDelete: 'RESTRICT' })
  @tenantJoin('skill_id')
  skill?: Relation<SkillEntity>;

  @Column('int')
  level: number;

  @Column('text')
  source: 'self' | 'manager';

  @Column('uuid')
  assessedById: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @tenantJoin('assessed_by_id')
  assessedBy?: Relation<PersonEntity>;

  @Column('timestamptz')
  assessedAt: Date;

  @Column({ type: 'text', nullable: true })
  evidenceNote: string | null;

  @Column({ type: 'text', nullable: true })
  evidenceUrl: string | null;
}
