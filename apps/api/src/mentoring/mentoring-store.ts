import type { AccessRole, RelationshipStatus, Sharing, ViewerPart } from '@trellis/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../audit/audit.service.js';
import { notFound } from '../common/errors.js';

/**
 * Reads of the mentoring tables shared by the module's services (all scoped by organisation; run in
 * the caller's transaction).
 */

export type MentoringActor = Actor & { personId: string; accessRole: AccessRole };

export interface MentorshipRow {
  id: string;
  menteeId: string;
  mentorId: string;
  programmeId: string | null;
  status: RelationshipStatus;
  focusSkillKeys: string[];
  message: string;
  endsOn: string | null;
  pairedById: string | null;
  requestedAt: Date;
  activeSince: Date | null;
  endedAt: Date | null;
  endReason: string | null;
  declineReason: string | null;
  moveNote: string | null;
  sharing: Sharing;
  version: number;
}

export const MENTORSHIP_COLUMNS = `m.id, m.mentee_id AS "menteeId", m.mentor_id AS "mentorId", m.programme_id AS "programmeId", m.status,
  m.focus_skill_keys AS "focusSkillKeys", m.message, to_char(m.ends_on, 'YYYY-MM-DD') AS "endsOn", m.paired_by_id AS "pairedById",
  m.requested_at AS "requestedAt", m.active_since AS "activeSince", m.ended_at AS "endedAt", m.end_reason AS "endReason",
  m.decline_reason AS "declineReason", m.move_note AS "moveNote", m.version,
  json_build_object('plan', m.share_plan, 'planComments', m.share_plan_comments, 'assessments', m.share_assessments,
    'checkIns', m.share_check_ins, 'evidence', m.share_evidence) AS sharing`;

export async function mentorshipsWhere(manager: EntityManager, organisationId: string, where: string, values: unknown[], lock = false): Promise<MentorshipRow[]> {
  return (await manager.query(
    `SELECT ${MENTORSHIP_COLUMNS} FROM mentorships m WHERE m.organisation_id = $1 AND (${where})
     ORDER BY (m.status = 'ended'), m.requested_at DESC, m.id${lock ? ' FOR UPDATE' : ''}`,
    [organisationId, ...values],
  )) as MentorshipRow[];
}

/** One mentorship in the caller's organisation; NOT_FOUND otherwise. */
export async function mentorshipById(manager: EntityManager, organisationId: string, id: string, lock = false): Promise<MentorshipRow> {
  const [row] = await mentorshipsWhere(manager, organisationId, 'm.id = $2', [id], lock);
  if (!row) throw notFound('That mentorship');
  return row;
}

/** The viewer's part in a mentorship (a coordinator is decided apart: see `isCoordinator`). */
export function partOf(row: Pick<MentorshipRow, 'menteeId' | 'mentorId'>, personId: string): ViewerPart {
  return row.menteeId === personId ? 'mentee' : row.mentorId === personId ? 'mentor' : 'other';
}

/** An organisation admin, or the lead of the programme the mentorship belongs to. */
export async function isCoordinator(manager: EntityManager, actor: MentoringActor, programmeId: string | null): Promise<boolean> {
  if (actor.accessRole === 'admin') return true;
  if (!programmeId) return false;
  const [row] = (await manager.query(`SELECT lead_id AS "leadId" FROM mentoring_programmes WHERE organisation_id = $1 AND id = $2`, [
    actor.organisationId,
    programmeId,
  ])) as { leadId: string | null }[];
  return row?.leadId === actor.personId;
}

/** Places each mentor occupies now (active and paused relationships), one statement. */
export async function occupiedPlaces(manager: EntityManager, organisationId: string, mentorIds: readonly string[]): Promise<Map<string, number>> {
  if (mentorIds.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT mentor_id AS "mentorId", count(*)::int AS n FROM mentorships
     WHERE organisation_id = $1 AND mentor_id = ANY($2) AND status IN ('active', 'paused') GROUP BY mentor_id`,
    [organisationId, [...new Set(mentorIds)]],
  )) as { mentorId: string; n: number }[];
  return new Map(rows.map((r) => [r.mentorId, r.n]));
}

export interface ProfileRow {
  id: string;
  personId: string;
  capacity: number;
  offeredSkillKeys: string[];
  meeting: { modes: string[]; frequency: string | null; note: string };
  acceptsOtherTeams: boolean;
  paused: boolean;
  about: string;
  version: number;
  updatedAt: Date;
}

export const PROFILE_COLUMNS = `id, person_id AS "personId", capacity, offered_skill_keys AS "offeredSkillKeys", meeting,
  accepts_other_teams AS "acceptsOtherTeams", paused, about, version, updated_at AS "updatedAt"`;

export async function profilesOf(manager: EntityManager, organisationId: string, personIds: readonly string[] | null): Promise<ProfileRow[]> {
  return (await manager.query(
    `SELECT ${PROFILE_COLUMNS} FROM mentor_profiles WHERE organisation_id = $1 AND ($2::uuid[] IS NULL OR person_id = ANY($2)) ORDER BY person_id`,
    [organisationId, personIds],
  )) as ProfileRow[];
}
