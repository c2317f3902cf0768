import { Context, Mutation, Parent, Query, ResolveField, Resolver, Args } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Access } from '../common/access.js';
import { tenantTransaction, type RequestDatabase } from '../database/tenant-database.js';
import type { RequestContext } from '../graphql/request-context.js';
import { MentoringFizzlingService, type FizzleView } from './mentoring-fizzling.service.js';
import { MentoringOversight, MentoringSettings, MentoringSettingsInput, MentorshipRhythm } from './mentoring-oversight.models.js';
import { MentoringOversightService } from './mentoring-oversight.service.js';
import { MentoringSettingsService } from './mentoring-settings.service.js';
import type { MentorshipRow } from './mentoring-store.js';
import { Mentorship } from './mentoring.models.js';
import { mentoringActor } from './mentoring.resolvers.js';

/** The organisation's mentoring settings and the mentoring admin page (admins). */
@Resolver(() => MentoringOversight)
export class MentoringOversightResolver {
  constructor(
    private readonly settings: MentoringSettingsService,
    private readonly oversight: MentoringOversightService,
  ) {}

  @Query(() => MentoringSettings, { description: 'The organisation’s mentoring settings (admins).' })
  @Access('admin')
  mentoringSettings(@Context() context: RequestContext) {
    return this.settings.settings(context.organisationId);
  }

  @Mutation(() => MentoringSettings, { description: 'Set after how many weeks without a session a pair fizzles, and the cross-team preference (admins; audited).' })
  @Access('admin')
  updateMentoringSettings(@Args('input') input: MentoringSettingsInput, @Context() context: RequestContext) {
    return this.settings.update(mentoringActor(context), input as never);
  }

  @Query(() => MentoringOversight, { description: 'The mentoring admin page: relationships and their sessions, waiting mentees, full mentors, uncovered skills (admins; audited).' })
  @Access('admin')
  mentoringOversight(@Context() context: RequestContext) {
    return this.oversight.overview(mentoringActor(context));
  }

  @Query(() => String, { description: 'The mentoring admin page as CSV (admins; audited).' })
  @Access('admin')
  mentoringOversightCsv(@Context() context: RequestContext) {
    return this.oversight.csv(mentoringActor(context));
  }
}

/** Batches the rhythm of every mentorship a request lists: one read for the whole list. */
const rhythmLoaders = new WeakMap<RequestDatabase, DataLoader<MentorshipRow, FizzleView, string>>();

/** `Mentorship.rhythm`: sessions so far and whether the pair is fizzling (for whoever may see the mentorship). */
@Resolver(() => Mentorship)
export class MentorshipRhythmResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fizzling: MentoringFizzlingService,
  ) {}

  @ResolveField(() => MentorshipRhythm, { description: 'Sessions so far, the last one, and whether the pair is fizzling (no session for the organisation’s N weeks).' })
  rhythm(@Parent() row: MentorshipRow, @Context() context: RequestContext) {
    let loader = rhythmLoaders.get(context.db);
    if (!loader) {
      const organisationId = context.organisationId;
      loader = new DataLoader(
        async (rows) => {
          const views = await tenantTransaction(this.dataSource, organisationId, (manager) => this.fizzling.views(manager, organisationId, rows, new Date()));
          return rows.map((r) => views.get(r.id)!);
        },
        { cacheKeyFn: (r) => r.id },
      );
      rhythmLoaders.set(context.db, loader);
    }
    return loader.load(row);
  }
}
