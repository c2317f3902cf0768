import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmailAddress, normaliseEmail, passwordProblems, pmoFramework, type AccessRole } from '@trellis/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { AppError, badInput, notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { systemTransaction, tenantTransaction } from '../database/tenant-database.js';
import { FrameworksService } from '../frameworks/frameworks.service.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { attachAccount, findPerson, findPersonByEmail, insertPerson, membershipsOfAccount, personExists, teamExists } from '../people/people-directory.js';
import { AccountEntity, InvitationEntity, PasswordResetEntity } from './identity.entities.js';
import { Mailer } from './mailer.js';
import { hashPassword, spendVerificationTime, verifyPassword } from './passwords.js';
import { newSecret, parseGlobalToken, parseTenantToken, randomUUID, secretMatches, tenantToken } from './secrets.js';
import { SessionsService } from './sessions.service.js';

/** Failed sign-ins before an account is locked, and for how long. */
export const SIGN_IN_LOCK_AFTER = 5;
export const SIGN_IN_LOCK_MINUTES = 15;
/** From the third failure on, each answer is held back this long per failure beyond the second. */
const SLOWDOWN_MS_PER_FAILURE = 500;
const INVITATION_DAYS = 7;
const RESET_HOURS = 24;

export interface HttpExchange {
  request: FastifyRequest;
  reply: FastifyReply;
}

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
    private readonly frameworks: FrameworksService,
    private readonly mailer: Mailer,
    private readonly organisations: OrganisationsService,
  ) {}

  /** A new organisation with its first admin and the built-in PMO framework; signs the admin in. */
  async signUp(
    http: HttpExchange,
    input: { organisationName: string; name: string; email: string; password: string },
  ): Promise<{ organisationId: string; personId: string }> {
    const email = normaliseEmail(input.email);
    const fields: Record<string, string> = {};
    const organisationName = input.organisationName.trim();
    const name = input.name.trim();
    if (organisationName.length < 2 || organisationName.length > 120) fields.organisationName = 'An organisation name has 2 to 120 characters.';
    if (!name || name.length > 200) fields.name = 'A name has 1 to 200 characters.';
    if (!isEmailAddress(email)) fields.email = `"${input.email}" is not an e-mail address.`;
    const weak = passwordProblems(input.password, { email, name });
    if (weak.length > 0) fields.password = weak.join(' ');
    if (Object.keys(fields).length > 0) throw badInput(fields);
    const passwordHash = await hashPassword(input.password);

    return systemTransaction(this.dataSource, async (manager) => {
      if (await manager.findOneBy(AccountEntity, { email })) {
        throw badInput({ email: 'An account with this e-mail already exists: sign in instead.' });
      }
      const organisation = await this.organisations.create(manager, organisationName);
      const account = { id: randomUUID(), email, passwordHash, failedSignIns: 0, lockedUntil: null };
      await manager.insert(AccountEntity, account);
      const personId = randomUUID();
      await insertPerson(manager, {
        organisationId: organisation.id,
        id: personId,
        email,
        name,
        accountId: account.id,
        accessRole: 'admin',
      });
      await this.frameworks.createFromDocument(organisation.id, pmoFramework, { publish: true }, manager);
      await this.audit.record(manager, { organisationId: organisation.id, personId, request: http.request }, {
        action: 'organisation.created',
        summary: `created the organisation ${organisationName} with the built-in PMO framework`,
        subjectType: 'organisation',
        subjectId: organisation.id,
      });
      await this.sessions.start(manager, http.reply, http.request, organisation.id, personId);
      return { organisationId: organisation.id, personId };
    });
  }

  async signIn(http: HttpExchange, input: { email: string; password: string }): Promise<{ organisationId: string; personId: string }> {
    const email = normaliseEmail(input.email);
    const wrong = () => new AppError('UNAUTHENTICATED', 'That e-mail and password do not match an account.', { fields: { password: 'Check your e-mail and password.' } });
    const account = await systemTransaction(this.dataSource, (manager) => manager.findOneBy(AccountEntity, { email }));
    if (!account) {
      await spendVerificationTime(input.password);
      throw wrong();
    }

    // The attempt is counted (and the lock set) before the password is checked, in one statement that
    // also checks the lock: parallel guesses take turns on the row, so no more than SIGN_IN_LOCK_AFTER
    // of them are ever checked, and a right guess among the later ones is refused like the others.
    const attempt = await systemTransaction(this.dataSource, async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE accounts SET failed_sign_ins = failed_sign_ins + 1,
           locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
         WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
         RETURNING failed_sign_ins AS "failedSignIns", locked_until AS "lockedUntil"`,
        [account.id, SIGN_IN_LOCK_AFTER, SIGN_IN_LOCK_MINUTES],
      )) as [{ failedSignIns: number; lockedUntil: Date | null }[], number];
      if (rows[0]) return rows[0];
      const current = await manager.findOneByOrFail(AccountEntity, { id: account.id });
      return { failedSignIns: null, lockedUntil: current.lockedUntil };
    });
    if (attempt.failedSignIns === null) throw locked(attempt.lockedUntil ?? new Date());

    if (!(await verifyPassword(account.passwordHash, input.password))) {
      if (attempt.failedSignIns > 2) await sleep((attempt.failedSignIns - 2) * SLOWDOWN_MS_PER_FAILURE);
      if (attempt.lockedUntil && attempt.lockedUntil > new Date()) throw locked(attempt.lockedUntil);
      throw wrong();
    }

    // The right password: the attempt was not a failure (even when the person turns out to have left).
    await systemTransaction(this.dataSource, (manager) => manager.update(AccountEntity, { id: account.id }, { failedSignIns: 0, lockedUntil: null }));
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

  async changePassword(actor: Actor & { sessionId: string }, input: { currentPassword: string; newPassword: string }): Promise<void> {
    const account = await this.accountOf(actor.organisationId, actor.personId!);
    if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
      throw badInput({ currentPassword: 'That is not your current password.' });
    }
    const weak = passwordProblems(input.newPassword, { email: account.email });
    if (weak.length > 0) throw badInput({ newPassword: weak.join(' ') });
    const passwordHash = await hashPassword(input.newPassword);
    await systemTransaction(this.dataSource, async (manager) => {
      await manager.update(AccountEntity, { id: account.id }, { passwordHash });
      // Other browsers signed in as this account are signed out; this one stays.
      await this.sessions.revokeAllOfAccount(manager, account.id, { organisationId: actor.organisationId, sessionId: actor.sessionId });
      await this.audit.record(manager, actor, { action: 'account.password_changed', summary: 'changed their password', subjectType: 'person', subjectId: actor.personId!, subjectPersonId: actor.personId });
    });
  }

  /** Always succeeds, so it does not reveal who has an account; e-mails a link when SMTP is configured. */
  async requestPasswordReset(email: string): Promise<void> {
    if (!this.mailer.configured) return;
    const account = await systemTransaction(this.dataSource, (manager) => manager.findOneBy(AccountEntity, { email: normaliseEmail(email) }));
    if (!account) return;
    const { link } = await systemTransaction(this.dataSource, (manager) => this.createReset(manager, account.id));
    await this.mailer.send({
      to: account.email,
      subject: 'Reset your Trellis password',
      text: `Someone asked to reset the password of your Trellis account. If it was you, open this link within ${RESET_HOURS} hours:\n\n${link}\n\nIf it was not, ignore this e-mail.`,
    });
  }

  /** An admin's way to let someone back in when e-mail is not configured. */
  async createPasswordResetLink(actor: Actor, personId: string): Promise<{ link: string; expiresAt: Date }> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const person = await findPerson(manager, actor.organisationId, personId);
      if (!person) throw notFound('That person');
      if (!person.accountId) throw badInput({ personId: `${person.name} has no account yet: send an invitation instead.` });
      const reset = await systemTransaction(this.dataSource, (system) => this.createReset(system, person.accountId!));
      await this.audit.record(manager, actor, {
        action: 'account.reset_link_created',
        summary: `created a password-reset link for ${person.name}`,
        subjectType: 'person',
        subjectId: person.id,
        subjectPersonId: person.id,
      });
      return reset;
    });
  }

  async resetPassword(input: { token: string; newPassword: string }): Promise<void> {
    const token = parseGlobalToken(input.token);
    const invalid = () => badInput({ token: 'This reset link is not valid any more: ask for a new one.' });
    if (!token) throw invalid();
    await systemTransaction(this.dataSource, async (manager) => {
      const reset = await manager.findOne(PasswordResetEntity, { where: { id: token.id }, lock: { mode: 'pessimistic_write' } });
      if (!reset || reset.usedAt || reset.expiresAt <= new Date() || !secretMatches(token.secret, reset.secretHash)) throw invalid();
      const account = await manager.findOneByOrFail(AccountEntity, { id: reset.accountId });
      const weak = passwordProblems(input.newPassword, { email: account.email });
      if (weak.length > 0) throw badInput({ newPassword: weak.join(' ') });
      await manager.update(AccountEntity, { id: account.id }, { passwordHash: await hashPassword(input.newPassword), failedSignIns: 0, lockedUntil: null });
      await manager.update(PasswordResetEntity, { id: reset.id }, { usedAt: new Date() });
      await this.sessions.revokeAllOfAccount(manager, account.id);
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
    return systemTransaction(this.dataSource, async (manager) => {
      const invitation = await manager.findOne(InvitationEntity, {
        where: { organisationId: parsed.organisationId, id: parsed.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation || invitationStatus(invitation) !== 'pending' || !secretMatches(parsed.secret, invitation.secretHash)) throw invalid();

      let account = await manager.findOneBy(AccountEntity, { email: invitation.email });
      if (account) {
        if (!(await verifyPassword(account.passwordHash, input.password))) {
          throw badInput({ password: 'You already have a Trellis account: enter its password to join.' });
        }
      } else {
        const weak = passwordProblems(input.password, { email: invitation.email, name: invitation.name });
        if (weak.length > 0) throw badInput({ password: weak.join(' ') });
        account = { id: randomUUID(), email: invitation.email, passwordHash: await hashPassword(input.password), failedSignIns: 0, lockedUntil: null } as AccountEntity;
        await manager.insert(AccountEntity, account);
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
    });
  }

  /** The id of the account with this e-mail, made with the given password hash when there is none (the demo seed). */
  async ensureAccount(manager: EntityManager, email: string, passwordHash: string): Promise<string> {
    const account = await manager.findOneBy(AccountEntity, { email });
    if (account) return account.id;
    const id = randomUUID();
    await manager.insert(AccountEntity, { id, email, passwordHash, failedSignIns: 0, lockedUntil: null });
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

  private async createReset(manager: EntityManager, accountId: string): Promise<{ link: string; expiresAt: Date }> {
    const { secret, hash } = newSecret();
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + RESET_HOURS * 3600 * 1000);
    await manager.insert(PasswordResetEntity, { id, accountId, secretHash: hash, expiresAt, usedAt: null });
    return { link: `${this.config.PUBLIC_URL}/reset-password?token=${id}.${secret}`, expiresAt };
  }
}

function locked(until: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError(
    'TOO_MANY_ATTEMPTS',
    `Too many failed sign-ins: this account is locked for ${Math.ceil(retryAfterSeconds / 60)} more minute(s).`,
    { retryAfterSeconds },
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
