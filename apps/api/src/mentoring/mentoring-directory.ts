import { combinedScope, type Sharing } from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { mentorshipsWhere } from './mentoring-store.js';

/**
 * What other modules may write of mentoring (the demo seed): plain functions over the caller's
 * EntityManager, each row as the services store it.
 */

/**
 * What `viewerId` may see of `personId`'s own data through mentoring: the union of what the person
 * shares in every open (active or paused) mentorship where the viewer mentors them; nothing for
 * anyone else. Read afresh in the caller's transaction, so a change or revoke counts at once. The
 * seam for the plans' PlanPolicy (a plain function: PlansModule cannot import MentoringModule,
 * which imports it). `MentorshipsService.sharedScopeFor` is the same for Nest callers.
 */
export async function sharedScopeFor(manager: EntityManager, organisationId: string, viewerId: string, personId: string): Promise<Sharing> {
  if (viewerId === personId) return combinedScope([], 'mentor');
  const rows = await mentorshipsWhere(manager, organisationId, `m.mentor_id = $2 AND m.mentee_id = $3 AND m.status IN ('active', 'paused')`, [viewerId, personId]);
  return combinedScope(rows, 'mentor');
}

export async function hasMentorProfiles(manager: EntityManager, organisationId: string): Promise<boolean> {
  const [row] = (await manager.query(`SELECT EXISTS (SELECT 1 FROM mentor_profiles WHERE organisation_id = $1) AS found`, [organisationId])) as { found: boolean }[];
  return row?.found ?? false;
}

export async function insertMentorProfile(
  manager: EntityManager,
  row: { organisationId: string; personId: string; capacity: number; offeredSkillKeys: string[]; about: string; modes: string[]; frequency: string | null; acceptsOtherTeams: boolean },
): Promise<void> {
  await manager.query(
    `INSERT INTO mentor_profiles (organisation_id, id, person_id, capacity, offered_skill_keys, meeting, accepts_other_teams, paused, about, version, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8, 1, now())`,
    [row.organisationId, randomUUID(), row.personId, row.capacity, row.offeredSkillKeys, JSON.stringify({ modes: row.modes, frequency: row.frequency, note: '' }), row.acceptsOtherTeams, row.about],
  );
}

export interface DemoMentorship {
  organisationId: string;
  menteeId: string;
  mentorId: string;
  status: 'requested' | 'active' | 'ended';
  focusSkillKeys: string[];
  message: string;
  requestedAt: Date;
  activeSince: Date | null;
  endedAt?: Date | null;
  endReason?: string | null;
  sharing?: { plan: boolean; planComments: boolean; assessments: boolean };
  sessions?: { heldOn: string; minutes: number; sharedNotes: string; privateNotes: string; loggedById: string }[];
  comments?: { authorId: string; body: string; replyToPrevious?: boolean; at: Date }[];
}

/** One mentorship with its sessions and comments (threaded: a comment may reply to the one before). */
export async function insertMentorship(manager: EntityManager, m: DemoMentorship): Promise<string> {
  const id = randomUUID();
  await manager.query(
    `INSERT INTO mentorships (organisation_id, id, mentee_id, mentor_id, status, focus_skill_keys, message, requested_at, active_since, ended_at, end_reason,
       share_plan, share_plan_comments, share_assessments)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      m.organisationId,
      id,
      m.menteeId,
      m.mentorId,
      m.status,
      m.focusSkillKeys,
      m.message,
      m.requestedAt,
      m.activeSince,
      m.endedAt ?? null,
      m.endReason ?? null,
      m.sharing?.plan ?? false,
      m.sharing?.planComments ?? false,
      m.sharing?.assessments ?? false,
    ],
  );
  for (const s of m.sessions ?? []) {
    await manager.query(
      `INSERT INTO mentoring_sessions (organisation_id, id, mentorship_id, held_on, minutes, agenda, shared_notes, private_notes, next_steps, logged_by_id)
       VALUES ($1, $2, $3, $4, $5, '[]', $6, $7, '[]', $8)`,
      [m.organisationId, randomUUID(), id, s.heldOn, s.minutes, s.sharedNotes, s.privateNotes, s.loggedById],
    );
  }
  let previous: { id: string; depth: number } | null = null;
  for (const c of m.comments ?? []) {
    const commentId = randomUUID();
    const parent: { id: string; depth: number } | null = c.replyToPrevious && previous ? previous : null;
    const depth: number = parent ? parent.depth + 1 : 0;
    await manager.query(
      `INSERT INTO mentoring_comments (organisation_id, id, mentorship_id, parent_id, depth, plan_action_id, author_id, body, created_at)
       VALUES ($1, $2, $3, $4, $5, NULL, $6, $7, $8)`,
      [m.organisationId, commentId, id, parent?.id ?? null, depth, c.authorId, c.body, c.at],
    );
    previous = { id: commentId, depth };
  }
  return id;
}
