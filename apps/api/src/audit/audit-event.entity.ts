import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { type ForeignRow, TenantEntity } from '../database/tenant-entity.js';

/**
 * One recorded action: who did what, when and from where. Written in the same transaction as the
 * change it records; never updated or deleted by the application.
 */
@Entity('audit_events')
@Index('ix_audit_events_at', ['organisationId', 'at'])
@Index('ix_audit_events_subject', ['organisationId', 'subjectPersonId', 'at'])
export class AuditEventEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** Null for actions nobody signed in did (sign-up before the person exists, system jobs). */
  @Column({ type: 'uuid', nullable: true })
  actorPersonId: string | null;

  /** A dotted verb such as person.updated, invitation.created, plan.read. */
  @Column('text')
  action: string;

  @Column({ type: 'text', nullable: true })
  subjectType: string | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  /** The person whose data this was, so each person can see who looked at theirs. */
  @Column({ type: 'uuid', nullable: true })
  subjectPersonId: string | null;

  @Column('text')
  summary: string;

  @Column('jsonb')
  details: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  ipAddress: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;
}
