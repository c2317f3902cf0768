import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795630912074 implements MigrationInterface {
  name = 'Identity1795630912074';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_events\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"actor_person_id\" uuid, \"action\" text NOT NULL, \"subject_type\" text, \"subject_id\" uuid, \"subject_person_id\" uuid, \"summary\" text NOT NULL, \"details\" jsonb NOT NULL, \"ip_address\" text, \"user_agent\" text, CONSTRAINT \"PK_6d6bb86d1048765d64fc14c7f01\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_audit_events_subject\" ON \"audit_events\"  (\"organisation_id\", \"subject_person_id\", \"at\") ");
    await queryRunner.query("CREATE INDEX \"ix_audit_events_at\" ON \"audit_events\"  (\"organisation_id\", \"at\") ");
    await queryRunner.query("CREATE TABLE \"accounts\" (\"id\" uuid NOT NULL, \"email\" text NOT NULL, \"password_hash\" text NOT NULL, \"failed_sign_ins\" integer NOT NULL DEFAULT '0', \"locked_until\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_ee66de6cdc53993296d1ceb8aa0\" UNIQUE (\"email\"), CONSTRAINT \"PK_5a7a02c20412299d198e097a8fe\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"sessions\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"secret_hash\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"ip_address\" text, \"user_agent\" text, CONSTRAINT \"PK_d0dae3b12948de7918db1de79c3\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_sessions_person\" ON \"sessions\"  (\"organisation_id\", \"person_id\") ");
    await queryRunner.query("CREATE TABLE \"invitations\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL, \"email\" text NOT NULL, \"name\" text NOT NULL, \"access_role\" text NOT NULL DEFAULT 'employee', \"team_id\" uuid, \"manager_id\" uuid, \"job_title\" text, \"secret_hash\" text NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"accepted_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"invited_by_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_invitations_access_role\" CHECK (access_role IN ('admin', 'leadership', 'employee')), CONSTRAINT \"PK_773cef4a450338ef04280220444\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_invitations_email\" ON \"invitations\"  (\"organisation_id\", \"email\") ");
    await queryRunner.query("CREATE TABLE \"password_resets\" (\"id\" uuid NOT NULL, \"account_id\" uuid NOT NULL, \"secret_hash\" text NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_4816377aa98211c1de34469e742\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_password_resets_account\" ON \"password_resets\"  (\"account_id\") ");
    await queryRunner.query("ALTER TABLE \"people\" ADD \"account_id\" uuid");
    await queryRunner.query("ALTER TABLE \"people\" ADD \"access_role\" text NOT NULL DEFAULT 'employee'");
    await queryRunner.query("ALTER TABLE \"people\" ADD \"version\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"people\" ADD CONSTRAINT \"ck_people_access_role\" CHECK (access_role IN ('admin', 'leadership', 'employee'))");
    await queryRunner.query("ALTER TABLE \"people\" ADD CONSTRAINT \"uq_people_account\" UNIQUE (\"organisation_id\", \"account_id\")");
    await queryRunner.query("ALTER TABLE \"audit_events\" ADD CONSTRAINT \"FK_91d46044e4c934c1b5f1ea229d1\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"people\" ADD CONSTRAINT \"FK_3b02373ca22a7c9d1adcbb8b0fe\" FOREIGN KEY (\"account_id\") REFERENCES \"accounts\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD CONSTRAINT \"FK_3cd6ded154fa511ecd6651ccc40\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sessions\" ADD CONSTRAINT \"FK_a3f724712137d107fcc2e243223\" FOREIGN KEY (\"organisation_id\", \"person_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"invitations\" ADD CONSTRAINT \"FK_db8eb6da8f383cb3443217d8536\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"invitations\" ADD CONSTRAINT \"FK_f09a705f46e1e5b939cf18e79d1\" FOREIGN KEY (\"organisation_id\", \"invited_by_id\") REFERENCES \"people\"(\"organisation_id\",\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"password_resets\" ADD CONSTRAINT \"FK_d4ecc40c8f2d961355273539c09\" FOREIGN KEY (\"account_id\") REFERENCES \"accounts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"password_resets\" DROP CONSTRAINT \"FK_d4ecc40c8f2d961355273539c09\"");
    await queryRunner.query("ALTER TABLE \"invitations\" DROP CONSTRAINT \"FK_f09a705f46e1e5b939cf18e79d1\"");
    await queryRunner.query("ALTER TABLE \"invitations\" DROP CONSTRAINT \"FK_db8eb6da8f383cb3443217d8536\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP CONSTRAINT \"FK_a3f724712137d107fcc2e243223\"");
    await queryRunner.query("ALTER TABLE \"sessions\" DROP CONSTRAINT \"FK_3cd6ded154fa511ecd6651ccc40\"");
    await queryRunner.query("ALTER TABLE \"people\" DROP CONSTRAINT \"FK_3b02373ca22a7c9d1adcbb8b0fe\"");
    await queryRunner.query("ALTER TABLE \"audit_events\" DROP CONSTRAINT \"FK_91d46044e4c934c1b5f1ea229d1\"");
    await queryRunner.query("ALTER TABLE \"people\" DROP CONSTRAINT \"uq_people_account\"");
    await queryRunner.query("ALTER TABLE \"people\" DROP CONSTRAINT \"ck_people_access_role\"");
    await queryRunner.query("ALTER TABLE \"people\" DROP COLUMN \"version\"");
    await queryRunner.query("ALTER TABLE \"people\" DROP COLUMN \"access_role\"");
    await queryRunner.query("ALTER TABLE \"people\" DROP COLUMN \"account_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_password_resets_account\"");
    await queryRunner.query("DROP TABLE \"password_resets\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_invitations_email\"");
    await queryRunner.query("DROP TABLE \"invitations\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_sessions_person\"");
    await queryRunner.query("DROP TABLE \"sessions\"");
    await queryRunner.query("DROP TABLE \"accounts\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_audit_events_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_audit_events_subject\"");
    await queryRunner.query("DROP TABLE \"audit_events\"");
  }
}
