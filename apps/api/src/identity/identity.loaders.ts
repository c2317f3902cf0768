import DataLoader from 'dataloader';
import type { RequestDatabase } from '../database/tenant-database.js';

/** What an admin sees of a person's way in: their account, last sign-in and latest invitation. */
export interface SignInFacts {
  lastSignedInAt: Date | null;
  invitationStatus: 'pending' | 'expired' | 'revoked' | 'accepted' | null;
  invitedAt: Date | null;
  invitationExpiresAt: Date | null;
}

interface Key {
  personId: string;
  email: string;
}

/** Sessions and invitations per person, batched per request (the people list shows them for everyone). */
export class IdentityLoaders {
  constructor(private readonly db: RequestDatabase) {}

  readonly signIn = new DataLoader<Key, SignInFacts, string>(
    async (keys) => {
      const [sessions, invitations] = await Promise.all([
        this.db.query<{ personId: string; at: Date }>(
          `SELECT person_id AS "personId", max(created_at) AS at FROM sessions
           WHERE organisation_id = $1 AND person_id = ANY($2) GROUP BY person_id`,
          [this.db.organisationId, keys.map((key) => key.personId)],
        ),
        this.db.query<{ email: string; createdAt: Date; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }>(
          `SELECT DISTINCT ON (email) email, created_at AS "createdAt", expires_at AS "expiresAt", accepted_at AS "acceptedAt", revoked_at AS "revokedAt"
           FROM invitations WHERE organisation_id = $1 AND email = ANY($2) ORDER BY email, created_at DESC`,
          [this.db.organisationId, keys.map((key) => key.email.toLowerCase())],
        ),
      ]);
      const sessionAt = new Map(sessions.map((row) => [row.personId, row.at]));
      const invitationOf = new Map(invitations.map((row) => [row.email, row]));
      const now = new Date();
      return keys.map((key) => {
        const invitation = invitationOf.get(key.email.toLowerCase());
        return {
          lastSignedInAt: sessionAt.get(key.personId) ?? null,
          invitationStatus: !invitation
            ? null
            : invitation.acceptedAt
              ? 'accepted'
              : invitation.revokedAt
                ? 'revoked'
                : invitation.expiresAt <= now
                  ? 'expired'
                  : 'pending',
          invitedAt: invitation?.createdAt ?? null,
          invitationExpiresAt: invitation?.expiresAt ?? null,
        };
      });
    },
    { cacheKeyFn: (key) => key.personId },
  );
}
