import { assessorCalibration, calibrationBySkill, CALIBRATION_SOURCES, type CalibrationRow } from './calibration.js';
import { ALL_PEOPLE, ORGANISATION, roleFilterNode, trackFilterNode } from './organisation.js';
import { participationView, trainingDemand, type MentoringRow, type PlanHealthRow, type TrainingDemandRow } from './participation.js';
import { gapRowsInCategory, gapsInCategory, listedSuccession, reportViews, type StoredView, type ReportViewData, type ViewReport } from './report-views.js';
import { coverageRisks, gapsByRole, gapsByTeam, requiredVsActual } from './skill-views.js';
import { skillRowsFromPeople, type ReportPerson } from './skills.js';
import { snapshotReports, type SnapshotInput } from './snapshot.js';
import { READINESS_BUCKETS, successionView, type BlockerRow, type SuccessionRow } from './succession.js';
import { seeded, smallCatalogue } from './test-fixtures.js';

/**
 * The stored views equal the domain's views worked out from the whole report, for every drill,
 * filter node, category and target role, after a JSON round trip (what the database keeps), in a
 * random organisation big enough for suppression to hide some figures and show others.
 */
function randomOrganisation(seed: number, k: number, filters = true): SnapshotInput {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const catalogue = smallCatalogue();
  const teams = [
    { id: 'delivery', parentId: null, name: 'Delivery' },
    { id: 'pmo', parentId: 'delivery', name: 'PMO' },
    { id: 'projects', parentId: 'delivery', name: 'Projects' },
    { id: 'small', parentId: 'projects', name: 'Small squad' },
    { id: 'big', parentId: 'projects', name: 'Big squad' },
    { id: 'ops', parentId: null, name: 'Operations' },
    { id: 'night', parentId: 'ops', name: 'Night shift' },
  ];
  const teamIds = [...teams.map((t) => t.id), null];
  const roles = catalogue.roles.map((r) => r.id);
  const skills = catalogue.skills.map((s) => s.id);
  const people: ReportPerson[] = Array.from({ length: 90 }, (_, i) => {
    const levels: Record<string, number> = {};
    for (const skill of skills) if (random() < 0.7) levels[skill] = 1 + Math.floor(random() * 4);
    return {
      id: `p${i}`,
      teamId: i < 2 ? 'small' : pick(teamIds),
      roleId: pick(roles),
      assessments: Object.entries(levels).map(([skillKey, level]) => ({ skillKey, level, source: 'manager' as const, assessedAt: new Date('2026-03-01') })),
    };
  });
  const { headcounts, skillLevels } = skillRowsFromPeople(people);
  const succession: SuccessionRow[] = [];
  const blockers: BlockerRow[] = [];
  // One target role has no candidates anywhere: asked for, it is a column of zeros.
  for (const teamId of teamIds) {
    for (const targetRoleId of roles.slice(1)) {
      if (teamId !== 'small' && random() < 0.3) continue;
      // The small squad's one candidate per role is hidden.
      const byBucket = teamId === 'small' ? [1, 0, 0, 0, 0] : READINESS_BUCKETS.map(() => Math.floor(random() * 5));
      succession.push({ teamId, targetRoleId, byBucket });
      for (const skill of skills) if (random() < 0.5) blockers.push({ teamId, targetRoleId, kind: 'skill', id: skill, people: 1 + Math.floor(random() * 4), shortfallSum: Math.floor(random() * 8) });
      if (random() < 0.5) blockers.push({ teamId, targetRoleId, kind: 'qualification', id: 'prince2', people: 1 + Math.floor(random() * 3), shortfallSum: 0 });
    }
  }
  // A role gone from the catalogue still has candidates: listed, never asked for by id.
  succession.push({ teamId: 'pmo', targetRoleId: 'retired-role', byBucket: [3, 2, 1, 0, 0] });
  const calibration: CalibrationRow[] = [];
  for (const teamId of teamIds) {
    for (const skillId of skills) {
      for (const source of CALIBRATION_SOURCES) {
        for (let a = 0; a < 3; a++) {
          if (random() < 0.4) continue;
          const pairs = teamId === 'small' ? 1 : 1 + Math.floor(random() * 6);
          calibration.push({ teamId, skillId, source, assessorId: `assessor-${a}`, pairs, sumDifference: Math.floor(random() * 5) - 2, sumSquaredDifference: Math.floor(random() * 9) });
        }
      }
    }
  }
  const planHealth: PlanHealthRow[] = [];
  const mentoring: MentoringRow[] = [];
  for (const teamId of teamIds) {
    for (const roleId of roles) {
      const n = teamId === 'small' ? 1 : Math.floor(random() * 9);
      const part = () => Math.floor(random() * (n + 1));
      planHealth.push({ teamId, roleId, people: n, withPlan: part(), agreed: part(), active: part(), inReview: part(), reviewedOnTime: part(), overdue: part(), stale: part() });
      mentoring.push({ teamId, roleId, people: n, mentees: part(), withActiveMentor: part(), waiting: part(), withPlan: part(), withPlanAndMentor: part(), activePairs: part(), fizzlingPairs: part() });
    }
  }
  const trainingDemand: TrainingDemandRow[] = [];
  for (const teamId of teamIds) {
    trainingDemand.push({ teamId, kind: 'qualification', itemId: 'prince2', title: 'PRINCE2', people: teamId === 'small' ? 1 : Math.floor(random() * 7) });
    trainingDemand.push({ teamId, kind: 'course', itemId: 'negotiation', title: 'Negotiation', people: Math.floor(random() * 4) });
  }
  return { catalogue, teams, k, filters, rows: { headcounts, skillLevels, succession, blockers, calibration, planHealth, trainingDemand, mentoring } };
}

/** The views as the database gives them back. */
function storedViews(input: SnapshotInput) {
  const reports = snapshotReports(input);
  const views = JSON.parse(JSON.stringify(reportViews(reports))) as StoredView[];
  const get = <R extends ViewReport>(report: R, teamId: string, key = ''): ReportViewData[R] => {
    const found = views.filter((v) => v.report === report && v.teamId === teamId && v.key === key);
    expect(found).toHaveLength(1);
    return found[0]!.data as ReportViewData[R];
  };
  const all = <R extends ViewReport>(report: R, teamId: string) =>
    views.filter((v) => v.report === report && v.teamId === teamId).map((v) => ({ key: v.key, data: v.data as ReportViewData[R] }));
  return { reports, views, get, all };
}

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('stored report views', () => {
  for (const [seed, k] of [
    [1, 3],
    [2, 5],
    [3, 4],
  ] as const) {
    it(`equal the views worked out from the whole report, for every drill, filter, category and target role (seed ${seed}, k ${k})`, () => {
      const input = randomOrganisation(seed, k);
      const { reports, get, all } = storedViews(input);
      const { skills, succession, calibration, participation } = reports;
      const drills = [...skills.hierarchy.parent.keys()];
      expect(drills).toHaveLength(input.teams.length + 1);
      const nodes = [ALL_PEOPLE, ...input.catalogue.tracks.map((t) => trackFilterNode(t.id)), ...input.catalogue.roles.map((r) => roleFilterNode(r.id))];
      const filterOf = (node: string) => (node === ALL_PEOPLE ? null : node.startsWith('role:') ? { roleId: node.slice(5) } : { trackId: node.slice(6) });
      const names = get('names', ORGANISATION);
      const suppressed = { gaps: 0, succession: 0, calibration: 0, participation: 0, training: 0 };
      for (const teamId of drills) {
        const drill = get('drill', teamId);
        expect(drill.teams.map((t) => t.teamId)).toEqual(gapsByTeam(skills, { teamId }).map((r) => r.teamId));
        expect(drill.trail.at(-1)!.teamId).toBe(teamId);
        expect(drill.trail[0]!.teamId).toBe(ORGANISATION);
        for (const node of nodes) {
          const filter = filterOf(node);
          for (const categoryId of [null, ...input.catalogue.categories.map((c) => c.id)]) {
            const gaps = gapsInCategory(get('gaps', teamId, node), names, categoryId);
            expect(gaps.byTeam).toEqual(roundTrip(gapsByTeam(skills, { teamId, filter, categoryId })));
            expect(gaps.required).toEqual(roundTrip(requiredVsActual(skills, { teamId, filter, categoryId })));
          }
          expect(get('participation', teamId, node)).toEqual(roundTrip(participationView(participation, { teamId, filter })));
        }
        for (const trackId of [null, ...input.catalogue.tracks.map((t) => t.id)]) {
          for (const categoryId of [null, ...input.catalogue.categories.map((c) => c.id)]) {
            expect(gapRowsInCategory(get('gaps-role', teamId, trackId ?? ''), names, categoryId)).toEqual(roundTrip(gapsByRole(skills, { teamId, trackId, categoryId })));
          }
        }
        expect(get('coverage', teamId)).toEqual(roundTrip(coverageRisks(skills, { teamId })));
        expect(get('calibration', teamId)).toEqual(roundTrip(calibrationBySkill(calibration, { teamId })));
        expect(get('training', teamId)).toEqual(roundTrip(trainingDemand(participation, { teamId })));
        // Succession: every listed role (no target role asked for), and each catalogue role asked for.
        const top5 = (cells: ReturnType<typeof successionView>) => roundTrip(cells.map((c) => ({ ...c, blockers: c.blockers.slice(0, 5) })));
        expect(listedSuccession(all('succession', teamId))).toEqual(top5(successionView(succession, { teamId })));
        for (const role of input.catalogue.roles) {
          expect(get('succession', teamId, role.id).cells).toEqual(top5(successionView(succession, { teamId, targetRoleId: role.id })));
        }
        for (const report of ['gaps', 'succession', 'calibration', 'participation', 'training'] as const) {
          suppressed[report] += (JSON.stringify(all(report, teamId)).match(/"suppressed":"/g) ?? []).length;
        }
      }
      expect(get('assessors', ORGANISATION)).toEqual(roundTrip(assessorCalibration(calibration)));
      // Both shown and hidden figures were compared.
      expect(Object.entries(suppressed).filter(([, count]) => count === 0)).toEqual([]);
      expect(listedSuccession(all('succession', ORGANISATION)).some((c) => c.candidates.value !== null && c.candidates.value > 0)).toBe(true);
      expect(listedSuccession(all('succession', ORGANISATION)).some((c) => c.targetRoleId === 'retired-role')).toBe(true);
      expect(get('succession', ORGANISATION, input.catalogue.roles[0]!.id).listed).toBe(false);
    });
  }

  it('keeps team figures only when the report has no filters', () => {
    const { views } = storedViews(randomOrganisation(4, 3, false));
    const keys = (report: ViewReport) => new Set(views.filter((v) => v.report === report).map((v) => v.key));
    expect(keys('gaps')).toEqual(new Set([ALL_PEOPLE]));
    expect(keys('participation')).toEqual(new Set([ALL_PEOPLE]));
    expect(keys('gaps-role').size).toBe(0);
  });

  it('names the catalogue without its expectations', () => {
    const input = randomOrganisation(5, 3);
    const { get } = storedViews(input);
    const names = get('names', ORGANISATION);
    expect(names.roles.map((r) => r.id)).toEqual(input.catalogue.roles.map((r) => r.id));
    expect(names.roles[0]).not.toHaveProperty('expectations');
    expect(names.skills.map((s) => s.categoryId)).toEqual(input.catalogue.skills.map((s) => s.categoryId));
  });
});
