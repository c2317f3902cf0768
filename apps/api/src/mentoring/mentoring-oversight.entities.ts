import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { type ForeignRow, tenantJoin } from '../database/tenant-entity.js';
import { MentorshipEntity } from './mentoring.entities.js';

/** The organisation's mentoring settings (one row once an admin saves them; the domain's defaults before). */
@Entity('mentoring_settings')
@Check('ck_mentoring_settings_fizzle_weeks', `fizzle_weeks BETWEEN 1 AND 26`)
@Check('ck_mentoring_settings_cross_team', `cross_team IN ('no-preference', 'prefer-other-teams')`)
export class MentoringSettingsEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column({ type: 'int', default: 6 })
  fizzleWeeks: number;

  @Column({ type: 'text', default: 'no-preference' })
  crossTeam: string;

  /** Stale edits are refused (CONFLICT). */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/**
 * One row per fizzling episode that has had its nudge: a relationship fizzles on `fizzles_on` (the
 * domain's `fizzlingSince`), and whichever job run inserts the row first sends the nudge; every other
 * run, in this process or another, finds it there (insert-once: the decision is the database's).
 */
@Entity('mentorship_nudges')
export class MentorshipNudgeEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('uuid')
  mentorshipId: string;

  @PrimaryColumn('date')
  fizzlesOn: string;

  @ManyToOne(() => MentorshipEntity, { onDelete: 'CASCADE' })
  @tenantJoin('mentorship_id')
  mentorship?: Relation<MentorshipEntity>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nudgedAt: Date;
}

export const mentoringOversightEntities = [MentoringSettingsEntity, MentorshipNudgeEntity];
