import { canonicalFrameworkDocument } from './canonical.js';
import { diffFrameworks } from './diff.js';
import type { FrameworkDocument } from './document.js';
import { applyExpectationsGrid, expectationsGridRecords } from './expectations-grid.js';
import { frameworkImportWarnings } from './import-warnings.js';
import { closestRoles } from './closest-roles.js';
import { findCheapestRoute } from './paths.js';
import { impactOfChange } from './impact.js';
import { pmoFramework } from './pmo-framework.js';
import { nameFrameworkProblems } from './problem-labels.js';
import { descriptorText, NO_DESCRIPTOR, rolesOnTrack, scaleOfSkill } from './scales.js';
import { everyPartFramework, smallFramework } from './test-fixtures.js';
import { validateFramework } from './validate.js';
import { analyseGaps, gapScales, gapsAlongRoute } from '../plans/gaps.js';
import { readiness } from '../plans/readiness.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const rated = (levels: Record<string, number>) =>
  Object.entries(levels).map(([skillKey, level]) => ({ skillKey, level, source: 'self' as const, assessedAt: new Date('2026-05-01T00:00:00Z') }));

function problems(document: unknown) {
  const result = validateFramework(document);
  return result.ok ? [] : result.problems;
}

describe('framework document version 2', () => {
  it('validates a framework using every new part', () => {
    expect(problems(everyPartFramework())).toEqual([]);
  });

  it('reads a version 1 document unchanged: its descriptor strings become summaries, nothing else moves', () => {
    const v1 = JSON.parse(JSON.stringify({ ...smallFramework(), skills: smallFramework().skills.map((s) => ({ ...s, levels: Object.fromEntries(Object.entries(s.levels).map(([l, d]) => [l, d.summary])) })) }));
    expect(v1.schemaVersion).toBe('1');
    const result = validateFramework(v1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document).toEqual(smallFramework());
    expect(canonicalFrameworkDocument(v1)).toEqual({ ...canonicalFrameworkDocument(smallFramework()), schemaVersion: '2' });
    expect(frameworkImportWarnings(v1)).toEqual([]);
  });

  it('round-trips a framework using every new part: export, re-import, no difference', () => {
    const exported = JSON.stringify(canonicalFrameworkDocument(everyPartFramework()));
    const reimported = validateFramework(JSON.parse(exported));
    expect(reimported.ok).toBe(true);
    if (!reimported.ok) return;
    expect(diffFrameworks(everyPartFramework(), reimported.document).changeCount).toBe(0);
    expect(JSON.stringify(canonicalFrameworkDocument(reimported.document))).toBe(exported);
    const again = canonicalFrameworkDocument(reimported.document);
    expect(again.skills[0]!.levels['3']!.criteria).toEqual(['Builds a **baselined** schedule', 'Re-plans when the critical path moves']);
    expect(again.roles[1]!.expectationDetails).toEqual(everyPartFramework().roles[1]!.expectationDetails);
    expect(again.levelling).toEqual(everyPartFramework().levelling);
  });

  describe('per-skill scales', () => {
    it("resolves each skill's scale: its own, its category's, else the framework's", () => {
      const doc = everyPartFramework();
      expect(scaleOfSkill(doc, 'planning').levels.map((l) => l.name)).toEqual(['Awareness', 'Foundational', 'Working knowledge', 'Practitioner', 'Expert']);
      expect(scaleOfSkill(doc, 'mentoring')).toMatchObject({ key: 'single', max: 1 });
      const plain = smallFramework();
      expect(scaleOfSkill(plain, 'planning')).toMatchObject({ key: null, max: 3 });
    });

    it("checks descriptors and expectations against the skill's own scale, and names unknown scales", () => {
      const doc = everyPartFramework();
      doc.roles[0]!.expectations.mentoring = 2;
      doc.roles[0]!.expectations.planning = 5; // fine on Technical's 5 levels, though the framework's scale has 3
      doc.skills[2]!.levels['3'] = { summary: 'Too high.', criteria: [], examples: [] };
      doc.skills[1]!.scaleKey = 'nope';
      expect(problems(doc)).toEqual([
        { path: 'skills[1].scaleKey', message: 'unknown scale "nope"' },
        { path: 'skills[2].levels.3', message: 'level 3 is not on scale "Single step" (1 to 1)' },
        { path: 'roles[0].expectations.mentoring', message: `level 2 is above scale "Single step"'s maximum 1` },
      ]);
    });

    it('refuses a scale of more than 7 levels and one with a gap', () => {
      const doc = everyPartFramework();
      doc.scales![1]!.levels = [1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({ level: Math.min(level, 7), name: `L${level}` }));
      const found = problems(doc).map((p) => p.path);
      expect(found).toContain('scales[1].levels');
      expect(found).toContain('scales[1].levels[7].level');
    });

    it("names gap levels from the skill's scale and counts a level above it as its top", () => {
      const doc = everyPartFramework();
      const analysis = analyseGaps({ planning: 2, mentoring: 4 }, { planning: 4, mentoring: 1 }, gapScales(doc));
      expect(analysis.skills.map((s) => [s.skillKey, s.requiredLevelName, s.currentLevel, s.currentLevelName, s.shortfall])).toEqual([
        ['planning', 'Practitioner', 2, 'Foundational', 2],
        ['mentoring', 'Does it', 1, 'Does it', 0],
      ]);
    });

    it("measures readiness on each skill's scale", () => {
      const doc = everyPartFramework();
      // Project Manager: planning 4 (Technical), risk-management 2 (Technical).
      const result = readiness(doc, 'project-manager', rated({ planning: 4, 'risk-management': 1 }), [], NOW);
      expect(result.analysis.skills.map((s) => `${s.skillKey}: ${s.currentLevelName} of ${s.requiredLevelName}`)).toEqual([
        'planning: Practitioner of Practitioner',
        'risk-management: Awareness of Foundational',
      ]);
      expect(result.shareMet).toBe(0.5);
    });

    it("reads grid cells on the skill's scale, by number or by that scale's level names", () => {
      const doc = everyPartFramework();
      const ok = applyExpectationsGrid(doc, [
        ['role', 'planning', 'mentoring'],
        ['pmo-analyst', 'Expert', 'Does it'],
      ]);
      expect(ok.ok && ok.document.roles[0]!.expectations).toEqual({ planning: 5, 'risk-management': 1, mentoring: 1 });
      const bad = applyExpectationsGrid(doc, [
        ['role', 'planning', 'mentoring'],
        ['pmo-analyst', '6', '2'],
      ]);
      expect(bad.ok ? [] : bad.problems.map((p) => p.message)).toEqual([
        `planning: level 6 is above scale "Technical"'s maximum 5`,
        `mentoring: level 2 is above scale "Single step"'s maximum 1`,
      ]);
    });

    it('names changes to scales, criteria and examples in the diff', () => {
      const before = everyPartFramework();
      const after = everyPartFramework();
      after.scales![0]!.levels[3]!.name = 'Skilled practitioner';
      after.skills[0]!.levels['3']!.criteria.push('Keeps the plan honest');
      after.skills[0]!.levels['3']!.examples = [];
      after.skills[1]!.scaleKey = 'single';
      after.roles.forEach((role) => {
        if (role.expectations['risk-management'] !== undefined) role.expectations['risk-management'] = 1;
      });
      after.skills[1]!.levels = { '1': { summary: 'Logs risks.', criteria: [], examples: [] } };
      const diff = diffFrameworks(before, after);
      const section = (kind: string) => diff.sections.find((s) => s.kind === kind)!;
      expect(section('scale').changed[0]!.fields.map((f) => [f.label, f.before, f.after])).toEqual([['Name of level 4', 'Practitioner', 'Skilled practitioner']]);
      const planning = section('skill').changed.find((i) => i.key === 'planning')!;
      expect(planning.fields.map((f) => [f.label, f.before, f.after])).toEqual([
        ['Criteria at level 3 (Working knowledge)', 'Builds a **baselined** schedule; Re-plans when the critical path moves', 'Builds a **baselined** schedule; Re-plans when the critical path moves; Keeps the plan honest'],
        ['Examples at level 3 (Working knowledge)', 'Planned the [office move](https://example.org/move)', null],
      ]);
      const risk = section('skill').changed.find((i) => i.key === 'risk-management')!;
      expect(risk.fields.find((f) => f.field === 'scale')).toMatchObject({ before: 'Technical', after: 'Single step' });
    });
  });

  describe('descriptors', () => {
    it('keeps summary, criteria and examples; a level without one is "No descriptor", never invented', () => {
      const doc = everyPartFramework();
      expect(descriptorText(doc.skills[0]!.levels['3'])).toBe('Plans a project alone.\n\n- Builds a **baselined** schedule\n- Re-plans when the critical path moves');
      expect(doc.skills[0]!.levels['2']).toBeUndefined();
      expect(descriptorText(doc.skills[0]!.levels['2']) ?? NO_DESCRIPTOR).toBe('No descriptor');
    });

    it('refuses an empty descriptor object (leave the level out instead)', () => {
      const doc = everyPartFramework() as unknown as { skills: Array<{ levels: Record<string, unknown> }> };
      doc.skills[0]!.levels['2'] = { criteria: [], examples: [] };
      expect(problems(doc)).toEqual([{ path: 'skills[0].levels.2', message: 'needs a summary, a criterion or an example (leave the level out when it has no descriptor)' }]);
    });
  });

  describe('optional and weighted expectations', () => {
    it('lists optional expectations apart: never met, short, unknown or blocking', () => {
      const doc = everyPartFramework();
      const result = readiness(doc, 'senior-pmo-analyst', rated({ planning: 4, 'risk-management': 2 }), [], NOW);
      expect(result.analysis.optional.map((s) => s.skillKey)).toEqual(['mentoring']);
      expect(result.analysis.expectedCount).toBe(2);
      expect(result.coverage).toMatchObject({ unknown: 0 });
      expect(result.shareMet).toBe(1);
      expect(result.blockingGaps).toEqual([]);
    });

    it('weights readiness: planning counts twice for the Senior PMO Analyst', () => {
      const doc = everyPartFramework();
      // planning (weight 2) met, risk-management (weight 1) short: 2 / 3, not 1 / 2.
      const result = readiness(doc, 'senior-pmo-analyst', rated({ planning: 4, 'risk-management': 1 }), [], NOW);
      expect(result.shareMet).toBeCloseTo(2 / 3, 10);
      // Unweighted it would be half.
      const unweighted = everyPartFramework();
      delete unweighted.roles[1]!.expectationDetails!.planning!.weight;
      expect(readiness(unweighted, 'senior-pmo-analyst', rated({ planning: 4, 'risk-management': 1 }), [], NOW).shareMet).toBe(0.5);
    });

    it('carries the role-specific statement with the gap', () => {
      const doc = everyPartFramework();
      const gaps = gapsAlongRoute(doc, { planning: 1, 'risk-management': 2 }, null, 'senior-pmo-analyst');
      expect(gaps.steps[0]!.analysis.skills.find((s) => s.skillKey === 'planning')).toMatchObject({ weight: 2, statement: 'Plans the **whole** PMO reporting cycle.' });
      expect(gaps.targets.map((t) => t.skillKey)).toEqual(['planning']);
    });

    it('leaves optional expectations out of route prices, closeness and the publish preview', () => {
      const doc = everyPartFramework();
      const required = everyPartFramework();
      required.roles[1]!.expectationDetails = { planning: required.roles[1]!.expectationDetails!.planning! };
      const profile = { planning: 4, 'risk-management': 2 };
      const step = (d: FrameworkDocument) => findCheapestRoute(d, 'pmo-analyst', 'senior-pmo-analyst', profile)!.steps[0]!;
      expect(step(required).shortfall).toBe(1); // mentoring 0 → 1
      expect(step(doc).shortfall).toBe(0);
      const fit = closestRoles(doc, profile, 10).find((r) => r.role.key === 'senior-pmo-analyst')!;
      expect(fit.shortfall).toBe(0);
      const impact = impactOfChange(required, doc, [{ personId: 'p', roleKey: 'senior-pmo-analyst', targetRoleKey: null, profile: { ...profile, mentoring: 0 } }]);
      expect(impact.find((r) => r.roleKey === 'senior-pmo-analyst')).toMatchObject({ shortfallsToday: 1, shortfallsUnderDraft: 0 });
    });

    it('exports optional expectations in the grid as "(optional)" and reads them back', () => {
      const doc = everyPartFramework();
      const records = expectationsGridRecords(doc);
      expect(records[2]).toEqual(['senior-pmo-analyst', 'Senior PMO Analyst', '4', '2', '1 (optional)']);
      const back = applyExpectationsGrid(doc, [records[0]!, ['senior-pmo-analyst', '', '4', '2', '1']]);
      expect(back.ok && back.document.roles[1]!.expectationDetails).toEqual({ planning: { weight: 2, statement: 'Plans the **whole** PMO reporting cycle.' } });
      const again = applyExpectationsGrid(doc, records);
      expect(again.ok && again.document.roles[1]).toEqual(doc.roles[1]);
    });

    it('refuses details of a skill the role does not expect', () => {
      const doc = everyPartFramework();
      doc.roles[3]!.expectationDetails = { mentoring: { optional: true } };
      expect(problems(doc)).toEqual([{ path: 'roles[3].expectationDetails.mentoring', message: 'the role does not expect "mentoring": set a level first' }]);
    });
  });

  describe('shared roles and track groups', () => {
    it('puts a shared role on both ladders without duplicating it', () => {
      const doc = everyPartFramework();
      expect(rolesOnTrack(doc.roles, 'delivery').map((r) => r.key)).toEqual(['pmo-analyst', 'project-manager']);
      expect(rolesOnTrack(doc.roles, 'pmo').map((r) => r.key)).toEqual(['pmo-analyst', 'senior-pmo-analyst', 'pmo-manager']);
    });

    it('checks shared tracks and groups exist', () => {
      const doc = everyPartFramework();
      doc.roles[0]!.sharedWithTrackKeys = ['pmo', 'elsewhere'];
      doc.tracks[0]!.groupKey = 'nowhere';
      expect(problems(doc)).toEqual([
        { path: 'roles[0].sharedWithTrackKeys[0]', message: `"pmo" is already the role's own track` },
        { path: 'roles[0].sharedWithTrackKeys[1]', message: 'unknown track "elsewhere"' },
        { path: 'tracks[0].groupKey', message: 'unknown track group "nowhere"' },
      ]);
    });
  });

  describe('problems, named and linked', () => {
    it('names the part instead of its index', () => {
      const doc = JSON.parse(JSON.stringify(canonicalFrameworkDocument(pmoFramework)));
      const esg = doc.skills.length;
      doc.skills.push({ key: 'esg', name: 'ESG', categoryKey: 'nope', levels: { '9': 'Too high.' } });
      const pm = doc.roles.findIndex((r: { key: string }) => r.key === 'project-manager');
      doc.roles[pm].expectations.esg = 6;
      const result = validateFramework(doc);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(nameFrameworkProblems(doc, result.problems)).toEqual([
        { where: 'Skill "ESG" (categoryKey)', message: 'unknown skill category "nope"', section: 'skills', key: 'esg', path: `skills[${esg}].categoryKey` },
        { where: 'Skill "ESG", level 9', message: 'level 9 is not on the proficiency scale (1 to 5)', section: 'skills', key: 'esg', path: `skills[${esg}].levels.9` },
        { where: 'Role "Project Manager", expectation of "ESG"', message: "level 6 is above the scale's maximum 5", section: 'roles', key: 'project-manager', path: `roles[${pm}].expectations.esg` },
      ]);
    });
  });

  describe('import warnings', () => {
    it('says which unknown fields it dropped and which names it trimmed', () => {
      const doc = JSON.parse(JSON.stringify(canonicalFrameworkDocument(everyPartFramework())));
      doc.colour = 'green';
      doc.skills[0].name = '  Planning ';
      doc.skills[0].levels['3'].notes = 'x';
      doc.roles[1].expectationDetails.planning.priority = 'high';
      doc.roles[2].owner = 'Asha';
      expect(frameworkImportWarnings(doc)).toEqual([
        { path: '', message: 'dropped unknown field "colour"' },
        { path: 'skills[0].name', message: 'trimmed the spaces around "Planning"' },
        { path: 'skills[0].levels.3', message: 'dropped unknown field "notes"' },
        { path: 'roles[1].expectationDetails.planning', message: 'dropped unknown field "priority"' },
        { path: 'roles[2]', message: 'dropped unknown field "owner"' },
      ]);
      expect(validateFramework(doc).ok).toBe(true);
    });
  });
});
