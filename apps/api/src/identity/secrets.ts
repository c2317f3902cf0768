import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Tokens handed to browsers (session cookies, invitation and reset links) are
 * "<organisation id>.<row id>.<secret>" (or "<row id>.<secret>" for global rows): the ids find
 * the row by primary key, and only a SHA-256 of the secret is stored, compared in constant time.
 */
export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, hash: string): boolean {
  const candidate = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(hash, 'hex');
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TENANT_TOKEN = new RegExp(`^(${UUID})\\.(${UUID})\\.([A-Za-z0-9_-]{43})$`);
const GLOBAL_TOKEN = new RegExp(`^(${UUID})\\.([A-Za-z0-9_-]{43})$`);

export function tenantToken(organisationId: string, id: string, secret: string): string {
  return `${organisationId}.${id}.${secret}`;
}

export function parseTenantToken(token: string | undefined): { organisationId: string; id: string; secret: string } | null {
  const match = token ? TENANT_TOKEN.exec(token) : null;
  return match ? { organisationId: match[1]!, id: match[2]!, secret: match[3]! } : null;
}

export function parseGlobalToken(token: string | undefined): { id: string; secret: string } | null {
  const match = token ? GLOBAL_TOKEN.exec(token) : null;
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

export { randomUUID };
