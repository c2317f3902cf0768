/// <reference types="@fastify/cookie" />
import { Inject, Injectable } from '@nestjs/common';
import type { AccessRole } from '@trellis/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { RequestDatabase } from '../database/tenant-database.js';
import type { SessionInfo } from '../graphql/request-context.js';
import { membershipsOfAccount, peopleSql } from '../people/people-directory.js';
import { SessionEntity } from './identity.entities.js';
import { newSecret, parseTenantToken, randomUUID, secretMatches, tenantToken } from './secrets.js';

export const SESSION_COOKIE = 'trellis_session';
const SESSION_DAYS = 14;

interface SessionRow {
  secretHash: string;
  expiresAt: Date;
  revokedAt: Date | null;
  personId: string;
  accessRole: AccessRole;
  active: boolean;
}

@Injectable()
export class SessionsService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The organisation a request's cookie claims, before the session is checked. */
  claimedOrganisation(request: FastifyRequest): string | null {
    return parseTenantToken(request.cookies?.[SESSION_COOKIE])?.organisationId ?? null;
  }

  /** Checks the request's session cookie against the database; null when absent, unknown, expired, revoked or the person left. */
  async read(request: FastifyRequest, db: RequestDatabase): Promise<SessionInfo | null> {
    const token = parseTenantToken(request.cookies?.[SESSION_COOKIE]);
    if (!token || token.organisationId !== db.organisationId) return null;
    const [row] = await db.query<SessionRow & QueryRow>(
      `SELECT s.secret_hash AS "secretHash", s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt",
              p.id AS "personId", p."accessRole", p.active
       FROM sessions s JOIN LATERAL (${peopleSql.access('s.organisation_id', 's.person_id')}) p ON true
       WHERE s.organisation_id = $1 AND s.id = $2`,
      [token.organisationId, token.id],
    );
    if (!row || row.revokedAt || row.expiresAt <= new Date() || !row.active) return null;
    if (!secretMatches(token.secret, row.secretHash)) return null;
    return { sessionId: token.id, organisationId: token.organisationId, personId: row.personId, accessRole: row.accessRole };
  }

  /** Starts a session for a person and sets its cookie on the reply. */
  async start(
    manager: EntityManager,
    reply: FastifyReply,
    request: FastifyRequest,
    organisationId: string,
    personId: string,
  ): Promise<void> {
    const { secret, hash } = newSecret();
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
    await manager.insert(SessionEntity, {
      organisationId,
      id,
      personId,
      secretHash: hash,
      expiresAt,
      revokedAt: null,
      ipAddress: request.ip ?? null,
      userAgent: request.headers['user-agent']?.slice(0, 500) ?? null,
    });
    reply.setCookie(SESSION_COOKIE, tenantToken(organisationId, id, secret), {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.COOKIE_SECURE,
      path: '/',
      expires: expiresAt,
    });
  }

  async revoke(manager: EntityManager, organisationId: string, sessionId: string): Promise<void> {
    await manager.update(SessionEntity, { organisationId, id: sessionId }, { revokedAt: new Date() });
  }

  /** Signs a person out everywhere (password changed, person left). */
  async revokeAllFor(manager: EntityManager, organisationId: string, personId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()' })
      .where('organisation_id = :organisationId AND person_id = :personId AND revoked_at IS NULL', { organisationId, personId })
      .execute();
  }

  /** Signs an account out in every organisation it belongs to (its password changed), except `keep` (the browser that changed it). */
  async revokeAllOfAccount(manager: EntityManager, accountId: string, keep?: { organisationId: string; sessionId: string }): Promise<void> {
    const people = await membershipsOfAccount(manager, accountId);
    if (people.length === 0) return;
    await manager.query(
      `UPDATE sessions SET revoked_at = now()
       WHERE (organisation_id, person_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[])) AND revoked_at IS NULL
         AND NOT (organisation_id IS NOT DISTINCT FROM $3 AND id IS NOT DISTINCT FROM $4)`,
      [people.map((person) => person.organisationId), people.map((person) => person.id), keep?.organisationId ?? null, keep?.sessionId ?? null],
    );
  }

  clearCookie(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: this.config.COOKIE_SECURE });
  }
}

type QueryRow = Record<string, unknown>;
