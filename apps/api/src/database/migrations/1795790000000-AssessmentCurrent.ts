import type { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './1795630912075-TenantRowSecurity.js';

/**
 * Each rating set's latest self and manager rating per person and skill, as one aggregate over
 * `rows` (a table or transition table of assessments): later first, then the higher level (the domain's order).
 */
const latestOf = (rows: string) => `
  SELECT organisation_id, person_id, skill_id,
    (array_agg(level ORDER BY assessed_at DESC, level DESC) FILTER (WHERE source = 'self'))[1] AS self_level,
    max(assessed_at) FILTER (WHERE source = 'self') AS self_at,
    (array_agg(level ORDER BY assessed_at DESC, level DESC) FILTER (WHERE source = 'manager'))[1] AS manager_level,
    max(assessed_at) FILTER (WHERE source = 'manager') AS manager_at,
    (array_agg(assessed_by_id ORDER BY assessed_at DESC, level DESC) FILTER (WHERE source = 'manager'))[1] AS manager_assessor_id
  FROM ${rows} GROUP BY organisation_id, person_id, skill_id`;

/** Keeps the newer of what is stored and what arrives, per source: merging in any order gives the same row (no lost update between writers). */
const newer = (source: 'self' | 'manager') =>
  `EXCLUDED.${source}_at IS NOT NULL AND (c.${source}_at IS NULL OR (EXCLUDED.${source}_at, EXCLUDED.${source}_level) > (c.${source}_at, c.${source}_level))`;
const MERGE = `ON CONFLICT (organisation_id, person_id, skill_id) DO UPDATE SET
    self_level = CASE WHEN ${newer('self')} THEN EXCLUDED.self_level ELSE c.self_level END,
    self_at = CASE WHEN ${newer('self')} THEN EXCLUDED.self_at ELSE c.self_at END,
    manager_level = CASE WHEN ${newer('manager')} THEN EXCLUDED.manager_level ELSE c.manager_level END,
    manager_assessor_id = CASE WHEN ${newer('manager')} THEN EXCLUDED.manager_assessor_id ELSE c.manager_assessor_id END,
    manager_at = CASE WHEN ${newer('manager')} THEN EXCLUDED.manager_at ELSE c.manager_at END`;
const COLUMNS = 'organisation_id, person_id, skill_id, self_level, self_at, manager_level, manager_at, manager_assessor_id';

/** Rare (a framework publication re-pointing skills): the keys touched, old and new, worked out again from what is stored now. */
const recompute = (keys: string) => `
  DELETE FROM assessment_current c USING (${keys}) k
    WHERE c.organisation_id = k.organisation_id AND c.person_id = k.person_id AND c.skill_id = k.skill_id;
  INSERT INTO assessment_current AS c (${COLUMNS})
    ${latestOf(`(SELECT a.* FROM assessments a JOIN (${keys}) k
      ON a.organisation_id = k.organisation_id AND a.person_id = k.person_id AND a.skill_id = k.skill_id) touched`)}
    ${MERGE};`;

/**
 * `assessment_current`: each person's latest self and manager rating per skill, kept by statement triggers on
 * `assessments` in the writing transaction (reports' current snapshot rolls up from it: one row per person and
 * skill, no ordering of every rating ever made). Inserts (every rating: ratings are append-only) merge the new
 * ratings in; updates and deletes (a new framework version re-pointing skills) work the keys they touch out
 * again from `assessments`. Existing ratings are backfilled.
 */
export class AssessmentCurrent1795790000000 implements MigrationInterface {
  name = 'AssessmentCurrent1795790000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"assessment_current\" (\"organisation_id\" uuid NOT NULL, \"person_id\" uuid NOT NULL, \"skill_id\" uuid NOT NULL, \"self_level\" integer, \"self_at\" TIMESTAMP WITH TIME ZONE, \"manager_level\" integer, \"manager_at\" TIMESTAMP WITH TIME ZONE, \"manager_assessor_id\" uuid, CONSTRAINT \"PK_b8dfacc475ad162f1ae96a14283\" PRIMARY KEY (\"organisation_id\", \"person_id\", \"skill_id\"))");
    await queryRunner.query("ALTER TABLE \"assessment_current\" ADD CONSTRAINT \"FK_ebdd350112a7ab1eff41b56e6fc\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await enableTenantRowSecurity(queryRunner, 'assessment_current');
    await queryRunner.query(`INSERT INTO assessment_current (${COLUMNS}) ${latestOf('assessments')}`);
    // Statistics now, so the first rollup over millions of backfilled rows is planned as a hash join, not a guess.
    await queryRunner.query('ANALYZE assessment_current');
    await queryRunner.query(`CREATE FUNCTION assessment_current_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO assessment_current AS c (${COLUMNS}) ${latestOf('added')}
        ${MERGE};
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE FUNCTION assessment_current_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          ${recompute('SELECT organisation_id, person_id, skill_id FROM removed UNION SELECT organisation_id, person_id, skill_id FROM added')}
        ELSE
          ${recompute('SELECT DISTINCT organisation_id, person_id, skill_id FROM removed')}
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER assessment_current_insert AFTER INSERT ON assessments REFERENCING NEW TABLE AS added
      FOR EACH STATEMENT EXECUTE FUNCTION assessment_current_added()`);
    await queryRunner.query(`CREATE TRIGGER assessment_current_update AFTER UPDATE ON assessments REFERENCING OLD TABLE AS removed NEW TABLE AS added
      FOR EACH STATEMENT EXECUTE FUNCTION assessment_current_changed()`);
    await queryRunner.query(`CREATE TRIGGER assessment_current_delete AFTER DELETE ON assessments REFERENCING OLD TABLE AS removed
      FOR EACH STATEMENT EXECUTE FUNCTION assessment_current_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER assessment_current_delete ON assessments');
    await queryRunner.query('DROP TRIGGER assessment_current_update ON assessments');
    await queryRunner.query('DROP TRIGGER assessment_current_insert ON assessments');
    await queryRunner.query('DROP FUNCTION assessment_current_changed()');
    await queryRunner.query('DROP FUNCTION assessment_current_added()');
    await disableTenantRowSecurity(queryRunner, 'assessment_current');
    await queryRunner.query("ALTER TABLE \"assessment_current\" DROP CONSTRAINT \"FK_ebdd350112a7ab1eff41b56e6fc\"");
    await queryRunner.query("DROP TABLE \"assessment_current\"");
  }
}
