import {
  compareSuggestions,
  describeSkillMatch,
  exclusionReason,
  findMentorsQuerySchema,
  focusSkillsFromGaps,
  freePlaces,
  rankMentors,
  scoreMatch,
  teamRelation,
  type MatchingPolicy,
} from './matching.js';
import { analyseGaps } from '../plans/gaps.js';
import { reportingLines } from './reporting-lines.js';
import { focus, mentee, mentor, seeded, shuffled, skill } from './test-fixtures.js';

const noLines = reportingLines([]);
const prefer: MatchingPolicy = { crossTeam: 'prefer-other-teams' };

describe('scoreMatch', () => {
  it('explains each focus skill as data: the mentor’s level against what the mentee needs', () => {
    const asha = mentee('asha', [focus('risk', 2, 3), focus('stakeholders', 3, 4)]);
    const result = scoreMatch(asha, mentor('ben', { risk: skill(4), stakeholders: skill(5), finance: skill(5) }));
    expect(result.skills).toEqual([
      { skillKey: 'risk', needed: 3, menteeLevel: 2, mentorLevel: 4, confirmedLevel: 4, coverage: 'full', basis: 'manager', weight: 1, points: 1 },
      { skillKey: 'stakeholders', needed: 4, menteeLevel: 3, mentorLevel: 5, confirmedLevel: 5, coverage: 'full', basis: 'manager', weight: 1, points: 1 },
    ]);
    expect(result).toMatchObject({ score: 100, coverage: 100, crossTeamBonus: 0, covered: ['risk', 'stakeholders'], partial: [], notCovered: [] });
  });

  it('weights each focus skill by the size of its gap', () => {
    const asha = mentee('asha', [focus('small', 2, 3), focus('big', 1, 4)]);
    expect(scoreMatch(asha, mentor('m', { big: skill(4) })).coverage).toBe(75);
    expect(scoreMatch(asha, mentor('m', { small: skill(3) })).coverage).toBe(25);
    expect(scoreMatch(asha, mentor('m', { small: skill(3) })).notCovered).toEqual(['big']);
  });

  it('gives partial credit (under half) to a mentor above the mentee but below the target', () => {
    const asha = mentee('asha', [focus('risk', 1, 4)]);
    const partial = scoreMatch(asha, mentor('m', { risk: skill(3) }));
    expect(partial.coverage).toBe(33.33); // 0.5 × (3 − 1) / (4 − 1)
    expect(partial.skills[0]).toMatchObject({ coverage: 'partial', basis: 'manager', mentorLevel: 3 });
    expect(partial.partial).toEqual(['risk']);
    expect(scoreMatch(asha, mentor('m', { risk: skill(2) })).coverage).toBe(16.67);
    const level = scoreMatch(asha, mentor('m', { risk: skill(1) }));
    expect(level.coverage).toBe(0);
    expect(level.skills[0]).toMatchObject({ coverage: 'none', basis: null, mentorLevel: 1, points: 0 });
  });

  it('counts a manager-confirmed level higher than a self-only one', () => {
    const asha = mentee('asha', [focus('risk', 2, 4)]);
    expect(scoreMatch(asha, mentor('m', { risk: skill(4) })).coverage).toBe(100);
    const selfOnly = scoreMatch(asha, mentor('m', { risk: skill(4, null) }));
    expect(selfOnly.coverage).toBe(75);
    expect(selfOnly.skills[0]).toMatchObject({ coverage: 'full', basis: 'self', confirmedLevel: null });
  });

  it('takes the better of the manager-backed level and the self-only claim', () => {
    const asha = mentee('asha', [focus('risk', 2, 4)]);
    // Manager backs 3 (partial: 0.5 × 1/2 = 0.25), self claims 5 (0.75 × 1): the self claim counts.
    const claim = scoreMatch(asha, mentor('m', { risk: skill(5, 3) }));
    expect(claim.coverage).toBe(75);
    expect(claim.skills[0]).toMatchObject({ basis: 'self', coverage: 'full', mentorLevel: 5, confirmedLevel: 3 });
    // Manager backs 4 of a self-claimed 5: full credit on the manager's level.
    expect(scoreMatch(asha, mentor('m', { risk: skill(5, 4) })).coverage).toBe(100);
    // A confirmed level above the counted one is capped at it (a later, lower self rating is the latest word).
    expect(scoreMatch(asha, mentor('m', { risk: skill(3, 5) })).coverage).toBe(25);
  });

  it('counts an unknown current level as 0: the whole target is the gap', () => {
    const asha = mentee('asha', [focus('unrated', null, 4), focus('rated', 3, 4)]);
    const result = scoreMatch(asha, mentor('m', { unrated: skill(2) }));
    expect(result.skills[0]).toMatchObject({ weight: 4, menteeLevel: null, coverage: 'partial' });
    expect(result.coverage).toBe(20); // 4 × 0.5 × 2/4 over weights 4 + 1
  });

  it('credits only the skills the mentor offers (at assessed levels), and ignores repeated focus skills', () => {
    const asha = mentee('asha', [focus('risk', 2, 3), focus('risk', 0, 5), focus('finance', 2, 3)]);
    const result = scoreMatch(asha, mentor('m', { risk: skill(3) }));
    expect(result.skills.map((s) => s.skillKey)).toEqual(['risk', 'finance']);
    expect(result.skills[1]).toMatchObject({ mentorLevel: null, confirmedLevel: null, coverage: 'none', basis: null });
    expect(result.coverage).toBe(50);
    expect(scoreMatch(mentee('x', []), mentor('m', { risk: skill(5) }))).toMatchObject({ score: 0, coverage: 0, skills: [] });
  });

  it('adds the cross-team bonus only when the organisation prefers other teams and the mentor covers something', () => {
    const asha = mentee('asha', [focus('risk', 2, 3), focus('finance', 2, 3)], { teamId: 'delivery' });
    const other = mentor('m', { risk: skill(3) }, { teamId: 'finance' });
    expect(scoreMatch(asha, other, prefer)).toMatchObject({ coverage: 50, crossTeamBonus: 10, score: 60, team: 'other' });
    expect(scoreMatch(asha, other)).toMatchObject({ crossTeamBonus: 0, score: 50 });
    expect(scoreMatch(asha, { ...other, teamId: 'delivery' }, prefer)).toMatchObject({ crossTeamBonus: 0, team: 'same' });
    expect(scoreMatch(asha, { ...other, teamId: null }, prefer)).toMatchObject({ crossTeamBonus: 0, team: 'unknown' });
    expect(scoreMatch(asha, { ...other, skills: {} }, prefer)).toMatchObject({ crossTeamBonus: 0, score: 0 });
    expect(scoreMatch(asha, other, { ...prefer, crossTeamBonus: 25 }).score).toBe(75);
    expect(scoreMatch(asha, other, { ...prefer, crossTeamBonus: 500 }).crossTeamBonus).toBe(50);
    expect(scoreMatch(asha, other, { ...prefer, crossTeamBonus: -5 }).crossTeamBonus).toBe(0);
  });
});

describe('exclusionReason', () => {
  // Chen manages Dana, who manages Asha, who manages Eli, who manages Fay; Gus is elsewhere.
  const lines = reportingLines([
    { personId: 'chen', managerId: null },
    { personId: 'dana', managerId: 'chen' },
    { personId: 'asha', managerId: 'dana' },
    { personId: 'eli', managerId: 'asha' },
    { personId: 'fay', managerId: 'eli' },
    { personId: 'gus', managerId: 'chen' },
  ]);
  const asha = mentee('asha', [focus('risk', 2, 3)]);

  it('never suggests the mentee to themselves', () => {
    expect(exclusionReason(asha, mentor('asha', {}), lines)).toBe('self');
  });

  it('excludes the mentee’s reporting line, up and down, by default', () => {
    for (const id of ['dana', 'chen', 'eli', 'fay']) expect(exclusionReason(asha, mentor(id, {}), lines)).toBe('reporting-line');
    expect(exclusionReason(asha, mentor('gus', {}), lines)).toBeNull();
    expect(exclusionReason(asha, mentor('chen', {}), lines, { crossTeam: 'no-preference', includeReportingLine: true })).toBeNull();
  });

  it('excludes mentors the caller names (an open relationship, a declined request)', () => {
    expect(exclusionReason({ ...asha, excludedMentorIds: ['gus'] }, mentor('gus', {}), lines)).toBe('excluded');
  });

  it('honours mentors who take only their own team', () => {
    const ownTeam = mentor('gus', {}, { acceptsOtherTeams: false, teamId: 'team-a' });
    expect(exclusionReason(asha, ownTeam, lines)).toBeNull();
    expect(exclusionReason(asha, { ...ownTeam, teamId: 'team-b' }, lines)).toBe('own-team-only');
    expect(exclusionReason({ ...asha, teamId: null }, ownTeam, lines)).toBe('own-team-only');
  });

  it('skips paused mentors and mentors at capacity', () => {
    expect(exclusionReason(asha, mentor('gus', {}, { paused: true }), lines)).toBe('paused');
    expect(exclusionReason(asha, mentor('gus', {}, { capacity: 2, occupiedPlaces: 2 }), lines)).toBe('at-capacity');
    expect(exclusionReason(asha, mentor('gus', {}, { capacity: 2, occupiedPlaces: 1 }), lines)).toBeNull();
  });

  it('reports the first reason that applies', () => {
    expect(exclusionReason(asha, mentor('dana', {}, { paused: true, capacity: 1, occupiedPlaces: 1 }), lines)).toBe('reporting-line');
    expect(exclusionReason(asha, mentor('gus', {}, { paused: true, capacity: 1, occupiedPlaces: 1 }), lines)).toBe('paused');
  });
});

describe('rankMentors', () => {
  const asha = mentee('asha', [focus('risk', 2, 3), focus('stakeholders', 3, 4), focus('finance', 1, 4)]);

  it('ranks by score and explains each suggestion', () => {
    const ranking = rankMentors(
      asha,
      [mentor('low', { risk: skill(3) }), mentor('high', { risk: skill(4), finance: skill(4) }), mentor('mid', { finance: skill(4) })],
      noLines,
    );
    expect(ranking.suggestions.map((s) => [s.mentorId, s.score])).toEqual([
      ['high', 80],
      ['mid', 60],
      ['low', 20],
    ]);
    expect(ranking.suggestions[0]).toMatchObject({ covered: ['risk', 'finance'], notCovered: ['stakeholders'], freePlaces: 2 });
    expect(ranking.uncoveredSkillKeys).toEqual(['stakeholders']);
  });

  it('lists who was left out and why, including mentors who cover none of the focus skills', () => {
    const ranking = rankMentors(
      asha,
      [mentor('asha', { risk: skill(5) }), mentor('full', { risk: skill(5) }, { capacity: 1, occupiedPlaces: 1 }), mentor('nothing', { other: skill(5) }), mentor('ok', { risk: skill(5) })],
      noLines,
    );
    expect(ranking.suggestions.map((s) => s.mentorId)).toEqual(['ok']);
    expect(ranking.excluded).toEqual([
      { mentorId: 'asha', reason: 'self' },
      { mentorId: 'full', reason: 'at-capacity' },
      { mentorId: 'nothing', reason: 'no-coverage' },
    ]);
  });

  it('breaks ties by skills fully covered, then free places, then mentor id (whatever the input order)', () => {
    // Gaps: a 0 → 4 (weight 4), b 3 → 4 (weight 1).
    const one = mentee('one', [focus('a', 0, 4), focus('b', 3, 4)]);
    const coversB = mentor('z-covers-b', { b: skill(4) }); // 1 of 5 points, b fully covered
    const partA = mentor('a-part-of-a', { a: skill(2) }); // 4 × 0.5 × 2/4 = 1 of 5 points, nothing fully
    const roomy = mentor('y-roomy', { a: skill(2) }, { capacity: 5 });
    const twinA = mentor('b-twin', { a: skill(2) });
    const twinB = mentor('c-twin', { a: skill(2) });
    const mentors = [partA, coversB, roomy, twinB, twinA];
    for (const m of mentors) expect(scoreMatch(one, m).score).toBe(20);
    const expected = ['z-covers-b', 'y-roomy', 'a-part-of-a', 'b-twin', 'c-twin'];
    const random = seeded(7);
    for (let run = 0; run < 20; run++) {
      expect(rankMentors(one, shuffled(mentors, random), noLines).suggestions.map((s) => s.mentorId)).toEqual(expected);
    }
  });

  it('prefers other teams when the organisation asks, without overriding much better coverage', () => {
    const delivery = mentee('asha', [focus('risk', 2, 4), focus('finance', 2, 4)], { teamId: 'delivery' });
    const sameFull = mentor('same-full', { risk: skill(4), finance: skill(4) }, { teamId: 'delivery' });
    const otherFull = mentor('other-full', { risk: skill(4), finance: skill(4) }, { teamId: 'finance' });
    const otherHalf = mentor('other-half', { risk: skill(4) }, { teamId: 'finance' });
    const ranked = (policy: MatchingPolicy, mentors = [sameFull, otherFull, otherHalf]) => rankMentors(delivery, mentors, noLines, policy).suggestions.map((s) => `${s.mentorId}:${s.score}`);
    expect(ranked(prefer)).toEqual(['other-full:110', 'same-full:100', 'other-half:60']);
    expect(ranked({ crossTeam: 'no-preference' })).toEqual(['other-full:100', 'same-full:100', 'other-half:50']);
    expect(ranked(prefer, [sameFull, otherHalf])).toEqual(['same-full:100', 'other-half:60']);
    const ownTeamOnly = { ...otherFull, acceptsOtherTeams: false };
    expect(rankMentors(delivery, [ownTeamOnly], noLines, prefer)).toMatchObject({ suggestions: [], excluded: [{ mentorId: 'other-full', reason: 'own-team-only' }] });
  });

  it('excludes the reporting line unless the mentee asks to include it', () => {
    const lines = reportingLines([
      { personId: 'boss', managerId: null },
      { personId: 'asha', managerId: 'boss' },
    ]);
    const boss = mentor('boss', { risk: skill(5) });
    expect(rankMentors(asha, [boss], lines).excluded).toEqual([{ mentorId: 'boss', reason: 'reporting-line' }]);
    expect(rankMentors(asha, [boss], lines, { crossTeam: 'no-preference', includeReportingLine: true }).suggestions.map((s) => s.mentorId)).toEqual(['boss']);
  });

  it('keeps to the limit, ignores a mentor listed twice, and returns nothing without mentors', () => {
    const mentors = [mentor('a', { risk: skill(3) }), mentor('b', { risk: skill(3), finance: skill(4) }), mentor('a', { finance: skill(5) })];
    const ranking = rankMentors(asha, mentors, noLines, undefined, { limit: 1 });
    expect(ranking.suggestions.map((s) => s.mentorId)).toEqual(['b']);
    expect(rankMentors(asha, mentors, noLines).suggestions.map((s) => s.mentorId)).toEqual(['b', 'a']);
    expect(rankMentors(asha, [], noLines)).toEqual({ suggestions: [], excluded: [], uncoveredSkillKeys: ['risk', 'stakeholders', 'finance'] });
  });

  it('orders with compareSuggestions as documented', () => {
    const base = { ...scoreMatch(asha, mentor('x', {})), freePlaces: 1 };
    const s = (mentorId: string, score: number, covered: number, free: number) => ({ ...base, mentorId, score, covered: Array(covered).fill('k'), freePlaces: free });
    const list = [s('d', 50, 1, 1), s('c', 50, 1, 2), s('b', 50, 2, 1), s('a', 60, 0, 0), s('e', 50, 1, 1)];
    expect(list.sort(compareSuggestions).map((x) => x.mentorId)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('describeSkillMatch', () => {
  it('words a skill the way the issue shows it', () => {
    const asha = mentee('asha', [focus('risk', 2, 3), focus('stakeholders', 3, 4), focus('finance', 1, 4), focus('benefits', 2, 3), focus('pmo', 3, 4)]);
    const result = scoreMatch(asha, mentor('m', { risk: skill(4), stakeholders: skill(5, null), finance: skill(3), benefits: skill(1) }));
    const names: Record<string, string> = { risk: 'Risk & opportunity management', stakeholders: 'Stakeholder engagement' };
    expect(result.skills.map((m) => describeSkillMatch(m, (k) => names[k] ?? k))).toEqual([
      'Risk & opportunity management: 4, you need 3',
      'Stakeholder engagement: 5 (self-rated), you need 4',
      'finance: 3, you need 4, part of the way',
      'benefits: 1, you need 3, not above your level',
      'pmo: not offered, you need 4',
    ]);
  });
});

describe('helpers', () => {
  it('teamRelation and freePlaces', () => {
    expect(teamRelation('a', 'a')).toBe('same');
    expect(teamRelation('a', 'b')).toBe('other');
    expect(teamRelation(null, 'b')).toBe('unknown');
    expect(freePlaces({ capacity: 3, occupiedPlaces: 1, paused: false })).toBe(2);
    expect(freePlaces({ capacity: 3, occupiedPlaces: 5, paused: false })).toBe(0);
    expect(freePlaces({ capacity: 3, occupiedPlaces: 0, paused: true })).toBe(0);
  });
});

describe('focusSkillsFromGaps', () => {
  const scale = [1, 2, 3, 4, 5].map((level) => ({ level, name: `L${level}`, summary: '' }));
  // benefits is neither rated nor assumed: unknown, so no gap; finance is met.
  const gaps = analyseGaps({ risk: 2, finance: 4, planning: 1 }, { risk: 3, finance: 3, planning: 4, benefits: 2 }, scale).skills;

  it('turns every unmet gap of a gap analysis into a focus skill (unknown is not a gap)', () => {
    expect(focusSkillsFromGaps(gaps)).toEqual([focus('risk', 2, 3), focus('planning', 1, 4)]);
  });

  it('keeps the chosen focus skills in their order, skipping skills that are not in the analysis', () => {
    expect(focusSkillsFromGaps(gaps, ['planning', 'magic', 'benefits', 'risk'])).toEqual([focus('planning', 1, 4), focus('benefits', null, 2), focus('risk', 2, 3)]);
  });

  it('reads a plan’s focus skills (target level: the highest the route expects)', () => {
    expect(focusSkillsFromGaps([{ skillKey: 'risk', currentLevel: 2, targetLevel: 4 }])).toEqual([focus('risk', 2, 4)]);
  });
});

describe('findMentorsQuerySchema', () => {
  it('defaults to the plan’s focus, the reporting line excluded, ten suggestions', () => {
    expect(findMentorsQuerySchema.parse({})).toEqual({ includeReportingLine: false, limit: 10 });
    expect(findMentorsQuerySchema.parse({ focusSkillKeys: ['risk'], includeReportingLine: true, limit: 3 })).toEqual({ focusSkillKeys: ['risk'], includeReportingLine: true, limit: 3 });
  });

  it('refuses bad input with field paths', () => {
    const result = findMentorsQuerySchema.safeParse({ focusSkillKeys: ['risk', 'risk', 'Not A Key'], limit: 0 });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['focusSkillKeys.1', 'focusSkillKeys.2', 'limit']));
    expect(findMentorsQuerySchema.safeParse({ focusSkillKeys: [] }).success).toBe(false);
    expect(findMentorsQuerySchema.safeParse({ focusSkillKeys: Array.from({ length: 11 }, (_, i) => `s${i}`) }).success).toBe(false);
  });
});
