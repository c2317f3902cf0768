import { Inject, Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmailAddress, normaliseEmail, passwordProblems, pmoFramework } from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { badInput } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { systemTransaction } from '../database/tenant-database.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { insertPerson } from '../people/people-directory.js';
import { AddressLimits, requestNetwork } from './address-limits.js';
import { isUniqueViolation, type HttpExchange } from './exchange.js';
import { AccountEntity, SignUpRequestEntity } from './identity.entities.js';
import { Mailer } from './mailer.js';
import { PasswordGuard } from './password-guard.js';
import { hashPassword } from './passwords.js';
import { newSecret, parseGlobalToken, randomUUID, secretMatches } from './secrets.js';
import { SessionsService } from './sessions.service.js';

const CONFIRM_HOURS = 24;

export interface SignUpInput {
  organisationName: string;
  name: string;
  email: string;
  password: string;
}

/** Signed in at once (no e-mail configured), or a link was e-mailed (whoever owns the address). */
export type SignUpOutcome = { signedIn: { organisationId: string; personId: string } } | { confirmationEmailed: true };

/**
 * Sign-up never tells a stranger whether an address has an account. With SMTP configured every
 * valid sign-up answers "check your inbox": a new address gets a link that creates the organisation
 * (the address is then proven), a known one gets a note saying it already has an account. Without
 * SMTP nothing can be proven, so sign-up completes at once for a new address and refuses a known one
 * (the one place existence shows; sign-ups are limited per network).
 */
@Injectable()
export class SignUpService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly frameworks: FrameworksService,
    private readonly mailer: Mailer,
    private readonly limits: AddressLimits,
    private readonly guard: PasswordGuard,
    private readonly organisations: OrganisationsService,
  ) {}

  async signUp(http: HttpExchange, input: SignUpInput): Promise<SignUpOutcome> {
    const email = normaliseEmail(input.email);
    const organisationName = input.organisationName.trim();
    const name = input.name.trim();
    const fields: Record<string, string> = {};
    if (organisationName.length < 2 || organisationName.length > 120) fields.organisationName = 'An organisation name has 2 to 120 characters.';
    if (!name || name.length > 200) fields.name = 'A name has 1 to 200 characters.';
    if (!isEmailAddress(email)) fields.email = `"${input.email}" is not an e-mail address.`;
    const weak = passwordProblems(input.password, { email, name });
    if (weak.length > 0) fields.password = weak.join(' ');
    if (Object.keys(fields).length > 0) throw badInput(fields);

    await this.limits.require('signUps', requestNetwork(http.request), 'Too many sign-ups from your network');
    // Hashed whether or not the address is known, so both take the same time.
    const passwordHash = await hashPassword(input.password);
    const details = { email, organisationName, name, passwordHash };
    if (this.mailer.configured) {
      await this.emailConfirmation(details);
      return { confirmationEmailed: true };
    }
    const taken = () =>
      badInput({ email: 'Sign-up cannot use this e-mail address. If you already use Trellis with it, sign in instead; otherwise use another address.' });
    const signedIn = await systemTransaction(this.dataSource, async (manager) => {
      if (await manager.existsBy(AccountEntity, { email })) throw taken();
      return this.createOrganisation(manager, http, details);
    }).catch((error: unknown) => {
      // Two sign-ups with one address at once: the second meets the first's account.
      throw isUniqueViolation(error) ? taken() : error;
    });
    await this.guard.recordSuccess(email, http.request);
    return { signedIn };
  }

  /** Opens a sign-up's e-mailed link: creates the organisation and signs its admin in. */
  async confirmSignUp(http: HttpExchange, token: string): Promise<{ organisationId: string; personId: string }> {
    const parsed = parseGlobalToken(token);
    const invalid = () => badInput({ token: 'This sign-up link is not valid any more: sign up again to get a new one.' });
    if (!parsed) throw invalid();
    // Only the address's owner holds this link, so saying the address has an account tells no stranger anything.
    const existing = () => badInput({ token: 'This address got a Trellis account since you signed up: sign in with it instead.' });
    const { email, signedIn } = await systemTransaction(this.dataSource, async (manager) => {
      const request = await manager.findOne(SignUpRequestEntity, { where: { id: parsed.id }, lock: { mode: 'pessimistic_write' } });
      if (!request || request.usedAt || request.expiresAt <= new Date() || !secretMatches(parsed.secret, request.secretHash)) throw invalid();
      await manager.update(SignUpRequestEntity, { id: request.id }, { usedAt: new Date() });
      if (await manager.existsBy(AccountEntity, { email: request.email })) return { email: request.email, signedIn: null };
      return { email: request.email, signedIn: await this.createOrganisation(manager, http, request) };
    }).catch((error: unknown) => {
      throw isUniqueViolation(error) ? existing() : error;
    });
    if (!signedIn) throw existing();
    await this.guard.recordSuccess(email, http.request);
    return signedIn;
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'sign-up-requests-cleanup' })
  async deleteExpired(): Promise<void> {
    await systemTransaction(this.dataSource, (manager) => manager.query(`DELETE FROM sign_up_requests WHERE expires_at < now() - interval '7 days'`));
  }

  private async emailConfirmation(details: { email: string; organisationName: string; name: string; passwordHash: string }): Promise<void> {
    // Past this budget the answer is the same and nothing is sent: nobody can flood an inbox through sign-up.
    if (await this.limits.take('mailsToAddress', details.email)) return;
    const message = await systemTransaction(this.dataSource, async (manager) => {
      if (await manager.existsBy(AccountEntity, { email: details.email })) {
        return {
          subject: 'You already have a Trellis account',
          text:
            `Someone, probably you, tried to sign up to Trellis with this address (to create "${details.organisationName}").\n\n` +
            `This address already has a Trellis account, so nothing was created. Sign in at ${this.config.PUBLIC_URL}/sign-in, ` +
            `or choose a new password at ${this.config.PUBLIC_URL}/forgot-password if you have forgotten it.\n\nIf it was not you, ignore this e-mail.`,
        };
      }
      const { secret, hash } = newSecret();
      const id = randomUUID();
      await manager.insert(SignUpRequestEntity, {
        id,
        ...details,
        secretHash: hash,
        expiresAt: new Date(Date.now() + CONFIRM_HOURS * 3600 * 1000),
        usedAt: null,
      });
      return {
        subject: 'Finish creating your organisation on Trellis',
        text:
          `Someone, probably you, signed up to Trellis with this address to create "${details.organisationName}".\n` +
          `Open this link within ${CONFIRM_HOURS} hours to create it and sign in:\n\n${this.config.PUBLIC_URL}/sign-up/confirm?token=${id}.${secret}\n\n` +
          'If it was not you, ignore this e-mail: nothing is created without it.',
      };
    });
    await this.mailer.send({ to: details.email, ...message });
  }

  /** A new organisation with its first admin (a new account) and the built-in PMO framework; signs the admin in. */
  private async createOrganisation(
    manager: EntityManager,
    http: HttpExchange,
    details: { email: string; organisationName: string; name: string; passwordHash: string },
  ): Promise<{ organisationId: string; personId: string }> {
    const organisation = await this.organisations.create(manager, details.organisationName);
    const account = { id: randomUUID(), email: details.email, passwordHash: details.passwordHash };
    await manager.insert(AccountEntity, account);
    const personId = randomUUID();
    await insertPerson(manager, {
      organisationId: organisation.id,
      id: personId,
      email: details.email,
      name: details.name,
      accountId: account.id,
      accessRole: 'admin',
    });
    await this.frameworks.createFromDocument(organisation.id, pmoFramework, { publish: true }, manager);
    await this.audit.record(manager, { organisationId: organisation.id, personId, request: http.request }, {
      action: 'organisation.created',
      summary: `created the organisation ${details.organisationName} with the built-in PMO framework`,
      subjectType: 'organisation',
      subjectId: organisation.id,
    });
    await this.sessions.start(manager, http.reply, http.request, organisation.id, personId);
    return { organisationId: organisation.id, personId };
  }
}

