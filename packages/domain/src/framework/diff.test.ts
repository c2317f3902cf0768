import { diffFrameworks, type DiffPartKind, type DiffSection, type FrameworkDiff } from './diff.js';
import { summaryDescriptor } from './scales.js';
import type { FrameworkDocument } from './document.js';
import { pmoFramework } from './pmo-framework.js';
import { smallFramework } from './test-fixtures.js';

function section(diff: FrameworkDiff, kind: DiffPartKind): DiffSection {
  const found = diff.sections.find((s) => s.kind === kind);
  if (!found) throw new Error(`no ${kind} section`);
  return found;
}

function emptyFramework(): FrameworkDocument {
  return {
    schemaVersion: '1',
    key: 'test-framework',
    name: 'Test framework',
    proficiencyScale: [{ level: 1, name: 'Aware', summary: 'Knows the concepts.' }],
    skillCategories: [],
    skills: [],
    tracks: [],
    roles: [],
    transitions: [],
    qualifications: [],
  };
}

describe('diffFrameworks', () => {
  it('finds nothing between a framework and itself, with every section present', () => {
    const diff = diffFrameworks(pmoFramework, structuredClone(pmoFramework));
    expect(diff.changeCount).toBe(0);
    expect(diff.sections.map((s) => s.kind)).toEqual([
      'framework',
      'proficiencyLevel',
      'scale',
      'skillCategory',
      'skill',
      'trackGroup',
      'track',
      'role',
      'expectation',
      'transition',
      'qualification',
      'levelling',
    ]);
  });

  it('finds nothing between two empty frameworks', () => {
    expect(diffFrameworks(emptyFramework(), emptyFramework()).changeCount).toBe(0);
  });

  it('lists every part as added when starting from an empty framework (expectations come with their roles)', () => {
    const after = smallFramework();
    const diff = diffFrameworks(emptyFramework(), after);
    expect(section(diff, 'role').added.map((item) => item.label)).toEqual(after.roles.map((role) => role.title));
    expect(section(diff, 'skill').added).toHaveLength(3);
    expect(section(diff, 'transition').added).toHaveLength(4);
    expect(section(diff, 'expectation').added).toEqual([]);
    expect(section(diff, 'proficiencyLevel').added.map((item) => item.key)).toEqual(['2', '3']);
    expect(section(diff, 'proficiencyLevel').changed).toEqual([]);
  });

  it('lists every part as removed when everything is deleted', () => {
    const diff = diffFrameworks(smallFramework(), emptyFramework());
    expect(section(diff, 'role').removed.map((item) => item.key)).toEqual([
      'pmo-analyst',
      'senior-pmo-analyst',
      'pmo-manager',
      'project-manager',
    ]);
    expect(section(diff, 'qualification').removed.map((item) => item.label)).toEqual(['Project Management Professional (PMP)']);
    expect(section(diff, 'role').added).toEqual([]);
  });

  it('reports a new name under the same key as a rename, with the old name, not as a removal', () => {
    const after = smallFramework();
    (after.roles[0] as FrameworkDocument['roles'][number]).title = 'Reporting Analyst';
    (after.skills[0] as FrameworkDocument['skills'][number]).name = 'Planning & scheduling';
    const diff = diffFrameworks(smallFramework(), after);
    expect(section(diff, 'role').renamed).toEqual([{ key: 'pmo-analyst', label: 'Reporting Analyst', previousLabel: 'PMO Analyst', fields: [] }]);
    expect(section(diff, 'skill').renamed).toEqual([
      { key: 'planning', label: 'Planning & scheduling', previousLabel: 'Planning', fields: [] },
    ]);
    expect(section(diff, 'role').removed).toEqual([]);
    // Transitions and expectations are named after their roles: a role's rename does not "change" them.
    expect(section(diff, 'transition').changed).toEqual([]);
    expect(section(diff, 'expectation').changed).toEqual([]);
    expect(diff.changeCount).toBe(2);
  });

  it('handles everything renamed at once', () => {
    const after = smallFramework();
    after.name = 'Renamed framework';
    after.proficiencyScale.forEach((step) => (step.name = `${step.name}!`));
    after.skillCategories.forEach((c) => (c.name = `${c.name}!`));
    after.skills.forEach((s) => (s.name = `${s.name}!`));
    after.tracks.forEach((t) => (t.name = `${t.name}!`));
    after.roles.forEach((r) => (r.title = `${r.title}!`));
    after.qualifications.forEach((q) => (q.name = `${q.name}!`));
    const diff = diffFrameworks(smallFramework(), after);
    const renamed = Object.fromEntries(diff.sections.map((s) => [s.kind, s.renamed.length]));
    expect(renamed).toEqual({
      framework: 1,
      proficiencyLevel: 3,
      scale: 0,
      skillCategory: 2,
      skill: 3,
      trackGroup: 0,
      track: 2,
      role: 4,
      expectation: 0,
      transition: 0,
      qualification: 1,
      levelling: 0,
    });
    expect(diff.sections.flatMap((s) => [...s.added, ...s.removed, ...s.changed])).toEqual([]);
    // A track's new name shows in roles only as the rename of the track, not as each role's change.
    expect(section(diff, 'role').renamed.every((item) => item.fields.length === 0)).toBe(true);
  });

  it('gives field-level old and new values, showing references by name', () => {
    const after = smallFramework();
    const role = after.roles[3] as FrameworkDocument['roles'][number];
    role.trackKey = 'pmo';
    role.band = undefined;
    role.responsibilities.push('Report to the board');
    const skill = after.skills[1] as FrameworkDocument['skills'][number];
    skill.categoryKey = 'people';
    skill.levels['2'] = summaryDescriptor('Keeps a risk log with support.');
    const diff = diffFrameworks(smallFramework(), after);
    expect(section(diff, 'role').changed).toEqual([
      {
        key: 'project-manager',
        label: 'Project Manager',
        previousLabel: null,
        fields: [
          { field: 'track', label: 'Track', before: 'Delivery', after: 'PMO' },
          { field: 'band', label: 'Band', before: '2', after: null },
          {
            field: 'responsibilities',
            label: 'Responsibilities',
            before: 'Deliver a project',
            after: 'Deliver a project; Report to the board',
          },
        ],
      },
    ]);
    expect(section(diff, 'skill').changed[0]?.fields).toEqual([
      { field: 'category', label: 'Category', before: 'Delivery', after: 'People' },
      {
        field: 'levels.2',
        label: 'Descriptor at level 2 (Practised)',
        before: 'Practises risk management with support.',
        after: 'Keeps a risk log with support.',
      },
    ]);
  });

  it('reports expectations added, removed and changed for roles and skills in both versions', () => {
    const after = smallFramework();
    const analyst = after.roles[0] as FrameworkDocument['roles'][number];
    analyst.expectations = { planning: 2, mentoring: 1 }; // planning 1→2, risk removed, mentoring added
    const diff = diffFrameworks(smallFramework(), after);
    const expectations = section(diff, 'expectation');
    expect(expectations.changed).toEqual([
      {
        key: 'pmo-analyst/planning',
        label: 'PMO Analyst: Planning',
        previousLabel: null,
        fields: [{ field: 'level', label: 'Expected level', before: '1', after: '2' }],
      },
    ]);
    expect(expectations.removed.map((item) => item.key)).toEqual(['pmo-analyst/risk-management']);
    expect(expectations.added.map((item) => item.key)).toEqual(['pmo-analyst/mentoring']);
  });

  it("lists a new skill's expectations as added: \"Project Manager: ESG – → 3\"", () => {
    const after = smallFramework();
    after.skills.push({ key: 'esg', name: 'ESG', categoryKey: 'delivery', levels: {} });
    after.roles.find((r) => r.key === 'project-manager')!.expectations.esg = 3;
    const diff = diffFrameworks(smallFramework(), after);
    expect(section(diff, 'skill').added.map((i) => i.label)).toEqual(['ESG']);
    expect(section(diff, 'expectation').added.map((i) => [i.label, i.fields.map((f) => [f.label, f.before, f.after])])).toEqual([
      ['Project Manager: ESG', [['Expected level', null, '3']]],
    ]);
  });

  it("lists a removed skill's expectations (with their level) but not a removed role's", () => {
    const after = smallFramework();
    after.skills = after.skills.filter((s) => s.key !== 'mentoring');
    after.roles.forEach((role) => delete role.expectations.mentoring);
    after.roles = after.roles.filter((r) => r.key !== 'pmo-manager');
    after.transitions = after.transitions.filter((t) => t.toRoleKey !== 'pmo-manager');
    const diff = diffFrameworks(smallFramework(), after);
    expect(section(diff, 'expectation')).toMatchObject({ added: [], changed: [] });
    expect(section(diff, 'expectation').removed.map((i) => [i.label, i.fields.map((f) => `${f.before} → ${f.after}`)])).toEqual([
      ['Senior PMO Analyst: Mentoring', ['1 → null']],
    ]);
    expect(section(diff, 'skill').removed.map((i) => i.key)).toEqual(['mentoring']);
    expect(section(diff, 'transition').removed.map((i) => i.label)).toEqual(['Senior PMO Analyst → PMO Manager']);
  });

  it('reports transition and qualification changes and the scale summary', () => {
    const after = smallFramework();
    const move = after.transitions[0] as FrameworkDocument['transitions'][number];
    move.typicalMonths = 18;
    move.guidance = 'Lead one reporting cycle alone.';
    const pmp = after.qualifications[0] as FrameworkDocument['qualifications'][number];
    pmp.requiredForRoleKeys = ['pmo-manager'];
    pmp.url = 'https://www.pmi.org/certifications/project-management-pmp';
    (after.proficiencyScale[2] as FrameworkDocument['proficiencyScale'][number]).summary = 'Works alone.';
    after.key = 'renamed-framework';
    const diff = diffFrameworks(smallFramework(), after);
    expect(section(diff, 'transition').changed[0]?.fields).toEqual([
      { field: 'typicalMonths', label: 'Typical months before the move', before: '24', after: '18' },
      { field: 'guidance', label: 'Guidance', before: null, after: 'Lead one reporting cycle alone.' },
    ]);
    expect(section(diff, 'qualification').changed[0]?.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['url', null, 'https://www.pmi.org/certifications/project-management-pmp'],
      ['requiredFor', null, 'PMO Manager'],
    ]);
    expect(section(diff, 'proficiencyLevel').changed[0]).toMatchObject({ key: '3', fields: [{ before: 'Applies independently.', after: 'Works alone.' }] });
    expect(section(diff, 'framework').changed[0]?.fields).toEqual([
      { field: 'key', label: 'Key', before: 'test-framework', after: 'renamed-framework' },
    ]);
  });

  it('counts every change once', () => {
    const after = smallFramework();
    after.tracks.push({ key: 'specialist', name: 'Specialist', kind: 'specialist' });
    after.qualifications = [];
    (after.roles[0] as FrameworkDocument['roles'][number]).summary = 'Runs the reporting cycle.';
    expect(diffFrameworks(smallFramework(), after).changeCount).toBe(3);
  });
});
