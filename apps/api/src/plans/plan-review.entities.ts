import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { type ForeignRow, TenantEntity, tenantJoin } from '../database/tenant-entity.js';
import { PlanActionEntity, PlanEntity } from './plans.entities.js';

/**
 * A comment on a plan, or on one of its actions (`action_id`), threaded by `parent_id` (`depth` 0 for
 * a root). Written by whoever the plan policy lets comment: the owner, their manager or approver,
 * a mentor the owner shares comments with.
 */
@Entity('plan_comments')
@Index('ix_plan_comments_plan', ['organisationId', 'planId', 'createdAt'])
export class PlanCommentEntity extends TenantEntity {
  @Column('uuid')
  planId: string;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @tenantJoin('plan_id')
  plan?: Relation<PlanEntity>;

  @Column({ type: 'uuid', nullable: true })
  actionId: string | null;

  @ManyToOne(() => PlanActionEntity, { onDelete: 'CASCADE' })
  @tenantJoin('action_id')
  action?: Relation<PlanActionEntity>;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => PlanCommentEntity, { onDelete: 'CASCADE' })
  @tenantJoin('parent_id')
  parent?: Relation<PlanCommentEntity>;

  @Column('int')
  depth: number;

  @Column('uuid')
  authorId: string;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('author_id')
  author?: ForeignRow;

  @Column('text')
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A mentor's confirmation of an action's evidence: at most one standing per action; withdrawing deletes it. */
@Entity('plan_action_sign_offs')
export class PlanActionSignOffEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  actionId: string;

  @ManyToOne(() => PlanActionEntity, { onDelete: 'CASCADE' })
  @tenantJoin('action_id')
  action?: Relation<PlanActionEntity>;

  @Column('uuid')
  signedOffById: string;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('signed_off_by_id')
  signedOffBy?: ForeignRow;

  @Column('text')
  note: string;

  @Column({ type: 'timestamptz' })
  signedOffAt: Date;
}

export const planReviewEntities = [PlanCommentEntity, PlanActionSignOffEntity];
