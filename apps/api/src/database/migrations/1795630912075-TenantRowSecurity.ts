import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security as a second wall behind the application's own organisation filters: every
 * table with an organisation_id only shows and accepts rows of the organisation the transaction
 * acts for (setting trellis.organisation_id), or every row in a system context ('*': seeding,
 * sign-in). FORCE applies it to the tables' owner too; superusers still bypass it, so Trellis
 * connects as an ordinary role (see database/embedded-postgres.ts and the README).
 * Later migrations that add a tenant table call enableTenantRowSecurity for it.
 */
export const TENANT_FUNCTIONS = [
  `CREATE OR REPLACE FUNCTION trellis_tenant() RETURNS uuid LANGUAGE sql STABLE AS $$
     SELECT CASE WHEN current_setting('trellis.organisation_id', true) ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                 THEN current_setting('trellis.organisation_id', true)::uuid END
   $$`,
  `CREATE OR REPLACE FUNCTION trellis_system_context() RETURNS boolean LANGUAGE sql STABLE AS $$
     SELECT coalesce(current_setting('trellis.organisation_id', true), '') = '*'
   $$`,
];

/**
 * Who may see and write a row. The functions are wrapped in sub-selects so PostgreSQL evaluates
 * them once per statement (an InitPlan) instead of once per row; the TenantPolicyPerStatement
 * migration moved the first tables to this form.
 */
export const TENANT_POLICY = '(SELECT trellis_system_context()) OR organisation_id = (SELECT trellis_tenant())';

export async function enableTenantRowSecurity(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(`CREATE POLICY tenant_isolation ON "${table}" USING (${TENANT_POLICY}) WITH CHECK (${TENANT_POLICY})`);
}

export async function disableTenantRowSecurity(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`DROP POLICY IF EXISTS tenant_isolation ON "${table}"`);
  await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
}

export const INITIAL_TENANT_TABLES = [
  'frameworks', 'framework_versions', 'skill_categories', 'skills', 'tracks', 'roles', 'expectations',
  'transitions', 'qualifications', 'qualification_skills', 'role_qualifications', 'teams', 'people',
  'sessions', 'invitations', 'audit_events',
];

export class TenantRowSecurity1795630912075 implements MigrationInterface {
  name = 'TenantRowSecurity1795630912075';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of TENANT_FUNCTIONS) await queryRunner.query(statement);
    for (const table of INITIAL_TENANT_TABLES) await enableTenantRowSecurity(queryRunner, table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of INITIAL_TENANT_TABLES) await disableTenantRowSecurity(queryRunner, table);
    await queryRunner.query('DROP FUNCTION IF EXISTS trellis_system_context()');
    await queryRunner.query('DROP FUNCTION IF EXISTS trellis_tenant()');
  }
}
