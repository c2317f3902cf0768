import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { type ForeignRow, TenantEntity } from '../database/tenant-entity.js';

/**
 * A sign-in identity (an e-mail and a password). It belongs to nobody's organisation: one
 * account can be a person in several organisations. Everything else is per organisation.
 */
@Entity('accounts')
export class AccountEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Stored normalised (trimmed, lower-case). */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column('text')
  passwordHash: string;

  /** Consecutive failed sign-ins; reset by a successful one. */
  @Column({ type: 'int', default: 0 })
  failedSignIns: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A signed-in browser. The cookie holds the id and a secret; only the secret's hash is stored. */
@Entity('sessions')
@Index('ix_sessions_person', ['organisationId', 'personId'])
export class SessionEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column('uuid')
  personId: string;

  @ManyToOne('people', { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'person_id', referencedColumnName: 'id' },
  ])
  person?: ForeignRow;

  @Column('text')
  secretHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  ipAddress: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;
}

@Entity('invitations')
@Check('ck_invitations_access_role', `access_role IN ('admin', 'leadership', 'employee')`)
@Index('ix_invitations_email', ['organisationId', 'email'])
export class InvitationEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column({ type: 'text', default: 'employee' })
  accessRole: string;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @Column({ type: 'uuid', nullable: true })
  managerId: string | null;

  @Column({ type: 'text', nullable: true })
  jobTitle: string | null;

  @Column('text')
  secretHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  invitedById: string | null;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'invited_by_id', referencedColumnName: 'id' },
  ])
  invitedBy?: ForeignRow;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A one-time link that sets a new password for an account. */
@Entity('password_resets')
@Index('ix_password_resets_account', ['accountId'])
export class PasswordResetEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  accountId: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: Relation<AccountEntity>;

  @Column('text')
  secretHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const identityEntities = [AccountEntity, SessionEntity, InvitationEntity, PasswordResetEntity];
