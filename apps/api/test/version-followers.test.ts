import { getDataSourceToken } from '@nestjs/typeorm';
import { pmoFramework } from '@trellis/domain';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { tenantTransaction } from '../src/database/tenant-database.js';
import { FrameworksService } from '../src/frameworks/frameworks.service.js';
import { VersionFollowers, type VersionMove } from '../src/frameworks/version-migration/version-followers.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The follower mechanism on its own: a second version is written and every registered follower
 * carries what points at the first across. (Publishing a draft, which does this for real, is
 * tested in framework-versions.test.ts.)
 */
describe('version followers', () => {
  let t: TestApp;
  let db: pg.Client;

  beforeAll(async () => {
    t = await startTestApp();
    db = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await t.close();
  });

  async function rolesOf(versionId: string): Promise<Map<string, string>> {
    const { rows } = await db.query<{ key: string; id: string }>('SELECT key, id FROM roles WHERE framework_version_id = $1', [versionId]);
    return new Map(rows.map((row) => [row.key, row.id]));
  }

  async function peopleRoles(): Promise<Record<string, { role: string | null; version: number }>> {
    const { rows } = await db.query<{ email: string; key: string | null; version: number }>(
      `SELECT p.email, r.key, p.version FROM people p LEFT JOIN roles r ON r.organisation_id = p.organisation_id AND r.id = p.current_role_id`,
    );
    return Object.fromEntries(rows.map((row) => [row.email, { role: row.key, version: row.version }]));
  }

  it("registers people's current roles first, then assessments, plan actions and plans (which re-baseline on moved assessments)", () => {
    expect(t.app.get(VersionFollowers).list().map((follower) => [follower.name, follower.describe])).toEqual([
      ['people.currentRole', "people's current roles"],
      ['assessments.skill', 'skill assessments'],
      ['planActions.skills', 'plan actions (skills and qualifications)'],
      ['plans.targetRole', "development plans' target roles"],
    ]);
  });

  it('refuses a second follower with the same name', () => {
    const followers = t.app.get(VersionFollowers);
    expect(() => followers.register({ name: 'people.currentRole', describe: 'again', follow: async () => ({ moved: 0, cleared: 0 }) })).toThrow(
      /already registered/,
    );
  });

  it('moves people to the successor of their role in one statement, clears removed roles, and bumps their version', async () => {
    const { rows: [v1] } = await db.query<{ id: string; organisation_id: string; framework_id: string }>(
      `SELECT v.id, v.organisation_id, v.framework_id FROM framework_versions v JOIN organisations o ON o.id = v.organisation_id
       WHERE v.status = 'published' LIMIT 1`,
    );
    const before = await peopleRoles();
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const frameworks = t.app.get(FrameworksService);
    const followers = t.app.get(VersionFollowers);
    const reports = await tenantTransaction(dataSource, v1!.organisation_id, async (manager) => {
      const v2 = await frameworks.insertVersion(manager, {
        organisationId: v1!.organisation_id,
        frameworkId: v1!.framework_id,
        number: 2,
        status: 'published',
        publishedByPersonId: null,
        document: pmoFramework,
      });
      const oldRoles = await rolesOf(v1!.id);
      const newRows = await manager.query<{ key: string; id: string }[]>('SELECT key, id FROM roles WHERE framework_version_id = $1', [v2.id]);
      const newRoles = new Map(newRows.map((row) => [row.key, row.id]));
      const successor = (key: string) => {
        if (key === 'pmo-manager') return newRoles.get('head-of-pmo')!; // merged
        if (key === 'business-analyst') return null; // removed
        return newRoles.get(key)!;
      };
      const move: VersionMove = {
        organisationId: v1!.organisation_id,
        frameworkId: v1!.framework_id,
        fromVersionId: v1!.id,
        toVersionId: v2.id,
        roles: new Map([...oldRoles].map(([key, id]) => [id, successor(key)])),
        skills: new Map(),
      };
      t.sql.count = 0;
      const result = await followers.followAll(manager, move);
      // Set-based whatever the number of people: people 1; no skill moves, so assessments and action
      // links 0; plan actions' qualifications 1; plans 3 (the version's number, the move, the stranded).
      expect(t.sql.count).toBe(5);
      return result;
    });
    const after = await peopleRoles();
    const people = Object.keys(before);
    expect(reports[0]).toEqual({ name: 'people.currentRole', describe: "people's current roles", moved: people.length - 1, cleared: 1 });
    expect(reports.slice(1).map(({ moved, cleared }) => moved + cleared)).toEqual([0, 0, 0]);
    expect(after['ben.okafor@demo.example']).toEqual({ role: 'head-of-pmo', version: before['ben.okafor@demo.example']!.version + 1 });
    expect(after['kemi.adeyemi@demo.example']).toEqual({ role: null, version: before['kemi.adeyemi@demo.example']!.version + 1 });
    expect(after['dan.kowalski@demo.example']!.role).toBe('pmo-analyst');
    // Everyone with a role now points at the new version.
    const { rows: [stale] } = await db.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM people p JOIN roles r ON r.organisation_id = p.organisation_id AND r.id = p.current_role_id WHERE r.framework_version_id = $1',
      [v1!.id],
    );
    expect(stale!.count).toBe(0);
  });
});
