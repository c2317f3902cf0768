import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, Unique, type Relation } from 'typeorm';
import { type ForeignRow, TenantEntity } from '../database/tenant-entity.js';

@Entity('teams')
@Unique('uq_teams_name', ['organisationId', 'parentId', 'name'])
export class TeamEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  /** Teams nest: "Delivery/PMO" is the PMO team inside Delivery. */
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'parent_id', referencedColumnName: 'id' },
  ])
  parent?: Relation<TeamEntity>;

  @Column('text')
  name: string;
}

@Entity('people')
@Unique('uq_people_email', ['organisationId', 'email'])
@Index('ix_people_team', ['organisationId', 'teamId'])
@Index('ix_people_manager', ['organisationId', 'managerId'])
@Index('ix_people_current_role', ['organisationId', 'currentRoleId'])
@Unique('uq_people_account', ['organisationId', 'accountId'])
@Check('ck_people_access_role', `access_role IN ('admin', 'leadership', 'employee')`)
export class PersonEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  /** Stored lower-case so look-ups by e-mail are exact. */
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column({ type: 'text', nullable: true })
  jobTitle: string | null;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @ManyToOne(() => TeamEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'team_id', referencedColumnName: 'id' },
  ])
  team?: Relation<TeamEntity>;

  @Column({ type: 'uuid', nullable: true })
  managerId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'manager_id', referencedColumnName: 'id' },
  ])
  manager?: Relation<PersonEntity>;

  /** The role the person holds now, in a published version of the organisation's framework. */
  @Column({ type: 'uuid', nullable: true })
  currentRoleId: string | null;

  @ManyToOne('roles', { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'current_role_id', referencedColumnName: 'id' },
  ])
  currentRole?: ForeignRow;

  @Column({ type: 'date', nullable: true })
  startDate: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The sign-in identity; null until the person accepts an invitation (or is seeded without one). */
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @ManyToOne('accounts', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id' })
  account?: ForeignRow;

  /** admin (the PMO lead), leadership (organisation-wide reports) or employee. */
  @Column({ type: 'text', default: 'employee' })
  accessRole: string;

  /** Optimistic concurrency: every update names the version it started from. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When this person (an admin) put the getting-started checklist away; null while it shows. */
  @Column({ type: 'timestamptz', nullable: true })
  gettingStartedDismissedAt: Date | null;
}
