import type { FrameworkDocument, RoleDocument } from '../framework/document.js';
import { summaryDescriptor } from '../framework/scales.js';
import { pmoFramework } from '../framework/pmo-framework.js';
import { getRole } from '../framework/roles.js';
import { smallFramework } from '../framework/test-fixtures.js';
import { descriptorActivities } from './descriptors.js';
import {
  chooseSuggestions,
  focusProblems,
  FocusSelectionError,
  focusSelectionSchema,
  MAX_FOCUS_SKILLS,
  MAX_PROPOSED_ACTIONS,
  proposePlan,
  rankGaps,
  suggestionChoiceSchema,
} from './focus.js';
import { gapsAlongRoute } from './gaps.js';

/** Skills a..h on a 1-5 scale whose descriptors name activities ("Does a at level n, reviews ..."), roles in a line. */
function ladder(roles: Array<[key: string, expectations: Record<string, number>]>, qualifications: FrameworkDocument['qualifications'] = []): FrameworkDocument {
  const keys = 'abcdefgh'.split('');
  return {
    schemaVersion: '1',
    key: 'ladder',
    name: 'Ladder',
    proficiencyScale: [1, 2, 3, 4, 5].map((level) => ({ level, name: `L${level}`, summary: `Level ${level}.` })),
    skillCategories: [{ key: 'c', name: 'C' }],
    skills: keys.map((key) => ({
      key,
      name: `Skill ${key.toUpperCase()}`,
      categoryKey: 'c',
      levels: Object.fromEntries([1, 2, 3, 4, 5].map((l) => [String(l), summaryDescriptor(`Practises ${key} at level ${l}, reviews ${key} work of others.`)])),
    })),
    tracks: [{ key: 't', name: 'T', kind: 'core' }],
    roles: roles.map(([key, expectations], i): RoleDocument => ({ key, title: key.toUpperCase(), trackKey: 't', level: i + 1, band: i + 1, summary: key, responsibilities: [], expectations })),
    transitions: roles.slice(1).map(([key], i) => ({ fromRoleKey: roles[i]?.[0] as string, toRoleKey: key, kind: 'promotion' as const, typicalMonths: 12 })),
    qualifications,
  };
}

describe('rankGaps', () => {
  it('puts blocking gaps (the next step needs them) first, then larger shortfalls, then skills more steps need', () => {
    const doc = ladder([
      ['start', { a: 1, b: 1, c: 1, d: 1 }],
      ['next', { a: 2, b: 1, c: 1, d: 2 }],
      ['target', { a: 2, b: 4, c: 2, d: 3 }],
    ]);
    const ranked = rankGaps(doc, gapsAlongRoute(doc, {}, 'start', 'target'));
    expect(ranked.map((g) => [g.skillKey, g.blocking, g.shortfall, g.stepsNeeding])).toEqual([
      // blocking: the next step expects more than the assumed 1
      ['d', true, 2, 2],
      ['a', true, 1, 2],
      // not blocking: only the target needs them; the larger shortfall first
      ['b', false, 3, 1],
      ['c', false, 1, 1],
    ]);
    expect(ranked[0]?.reason).toBe('Your next step, NEXT, expects level 2; you are at 1 (assumed from your current role). 2 levels to reach 3, needed by 2 of 2 steps.');
    expect(ranked[2]?.reason).toBe('3 levels to reach 4; you are at 1 (assumed from your current role). Needed by 1 of 2 steps, not by the next one.');
  });

  it('breaks equal blocking and size by how many steps need the skill', () => {
    const doc = ladder([
      ['start', { a: 1, b: 1 }],
      ['next', { a: 2, b: 2 }],
      ['target', { a: 2, b: 3 }],
    ]);
    // rated at the next step's level minus one: both block, both 1 short of the next step; b is needed by both steps
    const ranked = rankGaps(doc, gapsAlongRoute(doc, { a: 1, b: 2 }, 'start', 'target'));
    expect(ranked.map((g) => [g.skillKey, g.shortfall, g.stepsNeeding, g.blocking])).toEqual([
      ['a', 1, 2, true],
      ['b', 1, 1, false],
    ]);
  });

  it('leaves unknown and met skills out', () => {
    const doc = smallFramework();
    const ranked = rankGaps(doc, gapsAlongRoute(doc, { planning: 3 }, null, 'pmo-manager'));
    expect(ranked).toEqual([]);
  });
});

describe('proposePlan: a PMO Analyst choosing Project Manager', () => {
  // 9 of the 30 skills rated; her role (PMO Analyst) fills in the rest.
  const rated = {
    'status-reporting': 3,
    'data-analysis-insight': 3,
    'planning-scheduling': 3,
    'risk-management': 3,
    'issue-management': 3,
    'change-control': 3,
    'stakeholder-engagement': 2,
    'ppm-tools-bi': 4,
    facilitation: 2,
  };
  const proposal = proposePlan(pmoFramework, rated, 'pmo-analyst', 'project-manager');
  const target = getRole(pmoFramework, 'project-manager');

  it('proposes 3 to 5 focus skills and at most 10 suggestions instead of dozens of actions', () => {
    expect(proposal.focus.length).toBeGreaterThanOrEqual(3);
    expect(proposal.focus.length).toBeLessThanOrEqual(MAX_FOCUS_SKILLS);
    expect(proposal.suggestions.length).toBeLessThanOrEqual(MAX_PROPOSED_ACTIONS);
    for (const f of proposal.focus) expect(f.suggestionIds.length).toBeGreaterThanOrEqual(1);
    for (const f of proposal.focus) expect(f.suggestionIds.length).toBeLessThanOrEqual(2);
    // every suggestion belongs to a focus skill
    const used = new Set(proposal.focus.flatMap((f) => f.suggestionIds));
    expect(proposal.suggestions.map((s) => s.id).every((id) => used.has(id))).toBe(true);
    // choosing every suggestion still gives at most 10 actions
    const all = chooseSuggestions(proposal, proposal.suggestions.map((s) => s.id));
    expect(all.ok && all.actions.length).toBeLessThanOrEqual(MAX_PROPOSED_ACTIONS);
  });

  it('follows the route and focuses on what blocks its next step, the rest later', () => {
    expect(proposal.stepRoleKeys.at(-1)).toBe('project-manager');
    const next = getRole(pmoFramework, proposal.stepRoleKeys[0] as string);
    for (const f of proposal.focus) {
      expect(f.blocking).toBe(true);
      expect((next.expectations[f.skillKey] ?? 0) > f.currentLevel).toBe(true);
    }
    expect(proposal.ranked.slice(0, proposal.focus.length).map((g) => g.skillKey)).toEqual(proposal.focus.map((f) => f.skillKey));
    expect(proposal.later.map((g) => g.skillKey)).toEqual(proposal.ranked.slice(proposal.focus.length).map((g) => g.skillKey));
    expect(proposal.later.length).toBeGreaterThan(5);
    // stakeholder engagement is rated 2 and the next step expects 3: a rated, blocking gap
    expect(proposal.focus.find((f) => f.skillKey === 'stakeholder-engagement')).toMatchObject({ basis: 'rated', currentLevel: 2, aimLevel: 3, targetLevel: 4 });
  });

  it('keeps the skills nothing is known about apart, to be rated', () => {
    expect(proposal.unknown).toEqual([{ skillKey: 'team-leadership', skillName: 'Team leadership & line management', requiredLevel: 3, stepsNeeding: proposal.stepRoleKeys.length }]);
    expect(proposal.ranked.some((g) => g.skillKey === 'team-leadership')).toBe(false);
    expect(proposal.coverage).toMatchObject({ expected: 28, rated: 9, assumed: 18, unknown: 1 });
    expect(proposal.assumption).toBe('9 of 28 expectations rated; 18 assumed at the level your current role (PMO Analyst) expects; 1 unknown, not counted.');
  });

  it('makes concrete suggestions: the next level’s own activities, quoting its descriptor', () => {
    for (const f of proposal.focus) {
      const skill = pmoFramework.skills.find((s) => s.key === f.skillKey);
      const descriptor = skill?.levels[String(f.currentLevel + 1)]?.summary as string;
      expect(f.aimLevel).toBe(f.currentLevel + 1);
      expect(f.aimDescriptor).toBe(descriptor);
      const first = proposal.suggestions.find((s) => s.id === f.suggestionIds[0]);
      expect(first).toMatchObject({ type: 'on-the-job', skillKeys: [f.skillKey] });
      expect(first?.title).toBe(descriptorActivities(descriptor)[0]);
      expect(first?.description).toContain(`“${descriptor}”`);
      expect(first?.description).toContain(`level ${f.aimLevel}`);
    }
    const stakeholder = proposal.suggestions.find((s) => s.id === 'practise:stakeholder-engagement:3:1');
    expect(stakeholder?.title).toBe('Analyse stakeholder interests and influence');
    // nothing generic: no "Read up on" or "Take on work that needs"
    for (const s of proposal.suggestions) expect(s.title).not.toMatch(/^(Read up on|Take on work that needs)/);
  });

  it('suggests a qualification only when the Project Manager role requires or recommends it and it covers focus skills', () => {
    const qualifications = proposal.suggestions.filter((s) => s.type === 'qualification');
    expect(qualifications.length).toBeGreaterThanOrEqual(1);
    expect(qualifications.length).toBeLessThanOrEqual(2);
    const focusKeys = new Set(proposal.focus.map((f) => f.skillKey));
    for (const s of qualifications) {
      const q = pmoFramework.qualifications.find((x) => x.key === s.qualificationKey);
      expect(q && (q.requiredForRoleKeys.includes(target.key) || q.recommendedForRoleKeys.includes(target.key))).toBe(true);
      expect(s.skillKeys.length).toBeGreaterThan(0);
      for (const key of s.skillKeys) {
        expect(focusKeys.has(key)).toBe(true);
        expect(q?.skillKeys).toContain(key);
      }
      // listed under each focus skill it covers
      for (const f of proposal.focus) expect(f.suggestionIds.includes(s.id)).toBe(s.skillKeys.includes(f.skillKey));
    }
  });

  it('suggests a mentor at most once', () => {
    expect(proposal.suggestions.filter((s) => s.type === 'mentoring').length).toBeLessThanOrEqual(1);
  });

  it('pre-selects one suggestion per focus skill, and is deterministic', () => {
    expect(proposal.defaultSuggestionIds).toEqual(proposal.focus.map((f) => f.suggestionIds[0]));
    expect(proposePlan(pmoFramework, { ...rated }, 'pmo-analyst', 'project-manager')).toEqual(proposal);
  });

  it('never suggests a qualification already held', () => {
    const held = proposal.suggestions.filter((s) => s.type === 'qualification').map((s) => s.qualificationKey as string);
    const again = proposePlan(pmoFramework, rated, 'pmo-analyst', 'project-manager', { heldQualificationKeys: held });
    for (const key of held) expect(again.suggestions.some((s) => s.qualificationKey === key)).toBe(false);
  });

  it('takes the person’s own focus from the ranked gaps, and refuses anything else', () => {
    const mine = [proposal.later[0]?.skillKey as string, proposal.focus[0]?.skillKey as string];
    const chosen = proposePlan(pmoFramework, rated, 'pmo-analyst', 'project-manager', { focusSkillKeys: mine });
    expect(chosen.focus.map((f) => f.skillKey).sort()).toEqual([...mine].sort());
    expect(chosen.later.some((g) => mine.includes(g.skillKey))).toBe(false);
    expect(() => proposePlan(pmoFramework, rated, 'pmo-analyst', 'project-manager', { focusSkillKeys: ['team-leadership'] })).toThrow(FocusSelectionError);
  });
});

describe('proposePlan: how many focus skills and which suggestions', () => {
  const levels = (n: number) => Object.fromEntries('abcdefgh'.split('').map((k) => [k, n]));

  it('focuses on every blocking gap up to 5', () => {
    const doc = ladder([
      ['start', levels(1)],
      ['target', levels(3)],
    ]);
    const proposal = proposePlan(doc, {}, 'start', 'target');
    expect(proposal.ranked).toHaveLength(8);
    expect(proposal.focus).toHaveLength(5);
    expect(proposal.later).toHaveLength(3);
    expect(proposal.suggestions.length).toBeLessThanOrEqual(MAX_PROPOSED_ACTIONS);
  });

  it('focuses on at least 3 gaps when fewer block the next step', () => {
    const doc = ladder([
      ['start', levels(1)],
      ['next', { ...levels(1), a: 2 }],
      ['target', levels(3)],
    ]);
    const proposal = proposePlan(doc, {}, 'start', 'target');
    expect(proposal.focus.map((f) => [f.skillKey, f.blocking])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
    ]);
  });

  it('offers the descriptor’s second activity, or one mentor, as the second suggestion', () => {
    const doc = ladder([
      ['start', levels(1)],
      ['target', { a: 3, b: 2, c: 2 }],
    ]);
    const proposal = proposePlan(doc, {}, 'start', 'target');
    expect(proposal.focus.map((f) => f.suggestionIds)).toEqual([
      ['practise:a:2:1', 'mentor:a'],
      ['practise:b:2:1', 'practise:b:2:2'],
      ['practise:c:2:1', 'practise:c:2:2'],
    ]);
    const byId = new Map(proposal.suggestions.map((s) => [s.id, s]));
    expect(byId.get('practise:a:2:1')?.title).toBe('Practise a at level 2');
    expect(byId.get('practise:b:2:2')?.title).toBe('Review b work of others');
    expect(byId.get('mentor:a')).toMatchObject({ type: 'mentoring', title: 'Find a mentor in Skill A' });
    expect(byId.get('mentor:a')?.description).toMatch(/^Someone working at level 3 or above, for example a TARGET: /);
  });

  it('suggests a qualification only when the target recommends or requires it', () => {
    const cert = (recommendedForRoleKeys: string[], requiredForRoleKeys: string[] = []) => ({
      key: 'cert',
      name: 'Certificate',
      provider: 'Body',
      skillKeys: ['a', 'b'],
      requiredForRoleKeys,
      recommendedForRoleKeys,
    });
    const roles: Array<[string, Record<string, number>]> = [
      ['start', levels(1)],
      ['target', { a: 3, b: 2, c: 2 }],
    ];
    expect(proposePlan(ladder(roles, [cert(['start'])]), {}, 'start', 'target').suggestions.some((s) => s.type === 'qualification')).toBe(false);
    const recommended = proposePlan(ladder(roles, [cert(['target'])]), {}, 'start', 'target');
    const q = recommended.suggestions.find((s) => s.type === 'qualification');
    expect(q).toMatchObject({ id: 'qualification:cert', skillKeys: ['a', 'b'], title: 'Gain the Certificate' });
    expect(q?.description).toMatch(/^Recommended for TARGET; covers your focus on Skill A, Skill B\./);
    // the qualification covers a and b; the mentor goes to c
    expect(recommended.focus.map((f) => f.suggestionIds[1])).toEqual(['qualification:cert', 'qualification:cert', 'mentor:c']);
    expect(proposePlan(ladder(roles, [cert([], ['target'])]), {}, 'start', 'target').suggestions.find((s) => s.type === 'qualification')?.description).toMatch(/^Required/);
  });

  it('falls back to a plain suggestion when the descriptor names no activity', () => {
    const doc = ladder([
      ['start', { a: 1 }],
      ['target', { a: 2 }],
    ]);
    (doc.skills[0] as FrameworkDocument['skills'][number]).levels['2'] = summaryDescriptor('Recognised across the team.');
    const proposal = proposePlan(doc, {}, 'start', 'target');
    expect(proposal.suggestions[0]).toMatchObject({ title: 'Work at level 2 in Skill A', type: 'on-the-job' });
    expect(proposal.suggestions[0]?.description).toContain('“Recognised across the team.”');
  });

  it('proposes nothing when nothing known falls short', () => {
    const doc = smallFramework();
    const proposal = proposePlan(doc, { planning: 3, 'risk-management': 2 }, null, 'project-manager');
    expect(proposal).toMatchObject({ focus: [], later: [], suggestions: [], defaultSuggestionIds: [], unknown: [] });
  });
});

describe('choosing', () => {
  const doc = ladder([
    ['start', { a: 1, b: 1, c: 1 }],
    ['target', { a: 3, b: 2, c: 2 }],
  ]);
  const proposal = proposePlan(doc, {}, 'start', 'target');

  it('turns the chosen suggestions into actions, in the proposal’s order', () => {
    const result = chooseSuggestions(proposal, ['practise:c:2:1', 'mentor:a']);
    expect(result).toEqual({
      ok: true,
      actions: [
        expect.objectContaining({ type: 'mentoring', skillKeys: ['a'] }),
        expect.objectContaining({ type: 'on-the-job', title: 'Practise c at level 2', skillKeys: ['c'] }),
      ],
    });
    expect(chooseSuggestions(proposal, [])).toEqual({ ok: true, actions: [] });
  });

  it('refuses unknown, repeated or too many suggestions, by field', () => {
    expect(chooseSuggestions(proposal, ['practise:a:2:1', 'practise:a:2:1', 'nope'])).toEqual({
      ok: false,
      problems: {
        'suggestionIds.1': 'This suggestion is chosen twice.',
        'suggestionIds.2': 'This suggestion is not part of the plan’s proposal (it may have changed): reload the suggestions.',
      },
    });
    const many = { suggestions: Array.from({ length: 11 }, (_, i) => ({ id: `s${i}`, type: 'other' as const, title: 'T', description: 'D', skillKeys: [] })) };
    expect(chooseSuggestions(many, many.suggestions.map((s) => s.id))).toMatchObject({ ok: false, problems: { suggestionIds: 'Choose at most 10 suggestions.' } });
  });

  it('checks a chosen focus against the ranked gaps', () => {
    expect(focusProblems(proposal.ranked, ['a', 'b'])).toEqual({});
    expect(focusProblems(proposal.ranked, [])).toEqual({ skillKeys: 'Choose at least one skill to focus on.' });
    expect(focusProblems(proposal.ranked, ['a', 'a', 'z'])).toEqual({
      'skillKeys.1': 'This skill is chosen twice.',
      'skillKeys.2': '"z" is not a gap on the way to this role: choose among the ranked gaps.',
    });
    expect(focusProblems(proposal.ranked, ['a', 'b', 'c', 'd', 'e', 'f']).skillKeys).toMatch(/at most 5/);
  });

  it('has input schemas for the focus and the choice', () => {
    expect(focusSelectionSchema.parse({ skillKeys: [' a ', 'b'] })).toEqual({ skillKeys: ['a', 'b'] });
    expect(focusSelectionSchema.safeParse({ skillKeys: [] }).success).toBe(false);
    expect(focusSelectionSchema.safeParse({ skillKeys: ['a', 'b', 'c', 'd', 'e', 'f'] }).success).toBe(false);
    expect(focusSelectionSchema.safeParse({ skillKeys: ['a', 'a'] }).success).toBe(false);
    expect(suggestionChoiceSchema.parse({ suggestionIds: ['practise:a:2:1'] })).toEqual({ suggestionIds: ['practise:a:2:1'] });
    expect(suggestionChoiceSchema.safeParse({ suggestionIds: Array.from({ length: 11 }, (_, i) => `s${i}`) }).success).toBe(false);
    expect(suggestionChoiceSchema.safeParse({ suggestionIds: ['x', 'x'] }).success).toBe(false);
  });
});
