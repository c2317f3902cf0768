import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { ConfigHolderModule } from '../app.module.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { dataSourceOptions } from '../database/data-source.js';
import { LiveModule } from '../live/live-events.js';
import { JOBS_ELSEWHERE } from '../reports/report-refresh.job.js';
import { ReportsModule } from '../reports/reports.module.js';
import { WorkersModule } from '../workers/workers.module.js';

/**
 * What the report job process (main.ts) needs: the database, the worker pool and the reports module, whose
 * ReportRefreshJob starts its timer on bootstrap. No HTTP server, no GraphQL, no seed.
 */
@Module({})
export class JobsModule {
  static register({ config, databaseUrl, setRole }: { config: AppConfig; databaseUrl: string; setRole: string | null }): DynamicModule {
    return {
      module: JobsModule,
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: config.LOG_LEVEL } }),
        TypeOrmModule.forRoot({
          // A refresh holds one connection for its transaction; the stamp checks of other organisations wait.
          ...dataSourceOptions(databaseUrl, {}, setRole),
          extra: { ...dataSourceOptions(databaseUrl, {}, setRole).extra, max: 3, application_name: 'trellis-jobs' },
          retryAttempts: 0,
        }),
        {
          module: ConfigHolderModule,
          global: true,
          providers: [
            { provide: APP_CONFIG, useValue: config },
            { provide: JOBS_ELSEWHERE, useValue: false },
          ],
          exports: [APP_CONFIG, JOBS_ELSEWHERE],
        },
        LiveModule,
        WorkersModule,
        ReportsModule,
      ],
    };
  }
}
