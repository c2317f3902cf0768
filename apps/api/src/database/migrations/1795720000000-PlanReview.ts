import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './1795630912075-TenantRowSecurity.js';

/** Review on a plan: threaded comments on the plan and its actions, and mentors' sign-offs of an action's evidence. */
export class PlanReview1795720000000 implements MigrationInterface {
  name = 'PlanReview1795720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"plan_comments\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"plan_id\" uuid NOT NULL, \"action_id\" uuid, \"parent_id\" uuid, \"depth\" integer NOT NULL, \"author_id\" uuid NOT NULL, \"body\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_d1b79a9b3cfbf4da5459d40c663\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_plan_comments_plan\" ON \"plan_comments\"  (\"organisation_id\", \"plan_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"plan_action_sign_offs\" (\"organisation_id\" uuid NOT NULL, \"action_id\" uuid NOT NULL, \"signed_off_by_id\" uuid NOT NULL, \"note\" text NOT NULL, \"signed_off_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_e13b768575141634ec218b518f9\" PRIMARY KEY (\"organisation_id\", \"action_id\"))");
    await queryRunner.query("ALTER TABLE \"plan_comments\" ADD CONSTRAINT \"FK_2bde7901b980ec0caf6cf0d4027\" FOREIGN KEY (\"organisation_id\", \"plan_id\") REFERENCES \"plans\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_comments\" ADD CONSTRAINT \"FK_09a901c404e627a33c3ebbacd96\" FOREIGN KEY (\"organisation_id\", \"action_id\") REFERENCES \"plan_actions\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_comments\" ADD CONSTRAINT \"FK_2da1b506252e55b0b89480a2daf\" FOREIGN KEY (\"organisation_id\", \"parent_id\") REFERENCES \"plan_comments\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_comments\" ADD CONSTRAINT \"FK_e6853f65137ee20533ac306c5c2\" FOREIGN KEY (\"organisation_id\", \"author_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_action_sign_offs\" ADD CONSTRAINT \"FK_e13b768575141634ec218b518f9\" FOREIGN KEY (\"organisation_id\", \"action_id\") REFERENCES \"plan_actions\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_action_sign_offs\" ADD CONSTRAINT \"FK_19634255b941f3fffa302a53cfc\" FOREIGN KEY (\"organisation_id\", \"signed_off_by_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await enableTenantRowSecurity(queryRunner, 'plan_comments');
    await enableTenantRowSecurity(queryRunner, 'plan_action_sign_offs');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(queryRunner, 'plan_action_sign_offs');
    await disableTenantRowSecurity(queryRunner, 'plan_comments');
    await queryRunner.query("ALTER TABLE \"plan_action_sign_offs\" DROP CONSTRAINT \"FK_19634255b941f3fffa302a53cfc\"");
    await queryRunner.query("ALTER TABLE \"plan_action_sign_offs\" DROP CONSTRAINT \"FK_e13b768575141634ec218b518f9\"");
    await queryRunner.query("ALTER TABLE \"plan_comments\" DROP CONSTRAINT \"FK_e6853f65137ee20533ac306c5c2\"");
    await queryRunner.query("ALTER TABLE \"plan_comments\" DROP CONSTRAINT \"FK_2da1b506252e55b0b89480a2daf\"");
    await queryRunner.query("ALTER TABLE \"plan_comments\" DROP CONSTRAINT \"FK_09a901c404e627a33c3ebbacd96\"");
    await queryRunner.query("ALTER TABLE \"plan_comments\" DROP CONSTRAINT \"FK_2bde7901b980ec0caf6cf0d4027\"");
    await queryRunner.query("DROP TABLE \"plan_action_sign_offs\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_plan_comments_plan\"");
    await queryRunner.query("DROP TABLE \"plan_comments\"");
  }
}
