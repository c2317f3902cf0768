import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { type ForeignRow, TenantEntity, tenantJoin } from '../database/tenant-entity.js';

/** A person's development plan towards a target role. At most one open plan per person. */
@Entity('plans')
@Check('ck_plans_status', `status IN ('draft', 'proposed', 'agreed', 'active', 'completed', 'abandoned')`)
@Check('ck_plans_review_rhythm', `review_rhythm_weeks IN (4, 6, 8, 12)`)
@Index('ix_plans_person', ['organisationId', 'personId'])
@Index('uq_plans_open_per_person', ['organisationId', 'personId'], { unique: true, where: `status NOT IN ('completed', 'abandoned')` })
export class PlanEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column('uuid')
  personId: string;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('person_id')
  person?: ForeignRow;

  @Column('uuid')
  frameworkVersionId: string;

  @ManyToOne('framework_versions', { onDelete: 'RESTRICT' })
  @tenantJoin('framework_version_id')
  frameworkVersion?: ForeignRow;

  @Column('uuid')
  targetRoleId: string;

  @ManyToOne('roles', { onDelete: 'RESTRICT' })
  @tenantJoin('target_role_id')
  targetRole?: ForeignRow;

  @Column('text')
  status: string;

  @Column('int')
  reviewRhythmWeeks: number;

  /** IANA time zone the review dates are counted in (the person's). */
  @Column('text')
  timeZone: string;

  /** The current revision's number (plan_revisions keeps every one). */
  @Column('int')
  revision: number;

  /** When the manager agreed it; review dates count from here until the first check-in. */
  @Column({ type: 'timestamptz', nullable: true })
  agreedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastReviewAt: Date | null;

  /** The calendar date (in timeZone) the next review is due; null until the plan is agreed. */
  @Column({ type: 'date', nullable: true })
  reviewDueOn: string | null;

  @Column('timestamptz')
  lastActivityAt: Date;

  /** The manager's comment when they last sent the plan back. */
  @Column({ type: 'text', nullable: true })
  sentBackComment: string | null;

  /**
   * Optimistic concurrency for the plan and everything in it (actions, check-ins, revisions): every
   * change names the version it started from, and says who made it and what it was.
   */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'uuid', nullable: true })
  lastChangedById: string | null;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('last_changed_by_id')
  lastChangedBy?: ForeignRow;

  /** What the last change was, in words ("recorded a check-in"). */
  @Column({ type: 'text', nullable: true })
  lastChange: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Every revision of a plan, kept: why it was made, what it aimed at, and the baseline then. */
@Entity('plan_revisions')
@Check('ck_plan_revisions_reason', `reason IN ('initial', 'new-target-role', 're-baseline', 'other')`)
export class PlanRevisionEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  planId: string;

  @PrimaryColumn('int')
  number: number;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @tenantJoin('plan_id')
  plan?: Relation<PlanEntity>;

  @Column('text')
  reason: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column('uuid')
  targetRoleId: string;

  @ManyToOne('roles', { onDelete: 'RESTRICT' })
  @tenantJoin('target_role_id')
  targetRole?: ForeignRow;

  @Column('uuid')
  frameworkVersionId: string;

  @ManyToOne('framework_versions', { onDelete: 'RESTRICT' })
  @tenantJoin('framework_version_id')
  frameworkVersion?: ForeignRow;

  /** [{ skillKey, baselineLevel, targetLevel }] when the revision was made. */
  @Column('jsonb')
  baseline: unknown;

  /**
   * The focused proposal of this revision (plans/plan-proposals.ts: focus skills with their suggestions,
   * the "later" gaps, the unknown expectations, the coverage); null for revisions made before focused plans.
   */
  @Column({ type: 'jsonb', nullable: true })
  proposal: unknown;

  @Column('uuid')
  createdById: string;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('created_by_id')
  createdBy?: ForeignRow;

  @Column('timestamptz')
  createdAt: Date;
}

@Entity('plan_actions')
@Check('ck_plan_actions_type', `type IN ('qualification', 'on-the-job', 'reading', 'mentoring', 'course', 'other')`)
@Check('ck_plan_actions_status', `status IN ('not-started', 'in-progress', 'done', 'dropped')`)
@Index('ix_plan_actions_plan', ['organisationId', 'planId', 'position'])
@Index('ix_plan_actions_qualification', ['organisationId', 'qualificationId'])
export class PlanActionEntity extends TenantEntity {
  @Column('uuid')
  planId: string;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @tenantJoin('plan_id')
  plan?: Relation<PlanEntity>;

  /** The revision the action was planned in. */
  @Column('int')
  revisionNumber: number;

  @Column('int')
  position: number;

  @Column('text')
  type: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column({ type: 'uuid', nullable: true })
  qualificationId: string | null;

  @ManyToOne('qualifications', { onDelete: 'RESTRICT' })
  @tenantJoin('qualification_id')
  qualification?: ForeignRow;

  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Column('text')
  status: string;

  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  /** When it was marked done (a done qualification action counts as the qualification held). */
  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  /** The revision proposal's suggestion the person chose to make this action ("Add to plan"); null for their own. */
  @Column({ type: 'text', nullable: true })
  suggestionId: string | null;
}

/** The skills an action develops. */
@Entity('plan_action_skills')
@Index('ix_plan_action_skills_skill', ['organisationId', 'skillId'])
export class PlanActionSkillEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  actionId: string;

  @PrimaryColumn('uuid')
  skillId: string;

  @ManyToOne(() => PlanActionEntity, { onDelete: 'CASCADE' })
  @tenantJoin('action_id')
  action?: Relation<PlanActionEntity>;

  @ManyToOne('skills', { onDelete: 'RESTRICT' })
  @tenantJoin('skill_id')
  skill?: ForeignRow;
}

/** A review: a reflection and the progress on each action at that point. */
@Entity('check_ins')
@Index('ix_check_ins_plan', ['organisationId', 'planId', 'recordedAt'])
export class CheckInEntity extends TenantEntity {
  @Column('uuid')
  planId: string;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @tenantJoin('plan_id')
  plan?: Relation<PlanEntity>;

  @Column('int')
  revisionNumber: number;

  @Column('text')
  reflection: string;

  /** [{ actionId, status, note }] as recorded. */
  @Column('jsonb')
  progress: unknown;

  /** [{ skillKey, progress, note }]: how each focus skill went (the check-in asks about the focus). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  focus: unknown;

  /** The author's own note: only `recorded_by_id` ever reads it (not the plan's other viewers, nor admins). */
  @Column({ type: 'text', nullable: true })
  privateNote: string | null;

  @Column('uuid')
  recordedById: string;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('recorded_by_id')
  recordedBy?: ForeignRow;

  @Column('timestamptz')
  recordedAt: Date;
}

/** Someone beyond their manager a person lets see their plans and assessments (read only). */
@Entity('plan_sharing')
@Index('ix_plan_sharing_viewer', ['organisationId', 'viewerId'])
export class PlanSharingEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  personId: string;

  @PrimaryColumn('uuid')
  viewerId: string;

  @ManyToOne('people', { onDelete: 'CASCADE' })
  @tenantJoin('person_id')
  person?: ForeignRow;

  @ManyToOne('people', { onDelete: 'CASCADE' })
  @tenantJoin('viewer_id')
  viewer?: ForeignRow;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * An in-app notification. `dedupe_key` makes the daily job insert-once: a second run the same day
 * (or another API process) finds the row and adds nothing.
 */
@Entity('notifications')
@Index('uq_notifications_dedupe', ['organisationId', 'personId', 'dedupeKey'], { unique: true })
@Index('ix_notifications_person', ['organisationId', 'personId', 'createdAt'])
export class NotificationEntity extends TenantEntity {
  @Column('uuid')
  personId: string;

  @ManyToOne('people', { onDelete: 'CASCADE' })
  @tenantJoin('person_id')
  person?: ForeignRow;

  @Column('text')
  kind: string;

  @Column({ type: 'uuid', nullable: true })
  planId: string | null;

  @ManyToOne(() => PlanEntity, { onDelete: 'CASCADE' })
  @tenantJoin('plan_id')
  plan?: Relation<PlanEntity>;

  @Column('text')
  message: string;

  @Column('text')
  dedupeKey: string;

  /** Where it leads in the app when it is not about a plan's page (null: the plan's page, worked out when read). */
  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * Someone an admin named to agree plans of people without an active manager: for a team (and the
 * teams under it) or for the whole organisation (team_id null). See the domain's `planApprover`.
 */
@Entity('plan_approvers')
@Index('ix_plan_approvers_team', ['organisationId', 'teamId'])
export class PlanApproverEntity extends TenantEntity {
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @ManyToOne('teams', { onDelete: 'CASCADE' })
  @tenantJoin('team_id')
  team?: ForeignRow;

  @Column('uuid')
  personId: string;

  @ManyToOne('people', { onDelete: 'CASCADE' })
  @tenantJoin('person_id')
  person?: ForeignRow;

  @Column({ type: 'uuid', nullable: true })
  namedById: string | null;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('named_by_id')
  namedBy?: ForeignRow;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export const planEntities = [
  PlanEntity,
  PlanRevisionEntity,
  PlanActionEntity,
  PlanActionSkillEntity,
  CheckInEntity,
  PlanSharingEntity,
  NotificationEntity,
  PlanApproverEntity,
];
