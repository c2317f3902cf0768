import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './1795630912075-TenantRowSecurity.js';

/** Single sign-on per organisation (OpenID Connect) and the sign-ins in flight. */

export class SingleSignOn1795700100000 implements MigrationInterface {
  name = 'SingleSignOn1795700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"sso_connections\" (\"organisation_id\" uuid NOT NULL, \"display_name\" text NOT NULL, \"issuer\" text NOT NULL, \"client_id\" text NOT NULL, \"client_secret\" text NOT NULL, \"domains\" text array NOT NULL DEFAULT '{}', \"passwords_allowed\" boolean NOT NULL DEFAULT true, \"create_people\" boolean NOT NULL DEFAULT false, \"enabled\" boolean NOT NULL DEFAULT true, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_9414073e5d13c3c9619e580e16e\" PRIMARY KEY (\"organisation_id\"))");
    await queryRunner.query("CREATE TABLE \"sso_logins\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"secret_hash\" text NOT NULL, \"nonce\" text NOT NULL, \"code_verifier\" text NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_5fe244eb1b86884a0d79e6a83e7\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_sso_logins_expires\" ON \"sso_logins\"  (\"organisation_id\", \"expires_at\") ");
    await queryRunner.query("ALTER TABLE \"sso_connections\" ADD CONSTRAINT \"FK_9414073e5d13c3c9619e580e16e\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sso_logins\" ADD CONSTRAINT \"FK_9ea5a89d5044e291623869f9a0e\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    for (const table of ['sso_connections', 'sso_logins']) await enableTenantRowSecurity(queryRunner, table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['sso_connections', 'sso_logins']) await disableTenantRowSecurity(queryRunner, table);
    await queryRunner.query("ALTER TABLE \"sso_logins\" DROP CONSTRAINT \"FK_9ea5a89d5044e291623869f9a0e\"");
    await queryRunner.query("ALTER TABLE \"sso_connections\" DROP CONSTRAINT \"FK_9414073e5d13c3c9619e580e16e\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_sso_logins_expires\"");
    await queryRunner.query("DROP TABLE \"sso_logins\"");
    await queryRunner.query("DROP TABLE \"sso_connections\"");
  }
}
