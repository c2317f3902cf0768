import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import type { RequestDatabase } from '../database/tenant-database.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { randomUUID } from 'node:crypto';

/** Who acts, where from: every audited action carries it. */
export interface Actor {
  organisationId: string;
  personId: string | null;
  request: FastifyRequest;
}

export interface AuditRecord {
  action: string;
  summary: string;
  subjectType?: string;
  subjectId?: string;
  subjectPersonId?: string | null;
  details?: Record<string, unknown>;
}

export type AuditEventRow = Omit<AuditEventEntity, 'organisation'>;

const EVENT_COLUMNS = `organisation_id AS "organisationId", id, at, actor_person_id AS "actorPersonId", action,
  subject_type AS "subjectType", subject_id AS "subjectId", subject_person_id AS "subjectPersonId", summary, details,
  ip_address AS "ipAddress", user_agent AS "userAgent"`;
const READ_COLUMNS = `organisation_id AS "organisationId", id, at, actor_person_id AS "actorPersonId", action,
  subject_type AS "subjectType", subject_id AS "subjectId", subject_person_id AS "subjectPersonId", summary, NULL AS details,
  NULL AS "ipAddress", NULL AS "userAgent"`;

@Injectable()
export class AuditService {
  /** Records an action in the caller's transaction, so it lands exactly when the change does. */
  async record(manager: EntityManager, actor: Actor, record: AuditRecord): Promise<void> {
    await manager.insert(AuditEventEntity, {
      organisationId: actor.organisationId,
      id: randomUUID(),
      at: new Date(),
      actorPersonId: actor.personId,
      action: record.action,
      summary: record.summary,
      subjectType: record.subjectType ?? null,
      subjectId: record.subjectId ?? null,
      subjectPersonId: record.subjectPersonId ?? null,
      details: (record.details ?? {}) as never,
      ipAddress: actor.request.ip ?? null,
      userAgent: actor.request.headers['user-agent']?.slice(0, 500) ?? null,
    });
  }

  /**
   * Records a read through the request's own connection (one statement, no transaction: it leaves in
   * the same write as the read's statements). For reads that change nothing; the caller answers
   * only once this succeeded.
   */
  async recordRead(db: RequestDatabase, actor: Actor, record: AuditRecord): Promise<void> {
    await db.query(
      `INSERT INTO audit_events (organisation_id, id, at, actor_person_id, action, subject_type, subject_id, subject_person_id, summary, details, ip_address, user_agent)
       VALUES ($1, $2, now(), $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)`,
      [
        actor.organisationId,
        randomUUID(),
        actor.personId,
        record.action,
        record.subjectType ?? null,
        record.subjectId ?? null,
        record.subjectPersonId ?? null,
        record.summary,
        JSON.stringify(record.details ?? {}),
        actor.request.ip ?? null,
        actor.request.headers['user-agent']?.slice(0, 500) ?? null,
      ],
    );
  }

  /** Which of these actions the organisation's log holds at least once (by a person, not the system). */
  async actionsRecorded(manager: EntityManager, organisationId: string, actions: readonly string[]): Promise<Set<string>> {
    const rows = (await manager.query(
      `SELECT DISTINCT action FROM audit_events WHERE organisation_id = $1 AND action = ANY($2) AND actor_person_id IS NOT NULL`,
      [organisationId, actions],
    )) as { action: string }[];
    return new Set(rows.map((row) => row.action));
  }

  /** The organisation's log, newest first, a page at a time. */
  list(db: RequestDatabase, options: { before?: Date | null; limit: number }): Promise<AuditEventRow[]> {
    return db.query<AuditEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM audit_events WHERE organisation_id = $1 AND ($2::timestamptz IS NULL OR at < $2)
       ORDER BY at DESC, id DESC LIMIT $3`,
      [db.organisationId, options.before ?? null, Math.min(Math.max(options.limit, 1), 200)],
    );
  }

  /** Reads of a person's private data by somebody else, newest first. */
  readsOf(db: RequestDatabase, personId: string, limit: number): Promise<AuditEventRow[]> {
    return db.query<AuditEventRow>(
      // Who and when, not where from: the reader's address and browser are for admins' audit, not shown to the person read.
      `SELECT ${READ_COLUMNS} FROM audit_events
       WHERE organisation_id = $1 AND subject_person_id = $2 AND action LIKE '%.read'
         AND actor_person_id IS DISTINCT FROM $2
       ORDER BY at DESC, id DESC LIMIT $3`,
      [db.organisationId, personId, Math.min(Math.max(limit, 1), 200)],
    );
  }
}
