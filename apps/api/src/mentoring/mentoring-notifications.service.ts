import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { afterCommit } from '../database/tenant-database.js';
import { Mailer } from '../identity/mailer.js';
import { LiveEvents } from '../live/live-events.js';
import { findPerson } from '../people/people-directory.js';
import { NotificationsService } from '../plans/notifications.service.js';

/** The mentoring notifications that are also e-mailed (when SMTP is configured), with their subjects. */
export const MENTORING_MAIL_SUBJECTS: Readonly<Record<string, string>> = {
  'mentoring.requested': 'Someone asked you to be their mentor',
  'mentoring.accept': 'Your mentoring request was accepted',
  'mentoring.decline': 'About your mentoring request',
  'mentoring.paired': 'You have a new mentoring pair',
  'mentoring.comment': 'A new comment in your mentorship',
  'mentoring.fizzling': 'Time for a mentoring session?',
};

/**
 * The mentoring module's NotificationsService (MentoringModule provides it under that token, so every
 * mentoring service's in-app notification goes through here): the same insert-once in-app row and
 * live push, and, for the kinds in MENTORING_MAIL_SUBJECTS when SMTP is configured, an e-mail to the
 * person that leaves only after the transaction commits (a rolled-back write e-mails nobody; a
 * failed send is logged by the Mailer and never undoes the write). A repeated notification (same
 * dedupe key) inserts nothing and e-mails nothing.
 */
@Injectable()
export class MentoringNotificationsService extends NotificationsService {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    live: LiveEvents,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(dataSource, live);
  }

  override async notify(
    manager: EntityManager,
    organisationId: string,
    notification: { personId: string; kind: string; planId: string | null; message: string; dedupeKey: string; link?: string | null },
  ): Promise<boolean> {
    const added = await super.notify(manager, organisationId, notification);
    const subject = MENTORING_MAIL_SUBJECTS[notification.kind];
    if (!added || !subject || !this.mailer.configured) return added;
    const recipient = await findPerson(manager, organisationId, notification.personId);
    if (!recipient?.active) return added;
    const text = `${notification.message}\n\nOpen it in Trellis: ${this.config.PUBLIC_URL}${notification.link ?? '/mentoring'}\n`;
    afterCommit(manager, () => void this.mailer.send({ to: recipient.email, subject, text }));
    return added;
  }
}
