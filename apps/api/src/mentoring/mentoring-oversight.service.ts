import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { daysWaiting, isAtCapacity, mentoringOversightCsv, uncoveredFocus, type RelationshipStatus } from '@trellis/domain';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { publishedSkillsByKey } from '../frameworks/framework-directory.js';
import { personNames } from '../people/people-directory.js';
import { MentorMatchingService } from './mentor-matching.service.js';
import { MentoringFizzlingService } from './mentoring-fizzling.service.js';
import { mentoringSettingsOf } from './mentoring-settings.service.js';
import type { MentoringActor } from './mentoring-store.js';

export interface OversightRelationshipRow {
  mentorshipId: string;
  menteeId: string;
  menteeName: string;
  mentorId: string;
  mentorName: string;
  status: RelationshipStatus;
  programmeName: string | null;
  activeSince: string | null;
  lastSessionOn: string | null;
  sessions: number;
  minutes: number;
  fizzling: boolean;
  weeksWithoutSession: number | null;
  message: string | null;
}

export interface MentoringOversightRow {
  fizzleWeeks: number;
  relationships: OversightRelationshipRow[];
  waiting: { mentorshipId: string; menteeId: string; menteeName: string; mentorId: string; mentorName: string; requestedAt: Date; daysWaiting: number }[];
  mentorsAtCapacity: { personId: string; name: string; teamName: string | null; capacity: number; occupiedPlaces: number }[];
  uncovered: { personId: string; name: string; skillKeys: string[]; skillNames: string[] }[];
}

/**
 * The mentoring admin page (issue 10, point 8), for organisation admins: every open relationship's
 * rhythm (last session, sessions and hours so far, fizzling), mentees waiting for a mentor's
 * answer, mentors at capacity, and mentees whose focus skills no available mentor covers. A fixed
 * number of statements whatever the organisation's size; each read (the CSV too) is audited.
 * Coordinators see dates and lengths, never notes, comments or what mentees share.
 */
@Injectable()
export class MentoringOversightService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly matching: MentorMatchingService,
    private readonly fizzling: MentoringFizzlingService,
  ) {}

  overview(actor: MentoringActor, now = new Date(), what = 'the mentoring admin page'): Promise<MentoringOversightRow> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const org = actor.organisationId;
      const settings = await mentoringSettingsOf(manager, org);
      const open = (await manager.query(
        `SELECT m.id, m.mentee_id AS "menteeId", m.mentor_id AS "mentorId", m.status, m.active_since AS "activeSince", m.requested_at AS "requestedAt",
           m.focus_skill_keys AS "focusSkillKeys", pr.name AS "programmeName"
         FROM mentorships m LEFT JOIN mentoring_programmes pr ON pr.organisation_id = m.organisation_id AND pr.id = m.programme_id
         WHERE m.organisation_id = $1 AND m.status <> 'ended' ORDER BY m.requested_at, m.id`,
        [org],
      )) as { id: string; menteeId: string; mentorId: string; status: RelationshipStatus; activeSince: Date | null; requestedAt: Date; focusSkillKeys: string[]; programmeName: string | null }[];
      // Programme mentees not paired yet wait for the board; their focus counts for coverage too.
      const boardMentees = (await manager.query(
        `SELECT DISTINCT p.person_id AS "personId", p.focus_skill_keys AS "focusSkillKeys" FROM mentoring_programme_participants p
         WHERE p.organisation_id = $1 AND p.part = 'mentee' AND cardinality(p.focus_skill_keys) > 0
           AND NOT EXISTS (SELECT 1 FROM mentorships m WHERE m.organisation_id = p.organisation_id AND m.mentee_id = p.person_id AND m.status IN ('active', 'paused'))`,
        [org],
      )) as { personId: string; focusSkillKeys: string[] }[];
      const relationships = open.filter((m) => m.status === 'active' || m.status === 'paused');
      const requested = open.filter((m) => m.status === 'requested');
      const views = await this.fizzling.views(manager, org, relationships, now);
      const pool = await this.matching.mentorPool(manager, org);
      const skills = await publishedSkillsByKey(manager, org);
      const uncovered = uncoveredFocus([...requested.map((r) => ({ personId: r.menteeId, focusSkillKeys: r.focusSkillKeys })), ...boardMentees], pool.mentors);
      const names = await personNames(manager, org, [...open.flatMap((m) => [m.menteeId, m.mentorId]), ...uncovered.map((u) => u.personId)]);
      const nameOf = (id: string) => names.get(id) ?? 'Someone who left';
      const result: MentoringOversightRow = {
        fizzleWeeks: settings.fizzleWeeks,
        relationships: relationships
          .map((m) => {
            const view = views.get(m.id)!;
            return {
              mentorshipId: m.id,
              menteeId: m.menteeId,
              menteeName: nameOf(m.menteeId),
              mentorId: m.mentorId,
              mentorName: nameOf(m.mentorId),
              status: m.status,
              programmeName: m.programmeName,
              activeSince: m.activeSince ? m.activeSince.toISOString().slice(0, 10) : null,
              lastSessionOn: view.lastSessionOn,
              sessions: view.sessions,
              minutes: view.minutes,
              fizzling: view.fizzling,
              weeksWithoutSession: view.weeksWithoutSession,
              message: view.message,
            };
          })
          // Fizzling pairs first (longest quiet first), then by mentee.
          .sort((a, b) => Number(b.fizzling) - Number(a.fizzling) || (b.weeksWithoutSession ?? -1) - (a.weeksWithoutSession ?? -1) || a.menteeName.localeCompare(b.menteeName)),
        // Counted in UTC days: the page compares requests with each other, not with anyone's morning.
        waiting: requested
          .map((m) => ({
            mentorshipId: m.id,
            menteeId: m.menteeId,
            menteeName: nameOf(m.menteeId),
            mentorId: m.mentorId,
            mentorName: nameOf(m.mentorId),
            requestedAt: m.requestedAt,
            daysWaiting: daysWaiting(m.requestedAt, now, 'UTC'),
          }))
          .sort((a, b) => b.daysWaiting - a.daysWaiting || a.menteeName.localeCompare(b.menteeName)),
        mentorsAtCapacity: pool.mentors
          .filter(isAtCapacity)
          .map((m) => ({ personId: m.personId, name: pool.people.get(m.personId)?.name ?? 'Someone', teamName: pool.people.get(m.personId)?.teamName ?? null, capacity: m.capacity, occupiedPlaces: m.occupiedPlaces }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        uncovered: uncovered
          .map((u) => ({ personId: u.personId, name: nameOf(u.personId), skillKeys: u.skillKeys, skillNames: u.skillKeys.map((k) => skills.get(k)?.name ?? k) }))
          .sort((a, b) => a.name.localeCompare(b.name)),
      };
      await this.audit.record(manager, actor, {
        action: 'mentoring.oversight.read',
        summary: `Read ${what}: ${result.relationships.length} relationships, ${result.waiting.length} waiting`,
        subjectType: 'mentoring',
      });
      return result;
    });
  }

  /** The admin page as CSV (formula-guarded text; audited like the page). */
  async csv(actor: MentoringActor, now = new Date()): Promise<string> {
    const page = await this.overview(actor, now, 'the mentoring admin page as CSV');
    return stringify(
      mentoringOversightCsv({
        relationships: page.relationships,
        waiting: page.waiting.map((w) => ({ ...w, requestedOn: w.requestedAt.toISOString().slice(0, 10) })),
        mentorsAtCapacity: page.mentorsAtCapacity.map((m) => ({ ...m, mentorName: m.name })),
        uncovered: page.uncovered.map((u) => ({ menteeName: u.name, skillNames: u.skillNames })),
      }),
    );
  }
}
