import {
  courseId,
  participationReport,
  participationView,
  planHealthRowsFromPeople,
  trainingDemand,
  trainingDemandRowsFromPeople,
  mentoringRowsFromPeople,
  type MentoringPerson,
  type MentoringRow,
  type PlanHealthPerson,
  type TrainingDemandPerson,
} from './participation.js';
import { smallCatalogue, smallTeams } from './test-fixtures.js';

const now = new Date('2026-07-01T12:00:00Z');
const timeZone = 'Europe/London';
const plan = (status: NonNullable<PlanHealthPerson['plan']>['status'], reviewDueOn: string | null, lastActivity: string) => ({
  status,
  reviewDueOn,
  lastActivityAt: new Date(`${lastActivity}T09:00:00Z`),
  timeZone,
});
const health: PlanHealthPerson[] = [
  { teamId: 'pmo', roleId: 'pmo-analyst', plan: plan('active', '2026-07-10', '2026-06-25') },
  { teamId: 'pmo', roleId: 'pmo-analyst', plan: plan('active', '2026-06-20', '2026-05-01') },
  { teamId: 'pmo', roleId: 'pmo-analyst', plan: plan('draft', null, '2026-06-30') },
  // Due tomorrow (on time); last touched 30 days ago (stale at 30).
  { teamId: 'pmo', roleId: 'senior-pmo-analyst', plan: plan('agreed', '2026-07-02', '2026-06-01') },
  { teamId: 'pmo', roleId: 'pmo-manager', plan: null },
  { teamId: 'projects', roleId: 'project-manager', plan: plan('completed', null, '2026-06-30') },
  { teamId: 'projects', roleId: 'project-manager', plan: plan('proposed', null, '2026-06-30') },
  // Due yesterday in London: overdue.
  { teamId: 'projects', roleId: 'project-manager', plan: plan('active', '2026-06-30', '2026-06-29') },
  { teamId: 'projects', roleId: 'project-manager', plan: null },
  { teamId: 'delivery', roleId: 'pmo-manager', plan: plan('abandoned', null, '2026-06-01') },
];

describe('plan health rows', () => {
  it('classifies each person’s plan: open, agreed, active, review on time or overdue, stale', () => {
    const rows = planHealthRowsFromPeople(health, now);
    const pmo = rows.filter((r) => r.teamId === 'pmo');
    const sum = (f: keyof (typeof rows)[number]) => pmo.reduce((s, r) => s + (r[f] as number), 0);
    expect(['people', 'withPlan', 'agreed', 'active', 'inReview', 'reviewedOnTime', 'overdue', 'stale'].map((f) => sum(f as never))).toEqual([5, 4, 3, 2, 3, 2, 1, 2]);
    expect(rows.find((r) => r.teamId === 'projects')).toEqual({
      teamId: 'projects',
      roleId: 'project-manager',
      people: 4,
      withPlan: 2,
      agreed: 1,
      active: 1,
      inReview: 1,
      reviewedOnTime: 0,
      overdue: 1,
      stale: 0,
    });
    // With a 60-day threshold only the plan untouched since 1 May is stale.
    expect(planHealthRowsFromPeople(health, now, 60).reduce((s, r) => s + r.stale, 0)).toBe(1);
  });
});

const training: TrainingDemandPerson[] = [
  { teamId: 'pmo', plan: { status: 'active', actions: [
    { type: 'qualification', title: 'Gain the PMP', qualificationId: 'pmp', status: 'not-started' },
    { type: 'course', title: 'Agile Foundations', status: 'in-progress' },
  ] } },
  { teamId: 'pmo', plan: { status: 'active', actions: [
    { type: 'course', title: ' agile   foundations', status: 'not-started' },
    { type: 'qualification', title: 'Gain the PMP', qualificationId: 'pmp', status: 'done' },
  ] } },
  { teamId: 'pmo', plan: { status: 'draft', actions: [
    { type: 'course', title: 'Agile Foundations', status: 'not-started' },
    { type: 'course', title: 'Agile foundations', status: 'not-started' },
    { type: 'reading', title: 'Read up on planning', status: 'not-started' },
  ] } },
  { teamId: 'pmo', plan: { status: 'agreed', actions: [{ type: 'qualification', title: 'PMP', qualificationId: 'pmp', status: 'in-progress' }] } },
  { teamId: 'projects', plan: { status: 'proposed', actions: [{ type: 'qualification', title: 'PMP', qualificationId: 'pmp', status: 'not-started' }] } },
  { teamId: 'projects', plan: { status: 'active', actions: [{ type: 'course', title: 'Course for Bob’s return', status: 'not-started' }] } },
  { teamId: 'projects', plan: { status: 'completed', actions: [{ type: 'qualification', title: 'PMP', qualificationId: 'pmp', status: 'not-started' }] } },
  { teamId: 'projects', plan: null },
];
const titles = new Map([['pmp', 'Project Management Professional (PMP)']]);
const active = (fizzling = false) => ({ status: 'active' as const, fizzling });
const requested = { status: 'requested' as const, fizzling: false };
const mentoringPeople: MentoringPerson[] = [
  { teamId: 'pmo', roleId: 'pmo-analyst', hasOpenPlan: true, mentorships: [active(true)] },
  { teamId: 'pmo', roleId: 'pmo-analyst', hasOpenPlan: true, mentorships: [requested] },
  { teamId: 'pmo', roleId: 'pmo-analyst', hasOpenPlan: true, mentorships: [] },
  // Two mentors at once: one mentee, two pairs; a pending request beside an active mentor is not waiting.
  { teamId: 'pmo', roleId: 'senior-pmo-analyst', hasOpenPlan: true, mentorships: [active(), active(), requested] },
  { teamId: 'pmo', roleId: 'pmo-manager', hasOpenPlan: false, mentorships: [] },
  { teamId: 'projects', roleId: 'project-manager', hasOpenPlan: true, mentorships: [requested] },
  { teamId: 'projects', roleId: 'project-manager', hasOpenPlan: true, mentorships: [active()] },
  { teamId: 'projects', roleId: 'project-manager', hasOpenPlan: true, mentorships: [] },
  { teamId: 'projects', roleId: 'project-manager', hasOpenPlan: false, mentorships: [] },
  { teamId: 'delivery', roleId: 'pmo-manager', hasOpenPlan: true, mentorships: [] },
];
const mentoring: MentoringRow[] = mentoringRowsFromPeople(mentoringPeople);

describe('training demand rows', () => {
  it('counts each person once per qualification or course across open plans, not done or dropped ones', () => {
    const rows = trainingDemandRowsFromPeople(training, titles);
    expect(rows).toContainEqual({ teamId: 'pmo', kind: 'qualification', itemId: 'pmp', title: 'Project Management Professional (PMP)', people: 2 });
    expect(rows).toContainEqual({ teamId: 'pmo', kind: 'course', itemId: 'agile foundations', title: 'Agile Foundations', people: 3 });
    expect(rows).toContainEqual({ teamId: 'projects', kind: 'qualification', itemId: 'pmp', title: 'Project Management Professional (PMP)', people: 1 });
    expect(rows.filter((r) => r.kind === 'course' && r.teamId === 'pmo')).toHaveLength(1);
    expect(courseId('  Agile\tFoundations ')).toBe('agile foundations');
  });
});

describe('the participation report', () => {
  const report = participationReport({
    catalogue: smallCatalogue(),
    teams: smallTeams,
    planHealth: planHealthRowsFromPeople(health, now),
    trainingDemand: trainingDemandRowsFromPeople(training, titles),
    mentoring,
    k: 3,
    filters: false,
  });
  const values = (row: ReturnType<typeof participationView>[number] | undefined) =>
    row && [row.people, row.withPlan, row.agreed, row.active, row.reviewedOnTime, row.overdue, row.stale].map((f) => f.suppressed ?? f.value);

  it('gives the shares per team, each over its own base', () => {
    const [delivery, pmo, projects] = participationView(report, { teamId: 'delivery' });
    expect(values(delivery)).toEqual([10, 0.6, 0.4, 0.3, 0.5, 0.5, 2 / 6]);
    // PMO's review and staleness figures would, with Delivery's, describe Projects' one or two plans.
    expect(values(pmo)).toEqual([5, 0.8, 0.6, 0.4, 'complementary', 'complementary', 'complementary']);
    expect(values(projects)).toEqual(['complementary', 'complementary', 'complementary', 'complementary', 'small', 'small', 'small']);
  });

  it('filters by track and role, at the price of more suppression in a small organisation', () => {
    const filtered = participationReport({ catalogue: smallCatalogue(), teams: smallTeams, planHealth: planHealthRowsFromPeople(health, now), k: 3 });
    const pmoTrack = participationView(filtered, { teamId: 'delivery', filter: { trackId: 'pmo' } });
    // PMO is all on the PMO track: the same figures as the team's.
    expect(values(pmoTrack[1])).toEqual([5, 0.8, 0.6, 0.4, 'complementary', 'complementary', 'complementary']);
    // Delivery ∩ PMO track is PMO plus d1: shown next to PMO it would single d1 out.
    expect(pmoTrack[0]?.people.suppressed).not.toBeNull();
    expect(values(pmoTrack[2])).toEqual([0, null, null, null, null, null, null]);
    // Without filters in view, Delivery keeps its figures; its review shares are over 4 plans.
    expect(values(participationView(filtered, { teamId: 'delivery' })[0])?.slice(0, 5)).toEqual([10, 0.6, 0.4, 0.3, 0.5]);
    expect(() => participationView(report, { filter: { trackId: 'pmo' } })).toThrow(/without track and role/);
  });

  it('adds mentoring coverage when given: mentees, waiting, mentors of people with a plan, active and fizzling pairs', () => {
    const [delivery, pmo, projects] = participationView(report, { teamId: 'delivery' });
    expect(delivery?.mentoring).toEqual({
      mentees: { value: 0.5, people: 10, suppressed: null },
      withActiveMentor: { value: 0.6, people: 5, suppressed: null },
      waiting: { value: 0.4, people: 5, suppressed: null },
      waitingPeople: { value: 2, people: 5, suppressed: null },
      planCoverage: { value: 3 / 8, people: 8, suppressed: null },
      activePairs: { value: 4, people: 3, suppressed: null },
      fizzlingPairs: { value: 1, people: 3, suppressed: null },
      fizzling: { value: 0.25, people: 3, suppressed: null },
    });
    expect(pmo?.mentoring?.mentees.value).toBeCloseTo(0.6);
    expect(pmo?.mentoring?.planCoverage).toEqual({ value: 0.5, people: 4, suppressed: null });
    // Projects' 3 people with a plan, taken from Delivery's 8 and PMO's 4, would single out the one in Delivery directly.
    expect(projects?.mentoring?.planCoverage.suppressed).not.toBeNull();
    const without = participationReport({ catalogue: smallCatalogue(), teams: smallTeams, planHealth: planHealthRowsFromPeople(health, now), k: 3 });
    expect(participationView(without)[0]?.mentoring).toBeNull();
  });

  it('suppresses mentoring figures over fewer than k mentees, and their complements', () => {
    const [, pmo, projects] = participationView(report, { teamId: 'delivery' });
    // Projects has 2 mentees (small); PMO's 3 are Delivery's 5 minus them.
    expect(projects?.mentoring?.withActiveMentor.suppressed).toBe('small');
    expect(pmo?.mentoring?.withActiveMentor.suppressed).toBe('complementary');
    expect(pmo?.mentoring?.waitingPeople).toEqual({ value: null, people: null, suppressed: 'complementary' });
    // Pairs are over the mentees with an active mentor: 2 in PMO, 1 in Projects.
    for (const team of [pmo, projects]) {
      expect(team?.mentoring?.activePairs).toEqual({ value: null, people: null, suppressed: 'small' });
      expect(team?.mentoring?.fizzling.value).toBeNull();
    }
  });

  it('lists training demand, most wanted first, hiding a course fewer than k people want anywhere', () => {
    const demand = trainingDemand(report, { teamId: 'delivery' });
    expect(demand.map((d) => [d.kind, d.title, d.byTeam.map((t) => t.people.value ?? t.people.suppressed)])).toEqual([
      ['course', 'Agile Foundations', [3, 3, 0]],
      ['qualification', 'Project Management Professional (PMP)', [3, 'small', 'small']],
    ]);
  });
});
