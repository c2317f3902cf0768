import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './1795630912075-TenantRowSecurity.js';

/** Approvers an admin names for plans of people without an active manager; where a notification leads. */
export class PlanApproversAndLinks1795681000000 implements MigrationInterface {
  name = 'PlanApproversAndLinks1795681000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"plan_approvers\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"team_id\" uuid, \"person_id\" uuid NOT NULL, \"named_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_ca5a82b8dc4cefd895f93bc554f\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_plan_approvers_team\" ON \"plan_approvers\"  (\"organisation_id\", \"team_id\") ");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD \"link\" text");
    await queryRunner.query("ALTER TABLE \"plan_approvers\" ADD CONSTRAINT \"FK_e079e82cc425e919afa243b234d\" FOREIGN KEY (\"organisation_id\", \"team_id\") REFERENCES \"teams\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_approvers\" ADD CONSTRAINT \"FK_9a70908194dd54d87caae1dc16e\" FOREIGN KEY (\"organisation_id\", \"person_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_approvers\" ADD CONSTRAINT \"FK_a8e73391679a0eb1ffa62817d63\" FOREIGN KEY (\"organisation_id\", \"named_by_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await enableTenantRowSecurity(queryRunner, 'plan_approvers');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(queryRunner, 'plan_approvers');
    await queryRunner.query("ALTER TABLE \"plan_approvers\" DROP CONSTRAINT \"FK_a8e73391679a0eb1ffa62817d63\"");
    await queryRunner.query("ALTER TABLE \"plan_approvers\" DROP CONSTRAINT \"FK_9a70908194dd54d87caae1dc16e\"");
    await queryRunner.query("ALTER TABLE \"plan_approvers\" DROP CONSTRAINT \"FK_e079e82cc425e919afa243b234d\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP COLUMN \"link\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_plan_approvers_team\"");
    await queryRunner.query("DROP TABLE \"plan_approvers\"");
  }
}
