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
      ['mentoring.skillKeys', "mentor profiles' offered skills and mentorships' focus skills"],
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
    expect(reports.slice(1).map(({ moved, cleared }) => moved + cleared)).toEqual([0, 0, 0, 0]);
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

  it("carries mentor profiles' and mentorships' skill keys across renamed, merged and removed skills", async () => {
    const { rows: [v1] } = await db.query<{ id: string; organisation_id: string; framework_id: string; number: number }>(
      `SELECT id, organisation_id, framework_id, number FROM framework_versions WHERE status = 'published' ORDER BY number DESC LIMIT 1`,
    );
    const org = v1!.organisation_id;
    const oldSkills = (await db.query<{ key: string; id: string }>('SELECT key, id FROM skills WHERE framework_version_id = $1 ORDER BY position', [v1!.id])).rows;
    const [a, b, c, d] = oldSkills.map((skill) => skill.key) as [string, string, string, string];
    const { rows: people } = await db.query<{ email: string; id: string }>(`SELECT email, id FROM people WHERE email = ANY($1)`, [['grace.liu@demo.example', 'dan.kowalski@demo.example']]);
    const id = (email: string) => people.find((p) => p.email === email)!.id;
    await db.query(
      `INSERT INTO mentor_profiles (organisation_id, id, person_id, capacity, offered_skill_keys, meeting, accepts_other_teams, paused, about, version, updated_at)
       VALUES ($1, gen_random_uuid(), $2, 2, $3, '{"modes":[],"frequency":null,"note":""}', true, false, '', 1, now())`,
      [org, id('grace.liu@demo.example'), [b, a, c, d]],
    );
    const mentorship = (status: string, keys: string[]) =>
      db.query<{ id: string }>(
        `INSERT INTO mentorships (organisation_id, id, mentee_id, mentor_id, status, focus_skill_keys, message, requested_at, ended_at, end_reason)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, '', now(), CASE WHEN $4 = 'ended' THEN now() END, CASE WHEN $4 = 'ended' THEN 'goals-met' END) RETURNING id`,
        [org, id('dan.kowalski@demo.example'), id('grace.liu@demo.example'), status, keys],
      );
    const open = (await mentorship('active', [c, b, d])).rows[0]!.id;
    const ended = (await mentorship('ended', [c, a])).rows[0]!.id;

    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const frameworks = t.app.get(FrameworksService);
    const reports = await tenantTransaction(dataSource, org, async (manager) => {
      const v2 = await frameworks.insertVersion(manager, { organisationId: org, frameworkId: v1!.framework_id, number: v1!.number + 1, status: 'published', publishedByPersonId: null, document: pmoFramework });
      // a is renamed; b is merged into it; c is removed; d stays as it is.
      await manager.query(`UPDATE skills SET key = 'renamed-skill' WHERE framework_version_id = $1 AND key = $2`, [v2.id, a]);
      const newSkills = new Map(((await manager.query('SELECT key, id FROM skills WHERE framework_version_id = $1', [v2.id])) as { key: string; id: string }[]).map((s) => [s.key, s.id]));
      const successor = (key: string) => (key === a || key === b ? newSkills.get('renamed-skill')! : key === c ? null : newSkills.get(key)!);
      const move: VersionMove = {
        organisationId: org,
        frameworkId: v1!.framework_id,
        fromVersionId: v1!.id,
        toVersionId: v2.id,
        roles: new Map(),
        skills: new Map(oldSkills.map((skill) => [skill.id, successor(skill.key)])),
      };
      return t.app.get(VersionFollowers).followAll(manager, move);
    });
    expect(reports.find((r) => r.name === 'mentoring.skillKeys')).toMatchObject({ moved: 3, cleared: 2 });
    const { rows: [profile] } = await db.query<{ offered_skill_keys: string[]; version: number }>('SELECT offered_skill_keys, version FROM mentor_profiles WHERE person_id = $1', [id('grace.liu@demo.example')]);
    expect(profile).toEqual({ offered_skill_keys: ['renamed-skill', d], version: 2 });
    const keysOf = async (mentorshipId: string) => (await db.query<{ focus_skill_keys: string[] }>('SELECT focus_skill_keys FROM mentorships WHERE id = $1', [mentorshipId])).rows[0]!.focus_skill_keys;
    expect(await keysOf(open)).toEqual(['renamed-skill', d]);
    // The ended one keeps the removed skill (its history) and follows the rename.
    expect(await keysOf(ended)).toEqual([c, 'renamed-skill']);
  });
});
