import { ORGANISATION } from './organisation.js';
import { participationReport, planHealthRowsFromPeople, type PlanHealthPerson } from './participation.js';
import { headlineFigures, heatmapCategory, heatmapMatrices } from './read-models.js';
import { heatmap } from './skill-views.js';
import { skillReport, skillRowsFromPeople } from './skills.js';
import { smallCatalogue, smallPeople, smallTeams } from './test-fixtures.js';

const catalogue = smallCatalogue();
const people = smallPeople();
const { headcounts, skillLevels } = skillRowsFromPeople(people);
const report = (k: number, filters = true) => skillReport({ catalogue, teams: smallTeams, headcounts, skillLevels, k, filters });

describe('stored heatmaps', () => {
  it('keeps one matrix per team (and the organisation) and filter node, each equal to the heatmap view', () => {
    const skills = report(3);
    const stored = heatmapMatrices(skills);
    expect(stored).toHaveLength((smallTeams.length + 1) * (1 + catalogue.tracks.length + catalogue.roles.length));
    const role = catalogue.roles[0]!;
    for (const [teamId, filterNode, filter] of [
      [ORGANISATION, 'all', null],
      ['delivery', 'all', null],
      ['delivery', `role:${role.id}`, { roleId: role.id }],
      ['pmo', `track:${role.trackId}`, { trackId: role.trackId }],
    ] as const) {
      const matrix = stored.find((h) => h.teamId === teamId && h.filter === filterNode)!.matrix;
      const view = heatmap(skills, { teamId, filter });
      expect(matrix.columns).toEqual(view.columns);
      expect(matrix.rows.map((r) => r.teamId)).toEqual(view.rows.map((r) => r.teamId));
      view.rows.forEach((row, i) => {
        expect(matrix.rows[i]!.assessed).toEqual(row.cells.map((c) => c.assessed.value));
        expect(matrix.rows[i]!.shareMeeting).toEqual(row.cells.map((c) => c.shareMeeting.value));
        expect(matrix.rows[i]!.meetingSuppressed).toEqual(row.cells.map((c) => c.shareMeeting.suppressed !== null));
      });
    }
  });

  it('keeps suppressed cells without their figures', () => {
    const stored = heatmapMatrices(report(5));
    const hidden = stored.flatMap((h) => h.matrix.rows.flatMap((r) => r.assessed.filter((_, i) => r.assessedSuppressed[i])));
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((v) => v === null)).toBe(true);
  });

  it('keeps team figures only when the report has no filters', () => {
    expect(heatmapMatrices(report(3, false)).map((h) => h.filter)).toEqual(Array(smallTeams.length + 1).fill('all'));
  });

  it('narrows a matrix to one category, columns and values together', () => {
    const matrix = heatmapMatrices(report(3))[0]!.matrix;
    const category = matrix.columns[matrix.columns.length - 1]!.categoryId;
    const narrowed = heatmapCategory(matrix, category);
    const kept = matrix.columns.flatMap((c, i) => (c.categoryId === category ? [i] : []));
    expect(narrowed.columns.every((c) => c.categoryId === category)).toBe(true);
    expect(narrowed.columns.length).toBe(kept.length);
    expect(narrowed.columns.length).toBeLessThan(matrix.columns.length);
    expect(narrowed.rows[0]!.averageLevel).toEqual(kept.map((i) => matrix.rows[0]!.averageLevel[i]));
    expect(heatmapCategory(matrix, null)).toBe(matrix);
  });
});

describe('headline figures', () => {
  const now = new Date('2026-07-01T12:00:00Z');
  const plan = (status: 'active' | 'draft', reviewDueOn: string | null) => ({ status, reviewDueOn, lastActivityAt: now, timeZone: 'UTC' });
  const health = (n: number): PlanHealthPerson[] =>
    people.slice(0, n).map((p, i) => ({ teamId: p.teamId, roleId: p.roleId, plan: i % 2 === 0 ? plan('active', i % 4 === 0 ? '2026-06-01' : '2026-08-01') : null }));
  const participation = (k: number, n = people.length) =>
    participationReport({ catalogue, teams: smallTeams, planHealth: planHealthRowsFromPeople(health(n), now), k, filters: false });

  it('gives the organisation-wide shares, each over its own base', () => {
    const skills = report(3);
    const h = headlineFigures(skills, participation(3));
    let meeting = 0;
    let rated = 0;
    for (const p of people) {
      for (const { skillKey, level } of p.assessments) {
        const expected = catalogue.roles.find((r) => r.id === p.roleId)?.expectations[skillKey];
        if (!expected) continue;
        rated++;
        if (level >= expected) meeting++;
      }
    }
    expect(rated).toBeGreaterThan(0);
    expect(h.shareMeeting.value).toBeCloseTo(meeting / rated);
    const withPlan = Math.ceil(people.length / 2);
    expect(h.withPlan).toEqual({ value: withPlan / people.length, people: people.length, suppressed: null });
    expect(h.agreed.value).toBeCloseTo(withPlan / people.length);
    expect(h.overdue.value).toBeCloseTo(Math.ceil(people.length / 4) / withPlan);
  });

  it('suppresses them all in an organisation smaller than k', () => {
    const k = people.length + 1;
    const h = headlineFigures(report(k), participation(k));
    for (const f of [h.shareMeeting, h.withPlan, h.agreed, h.overdue]) expect(f.value).toBeNull();
    expect(h.shareMeeting.suppressed).toBe('small');
  });
});
