import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fizzleMessage, fizzleState, localDate, weeksWithoutSession, type RelationshipStatus } from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { systemTransaction, tenantTransaction } from '../database/tenant-database.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { personNames } from '../people/people-directory.js';
import { NotificationsService } from '../plans/notifications.service.js';
import { timeZonesOf } from '../plans/plans-directory.js';
import { mentoringSettingsOf } from './mentoring-settings.service.js';

/** A mentorship as fizzling needs it. */
export interface FizzleSubject {
  id: string;
  menteeId: string;
  mentorId: string;
  status: RelationshipStatus;
  activeSince: Date | null;
}

/** What the lists, the mentorship page and the admin page show of a relationship's rhythm. */
export interface FizzleView {
  fizzling: boolean;
  lastSessionOn: string | null;
  sessions: number;
  minutes: number;
  /** Whole weeks since the last session (or since it became active); null unless active. */
  weeksWithoutSession: number | null;
  /** The day it fizzles (or fizzled) without a session; null unless active. */
  fizzlesOn: string | null;
  /** "No session for 7 weeks", when fizzling. */
  message: string | null;
  /** For the job: fizzling and this episode has had no nudge yet. */
  nudgeDue: boolean;
}

/**
 * Pairs that fizzle (issue 10, point 8): the domain's `fizzleState` over each relationship's
 * sessions, the organisation's N and the mentee's time zone (their plan's; UTC without one), read for
 * any number of relationships in a fixed number of statements; and the nudge pass the job runs.
 */
@Injectable()
export class MentoringFizzlingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Each relationship's rhythm, by id (four statements whatever the number). */
  async views(manager: EntityManager, organisationId: string, rows: readonly FizzleSubject[], now: Date): Promise<Map<string, FizzleView>> {
    const result = new Map<string, FizzleView>();
    if (rows.length === 0) return result;
    const ids = rows.map((r) => r.id);
    const settings = await mentoringSettingsOf(manager, organisationId);
    const sessions = (await manager.query(
      `SELECT mentorship_id AS id, array_agg(to_char(held_on, 'YYYY-MM-DD')) AS dates, count(*)::int AS n, sum(minutes)::int AS minutes
       FROM mentoring_sessions WHERE organisation_id = $1 AND mentorship_id = ANY($2) GROUP BY mentorship_id`,
      [organisationId, ids],
    )) as { id: string; dates: string[]; n: number; minutes: number }[];
    const nudges = (await manager.query(
      `SELECT mentorship_id AS id, to_char(max(fizzles_on), 'YYYY-MM-DD') AS "lastNudgedOn" FROM mentorship_nudges
       WHERE organisation_id = $1 AND mentorship_id = ANY($2) GROUP BY mentorship_id`,
      [organisationId, ids],
    )) as { id: string; lastNudgedOn: string }[];
    const zones = await timeZonesOf(
      manager,
      organisationId,
      rows.map((r) => r.menteeId),
    );
    const sessionsOf = new Map(sessions.map((s) => [s.id, s]));
    const nudgedOn = new Map(nudges.map((n) => [n.id, n.lastNudgedOn]));
    for (const row of rows) {
      const held = sessionsOf.get(row.id);
      const timeZone = zones.get(row.menteeId) ?? 'UTC';
      const state = fizzleState({
        status: row.status,
        activeSince: row.activeSince ?? now,
        sessionDates: held?.dates ?? [],
        now,
        timeZone,
        weeks: settings.fizzleWeeks,
        lastNudgedOn: nudgedOn.get(row.id) ?? null,
      });
      const weeks = weeksWithoutSession(state, localDate(now, timeZone));
      result.set(row.id, {
        fizzling: state.fizzling,
        lastSessionOn: state.lastSessionOn,
        sessions: held?.n ?? 0,
        minutes: held?.minutes ?? 0,
        weeksWithoutSession: weeks,
        fizzlesOn: state.fizzlesOn,
        message: state.fizzling && weeks !== null ? fizzleMessage(weeks, state.lastSessionOn) : null,
        nudgeDue: state.nudgeDue,
      });
    }
    return result;
  }

  /**
   * One nudge pass over every organisation: each active relationship fizzling without its nudge for
   * this episode gets one, to both sides. "Once" is decided by the database: the first run to insert
   * (mentorship, fizzles_on) into mentorship_nudges sends it, in the same transaction; any other run,
   * here or in another process, inserts nothing and sends nothing. Returns the relationships nudged.
   */
  async nudgeAll(now: Date): Promise<string[]> {
    const organisations = await systemTransaction(this.dataSource, (manager) => this.organisations.allIds(manager));
    const nudged: string[] = [];
    for (const organisationId of organisations) nudged.push(...(await this.nudge(organisationId, now)));
    return nudged;
  }

  nudge(organisationId: string, now: Date): Promise<string[]> {
    return tenantTransaction(this.dataSource, organisationId, async (manager) => {
      const active = (await manager.query(
        `SELECT id, mentee_id AS "menteeId", mentor_id AS "mentorId", status, active_since AS "activeSince" FROM mentorships
         WHERE organisation_id = $1 AND status = 'active'`,
        [organisationId],
      )) as FizzleSubject[];
      const views = await this.views(manager, organisationId, active, now);
      const due = active.filter((row) => views.get(row.id)?.nudgeDue);
      if (due.length === 0) return [];
      const claimed = (await manager.query(
        `INSERT INTO mentorship_nudges (organisation_id, mentorship_id, fizzles_on)
         SELECT $1, d.id, d.fizzles_on FROM unnest($2::uuid[], $3::date[]) AS d(id, fizzles_on)
         ON CONFLICT DO NOTHING RETURNING mentorship_id AS id`,
        [organisationId, due.map((r) => r.id), due.map((r) => views.get(r.id)!.fizzlesOn)],
      )) as { id: string }[];
      const claimedIds = new Set(claimed.map((c) => c.id));
      const names = await personNames(
        manager,
        organisationId,
        due.flatMap((r) => [r.menteeId, r.mentorId]),
      );
      for (const row of due.filter((r) => claimedIds.has(r.id))) {
        const view = views.get(row.id)!;
        for (const [personId, otherId] of [
          [row.menteeId, row.mentorId],
          [row.mentorId, row.menteeId],
        ] as const) {
          await this.notifications.notify(manager, organisationId, {
            personId,
            kind: 'mentoring.fizzling',
            planId: null,
            link: `/mentoring/${row.id}`,
            message: `${view.message ?? 'No session for a while'} with ${names.get(otherId) ?? 'your mentoring partner'}: log the session you last held, or schedule the next one.`,
            dedupeKey: `mentoring.fizzling:${row.id}:${view.fizzlesOn}`,
          });
        }
      }
      return [...claimedIds];
    });
  }
}
