import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { gettingStartedChecklist, type GettingStartedChecklist } from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type Actor } from '../audit/audit.service.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { firstFrameworkId } from '../frameworks/framework-directory.js';
import { invitationSetup } from '../identity/identity-directory.js';
import { gettingStartedDismissedAt, peopleSetup, setGettingStartedDismissed } from '../people/people-directory.js';
import { planCounts } from '../plans/plans-directory.js';

export interface GettingStartedState extends GettingStartedChecklist {
  dismissed: boolean;
}

const REVIEWED = ['framework.draft.started', 'framework.created'];
const PUBLISHED = ['framework.published'];

/**
 * The admin's getting-started checklist, worked out from the organisation's data each time it is
 * asked for (a few counting statements, each through the module that owns the table), and whether
 * this admin put it away.
 */
@Injectable()
export class GettingStartedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  read(actor: Pick<Actor, 'organisationId' | 'personId'>): Promise<GettingStartedState> {
    return tenantTransaction(this.dataSource, actor.organisationId, (manager) => this.state(manager, actor.organisationId, actor.personId!));
  }

  /** Puts the checklist away for this admin, or brings it back (the Undo). */
  setDismissed(actor: Actor, dismissed: boolean): Promise<GettingStartedState> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      await setGettingStartedDismissed(manager, actor.organisationId, actor.personId!, dismissed);
      return this.state(manager, actor.organisationId, actor.personId!);
    });
  }

  private async state(manager: EntityManager, organisationId: string, personId: string): Promise<GettingStartedState> {
    // One after another: the transaction's client runs one statement at a time (pg deprecates overlapping queries).
    const frameworkId = await firstFrameworkId(manager, organisationId);
    const actions = await this.audit.actionsRecorded(manager, organisationId, [...REVIEWED, ...PUBLISHED]);
    const people = await peopleSetup(manager, organisationId);
    const plans = await planCounts(manager, organisationId);
    const dismissedAt = await gettingStartedDismissedAt(manager, organisationId, personId);
    const invitations = await invitationSetup(manager, organisationId, people.withoutAccountEmails);
    const checklist = gettingStartedChecklist({
      frameworkId,
      frameworkReviewed: REVIEWED.some((action) => actions.has(action)),
      frameworkPublished: PUBLISHED.some((action) => actions.has(action)),
      activePeople: people.active,
      peopleNotInvited: people.withoutAccountEmails.length - invitations.pendingAmong,
      invitationsSent: invitations.sent,
      plansStarted: plans.started,
      plansAgreed: plans.agreed,
    });
    return { ...checklist, dismissed: dismissedAt !== null };
  }
}
