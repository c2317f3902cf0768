import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A snapshot's rollup rows are kept gzip-compressed (`packed_rows`): at 100,000 people and 50 skills
 * they passed jsonb's 256 MB limit and the refresh failed. Snapshots stored before keep their `rows`.
 */
export class PackedReportRows1795820000000 implements MigrationInterface {
  name = 'PackedReportRows1795820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "report_snapshots" ALTER COLUMN "rows" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "report_snapshots" ADD "packed_rows" bytea');
    await queryRunner.query('ALTER TABLE "report_snapshots" ADD CONSTRAINT "ck_report_snapshots_rows_kept" CHECK ("rows" IS NOT NULL OR "packed_rows" IS NOT NULL)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "report_snapshots" DROP CONSTRAINT "ck_report_snapshots_rows_kept"');
    await queryRunner.query('ALTER TABLE "report_snapshots" DROP COLUMN "packed_rows"');
    await queryRunner.query('DELETE FROM "report_snapshots" WHERE "rows" IS NULL');
    await queryRunner.query('ALTER TABLE "report_snapshots" ALTER COLUMN "rows" SET NOT NULL');
  }
}
