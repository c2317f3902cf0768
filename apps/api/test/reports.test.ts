import {
  calibrationRowsFromPeople,
  currentProfile,
  fizzleState,
  mentoringRowsFromPeople,
  planHealthRowsFromPeople,
  profileLevels,
  skillRowsFromPeople,
  type Assessment,
  type CalibrationRating,
  type SnapshotRows,
} from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { ReportRefreshService } from '../src/reports/report-refresh.service.js';
import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { asSuperuser } from './support/superuser.js';

/**
 * Leadership reports through the real API on real PostgreSQL: rollups built by the refresh equal
 * the domain's figures from raw rows (also after a burst of random writes), leadership sees
 * aggregates with small groups suppressed, employees and managers are refused (a manager sees
 * only their own reports, by name), every read is audited, k is the admins' to set (never below 3).
 */

const HEATMAP = `query($input: ReportFilterInput) { skillHeatmap(input: $input) {
  meta { month k people filters }
  columns { skillId name categoryId }
  rows { teamId name isDrillRoot hasChildren assessed averageLevel shareMeeting assessedSuppressed meetingSuppressed } } }`;

interface HeatmapView {
  meta: { month: string | null; k: number; people: number; filters: boolean };
  columns: { skillId: string; name: string; categoryId: string }[];
  rows: {
    teamId: string;
    name: string;
    isDrillRoot: boolean;
    hasChildren: boolean;
    assessed: (number | null)[];
    averageLevel: (number | null)[];
    shareMeeting: (number | null)[];
    assessedSuppressed: boolean[];
    meetingSuppressed: boolean[];
  }[];
}

const sortRows = <T>(rows: readonly T[]) => [...rows].map((r) => JSON.stringify(r, Object.keys(r as object).sort())).sort();

describe('leadership reports', () => {
  let t: TestApp;
  let leader: Client;
  let admin: Client;
  let employee: Client;
  let manager: Client;
  let organisationId: string;
  let leaderId: string;
  let refresher: ReportRefreshService;

  const superuser = <T>(work: (client: pg.Client) => Promise<T>) => asSuperuser(t.adminDatabaseUrl, work);

  /** Raw rows as the domain's *RowsFromPeople take them: active people and their ratings of published skills. */
  const rawPeople = () =>
    superuser(async (db) => {
      const people = (
        await db.query(`SELECT id, team_id AS "teamId", current_role_id AS "roleId" FROM people WHERE organisation_id = $1 AND active`, [organisationId])
      ).rows as { id: string; teamId: string | null; roleId: string | null }[];
      const ratings = (
        await db.query(
          `SELECT a.person_id AS "personId", a.skill_id AS "skillId", a.level, a.source, a.assessed_by_id AS "assessedById", a.assessed_at AS "assessedAt"
           FROM assessments a JOIN skills s ON s.organisation_id = a.organisation_id AND s.id = a.skill_id
           JOIN framework_versions v ON v.organisation_id = s.organisation_id AND v.id = s.framework_version_id AND v.status = 'published'
           WHERE a.organisation_id = $1`,
          [organisationId],
        )
      ).rows as { personId: string; skillId: string; level: number; source: 'self' | 'manager'; assessedById: string; assessedAt: Date }[];
      const plans = (
        await db.query(
          `SELECT DISTINCT ON (person_id) person_id AS "personId", status, to_char(review_due_on, 'YYYY-MM-DD') AS "reviewDueOn", last_activity_at AS "lastActivityAt", time_zone AS "timeZone"
           FROM plans WHERE organisation_id = $1 ORDER BY person_id, (status NOT IN ('completed', 'abandoned')) DESC, created_at DESC`,
          [organisationId],
        )
      ).rows as { personId: string; status: string; reviewDueOn: string | null; lastActivityAt: Date; timeZone: string }[];
      // Mentor ratings name skills by key: the published skill with that key.
      const mentorRatings = (
        await db.query(
          `SELECT m.mentee_id AS "personId", s.id AS "skillId", ma.level, 'mentor' AS source, m.mentor_id AS "assessedById", ma.assessed_at AS "assessedAt"
           FROM mentor_assessments ma JOIN mentorships m ON m.organisation_id = ma.organisation_id AND m.id = ma.mentorship_id
           JOIN skills s ON s.organisation_id = ma.organisation_id AND s.key = ma.skill_key
           JOIN framework_versions v ON v.organisation_id = s.organisation_id AND v.id = s.framework_version_id AND v.status = 'published'
           WHERE ma.organisation_id = $1`,
          [organisationId],
        )
      ).rows as { personId: string; skillId: string; level: number; source: 'mentor'; assessedById: string; assessedAt: Date }[];
      const mentorships = (
        await db.query(
          `SELECT m.mentee_id AS "menteeId", m.status, m.active_since AS "activeSince",
             (SELECT coalesce(array_agg(to_char(s.held_on, 'YYYY-MM-DD')), '{}') FROM mentoring_sessions s WHERE s.organisation_id = m.organisation_id AND s.mentorship_id = m.id) AS sessions
           FROM mentorships m WHERE m.organisation_id = $1 AND m.status IN ('requested', 'active')`,
          [organisationId],
        )
      ).rows as { menteeId: string; status: 'requested' | 'active'; activeSince: Date | null; sessions: string[] }[];
      const [settings] = (await db.query(`SELECT fizzle_weeks AS weeks FROM mentoring_settings WHERE organisation_id = $1`, [organisationId])).rows as { weeks: number }[];
      return { people, ratings: [...ratings, ...mentorRatings], plans, mentorships, fizzleWeeks: settings?.weeks };
    });

  const storedRows = (snapshot = 'current') =>
    superuser(async (db) => {
      const { rows } = await db.query(`SELECT rows, packed_rows FROM report_snapshots WHERE organisation_id = $1 AND snapshot = $2`, [organisationId, snapshot]);
      const row = rows[0] as { rows: SnapshotRows | null; packed_rows: Buffer | null };
      return row.packed_rows ? (JSON.parse(gunzipSync(row.packed_rows).toString('utf8')) as SnapshotRows) : row.rows!;
    });

  /**
   * Each person's latest self and manager rating per skill as the triggers keep them (`assessment_current`) equals the
   * domain's `currentProfile` of all their ratings, and its counting level the domain's `profileLevels`.
   */
  const expectCurrentRatingsMatchDomain = async () => {
    const { kept, all } = await superuser(async (db) => ({
      kept: (
        await db.query(
          `SELECT person_id AS "personId", skill_id AS "skillId", self_level AS "selfLevel", self_at AS "selfAt", manager_level AS "managerLevel",
             manager_at AS "managerAt", manager_assessor_id AS "managerAssessorId" FROM assessment_current WHERE organisation_id = $1`,
          [organisationId],
        )
      ).rows as { personId: string; skillId: string; selfLevel: number | null; selfAt: Date | null; managerLevel: number | null; managerAt: Date | null; managerAssessorId: string | null }[],
      all: (
        await db.query(
          `SELECT person_id AS "personId", skill_id AS "skillId", level, source, assessed_by_id AS "assessedById", assessed_at AS "assessedAt" FROM assessments WHERE organisation_id = $1`,
          [organisationId],
        )
      ).rows as { personId: string; skillId: string; level: number; source: 'self' | 'manager'; assessedById: string; assessedAt: Date }[],
    }));
    const expected: typeof kept = [];
    const keptLevels: Record<string, Record<string, number>> = {};
    for (const personId of new Set(all.map((r) => r.personId))) {
      const ratings = all.filter((r) => r.personId === personId);
      const assessments = ratings.map((r): Assessment => ({ skillKey: r.skillId, level: r.level, source: r.source, assessedAt: new Date(r.assessedAt) }));
      for (const entry of currentProfile(assessments).values()) {
        const assessor = ratings.find((r) => r.source === 'manager' && r.skillId === entry.skillKey && entry.manager && r.level === entry.manager.level && new Date(r.assessedAt).getTime() === entry.manager.assessedAt.getTime());
        expected.push({
          personId,
          skillId: entry.skillKey,
          selfLevel: entry.self?.level ?? null,
          selfAt: entry.self?.assessedAt ?? null,
          managerLevel: entry.manager?.level ?? null,
          managerAt: entry.manager?.assessedAt ?? null,
          managerAssessorId: assessor?.assessedById ?? null,
        });
      }
      keptLevels[personId] = profileLevels(assessments);
    }
    expect(sortRows(kept.map((row) => ({ ...row, selfAt: row.selfAt && new Date(row.selfAt).toISOString(), managerAt: row.managerAt && new Date(row.managerAt).toISOString() })))).toEqual(
      sortRows(expected.map((row) => ({ ...row, selfAt: row.selfAt?.toISOString() ?? null, managerAt: row.managerAt?.toISOString() ?? null }))),
    );
    // The counting level the rollup reads off a kept row (the later rating, the manager's on a tie) is the domain's.
    for (const row of kept) {
      const counting = row.managerAt === null || (row.selfAt !== null && new Date(row.selfAt) > new Date(row.managerAt)) ? row.selfLevel : row.managerLevel;
      expect(counting).toBe(keptLevels[row.personId]![row.skillId]);
    }
  };

  const expectRollupsMatchRawRows = async () => {
    const { people, ratings, plans, mentorships, fizzleWeeks } = await rawPeople();
    const asAssessment = (r: (typeof ratings)[number]): Assessment => ({ skillKey: r.skillId, level: r.level, source: r.source as 'self' | 'manager', assessedAt: new Date(r.assessedAt) });
    const expected = skillRowsFromPeople(
      people.map((p) => ({ ...p, assessments: ratings.filter((r) => r.personId === p.id && r.source !== 'mentor').map(asAssessment) })),
    );
    const calibration = calibrationRowsFromPeople(
      people.map((p) => ({
        id: p.id,
        teamId: p.teamId,
        ratings: ratings
          .filter((r) => r.personId === p.id)
          .map((r): CalibrationRating => ({ skillId: r.skillId, level: r.level, source: r.source, assessorId: r.source === 'self' ? null : r.assessedById, assessedAt: new Date(r.assessedAt) })),
      })),
    );
    const stored = await storedRows();
    expect(sortRows(stored.headcounts)).toEqual(sortRows(expected.headcounts));
    expect(sortRows(stored.skillLevels)).toEqual(sortRows(expected.skillLevels));
    expect(sortRows(stored.calibration)).toEqual(sortRows(calibration));
    const health = planHealthRowsFromPeople(
      people.map((p) => {
        const plan = plans.find((x) => x.personId === p.id);
        return {
          teamId: p.teamId,
          roleId: p.roleId,
          plan: plan ? { status: plan.status as never, reviewDueOn: plan.reviewDueOn, lastActivityAt: new Date(plan.lastActivityAt), timeZone: plan.timeZone } : null,
        };
      }),
      new Date(),
    );
    expect(sortRows(stored.planHealth)).toEqual(sortRows(health));
    // Mentoring coverage, recomputed from the raw relationships (as they stand now).
    const now = new Date();
    const mentoring = mentoringRowsFromPeople(
      people.map((p) => {
        const plan = plans.find((x) => x.personId === p.id);
        return {
          teamId: p.teamId,
          roleId: p.roleId,
          hasOpenPlan: !!plan && !['completed', 'abandoned'].includes(plan.status),
          mentorships: mentorships
            .filter((m) => m.menteeId === p.id)
            .map((m) => ({
              status: m.status,
              fizzling:
                m.status === 'active' &&
                fizzleState({ status: 'active', activeSince: new Date(m.activeSince!), sessionDates: m.sessions, now, timeZone: plan?.timeZone ?? 'UTC', weeks: fizzleWeeks }).fizzling,
            })),
        };
      }),
    );
    expect(sortRows(stored.mentoring ?? [])).toEqual(sortRows(mentoring));
    return { people, ratings };
  };

  beforeAll(async () => {
    t = await startTestApp();
    [leader, admin, employee, manager] = await Promise.all([t.signIn(DEMO.leadership), t.signIn(DEMO.admin), t.signIn(DEMO.employee), t.signIn(DEMO.manager)]);
    const me = await leader.graphql<{ viewer: { person: { id: string } } }>('{ viewer { person { id } } }');
    leaderId = me.data!.viewer.person.id;
    refresher = t.app.get(ReportRefreshService);
    // A bigger organisation than the demo's twelve: 60 more people in the demo's teams and two new
    // sub-teams (one of 3 people: below k), each rated by themselves and their manager on a few skills.
    await superuser(async (db) => {
      const [{ organisation_id: org }] = (await db.query(`SELECT organisation_id FROM people WHERE email = $1`, [DEMO.leadership])).rows;
      organisationId = org;
      const teams = (await db.query(`SELECT id, name FROM teams WHERE organisation_id = $1`, [org])).rows as { id: string; name: string }[];
      const projects = teams.find((team) => team.name === 'Projects')!;
      const small = randomUUID();
      const big = randomUUID();
      await db.query(`INSERT INTO teams (organisation_id, id, parent_id, name) VALUES ($1, $2, $3, 'Small squad'), ($1, $4, $3, 'Big squad')`, [org, small, projects.id, big]);
      const roles = (
        await db.query(
          `SELECT r.id FROM roles r JOIN framework_versions v ON v.organisation_id = r.organisation_id AND v.id = r.framework_version_id
           WHERE r.organisation_id = $1 AND v.status = 'published' ORDER BY r.key LIMIT 4`,
          [org],
        )
      ).rows.map((row: { id: string }) => row.id);
      const skills = (
        await db.query(
          `SELECT s.id FROM skills s JOIN framework_versions v ON v.organisation_id = s.organisation_id AND v.id = s.framework_version_id
           WHERE s.organisation_id = $1 AND v.status = 'published' ORDER BY s.key LIMIT 6`,
          [org],
        )
      ).rows.map((row: { id: string }) => row.id);
      const placements = [
        ...Array.from({ length: 3 }, () => small),
        ...Array.from({ length: 25 }, () => big),
        ...Array.from({ length: 32 }, (_, i) => teams[i % teams.length]!.id),
      ];
      let seed = 7;
      const random = () => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return seed / 2_147_483_648;
      };
      for (const [i, teamId] of placements.entries()) {
        const id = randomUUID();
        await db.query(
          `INSERT INTO people (organisation_id, id, email, name, team_id, manager_id, current_role_id, access_role) VALUES ($1, $2, $3, $4, $5, $6, $7, 'employee')`,
          [org, id, `generated${i}@demo.example`, `Generated ${i}`, teamId, leaderId, roles[i % roles.length]],
        );
        for (const skill of skills) {
          if (random() < 0.2) continue;
          const day = Date.UTC(2026, 0, 1) + Math.floor(random() * 300) * 86_400_000;
          await db.query(
            `INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at)
             VALUES ($1, $2, $3, $4, $5, 'self', $3, $6), ($1, $7, $3, $4, $8, 'manager', $9, $10)`,
            [org, randomUUID(), id, skill, 1 + Math.floor(random() * 5), new Date(day), randomUUID(), 1 + Math.floor(random() * 5), leaderId, new Date(day + Math.floor(random() * 3) * 86_400_000)],
          );
        }
      }
    });
    const result = await refresher.refresh(organisationId, { force: true });
    expect(result.ran).toBe(true);
    expect(result.written).toContain('current');
  }, 120_000);

  afterAll(() => t?.close());

  it('builds the current snapshot and the last 12 month ends, and rebuilds nothing while nothing changed', async () => {
    const snapshots = await superuser(async (db) => (await db.query(`SELECT snapshot FROM report_snapshots WHERE organisation_id = $1`, [organisationId])).rows);
    expect(snapshots).toHaveLength(13);
    expect((await refresher.refresh(organisationId)).written).toEqual([]);
  });

  it('keeps rollups equal to the figures the domain computes from the raw rows', async () => {
    const { people } = await expectRollupsMatchRawRows();
    expect(people.length).toBeGreaterThan(70);
    await expectCurrentRatingsMatchDomain();
  });

  it('still matches after a burst of random writes and a refresh (the stamp sees them)', async () => {
    await superuser(async (db) => {
      const people = (await db.query(`SELECT id FROM people WHERE organisation_id = $1 AND email LIKE 'generated%' ORDER BY email`, [organisationId])).rows as { id: string }[];
      const skills = (await db.query(`SELECT DISTINCT skill_id FROM assessments WHERE organisation_id = $1`, [organisationId])).rows as { skill_id: string }[];
      for (let i = 0; i < 40; i++) {
        const person = people[(i * 7) % people.length]!;
        const skill = skills[(i * 3) % skills.length]!;
        await db.query(
          `INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
          [organisationId, randomUUID(), person.id, skill.skill_id, 1 + (i % 5), i % 2 ? 'self' : 'manager', i % 2 ? person.id : leaderId],
        );
      }
      // A framework version re-points ratings to another skill (an update), and a rating goes (a delete): the kept
      // latest ratings of the keys they touch are worked out again.
      await db.query(`UPDATE assessments SET skill_id = $3 WHERE organisation_id = $1 AND person_id = $2 AND skill_id = $4`, [
        organisationId,
        people[3]!.id,
        skills[0]!.skill_id,
        skills[1]!.skill_id,
      ]);
      await db.query(
        `DELETE FROM assessments WHERE organisation_id = $1 AND id = (SELECT id FROM assessments WHERE organisation_id = $1 AND person_id = $2 ORDER BY assessed_at DESC LIMIT 1)`,
        [organisationId, people[4]!.id],
      );
      // Someone moves team, someone leaves.
      await db.query(`UPDATE people SET team_id = NULL, version = version + 1 WHERE organisation_id = $1 AND id = $2`, [organisationId, people[1]!.id]);
      await db.query(`UPDATE people SET active = false, version = version + 1 WHERE organisation_id = $1 AND id = $2`, [organisationId, people[2]!.id]);
    });
    expect((await refresher.refresh(organisationId)).written).toEqual(['current']);
    await expectRollupsMatchRawRows();
    await expectCurrentRatingsMatchDomain();
  });

  it('shows leadership the heatmap with groups under k suppressed, and drills into a team', async () => {
    const top = await leader.graphql<{ skillHeatmap: HeatmapView }>(HEATMAP, {});
    expectNoErrors(top);
    const map = top.data!.skillHeatmap;
    expect(map.meta.k).toBe(5);
    expect(map.rows[0]!.teamId).toBe('*');
    for (const row of map.rows) {
      row.assessed.forEach((value, i) => {
        if (row.assessedSuppressed[i]) expect(value).toBeNull();
        else expect(value === 0 || (value !== null && value >= 5)).toBe(true);
      });
    }
    // The organisation's figure for a skill is the raw count of people with a counting rating.
    const { people, ratings } = await rawPeople();
    const active = new Set(people.map((p) => p.id));
    const column = map.columns.findIndex((c) => ratings.some((r) => r.skillId === c.skillId));
    const rated = new Set(ratings.filter((r) => r.skillId === map.columns[column]!.skillId && active.has(r.personId) && r.level >= 1).map((r) => r.personId));
    expect(map.rows[0]!.assessed[column]).toBe(rated.size);

    const teams = await superuser(async (db) => (await db.query(`SELECT id, name FROM teams WHERE organisation_id = $1`, [organisationId])).rows as { id: string; name: string }[]);
    const projects = teams.find((team) => team.name === 'Projects')!;
    const drill = await leader.graphql<{ skillHeatmap: HeatmapView }>(HEATMAP, { input: { teamId: projects.id } });
    expectNoErrors(drill);
    const rows = drill.data!.skillHeatmap.rows;
    expect(rows[0]).toMatchObject({ teamId: projects.id, isDrillRoot: true });
    const small = rows.find((row) => row.name === 'Small squad')!;
    // Three people: every figure about them is hidden (a count of nobody, 0, may show).
    expect(small.assessedSuppressed.some(Boolean)).toBe(true);
    small.assessed.forEach((value, i) => expect(small.assessedSuppressed[i] ? value : 0).toBe(small.assessedSuppressed[i] ? null : value));
    expect(small.averageLevel.every((value) => value === null)).toBe(true);
    const big = rows.find((row) => row.name === 'Big squad')!;
    expect(big.assessedSuppressed.some((hidden) => !hidden)).toBe(true);
  });

  it('answers gaps, succession, calibration and participation, and CSVs with "<k" for suppressed figures', async () => {
    const reports = await leader.graphql<Record<string, { meta: { k: number } }>>(
      `{ skillGaps { meta { k } byTeam { teamName gaps { skillName shareShort { value suppressed } } } coverage { teamName suppressed risks { skillName holders } } requiredVsActual { skillName level required actual } }
         successionReport { meta { k } cells { teamName targetRoleTitle candidates { value suppressed } now { value } } }
         calibrationReport { meta { k } bySkill { skillName pairs { value suppressed } meanDifference { value } } assessors { assessorName people { value suppressed } flag } }
         participationReport { meta { k } rows { teamName people { value suppressed } withPlan { value suppressed } } training { title } } }`,
    );
    expectNoErrors(reports);
    const calibration = reports.data!.calibrationReport as unknown as { assessors: { assessorName: string; people: { value: number | null } }[] };
    expect(calibration.assessors.find((a) => a.assessorName === 'Farid Haddad')!.people.value).toBeGreaterThanOrEqual(5);
    const csv = await leader.graphql<{ reportCsv: string }>(`query($input: ReportFilterInput) { reportCsv(kind: HEATMAP, input: $input) }`, {
      input: { teamId: (await superuser(async (db) => (await db.query(`SELECT id FROM teams WHERE organisation_id = $1 AND name = 'Projects'`, [organisationId])).rows[0].id)) as string },
    });
    expectNoErrors(csv);
    expect(csv.data!.reportCsv).toContain('Small squad');
    expect(csv.data!.reportCsv).toContain('<5');
    for (const kind of ['GAPS', 'COVERAGE', 'SUCCESSION', 'CALIBRATION', 'PARTICIPATION', 'TRAINING']) {
      const each = await admin.graphql<{ reportCsv: string }>(`{ reportCsv(kind: ${kind}) }`);
      expectNoErrors(each);
      expect(each.data!.reportCsv.length).toBeGreaterThan(0);
    }
  });

  it('reads a month end, and refuses a month it does not keep', async () => {
    const months = await leader.graphql<{ reportOverview: { months: string[]; meta: { month: string | null } } }>('{ reportOverview { months meta { month } } }');
    expectNoErrors(months);
    expect(months.data!.reportOverview.months).toHaveLength(12);
    const month = months.data!.reportOverview.months[0]!;
    const old = await leader.graphql<{ skillHeatmap: HeatmapView }>(HEATMAP, { input: { month } });
    expectNoErrors(old);
    expect(old.data!.skillHeatmap.meta.month).toBe(month);
    expect(fieldErrors(await leader.graphql(HEATMAP, { input: { month: '1999-01' } }))).toHaveProperty('month');
    expect(fieldErrors(await leader.graphql(HEATMAP, { input: { month: 'soon' } }))).toHaveProperty('month');
    expect(fieldErrors(await leader.graphql(HEATMAP, { input: { teamId: randomUUID() } }))).toHaveProperty('teamId');
  });

  it('draws the trend from each snapshot: the month ends oldest first, then now, each as its reports say', async () => {
    type F = { value: number | null; suppressed: string | null };
    const trend = await leader.graphql<{ reportTrend: { k: number; points: { month: string | null; withPlan: F; agreed: F; overdue: F; shareMeeting: F }[] } }>(
      '{ reportTrend { k points { month withPlan { value suppressed } agreed { value suppressed } overdue { value suppressed } shareMeeting { value suppressed } } } }',
    );
    expectNoErrors(trend);
    const points = trend.data!.reportTrend.points;
    const months = points.slice(0, -1).map((p) => p.month!);
    expect(points[points.length - 1]!.month).toBeNull();
    expect(months).toEqual([...months].sort());
    expect(months.length).toBe(12);
    // Each point is its snapshot's organisation row.
    for (const point of [points[0]!, points[points.length - 1]!]) {
      const participation = await leader.graphql<{ participationReport: { rows: { withPlan: F; agreed: F; overdue: F }[] } }>(
        'query($input: ReportFilterInput) { participationReport(input: $input) { rows { withPlan { value suppressed } agreed { value suppressed } overdue { value suppressed } } } }',
        { input: { month: point.month } },
      );
      expectNoErrors(participation);
      const org = participation.data!.participationReport.rows[0]!;
      expect({ withPlan: point.withPlan, agreed: point.agreed, overdue: point.overdue }).toEqual(org);
    }
    expect(points[points.length - 1]!.shareMeeting.value).toBeGreaterThan(0);
    const csv = await leader.graphql<{ reportCsv: string }>('{ reportCsv(kind: TREND) }');
    expectNoErrors(csv);
    expect(csv.data!.reportCsv.split('\n')[0]).toMatch(/^Month,Share meeting their role/);
  });

  it('refuses organisation-wide figures to employees and managers; a manager sees only their own reports, by name', async () => {
    for (const client of [employee, manager]) {
      for (const query of ['{ skillHeatmap { meta { k } } }', '{ reportOverview { months } }', '{ reportCsv(kind: HEATMAP) }', '{ successionReport { meta { k } } }']) {
        expect(theError(await client.graphql(query)).code).toBe('FORBIDDEN');
      }
    }
    // Hugo reports to Grace; Dan does not. Both start plans.
    const roleId = await superuser(
      async (db) =>
        (
          await db.query(
            `SELECT r.id FROM roles r JOIN framework_versions v ON v.organisation_id = r.organisation_id AND v.id = r.framework_version_id
             WHERE r.organisation_id = $1 AND v.status = 'published' AND r.key = 'senior-project-manager'`,
            [organisationId],
          )
        ).rows[0].id as string,
    );
    for (const client of [await t.signIn('hugo.silva@demo.example'), employee]) {
      const existing = await client.graphql<{ myPlan: { status: string } | null }>('{ myPlan { status } }');
      if (existing.data?.myPlan && !['completed', 'abandoned'].includes(existing.data.myPlan.status)) continue;
      expectNoErrors(await client.graphql('mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id } }', { input: { targetRoleId: roleId } }));
    }
    const mine = await manager.graphql<{ myReportsReadiness: { name: string }[] }>('{ myReportsReadiness { name bucket targetRoleTitle } }');
    expectNoErrors(mine);
    const reportsOfGrace = await superuser(
      async (db) =>
        (await db.query(`SELECT p.name FROM people p JOIN people m ON m.organisation_id = p.organisation_id AND m.id = p.manager_id WHERE m.email = $1`, [DEMO.manager])).rows as {
          name: string;
        }[],
    );
    const names = mine.data!.myReportsReadiness.map((row) => row.name);
    expect(names).toContain('Hugo Silva');
    expect(names).not.toContain('Dan Kowalski');
    for (const name of names) expect(reportsOfGrace.map((r) => r.name)).toContain(name);
    const audited = await superuser(
      async (db) => (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'readiness.read' AND summary LIKE 'Read Hugo Silva%(reports)'`)).rows[0].n as number,
    );
    expect(audited).toBeGreaterThan(0);
  });

  it('audits every report read', async () => {
    const before = await superuser(async (db) => (await db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'reports.read' AND actor_person_id = $1`, [leaderId])).rows[0].n as number);
    expectNoErrors(await leader.graphql('{ participationReport { meta { k } } }'));
    const events = await superuser(
      async (db) =>
        (await db.query(`SELECT summary, details FROM audit_events WHERE action = 'reports.read' AND actor_person_id = $1 ORDER BY at DESC`, [leaderId])).rows as {
          summary: string;
          details: { report: string };
        }[],
    );
    expect(events.length).toBe(before + 1);
    expect(events[0]!.details.report).toBe('participation');
  });

  it('lets admins set k (never below 3, stale edits refused) and rebuilds suppression with it', async () => {
    expect(theError(await leader.graphql('{ reportSettings { k } }')).code).toBe('FORBIDDEN');
    const settings = await admin.graphql<{ reportSettings: { k: number; version: number } }>('{ reportSettings { k version } }');
    expect(settings.data!.reportSettings).toEqual({ k: 5, version: 0 });
    const update = `mutation($input: ReportSettingsInput!) { updateReportSettings(input: $input) { k version } }`;
    expect(fieldErrors(await admin.graphql(update, { input: { k: 2, expectedVersion: 0 } }))).toHaveProperty('k');
    const set = await admin.graphql<{ updateReportSettings: { k: number; version: number } }>(update, { input: { k: 30, expectedVersion: 0 } });
    expectNoErrors(set);
    expect(set.data!.updateReportSettings).toEqual({ k: 30, version: 1 });
    expect(theError(await admin.graphql(update, { input: { k: 6, expectedVersion: 0 } })).code).toBe('CONFLICT');
    // A month end stored before rows were packed (jsonb) is rebuilt from those rows, and packed.
    const [{ snapshot: month }] = await superuser(async (db) =>
      (await db.query(`SELECT snapshot FROM report_snapshots WHERE organisation_id = $1 AND snapshot <> 'current' ORDER BY snapshot LIMIT 1`, [organisationId])).rows,
    );
    const monthRows = await storedRows(month);
    await superuser((db) =>
      db.query(`UPDATE report_snapshots SET rows = $3::jsonb, packed_rows = NULL WHERE organisation_id = $1 AND snapshot = $2`, [organisationId, month, JSON.stringify(monthRows)]),
    );
    const refreshed = await admin.graphql<{ refreshReports: { ran: boolean; written: string[] } }>('mutation { refreshReports { ran written } }');
    expectNoErrors(refreshed);
    expect(refreshed.data!.refreshReports.written).toHaveLength(13);
    const [legacy] = await superuser(async (db) =>
      (await db.query(`SELECT rows IS NULL AS "noJsonb", packed_rows IS NOT NULL AS packed FROM report_snapshots WHERE organisation_id = $1 AND snapshot = $2`, [organisationId, month])).rows,
    );
    expect(legacy).toEqual({ noJsonb: true, packed: true });
    expect(await storedRows(month)).toEqual(monthRows);
    const map = await leader.graphql<{ skillHeatmap: HeatmapView }>(HEATMAP, {});
    expect(map.data!.skillHeatmap.meta.k).toBe(30);
    for (const row of map.data!.skillHeatmap.rows) {
      row.assessed.forEach((value, i) => {
        if (!row.assessedSuppressed[i]) expect(value === 0 || (value !== null && value >= 30)).toBe(true);
      });
    }
  });

  it('lets one process refresh an organisation at a time', async () => {
    await superuser((db) => db.query(`UPDATE report_snapshots SET stamp = 'stale' WHERE organisation_id = $1 AND snapshot = 'current'`, [organisationId]));
    const results = await Promise.all([refresher.refresh(organisationId), refresher.refresh(organisationId)]);
    expect(results.filter((r) => r.written.includes('current')).length).toBeLessThanOrEqual(2);
    expect(results.some((r) => r.ran)).toBe(true);
  });
});
