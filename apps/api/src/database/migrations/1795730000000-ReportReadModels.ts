import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './1795630912075-TenantRowSecurity.js';

/**
 * What a report read needs, stored when a snapshot is built: every heatmap (team drilled into × filter)
 * as the matrix a read sends, one primary-key row each; and each snapshot's headline figures (the trend lines).
 */
export class ReportReadModels1795730000000 implements MigrationInterface {
  name = 'ReportReadModels1795730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"report_heatmaps\" (\"organisation_id\" uuid NOT NULL, \"snapshot\" text NOT NULL, \"team_id\" text NOT NULL, \"filter\" text NOT NULL, \"data\" text NOT NULL, CONSTRAINT \"PK_8f4d007a540c6aa80d724ca614c\" PRIMARY KEY (\"organisation_id\", \"snapshot\", \"team_id\", \"filter\"))");
    await queryRunner.query("ALTER TABLE \"report_snapshots\" ADD \"headline\" jsonb");
    await queryRunner.query("ALTER TABLE \"report_heatmaps\" ADD CONSTRAINT \"FK_86660846c5a49c4b7a78d4b8be3\" FOREIGN KEY (\"organisation_id\", \"snapshot\") REFERENCES \"report_snapshots\"(\"organisation_id\",\"snapshot\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await enableTenantRowSecurity(queryRunner, 'report_heatmaps');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(queryRunner, 'report_heatmaps');
    await queryRunner.query("ALTER TABLE \"report_heatmaps\" DROP CONSTRAINT \"FK_86660846c5a49c4b7a78d4b8be3\"");
    await queryRunner.query("ALTER TABLE \"report_snapshots\" DROP COLUMN \"headline\"");
    await queryRunner.query("DROP TABLE \"report_heatmaps\"");
  }
}
