import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  joinProblem,
  MENTOR_SKILL_LEVEL,
  programmePhase,
  publishProblems,
  scoreMatch,
  describeSkillMatch,
  freePlaces,
  type AssignmentProposal,
  type MenteeForMatching,
  type ProgrammeInput,
  type ProgrammeParticipantInput,
  type PublishPairsInput,
} from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, badInput, forbidden, notFound } from '../common/errors.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { publishedSkillsByKey } from '../frameworks/framework-directory.js';
import { personExists } from '../people/people-directory.js';
import { DomainWorkerPool } from '../workers/domain-worker-pool.js';
import { MentorMatchingService } from './mentor-matching.service.js';
import { mentorshipsWhere, type MentoringActor, type MentorshipRow } from './mentoring-store.js';
import { MentorshipsService } from './mentorships.service.js';
import { mentoringSettingsOf } from './mentoring-settings.service.js';

export interface ProgrammeRow {
  id: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  mentorsMayJoin: 'anyone' | 'invited';
  menteesMayJoin: 'anyone' | 'invited';
  leadId: string | null;
  phase: string;
  participants: { personId: string; part: 'mentor' | 'mentee'; focusSkillKeys: string[] }[];
}

export interface BoardPairRow {
  menteeId: string;
  mentorId: string;
  score: number;
  explanation: string;
}

export interface BoardRow {
  programmeId: string;
  pairs: BoardPairRow[];
  unassigned: { menteeId: string; reason: string }[];
  assignedCount: number;
  totalScore: number;
  mentorLoad: { mentorId: string; assigned: number; freePlacesLeft: number }[];
}

/** Work below this many mentee × mentor pairs runs on the request thread (a worker round trip would cost as much). */
const INLINE_BOARD_SIZE = 5_000;
const today = () => new Date().toISOString().slice(0, 10);

/** Programmes: created by admins, run by their lead: participants, the matching board, publishing its pairs. */
@Injectable()
export class ProgrammesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly matching: MentorMatchingService,
    private readonly mentorships: MentorshipsService,
    private readonly workers: DomainWorkerPool,
  ) {}

  /** The organisation's programmes (names, dates and who takes part are visible to everyone in it). */
  list(actor: MentoringActor): Promise<ProgrammeRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, (manager) => this.programmes(manager, actor.organisationId, null));
  }

  create(actor: MentoringActor, input: ProgrammeInput): Promise<ProgrammeRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      if (input.leadId) {
        if (!(await personExists(manager, actor.organisationId, input.leadId))) throw badInput({ leadId: 'not an active person of this organisation' });
      }
      const id = randomUUID();
      await manager.query(
        `INSERT INTO mentoring_programmes (organisation_id, id, name, description, starts_on, ends_on, mentors_may_join, mentees_may_join, lead_id, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [actor.organisationId, id, input.name, input.description, input.startsOn, input.endsOn, input.mentorsMayJoin, input.menteesMayJoin, input.leadId, actor.personId],
      );
      await this.audit.record(manager, actor, { action: 'mentoring.programme.created', summary: `created the mentoring programme "${input.name}"`, subjectType: 'programme', subjectId: id });
      return (await this.programmes(manager, actor.organisationId, id))[0]!;
    });
  }

  /** Adds a participant (a coordinator adds anyone; a person joins themselves where the programme lets them). */
  setParticipant(actor: MentoringActor, input: ProgrammeParticipantInput, joined: boolean): Promise<ProgrammeRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const programme = await this.programme(manager, actor.organisationId, input.programmeId);
      const standing = actor.accessRole === 'admin' ? 'admin' : programme.leadId === actor.personId ? 'lead' : 'person';
      const self = input.personId === actor.personId;
      if (joined) {
        const problem = joinProblem(programme, input.part, standing, self, today());
        if (problem) throw standing === 'person' ? forbidden(`join: ${problem}`) : new AppError('CONFLICT', `You cannot add them: ${problem}.`);
        const skills = await publishedSkillsByKey(manager, actor.organisationId);
        const unknown = input.focusSkillKeys.filter((k) => !skills.has(k));
        if (unknown.length > 0) throw badInput({ focusSkillKeys: `not in the framework: ${unknown.join(', ')}` });
        if (!(await personExists(manager, actor.organisationId, input.personId))) throw badInput({ personId: 'not an active person of this organisation' });
        await manager.query(
          `INSERT INTO mentoring_programme_participants (organisation_id, programme_id, person_id, part, focus_skill_keys) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (organisation_id, programme_id, person_id, part) DO UPDATE SET focus_skill_keys = EXCLUDED.focus_skill_keys`,
          [actor.organisationId, programme.id, input.personId, input.part, input.focusSkillKeys],
        );
      } else {
        if (standing === 'person' && !self) throw forbidden('remove someone else from a programme: only an admin or its lead can');
        await manager.query(`DELETE FROM mentoring_programme_participants WHERE organisation_id = $1 AND programme_id = $2 AND person_id = $3 AND part = $4`, [
          actor.organisationId,
          programme.id,
          input.personId,
          input.part,
        ]);
      }
      return (await this.programmes(manager, actor.organisationId, programme.id))[0]!;
    });
  }

  /** The matching board: the best overall assignment of the programme's mentees to its mentors (coordinators only). */
  board(actor: MentoringActor, programmeId: string): Promise<BoardRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const programme = await this.requireCoordinator(manager, actor, programmeId);
      const { mentees, pool, nameOf } = await this.boardInput(manager, actor.organisationId, programme);
      const { crossTeam } = await mentoringSettingsOf(manager, actor.organisationId);
      const input = { mentees, mentors: pool.mentors, people: pool.reportingPeople, policy: { crossTeam } };
      const proposal: AssignmentProposal = await this.workers.run('proposeAssignment', input, { inline: mentees.length * pool.mentors.length <= INLINE_BOARD_SIZE });
      const menteeById = new Map(mentees.map((m) => [m.personId, m]));
      const mentorById = new Map(pool.mentors.map((m) => [m.personId, m]));
      return {
        programmeId,
        pairs: proposal.pairs.map((p) => {
          const match = scoreMatch(menteeById.get(p.menteeId)!, mentorById.get(p.mentorId)!, input.policy);
          return { ...p, explanation: match.skills.filter((s) => s.coverage !== 'none').map((s) => describeSkillMatch(s, nameOf)).join('; ') };
        }),
        unassigned: proposal.unassigned,
        assignedCount: proposal.assignedCount,
        totalScore: proposal.totalScore,
        mentorLoad: proposal.mentorLoad,
      };
    });
  }

  /** Publishes chosen pairs of the board: each becomes an active mentorship of the programme, both sides told. */
  publish(actor: MentoringActor, input: PublishPairsInput): Promise<MentorshipRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const programme = await this.requireCoordinator(manager, actor, input.programmeId);
      const { pool } = await this.boardInput(manager, actor.organisationId, programme);
      const participants = {
        mentors: new Set(programme.participants.filter((p) => p.part === 'mentor').map((p) => p.personId)),
        mentees: new Set(programme.participants.filter((p) => p.part === 'mentee').map((p) => p.personId)),
      };
      const problems = publishProblems(input.pairs, participants, new Map(pool.mentors.map((m) => [m.personId, freePlaces(m)])));
      if (Object.keys(problems).length > 0) throw badInput(problems);
      const focusOf = new Map(programme.participants.filter((p) => p.part === 'mentee').map((p) => [p.personId, p.focusSkillKeys]));
      const ids: string[] = [];
      for (const pair of input.pairs) {
        const focus = focusOf.get(pair.menteeId) ?? [];
        if (focus.length === 0) throw badInput({ pairs: 'every mentee needs focus skills before they are paired' });
        const row = await this.mentorships.insertPair(manager, actor, { ...pair, focusSkillKeys: focus, endsOn: programme.endsOn > today() ? programme.endsOn : null, note: '' }, programme.id, pool);
        ids.push(row.id);
      }
      return mentorshipsWhere(manager, actor.organisationId, 'm.id = ANY($2)', [ids]);
    });
  }

  private async boardInput(manager: EntityManager, organisationId: string, programme: ProgrammeRow) {
    const mentorIds = programme.participants.filter((p) => p.part === 'mentor').map((p) => p.personId);
    const pool = await this.matching.mentorPool(manager, organisationId, mentorIds);
    const skills = await publishedSkillsByKey(manager, organisationId);
    const nameOf = (key: string) => skills.get(key)?.name ?? key;
    // The board does not read mentees' assessments (a coordinator is not shown them): each focus
    // skill counts from an unknown level to the mentoring level.
    const mentees: MenteeForMatching[] = programme.participants
      .filter((p) => p.part === 'mentee')
      .map((p) => ({
        personId: p.personId,
        teamId: pool.people.get(p.personId)?.teamId ?? null,
        focusSkills: p.focusSkillKeys.map((skillKey) => ({ skillKey, currentLevel: null, neededLevel: MENTOR_SKILL_LEVEL })),
      }));
    return { mentees, pool, nameOf };
  }

  private async requireCoordinator(manager: EntityManager, actor: MentoringActor, programmeId: string): Promise<ProgrammeRow> {
    const programme = await this.programme(manager, actor.organisationId, programmeId);
    if (actor.accessRole !== 'admin' && programme.leadId !== actor.personId) throw forbidden('run this programme’s matching board: only an admin or its lead can');
    return programme;
  }

  private async programme(manager: EntityManager, organisationId: string, id: string): Promise<ProgrammeRow> {
    const [row] = await this.programmes(manager, organisationId, id);
    if (!row) throw notFound('That programme');
    return row;
  }

  private async programmes(manager: EntityManager, organisationId: string, id: string | null): Promise<ProgrammeRow[]> {
    const rows = (await manager.query(
      `SELECT p.id, p.name, p.description, to_char(p.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(p.ends_on, 'YYYY-MM-DD') AS "endsOn",
         p.mentors_may_join AS "mentorsMayJoin", p.mentees_may_join AS "menteesMayJoin", p.lead_id AS "leadId",
         COALESCE((SELECT json_agg(json_build_object('personId', x.person_id, 'part', x.part, 'focusSkillKeys', x.focus_skill_keys) ORDER BY x.created_at, x.person_id)
           FROM mentoring_programme_participants x WHERE x.organisation_id = p.organisation_id AND x.programme_id = p.id), '[]') AS participants
       FROM mentoring_programmes p WHERE p.organisation_id = $1 AND ($2::uuid IS NULL OR p.id = $2) ORDER BY p.starts_on DESC, p.name, p.id`,
      [organisationId, id],
    )) as Omit<ProgrammeRow, 'phase'>[];
    return rows.map((r) => ({ ...r, phase: programmePhase(r, today()) }));
  }
}
