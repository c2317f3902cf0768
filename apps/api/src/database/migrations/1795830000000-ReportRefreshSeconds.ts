import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How long the current snapshot's last refresh took: the report job rests in proportion to it before the
 * next (REPORTS_REFRESH_MAX_SHARE), and every process reads it, so the pace holds across processes.
 */
export class ReportRefreshSeconds1795830000000 implements MigrationInterface {
  name = 'ReportRefreshSeconds1795830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "report_snapshots" ADD "refresh_seconds" real');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "report_snapshots" DROP COLUMN "refresh_seconds"');
  }
}
