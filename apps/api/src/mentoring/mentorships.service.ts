import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DECLINE_REASON_WORDING,
  endDateProblem,
  exclusionReason,
  focusSkillProblems,
  normaliseSharing,
  openRelationshipProblem,
  sharingChanges,
  SHARE_ITEM_LABELS,
  startRelationship,
  transitionRelationship,
  type DirectPairingInput,
  type ExclusionReason,
  type MentorRequestInput,
  type RelationshipMoveInput,
  type RelationshipRole,
  type Sharing,
  type SharingInput,
} from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, badInput, forbidden } from '../common/errors.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { publishedSkillsByKey } from '../frameworks/framework-directory.js';
import { personNames } from '../people/people-directory.js';
import { NotificationsService } from '../plans/notifications.service.js';
import { MentorMatchingService, type MentorPool } from './mentor-matching.service.js';
import { sharedScopeFor } from './mentoring-directory.js';
import { isCoordinator, mentorshipById, mentorshipsWhere, partOf, type MentoringActor, type MentorshipRow } from './mentoring-store.js';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Mentorships: a mentee's request and the mentor's answer, a coordinator's direct pairing, pause,
 * resume and end with a reason, and what the mentee shares with each mentor. Every move notifies
 * the other side in-app, in the same transaction.
 */
@Injectable()
export class MentorshipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly matching: MentorMatchingService,
  ) {}

  /** The caller's mentorships, as mentee and as mentor (ended ones too: history stays readable). */
  mine(actor: MentoringActor): Promise<MentorshipRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, (manager) =>
      mentorshipsWhere(manager, actor.organisationId, 'm.mentee_id = $2 OR m.mentor_id = $2', [actor.personId]),
    );
  }

  /** One mentorship, for its two sides and its coordinators only. */
  get(actor: MentoringActor, id: string): Promise<MentorshipRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const row = await mentorshipById(manager, actor.organisationId, id);
      await this.requirePart(manager, actor, row);
      return row;
    });
  }

  /**
   * What `viewerId` may see of `personId`'s own data through mentoring: the union of what the person
   * shares in every open mentorship where the viewer mentors them (nothing for anyone else). The
   * seam the plans' PlanPolicy calls; it reads the sharing afresh, so a revoke takes effect at once.
   */
  sharedScopeFor(manager: EntityManager, organisationId: string, viewerId: string, personId: string): Promise<Sharing> {
    return sharedScopeFor(manager, organisationId, viewerId, personId);
  }

  /** A mentee asks a mentor (with a message and focus skills); the mentor is told. */
  request(actor: MentoringActor, input: MentorRequestInput): Promise<MentorshipRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const started = startRelationship('request', 'mentee');
      if (!started.ok) throw forbidden(started.reason);
      await this.checkPair(manager, actor.organisationId, actor.personId, input.mentorId, input.focusSkillKeys, input.endsOn, false);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO mentorships (organisation_id, id, mentee_id, mentor_id, status, focus_skill_keys, message, ends_on, requested_at)
         VALUES ($1, $2, $3, $4, 'requested', $5, $6, $7, now())`,
        [actor.organisationId, id, actor.personId, input.mentorId, input.focusSkillKeys, input.message, input.endsOn],
      );
      const names = await personNames(manager, actor.organisationId, [actor.personId]);
      await this.notify(manager, actor.organisationId, input.mentorId, 'mentoring.requested', id, 1, `${names.get(actor.personId) ?? 'Someone'} asked you to be their mentor.`);
      await this.audit.record(manager, actor, { action: 'mentoring.requested', summary: 'asked for a mentor', subjectType: 'mentorship', subjectId: id, subjectPersonId: actor.personId });
      return mentorshipById(manager, actor.organisationId, id);
    });
  }

  /** An admin or a programme lead pairs two people directly: the mentorship starts active. */
  pair(actor: MentoringActor, input: DirectPairingInput, programmeId: string | null = null): Promise<MentorshipRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const row = await this.insertPair(manager, actor, input, programmeId);
      return row;
    });
  }

  /**
   * Pairs inside the caller's transaction. The board's publish pairs many at once: it passes the
   * mentor pool it read (kept current here: each pair takes a place), so the organisation is read once.
   */
  async insertPair(manager: EntityManager, actor: MentoringActor, input: DirectPairingInput, programmeId: string | null, pool?: MentorPool): Promise<MentorshipRow> {
    const started = startRelationship('pairing', (await isCoordinator(manager, actor, programmeId)) ? 'coordinator' : 'other');
    if (!started.ok) throw forbidden(started.reason);
    await this.checkPair(manager, actor.organisationId, input.menteeId, input.mentorId, input.focusSkillKeys, input.endsOn, true, pool);
    const taken = pool?.mentors.find((m) => m.personId === input.mentorId);
    if (taken) taken.occupiedPlaces += 1;
    const id = randomUUID();
    await manager.query(
      `INSERT INTO mentorships (organisation_id, id, mentee_id, mentor_id, programme_id, status, focus_skill_keys, message, ends_on, paired_by_id, requested_at, active_since, move_note)
       VALUES ($1, $2, $3, $4, $5, 'active', $6, '', $7, $8, now(), now(), $9)`,
      [actor.organisationId, id, input.menteeId, input.mentorId, programmeId, input.focusSkillKeys, input.endsOn, actor.personId, input.note || null],
    );
    const names = await personNames(manager, actor.organisationId, [input.menteeId, input.mentorId]);
    await this.notify(manager, actor.organisationId, input.menteeId, 'mentoring.paired', id, 1, `You have been paired with ${names.get(input.mentorId) ?? 'a mentor'} as your mentor.`);
    await this.notify(manager, actor.organisationId, input.mentorId, 'mentoring.paired', id, 1, `You have been paired with ${names.get(input.menteeId) ?? 'a mentee'} as their mentor.`);
    await this.audit.record(manager, actor, {
      action: 'mentoring.paired',
      summary: `paired ${names.get(input.menteeId) ?? 'a mentee'} with ${names.get(input.mentorId) ?? 'a mentor'}`,
      subjectType: 'mentorship',
      subjectId: id,
      subjectPersonId: input.menteeId,
    });
    return mentorshipById(manager, actor.organisationId, id);
  }

  /** accept, decline, withdraw, pause, resume, end: the domain decides who may, from which status. */
  move(actor: MentoringActor, id: string, expectedVersion: number, input: RelationshipMoveInput): Promise<MentorshipRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const row = await mentorshipById(manager, actor.organisationId, id, true);
      const role = await this.roleOf(manager, actor, row);
      if (role === 'other') throw forbidden('change this mentorship: only its mentee, its mentor or a coordinator can');
      if (row.version !== expectedVersion) throw new AppError('CONFLICT', 'This mentorship changed since you opened it: reload to see it.');
      let mentorPlaces: { capacity: number; occupied: number } | undefined;
      if (input.move === 'accept') {
        const pool = await this.matching.mentorPool(manager, actor.organisationId, [row.mentorId]);
        const mentor = pool.mentors[0];
        mentorPlaces = { capacity: mentor?.capacity ?? 0, occupied: mentor?.occupiedPlaces ?? 0 };
      }
      const result = transitionRelationship(row, input.move, role, {
        endReason: input.move === 'end' ? input.endReason : null,
        declineReason: input.move === 'decline' ? input.declineReason : null,
        note: input.note,
        mentorPlaces,
      });
      if (!result.ok) {
        if (result.refusal === 'not-allowed') throw forbidden(result.reason);
        if (result.refusal === 'reason-required' || result.refusal === 'note-required') throw badInput({ note: result.reason });
        throw new AppError('CONFLICT', result.reason);
      }
      const focus = input.move === 'accept' && input.focusSkillKeys ? input.focusSkillKeys : row.focusSkillKeys;
      if (input.move === 'accept' && input.focusSkillKeys) {
        const skills = await publishedSkillsByKey(manager, actor.organisationId);
        const problems = focusSkillProblems(focus, skills.keys());
        if (Object.keys(problems).length > 0) throw badInput(problems);
      }
      await manager.query(
        `UPDATE mentorships SET status = $3, focus_skill_keys = $4, end_reason = COALESCE($5, end_reason), decline_reason = COALESCE($6, decline_reason),
           move_note = $7, active_since = CASE WHEN $3 = 'active' THEN now() ELSE active_since END,
           ended_at = CASE WHEN $3 = 'ended' THEN now() ELSE ended_at END, version = version + 1
         WHERE organisation_id = $1 AND id = $2`,
        [actor.organisationId, id, result.status, focus, result.endReason, result.declineReason, input.note || null],
      );
      const names = await personNames(manager, actor.organisationId, [row.menteeId, row.mentorId, actor.personId]);
      const actorName = names.get(actor.personId) ?? 'Someone';
      const message = moveMessage(input, actorName, names.get(row.mentorId) ?? 'your mentor');
      for (const personId of [row.menteeId, row.mentorId]) {
        if (personId !== actor.personId) await this.notify(manager, actor.organisationId, personId, `mentoring.${input.move}`, id, row.version + 1, message);
      }
      await this.audit.record(manager, actor, {
        action: `mentoring.${input.move}`,
        summary: `${input.move} a mentorship`,
        subjectType: 'mentorship',
        subjectId: id,
        subjectPersonId: row.menteeId,
        details: { endReason: result.endReason, declineReason: result.declineReason },
      });
      return mentorshipById(manager, actor.organisationId, id);
    });
  }

  /** The mentee chooses what this mentor sees; it takes effect at once. The mentor is told what changed. */
  setSharing(actor: MentoringActor, input: SharingInput & { expectedVersion: number }): Promise<MentorshipRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const row = await mentorshipById(manager, actor.organisationId, input.mentorshipId, true);
      if (partOf(row, actor.personId) !== 'mentee') throw forbidden('change what a mentor sees: only the mentee chooses');
      if (row.version !== input.expectedVersion) throw new AppError('CONFLICT', 'This mentorship changed since you opened it: reload to see it.');
      const next = normaliseSharing(input);
      await manager.query(
        `UPDATE mentorships SET share_plan = $3, share_plan_comments = $4, share_assessments = $5, share_check_ins = $6, share_evidence = $7, version = version + 1
         WHERE organisation_id = $1 AND id = $2`,
        [actor.organisationId, row.id, next.plan, next.planComments, next.assessments, next.checkIns, next.evidence],
      );
      const changes = sharingChanges(row.sharing, next);
      if (changes.shared.length + changes.revoked.length > 0) {
        const names = await personNames(manager, actor.organisationId, [row.menteeId]);
        const what = (items: readonly string[]) => items.map((i) => SHARE_ITEM_LABELS[i as keyof Sharing].toLowerCase()).join(', ');
        const parts = [changes.shared.length ? `now shares ${what(changes.shared)}` : '', changes.revoked.length ? `no longer shares ${what(changes.revoked)}` : ''].filter(Boolean);
        await this.notify(manager, actor.organisationId, row.mentorId, 'mentoring.sharing', row.id, row.version + 1, `${names.get(row.menteeId) ?? 'Your mentee'} ${parts.join(' and ')}.`);
        await this.audit.record(manager, actor, { action: 'mentoring.sharing', summary: parts.join(' and '), subjectType: 'mentorship', subjectId: row.id, subjectPersonId: row.menteeId, details: changes });
      }
      return mentorshipById(manager, actor.organisationId, row.id);
    });
  }

  /** Refuses anyone but the two sides and the coordinators (NOT_FOUND is not used: the id is not secret within the organisation). */
  async requirePart(manager: EntityManager, actor: MentoringActor, row: MentorshipRow): Promise<RelationshipRole> {
    const role = await this.roleOf(manager, actor, row);
    if (role === 'other') throw forbidden('see this mentorship: only its mentee, its mentor and a coordinator can');
    return role;
  }

  async roleOf(manager: EntityManager, actor: MentoringActor, row: MentorshipRow): Promise<RelationshipRole> {
    const part = partOf(row, actor.personId);
    if (part !== 'other') return part;
    return (await isCoordinator(manager, actor, row.programmeId)) ? 'coordinator' : 'other';
  }

  private async checkPair(
    manager: EntityManager,
    organisationId: string,
    menteeId: string,
    mentorId: string,
    focusSkillKeys: readonly string[],
    endsOn: string | null,
    byCoordinator: boolean,
    known?: MentorPool,
  ) {
    const fields: Record<string, string> = {};
    const pool = known ?? (await this.matching.mentorPool(manager, organisationId));
    const mentor = pool.mentors.find((m) => m.personId === mentorId);
    if (!pool.people.has(menteeId)) fields.menteeId = 'not an active person of this organisation';
    if (!mentor) fields.mentorId = 'this person does not offer to mentor';
    else {
      const reason = exclusionReason({ personId: menteeId, teamId: pool.people.get(menteeId)?.teamId ?? null }, mentor, pool.lines, {
        crossTeam: 'no-preference',
        includeReportingLine: byCoordinator,
      });
      if (reason) fields.mentorId = EXCLUSION_WORDING[reason];
    }
    const skills = await publishedSkillsByKey(manager, organisationId);
    Object.assign(fields, focusSkillProblems(focusSkillKeys, skills.keys()));
    if (endsOn) {
      const problem = endDateProblem(endsOn, today());
      if (problem) fields.endsOn = problem;
    }
    if (Object.keys(fields).length > 0) throw badInput(fields);
    const open = await mentorshipsWhere(manager, organisationId, `m.mentee_id = $2 AND m.mentor_id = $3 AND m.status <> 'ended'`, [menteeId, mentorId]);
    const problem = openRelationshipProblem(open, menteeId, mentorId);
    if (problem) throw new AppError('CONFLICT', `${problem[0]!.toUpperCase()}${problem.slice(1)}.`);
  }

  private async notify(manager: EntityManager, organisationId: string, personId: string, kind: string, mentorshipId: string, version: number, message: string) {
    await this.notifications.notify(manager, organisationId, { personId, kind, planId: null, message, dedupeKey: `${kind}:${mentorshipId}:${version}`, link: `/mentoring/${mentorshipId}` });
  }
}

const EXCLUSION_WORDING: Record<Exclude<ExclusionReason, 'no-coverage'>, string> = {
  self: 'a person cannot mentor themselves',
  excluded: 'already asked or paired',
  'reporting-line': 'this mentor is in the mentee’s reporting line',
  'own-team-only': 'this mentor takes mentees from their own team only',
  paused: 'this mentor has paused mentoring for now',
  'at-capacity': 'this mentor has no free place at the moment',
};

function moveMessage(input: RelationshipMoveInput, actorName: string, mentorName: string): string {
  switch (input.move) {
    case 'accept':
      return `${mentorName} accepted your request: your mentorship has started.`;
    case 'decline': {
      const why = input.declineReason === 'other' ? input.note : DECLINE_REASON_WORDING[input.declineReason];
      return `${mentorName} can’t take you on right now. ${why}`;
    }
    case 'withdraw':
      return `${actorName} withdrew their request for mentoring.`;
    case 'pause':
      return `${actorName} paused your mentorship.`;
    case 'resume':
      return `${actorName} resumed your mentorship.`;
    case 'end':
      return `${actorName} ended your mentorship.`;
  }
}
