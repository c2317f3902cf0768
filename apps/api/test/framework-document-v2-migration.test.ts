import { randomUUID } from 'node:crypto';
import { canonicalFrameworkDocument, pmoFramework, validateFramework } from '@trellis/domain';
import { createDataSource } from '../src/database/data-source.js';
import { migrations } from '../src/database/migrations/index.js';
import { FrameworkDocumentV21795690000000 } from '../src/database/migrations/1795690000000-FrameworkDocumentV2.js';
import { createTestDatabase } from './support/postgres-server.js';

/**
 * The FrameworkDocumentV2 migration turns what is stored in today's format into version 2: a
 * version's skill descriptors (strings in skills.levels) and a draft's document. Written with the
 * migration undone (the database as it was before it), then migrated, then undone again.
 */
/** Undoes the migrations applied after FrameworkDocumentV2, then it (the database as it was before it). */
async function undoThroughV2(source: ReturnType<typeof createDataSource>): Promise<void> {
  const undo = migrations.length - migrations.indexOf(FrameworkDocumentV21795690000000);
  for (let i = 0; i < undo; i++) await source.undoLastMigration({ transaction: 'each' });
}

describe('migration FrameworkDocumentV2', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('migrates stored versions and drafts written in version 1, and back', async () => {
    const source = createDataSource(database.url);
    await source.initialize();
    try {
      await undoThroughV2(source);
      const columns = (await source.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'skills'`)) as { column_name: string }[];
      expect(columns.map((c) => c.column_name)).not.toContain('scale_key');

      // Today's format, as stored before the migration: descriptors are strings.
      const v1 = JSON.parse(JSON.stringify(canonicalFrameworkDocument(pmoFramework)));
      v1.schemaVersion = '1';
      for (const skill of v1.skills) skill.levels = Object.fromEntries(Object.entries(skill.levels).map(([level, d]) => [level, (d as { summary: string }).summary]));
      const [organisationId, frameworkId, versionId, categoryId, skillId, emptySkillId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await source.transaction(async (manager) => {
        await manager.query(`SELECT set_config('trellis.organisation_id', '*', true)`);
        await manager.query(`INSERT INTO organisations (id, slug, name) VALUES ($1, $2, 'Migrated')`, [organisationId, `migrated-${organisationId.slice(0, 8)}`]);
        await manager.query(`INSERT INTO frameworks (organisation_id, id, key, name) VALUES ($1, $2, 'pmo', 'PMO')`, [organisationId, frameworkId]);
        await manager.query(
          `INSERT INTO framework_versions (organisation_id, id, framework_id, number, status, proficiency_scale) VALUES ($1, $2, $3, 1, 'published', $4)`,
          [organisationId, versionId, frameworkId, JSON.stringify(v1.proficiencyScale)],
        );
        await manager.query(
          `INSERT INTO skill_categories (organisation_id, id, framework_version_id, key, position, name) VALUES ($1, $2, $3, 'delivery', 0, 'Delivery')`,
          [organisationId, categoryId, versionId],
        );
        await manager.query(
          `INSERT INTO skills (organisation_id, id, framework_version_id, key, position, category_id, name, levels) VALUES
             ($1, $2, $4, 'planning', 0, $5, 'Planning', $6), ($1, $3, $4, 'empty', 1, $5, 'Empty', '{}')`,
          [organisationId, skillId, emptySkillId, versionId, categoryId, JSON.stringify(v1.skills[0].levels)],
        );
        await manager.query(
          `INSERT INTO framework_drafts (organisation_id, framework_id, document, revision, updated_at) VALUES ($1, $2, $3, 4, now())`,
          [organisationId, frameworkId, JSON.stringify(v1)],
        );
      });

      const read = async () =>
        source.transaction(async (manager) => {
          await manager.query(`SELECT set_config('trellis.organisation_id', '*', true)`);
          const skills = (await manager.query(`SELECT id, levels FROM skills WHERE organisation_id = $1 ORDER BY position`, [organisationId])) as { levels: Record<string, unknown> }[];
          const [draft] = (await manager.query(`SELECT document, revision FROM framework_drafts WHERE organisation_id = $1`, [organisationId])) as { document: Record<string, unknown>; revision: number }[];
          return { skills, draft: draft! };
        });

      await source.runMigrations({ transaction: 'each' });
      const after = await read();
      expect(after.skills[0]!.levels).toEqual(
        Object.fromEntries(Object.entries(v1.skills[0].levels).map(([level, summary]) => [level, { summary, criteria: [], examples: [] }])),
      );
      expect(after.skills[1]!.levels).toEqual({});
      // The draft reads as version 2 and means exactly what it meant: the same framework.
      expect(after.draft.document.schemaVersion).toBe('2');
      expect(after.draft.revision).toBe(4);
      const validation = validateFramework(after.draft.document);
      expect(validation.ok).toBe(true);
      expect(canonicalFrameworkDocument(after.draft.document as never)).toEqual(canonicalFrameworkDocument(v1));
      expect(after.draft.document).toEqual(canonicalFrameworkDocument(v1));

      // Down: descriptors become their summaries again, the draft says version 1.
      await undoThroughV2(source);
      const reverted = await read();
      expect(reverted.skills[0]!.levels).toEqual(v1.skills[0].levels);
      expect(reverted.draft.document).toEqual(v1);
      await source.runMigrations({ transaction: 'each' });
    } finally {
      await source.destroy();
    }
  });
});
