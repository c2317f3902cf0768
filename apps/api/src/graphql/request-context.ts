import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestDatabase } from '../database/tenant-database.js';
import type { FrameworkLoaders } from '../frameworks/framework.loaders.js';
import type { AccessRole } from '@trellis/domain';
import type { IdentityLoaders } from '../identity/identity.loaders.js';
import type { PeopleLoaders } from '../people/people.loaders.js';

/** Who a request is signed in as, read from its session cookie. */
export interface SessionInfo {
  sessionId: string;
  organisationId: string;
  personId: string;
  accessRole: AccessRole;
}

/** What every resolver gets. Public operations see it as is: nobody may be signed in. */
export interface PublicContext {
  request: FastifyRequest;
  reply: FastifyReply;
  session: SessionInfo | null;
  db: RequestDatabase | null;
  loaders: RequestLoaders | null;
  /** After signing in (or up) mid-request: act as that person for the rest of the operation. */
  adoptSession(organisationId: string, personId: string, sessionId?: string): Promise<void>;
}

export interface RequestLoaders {
  frameworks: FrameworkLoaders;
  people: PeopleLoaders;
  identity: IdentityLoaders;
}

/**
 * The context of an operation whose access rule needs a session: the AccessGuard has checked
 * that there is one, so the request's database and loaders exist.
 */
export interface RequestContext extends PublicContext {
  session: SessionInfo;
  db: RequestDatabase;
  loaders: RequestLoaders;
  organisationId: string;
}
