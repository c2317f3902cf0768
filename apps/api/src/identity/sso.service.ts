import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { normaliseEmail, type AccessRole } from '@trellis/domain';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { AppError, badInput } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { systemTransaction, tenantTransaction } from '../database/tenant-database.js';
import { attachAccount, findPersonByEmail, insertPerson } from '../people/people-directory.js';
import type { HttpExchange } from './exchange.js';
import { AccountEntity, SsoConnectionEntity, SsoLoginEntity } from './identity.entities.js';
import { hashPassword } from './passwords.js';
import { newSecret, parseTenantToken, randomUUID, secretMatches, tenantToken } from './secrets.js';
import { SessionsService } from './sessions.service.js';
import { decryptSecret, encryptSecret } from './sso-secrets.js';

const LOGIN_MINUTES = 10;
export const SSO_CALLBACK_PATH = '/auth/sso/callback';
export const SSO_START_PATH = '/auth/sso/start';

export interface SsoSettingsInput {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret?: string | null;
  domains: string[];
  passwordsAllowed: boolean;
  createPeople: boolean;
  enabled: boolean;
}

/** Why a sign-in was refused, as the sign-in page says it (never whether an account exists). */
export class SsoRefusal extends Error {}

/**
 * Single sign-on with OpenID Connect, per organisation (openid-client: discovery, authorization code
 * with PKCE, state and nonce). What a sign-in in flight needs is a row (`sso_logins`), not process
 * memory, so any process may receive the callback; the state names the organisation and the row and
 * carries a secret whose hash is stored. Only the organisation whose row it is can be signed in to,
 * with that organisation's provider, for an e-mail the provider verified in that organisation's domains.
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger(SsoService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  settings(organisationId: string): Promise<SsoConnectionEntity | null> {
    return tenantTransaction(this.dataSource, organisationId, (manager) => manager.findOneBy(SsoConnectionEntity, { organisationId }));
  }

  async save(actor: Actor, input: SsoSettingsInput): Promise<SsoConnectionEntity> {
    const key = this.config.SSO_SECRET_KEY;
    if (!key) throw new AppError('BAD_USER_INPUT', 'Single sign-on needs SSO_SECRET_KEY set on the server (it encrypts the client secret).');
    const issuer = input.issuer.trim().replace(/\/$/, '');
    if (!issuer.startsWith('https://') && !this.config.SSO_ALLOW_HTTP) throw badInput({ issuer: 'The issuer must be an https:// address.' });
    const domains = [...new Set(input.domains.map((domain) => domain.trim().toLowerCase()))];
    return systemTransaction(this.dataSource, async (manager) => {
      // Domains are claimed by one organisation at a time: the sign-in page picks the provider by domain.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['sso-domains']);
      const taken = (await manager.query('SELECT DISTINCT unnest(domains) AS domain FROM sso_connections WHERE organisation_id <> $1 AND domains && $2', [
        actor.organisationId,
        domains,
      ])) as { domain: string }[];
      if (taken.length > 0) throw badInput({ domains: `Another organisation already signs in people of ${taken.map((t) => t.domain).join(', ')}.` });
      const existing = await manager.findOneBy(SsoConnectionEntity, { organisationId: actor.organisationId });
      const secret = input.clientSecret?.trim();
      if (!secret && !existing) throw badInput({ clientSecret: 'Enter the client secret.' });
      const row = {
        organisationId: actor.organisationId,
        displayName: input.displayName.trim(),
        issuer,
        clientId: input.clientId.trim(),
        clientSecret: secret ? encryptSecret(key, secret) : existing!.clientSecret,
        domains,
        passwordsAllowed: input.passwordsAllowed,
        createPeople: input.createPeople,
        enabled: input.enabled,
      };
      await manager.upsert(SsoConnectionEntity, row, ['organisationId']);
      await this.audit.record(manager, actor, {
        action: 'sso.configured',
        summary: `set single sign-on with ${row.displayName} for ${domains.join(', ')}${row.enabled ? '' : ' (turned off)'}`,
        details: { issuer, domains, passwordsAllowed: row.passwordsAllowed, createPeople: row.createPeople, enabled: row.enabled },
      });
      return (await manager.findOneByOrFail(SsoConnectionEntity, { organisationId: actor.organisationId }));
    });
  }

  /** The provider that signs in people of this address's domain, if any (nothing about accounts is revealed). */
  async providerFor(email: string): Promise<{ organisationId: string; displayName: string } | null> {
    const domain = normaliseEmail(email).split('@')[1];
    if (!domain) return null;
    const rows = await systemTransaction(this.dataSource, (manager) =>
      manager.query('SELECT organisation_id AS "organisationId", display_name AS "displayName" FROM sso_connections WHERE enabled AND $1 = ANY(domains) LIMIT 1', [
        domain,
      ]),
    ) as { organisationId: string; displayName: string }[];
    return rows[0] ?? null;
  }

  /** True when the organisation's people must sign in with its provider. */
  async passwordsRefused(organisationId: string): Promise<string | null> {
    const connection = await this.settings(organisationId);
    return connection && connection.enabled && !connection.passwordsAllowed ? connection.displayName : null;
  }

  /** Starts a sign-in: a row with state, nonce and PKCE verifier; returns the provider's authorisation URL. */
  async start(organisationId: string): Promise<URL> {
    const connection = await this.settings(organisationId);
    if (!connection || !connection.enabled) throw new SsoRefusal('Single sign-on is not set up for this organisation.');
    const configuration = await this.configuration(connection);
    const { secret, hash } = newSecret();
    const id = randomUUID();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await tenantTransaction(this.dataSource, organisationId, (manager) =>
      manager.insert(SsoLoginEntity, {
        organisationId,
        id,
        secretHash: hash,
        nonce,
        codeVerifier,
        expiresAt: new Date(Date.now() + LOGIN_MINUTES * 60_000),
        usedAt: null,
      }),
    );
    return oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri(),
      scope: 'openid email profile',
      state: tenantToken(organisationId, id, secret),
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** The provider's answer: checks everything, links or creates the person, and starts a session. */
  async callback(http: HttpExchange, search: string): Promise<{ organisationId: string; personId: string }> {
    // The redirect URI the provider was given (openid-client reads it from this URL), with the provider's answer.
    const currentUrl = new URL(`${this.redirectUri()}${search}`);
    const state = currentUrl.searchParams.get('state') ?? '';
    const parsed = parseTenantToken(state);
    if (!parsed) throw new SsoRefusal('This sign-in link is not valid: start again.');
    const { organisationId } = parsed;
    // Spent before the code is exchanged: a replayed callback finds it used.
    const login = await tenantTransaction(this.dataSource, organisationId, async (manager) => {
      const row = await manager.findOne(SsoLoginEntity, { where: { organisationId, id: parsed.id }, lock: { mode: 'pessimistic_write' } });
      if (!row || row.usedAt || row.expiresAt <= new Date() || !secretMatches(parsed.secret, row.secretHash)) return null;
      await manager.update(SsoLoginEntity, { organisationId, id: row.id }, { usedAt: new Date() });
      return row;
    });
    if (!login) throw new SsoRefusal('This sign-in has expired or was already used: start again.');
    const connection = await this.settings(organisationId);
    if (!connection || !connection.enabled) throw new SsoRefusal('Single sign-on is not set up for this organisation.');

    let claims: Record<string, unknown> | undefined;
    try {
      const configuration = await this.configuration(connection);
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      // Providers may keep the e-mail out of the ID token (it is then the userinfo's, for the same subject).
      if (claims && typeof claims.email !== 'string') {
        const subject = typeof claims.sub === 'string' ? claims.sub : oidc.skipSubjectCheck;
        claims = { ...claims, ...(await oidc.fetchUserInfo(configuration, tokens.access_token, subject)) };
      }
    } catch (error) {
      this.logger.warn(`Single sign-on refused for organisation ${organisationId}: ${error instanceof Error ? error.message : String(error)}`);
      throw new SsoRefusal(`${connection.displayName} did not confirm who you are: try again, or ask your admin.`);
    }
    const email = typeof claims?.email === 'string' ? normaliseEmail(claims.email) : null;
    if (!email || claims?.email_verified !== true) throw new SsoRefusal(`${connection.displayName} did not confirm your e-mail address.`);
    if (!connection.domains.includes(email.split('@')[1] ?? '')) {
      throw new SsoRefusal(`${email} is not an address this organisation signs in with ${connection.displayName}.`);
    }
    const name = typeof claims?.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email.split('@')[0]!;
    const unusablePassword = await hashPassword(randomBytes(32).toString('base64url'));

    return systemTransaction(this.dataSource, async (manager) => {
      const person = await findPersonByEmail(manager, organisationId, email);
      if (person && !person.active) throw new SsoRefusal('You have left this organisation: you can no longer sign in.');
      if (!person && !connection.createPeople) throw new SsoRefusal('You are not in this organisation on Trellis yet: ask your admin to add you.');
      // Linked by the verified e-mail: the account with this address, made (with no usable password) when there is none.
      let account = await manager.findOne(AccountEntity, { where: { email }, lock: { mode: 'pessimistic_write' } });
      if (!account) {
        account = manager.create(AccountEntity, { id: randomUUID(), email, passwordHash: unusablePassword });
        await manager.insert(AccountEntity, { id: account.id, email, passwordHash: unusablePassword });
      }
      let personId: string;
      if (person) {
        personId = person.id;
        if (!person.accountId) await attachAccount(manager, person, account.id, person.accessRole);
        else if (person.accountId !== account.id) throw new SsoRefusal('Your Trellis account here uses another e-mail address: ask your admin.');
      } else {
        personId = randomUUID();
        const accessRole: AccessRole = 'employee';
        await insertPerson(manager, { organisationId, id: personId, email, name, accountId: account.id, accessRole });
      }
      await this.sessions.start(manager, http.reply, http.request, organisationId, personId);
      await this.audit.record(manager, { organisationId, personId, request: http.request }, {
        action: person ? 'session.signed_in' : 'person.created_by_sso',
        summary: person ? `signed in with ${connection.displayName}` : `joined by signing in with ${connection.displayName}`,
        subjectType: 'person',
        subjectId: personId,
      });
      return { organisationId, personId };
    });
  }

  /** Sign-ins in flight live 10 minutes; their rows go an hour after (every organisation's, hence system). */
  @Cron(CronExpression.EVERY_HOUR, { name: 'sso-logins-cleanup' })
  async deleteExpired(): Promise<void> {
    await systemTransaction(this.dataSource, (manager) => manager.query(`DELETE FROM sso_logins WHERE expires_at < now() - interval '1 hour'`));
  }

  get publicUrl(): string {
    return this.config.PUBLIC_URL;
  }

  private redirectUri(): string {
    return `${this.config.PUBLIC_URL}${SSO_CALLBACK_PATH}`;
  }

  /** The provider's configuration (discovery), read each time: a provider's keys and endpoints change without notice. */
  private async configuration(connection: SsoConnectionEntity): Promise<oidc.Configuration> {
    const key = this.config.SSO_SECRET_KEY;
    if (!key) throw new SsoRefusal('Single sign-on is not configured on this server.');
    const options = this.config.SSO_ALLOW_HTTP ? { execute: [oidc.allowInsecureRequests] } : undefined;
    try {
      return await oidc.discovery(new URL(connection.issuer), connection.clientId, decryptSecret(key, connection.clientSecret), undefined, options);
    } catch (error) {
      this.logger.warn(`Could not read ${connection.issuer}'s OpenID configuration: ${error instanceof Error ? error.message : String(error)}`);
      throw new SsoRefusal(`${connection.displayName} cannot be reached right now: try again later.`);
    }
  }
}
