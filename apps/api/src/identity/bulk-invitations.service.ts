import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { normaliseEmail } from '@trellis/domain';
import { DataSource, In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { AppError, badInput, notFound } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { activePeople, findPeople, type PersonRecord } from '../people/people-directory.js';
import { AddressLimits, tooMany } from './address-limits.js';
import { InvitationEntity } from './identity.entities.js';
import { Mailer } from './mailer.js';
import { newSecret, randomUUID, tenantToken } from './secrets.js';

export const INVITATION_DAYS = 7;

export interface BulkInvitation {
  personId: string;
  invitation: InvitationEntity;
  link: string;
  emailed: boolean;
}

export interface BulkInvitationOutcome {
  invited: BulkInvitation[];
  /** People skipped because they already have a pending invitation (ask with `resend` to replace it). */
  alreadyInvitedIds: string[];
  emailConfigured: boolean;
}

/** The invitation e-mail, the same for one person or many. */
export function invitationMessage(organisationName: string, name: string, link: string): { subject: string; text: string } {
  return {
    subject: `You are invited to ${organisationName} on Trellis`,
    text: `Hello ${name},\n\nYou are invited to join ${organisationName} on Trellis, where you can see your career framework and keep your development plan.\nAccept within ${INVITATION_DAYS} days:\n\n${link}\n`,
  };
}

/**
 * Invitations for people the organisation already holds without an account (a CSV import makes
 * them): one action for a selection or for everyone. All or nothing: an unknown person, someone who
 * left or who already has an account refuses the whole call with each bad entry named. Repeating it
 * changes nothing (people with a pending invitation are skipped) unless `resend` asks to replace
 * their invitation with a new one (the old link stops working). Counted per organisation, audited
 * once per invitation; links are e-mailed when SMTP is configured (each address at most 3 a hour,
 * like every unasked-for e-mail) and always returned, for the admin to hand over otherwise.
 */
@Injectable()
export class BulkInvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly limits: AddressLimits,
    private readonly organisations: OrganisationsService,
  ) {}

  async invitePeople(
    actor: Actor,
    input: { personIds?: readonly string[] | null; everyoneWithoutAccount?: boolean | null; resend?: boolean | null },
  ): Promise<BulkInvitationOutcome> {
    const resend = input.resend ?? false;
    const { invited, alreadyInvitedIds, organisationName } = await tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      // Two bulk invitations at once would both see nobody invited: take turns.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`invitations:${actor.organisationId}`]);
      const people = input.everyoneWithoutAccount
        ? (await activePeople(manager, actor.organisationId)).filter((person) => person.accountId === null)
        : await this.namedPeople(manager, actor.organisationId, input.personIds ?? []);

      const pending = await this.pendingByEmail(manager, actor.organisationId, people.map((person) => normaliseEmail(person.email)));
      const toInvite = people.filter((person) => resend || !pending.has(normaliseEmail(person.email)));
      const alreadyInvitedIds = people.filter((person) => !toInvite.includes(person)).map((person) => person.id);
      if (toInvite.length === 0) return { invited: [], alreadyInvitedIds, organisationName: '' };

      const refused = await this.limits.take('invitationsPerOrganisation', actor.organisationId, toInvite.length);
      if (refused) {
        await this.limits.giveBack('invitationsPerOrganisation', actor.organisationId, toInvite.length);
        throw tooMany(`Your organisation has sent many invitations this hour`, refused.retryAfterSeconds);
      }

      const organisation = await this.organisations.find(manager, actor.organisationId);
      if (!organisation) throw notFound('Your organisation');
      const replaced = toInvite.flatMap((person) => pending.get(normaliseEmail(person.email)) ?? []);
      if (replaced.length > 0) {
        await manager.update(
          InvitationEntity,
          { organisationId: actor.organisationId, id: In(replaced.map((invitation) => invitation.id)) },
          { revokedAt: new Date() },
        );
      }
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
      const invited = toInvite.map((person) => {
        const { secret, hash } = newSecret();
        const invitation = manager.create(InvitationEntity, {
          organisationId: actor.organisationId,
          id: randomUUID(),
          email: normaliseEmail(person.email),
          name: person.name,
          accessRole: person.accessRole,
          teamId: null,
          managerId: null,
          jobTitle: null,
          secretHash: hash,
          expiresAt,
          acceptedAt: null,
          revokedAt: null,
          invitedById: actor.personId,
        });
        const link = `${this.config.PUBLIC_URL}/invitations/accept?token=${tenantToken(actor.organisationId, invitation.id, secret)}`;
        return { person, invitation, link };
      });
      await manager.insert(InvitationEntity, invited.map(({ invitation }) => invitation));
      for (const { person, invitation } of invited) {
        await this.audit.record(manager, actor, {
          action: pending.has(invitation.email) ? 'invitation.resent' : 'invitation.created',
          summary: `${pending.has(invitation.email) ? 're-invited' : 'invited'} ${person.name} (${invitation.email}) as ${person.accessRole}`,
          subjectType: 'invitation',
          subjectId: invitation.id,
          subjectPersonId: person.id,
          details: { bulk: true },
        });
      }
      return { invited, alreadyInvitedIds, organisationName: organisation.name };
    });

    // E-mails leave after the invitations are committed; a failed or throttled one leaves the link to hand over.
    const results: BulkInvitation[] = [];
    for (const { person, invitation, link } of invited) {
      let emailed = false;
      if (this.mailer.configured && !(await this.limits.take('mailsToAddress', invitation.email))) {
        emailed = await this.mailer.send({ to: invitation.email, ...invitationMessage(organisationName, person.name, link) });
      }
      results.push({ personId: person.id, invitation, link, emailed });
    }
    return { invited: results, alreadyInvitedIds, emailConfigured: this.mailer.configured };
  }

  /** The people named, refusing the call when any cannot be invited (each listed by its place in the list). */
  private async namedPeople(manager: EntityManager, organisationId: string, ids: readonly string[]): Promise<PersonRecord[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) throw badInput({ personIds: 'Choose at least one person to invite.' });
    const found = new Map(
      (await findPeople(manager, unique.map((id) => ({ organisationId, id })))).filter((p) => p.organisationId === organisationId).map((p) => [p.id, p]),
    );
    const fields: Record<string, string> = {};
    ids.forEach((id, index) => {
      const person = found.get(id);
      if (!person) fields[`personIds[${index}]`] = 'There is no such person in your organisation.';
      else if (!person.active) fields[`personIds[${index}]`] = `${person.name} has left the organisation.`;
      else if (person.accountId) fields[`personIds[${index}]`] = `${person.name} already has an account: nothing to invite.`;
    });
    if (Object.keys(fields).length > 0) {
      throw new AppError('BAD_USER_INPUT', `${Object.keys(fields).length} of the people chosen cannot be invited, so nobody was: ${Object.values(fields).join(' ')}`, { fields });
    }
    return unique.map((id) => found.get(id)!);
  }

  private async pendingByEmail(manager: EntityManager, organisationId: string, emails: string[]): Promise<Map<string, InvitationEntity[]>> {
    if (emails.length === 0) return new Map();
    const rows = await manager.find(InvitationEntity, {
      where: { organisationId, email: In(emails), acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    const byEmail = new Map<string, InvitationEntity[]>();
    for (const row of rows) byEmail.set(row.email, [...(byEmail.get(row.email) ?? []), row]);
    return byEmail;
  }
}
