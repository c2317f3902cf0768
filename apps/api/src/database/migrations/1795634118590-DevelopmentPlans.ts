import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './1795630912075-TenantRowSecurity.js';

const PLAN_TABLES = ['assessments', 'plans', 'plan_revisions', 'plan_actions', 'plan_action_skills', 'check_ins', 'plan_sharing', 'notifications'];

export class DevelopmentPlans1795634118590 implements MigrationInterface {
  name = 'DevelopmentPlans1795634118590';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assessments\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"skill_id\" uuid NOT NULL, \"level\" integer NOT NULL, \"source\" text NOT NULL, \"assessed_by_id\" uuid NOT NULL, \"assessed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"evidence_note\" text, \"evidence_url\" text, CONSTRAINT \"ck_assessments_level\" CHECK (level >= 0), CONSTRAINT \"ck_assessments_source\" CHECK (source IN ('self', 'manager')), CONSTRAINT \"PK_ed9e781b8793ce590e49ad61fdc\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_assessments_skill\" ON \"assessments\"  (\"organisation_id\", \"skill_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_assessments_person\" ON \"assessments\"  (\"organisation_id\", \"person_id\", \"assessed_at\") ");
    await queryRunner.query("CREATE TABLE \"plans\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"framework_version_id\" uuid NOT NULL, \"target_role_id\" uuid NOT NULL, \"status\" text NOT NULL, \"review_rhythm_weeks\" integer NOT NULL, \"time_zone\" text NOT NULL, \"revision\" integer NOT NULL, \"agreed_at\" TIMESTAMP WITH TIME ZONE, \"last_review_at\" TIMESTAMP WITH TIME ZONE, \"review_due_on\" date, \"last_activity_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"sent_back_comment\" text, \"version\" integer NOT NULL DEFAULT '1', \"last_changed_by_id\" uuid, \"last_change\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_plans_review_rhythm\" CHECK (review_rhythm_weeks IN (4, 6, 8, 12)), CONSTRAINT \"ck_plans_status\" CHECK (status IN ('draft', 'proposed', 'agreed', 'active', 'completed', 'abandoned')), CONSTRAINT \"PK_8ac5f4675e65df708d9cd55eb5e\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_plans_open_per_person\" ON \"plans\"  (\"organisation_id\", \"person_id\") WHERE status NOT IN ('completed', 'abandoned')");
    await queryRunner.query("CREATE INDEX \"ix_plans_person\" ON \"plans\"  (\"organisation_id\", \"person_id\") ");
    await queryRunner.query("CREATE TABLE \"plan_revisions\" (\"organisation_id\" uuid NOT NULL, \"plan_id\" uuid NOT NULL, \"number\" integer NOT NULL, \"reason\" text NOT NULL, \"note\" text, \"target_role_id\" uuid NOT NULL, \"framework_version_id\" uuid NOT NULL, \"baseline\" jsonb NOT NULL, \"created_by_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_plan_revisions_reason\" CHECK (reason IN ('initial', 'new-target-role', 're-baseline', 'other')), CONSTRAINT \"PK_b79ab0b43180fba9ce3a0d98539\" PRIMARY KEY (\"organisation_id\", \"plan_id\", \"number\"))");
    await queryRunner.query("CREATE TABLE \"plan_actions\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"plan_id\" uuid NOT NULL, \"revision_number\" integer NOT NULL, \"position\" integer NOT NULL, \"type\" text NOT NULL, \"title\" text NOT NULL, \"description\" text NOT NULL, \"qualification_id\" uuid, \"due_on\" date, \"status\" text NOT NULL, \"evidence\" text, \"done_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_plan_actions_status\" CHECK (status IN ('not-started', 'in-progress', 'done', 'dropped')), CONSTRAINT \"ck_plan_actions_type\" CHECK (type IN ('qualification', 'on-the-job', 'reading', 'mentoring', 'course', 'other')), CONSTRAINT \"PK_71829fc3657ef7c330b7d74f39f\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_plan_actions_qualification\" ON \"plan_actions\"  (\"organisation_id\", \"qualification_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_plan_actions_plan\" ON \"plan_actions\"  (\"organisation_id\", \"plan_id\", \"position\") ");
    await queryRunner.query("CREATE TABLE \"plan_action_skills\" (\"organisation_id\" uuid NOT NULL, \"action_id\" uuid NOT NULL, \"skill_id\" uuid NOT NULL, CONSTRAINT \"PK_409747db661bcc0a7311e30b313\" PRIMARY KEY (\"organisation_id\", \"action_id\", \"skill_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_plan_action_skills_skill\" ON \"plan_action_skills\"  (\"organisation_id\", \"skill_id\") ");
    await queryRunner.query("CREATE TABLE \"check_ins\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"plan_id\" uuid NOT NULL, \"revision_number\" integer NOT NULL, \"reflection\" text NOT NULL, \"progress\" jsonb NOT NULL, \"recorded_by_id\" uuid NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_92eb04119f146b85df37f957d79\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_check_ins_plan\" ON \"check_ins\"  (\"organisation_id\", \"plan_id\", \"recorded_at\") ");
    await queryRunner.query("CREATE TABLE \"plan_sharing\" (\"organisation_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"viewer_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_be1595a858c49c9f902f81a3497\" PRIMARY KEY (\"organisation_id\", \"person_id\", \"viewer_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_plan_sharing_viewer\" ON \"plan_sharing\"  (\"organisation_id\", \"viewer_id\") ");
    await queryRunner.query("CREATE TABLE \"notifications\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"plan_id\" uuid, \"message\" text NOT NULL, \"dedupe_key\" text NOT NULL, \"read_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_01f32d2283b48af97825b51eaac\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_notifications_person\" ON \"notifications\"  (\"organisation_id\", \"person_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_notifications_dedupe\" ON \"notifications\"  (\"organisation_id\", \"person_id\", \"dedupe_key\") ");
    await queryRunner.query("ALTER TABLE \"assessments\" ADD CONSTRAINT \"FK_c7ef49ac545a39f53500c05d7bd\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"assessments\" ADD CONSTRAINT \"FK_5747bc9ad90cc900c0c7d42f40e\" FOREIGN KEY (\"organisation_id\", \"person_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"assessments\" ADD CONSTRAINT \"FK_8f8c51840f13f4701dbc3c11494\" FOREIGN KEY (\"organisation_id\", \"skill_id\") REFERENCES \"skills\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"assessments\" ADD CONSTRAINT \"FK_8c4188c11d87bd2a328f272c022\" FOREIGN KEY (\"organisation_id\", \"assessed_by_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plans\" ADD CONSTRAINT \"FK_c0516f444eab1e645323c7641b6\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plans\" ADD CONSTRAINT \"FK_b7ed6e9245b995f61e502dd5e58\" FOREIGN KEY (\"organisation_id\", \"person_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plans\" ADD CONSTRAINT \"FK_9bc96b2f38162089b59cf78a913\" FOREIGN KEY (\"organisation_id\", \"framework_version_id\") REFERENCES \"framework_versions\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plans\" ADD CONSTRAINT \"FK_024147f1bd23148297f486187c7\" FOREIGN KEY (\"organisation_id\", \"target_role_id\") REFERENCES \"roles\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plans\" ADD CONSTRAINT \"FK_eccb842b465be032d0c38f84bbc\" FOREIGN KEY (\"organisation_id\", \"last_changed_by_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_revisions\" ADD CONSTRAINT \"FK_ea4adf44a2ec2b78d5f2c4e0348\" FOREIGN KEY (\"organisation_id\", \"plan_id\") REFERENCES \"plans\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_revisions\" ADD CONSTRAINT \"FK_240bcd1d9008efc208d3cf79bbc\" FOREIGN KEY (\"organisation_id\", \"target_role_id\") REFERENCES \"roles\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_revisions\" ADD CONSTRAINT \"FK_f07bb09a33a135d730fdfaadff2\" FOREIGN KEY (\"organisation_id\", \"framework_version_id\") REFERENCES \"framework_versions\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_revisions\" ADD CONSTRAINT \"FK_c17973a3db0fba2df66e7a15d0b\" FOREIGN KEY (\"organisation_id\", \"created_by_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_actions\" ADD CONSTRAINT \"FK_e393bfe2a4c2430e82606fa8264\" FOREIGN KEY (\"organisation_id\", \"plan_id\") REFERENCES \"plans\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_actions\" ADD CONSTRAINT \"FK_62b006e8e190dd8151f00a5fca6\" FOREIGN KEY (\"organisation_id\", \"qualification_id\") REFERENCES \"qualifications\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_action_skills\" ADD CONSTRAINT \"FK_bcf26298ecf992b490a21087e28\" FOREIGN KEY (\"organisation_id\", \"action_id\") REFERENCES \"plan_actions\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_action_skills\" ADD CONSTRAINT \"FK_6b63fc4f9f3d9fa4d021c20a3be\" FOREIGN KEY (\"organisation_id\", \"skill_id\") REFERENCES \"skills\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"check_ins\" ADD CONSTRAINT \"FK_9c444b158509a340edd3f0ec4d6\" FOREIGN KEY (\"organisation_id\", \"plan_id\") REFERENCES \"plans\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"check_ins\" ADD CONSTRAINT \"FK_6675c722dfffca34227f1e9f6b9\" FOREIGN KEY (\"organisation_id\", \"recorded_by_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_sharing\" ADD CONSTRAINT \"FK_469ae29b815aa4d157819902bd2\" FOREIGN KEY (\"organisation_id\", \"person_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"plan_sharing\" ADD CONSTRAINT \"FK_81cdbd4dd906f09af339f5f7e97\" FOREIGN KEY (\"organisation_id\", \"viewer_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_e58f9e8a20dd0e46b7216fc39a5\" FOREIGN KEY (\"organisation_id\", \"person_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\" ADD CONSTRAINT \"FK_bd5553f1618673e4b1d7dd78c18\" FOREIGN KEY (\"organisation_id\", \"plan_id\") REFERENCES \"plans\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    for (const table of PLAN_TABLES) await enableTenantRowSecurity(queryRunner, table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PLAN_TABLES) await disableTenantRowSecurity(queryRunner, table);
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"FK_bd5553f1618673e4b1d7dd78c18\"");
    await queryRunner.query("ALTER TABLE \"notifications\" DROP CONSTRAINT \"FK_e58f9e8a20dd0e46b7216fc39a5\"");
    await queryRunner.query("ALTER TABLE \"plan_sharing\" DROP CONSTRAINT \"FK_81cdbd4dd906f09af339f5f7e97\"");
    await queryRunner.query("ALTER TABLE \"plan_sharing\" DROP CONSTRAINT \"FK_469ae29b815aa4d157819902bd2\"");
    await queryRunner.query("ALTER TABLE \"check_ins\" DROP CONSTRAINT \"FK_6675c722dfffca34227f1e9f6b9\"");
    await queryRunner.query("ALTER TABLE \"check_ins\" DROP CONSTRAINT \"FK_9c444b158509a340edd3f0ec4d6\"");
    await queryRunner.query("ALTER TABLE \"plan_action_skills\" DROP CONSTRAINT \"FK_6b63fc4f9f3d9fa4d021c20a3be\"");
    await queryRunner.query("ALTER TABLE \"plan_action_skills\" DROP CONSTRAINT \"FK_bcf26298ecf992b490a21087e28\"");
    await queryRunner.query("ALTER TABLE \"plan_actions\" DROP CONSTRAINT \"FK_62b006e8e190dd8151f00a5fca6\"");
    await queryRunner.query("ALTER TABLE \"plan_actions\" DROP CONSTRAINT \"FK_e393bfe2a4c2430e82606fa8264\"");
    await queryRunner.query("ALTER TABLE \"plan_revisions\" DROP CONSTRAINT \"FK_c17973a3db0fba2df66e7a15d0b\"");
    await queryRunner.query("ALTER TABLE \"plan_revisions\" DROP CONSTRAINT \"FK_f07bb09a33a135d730fdfaadff2\"");
    await queryRunner.query("ALTER TABLE \"plan_revisions\" DROP CONSTRAINT \"FK_240bcd1d9008efc208d3cf79bbc\"");
    await queryRunner.query("ALTER TABLE \"plan_revisions\" DROP CONSTRAINT \"FK_ea4adf44a2ec2b78d5f2c4e0348\"");
    await queryRunner.query("ALTER TABLE \"plans\" DROP CONSTRAINT \"FK_eccb842b465be032d0c38f84bbc\"");
    await queryRunner.query("ALTER TABLE \"plans\" DROP CONSTRAINT \"FK_024147f1bd23148297f486187c7\"");
    await queryRunner.query("ALTER TABLE \"plans\" DROP CONSTRAINT \"FK_9bc96b2f38162089b59cf78a913\"");
    await queryRunner.query("ALTER TABLE \"plans\" DROP CONSTRAINT \"FK_b7ed6e9245b995f61e502dd5e58\"");
    await queryRunner.query("ALTER TABLE \"plans\" DROP CONSTRAINT \"FK_c0516f444eab1e645323c7641b6\"");
    await queryRunner.query("ALTER TABLE \"assessments\" DROP CONSTRAINT \"FK_8c4188c11d87bd2a328f272c022\"");
    await queryRunner.query("ALTER TABLE \"assessments\" DROP CONSTRAINT \"FK_8f8c51840f13f4701dbc3c11494\"");
    await queryRunner.query("ALTER TABLE \"assessments\" DROP CONSTRAINT \"FK_5747bc9ad90cc900c0c7d42f40e\"");
    await queryRunner.query("ALTER TABLE \"assessments\" DROP CONSTRAINT \"FK_c7ef49ac545a39f53500c05d7bd\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_notifications_dedupe\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notifications_person\"");
    await queryRunner.query("DROP TABLE \"notifications\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_plan_sharing_viewer\"");
    await queryRunner.query("DROP TABLE \"plan_sharing\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_check_ins_plan\"");
    await queryRunner.query("DROP TABLE \"check_ins\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_plan_action_skills_skill\"");
    await queryRunner.query("DROP TABLE \"plan_action_skills\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_plan_actions_plan\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_plan_actions_qualification\"");
    await queryRunner.query("DROP TABLE \"plan_actions\"");
    await queryRunner.query("DROP TABLE \"plan_revisions\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_plans_person\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_plans_open_per_person\"");
    await queryRunner.query("DROP TABLE \"plans\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_assessments_person\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_assessments_skill\"");
    await queryRunner.query("DROP TABLE \"assessments\"");
  }
}
