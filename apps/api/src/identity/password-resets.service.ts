import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normaliseEmail, passwordProblems } from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { AppError, badInput, notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { systemTransaction, tenantTransaction } from '../database/tenant-database.js';
import { findPerson, membershipsOfAccount } from '../people/people-directory.js';
import { AddressLimits, requestNetwork } from './address-limits.js';
import type { HttpExchange } from './exchange.js';
import { AccountEntity, PasswordResetEntity } from './identity.entities.js';
import { Mailer } from './mailer.js';
import { PasswordGuard } from './password-guard.js';
import { hashPassword } from './passwords.js';
import { newSecret, parseGlobalToken, randomUUID, secretMatches } from './secrets.js';
import { SessionsService } from './sessions.service.js';

const RESET_HOURS = 24;

/**
 * Password resets. An account is global (one password for every organisation its person belongs
 * to), so no organisation's admin may set what protects the others' access: a reset link goes to
 * the account's own e-mail address. Only when e-mail is not configured may an admin be shown a link,
 * and only for an account that belongs to their organisation alone; such a link stops working if
 * the account joins another organisation before it is used.
 */
@Injectable()
export class PasswordResetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly limits: AddressLimits,
    private readonly guard: PasswordGuard,
    private readonly sessions: SessionsService,
  ) {}

  /** Always succeeds the same way, so it does not reveal who has an account; e-mails a link when SMTP is configured. */
  async requestPasswordReset(http: HttpExchange, email: string): Promise<void> {
    await this.limits.require('resetRequests', requestNetwork(http.request), 'Too many password-reset requests from your network');
    if (!this.mailer.configured) return;
    const address = normaliseEmail(email);
    const account = await systemTransaction(this.dataSource, (manager) => manager.findOneBy(AccountEntity, { email: address }));
    if (!account || (await this.limits.take('mailsToAddress', account.email))) return;
    const { link } = await systemTransaction(this.dataSource, (manager) => this.createReset(manager, account.id, null));
    await this.emailLink(account.email, link, 'Someone asked to reset the password of your Trellis account.');
  }

  /**
   * An admin's "reset this person's password": e-mailed to the person's own address when SMTP is
   * configured (the admin never sees the link); otherwise the link, for the admin to hand over, only
   * when the account belongs to this organisation alone.
   */
  async createPasswordReset(actor: Actor, personId: string): Promise<{ emailed: boolean; link: string | null; expiresAt: Date }> {
    // With SMTP configured the link is only ever e-mailed (emailed is false only when sending failed).
    const person = await tenantTransaction(this.dataSource, actor.organisationId, (manager) =>
      findPerson(manager, actor.organisationId, personId),
    );
    if (!person) throw notFound('That person');
    if (!person.accountId) throw badInput({ personId: `${person.name} has never signed in, so there is no password to reset: invite them instead (Invite on their page, or several people at once from Manage people).` });
    const accountId = person.accountId;
    const emailed = this.mailer.configured;

    const { reset, email } = await systemTransaction(this.dataSource, async (manager) => {
      const account = await manager.findOneOrFail(AccountEntity, { where: { id: accountId }, lock: { mode: 'pessimistic_write' } });
      if (!emailed && (await this.belongsElsewhere(manager, accountId, actor.organisationId))) {
        throw new AppError(
          'FORBIDDEN',
          `${person.name}'s Trellis account also gives access to another organisation, so only they can reset its password, ` +
            'through "Forgot your password?", which needs e-mail to be set up on this server (SMTP_URL).',
        );
      }
      return { reset: await this.createReset(manager, accountId, emailed ? null : actor.organisationId), email: account.email };
    });
    await tenantTransaction(this.dataSource, actor.organisationId, (manager) =>
      this.audit.record(manager, actor, {
        action: emailed ? 'account.reset_emailed' : 'account.reset_link_created',
        summary: emailed ? `sent ${person.name} a password-reset e-mail` : `created a password-reset link for ${person.name}`,
        subjectType: 'person',
        subjectId: person.id,
        subjectPersonId: person.id,
      }),
    );
    if (emailed) {
      const sent = await this.emailLink(email, reset.link, 'An admin of your organisation on Trellis sent you this link to choose a new password.');
      return { emailed: sent, link: null, expiresAt: reset.expiresAt };
    }
    return { emailed: false, link: reset.link, expiresAt: reset.expiresAt };
  }

  async resetPassword(http: HttpExchange, input: { token: string; newPassword: string }): Promise<void> {
    const token = parseGlobalToken(input.token);
    const invalid = () => badInput({ token: 'This reset link is not valid any more: ask for a new one.' });
    if (!token) throw invalid();
    const email = await systemTransaction(this.dataSource, async (manager) => {
      const reset = await manager.findOne(PasswordResetEntity, { where: { id: token.id }, lock: { mode: 'pessimistic_write' } });
      if (!reset || reset.usedAt || reset.expiresAt <= new Date() || !secretMatches(token.secret, reset.secretHash)) throw invalid();
      // Locked, so that joining another organisation (acceptInvitation locks it too) and this reset take turns.
      const account = await manager.findOneOrFail(AccountEntity, { where: { id: reset.accountId }, lock: { mode: 'pessimistic_write' } });
      if (reset.issuedByOrganisationId && (await this.belongsElsewhere(manager, account.id, reset.issuedByOrganisationId))) throw invalid();
      const weak = passwordProblems(input.newPassword, { email: account.email });
      if (weak.length > 0) throw badInput({ newPassword: weak.join(' ') });
      await manager.update(AccountEntity, { id: account.id }, { passwordHash: await hashPassword(input.newPassword) });
      await manager.update(PasswordResetEntity, { id: reset.id }, { usedAt: new Date() });
      // Every other link for this account is spent too: only the newest password stands.
      await manager.query('UPDATE password_resets SET used_at = now() WHERE account_id = $1 AND used_at IS NULL', [account.id]);
      await this.sessions.revokeAllOfAccount(manager, account.id);
      return account.email;
    });
    // Whoever holds a valid link may sign in from here even while strangers keep the e-mail locked.
    await this.guard.recordSuccess(email, http.request);
  }

  /** True when the account is a person (present or past) in any organisation but this one. */
  private async belongsElsewhere(manager: EntityManager, accountId: string, organisationId: string): Promise<boolean> {
    return (await membershipsOfAccount(manager, accountId)).some((person) => person.organisationId !== organisationId);
  }

  private async createReset(manager: EntityManager, accountId: string, issuedByOrganisationId: string | null): Promise<{ link: string; expiresAt: Date }> {
    const { secret, hash } = newSecret();
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + RESET_HOURS * 3600 * 1000);
    await manager.insert(PasswordResetEntity, { id, accountId, secretHash: hash, expiresAt, usedAt: null, issuedByOrganisationId });
    return { link: `${this.config.PUBLIC_URL}/reset-password?token=${id}.${secret}`, expiresAt };
  }

  private emailLink(to: string, link: string, why: string): Promise<boolean> {
    return this.mailer.send({
      to,
      subject: 'Reset your Trellis password',
      text: `${why} If it was you (or you asked for it), open this link within ${RESET_HOURS} hours:\n\n${link}\n\nIf not, ignore this e-mail.`,
    });
  }
}
