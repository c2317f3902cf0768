import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A check-in's private note: only its author reads it. */
export class CheckInPrivateNote1795641000000 implements MigrationInterface {
  name = 'CheckInPrivateNote1795641000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "check_ins" ADD "private_note" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "check_ins" DROP COLUMN "private_note"');
  }
}
