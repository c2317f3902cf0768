import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../audit/audit.service.js';
import { afterCommit, tenantTransaction, type RequestDatabase } from '../database/tenant-database.js';
import { LiveEvents, notificationTopic } from '../live/live-events.js';

export interface NotificationRow {
  id: string;
  kind: string;
  message: string;
  planId: string | null;
  /** Where the notification leads in the app (the plan page it is about). */
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

/** A new notification as published to its person's subscriptions (JSON-safe: it may cross Redis). */
export interface LiveNotification {
  id: string;
  kind: string;
  message: string;
  planId: string | null;
  link: string | null;
  createdAt: string;
}

/** A notification's link: its own, else the plan page its reader reads (their own plan, or the person's). */
const LINK_OF = (n: string) =>
  `coalesce(${n}.link, (SELECT CASE WHEN pl.person_id = ${n}.person_id THEN '/my-plan' ELSE '/plans/' || pl.person_id END
     FROM plans pl WHERE pl.organisation_id = ${n}.organisation_id AND pl.id = ${n}.plan_id))`;

/** In-app notifications (pushed live to their person's subscriptions once committed); the review job and plan moves also e-mail new ones when SMTP is configured. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LiveEvents,
  ) {}

  /**
   * Inserts a notification once per (person, dedupe key): a repeated job run, or the same run in
   * another API process, adds nothing. True when this call inserted it.
   */
  async notify(
    manager: EntityManager,
    organisationId: string,
    notification: { personId: string; kind: string; planId: string | null; message: string; dedupeKey: string; link?: string | null },
  ): Promise<boolean> {
    const inserted = (await manager.query(
      `INSERT INTO notifications (organisation_id, id, person_id, kind, plan_id, message, dedupe_key, link)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (organisation_id, person_id, dedupe_key) DO NOTHING
       RETURNING id, created_at AS "createdAt", ${LINK_OF('notifications')} AS link`,
      [organisationId, randomUUID(), notification.personId, notification.kind, notification.planId, notification.message, notification.dedupeKey, notification.link ?? null],
    )) as { id: string; createdAt: Date; link: string | null }[];
    const [row] = inserted;
    if (!row) return false;
    // Told live only once it is committed: a rolled-back write tells nobody.
    const live: LiveNotification = {
      id: row.id,
      kind: notification.kind,
      message: notification.message,
      planId: notification.planId,
      link: row.link,
      createdAt: row.createdAt.toISOString(),
    };
    afterCommit(manager, () => this.live.publish(notificationTopic(organisationId, notification.personId), live));
    return true;
  }

  list(db: RequestDatabase, personId: string): Promise<NotificationRow[]> {
    return db.query<NotificationRow>(
      // A plan's notification leads to the plan page its reader reads: their own, or the person's.
      `SELECT n.id, n.kind, n.message, n.plan_id AS "planId", n.created_at AS "createdAt", n.read_at AS "readAt", ${LINK_OF('n')} AS link
       FROM notifications n
       WHERE n.organisation_id = $1 AND n.person_id = $2 ORDER BY n.created_at DESC, n.id LIMIT 100`,
      [db.organisationId, personId],
    );
  }

  /** Marks a person's unread notifications of these kinds about a plan read (they acted on it), in the caller's transaction. */
  async markReadAbout(manager: EntityManager, organisationId: string, personId: string, planId: string, kinds: readonly string[]): Promise<void> {
    await manager.query(
      `UPDATE notifications SET read_at = now() WHERE organisation_id = $1 AND person_id = $2 AND plan_id = $3 AND kind = ANY($4) AND read_at IS NULL`,
      [organisationId, personId, planId, kinds],
    );
  }

  /** Marks one of the caller's own notifications read; false when there is no such unread notification of theirs. */
  markRead(actor: Actor & { personId: string }, id: string): Promise<boolean> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const [, count] = (await manager.query(
        `UPDATE notifications SET read_at = now() WHERE organisation_id = $1 AND id = $2 AND person_id = $3 AND read_at IS NULL`,
        [actor.organisationId, id, actor.personId],
      )) as [unknown, number];
      return count === 1;
    });
  }
}
