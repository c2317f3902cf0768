import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../audit/audit.service.js';
import { tenantTransaction, type RequestDatabase } from '../database/tenant-database.js';

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

/** In-app notifications; the review job and plan moves also e-mail new ones when SMTP is configured. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (organisation_id, person_id, dedupe_key) DO NOTHING RETURNING id`,
      [organisationId, randomUUID(), notification.personId, notification.kind, notification.planId, notification.message, notification.dedupeKey, notification.link ?? null],
    )) as unknown[];
    return inserted.length === 1;
  }

  list(db: RequestDatabase, personId: string): Promise<NotificationRow[]> {
    return db.query<NotificationRow>(
      // A plan's notification leads to the plan page its reader reads: their own, or the person's.
      `SELECT n.id, n.kind, n.message, n.plan_id AS "planId", n.created_at AS "createdAt", n.read_at AS "readAt",
         coalesce(n.link, CASE WHEN pl.id IS NULL THEN NULL WHEN pl.person_id = n.person_id THEN '/my-plan' ELSE '/plans/' || pl.person_id END) AS link
       FROM notifications n LEFT JOIN plans pl ON pl.organisation_id = n.organisation_id AND pl.id = n.plan_id
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
