import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  commentProblem,
  nextStepAnswerProblem,
  toPlanAction,
  type AnswerNextStepInput,
  type NextStepStatus,
  mentorAssessmentProblems,
  sessionProblems,
  sharedScope,
  threadComments,
  type CommentInput,
  type MentorAssessmentInput,
  type SessionInput,
} from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AssessmentsService, profileRows, type PersonAssessmentsRow } from '../assessments/assessments.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError, badInput, forbidden } from '../common/errors.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { publishedSkillsByKey } from '../frameworks/framework-directory.js';
import { personNames } from '../people/people-directory.js';
import { NotificationsService } from '../plans/notifications.service.js';
import { PlanActionsService } from '../plans/plan-actions.service.js';
import { PlanReader } from '../plans/plan-reader.js';
import { mentorshipById, partOf, type MentoringActor, type MentorshipRow } from './mentoring-store.js';
import { MentorshipsService } from './mentorships.service.js';

export interface SessionRow {
  id: string;
  mentorshipId: string;
  heldOn: string;
  minutes: number;
  agenda: SessionInput['agenda'];
  sharedNotes: string;
  /** Only for the session's author: the SQL blanks it for anyone else. */
  privateNotes: string | null;
  nextSteps: (SessionInput['nextSteps'][number] & { status: string })[];
  loggedById: string;
  createdAt: Date;
}

export interface CommentRow {
  id: string;
  mentorshipId: string;
  parentId: string | null;
  depth: number;
  planActionId: string | null;
  authorId: string;
  body: string;
  createdAt: Date;
}

export interface MentorAssessmentRow {
  id: string;
  mentorshipId: string;
  skillKey: string;
  skillName: string;
  level: number;
  note: string;
  assessedAt: Date;
}

const SESSION_COLUMNS = (viewer: string) => `id, mentorship_id AS "mentorshipId", to_char(held_on, 'YYYY-MM-DD') AS "heldOn", minutes, agenda,
  shared_notes AS "sharedNotes", CASE WHEN logged_by_id = ${viewer} THEN private_notes ELSE NULL END AS "privateNotes",
  next_steps AS "nextSteps", logged_by_id AS "loggedById", created_at AS "createdAt"`;

/**
 * What happens inside a mentorship: sessions (shared and private notes), threaded comments, the
 * mentor's assessments of focus skills, and the mentor's audited reads of what the mentee shares.
 */
@Injectable()
export class MentoringReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly assessments: AssessmentsService,
    private readonly mentorships: MentorshipsService,
    private readonly plans: PlanReader,
    private readonly planActions: PlanActionsService,
  ) {}

  /**
   * The mentee accepts a session's proposed next step into their plan (added as an action through
   * the plans module, which decides whether the plan takes additions now) or declines it. The step
   * is marked first, so a repeated answer is refused; if the plan refuses the action, the mark is
   * undone and the plan's reason is returned.
   */
  async answerNextStep(actor: MentoringActor, input: AnswerNextStepInput): Promise<SessionRow> {
    const plan = input.answer === 'accept' ? await this.plans.planOf(actor, actor.personId) : null;
    const { session, step, mentorship } = await tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const [row] = (await manager.query(
        `SELECT ${SESSION_COLUMNS('$3')} FROM mentoring_sessions WHERE organisation_id = $1 AND id = $2 FOR UPDATE`,
        [actor.organisationId, input.sessionId, actor.personId],
      )) as SessionRow[];
      if (!row) throw badInput({ sessionId: 'no such session' });
      const m = await mentorshipById(manager, actor.organisationId, row.mentorshipId);
      const part = partOf(m, actor.personId);
      if (part === 'other') throw forbidden('answer this next step: only the mentee can');
      const next = row.nextSteps[input.index];
      if (!next) throw badInput({ index: 'this session has no such next step' });
      const problem = nextStepAnswerProblem(next as { status: NextStepStatus }, input.answer, part, plan?.status ?? null);
      if (problem) {
        if (part !== 'mentee') throw forbidden(problem);
        throw new AppError('CONFLICT', `${problem[0]!.toUpperCase()}${problem.slice(1)}.`);
      }
      await this.setStepStatus(manager, actor.organisationId, row.id, input.index, input.answer === 'accept' ? 'accepted' : 'declined');
      return { session: row, step: next, mentorship: m };
    });
    if (input.answer === 'accept' && plan) {
      try {
        // A proposed, agreed or active plan goes back to draft for agreement: the page said so before she accepted.
        await this.planActions.addAction(actor, { planId: plan.id, expectedVersion: plan.version, ...toPlanAction(step) }, new Date(), { backToDraft: true });
      } catch (error) {
        await tenantTransaction(this.dataSource, actor.organisationId, (manager) => this.setStepStatus(manager, actor.organisationId, session.id, input.index, 'proposed'));
        throw error;
      }
    }
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const names = await personNames(manager, actor.organisationId, [actor.personId]);
      await this.notifications.notify(manager, actor.organisationId, {
        personId: mentorship.mentorId,
        kind: 'mentoring.next-step',
        planId: null,
        message: `${names.get(actor.personId) ?? 'Your mentee'} ${input.answer === 'accept' ? 'added' : 'declined'} the next step "${step.title}".`,
        dedupeKey: `mentoring.next-step:${session.id}:${input.index}`,
      });
      const [updated] = (await manager.query(`SELECT ${SESSION_COLUMNS('$3')} FROM mentoring_sessions WHERE organisation_id = $1 AND id = $2`, [
        actor.organisationId,
        session.id,
        actor.personId,
      ])) as SessionRow[];
      return updated!;
    });
  }

  private async setStepStatus(manager: EntityManager, organisationId: string, sessionId: string, index: number, status: string) {
    await manager.query(
      `UPDATE mentoring_sessions SET next_steps = jsonb_set(next_steps, ARRAY[$3::text, 'status'], to_jsonb($4::text)) WHERE organisation_id = $1 AND id = $2`,
      [organisationId, sessionId, String(index), status],
    );
  }

  /** Sessions of a mentorship, newest first; private notes only for their author. Either side (and coordinators: without notes). */
  sessions(actor: MentoringActor, mentorshipId: string): Promise<SessionRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const row = await mentorshipById(manager, actor.organisationId, mentorshipId);
      const role = await this.mentorships.requirePart(manager, actor, row);
      const sessions = (await manager.query(
        `SELECT ${SESSION_COLUMNS('$3')} FROM mentoring_sessions WHERE organisation_id = $1 AND mentorship_id = $2 ORDER BY held_on DESC, created_at DESC`,
        [actor.organisationId, mentorshipId, actor.personId],
      )) as SessionRow[];
      // A coordinator sees that sessions happen (dates, length), never what was said.
      return role === 'coordinator' ? sessions.map((s) => ({ ...s, agenda: [], sharedNotes: '', privateNotes: null, nextSteps: [] })) : sessions;
    });
  }

  logSession(actor: MentoringActor, mentorshipId: string, input: SessionInput): Promise<SessionRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const row = await mentorshipById(manager, actor.organisationId, mentorshipId, true);
      const part = partOf(row, actor.personId);
      if (part === 'other') throw forbidden('log a session: only the mentee and the mentor can');
      if (row.status !== 'active' && row.status !== 'paused') throw new AppError('CONFLICT', 'Sessions are logged in an active or paused mentorship.');
      const skills = await publishedSkillsByKey(manager, actor.organisationId);
      const problems = sessionProblems(input, {
        today: new Date().toISOString().slice(0, 10),
        startedOn: (row.activeSince ?? row.requestedAt).toISOString().slice(0, 10),
        focusSkillKeys: row.focusSkillKeys,
        planActionIds: [],
        frameworkSkillKeys: skills.keys(),
      });
      // Sessions may be held before the last resume: the start is the request, not the last activation.
      delete problems.heldOn;
      if (input.heldOn > new Date().toISOString().slice(0, 10)) problems.heldOn = 'a session cannot be logged ahead of the day it is held';
      if (Object.keys(problems).length > 0) throw badInput(problems);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO mentoring_sessions (organisation_id, id, mentorship_id, held_on, minutes, agenda, shared_notes, private_notes, next_steps, logged_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          actor.organisationId,
          id,
          mentorshipId,
          input.heldOn,
          input.minutes,
          JSON.stringify(input.agenda),
          input.sharedNotes,
          input.privateNotes,
          JSON.stringify(input.nextSteps.map((s) => ({ ...s, status: 'proposed' }))),
          actor.personId,
        ],
      );
      const other = part === 'mentee' ? row.mentorId : row.menteeId;
      const names = await personNames(manager, actor.organisationId, [actor.personId]);
      await this.notifications.notify(manager, actor.organisationId, {
        personId: other,
        kind: 'mentoring.session',
        planId: null,
        message: `${names.get(actor.personId) ?? 'Someone'} logged a mentoring session on ${input.heldOn}.`,
        dedupeKey: `mentoring.session:${id}`,
      });
      const [session] = (await manager.query(`SELECT ${SESSION_COLUMNS('$3')} FROM mentoring_sessions WHERE organisation_id = $1 AND id = $2`, [
        actor.organisationId,
        id,
        actor.personId,
      ])) as SessionRow[];
      return session!;
    });
  }

  /** Comments of a mentorship as threads (for its two sides only: a coordinator does not read them). */
  comments(actor: MentoringActor, mentorshipId: string): Promise<CommentRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const row = await mentorshipById(manager, actor.organisationId, mentorshipId);
      if (partOf(row, actor.personId) === 'other') throw forbidden('read these comments: only the mentee and the mentor can');
      const rows = await this.commentRows(manager, actor.organisationId, 'mentorship_id = $2', [mentorshipId]);
      return threadComments(rows).map((t) => t.comment);
    });
  }

  addComment(actor: MentoringActor, input: CommentInput): Promise<CommentRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const row = await mentorshipById(manager, actor.organisationId, input.mentorshipId);
      const part = partOf(row, actor.personId);
      let parentDepth: number | null = null;
      if (input.parentId) {
        const [parent] = await this.commentRows(manager, actor.organisationId, 'mentorship_id = $2 AND id = $3', [input.mentorshipId, input.parentId]);
        if (!parent) throw badInput({ parentId: 'not a comment of this mentorship' });
        parentDepth = parent.depth;
      }
      const problem = commentProblem(row, part, { onPlan: input.planActionId !== null, parentDepth });
      if (problem) throw part === 'other' ? forbidden(problem) : new AppError('CONFLICT', `${problem[0]!.toUpperCase()}${problem.slice(1)}.`);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO mentoring_comments (organisation_id, id, mentorship_id, parent_id, depth, plan_action_id, author_id, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [actor.organisationId, id, input.mentorshipId, input.parentId, parentDepth === null ? 0 : parentDepth + 1, input.planActionId, actor.personId, input.body],
      );
      const names = await personNames(manager, actor.organisationId, [actor.personId]);
      await this.notifications.notify(manager, actor.organisationId, {
        personId: part === 'mentee' ? row.mentorId : row.menteeId,
        kind: 'mentoring.comment',
        planId: null,
        message: `${names.get(actor.personId) ?? 'Someone'} commented in your mentorship.`,
        dedupeKey: `mentoring.comment:${id}`,
      });
      const [comment] = await this.commentRows(manager, actor.organisationId, 'id = $2', [id]);
      return comment!;
    });
  }

  /** The mentor's assessment of a focus skill (a third source beside self and manager; append-only). */
  addMentorAssessment(actor: MentoringActor, input: MentorAssessmentInput): Promise<MentorAssessmentRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const row = await mentorshipById(manager, actor.organisationId, input.mentorshipId);
      const part = partOf(row, actor.personId);
      const skills = await publishedSkillsByKey(manager, actor.organisationId);
      const problems = mentorAssessmentProblems(row, part, input, skills.get(input.skillKey)?.scale ?? []);
      if (problems.mentorshipId && part !== 'mentor') throw forbidden('add a mentor assessment: only the mentor can');
      if (Object.keys(problems).length > 0) throw badInput(problems);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO mentor_assessments (organisation_id, id, mentorship_id, skill_key, level, note, assessed_at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [actor.organisationId, id, row.id, input.skillKey, input.level, input.note],
      );
      const names = await personNames(manager, actor.organisationId, [actor.personId]);
      await this.notifications.notify(manager, actor.organisationId, {
        personId: row.menteeId,
        kind: 'mentoring.assessment',
        planId: null,
        message: `${names.get(actor.personId) ?? 'Your mentor'} rated your ${skills.get(input.skillKey)?.name ?? input.skillKey} at ${input.level}.`,
        dedupeKey: `mentoring.assessment:${id}`,
      });
      const [rating] = await this.mentorAssessmentRows(manager, actor.organisationId, [row.id], id);
      return rating!;
    });
  }

  /** Mentor assessments in a mentorship: both sides read them. */
  mentorAssessments(actor: MentoringActor, mentorshipId: string): Promise<MentorAssessmentRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const row = await mentorshipById(manager, actor.organisationId, mentorshipId);
      if (partOf(row, actor.personId) === 'other') throw forbidden('read these assessments: only the mentee and the mentor can');
      return this.mentorAssessmentRows(manager, actor.organisationId, [row.id], null);
    });
  }

  /**
   * The mentee's assessments as the mentor sees them: only when the mentee shares them in this
   * mentorship (and it is open); null otherwise. Every read by the mentor is an audit event the
   * mentee sees in "who looked at my data".
   */
  sharedAssessments(actor: MentoringActor, mentorshipId: string): Promise<PersonAssessmentsRow | null> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const row = await mentorshipById(manager, actor.organisationId, mentorshipId);
      const part = partOf(row, actor.personId);
      if (part === 'other') throw forbidden('see this mentee’s assessments: only the mentee and their mentor can');
      if (!sharedScope(row, part).assessments) return null;
      const rows = await this.assessments.assessmentsOf(manager, actor.organisationId, [row.menteeId], true);
      if (part === 'mentor') await this.recordRead(manager, actor, row, 'assessments.read', 'skill assessments');
      return { personId: row.menteeId, assessments: rows, current: profileRows(rows.filter((r) => r.counts)) };
    });
  }

  private async recordRead(manager: EntityManager, actor: MentoringActor, row: MentorshipRow, action: string, what: string) {
    const names = await personNames(manager, actor.organisationId, [row.menteeId]);
    await this.audit.record(manager, actor, {
      action,
      summary: `viewed ${names.get(row.menteeId) ?? 'a mentee'}'s ${what}`,
      subjectType: 'person',
      subjectId: row.menteeId,
      subjectPersonId: row.menteeId,
      details: { as: 'mentor', mentorshipId: row.id },
    });
  }

  private async commentRows(manager: EntityManager, organisationId: string, where: string, values: unknown[]): Promise<CommentRow[]> {
    return (await manager.query(
      `SELECT id, mentorship_id AS "mentorshipId", parent_id AS "parentId", depth, plan_action_id AS "planActionId", author_id AS "authorId", body, created_at AS "createdAt"
       FROM mentoring_comments WHERE organisation_id = $1 AND ${where} ORDER BY created_at, id`,
      [organisationId, ...values],
    )) as CommentRow[];
  }

  private async mentorAssessmentRows(manager: EntityManager, organisationId: string, mentorshipIds: string[], id: string | null): Promise<MentorAssessmentRow[]> {
    const rows = (await manager.query(
      `SELECT id, mentorship_id AS "mentorshipId", skill_key AS "skillKey", level, note, assessed_at AS "assessedAt" FROM mentor_assessments
       WHERE organisation_id = $1 AND mentorship_id = ANY($2) AND ($3::uuid IS NULL OR id = $3) ORDER BY assessed_at DESC, id`,
      [organisationId, mentorshipIds, id],
    )) as Omit<MentorAssessmentRow, 'skillName'>[];
    const skills = await publishedSkillsByKey(manager, organisationId);
    return rows.map((r) => ({ ...r, skillName: skills.get(r.skillKey)?.name ?? r.skillKey }));
  }
}
