import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { badInput } from '../common/errors.js';
import { personNames } from '../people/people-directory.js';
import { PlanNotifier } from './plan-notifier.js';
import { subjectFor } from './plan-policy.js';
import type { SignedInActor } from './plan-rows.js';

/** Who beyond the manager may see a person's plans and assessments (read only); the person shared with is told. */
@Injectable()
export class PlanSharingService {
  constructor(private readonly notifier: PlanNotifier) {}

  share(actor: SignedInActor, viewerId: string, shared: boolean, now = new Date()): Promise<string[]> {
    return this.notifier.run(actor.organisationId, async (manager, outbox) => {
      if (viewerId === actor.personId) throw badInput({ viewerId: 'You always see your own plan.' });
      // Who the viewer is (not found when not of this organisation), and the owner's name for the notice.
      const viewer = await subjectFor(manager, actor.organisationId, actor.personId, viewerId);
      if (!shared) {
        await manager.query(`DELETE FROM plan_sharing WHERE organisation_id = $1 AND person_id = $2 AND viewer_id = $3`, [actor.organisationId, actor.personId, viewer.id]);
        return this.sharedWith(manager, actor.organisationId, actor.personId);
      }
      const added = (await manager.query(
        `INSERT INTO plan_sharing (organisation_id, person_id, viewer_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING viewer_id`,
        [actor.organisationId, actor.personId, viewer.id],
      )) as unknown[];
      if (added.length === 1) {
        const name = (await personNames(manager, actor.organisationId, [actor.personId])).get(actor.personId) ?? 'A colleague';
        await this.notifier.notify(manager, actor.organisationId, outbox, {
          personId: viewer.id,
          kind: 'plan-shared',
          planId: null,
          message: `${name} shared their development plan with you.`,
          link: `/plans/${actor.personId}`,
          dedupeKey: `plan-shared:${actor.personId}:${now.toISOString()}`,
        });
      }
      return this.sharedWith(manager, actor.organisationId, actor.personId);
    });
  }

  sharedWithOf(actor: SignedInActor): Promise<string[]> {
    return this.notifier.run(actor.organisationId, (manager) => this.sharedWith(manager, actor.organisationId, actor.personId));
  }

  private async sharedWith(manager: EntityManager, organisationId: string, personId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT viewer_id AS id FROM plan_sharing WHERE organisation_id = $1 AND person_id = $2 ORDER BY created_at, viewer_id`,
      [organisationId, personId],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }
}
