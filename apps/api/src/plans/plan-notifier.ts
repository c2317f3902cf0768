import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { tenantTransaction } from '../database/tenant-database.js';
import { Mailer } from '../identity/mailer.js';
import { findPerson } from '../people/people-directory.js';
import { NotificationsService } from './notifications.service.js';

export interface PlanNotice {
  personId: string;
  kind: string;
  planId: string | null;
  message: string;
  dedupeKey: string;
  /** Where it leads when not to the plan's page (worked out from planId when read). */
  link?: string | null;
  /** The e-mail's subject when SMTP is configured; no e-mail without one. */
  mailSubject?: string;
}

/** What a plan write says to people: collected in its transaction, e-mailed once it committed. */
export class Outbox {
  readonly mail: { to: string; subject: string; text: string }[] = [];
}

/**
 * The one after-commit notification step of the plan services. `run` is a tenant transaction with an
 * outbox: `notify` inserts the in-app notification in the transaction (insert-once by its dedupe key)
 * and queues its e-mail; the e-mails leave only after the commit, so a rolled-back write sends nothing,
 * and a failed send (logged by the mailer) never undoes the write.
 */
@Injectable()
export class PlanNotifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly mailer: Mailer,
  ) {}

  async run<T>(organisationId: string, work: (manager: EntityManager, outbox: Outbox) => Promise<T>): Promise<T> {
    const outbox = new Outbox();
    const result = await tenantTransaction(this.dataSource, organisationId, (manager) => work(manager, outbox));
    for (const mail of outbox.mail) await this.mailer.send(mail);
    return result;
  }

  async notify(manager: EntityManager, organisationId: string, outbox: Outbox, notice: PlanNotice): Promise<boolean> {
    const added = await this.notifications.notify(manager, organisationId, notice);
    if (added && notice.mailSubject && this.mailer.configured) {
      const recipient = await findPerson(manager, organisationId, notice.personId);
      if (recipient?.active) outbox.mail.push({ to: recipient.email, subject: notice.mailSubject, text: notice.message });
    }
    return added;
  }

  /** Marks the viewer's unread notifications of these kinds about a plan read: they acted on it. */
  markActedOn(manager: EntityManager, organisationId: string, personId: string, planId: string, kinds: readonly string[]): Promise<void> {
    return this.notifications.markReadAbout(manager, organisationId, personId, planId, kinds);
  }
}
