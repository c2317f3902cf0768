import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { RequestPool } from './database/tenant-database.js';
import { FrameworksModule } from './frameworks/frameworks.module.js';
import { FrameworkVersionsModule } from './frameworks/versions/framework-versions.module.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { LiveEvents, LiveModule } from './live/live-events.js';
import { HealthController } from './health/health.controller.js';
import { Lifecycle } from './health/lifecycle.js';
import type { DatabaseRoles } from './database/app-role.js';

/** The role the app's connections run as (see database/app-role.ts), for tests and the start-up log. */
export const DATABASE_ROLES = Symbol('DATABASE_ROLES');
import { OrganisationsModule } from './organisations/organisations.module.js';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessGuard } from './common/access.js';
import { InputValidationInterceptor } from './common/input-validation.js';
import { AuditModule } from './audit/audit.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { SessionsService } from './identity/sessions.service.js';
import { PeopleModule } from './people/people.module.js';
import { AssessmentsModule } from './assessments/assessments.module.js';
import { PlansModule } from './plans/plans.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { JOBS_ELSEWHERE } from './reports/report-refresh.job.js';
import { MentoringModule } from './mentoring/mentoring.module.js';
import { OnboardingModule } from './onboarding/onboarding.module.js';
import { ScheduleModule } from '@nestjs/schedule';
import { DemoActivitySeeder } from './seed/demo-activity.seeder.js';
import { Seeder } from './seed/seeder.js';
import { WebAppController } from './web/web-app.controller.js';
import { WorkersModule } from './workers/workers.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Tests pass a logger to count SQL statements. */
  sqlLogger?: TypeOrmLogger;
  /** Tests pass a stream to read the log (JSON lines) from. */
  logDestination?: DestinationStream;
  /** The role the app's connections run as (prepareDatabase); null or unset: DATABASE_URL's user. */
  databaseRoles?: DatabaseRoles;
  /** main.ts runs the report job in a process of its own (jobs/main.ts): its timer stays off in this one. */
  jobsElsewhere?: boolean;
}

@Module({})
export class AppModule {
  static register({ config, databaseUrl, sqlLogger, logDestination, databaseRoles, jobsElsewhere = false }: AppModuleOptions): DynamicModule {
    const roles: DatabaseRoles = databaseRoles ?? { setRole: null, warning: null };
    const httpLogOptions = {
      level: config.LOG_LEVEL,
      // Health probes every few seconds would drown the log.
      autoLogging: { ignore: (request: { url?: string }) => request.url === '/health' || request.url === '/health/live' },
    };
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: logDestination ? [httpLogOptions, logDestination] : httpLogOptions,
        }),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, sqlLogger ? { logger: sqlLogger, logging: ['query'] } : {}, roles.setRole),
          retryAttempts: 0,
        }),
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [IdentityModule, RequestPoolModule],
          inject: [getDataSourceToken(), RequestPool, SessionsService, LiveEvents],
          useFactory: (dataSource: DataSource, requestPool: RequestPool, sessions: SessionsService, live: LiveEvents) =>
            graphqlOptions(config, dataSource, requestPool, sessions, live),
        }),
        LiveModule,
        WorkersModule,
        OrganisationsModule,
        FrameworksModule,
        FrameworkVersionsModule,
        AuditModule,
        IdentityModule,
        PeopleModule,
        AssessmentsModule,
        PlansModule,
        ReportsModule,
        MentoringModule,
        OnboardingModule,
        ScheduleModule.forRoot(),
        configModule(config, jobsElsewhere),
      ],
      controllers: [HealthController, WebAppController],
      providers: [
        Seeder,
        DemoActivitySeeder,
        Lifecycle,
        { provide: DATABASE_ROLES, useValue: roles },
        { provide: APP_GUARD, useClass: AccessGuard }, { provide: APP_INTERCEPTOR, useClass: InputValidationInterceptor },
      ],
    };
  }
}

@Module({})
class ConfigHolderModule {}

/** The settings, and whether the report job runs in another process, for every module (the API's and the job process's). */
export function configModule(config: AppConfig, jobsElsewhere: boolean): DynamicModule {
  return {
    module: ConfigHolderModule,
    global: true,
    providers: [
      { provide: APP_CONFIG, useValue: config },
      { provide: JOBS_ELSEWHERE, useValue: jobsElsewhere },
    ],
    exports: [APP_CONFIG, JOBS_ELSEWHERE],
  };
}

@Module({ providers: [RequestPool], exports: [RequestPool] })
class RequestPoolModule {}
