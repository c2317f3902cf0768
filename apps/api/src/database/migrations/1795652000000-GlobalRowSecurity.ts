import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tables no organisation owns under row-level security too: accounts, password resets, password
 * attempts and sign-up requests are reached only in the system context (systemTransaction: signing
 * in, signing up, resets, the throttle); an organisation's own row is also readable in its tenant
 * context. Forced, so the tables' owner meets the policy as well; the app itself runs as a role that
 * owns nothing (database/app-role.ts), so it cannot switch the policies off.
 */
export const SYSTEM_POLICY = '(SELECT trellis_system_context())';
const ORGANISATION_POLICY = '(SELECT trellis_system_context()) OR id = (SELECT trellis_tenant())';

export const SYSTEM_TABLES = ['accounts', 'password_resets', 'password_attempts', 'sign_up_requests'];

export class GlobalRowSecurity1795652000000 implements MigrationInterface {
  name = 'GlobalRowSecurity1795652000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of SYSTEM_TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`CREATE POLICY system_only ON "${table}" USING (${SYSTEM_POLICY}) WITH CHECK (${SYSTEM_POLICY})`);
    }
    await queryRunner.query(`ALTER TABLE "organisations" ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "organisations" FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`CREATE POLICY own_organisation ON "organisations" USING (${ORGANISATION_POLICY}) WITH CHECK (${ORGANISATION_POLICY})`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP POLICY IF EXISTS own_organisation ON "organisations"`);
    await queryRunner.query(`ALTER TABLE "organisations" NO FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE "organisations" DISABLE ROW LEVEL SECURITY`);
    for (const table of SYSTEM_TABLES) {
      await queryRunner.query(`DROP POLICY IF EXISTS system_only ON "${table}"`);
      await queryRunner.query(`ALTER TABLE "${table}" NO FORCE ROW LEVEL SECURITY`);
      await queryRunner.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
  }
}
