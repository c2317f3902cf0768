import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Focused plans: a revision keeps its proposal (focus skills, suggestions, "later"), an action
 * remembers the suggestion it was chosen from, and a check-in what it said about each focus skill.
 */
export class FocusedPlans1795680000000 implements MigrationInterface {
  name = 'FocusedPlans1795680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "plan_revisions" ADD "proposal" jsonb');
    await queryRunner.query('ALTER TABLE "plan_actions" ADD "suggestion_id" text');
    await queryRunner.query(`ALTER TABLE "check_ins" ADD "focus" jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "check_ins" DROP COLUMN "focus"');
    await queryRunner.query('ALTER TABLE "plan_actions" DROP COLUMN "suggestion_id"');
    await queryRunner.query('ALTER TABLE "plan_revisions" DROP COLUMN "proposal"');
  }
}
