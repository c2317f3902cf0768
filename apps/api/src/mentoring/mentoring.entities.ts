import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { type ForeignRow, TenantEntity, tenantJoin } from '../database/tenant-entity.js';

/** A person's offer to mentor (at most one per person). Skills offered are framework skill keys. */
@Entity('mentor_profiles')
@Index('uq_mentor_profiles_person', ['organisationId', 'personId'], { unique: true })
@Check('ck_mentor_profiles_capacity', `capacity BETWEEN 1 AND 20`)
export class MentorProfileEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column('uuid')
  personId: string;

  @ManyToOne('people', { onDelete: 'CASCADE' })
  @tenantJoin('person_id')
  person?: ForeignRow;

  @Column('int')
  capacity: number;

  @Column('text', { array: true })
  offeredSkillKeys: string[];

  /** { modes, frequency, note } (MeetingPreferences). */
  @Column('jsonb')
  meeting: unknown;

  @Column('boolean')
  acceptsOtherTeams: boolean;

  @Column('boolean')
  paused: boolean;

  @Column('text')
  about: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column('timestamptz')
  updatedAt: Date;
}

/** A mentoring programme: a name, dates, who may join; its lead pairs participants on the matching board. */
@Entity('mentoring_programmes')
@Check('ck_mentoring_programmes_join', `mentors_may_join IN ('anyone', 'invited') AND mentees_may_join IN ('anyone', 'invited')`)
export class MentoringProgrammeEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column('text')
  name: string;

  @Column('text')
  description: string;

  @Column('date')
  startsOn: string;

  @Column('date')
  endsOn: string;

  @Column('text')
  mentorsMayJoin: string;

  @Column('text')
  menteesMayJoin: string;

  @Column({ type: 'uuid', nullable: true })
  leadId: string | null;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('lead_id')
  lead?: ForeignRow;

  @Column('uuid')
  createdById: string;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('created_by_id')
  createdBy?: ForeignRow;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Who takes part in a programme, as mentor or mentee (a person may be both). */
@Entity('mentoring_programme_participants')
@Index('ix_mentoring_programme_participants_person', ['organisationId', 'personId'])
@Check('ck_mentoring_programme_participants_part', `part IN ('mentor', 'mentee')`)
export class ProgrammeParticipantEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  programmeId: string;

  @PrimaryColumn('uuid')
  personId: string;

  @PrimaryColumn('text')
  part: string;

  /** A mentee's focus skills for the matching board. */
  @Column('text', { array: true, default: () => "'{}'" })
  focusSkillKeys: string[];

  @ManyToOne(() => MentoringProgrammeEntity, { onDelete: 'CASCADE' })
  @tenantJoin('programme_id')
  programme?: Relation<MentoringProgrammeEntity>;

  @ManyToOne('people', { onDelete: 'CASCADE' })
  @tenantJoin('person_id')
  person?: ForeignRow;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A mentorship (relationship): requested → active ⇄ paused → ended. At most one open per pair. The
 * share_* columns are what the mentee shares with this mentor (nothing by default).
 */
@Entity('mentorships')
@Check('ck_mentorships_status', `status IN ('requested', 'active', 'paused', 'ended')`)
@Check('ck_mentorships_not_self', `mentee_id <> mentor_id`)
@Index('uq_mentorships_open_pair', ['organisationId', 'menteeId', 'mentorId'], { unique: true, where: `status <> 'ended'` })
@Index('ix_mentorships_mentee', ['organisationId', 'menteeId'])
@Index('ix_mentorships_mentor', ['organisationId', 'mentorId'])
@Index('ix_mentorships_programme', ['organisationId', 'programmeId'])
export class MentorshipEntity extends TenantEntity {
  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column('uuid')
  menteeId: string;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('mentee_id')
  mentee?: ForeignRow;

  @Column('uuid')
  mentorId: string;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('mentor_id')
  mentor?: ForeignRow;

  @Column({ type: 'uuid', nullable: true })
  programmeId: string | null;

  @ManyToOne(() => MentoringProgrammeEntity, { onDelete: 'RESTRICT' })
  @tenantJoin('programme_id')
  programme?: Relation<MentoringProgrammeEntity>;

  @Column('text')
  status: string;

  @Column('text', { array: true })
  focusSkillKeys: string[];

  /** The mentee's request message (empty when paired by a coordinator). */
  @Column('text')
  message: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  pairedById: string | null;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('paired_by_id')
  pairedBy?: ForeignRow;

  @Column('timestamptz')
  requestedAt: Date;

  /** When it last became active (accepted, paired or resumed): fizzling counts from here. */
  @Column({ type: 'timestamptz', nullable: true })
  activeSince: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  /** The note with the last move (a decline's "other" note is what the mentee reads). */
  @Column({ type: 'text', nullable: true })
  moveNote: string | null;

  @Column({ type: 'boolean', default: false })
  sharePlan: boolean;

  @Column({ type: 'boolean', default: false })
  sharePlanComments: boolean;

  @Column({ type: 'boolean', default: false })
  shareAssessments: boolean;

  @Column({ type: 'boolean', default: false })
  shareCheckIns: boolean;

  @Column({ type: 'boolean', default: false })
  shareEvidence: boolean;

  @Column({ type: 'int', default: 1 })
  version: number;
}

/** A logged mentoring session. private_notes are returned only to logged_by_id. */
@Entity('mentoring_sessions')
@Index('ix_mentoring_sessions_mentorship', ['organisationId', 'mentorshipId', 'heldOn'])
export class MentoringSessionEntity extends TenantEntity {
  @Column('uuid')
  mentorshipId: string;

  @ManyToOne(() => MentorshipEntity, { onDelete: 'CASCADE' })
  @tenantJoin('mentorship_id')
  mentorship?: Relation<MentorshipEntity>;

  @Column('date')
  heldOn: string;

  @Column('int')
  minutes: number;

  @Column('jsonb')
  agenda: unknown;

  @Column('text')
  sharedNotes: string;

  @Column('text')
  privateNotes: string;

  /** Proposed next steps ({ ...ProposedPlanAction, status }). */
  @Column('jsonb')
  nextSteps: unknown;

  @Column('uuid')
  loggedById: string;

  @ManyToOne('people', { onDelete: 'RESTRICT' })
  @tenantJoin('logged_by_id')
  loggedBy?: ForeignRow;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A comment in a mentorship (on it, on the mentee's plan or one of its actions), threaded by parent. */
@Entity('mentoring_comments')
@Index('ix_mentoring_comments_mentorship', ['organisationId', 'mentorshipId', 'createdAt'])
export class MentoringCommentEntity extends TenantEntity {
  @Column('uuid')
  mentorshipId: string;

  @ManyToOne(() => MentorshipEntity, { onDelete: 'CASCADE' })
  @tenantJoin('mentorship_id')
  mentorship?: Relation<MentorshipEntity>;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => MentoringCommentEntity, { onDelete: 'CASCADE' })
  @tenantJoin('parent_id')
  parent?: Relation<MentoringCommentEntity>;

  @Column('int')
  depth: number;

  /** An action of the mentee's plan the comment is about (null: about the mentorship). */
  @Column({ type: 'uuid', nullable: true })
  planActionId: string | null;

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

/** A mentor's assessment of a focus skill: the third source beside self and manager (append-only). */
@Entity('mentor_assessments')
@Index('ix_mentor_assessments_mentorship', ['organisationId', 'mentorshipId', 'assessedAt'])
export class MentorAssessmentEntity extends TenantEntity {
  @Column('uuid')
  mentorshipId: string;

  @ManyToOne(() => MentorshipEntity, { onDelete: 'CASCADE' })
  @tenantJoin('mentorship_id')
  mentorship?: Relation<MentorshipEntity>;

  @Column('text')
  skillKey: string;

  @Column('int')
  level: number;

  @Column('text')
  note: string;

  @Column('timestamptz')
  assessedAt: Date;
}

export const mentoringEntities = [
  MentorProfileEntity,
  MentoringProgrammeEntity,
  ProgrammeParticipantEntity,
  MentorshipEntity,
  MentoringSessionEntity,
  MentoringCommentEntity,
  MentorAssessmentEntity,
];
