import type { Assessment } from '../plans/assessments.js';
import {
  applyMentorProfileUpdate,
  isMentorCapacity,
  mentorProfileInputSchema,
  mentorProfileUpdateSchema,
  mentorSkillLevels,
  mentorSkillThreshold,
  offeredSkillProblems,
  suggestOfferedSkills,
  type MentorProfile,
} from './profiles.js';

const day = (d: number) => new Date(Date.UTC(2025, 0, d, 9));
const rating = (skillKey: string, level: number, source: 'self' | 'manager', d: number): Assessment => ({ skillKey, level, source, assessedAt: day(d) });

describe('suggestOfferedSkills', () => {
  const assessments: Assessment[] = [
    rating('self-four', 4, 'self', 1), // self only, 4: suggested, not confirmed
    rating('manager-four', 4, 'manager', 1), // manager only, 4: confirmed
    rating('confirmed-five', 5, 'manager', 1),
    rating('confirmed-five', 4, 'self', 2), // later self 4: counts 4, manager backs it (confirmed)
    rating('claimed-five', 3, 'manager', 1),
    rating('claimed-five', 5, 'self', 2), // later self 5: counts 5, manager backs only 3 (not confirmed)
    rating('self-three', 3, 'self', 1), // below the threshold
    rating('fell-back', 5, 'manager', 1),
    rating('fell-back', 3, 'self', 2), // the latest word is 3: not suggested
    rating('tie', 4, 'self', 3),
    rating('tie', 5, 'manager', 3), // same instant: the manager's rating counts (5)
  ];

  it('suggests skills counted at 4 or above, manager-confirmed first, then by level, then the framework’s order', () => {
    const suggestions = suggestOfferedSkills(assessments, { skillOrder: ['manager-four', 'confirmed-five', 'tie', 'self-four', 'claimed-five'] });
    expect(suggestions).toEqual([
      { skillKey: 'tie', level: 5, managerConfirmed: true, selfLevel: 4, managerLevel: 5 },
      { skillKey: 'manager-four', level: 4, managerConfirmed: true, selfLevel: null, managerLevel: 4 },
      { skillKey: 'confirmed-five', level: 4, managerConfirmed: true, selfLevel: 4, managerLevel: 5 },
      { skillKey: 'claimed-five', level: 5, managerConfirmed: false, selfLevel: 5, managerLevel: 3 },
      { skillKey: 'self-four', level: 4, managerConfirmed: false, selfLevel: 4, managerLevel: null },
    ]);
  });

  it('orders by key without a framework order, and suggests nothing without ratings', () => {
    expect(suggestOfferedSkills([rating('b', 4, 'manager', 1), rating('a', 4, 'manager', 1)]).map((s) => s.skillKey)).toEqual(['a', 'b']);
    expect(suggestOfferedSkills([])).toEqual([]);
  });

  it('uses the top of a shorter scale as the threshold', () => {
    expect(mentorSkillThreshold()).toBe(4);
    expect(mentorSkillThreshold({ scale: [{ level: 1 }, { level: 2 }, { level: 3 }] })).toBe(3);
    expect(mentorSkillThreshold({ scale: [1, 2, 3, 4, 5, 6, 7].map((level) => ({ level })), minLevel: 6 })).toBe(6);
    const three = suggestOfferedSkills([rating('x', 3, 'self', 1), rating('y', 2, 'manager', 1)], { scale: [{ level: 1 }, { level: 2 }, { level: 3 }] });
    expect(three.map((s) => s.skillKey)).toEqual(['x']);
  });
});

describe('mentorSkillLevels', () => {
  it('gives the counted level and how much of it the manager backs', () => {
    expect(mentorSkillLevels(suggestionsInput())).toEqual({
      'claimed-five': { level: 5, confirmedLevel: 3 },
      'fell-back': { level: 3, confirmedLevel: 3 },
      'self-only': { level: 4, confirmedLevel: null },
    });
  });

  it('keeps only the offered skills, and leaves out an offered skill never assessed', () => {
    expect(mentorSkillLevels(suggestionsInput(), ['self-only', 'never-rated'])).toEqual({ 'self-only': { level: 4, confirmedLevel: null } });
  });

  function suggestionsInput(): Assessment[] {
    return [
      rating('claimed-five', 3, 'manager', 1),
      rating('claimed-five', 5, 'self', 2),
      rating('fell-back', 5, 'manager', 1),
      rating('fell-back', 3, 'self', 2),
      rating('self-only', 4, 'self', 1),
    ];
  }
});

describe('mentorProfileInputSchema', () => {
  it('fills in the defaults', () => {
    expect(mentorProfileInputSchema.parse({ offeredSkillKeys: ['risk'] })).toEqual({
      capacity: 2,
      offeredSkillKeys: ['risk'],
      meeting: { modes: [], frequency: null, note: '' },
      acceptsOtherTeams: true,
      paused: false,
      about: '',
    });
  });

  it('accepts a full profile, normalising line ends and trimming', () => {
    const parsed = mentorProfileInputSchema.parse({
      capacity: 20,
      offeredSkillKeys: ['risk', 'stakeholder-engagement'],
      meeting: { modes: ['video', 'in-person'], frequency: 'fortnightly', note: ' Tuesdays\r\nLondon time ' },
      acceptsOtherTeams: false,
      paused: true,
      about: '\tTwenty years in PMOs.\r\nHappy to help. ',
    });
    expect(parsed.meeting.note).toBe('Tuesdays\nLondon time');
    expect(parsed.about).toBe('Twenty years in PMOs.\nHappy to help.');
    expect(parsed.capacity).toBe(20);
  });

  it('keeps capacity to 1..20 whole mentees', () => {
    for (const capacity of [0, 21, 1.5, -1]) {
      const result = mentorProfileInputSchema.safeParse({ offeredSkillKeys: [], capacity });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['capacity']);
    }
    expect(mentorProfileInputSchema.safeParse({ offeredSkillKeys: [], capacity: 1 }).success).toBe(true);
    expect(isMentorCapacity(20)).toBe(true);
    expect(isMentorCapacity(21)).toBe(false);
    expect(isMentorCapacity(2.5)).toBe(false);
  });

  it('refuses control characters, over-long text, repeated or malformed skills and unknown meeting modes', () => {
    const problems = (input: Record<string, unknown>) =>
      mentorProfileInputSchema.safeParse({ offeredSkillKeys: [], ...input }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(problems({ about: 'Hello\u0000there' })).toEqual(['about: must not contain control characters']);
    expect(problems({ about: 'x'.repeat(1001) })).toEqual(['about: must have at most 1000 characters']);
    expect(problems({ about: '😀'.repeat(1000) })).toBeUndefined(); // characters, not UTF-16 units
    expect(problems({ offeredSkillKeys: ['risk', 'risk'] })).toEqual(['offeredSkillKeys.1: skill "risk" is listed twice']);
    expect(problems({ offeredSkillKeys: ['Risk'] })).toEqual(['offeredSkillKeys.0: must be a skill key such as "risk-management"']);
    expect(problems({ meeting: { modes: ['carrier-pigeon'] } })?.[0]).toMatch(/^meeting\.modes\.0: choose from in-person, video, phone, chat/);
    expect(problems({ meeting: { frequency: 'hourly' } })?.[0]).toMatch(/^meeting\.frequency: choose one of/);
  });
});

describe('mentorProfileUpdateSchema and applyMentorProfileUpdate', () => {
  const profile: MentorProfile = {
    capacity: 2,
    offeredSkillKeys: ['risk'],
    meeting: { modes: ['video'], frequency: 'monthly', note: '' },
    acceptsOtherTeams: true,
    paused: false,
    about: 'Hi',
  };

  it('changes only the fields given, without touching the original', () => {
    const update = mentorProfileUpdateSchema.parse({ paused: true, capacity: 3 });
    expect(update).toEqual({ paused: true, capacity: 3 });
    const next = applyMentorProfileUpdate(profile, update);
    expect(next).toEqual({ ...profile, paused: true, capacity: 3 });
    expect(profile.paused).toBe(false);
    const replaced = applyMentorProfileUpdate(profile, mentorProfileUpdateSchema.parse({ meeting: { modes: ['phone'], frequency: null, note: 'Mornings' }, offeredSkillKeys: [], about: '', acceptsOtherTeams: false }));
    expect(replaced).toEqual({ capacity: 2, paused: false, offeredSkillKeys: [], meeting: { modes: ['phone'], frequency: null, note: 'Mornings' }, about: '', acceptsOtherTeams: false });
    replaced.meeting.modes.push('chat');
    expect(profile.meeting.modes).toEqual(['video']);
  });

  it('refuses an empty update and applies the same rules as creating', () => {
    expect(mentorProfileUpdateSchema.safeParse({}).error?.issues[0]?.message).toBe('change at least one field');
    expect(mentorProfileUpdateSchema.safeParse({ capacity: 0 }).success).toBe(false);
    expect(mentorProfileUpdateSchema.safeParse({ about: 'a\u0007b' }).success).toBe(false);
  });
});

describe('offeredSkillProblems', () => {
  it('names offered skills the framework does not have', () => {
    expect(offeredSkillProblems(['risk', 'finance'], ['risk', 'finance', 'planning'])).toEqual({});
    expect(offeredSkillProblems(['risk', 'juggling', 'magic'], new Set(['risk']))).toEqual({ offeredSkillKeys: 'not in the framework: "juggling", "magic"' });
  });
});
