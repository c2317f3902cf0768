import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Framework document version 2: per-skill scales, descriptors with criteria and examples, optional,
 * weighted and role-specific expectations, roles shared by tracks, track groups, points levelling.
 * Stored versions and drafts are migrated: every descriptor string becomes { summary, criteria: [],
 * examples: [] } (in `skills.levels` and in each draft's document, which also says schemaVersion "2").
 * Down turns descriptors back into their summary (else their first criterion or example): criteria
 * and examples beyond that, and the new parts, are lost.
 */

/** A jsonb object of descriptors with every string turned into a descriptor object. */
const levelsUp = (levels: string) => `(SELECT coalesce(jsonb_object_agg(e.k, CASE WHEN jsonb_typeof(e.v) = 'string'
    THEN jsonb_build_object('summary', e.v, 'criteria', '[]'::jsonb, 'examples', '[]'::jsonb) ELSE e.v END), '{}'::jsonb)
  FROM jsonb_each(${levels}) AS e(k, v))`;

/** A jsonb object of descriptors with every object turned back into one string. */
const levelsDown = (levels: string) => `(SELECT coalesce(jsonb_object_agg(e.k, CASE WHEN jsonb_typeof(e.v) = 'object'
    THEN coalesce(e.v -> 'summary', e.v -> 'criteria' -> 0, e.v -> 'examples' -> 0) ELSE e.v END), '{}'::jsonb)
  FROM jsonb_each(${levels}) AS e(k, v))`;

/** Rewrites each draft document's skills' levels with `change`, and sets its schemaVersion. */
const draftsSql = (change: (levels: string) => string, schemaVersion: string) => `UPDATE framework_drafts SET document = jsonb_set(
    jsonb_set(document, '{skills}', (
      SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(x.s -> 'levels') = 'object'
        THEN jsonb_set(x.s, '{levels}', ${change("x.s -> 'levels'")}) ELSE x.s END ORDER BY x.n), '[]'::jsonb)
      FROM jsonb_array_elements(document -> 'skills') WITH ORDINALITY AS x(s, n))),
    '{schemaVersion}', '"${schemaVersion}"')
  WHERE jsonb_typeof(document -> 'skills') = 'array'`;

export class FrameworkDocumentV21795690000000 implements MigrationInterface {
  name = 'FrameworkDocumentV21795690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"framework_versions\" ADD \"scales\" jsonb NOT NULL DEFAULT '[]'");
    await queryRunner.query("ALTER TABLE \"framework_versions\" ADD \"track_groups\" jsonb NOT NULL DEFAULT '[]'");
    await queryRunner.query("ALTER TABLE \"framework_versions\" ADD \"levelling\" jsonb");
    await queryRunner.query("ALTER TABLE \"skill_categories\" ADD \"scale_key\" text");
    await queryRunner.query("ALTER TABLE \"skills\" ADD \"scale_key\" text");
    await queryRunner.query("ALTER TABLE \"tracks\" ADD \"group_key\" text");
    await queryRunner.query("ALTER TABLE \"roles\" ADD \"shared_with_track_keys\" jsonb NOT NULL DEFAULT '[]'");
    await queryRunner.query("ALTER TABLE \"expectations\" ADD \"optional\" boolean NOT NULL DEFAULT false");
    await queryRunner.query("ALTER TABLE \"expectations\" ADD \"weight\" double precision");
    await queryRunner.query("ALTER TABLE \"expectations\" ADD \"statement\" text");
    await this.asSystem(queryRunner, async () => {
      await queryRunner.query(`UPDATE skills SET levels = ${levelsUp('levels')}
        WHERE EXISTS (SELECT 1 FROM jsonb_each(levels) AS e(k, v) WHERE jsonb_typeof(e.v) = 'string')`);
      await queryRunner.query(draftsSql(levelsUp, '2'));
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.asSystem(queryRunner, async () => {
      await queryRunner.query(`UPDATE skills SET levels = ${levelsDown('levels')}
        WHERE EXISTS (SELECT 1 FROM jsonb_each(levels) AS e(k, v) WHERE jsonb_typeof(e.v) = 'object')`);
      await queryRunner.query(draftsSql(levelsDown, '1'));
    });
    await queryRunner.query("ALTER TABLE \"expectations\" DROP COLUMN \"statement\"");
    await queryRunner.query("ALTER TABLE \"expectations\" DROP COLUMN \"weight\"");
    await queryRunner.query("ALTER TABLE \"expectations\" DROP COLUMN \"optional\"");
    await queryRunner.query("ALTER TABLE \"roles\" DROP COLUMN \"shared_with_track_keys\"");
    await queryRunner.query("ALTER TABLE \"tracks\" DROP COLUMN \"group_key\"");
    await queryRunner.query("ALTER TABLE \"skills\" DROP COLUMN \"scale_key\"");
    await queryRunner.query("ALTER TABLE \"skill_categories\" DROP COLUMN \"scale_key\"");
    await queryRunner.query("ALTER TABLE \"framework_versions\" DROP COLUMN \"levelling\"");
    await queryRunner.query("ALTER TABLE \"framework_versions\" DROP COLUMN \"track_groups\"");
    await queryRunner.query("ALTER TABLE \"framework_versions\" DROP COLUMN \"scales\"");
  }

  /** Row-level security is forced on these tables: data changes run in the system context ('*'), then the setting is put back. */
  private async asSystem(queryRunner: QueryRunner, work: () => Promise<void>): Promise<void> {
    const [previous] = (await queryRunner.query("SELECT current_setting('trellis.organisation_id', true) AS value")) as { value: string | null }[];
    await queryRunner.query("SELECT set_config('trellis.organisation_id', '*', false)");
    try {
      await work();
    } finally {
      await queryRunner.query('SELECT set_config($1, $2, false)', ['trellis.organisation_id', previous?.value ?? '']);
    }
  }
}
