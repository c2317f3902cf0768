import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './1795630912075-TenantRowSecurity.js';

/** Framework drafts (a document per framework plus its change history) and ordered qualification links. */

export class FrameworkDrafts1795633983262 implements MigrationInterface {
  name = 'FrameworkDrafts1795633983262';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"framework_drafts\" (\"organisation_id\" uuid NOT NULL, \"framework_id\" uuid NOT NULL, \"document\" jsonb NOT NULL, \"revision\" integer NOT NULL, \"based_on_version_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_by_person_id\" uuid, CONSTRAINT \"PK_b3d2ebefc0bed4be38fe343f1d3\" PRIMARY KEY (\"organisation_id\", \"framework_id\"))");
    await queryRunner.query("CREATE TABLE \"framework_draft_changes\" (\"organisation_id\" uuid NOT NULL, \"framework_id\" uuid NOT NULL, \"revision\" integer NOT NULL, \"target\" text NOT NULL, \"summary\" text NOT NULL, \"operation\" jsonb NOT NULL, \"person_id\" uuid, \"changed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_764f2b7e3c54fdc71a00e8f3480\" PRIMARY KEY (\"organisation_id\", \"framework_id\", \"revision\"))");
    await queryRunner.query("ALTER TABLE \"qualification_skills\" ADD \"position\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"role_qualifications\" ADD \"position\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("ALTER TABLE \"framework_drafts\" ADD CONSTRAINT \"FK_b3d2ebefc0bed4be38fe343f1d3\" FOREIGN KEY (\"organisation_id\", \"framework_id\") REFERENCES \"frameworks\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_drafts\" ADD CONSTRAINT \"FK_8763248f32e84e7a35c972a9a05\" FOREIGN KEY (\"organisation_id\", \"based_on_version_id\") REFERENCES \"framework_versions\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_draft_changes\" ADD CONSTRAINT \"FK_0e53be8dc1209a80f24a27904bb\" FOREIGN KEY (\"organisation_id\", \"framework_id\") REFERENCES \"framework_drafts\"(\"organisation_id\",\"framework_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await enableTenantRowSecurity(queryRunner, 'framework_drafts');
    await enableTenantRowSecurity(queryRunner, 'framework_draft_changes');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(queryRunner, 'framework_draft_changes');
    await disableTenantRowSecurity(queryRunner, 'framework_drafts');
    await queryRunner.query("ALTER TABLE \"framework_draft_changes\" DROP CONSTRAINT \"FK_0e53be8dc1209a80f24a27904bb\"");
    await queryRunner.query("ALTER TABLE \"framework_drafts\" DROP CONSTRAINT \"FK_8763248f32e84e7a35c972a9a05\"");
    await queryRunner.query("ALTER TABLE \"framework_drafts\" DROP CONSTRAINT \"FK_b3d2ebefc0bed4be38fe343f1d3\"");
    await queryRunner.query("ALTER TABLE \"role_qualifications\" DROP COLUMN \"position\"");
    await queryRunner.query("ALTER TABLE \"qualification_skills\" DROP COLUMN \"position\"");
    await queryRunner.query("DROP TABLE \"framework_draft_changes\"");
    await queryRunner.query("DROP TABLE \"framework_drafts\"");
  }
}
