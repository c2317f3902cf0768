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
    notification: { personId: string; kind: string; planId: string | null; message: string; dedupeKey: string },
  ): Promise<boolean> {
    const inserted = (await manager.query(
      `INSERT INTO notifications (organisation_id, id, person_id, kind, plan_id, message, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (organisation_id, person_id, dedupe_key) DO NOTHING RETURNING id`,
      [organisationId, randomUUID(), notification.personId, notification.kind, notification.planId, notification.message, notification.dedupeKey],
    )) as unknown[];
    return inserted.length === 1;
  }

  list(db: RequestDatabase, personId: string): Promise<NotificationRow[]> {
    return db.query<NotificationRow>(
      `SELECT id, kind, message, plan_id AS "planId", created_at AS "createdAt", read_at AS "readAt" FROM notifications
       WHERE organisation_id = $1 AND person_id = $2 ORDER BY created_at DESC, id LIMIT 100`,
      [db.organisationId, personId],
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
