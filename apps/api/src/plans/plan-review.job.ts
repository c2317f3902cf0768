import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_STALE_DAYS, isStale, localDate, reviewState } from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { systemTransaction } from '../database/tenant-database.js';
import { Mailer } from '../identity/mailer.js';
import { findPeople } from '../people/people-directory.js';
import { NotificationsService } from './notifications.service.js';

/** Any 64-bit number unique to this job: other processes trying the same lock skip the run. */
const PLAN_REVIEW_LOCK = 7_305_001;

export interface PlanReviewRunResult {
  ran: boolean;
  notified: number;
  emailed: number;
}

/**
 * Flags open plans whose review is due or overdue, and plans with no activity for 30 days, and
 * notifies the person and their manager in-app, and by e-mail when SMTP is configured. Runs hourly so every time zone's morning is met
 * soon; notifications are keyed by the plan's local date, so each is sent once per day however
 * often the job runs. With several API processes, a transaction-level advisory lock lets one run
 * at a time (the others skip) and the insert-once key makes any overlap harmless; no state is kept
 * in memory.
 */
@Injectable()
export class PlanReviewJob {
  private readonly logger = new Logger(PlanReviewJob.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly mailer: Mailer,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'plan-review' })
  async scheduled(): Promise<void> {
    try {
      const result = await this.run(new Date());
      if (result.notified > 0) this.logger.log(`plan reviews: ${result.notified} notifications`);
    } catch (error) {
      this.logger.error(error);
    }
  }

  /** One pass; e-mails (when SMTP is configured) go out after the notifications are committed, once each. */
  async run(now: Date): Promise<PlanReviewRunResult> {
    const { ran, inserted } = await this.flag(now);
    let emailed = 0;
    if (this.mailer.configured) {
      for (const mail of inserted) {
        if (await this.mailer.send({ to: mail.email, subject: 'Your Trellis development plans', text: mail.message })) emailed += 1;
      }
    }
    return { ran, notified: inserted.length, emailed };
  }

  /** Every organisation's open plans whose person has not left, with their e-mail and their active manager's. */
  private async openPlansOfActivePeople(manager: EntityManager) {
    const plans = (await manager.query(
      `SELECT pl.organisation_id AS "organisationId", pl.id, pl.person_id AS "personId",
         pl.time_zone AS "timeZone", to_char(pl.review_due_on, 'YYYY-MM-DD') AS "reviewDueOn", pl.last_activity_at AS "lastActivityAt", pl.status
       FROM plans pl WHERE pl.status NOT IN ('completed', 'abandoned')`,
    )) as { organisationId: string; id: string; personId: string; timeZone: string; reviewDueOn: string | null; lastActivityAt: Date; status: string }[];
    const key = (organisationId: string, id: string) => `${organisationId}/${id}`;
    const people = new Map((await findPeople(manager, plans.map((plan) => ({ organisationId: plan.organisationId, id: plan.personId })))).map((p) => [key(p.organisationId, p.id), p]));
    const managerKeys = [...people.values()].flatMap((p) => (p.managerId ? [{ organisationId: p.organisationId, id: p.managerId }] : []));
    const managers = new Map((await findPeople(manager, managerKeys)).filter((m) => m.active).map((m) => [key(m.organisationId, m.id), m]));
    return plans.flatMap((plan) => {
      const person = people.get(key(plan.organisationId, plan.personId));
      if (!person?.active) return [];
      const managerEmail = person.managerId ? (managers.get(key(plan.organisationId, person.managerId))?.email ?? null) : null;
      return [{ ...plan, name: person.name, email: person.email, managerId: person.managerId, managerEmail }];
    });
  }

  private flag(now: Date): Promise<{ ran: boolean; inserted: { email: string; message: string }[] }> {
    return systemTransaction(this.dataSource, async (manager) => {
      const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [PLAN_REVIEW_LOCK])) as [{ locked: boolean }];
      if (!locked) return { ran: false, inserted: [] };
      const plans = await this.openPlansOfActivePeople(manager);
      const inserted: { email: string; message: string }[] = [];
      for (const plan of plans) {
        const today = localDate(now, plan.timeZone);
        const flags: { kind: string; mine: string; theirs: string }[] = [];
        const state = plan.reviewDueOn ? reviewState(now, { reviewDueOn: plan.reviewDueOn, timeZone: plan.timeZone }) : null;
        if (state === 'due' || state === 'overdue') {
          flags.push({
            kind: `review-${state}`,
            mine: `Your development plan review is ${state === 'due' ? `due by ${plan.reviewDueOn}` : `overdue (it was due ${plan.reviewDueOn})`}: record a check-in.`,
            theirs: `${plan.name}'s development plan review is ${state === 'due' ? `due by ${plan.reviewDueOn}` : `overdue (due ${plan.reviewDueOn})`}.`,
          });
        }
        if (isStale(now, new Date(plan.lastActivityAt), DEFAULT_STALE_DAYS, plan.timeZone)) {
          flags.push({
            kind: 'plan-stale',
            mine: `Nothing has happened on your development plan for ${DEFAULT_STALE_DAYS} days or more.`,
            theirs: `Nothing has happened on ${plan.name}'s development plan for ${DEFAULT_STALE_DAYS} days or more.`,
          });
        }
        for (const flag of flags) {
          const recipients = [
            { personId: plan.personId, email: plan.email, message: flag.mine },
            ...(plan.managerId && plan.managerEmail ? [{ personId: plan.managerId, email: plan.managerEmail, message: flag.theirs }] : []),
          ];
          for (const { email, ...recipient } of recipients) {
            const added = await this.notifications.notify(manager, plan.organisationId, {
              ...recipient,
              kind: flag.kind,
              planId: plan.id,
              dedupeKey: `${flag.kind}:${plan.id}:${today}`,
            });
            if (added) inserted.push({ email, message: recipient.message });
          }
        }
      }
      return { ran: true, inserted };
    });
  }
}
