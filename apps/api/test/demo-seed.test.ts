import { Seeder } from '../src/seed/seeder.js';
import { expectNoErrors } from './support/errors.js';
import { DEMO, startTestApp, type TestApp } from './support/test-app.js';
import { superuserQuery } from './support/superuser.js';

/**
 * The living demo organisation (issue 9, point 10): on the first start it has ratings with history
 * and evidence (self and manager), plans in every state built with the focused rules, check-ins over
 * months and overdue reviews; seeding again changes nothing.
 */
describe('the demo organisation’s activity', () => {
  let t: TestApp;
  const superuser = (text: string, values: unknown[] = []) => superuserQuery(t.adminDatabaseUrl, text, values);
  const counts = async () =>
    (await superuser(`SELECT (SELECT count(*) FROM assessments)::int AS assessments, (SELECT count(*) FROM plans)::int AS plans,
       (SELECT count(*) FROM plan_actions)::int AS actions, (SELECT count(*) FROM check_ins)::int AS "checkIns", (SELECT count(*) FROM notifications)::int AS notifications`))[0];

  beforeAll(async () => {
    t = await startTestApp({ environment: { TRELLIS_DEMO_ACTIVITY: 'true', TRELLIS_DEMO_CROWD: 'true' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('has plans in every state, focused (at most 5 focus skills and 10 actions each), with check-ins over months', async () => {
    const states = (await superuser(`SELECT status, count(*)::int AS n FROM plans GROUP BY status ORDER BY status`)).map((r) => r.status);
    expect(states).toEqual(['abandoned', 'active', 'agreed', 'completed', 'draft', 'proposed']);
    const focus = await superuser(`SELECT jsonb_array_length(proposal->'focus') AS n FROM plan_revisions`);
    expect(focus.every((r) => (r.n as number) >= 1 && (r.n as number) <= 5)).toBe(true);
    const actions = await superuser(`SELECT count(*)::int AS n FROM plan_actions GROUP BY plan_id`);
    expect(actions.every((r) => (r.n as number) <= 10)).toBe(true);
    const [span] = await superuser(`SELECT extract(day FROM max(recorded_at) - min(recorded_at))::int AS days, count(*)::int AS n FROM check_ins`);
    expect(span!.n as number).toBeGreaterThanOrEqual(6);
    expect(span!.days as number).toBeGreaterThan(90);
  });

  it('shows a manager their team’s plans, with an overdue review, and the demo PMO Analyst a rated history but no plan yet', async () => {
    const ben = await t.signIn('ben.okafor@demo.example');
    const team = await ben.graphql<{ teamPlans: { person: { email: string }; overdue: boolean; plan: { status: string; checkIns: { id: string }[] } | null }[] }>(
      '{ teamPlans { person { email } overdue plan { status checkIns { id } } } }',
    );
    expectNoErrors(team);
    const chloe = team.data!.teamPlans.find((r) => r.person.email === 'chloe.martin@demo.example')!;
    expect(chloe).toMatchObject({ overdue: true, plan: { status: 'ACTIVE' } });
    expect(chloe.plan!.checkIns.length).toBeGreaterThanOrEqual(2);
    expect(team.data!.teamPlans.find((r) => r.person.email === DEMO.employee)!.plan).toBeNull();

    const dan = await t.signIn(DEMO.employee);
    const mine = await dan.graphql<{ myAssessments: { assessments: { source: string; evidenceNote: string | null; assessedAt: string }[]; current: unknown[] } }>(
      '{ myAssessments { assessments { source evidenceNote assessedAt } current { skillKey } } }',
    );
    expectNoErrors(mine);
    const { assessments, current } = mine.data!.myAssessments;
    expect(new Set(assessments.map((a) => a.source))).toEqual(new Set(['SELF', 'MANAGER']));
    expect(assessments.some((a) => a.evidenceNote)).toBe(true);
    const oldest = Math.min(...assessments.map((a) => Date.parse(a.assessedAt)));
    expect(Date.now() - oldest).toBeGreaterThan(120 * 86_400_000);
    expect(current.length).toBeGreaterThanOrEqual(5);
    expect(current.length).toBeLessThanOrEqual(12);
  });

  it('gives every demo manager a team of 4 to 8 with plans in several states, and some people with none yet', async () => {
    const managers = ['asha.patel@demo.example', 'ben.okafor@demo.example', 'chloe.martin@demo.example', 'farid.haddad@demo.example', 'grace.liu@demo.example', 'hugo.silva@demo.example', 'kemi.adeyemi@demo.example', 'leo.fischer@demo.example'];
    for (const email of managers) {
      const session = await t.signIn(email);
      const team = await session.graphql<{ teamPlans: { person: { email: string }; plan: { status: string } | null }[] }>('{ teamPlans { person { email } plan { status } } }');
      expectNoErrors(team);
      const rows = team.data!.teamPlans;
      const states = new Set(rows.map((r) => r.plan?.status ?? 'none'));
      expect({ email, size: rows.length >= 4 && rows.length <= 8, varied: states.size >= 3 }).toEqual({ email, size: true, varied: true });
    }
    // The crowd's own leads (no account) manage the rest: nobody manages more than 8.
    const spans = await superuser(`SELECT manager_id, count(*)::int AS n FROM people WHERE manager_id IS NOT NULL GROUP BY manager_id`);
    expect(Math.max(...spans.map((r) => r.n as number))).toBeLessThanOrEqual(8);
    const [{ n: noPlan }] = (await superuser(`SELECT count(*)::int AS n FROM people p WHERE NOT EXISTS (SELECT 1 FROM plans WHERE person_id = p.id)`)) as [{ n: number }];
    expect(noPlan).toBeGreaterThan(5);
  });

  it('is idempotent: seeding again adds nothing', async () => {
    const before = await counts();
    await t.app.get(Seeder).seedDemo();
    expect(await counts()).toEqual(before);
  });
});
