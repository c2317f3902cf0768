import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Throttles keyed by e-mail and network (password_attempts), e-mailed sign-up confirmations, and reset links an admin was shown. */
export class AccountThrottles1795650100000 implements MigrationInterface {
  name = 'AccountThrottles1795650100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"password_attempts\" (\"subject\" text NOT NULL, \"network\" text NOT NULL, \"failures\" integer NOT NULL DEFAULT '0', \"window_started_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"locked_until\" TIMESTAMP WITH TIME ZONE, \"last_success_at\" TIMESTAMP WITH TIME ZONE, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_f2122d8b84354beb334b490b3d5\" PRIMARY KEY (\"subject\", \"network\"))");
    await queryRunner.query("CREATE INDEX \"ix_password_attempts_expires\" ON \"password_attempts\"  (\"expires_at\") ");
    await queryRunner.query("CREATE TABLE \"sign_up_requests\" (\"id\" uuid NOT NULL, \"email\" text NOT NULL, \"organisation_name\" text NOT NULL, \"name\" text NOT NULL, \"password_hash\" text NOT NULL, \"secret_hash\" text NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_64e4115a9510470c85904839423\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_sign_up_requests_expires\" ON \"sign_up_requests\"  (\"expires_at\") ");
    await queryRunner.query("ALTER TABLE \"accounts\" DROP COLUMN \"failed_sign_ins\"");
    await queryRunner.query("ALTER TABLE \"accounts\" DROP COLUMN \"locked_until\"");
    await queryRunner.query("ALTER TABLE \"password_resets\" ADD \"issued_by_organisation_id\" uuid");
    await queryRunner.query("ALTER TABLE \"password_resets\" ADD CONSTRAINT \"FK_cf2e1520a0eb713f4ebf3984d68\" FOREIGN KEY (\"issued_by_organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"password_resets\" DROP CONSTRAINT \"FK_cf2e1520a0eb713f4ebf3984d68\"");
    await queryRunner.query("ALTER TABLE \"password_resets\" DROP COLUMN \"issued_by_organisation_id\"");
    await queryRunner.query("ALTER TABLE \"accounts\" ADD \"locked_until\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"accounts\" ADD \"failed_sign_ins\" integer NOT NULL DEFAULT '0'");
    await queryRunner.query("DROP INDEX \"public\".\"ix_sign_up_requests_expires\"");
    await queryRunner.query("DROP TABLE \"sign_up_requests\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_password_attempts_expires\"");
    await queryRunner.query("DROP TABLE \"password_attempts\"");
  }
}
