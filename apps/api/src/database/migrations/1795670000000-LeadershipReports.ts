import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './1795630912075-TenantRowSecurity.js';

const TABLES = ['report_settings', 'report_snapshots', 'report_results'];

/** Leadership reports: the organisation's k, rollup snapshots (now and month ends) and the reports built from them. */
export class LeadershipReports1795670000000 implements MigrationInterface {
  name = 'LeadershipReports1795670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"report_settings\" (\"organisation_id\" uuid NOT NULL, \"k\" integer NOT NULL DEFAULT '5', \"version\" integer NOT NULL DEFAULT '1', \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_report_settings_k\" CHECK (k >= 3), CONSTRAINT \"PK_a8684b5e9bd33499e75e00cdd33\" PRIMARY KEY (\"organisation_id\"))");
    await queryRunner.query("CREATE TABLE \"report_snapshots\" (\"organisation_id\" uuid NOT NULL, \"snapshot\" text NOT NULL, \"month_end\" TIMESTAMP WITH TIME ZONE, \"k\" integer NOT NULL, \"filters\" boolean NOT NULL, \"stamp\" text NOT NULL, \"people\" integer NOT NULL, \"rows\" jsonb NOT NULL, \"refreshed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_6546ac149b22075ab4ddac7d400\" PRIMARY KEY (\"organisation_id\", \"snapshot\"))");
    await queryRunner.query("CREATE TABLE \"report_results\" (\"organisation_id\" uuid NOT NULL, \"snapshot\" text NOT NULL, \"report\" text NOT NULL, \"data\" text NOT NULL, CONSTRAINT \"PK_2e9e76ea45201924c36dfc7263b\" PRIMARY KEY (\"organisation_id\", \"snapshot\", \"report\"))");
    await queryRunner.query("ALTER TABLE \"report_settings\" ADD CONSTRAINT \"FK_a8684b5e9bd33499e75e00cdd33\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"report_snapshots\" ADD CONSTRAINT \"FK_74e2ce0fdad90eb994206a1c5d4\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"report_results\" ADD CONSTRAINT \"FK_9a768b2f998a705d2808674024b\" FOREIGN KEY (\"organisation_id\", \"snapshot\") REFERENCES \"report_snapshots\"(\"organisation_id\",\"snapshot\") ON DELETE CASCADE ON UPDATE NO ACTION");
    for (const table of TABLES) await enableTenantRowSecurity(queryRunner, table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await disableTenantRowSecurity(queryRunner, table);
    await queryRunner.query("ALTER TABLE \"report_results\" DROP CONSTRAINT \"FK_9a768b2f998a705d2808674024b\"");
    await queryRunner.query("ALTER TABLE \"report_snapshots\" DROP CONSTRAINT \"FK_74e2ce0fdad90eb994206a1c5d4\"");
    await queryRunner.query("ALTER TABLE \"report_settings\" DROP CONSTRAINT \"FK_a8684b5e9bd33499e75e00cdd33\"");
    await queryRunner.query("DROP TABLE \"report_results\"");
    await queryRunner.query("DROP TABLE \"report_snapshots\"");
    await queryRunner.query("DROP TABLE \"report_settings\"");
  }
}
