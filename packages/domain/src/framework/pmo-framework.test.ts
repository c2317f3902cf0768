import { levelFromProfile } from './levelling.js';
import { pmoFramework } from './pmo-framework.js';
import { validateFramework } from './validate.js';

const transition = (from: string, to: string) =>
  pmoFramework.transitions.find((t) => t.fromRoleKey === from && t.toRoleKey === to);
const qualification = (key: string) => pmoFramework.qualifications.find((q) => q.key === key);

describe('the built-in PMO framework', () => {
  it('passes validateFramework with zero problems', () => {
    const result = validateFramework(pmoFramework);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('is identified as the PMO career framework', () => {
    expect(pmoFramework.key).toBe('pmo-career-framework');
    expect(pmoFramework.name).toBe('PMO career framework');
  });

  it('has the reference content plus the Workstream Lead role and its transitions', () => {
    expect(pmoFramework.proficiencyScale.map((l) => `${l.level} ${l.name}`)).toEqual([
      '1 Aware',
      '2 Practised',
      '3 Competent',
      '4 Proficient',
      '5 Expert',
    ]);
    expect(pmoFramework.skillCategories).toHaveLength(15);
    expect(pmoFramework.skills).toHaveLength(30);
    expect(pmoFramework.tracks.map((t) => [t.key, t.kind])).toEqual([
      ['pmo-core', 'core'],
      ['pmo-specialist', 'specialist'],
      ['project-delivery', 'core'],
      ['business-lateral', 'lateral'],
      ['technology-lateral', 'lateral'],
    ]);
    expect(pmoFramework.roles).toHaveLength(21 + 1);
    expect(pmoFramework.transitions).toHaveLength(45 + 4);
    expect(pmoFramework.qualifications).toHaveLength(29);
  });

  it('gives every skill a descriptor for each of the five levels', () => {
    for (const skill of pmoFramework.skills) expect(Object.keys(skill.levels)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('uses role titles that read well in a UI', () => {
    const titles = pmoFramework.roles.map((r) => r.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const title of titles) expect(title).toMatch(/^[A-Z][A-Za-z0-9&/ ]*[A-Za-z]$/);
    expect(titles).toEqual(expect.arrayContaining(['PMO Analyst', 'Senior PMO Analyst', 'Project Manager', 'Workstream Lead']));
    expect(titles.filter((t) => t.includes('Workstream'))).toEqual(['Workstream Lead']);
  });

  it('gives every role a summary, responsibilities, a band and expectations', () => {
    for (const role of pmoFramework.roles) {
      expect(role.responsibilities.length).toBeGreaterThan(0);
      expect(role.band).toBeGreaterThanOrEqual(1);
      expect(Object.keys(role.expectations).length).toBeGreaterThan(20);
    }
  });

  it('places the Workstream Lead on the delivery track between project support and project manager', () => {
    const lead = pmoFramework.roles.find((r) => r.key === 'workstream-lead');
    expect(lead).toMatchObject({ title: 'Workstream Lead', trackKey: 'project-delivery', level: 2, band: 2 });
    const pm = pmoFramework.roles.find((r) => r.key === 'project-manager');
    for (const [skill, level] of Object.entries(lead?.expectations ?? {})) {
      expect(level).toBeLessThanOrEqual(pm?.expectations[skill] ?? 0);
    }
    expect(transition('project-support-officer', 'workstream-lead')).toMatchObject({ kind: 'promotion', typicalMonths: 21 });
    expect(transition('workstream-lead', 'project-manager')).toMatchObject({ kind: 'promotion', typicalMonths: 24 });
    expect(transition('project-coordinator', 'workstream-lead')).toMatchObject({ kind: 'lateral' });
    expect(transition('business-analyst', 'workstream-lead')).toMatchObject({ kind: 'lateral' });
  });

  it("contains every route the guide describes", () => {
    const routes = [
      // Stay in the PMO: administrator, lead roles in reporting or change control, assurance and MI, team, PMO leadership.
      ['pmo-administrator', 'pmo-analyst', 'senior-pmo-analyst', 'pmo-manager', 'head-of-pmo'],
      // Move into delivery: PMO support to project support, then business analyst or workstream lead, then PM ...
      ['pmo-administrator', 'project-support-officer', 'business-analyst', 'project-manager'],
      ['pmo-administrator', 'project-support-officer', 'workstream-lead', 'project-manager'],
      // ... then programme and portfolio management.
      ['project-manager', 'senior-project-manager', 'programme-manager', 'portfolio-manager'],
      // Project experience opens business roles and technology roles.
      ['project-manager', 'business-change-manager'],
      ['pmo-manager', 'business-operations-manager'],
      ['project-manager', 'agile-delivery-manager'],
    ];
    for (const route of routes) {
      for (let i = 1; i < route.length; i++) {
        expect([route[i - 1], route[i], Boolean(transition(route[i - 1]!, route[i]!))]).toEqual([route[i - 1], route[i], true]);
      }
    }
  });

  it('uses the midpoint of the reference ranges as typical months', () => {
    expect(transition('pmo-administrator', 'pmo-analyst')).toMatchObject({ kind: 'promotion', typicalMonths: 21 }); // 12–30
    expect(transition('pmo-manager', 'head-of-pmo')).toMatchObject({ kind: 'promotion', typicalMonths: 54 }); // 36–72
    expect(transition('portfolio-manager', 'head-of-pmo')).toMatchObject({ kind: 'lateral', typicalMonths: 12 }); // 0–24
  });

  it('records when qualifications expire', () => {
    expect(qualification('pmp')?.validityMonths).toBe(36);
    expect(qualification('prince2-practitioner')?.validityMonths).toBe(36);
    expect(qualification('pl-300')?.validityMonths).toBe(12);
    expect(qualification('apm-pfq')?.validityMonths).toBeUndefined();
    expect(qualification('pmp')).toMatchObject({ provider: 'Project Management Institute (PMI)', url: 'https://www.pmi.org/certifications' });
  });

  it('recommends qualifications from both the roles and the qualifications, and requires none', () => {
    expect(qualification('pmp')?.recommendedForRoleKeys).toEqual([
      'pmo-manager',
      'planning-controls-specialist',
      'project-manager',
      'senior-project-manager',
    ]);
    expect(qualification('apm-pmq')?.recommendedForRoleKeys).toContain('workstream-lead');
    for (const q of pmoFramework.qualifications) expect(q.requiredForRoleKeys).toEqual([]);
    for (const role of pmoFramework.roles) {
      expect([role.key, pmoFramework.qualifications.some((q) => q.recommendedForRoleKeys.includes(role.key))]).toEqual([role.key, true]);
    }
  });

  // Points by hand: the role's expectations at 1, 3, 6, 10, 15 points for levels 1–5, summed.
  it.each([
    ['pmo-analyst', 93, 'P2', 'C'],
    ['senior-pmo-analyst', 156, 'P3', 'B'],
    ['pmo-manager', 223, 'P4', 'A'],
    ['head-of-pmo', 301, 'P5', 'A'],
  ])('places %s, met exactly, at %i points: %s · %s', (roleKey, points, level, subLevel) => {
    const role = pmoFramework.roles.find((r) => r.key === roleKey)!;
    expect(levelFromProfile(pmoFramework, role.expectations)).toMatchObject({ points, level, subLevel });
  });
});
