import { closestRoles, roleFit } from './closest-roles.js';
import { summaryDescriptor } from './scales.js';
import type { FrameworkDocument, RoleDocument } from './document.js';
import { closestRoles as fromPaths } from './paths.js';
import { pmoFramework } from './pmo-framework.js';
import { getRole } from './roles.js';
import { smallFramework } from './test-fixtures.js';

/** A framework of roles over skills a..h (1-5), one track, bands as given. */
function rolesFramework(roles: Array<[key: string, band: number, expectations: Record<string, number>]>): FrameworkDocument {
  const keys = 'abcdefgh'.split('');
  return {
    schemaVersion: '1',
    key: 'fit',
    name: 'Fit',
    proficiencyScale: [1, 2, 3, 4, 5].map((level) => ({ level, name: `L${level}`, summary: `Level ${level}.` })),
    skillCategories: [{ key: 'c', name: 'C' }],
    skills: keys.map((key) => ({ key, name: key.toUpperCase(), categoryKey: 'c', levels: Object.fromEntries([1, 2, 3, 4, 5].map((l) => [String(l), summaryDescriptor(`${key} ${l}`)])) })),
    tracks: [{ key: 't', name: 'T', kind: 'core' }],
    roles: roles.map(([key, band, expectations], i): RoleDocument => ({ key, title: key, trackKey: 't', level: i + 1, band, summary: key, responsibilities: [], expectations })),
    transitions: [],
    qualifications: [],
  };
}

const keysOf = (fits: ReturnType<typeof closestRoles>) => fits.map((f) => f.role.key);

describe('closestRoles', () => {
  it('ranks first the role whose expectations equal the profile, tied with a role of identical expectations', () => {
    const same = { a: 3, b: 3, c: 2, d: 2 };
    const doc = rolesFramework([
      ['support', 1, { a: 1 }],
      ['half', 2, { a: 3, b: 3 }],
      ['engineer', 3, same],
      ['twin', 3, { ...same }],
      ['senior', 4, { a: 4, b: 4, c: 3, d: 3, e: 2 }],
      ['broad', 2, { a: 2, b: 2, c: 2, d: 2, e: 2, f: 2, g: 2, h: 2 }],
    ]);
    const fits = closestRoles(doc, same, 10);
    expect(keysOf(fits).slice(0, 2).sort()).toEqual(['engineer', 'twin']);
    expect(fits[0]?.fit).toBe(1);
    expect(fits[1]?.fit).toBe(1);
    // shared only half of the expectations: well behind
    expect(fits.find((f) => f.role.key === 'half')?.fit).toBeCloseTo(6 / 10);
    // the one-skill support role is last, not "closest"
    expect(keysOf(fits).at(-1)).toBe('support');
  });

  it('does not favour a one-skill role for an empty profile: nothing is known, nothing is ranked', () => {
    const doc = rolesFramework([
      ['support', 1, { a: 1 }],
      ['engineer', 3, { a: 3, b: 3, c: 2 }],
    ]);
    expect(closestRoles(doc, {}, 5)).toEqual([]);
    const all = closestRoles(doc, {}, 5, { includeUnranked: true });
    expect(all.map((f) => [f.role.key, f.ranked, f.fit])).toEqual([
      ['engineer', false, null],
      ['support', false, null],
    ]);
    expect(all[1]?.explanation).toBe('Too little known to rank: 0 of 1 expectation known (rated or assumed); rate more skills.');
  });

  it('ranks a one-skill role low for a senior, broad profile', () => {
    const doc = rolesFramework([
      ['support', 1, { a: 1 }],
      ['engineer', 3, { a: 3, b: 3, c: 2, d: 2 }],
      ['senior', 4, { a: 4, b: 4, c: 3, d: 3, e: 2 }],
      ['lead', 5, { a: 5, b: 5, c: 4, d: 4, e: 3 }],
    ]);
    const fits = closestRoles(doc, { a: 4, b: 4, c: 3, d: 3, e: 2 }, 10);
    expect(keysOf(fits)).toEqual(['senior', 'lead', 'engineer', 'support']);
    expect(fits[3]?.otherSkillCount).toBe(4);
  });

  it('measures on what is known: unknown expectations are neither met nor short, and are listed', () => {
    const doc = smallFramework();
    const fit = roleFit(doc, getRole(doc, 'senior-pmo-analyst'), { planning: 2, 'risk-management': 2 });
    expect(fit).toMatchObject({ fit: 1, shortfall: 0, metSkillCount: 2, expectedSkillCount: 3, unknownSkillKeys: ['mentoring'], ranked: true });
    expect(fit.coverage).toMatchObject({ rated: 2, assumed: 0, unknown: 1 });
    expect(fit.explanation).toBe('Fit 100%: 2 of 3 expectations met, 1 unknown.');
  });

  it('prefers the role more of which is known when the fit ties', () => {
    const doc = smallFramework();
    // pmo-manager fits exactly; senior and PM fit the known part less; an unknown never helps a role past a known exact fit
    const fits = closestRoles(doc, { planning: 3, 'risk-management': 3, mentoring: 2 }, 10);
    expect(keysOf(fits)).toEqual(['pmo-manager', 'senior-pmo-analyst', 'project-manager', 'pmo-analyst']);
    const doc2 = rolesFramework([
      ['exact', 2, { a: 2, b: 2 }],
      ['more', 2, { a: 2, b: 2, c: 3 }],
    ]);
    expect(keysOf(closestRoles(doc2, { a: 2, b: 2 }, 5))).toEqual(['exact', 'more']);
  });

  it('explains the rank: met, above, short, unknown and skills the role does not use', () => {
    const doc = smallFramework();
    const fit = roleFit(doc, getRole(doc, 'project-manager'), { planning: 2, 'risk-management': 3, mentoring: 1 });
    expect(fit).toMatchObject({ metSkillCount: 1, aboveSkillCount: 1, aboveLevels: 1, shortfall: 1, otherSkillCount: 1, otherLevels: 1 });
    // Σmin = 2 + 2 = 4; Σmax = 3 + 3 + 1 (mentoring, not expected) = 7
    expect(fit.fit).toBeCloseTo(4 / 7);
    expect(fit.gaps).toEqual([{ skillKey: 'planning', skillName: 'Planning', currentLevel: 2, requiredLevel: 3, shortfall: 1 }]);
    expect(fit.explanation).toBe('Fit 57%: 1 of 2 expectations met (1 above), short on 1 by 1 level in all; 1 skill of yours the role does not use.');
  });

  it('assumes the current role’s expectations for unrated skills', () => {
    const doc = smallFramework();
    // nothing rated: without a current role nothing is ranked; with one, that role fits exactly
    expect(closestRoles(doc, {}, 5)).toEqual([]);
    const fits = closestRoles(doc, {}, 5, { currentRoleKey: 'senior-pmo-analyst' });
    expect(fits[0]?.role.key).toBe('senior-pmo-analyst');
    expect(fits[0]?.coverage).toMatchObject({ rated: 0, assumed: 3, unknown: 0 });
  });

  it('ranks a role only when enough of it is known (minKnownShare)', () => {
    const doc = smallFramework();
    // one of pmo-manager's three expectations known: below half
    expect(roleFit(doc, getRole(doc, 'pmo-manager'), { planning: 3 }).ranked).toBe(false);
    expect(roleFit(doc, getRole(doc, 'pmo-manager'), { planning: 3 }, { minKnownShare: 0.3 }).ranked).toBe(true);
  });

  it('respects the limit and the excluded roles, and is re-exported from paths', () => {
    const doc = smallFramework();
    const profile = { planning: 2, 'risk-management': 2, mentoring: 1 };
    expect(closestRoles(doc, profile, 1).map((f) => f.role.key)).toEqual(['senior-pmo-analyst']);
    expect(closestRoles(doc, profile, 1, { excludeRoleKeys: ['senior-pmo-analyst'] })).toHaveLength(1);
    expect(closestRoles(doc, profile, 1, { excludeRoleKeys: ['senior-pmo-analyst'] })[0]?.role.key).not.toBe('senior-pmo-analyst');
    expect(closestRoles(doc, profile, 0)).toEqual([]);
    expect(fromPaths).toBe(closestRoles);
  });
});

describe('closestRoles on the built-in PMO framework', () => {
  // A PMO Analyst who has rated 9 of the 30 skills: some at her role's level, some above, some below.
  const profiles: Record<string, Record<string, number>> = {
    realistic: { 'status-reporting': 3, 'data-analysis-insight': 3, 'planning-scheduling': 3, 'risk-management': 3, 'issue-management': 3, 'change-control': 3, 'stakeholder-engagement': 2, 'ppm-tools-bi': 4, facilitation: 2 },
    modest: { 'status-reporting': 2, 'data-analysis-insight': 2, 'planning-scheduling': 2, 'risk-management': 2, 'issue-management': 2, 'change-control': 2, 'stakeholder-engagement': 2, 'ppm-tools-bi': 3, facilitation: 2 },
    strong: { 'status-reporting': 4, 'data-analysis-insight': 4, 'planning-scheduling': 3, 'risk-management': 3, 'issue-management': 3, 'change-control': 4, 'stakeholder-engagement': 3, 'ppm-tools-bi': 3, 'assurance-quality': 3 },
  };
  const stepsUp = pmoFramework.transitions.filter((t) => t.fromRoleKey === 'pmo-analyst' && t.kind === 'promotion').map((t) => t.toRoleKey);

  it.each(Object.keys(profiles))('puts a PMO Analyst (%s profile) in her own role or a step up first, never a step down', (name) => {
    const fits = closestRoles(pmoFramework, profiles[name] as Record<string, number>, 5, { currentRoleKey: 'pmo-analyst' });
    expect(['pmo-analyst', ...stepsUp]).toContain(fits[0]?.role.key);
    expect(keysOf(fits)).not.toContain('pmo-administrator');
    for (const f of fits) expect(f.coverage.rated).toBeLessThanOrEqual(9);
  });

  it('puts a step up first when her own role is left out, and explains what is unknown', () => {
    const fits = closestRoles(pmoFramework, profiles.strong as Record<string, number>, 3, { currentRoleKey: 'pmo-analyst', excludeRoleKeys: ['pmo-analyst'] });
    expect(stepsUp).toContain(fits[0]?.role.key);
    // team leadership: neither rated nor expected by a PMO Analyst, so unknown
    expect(fits[0]?.unknownSkillKeys).toEqual(['team-leadership']);
    expect(fits[0]?.explanation).toMatch(/1 unknown/);
  });
});
