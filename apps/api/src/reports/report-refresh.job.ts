import { Inject, Injectable, Logger, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { systemTransaction } from '../database/tenant-database.js';
import { OrganisationsService } from '../organisations/organisations.service.js';
import { ReportRefreshService } from './report-refresh.service.js';

/** True in an API process whose jobs run in a job process of their own (main.ts forks it): the timer stays off here. */
export const JOBS_ELSEWHERE = Symbol('JOBS_ELSEWHERE');

/**
 * Keeps every organisation's report snapshots current. Every REPORTS_REFRESH_SECONDS (30) it compares what each
 * organisation's current snapshot was built from (a stamp of its ratings, plans, people, k,
 * frameworks and teams) with now, and refreshes the ones that changed: so a burst of writes is
 * refreshed once, at most 30 seconds later (debounced), by whichever process gets the organisation's
 * advisory lock first; the others skip it. A big organisation's refresh takes minutes, so after each the
 * organisation rests in proportion (REPORTS_REFRESH_MAX_SHARE, kept in the database, so across processes).
 * It also writes each month end's snapshot once the month is over (and the last 12 when an organisation
 * has none). Nothing is kept in this process.
 *
 * Runs in the report job process (jobs/main.ts), which `npm start` forks at a lower OS priority, so a
 * refresh's millions of rows and its garbage collection never pause requests; in the API process only
 * where no job process is (tests that set REPORTS_REFRESH_SECONDS: `JOBS_ELSEWHERE` false).
 */
@Injectable()
export class ReportRefreshJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportRefreshJob.name);
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private first: NodeJS.Timeout | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly refresher: ReportRefreshService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(JOBS_ELSEWHERE) private readonly elsewhere: boolean = false,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.REPORTS_REFRESH_SECONDS;
    if (seconds === 0 || this.elsewhere) return;
    // Soon after start (the seed included), without holding the start up; then every `seconds`.
    this.first = setTimeout(() => void this.scheduled(), 2_000);
    this.timer = setInterval(() => void this.scheduled(), seconds * 1000);
    this.first.unref();
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.first);
    clearInterval(this.timer);
  }

  async scheduled(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.run(new Date());
    } catch (error) {
      this.logger.error(error);
    } finally {
      this.running = false;
    }
  }

  /** One pass over every organisation; returns the snapshots written per organisation. */
  async run(now: Date): Promise<Map<string, string[]>> {
    const ids = await systemTransaction(this.dataSource, (manager) => this.organisations.allIds(manager));
    const written = new Map<string, string[]>();
    for (const id of ids) {
      try {
        // The current snapshot first, committed on its own, so Reports have figures soon after start; then the
        // missing month ends (up to 12 rollups in one transaction: minutes on a busy machine).
        const pace = this.config.REPORTS_REFRESH_MAX_SHARE;
        const current = await this.refresher.refresh(id, { now, months: false, pace });
        const months = await this.refresher.refresh(id, { now, pace, current: false });
        const all = [...current.written, ...months.written];
        if (all.length > 0) written.set(id, all);
      } catch (error) {
        this.logger.error(error, `reports of ${id}`);
      }
    }
    return written;
  }
}
