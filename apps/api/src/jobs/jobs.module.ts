import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { configModule } from '../app.module.js';
import type { AppConfig } from '../config/config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { LiveModule } from '../live/live-events.js';
import { ReportsModule } from '../reports/reports.module.js';
import { WorkersModule } from '../workers/workers.module.js';

/**
 * What the report job process (main.ts) needs: the database, the worker pool and the reports module, whose
 * ReportRefreshJob starts its timer on bootstrap. No HTTP server, no GraphQL, no seed.
 */
/** The API's data source options, with a small pool (one refresh at a time holds one) named in pg_stat_activity. */
function jobsDataSource(databaseUrl: string, setRole: string | null) {
  const options = dataSourceOptions(databaseUrl, {}, setRole);
  return { ...options, extra: { ...(options.extra as object), max: 3, application_name: 'trellis-jobs' } };
}

@Module({})
export class JobsModule {
  static register({ config, databaseUrl, setRole }: { config: AppConfig; databaseUrl: string; setRole: string | null }): DynamicModule {
    return {
      module: JobsModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        TypeOrmModule.forRoot({ ...jobsDataSource(databaseUrl, setRole), retryAttempts: 0 }),
        configModule(config, false),
        LiveModule,
        WorkersModule,
        ReportsModule,
      ],
    };
  }
}
