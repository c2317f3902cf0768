import type { FrameworkDocument } from '@trellis/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { FrameworkEntity, FrameworkVersionEntity } from '../framework.entities.js';

/**
 * The one working copy of a framework that admins edit before publishing: a whole FrameworkDocument
 * (parts refer to each other by key), and a revision that every save must name, so a save made on
 * top of an older revision is noticed. Published versions stay relational and immutable.
 */
@Entity('framework_drafts')
export class FrameworkDraftEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  frameworkId: string;

  @ManyToOne(() => FrameworkEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'framework_id', referencedColumnName: 'id' },
  ])
  framework?: Relation<FrameworkEntity>;

  @Column('jsonb')
  document: FrameworkDocument;

  /** Counts the changes applied: each saved operation adds one. */
  @Column('int')
  revision: number;

  /** The published version the draft was copied from; null for a framework never published. */
  @Column({ type: 'uuid', nullable: true })
  basedOnVersionId: string | null;

  @ManyToOne(() => FrameworkVersionEntity)
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'based_on_version_id', referencedColumnName: 'id' },
  ])
  basedOnVersion?: Relation<FrameworkVersionEntity>;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  /** No foreign key, like the audit log's actor: the draft's history outlives a person's removal. */
  @Column({ type: 'uuid', nullable: true })
  updatedByPersonId: string | null;
}

/** One applied operation of a draft: what a stale save is checked against, and the draft's own history. */
@Entity('framework_draft_changes')
export class FrameworkDraftChangeEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  frameworkId: string;

  /** The draft's revision this change produced. */
  @PrimaryColumn('int')
  revision: number;

  @ManyToOne(() => FrameworkDraftEntity, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'framework_id', referencedColumnName: 'frameworkId' },
  ])
  draft?: Relation<FrameworkDraftEntity>;

  /** What it touched, e.g. role:pmo-analyst (operationTarget in @trellis/domain). */
  @Column('text')
  target: string;

  /** In words, e.g. renamed role PMO Analyst to "Analyst". */
  @Column('text')
  summary: string;

  @Column('jsonb')
  operation: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ type: 'timestamptz' })
  changedAt: Date;
}

export const frameworkDraftEntities = [FrameworkDraftEntity, FrameworkDraftChangeEntity];
