import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An admin can put the getting-started checklist away (people.getting_started_dismissed_at). */
export class GettingStarted1795700000000 implements MigrationInterface {
  name = 'GettingStarted1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "people" ADD "getting_started_dismissed_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "people" DROP COLUMN "getting_started_dismissed_at"');
  }
}
