import { DataSource, type DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { frameworkEntities } from '../frameworks/framework.entities.js';
import { frameworkDraftEntities } from '../frameworks/drafts/framework-draft.entities.js';
import { identityEntities } from '../identity/identity.entities.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { PersonEntity, TeamEntity } from '../people/people.entities.js';
import { migrations } from './migrations/index.js';
import { roleOption } from './role-option.js';
import { AssessmentCurrentEntity, AssessmentEntity } from '../assessments/assessment.entity.js';
import { planEntities } from '../plans/plans.entities.js';
import { planReviewEntities } from '../plans/plan-review.entities.js';
import { ReportHeatmapEntity, ReportResultEntity, ReportSettingsEntity, ReportSnapshotEntity, ReportViewEntity } from '../reports/reports.entities.js';
import { mentoringEntities } from '../mentoring/mentoring.entities.js';
import { mentoringOversightEntities } from '../mentoring/mentoring-oversight.entities.js';

export const entities = [
  OrganisationEntity,
  TeamEntity,
  PersonEntity,
  ...frameworkEntities,
  ...frameworkDraftEntities,
  ...identityEntities,
  AuditEventEntity,
  AssessmentEntity,
  AssessmentCurrentEntity,
  ...planEntities,
  ...planReviewEntities,
  ReportSettingsEntity,
  ReportSnapshotEntity,
  ReportResultEntity,
  ReportHeatmapEntity,
  ReportViewEntity,
  ...mentoringEntities,
  ...mentoringOversightEntities,
];

/** One definition of how Trellis talks to PostgreSQL, shared by the app, the tests and the tools. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}, role: string | null = null): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    namingStrategy: new SnakeNamingStrategy(),
    // Schema changes go through checked-in migrations only.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // Per process: this pool (transactions) and as many again for requests' reads (RequestPool).
    // Every connection starts in the role that owns nothing (database/app-role.ts), when there is one.
    extra: { max: 10, application_name: 'trellis', ...roleOption(role) },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}
