import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmailAddress, normaliseEmail, passwordProblems, type AccessRole } from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { AppError, badInput, notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { systemTransaction, tenantTransaction } from '../database/tenant-database.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { attachAccount, findPerson, findPersonByEmail, insertPerson, membershipsOfAccount, personExists, teamExists } from '../people/people-directory.js';
import { AccountEntity, InvitationEntity, SsoConnectionEntity } from './identity.entities.js';
import { Mailer } from './mailer.js';
import { PasswordGuard } from './password-guard.js';
import { hashPassword } from './passwords.js';
import { parseTenantToken, randomUUID, secretMatches, newSecret, tenantToken } from './secrets.js';
import { SessionsService } from './sessions.service.js';
import { isUniqueViolation, type HttpExchange } from './exchange.js';

const INVITATION_DAYS = 7;

export type { HttpExchange };

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export function invitationStatus(invitation: Pick<InvitationEntity, 'acceptedAt' | 'revokedAt' | 'expiresAt'>): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt <= new Date() ? 'expired' : 'pending';
}

@Injectable()
export class IdentityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly guard: PasswordGuard,
    private readonly organisations: OrganisationsService,
  ) {}

  async signIn(http: HttpExchange, input: { email: string; password: string }): Promise<{ organisationId: string; personId: string }> {
    const email = normaliseEmail(input.email);
    const account = await systemTransaction(this.dataSource, (manager) => manager.findOneBy(AccountEntity, { email }));
    // Known and unknown e-mails go through the same throttle and take the same time.
    const right = await this.guard.check({ email, passwordHash: account?.passwordHash ?? null, password: input.password, request: http.request });
    if (!right || !account) {
      throw new AppError('UNAUTHENTICATED', 'That e-mail and password do not match an account.', { fields: { password: 'Check your e-mail and password.' } });
    }
    return systemTransaction(this.dataSource, async (manager) => {
      const memberships = await membershipsOfAccount(manager, account.id);
      const active = memberships.find((person) => person.active);
      if (!active) {
        throw new AppError(
          'FORBIDDEN',
          memberships.length > 0
            ? 'You have left your organisation: your history is kept, but you can no longer sign in.'
            : 'This account belongs to no organisation.',
        );
      }
      // An organisation may require its provider: the right password then opens nothing (and says how to get in).
      const sso = await manager.findOneBy(SsoConnectionEntity, { organisationId: active.organisationId });
      if (sso?.enabled && !sso.passwordsAllowed) {
        throw new AppError('FORBIDDEN', `Your organisation signs in with ${sso.displayName}: use "Sign in with ${sso.displayName}".`);
      }
      await this.sessions.start(manager, http.reply, http.request, active.organisationId, active.id);
      await this.audit.record(manager, { organisationId: active.organisationId, personId: active.id, request: http.request }, {
        action: 'session.signed_in',
        summary: 'signed in',
        subjectType: 'person',
        subjectId: active.id,
      });
      return { organisationId: active.organisationId, personId: active.id };
    });
  }

  async signOut(http: HttpExchange, organisationId: string, sessionId: string): Promise<void> {
    await tenantTransaction(this.dataSource, organisationId, (manager) => this.sessions.revoke(manager, organisationId, sessionId));
    this.sessions.clearCookie(http.reply);
  }

  async changePassword(
    http: HttpExchange,
    actor: Actor & { sessionId: string },
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const account = await this.accountOf(actor.organisationId, actor.personId!);
    // The same throttle as signing in: a borrowed session cannot guess the password here either.
    if (!(await this.guard.check({ email: account.email, passwordHash: account.passwordHash, password: input.currentPassword, request: http.request }))) {
      throw badInput({ currentPassword: 'That is not your current password.' });
    }
    const weak = passwordProblems(input.newPassword, { email: account.email });
    if (weak.length > 0) throw badInput({ newPassword: weak.join(' ') });
    const passwordHash = await hashPassword(input.newPassword);
    await systemTransaction(this.dataSource, async (manager) => {
      // Only over the password that was checked: a reset in between wins, and this change is refused.
      const [, changed] = (await manager.query('UPDATE accounts SET password_hash = $2, updated_at = now() WHERE id = $1 AND password_hash = $3', [
        account.id,
        passwordHash,
        account.passwordHash,
      ])) as [unknown, number];
      if (changed !== 1) throw badInput({ currentPassword: 'Your password was changed meanwhile: enter the new one.' });
      // Other browsers signed in as this account are signed out; this one stays.
      await this.sessions.revokeAllOfAccount(manager, account.id, { organisationId: actor.organisationId, sessionId: actor.sessionId });
      await this.audit.record(manager, actor, { action: 'account.password_changed', summary: 'changed their password', subjectType: 'person', subjectId: actor.personId!, subjectPersonId: actor.personId });
    });
  }

  async invite(
    actor: Actor,
    input: { email: string; name: string; accessRole?: AccessRole | null; teamId?: string | null; managerId?: string | null; jobTitle?: string | null },
  ): Promise<{ invitation: InvitationEntity; link: string; emailed: boolean }> {
    const email = normaliseEmail(input.email);
    const accessRole: AccessRole = input.accessRole ?? 'employee';
    const name = input.name.trim();
    const fields: Record<string, string> = {};
    if (!isEmailAddress(email)) fields.email = `"${input.email}" is not an e-mail address.`;
    if (!name || name.length > 200) fields.name = 'A name has 1 to 200 characters.';
    const { invitation, link, organisationName } = await tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      if (input.teamId && !(await teamExists(manager, actor.organisationId, input.teamId))) fields.teamId = 'That team does not exist.';
      if (input.managerId && !(await personExists(manager, actor.organisationId, input.managerId))) fields.managerId = 'That manager does not exist.';
      const existing = await findPersonByEmail(manager, actor.organisationId, email);
      if (existing?.accountId) fields.email = `${existing.name} already has an account here.`;
      if (Object.keys(fields).length > 0) throw badInput(fields);

      const { secret, hash } = newSecret();
      const invitation = manager.create(InvitationEntity, {
        organisationId: actor.organisationId,
        id: randomUUID(),
        email,
        name,
        accessRole,
        teamId: input.teamId ?? null,
        managerId: input.managerId ?? null,
        jobTitle: input.jobTitle?.trim() || null,
        secretHash: hash,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
        acceptedAt: null,
        revokedAt: null,
        invitedById: actor.personId,
      });
      await manager.insert(InvitationEntity, invitation);
      await this.audit.record(manager, actor, {
        action: 'invitation.created',
        summary: `invited ${name} (${email}) as ${accessRole}`,
        subjectType: 'invitation',
        subjectId: invitation.id,
      });
      const organisation = await this.organisations.find(manager, actor.organisationId);
      if (!organisation) throw notFound('Your organisation');
      const link = `${this.config.PUBLIC_URL}/invitations/accept?token=${tenantToken(actor.organisationId, invitation.id, secret)}`;
      return { invitation, link, organisationName: organisation.name };
    });
    const emailed = await this.mailer.send({
      to: email,
      subject: `You are invited to ${organisationName} on Trellis`,
      text: `Hello ${name},\n\nYou are invited to join ${organisationName} on Trellis, where you can see your career framework and keep your development plan.\nAccept within ${INVITATION_DAYS} days:\n\n${link}\n`,
    });
    return { invitation, link, emailed };
  }

  async revokeInvitation(actor: Actor, id: string): Promise<InvitationEntity> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const invitation = await manager.findOneBy(InvitationEntity, { organisationId: actor.organisationId, id });
      if (!invitation) throw notFound('That invitation');
      if (invitationStatus(invitation) !== 'pending') throw badInput({ id: `This invitation is already ${invitationStatus(invitation)}.` });
      invitation.revokedAt = new Date();
      await manager.update(InvitationEntity, { organisationId: actor.organisationId, id }, { revokedAt: invitation.revokedAt });
      await this.audit.record(manager, actor, {
        action: 'invitation.revoked',
        summary: `revoked the invitation of ${invitation.email}`,
        subjectType: 'invitation',
        subjectId: id,
      });
      return invitation;
    });
  }

  /** What an invitation link shows; null when it cannot be accepted. */
  async previewInvitation(token: string): Promise<{ email: string; name: string; organisationName: string; expiresAt: Date } | null> {
    const parsed = parseTenantToken(token);
    if (!parsed) return null;
    return tenantTransaction(this.dataSource, parsed.organisationId, async (manager) => {
      const invitation = await manager.findOneBy(InvitationEntity, { organisationId: parsed.organisationId, id: parsed.id });
      if (!invitation || invitationStatus(invitation) !== 'pending' || !secretMatches(parsed.secret, invitation.secretHash)) return null;
      const organisation = await this.organisations.find(manager, parsed.organisationId);
      if (!organisation) return null;
      return { email: invitation.email, name: invitation.name, organisationName: organisation.name, expiresAt: invitation.expiresAt };
    });
  }

  async acceptInvitation(http: HttpExchange, input: { token: string; password: string }): Promise<{ organisationId: string; personId: string }> {
    const parsed = parseTenantToken(input.token);
    const invalid = () => badInput({ token: 'This invitation link is not valid any more: ask your admin for a new one.' });
    if (!parsed) throw invalid();
    const pending = async (manager: EntityManager, lock: boolean) => {
      const invitation = await manager.findOne(InvitationEntity, {
        where: { organisationId: parsed.organisationId, id: parsed.id },
        ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
      });
      if (!invitation || invitationStatus(invitation) !== 'pending' || !secretMatches(parsed.secret, invitation.secretHash)) throw invalid();
      return invitation;
    };

    // The password is checked outside any transaction (it may wait out the throttle's slowdown),
    // then everything is checked again under lock before the person joins.
    const first = await systemTransaction(this.dataSource, async (manager) => {
      const invitation = await pending(manager, false);
      return { invitation, account: await manager.findOneBy(AccountEntity, { email: invitation.email }) };
    });
    if (first.account) {
      const right = await this.guard.check({ email: first.account.email, passwordHash: first.account.passwordHash, password: input.password, request: http.request });
      if (!right) throw badInput({ password: 'You already have a Trellis account: enter its password to join.' });
    } else {
      const weak = passwordProblems(input.password, { email: first.invitation.email, name: first.invitation.name });
      if (weak.length > 0) throw badInput({ password: weak.join(' ') });
    }
    const newHash = first.account ? null : await hashPassword(input.password);
    const changedMeanwhile = () => badInput({ password: 'Your account changed while you were joining: enter your password again.' });

    const joined = await systemTransaction(this.dataSource, async (manager) => {
      const invitation = await pending(manager, true);
      let account: Pick<AccountEntity, 'id'>;
      if (first.account) {
        // Locked, so that a password reset and this join take turns (see PasswordResetsService.resetPassword).
        const current = await manager.findOne(AccountEntity, { where: { id: first.account.id }, lock: { mode: 'pessimistic_write' } });
        if (!current || current.passwordHash !== first.account.passwordHash) throw changedMeanwhile();
        account = current;
      } else {
        account = { id: randomUUID() };
        await manager.insert(AccountEntity, { id: account.id, email: invitation.email, passwordHash: newHash! });
      }

      // Someone imported from CSV already exists as a person: they get the account, nothing is duplicated.
      const existing = await findPersonByEmail(manager, invitation.organisationId, invitation.email);
      const personId = existing?.id ?? randomUUID();
      if (existing) {
        await attachAccount(manager, existing, account.id, invitation.accessRole as AccessRole);
      } else {
        await insertPerson(manager, {
          organisationId: invitation.organisationId,
          id: personId,
          email: invitation.email,
          name: invitation.name,
          jobTitle: invitation.jobTitle,
          teamId: invitation.teamId,
          managerId: invitation.managerId,
          accountId: account.id,
          accessRole: invitation.accessRole as AccessRole,
        });
      }
      await manager.update(InvitationEntity, { organisationId: invitation.organisationId, id: invitation.id }, { acceptedAt: new Date() });
      const actor = { organisationId: invitation.organisationId, personId, request: http.request };
      await this.audit.record(manager, actor, {
        action: 'invitation.accepted',
        summary: `accepted the invitation and joined as ${invitation.accessRole}`,
        subjectType: 'invitation',
        subjectId: invitation.id,
      });
      await this.sessions.start(manager, http.reply, http.request, invitation.organisationId, personId);
      return { organisationId: invitation.organisationId, personId };
    }).catch((error: unknown) => {
      // An account with this e-mail was made meanwhile (another invitation accepted at the same time).
      throw isUniqueViolation(error) ? changedMeanwhile() : error;
    });
    if (!first.account) await this.guard.recordSuccess(first.invitation.email, http.request);
    return joined;
  }

  /** The id of the account with this e-mail, made with the given password hash when there is none (the demo seed). */
  async ensureAccount(manager: EntityManager, email: string, passwordHash: string): Promise<string> {
    const account = await manager.findOneBy(AccountEntity, { email });
    if (account) return account.id;
    const id = randomUUID();
    await manager.insert(AccountEntity, { id, email, passwordHash });
    return id;
  }

  listInvitations(organisationId: string): Promise<InvitationEntity[]> {
    return tenantTransaction(this.dataSource, organisationId, (manager) =>
      manager.find(InvitationEntity, { where: { organisationId }, order: { createdAt: 'DESC' } }),
    );
  }

  private async accountOf(organisationId: string, personId: string): Promise<AccountEntity> {
    return systemTransaction(this.dataSource, async (manager) => {
      const person = await findPerson(manager, organisationId, personId);
      const account = person?.accountId ? await manager.findOneBy(AccountEntity, { id: person.accountId }) : null;
      if (!account) throw notFound('Your account');
      return account;
    });
  }
}
