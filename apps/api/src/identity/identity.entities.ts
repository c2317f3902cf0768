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

  /**
   * Null when the link was e-mailed to the account's own address. Otherwise the organisation whose
   * admin was shown the link: it works only while the account belongs to that organisation alone.
   */
  @Column({ type: 'uuid', nullable: true })
  issuedByOrganisationId: string | null;

  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issued_by_organisation_id' })
  issuedByOrganisation?: ForeignRow;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * Password checks per e-mail, kept for known and unknown e-mails alike (so the two behave the same).
 * One row per (e-mail, network) and one per e-mail with network '*' that counts failures from networks
 * that have never signed in to it; `lastSuccessAt` marks a network that has. See PasswordGuard.
 */
@Entity('password_attempts')
@Index('ix_password_attempts_expires', ['expiresAt'])
export class PasswordAttemptEntity {
  /** SHA-256 (hex) of the normalised e-mail: typed-in addresses of strangers are not kept in clear. */
  @PrimaryColumn('text')
  subject: string;

  @PrimaryColumn('text')
  network: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  /** When the row says nothing any more (window and lock over, success too old): then it is deleted. */
  @Column('timestamptz')
  expiresAt: Date;
}

/** A sign-up waiting for its e-mail address to be confirmed (only when SMTP is configured). */
@Entity('sign_up_requests')
@Index('ix_sign_up_requests_expires', ['expiresAt'])
export class SignUpRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Stored normalised, like accounts.email. */
  @Column('text')
  email: string;

  @Column('text')
  organisationName: string;

  @Column('text')
  name: string;

  @Column('text')
  passwordHash: string;

  @Column('text')
  secretHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * An organisation's single sign-on (OpenID Connect): its provider, the e-mail domains it covers, and
 * what people may do. The client secret is stored encrypted (AES-256-GCM under SSO_SECRET_KEY) and never returned.
 */
@Entity('sso_connections')
export class SsoConnectionEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  /** What the sign-in button says: "Sign in with <displayName>". */
  @Column('text')
  displayName: string;

  /** The issuer (its discovery document is at <issuer>/.well-known/openid-configuration). */
  @Column('text')
  issuer: string;

  @Column('text')
  clientId: string;

  /** "v1.<iv>.<tag>.<ciphertext>" (base64url), see sso-secrets.ts. */
  @Column('text')
  clientSecret: string;

  /** Lower-case e-mail domains whose people sign in here (example.com). */
  @Column('text', { array: true, default: () => "'{}'" })
  domains: string[];

  @Column({ type: 'boolean', default: true })
  passwordsAllowed: boolean;

  /** Someone of a covered domain who is not yet a person here becomes one (an employee) on first sign-in. */
  @Column({ type: 'boolean', default: false })
  createPeople: boolean;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A sign-in in flight: state, nonce and PKCE verifier, kept in the database (any process may get the callback). */
@Entity('sso_logins')
@Index('ix_sso_logins_expires', ['organisationId', 'expiresAt'])
export class SsoLoginEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  /** SHA-256 of the secret part of the state parameter. */
  @Column('text')
  secretHash: string;

  @Column('text')
  nonce: string;

  @Column('text')
  codeVerifier: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const identityEntities = [
  AccountEntity,
  SessionEntity,
  InvitationEntity,
  PasswordResetEntity,
  PasswordAttemptEntity,
  SignUpRequestEntity,
  SsoConnectionEntity,
  SsoLoginEntity,
];
