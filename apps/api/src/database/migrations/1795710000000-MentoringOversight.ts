import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './1795630912075-TenantRowSecurity.js';

const TABLES = ['mentoring_settings', 'mentorship_nudges'];

/** Mentoring oversight: the organisation's mentoring settings (fizzle weeks, cross-team preference) and the fizzling nudges sent, one per episode. */
export class MentoringOversight1795710000000 implements MigrationInterface {
  name = 'MentoringOversight1795710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"mentoring_settings\" (\"organisation_id\" uuid NOT NULL, \"fizzle_weeks\" integer NOT NULL DEFAULT '6', \"cross_team\" text NOT NULL DEFAULT 'no-preference', \"version\" integer NOT NULL DEFAULT '1', \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_mentoring_settings_cross_team\" CHECK (cross_team IN ('no-preference', 'prefer-other-teams')), CONSTRAINT \"ck_mentoring_settings_fizzle_weeks\" CHECK (fizzle_weeks BETWEEN 1 AND 26), CONSTRAINT \"PK_a0b848e6f3326f6daad3a944210\" PRIMARY KEY (\"organisation_id\"))");
    await queryRunner.query("CREATE TABLE \"mentorship_nudges\" (\"organisation_id\" uuid NOT NULL, \"mentorship_id\" uuid NOT NULL, \"fizzles_on\" date NOT NULL, \"nudged_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_67929b6066c58e4a34e2ac8ac53\" PRIMARY KEY (\"organisation_id\", \"mentorship_id\", \"fizzles_on\"))");
    await queryRunner.query("ALTER TABLE \"mentoring_settings\" ADD CONSTRAINT \"FK_a0b848e6f3326f6daad3a944210\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"mentorship_nudges\" ADD CONSTRAINT \"FK_7e89f0bf3cf920632fb67efdf3f\" FOREIGN KEY (\"organisation_id\", \"mentorship_id\") REFERENCES \"mentorships\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    for (const table of TABLES) await enableTenantRowSecurity(queryRunner, table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await disableTenantRowSecurity(queryRunner, table);
    await queryRunner.query("ALTER TABLE \"mentorship_nudges\" DROP CONSTRAINT \"FK_7e89f0bf3cf920632fb67efdf3f\"");
    await queryRunner.query("ALTER TABLE \"mentoring_settings\" DROP CONSTRAINT \"FK_a0b848e6f3326f6daad3a944210\"");
    await queryRunner.query("DROP TABLE \"mentorship_nudges\"");
    await queryRunner.query("DROP TABLE \"mentoring_settings\"");
  }
}
