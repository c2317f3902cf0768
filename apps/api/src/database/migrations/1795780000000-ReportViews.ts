import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './1795630912075-TenantRowSecurity.js';

/**
 * The other reports' read models, stored when a snapshot is built: each report's view per team drilled
 * into (or the organisation) and key (a filter node, a target role, or ''), as the JSON a read maps and
 * sends; one primary-key row each, so a read never parses a whole report.
 */
export class ReportViews1795780000000 implements MigrationInterface {
  name = 'ReportViews1795780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"report_views\" (\"organisation_id\" uuid NOT NULL, \"snapshot\" text NOT NULL, \"report\" text NOT NULL, \"team_id\" text NOT NULL, \"key\" text NOT NULL, \"data\" text NOT NULL, CONSTRAINT \"PK_c464cd686427eb827e62a0259a0\" PRIMARY KEY (\"organisation_id\", \"snapshot\", \"report\", \"team_id\", \"key\"))");
    await queryRunner.query("ALTER TABLE \"report_views\" ADD CONSTRAINT \"FK_86f898c925645064c44b0b568e5\" FOREIGN KEY (\"organisation_id\", \"snapshot\") REFERENCES \"report_snapshots\"(\"organisation_id\",\"snapshot\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await enableTenantRowSecurity(queryRunner, 'report_views');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(queryRunner, 'report_views');
    await queryRunner.query("ALTER TABLE \"report_views\" DROP CONSTRAINT \"FK_86f898c925645064c44b0b568e5\"");
    await queryRunner.query("DROP TABLE \"report_views\"");
  }
}
