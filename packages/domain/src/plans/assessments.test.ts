import {
  assessmentLevelProblem,
  currentProfile,
  profileAt,
  profileLevels,
  selfVsManager,
  skillHistory,
  type Assessment,
} from './assessments.js';

const at = (iso: string) => new Date(iso);
const rating = (skillKey: string, level: number, source: Assessment['source'], iso: string): Assessment => ({
  skillKey,
  level,
  source,
  assessedAt: at(iso),
});

const history: Assessment[] = [
  rating('planning', 1, 'self', '2026-01-10T09:00:00Z'),
  rating('planning', 3, 'self', '2026-03-10T09:00:00Z'),
  rating('planning', 2, 'manager', '2026-02-01T09:00:00Z'),
  rating('risk', 2, 'manager', '2026-01-05T09:00:00Z'),
  rating('risk', 1, 'manager', '2026-04-05T09:00:00Z'),
  rating('mentoring', 2, 'self', '2026-02-02T09:00:00Z'),
];

describe('currentProfile', () => {
  it('keeps the latest rating of each source per skill, whatever the input order', () => {
    const profile = currentProfile([...history].reverse());
    expect([...profile.keys()]).toEqual(['mentoring', 'planning', 'risk']);
    const planning = profile.get('planning');
    expect(planning?.self?.level).toBe(3);
    expect(planning?.manager?.level).toBe(2);
    // the later self rating is the latest word on the skill
    expect(planning?.level).toBe(3);
    expect(profile.get('risk')?.self).toBeNull();
    expect(profile.get('risk')?.level).toBe(1);
  });

  it('lets the manager’s rating count when both are made at the same instant', () => {
    const same = '2026-05-01T10:00:00Z';
    const profile = currentProfile([rating('planning', 3, 'self', same), rating('planning', 2, 'manager', same)]);
    expect(profile.get('planning')?.level).toBe(2);
  });

  it('is empty without assessments', () => {
    expect(currentProfile([]).size).toBe(0);
    expect(profileLevels([])).toEqual({});
  });
});

describe('profileAt', () => {
  it('counts only the ratings made by then', () => {
    expect(profileAt(history, at('2026-01-31T00:00:00Z'))).toEqual({ planning: 1, risk: 2 });
    expect(profileAt(history, at('2026-02-15T00:00:00Z'))).toEqual({ planning: 2, risk: 2, mentoring: 2 });
    expect(profileAt(history, at('2027-01-01T00:00:00Z'))).toEqual(profileLevels(history));
    expect(profileLevels(history)).toEqual({ planning: 3, risk: 1, mentoring: 2 });
  });
});

describe('selfVsManager', () => {
  it('puts the latest self and manager levels side by side with the difference', () => {
    expect(selfVsManager(history)).toEqual([
      { skillKey: 'mentoring', selfLevel: 2, managerLevel: null, difference: null },
      { skillKey: 'planning', selfLevel: 3, managerLevel: 2, difference: -1 },
      { skillKey: 'risk', selfLevel: null, managerLevel: 1, difference: null },
    ]);
  });
});

describe('skillHistory', () => {
  it('lists every rating of one skill, oldest first, never overwriting', () => {
    expect(skillHistory(history, 'planning').map((a) => [a.source, a.level])).toEqual([
      ['self', 1],
      ['manager', 2],
      ['self', 3],
    ]);
    expect(skillHistory(history, 'unknown')).toEqual([]);
  });
});

describe('assessmentLevelProblem', () => {
  const scale = [{ level: 1 }, { level: 2 }, { level: 3 }];
  it('accepts levels on the scale and explains the others', () => {
    expect(assessmentLevelProblem(2, scale)).toBeNull();
    expect(assessmentLevelProblem(0, scale)).toBe('level 0 is not on the scale (1, 2, 3)');
    expect(assessmentLevelProblem(4, scale)).toMatch(/not on the scale/);
    expect(assessmentLevelProblem(1.5, scale)).toMatch(/not on the scale/);
  });
});
