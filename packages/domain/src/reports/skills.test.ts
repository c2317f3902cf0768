import { smallFramework } from '../framework/test-fixtures.js';
import { profileLevels } from '../plans/assessments.js';
import { ORGANISATION, ancestorsOf, filterNodesOf, reportCatalogue, teamHierarchy } from './organisation.js';
import { cellKey } from './rollup.js';
import { coverageRisks, gapsByRole, gapsByTeam, heatmap, requiredVsActual } from './skill-views.js';
import { skillReport, skillRowsFromPeople, teamHeadcount, type ReportPerson, type SkillReport } from './skills.js';
import { atomsOf, rated, recoverableSmallGroups, smallCatalogue, smallPeople, smallTeams } from './test-fixtures.js';

const build = (k: number, filters = true, people = smallPeople()) =>
  skillReport({ catalogue: smallCatalogue(), teams: smallTeams, ...skillRowsFromPeople(people), k, filters });

/** The heatmap's figures for one cell counted directly from the people (no rollups), for checking. */
function directFigures(report: SkillReport, people: ReportPerson[], teamId: string, filter: { trackId?: string; roleId?: string } | null, skillId: string) {
  const inTeam = (p: ReportPerson) => ancestorsOf(report.hierarchy, p.teamId ?? ORGANISATION).includes(teamId);
  const role = (p: ReportPerson) => report.catalogue.roles.find((r) => r.id === p.roleId);
  const inFilter = (p: ReportPerson) => !filter || (filter.roleId ? p.roleId === filter.roleId : role(p)?.trackId === filter.trackId);
  const group = people.filter((p) => inTeam(p) && inFilter(p));
  const levels = group.map((p) => [p, profileLevels(p.assessments)[skillId]] as const).filter(([, level]) => level !== undefined) as [ReportPerson, number][];
  const withExpectation = levels.filter(([p]) => (role(p)?.expectations[skillId] ?? 0) > 0);
  const meeting = withExpectation.filter(([p, level]) => level >= (role(p)?.expectations[skillId] as number));
  return {
    assessed: levels.length,
    average: levels.length === 0 ? null : levels.reduce((sum, [, level]) => sum + level, 0) / levels.length,
    shareMeeting: withExpectation.length === 0 ? null : meeting.length / withExpectation.length,
  };
}

/** Each row's cells as [skill, assessed, average (2 decimals), share meeting (2 decimals)] or the reason. */
function grid(map: ReturnType<typeof heatmap>) {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  return Object.fromEntries(
    map.rows.map((row) => [
      row.teamId,
      Object.fromEntries(
        row.cells.map((c) => [
          c.skillId,
          c.assessed.suppressed ?? [c.assessed.value, round(c.averageLevel.value), c.shareMeeting.suppressed ?? round(c.shareMeeting.value)],
        ]),
      ),
    ]),
  );
}

/**
 * The attacker against a skill report: every (team, filter) cell of one skill and measure, the people
 * in it, and which are shown; returns the small groups recoverable by adding and subtracting.
 */
function attackSkill(report: SkillReport, people: ReportPerson[], skillId: string, measure: 'assessed' | 'rated') {
  const catalogue = report.catalogue;
  const hierarchy = report.hierarchy;
  const levels = people.map((p) => profileLevels(p.assessments));
  const inMeasure = (i: number) => {
    const level = (levels[i] as Record<string, number>)[skillId];
    if (level === undefined) return false;
    if (measure === 'assessed') return true;
    const role = catalogue.roles.find((r) => r.id === people[i]?.roleId);
    return (role?.expectations[skillId] ?? 0) > 0;
  };
  const members = people.map((_, i) => i).filter(inMeasure);
  const cells = [...report.cells.values()].filter((c) => c.key === skillId);
  const suppressed = measure === 'assessed' ? report.assessedSuppressed : report.ratedSuppressed;
  const groups = cells.map((cell) => (i: number) => {
    const person = people[i] as ReportPerson;
    const team = person.teamId ?? ORGANISATION;
    return ancestorsOf(hierarchy, team).includes(cell.team) && filterNodesOf(catalogue, person.roleId).includes(cell.filter);
  });
  const { atomPeople, members: cellAtoms } = atomsOf(members, groups);
  const shown = cellAtoms.filter((_, j) => {
    const cell = cells[j];
    return cell !== undefined && !suppressed.has(cellKey(cell.team, cell.filter, cell.key));
  });
  return recoverableSmallGroups(atomPeople, shown, report.k);
}

describe('skill rollups from people', () => {
  it('counts people per team and role, and each rated skill per level by the rating that counts', () => {
    const { headcounts, skillLevels } = skillRowsFromPeople(smallPeople());
    expect(headcounts).toContainEqual({ teamId: 'pmo', roleId: 'pmo-analyst', people: 3 });
    expect(headcounts).toContainEqual({ teamId: 'projects', roleId: 'project-manager', people: 4 });
    expect(headcounts.reduce((s, h) => s + h.people, 0)).toBe(10);
    expect(skillLevels).toContainEqual({ teamId: 'pmo', roleId: 'pmo-analyst', skillId: 'planning', atLevel: [2, 1] });
    expect(skillLevels).toContainEqual({ teamId: 'projects', roleId: 'project-manager', skillId: 'planning', atLevel: [0, 1, 2] });
    // Nobody in Projects is rated on mentoring: no row.
    expect(skillLevels.find((r) => r.teamId === 'projects' && r.skillId === 'mentoring')).toBeUndefined();
  });

  it('takes the latest of self and manager per skill, as of a moment', () => {
    const person: ReportPerson = {
      id: 'x',
      teamId: 'pmo',
      roleId: 'pmo-analyst',
      assessments: [
        ...rated({ planning: 1 }, 'self', new Date('2026-01-01T00:00:00Z')),
        ...rated({ planning: 3 }, 'manager', new Date('2026-02-01T00:00:00Z')),
        ...rated({ planning: 2 }, 'self', new Date('2026-03-01T00:00:00Z')),
      ],
    };
    const at = (iso?: string) => skillRowsFromPeople([person], iso ? new Date(iso) : undefined).skillLevels[0]?.atLevel;
    expect(at('2026-01-15T00:00:00Z')).toEqual([1]);
    expect(at('2026-02-15T00:00:00Z')).toEqual([0, 0, 1]);
    expect(at()).toEqual([0, 1]);
    expect(skillRowsFromPeople([person], new Date('2025-12-31T00:00:00Z')).skillLevels).toEqual([]);
  });
});

describe('the heatmap (k = 3, everyone)', () => {
  const report = build(3, false);

  it('gives people assessed, the average level and the share meeting their own role, rolled up the tree', () => {
    expect(grid(heatmap(report, { teamId: 'delivery' }))).toEqual({
      // 9 of 10 rated on planning (sum 20); 8 of the 9 meet their role (j2 is a project manager at 2 of 3).
      delivery: { planning: [9, 2.22, 0.89], 'risk-management': [8, 1.75, 0.75], mentoring: [3, 2, 1] },
      pmo: { planning: [5, 1.8, 1], 'risk-management': [4, 1.5, 0.75], mentoring: 'small' },
      // Delivery minus PMO would otherwise single out d1 (Delivery's own person).
      projects: { planning: 'complementary', 'risk-management': 'complementary', mentoring: [0, null, null] },
    });
  });

  it('starts at the organisation, which includes everyone', () => {
    const map = heatmap(report);
    expect(map.rows.map((r) => [r.teamId, r.isDrillRoot, r.hasChildren])).toEqual([
      [ORGANISATION, true, true],
      ['delivery', false, true],
    ]);
    expect(grid(map)[ORGANISATION]).toEqual(grid(map).delivery);
  });

  it('groups skills by category and can show one category', () => {
    expect(heatmap(report).columns.map((c) => [c.categoryName, c.name])).toEqual([
      ['Delivery', 'Planning'],
      ['Delivery', 'Risk management'],
      ['People', 'Mentoring'],
    ]);
    expect(heatmap(report, { categoryId: 'people' }).columns.map((c) => c.skillId)).toEqual(['mentoring']);
  });

  it('refuses an unknown team, and filters on a report built without them', () => {
    expect(() => heatmap(report, { teamId: 'nope' })).toThrow(/unknown team/);
    expect(() => heatmap(report, { filter: { roleId: 'project-manager' } })).toThrow(/without track and role/);
  });
});

describe('the heatmap with track and role filters', () => {
  it('every figure shown under any filter equals a direct count over the people, and the rest are suppressed', () => {
    const people = smallPeople();
    const report = build(3, true, people);
    const catalogue = report.catalogue;
    let shown = 0;
    let suppressed = 0;
    const filters = [null, ...catalogue.tracks.map((t) => ({ trackId: t.id })), ...catalogue.roles.map((r) => ({ roleId: r.id }))];
    for (const filter of filters) {
      for (const teamId of [ORGANISATION, 'delivery']) {
        const map = heatmap(report, { teamId, filter });
        for (const row of map.rows) {
          row.cells.forEach((cell) => {
            const direct = directFigures(report, people, row.teamId, filter, cell.skillId);
            for (const [figure, value] of [
              [cell.assessed, direct.assessed],
              [cell.averageLevel, direct.average],
              [cell.shareMeeting, direct.shareMeeting],
            ] as const) {
              if (figure.suppressed) suppressed++;
              else {
                shown++;
                if (value === null) expect(figure.value).toBeNull();
                else expect(figure.value).toBeCloseTo(value);
              }
            }
          });
        }
      }
    }
    // A 10-person organisation with every track and role on offer at k = 3: much goes, much stays.
    expect(shown).toBeGreaterThan(100);
    expect(suppressed).toBeGreaterThan(0);
    // Spot checks: the delivery track's project managers, and everyone on the PMO track in Delivery.
    const pm = heatmap(report, { teamId: 'delivery', filter: { roleId: 'project-manager' } }).rows[0]?.cells[0];
    expect(pm?.assessed.suppressed ?? pm?.assessed.value).toBe(pm?.assessed.suppressed ? pm.assessed.suppressed : 3);
  });

  it.each([3, 4, 5])('leaves no small group recoverable from every figure of the cube (k = %s)', (k) => {
    const people = smallPeople();
    const report = build(k, true, people);
    for (const skill of ['planning', 'risk-management', 'mentoring']) {
      expect(attackSkill(report, people, skill, 'assessed')).toEqual([]);
      expect(attackSkill(report, people, skill, 'rated')).toEqual([]);
    }
  });

  it('the same attacker finds small groups when nothing is suppressed (the test can fail)', () => {
    const people = smallPeople();
    const report = build(3, true, people);
    const naked = { ...report, assessedSuppressed: new Map(), ratedSuppressed: new Map() };
    // e.g. the senior PMO analyst alone, as "PMO ∩ senior PMO analyst".
    expect(attackSkill(naked, people, 'planning', 'assessed').length).toBeGreaterThan(0);
    expect(attackSkill(naked, people, 'risk-management', 'rated').length).toBeGreaterThan(0);
  });

  it('two overlapping filters (team total and team ∩ role) do not reveal the other roles', () => {
    const report = build(3);
    // PMO: 5 people on planning, 3 analysts. PMO ∩ analysts shown with PMO would describe the other 2.
    const pmo = heatmap(report, { teamId: 'pmo' }).rows[0]?.cells[0];
    const analysts = heatmap(report, { teamId: 'pmo', filter: { roleId: 'pmo-analyst' } }).rows[0]?.cells[0];
    const seniors = heatmap(report, { teamId: 'pmo', filter: { roleId: 'senior-pmo-analyst' } }).rows[0]?.cells[0];
    expect(seniors?.assessed.suppressed).toBe('small');
    expect(pmo?.assessed.suppressed === null && analysts?.assessed.suppressed === null).toBe(false);
  });
});

describe('gaps against expectations', () => {
  it('per team: who falls short and by how much, unrated people counted apart', () => {
    const [delivery, pmo, projects] = gapsByTeam(build(3, false), { teamId: 'delivery' });
    const summary = (row: typeof delivery) =>
      row?.gaps.map((g) => [
        g.skillId,
        g.withExpectation.value,
        g.unrated.value ?? g.unrated.suppressed,
        g.short.value ?? g.short.suppressed,
        g.shareShort.value,
        g.meanShortfall.value,
        g.meanShortfallOfShort.value,
      ]);
    // Risk: 10 expected, 2 unrated (a3, j4); of 8 rated, m1 (2 of 3) and j3 (1 of 2) short by 1.
    expect(summary(delivery)).toEqual([
      ['risk-management', 10, 2, 2, 0.25, 0.25, 1],
      ['planning', 10, 1, 1, 1 / 9, 1 / 9, 1],
      ['mentoring', 3, 0, 0, 0, 0, null],
    ]);
    // PMO: risk rated for 4 (a3 not), m1 short by 1; mentoring rated for 2 people only.
    expect(summary(pmo)).toEqual([
      ['risk-management', 5, 1, 1, 0.25, 0.25, 1],
      ['planning', 5, 0, 0, 0, 0, null],
      ['mentoring', 2, 'small', 'small', null, null, null],
    ]);
    // Projects' figures would, with Delivery's and PMO's, single out d1.
    expect(summary(projects)).toEqual([
      ['planning', 4, 'complementary', 'complementary', null, null, null],
      ['risk-management', 4, 'complementary', 'complementary', null, null, null],
    ]);
  });

  it('per role within a team, each shown figure equal to a direct count', () => {
    const people = smallPeople();
    const report = build(3, true, people);
    const rows = gapsByRole(report, { teamId: 'delivery' });
    expect(rows.map((r) => r.roleId)).toEqual(['pmo-analyst', 'pmo-manager', 'project-manager', 'senior-pmo-analyst']);
    for (const row of rows) {
      for (const gap of row.gaps) {
        const group = people.filter((p) => p.roleId === row.roleId);
        const expected = report.catalogue.roles.find((r) => r.id === row.roleId)?.expectations[gap.skillId] as number;
        const rated = group.map((p) => profileLevels(p.assessments)[gap.skillId]).filter((l): l is number => l !== undefined);
        expect(gap.withExpectation.value).toBe(group.length);
        if (gap.short.suppressed) continue;
        expect(gap.short.value).toBe(rated.filter((l) => l < expected).length);
        expect(gap.meanShortfall.value).toBeCloseTo(rated.reduce((s, l) => s + Math.max(0, expected - l), 0) / rated.length);
      }
    }
    // Two PMO managers: a figure over fewer than 3 people.
    expect(rows.find((r) => r.roleId === 'pmo-manager')?.gaps.every((g) => g.shareShort.suppressed === 'small')).toBe(true);
    expect(() => gapsByRole(build(3, false))).toThrow(/without track and role/);
  });

  it('puts suppressed skills last', () => {
    const rows = gapsByTeam(build(5, false), { teamId: 'delivery' });
    const reasons = rows[0]?.gaps.map((g) => g.shareShort.suppressed) ?? [];
    expect(reasons).toEqual([null, null, 'small']);
  });
});

describe('coverage risk and required vs actual headcount', () => {
  it('flags skills a team’s roles need where at most one person holds the level', () => {
    const coverage = coverageRisks(build(3, false), { teamId: 'delivery' });
    expect(coverage[0]).toEqual({
      teamId: 'delivery',
      people: 10,
      suppressed: null,
      // PMO managers need risk 3; only d1 has it.
      risks: [{ skillId: 'risk-management', level: 3, holders: 1, neededByRoleIds: ['pmo-manager'], peopleNeeding: 2 }],
    });
    expect(coverage[1]).toMatchObject({ teamId: 'pmo', people: 5 });
    // Delivery minus PMO would single out Delivery's own person: Projects' headcount figures go.
    expect(coverage[2]).toEqual({ teamId: 'projects', people: null, suppressed: 'complementary', risks: [] });
    // PMO alone: m1 is the only PMO manager and the only holder of planning 3 and mentoring 2, and nobody has risk 3.
    const pmo = coverageRisks(build(5, false), { teamId: 'pmo' })[0];
    expect(pmo?.risks.map((r) => [r.skillId, r.level, r.holders])).toEqual([
      ['risk-management', 3, 0],
      ['planning', 3, 1],
      ['mentoring', 2, 1],
    ]);
    expect(coverageRisks(build(5, false), { teamId: 'pmo', atMost: 0 })[0]?.risks.map((r) => r.skillId)).toEqual(['risk-management']);
  });

  it('shows no coverage for a team whose headcount figures are suppressed', () => {
    const coverage = coverageRisks(build(5, false), { teamId: 'delivery' });
    expect(coverage.find((c) => c.teamId === 'projects')).toEqual({ teamId: 'projects', people: null, suppressed: 'small', risks: [] });
  });

  it('gives required and actual headcount at each level a role expects', () => {
    const result = requiredVsActual(build(3, false), { teamId: 'delivery' });
    expect(result.rows.filter((r) => r.skillId === 'planning')).toEqual([
      { skillId: 'planning', level: 1, required: 10, actual: 9 },
      { skillId: 'planning', level: 2, required: 7, actual: 7 },
      { skillId: 'planning', level: 3, required: 6, actual: 4 },
    ]);
    // The four project managers, by role filter (in an organisation of Projects alone, where nothing
    // around them is small).
    const projectsOnly = build(3, true, smallPeople().filter((p) => p.teamId === 'projects'));
    expect(requiredVsActual(projectsOnly, { teamId: 'projects', filter: { roleId: 'project-manager' } })).toEqual({
      teamId: 'projects',
      suppressed: null,
      rows: [
        { skillId: 'planning', level: 3, required: 4, actual: 2 },
        { skillId: 'risk-management', level: 2, required: 4, actual: 2 },
      ],
    });
    // In the whole organisation they are Projects' whole headcount, which Delivery minus PMO would
    // single out with d1: hidden there.
    expect(requiredVsActual(build(3), { teamId: 'projects', filter: { roleId: 'project-manager' } }).suppressed).not.toBeNull();
    expect(requiredVsActual(build(5, false), { teamId: 'projects' })).toEqual({ teamId: 'projects', suppressed: 'small', rows: [] });
  });

  it('headcounts follow the tree and the filters', () => {
    const report = build(3);
    expect(teamHeadcount(report, ORGANISATION)).toEqual({ people: 10, suppressed: null });
    expect(teamHeadcount(report, 'pmo', { trackId: 'pmo' }).people).toBe(5);
    expect(teamHeadcount(report, 'delivery', { roleId: 'pmo-manager' })).toEqual({ people: 2, suppressed: 'small' });
  });
});

describe('skill report inputs', () => {
  it('counts a person without a team, or in an unknown team, at the organisation', () => {
    const people = [...smallPeople(), { id: 'z', teamId: null, roleId: null, assessments: rated({ planning: 2 }) }];
    const report = skillReport({ catalogue: smallCatalogue(), teams: smallTeams, ...skillRowsFromPeople(people), k: 3, filters: false });
    const org = heatmap(report).rows[0]?.cells[0];
    expect(org?.assessed.value).toBe(10);
    // Without a role, nobody expects anything of them: the share meeting stays over the 9 with a role.
    expect(org?.shareMeeting.people).toBe(9);
  });

  it('refuses level rows that disagree with the headcounts', () => {
    const rows = skillRowsFromPeople(smallPeople());
    expect(() =>
      skillReport({ catalogue: smallCatalogue(), teams: smallTeams, headcounts: rows.headcounts.slice(1), skillLevels: rows.skillLevels, k: 3 }),
    ).toThrow(/disagree/);
  });

  it('builds the catalogue and the team hierarchy from the framework and the teams', () => {
    const catalogue = reportCatalogue(smallFramework());
    expect(catalogue.levels).toEqual([1, 2, 3]);
    expect(catalogue.roles.find((r) => r.id === 'project-manager')).toMatchObject({ trackId: 'delivery', expectations: { planning: 3 } });
    const hierarchy = teamHierarchy(smallTeams);
    expect(hierarchy.order).toEqual([ORGANISATION, 'delivery', 'pmo', 'projects']);
    expect(hierarchy.paths.get('pmo')).toBe('Delivery/PMO');
    expect(filterNodesOf(catalogue, 'project-manager')).toEqual(['role:project-manager', 'track:delivery', 'all']);
    expect(filterNodesOf(catalogue, null)).toEqual(['all']);
  });
});
