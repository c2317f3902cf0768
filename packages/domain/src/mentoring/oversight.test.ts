import { fizzleState } from './fizzling.js';
import { daysWaiting, fizzleMessage, hoursFrom, isAtCapacity, mentoringOversightCsv, uncoveredFocus, weeksWithoutSession } from './oversight.js';
import { DEFAULT_MENTORING_SETTINGS, mentoringSettingsInputSchema } from './settings.js';
import { mentor, skill } from './test-fixtures.js';

describe('weeksWithoutSession and fizzleMessage', () => {
  it('counts whole weeks from the quiet period’s start, and words the flag', () => {
    const state = fizzleState({ status: 'active', activeSince: new Date('2025-03-03T10:00:00Z'), sessionDates: ['2025-03-05'], now: new Date('2025-04-24T09:00:00Z'), timeZone: 'UTC' });
    expect(state.quietSince).toBe('2025-03-05');
    expect(weeksWithoutSession(state, '2025-04-24')).toBe(7);
    expect(weeksWithoutSession(state, '2025-04-22')).toBe(6);
    expect(weeksWithoutSession({ quietSince: null }, '2025-04-24')).toBeNull();
    expect(fizzleMessage(7, '2025-03-05')).toBe('No session for 7 weeks');
    expect(fizzleMessage(1, '2025-03-05')).toBe('No session for 1 week');
    expect(fizzleMessage(6, null)).toBe('No session yet, 6 weeks in');
  });
});

describe('daysWaiting', () => {
  it('counts local days, never below 0', () => {
    expect(daysWaiting(new Date('2025-03-01T23:30:00Z'), new Date('2025-03-02T00:30:00Z'), 'UTC')).toBe(1);
    expect(daysWaiting(new Date('2025-03-01T23:30:00Z'), new Date('2025-03-02T00:30:00Z'), 'America/New_York')).toBe(0);
    expect(daysWaiting(new Date('2025-03-05T00:00:00Z'), new Date('2025-03-01T00:00:00Z'), 'UTC')).toBe(0);
  });
});

describe('isAtCapacity', () => {
  it('is full when every place is taken, and a paused mentor is not counted as full', () => {
    expect(isAtCapacity({ capacity: 2, occupiedPlaces: 2, paused: false })).toBe(true);
    expect(isAtCapacity({ capacity: 2, occupiedPlaces: 1, paused: false })).toBe(false);
    expect(isAtCapacity({ capacity: 2, occupiedPlaces: 2, paused: true })).toBe(false);
  });
});

describe('uncoveredFocus', () => {
  const mentors = [
    mentor('m1', { risk: skill(5), stakeholders: skill(3) }),
    mentor('m2', { planning: skill(4) }, { occupiedPlaces: 2 }), // full: not available
    mentor('m3', { finance: skill(4) }, { paused: true }), // paused: not available
    mentor('dan', { scheduling: skill(5) }),
  ];

  it('lists the focus skills no available mentor offers at mentor level, in the mentee’s order', () => {
    expect(
      uncoveredFocus(
        [
          { personId: 'dan', focusSkillKeys: ['stakeholders', 'risk', 'planning'] },
          { personId: 'eve', focusSkillKeys: ['risk'] },
        ],
        mentors,
      ),
    ).toEqual([{ personId: 'dan', skillKeys: ['stakeholders', 'planning'] }]);
  });

  it('does not let a mentee cover their own skill, and merges a mentee’s several requests', () => {
    expect(
      uncoveredFocus(
        [
          { personId: 'dan', focusSkillKeys: ['scheduling'] },
          { personId: 'dan', focusSkillKeys: ['finance', 'scheduling'] },
          { personId: 'eve', focusSkillKeys: ['scheduling'] },
        ],
        mentors,
      ),
    ).toEqual([{ personId: 'dan', skillKeys: ['scheduling', 'finance'] }]);
  });

  it('takes another threshold', () => {
    expect(uncoveredFocus([{ personId: 'eve', focusSkillKeys: ['stakeholders'] }], mentors, 3)).toEqual([]);
  });
});

describe('mentoringOversightCsv', () => {
  it('writes one block per section with its header, hours with one decimal, and guards formulas', () => {
    const records = mentoringOversightCsv({
      relationships: [
        { menteeName: '=HYPERLINK("x")', mentorName: 'Grace Liu', status: 'active', programmeName: null, activeSince: '2025-01-02', lastSessionOn: null, sessions: 0, minutes: 0, fizzling: true, weeksWithoutSession: 7 },
        { menteeName: 'Dan', mentorName: 'Chloe', status: 'paused', programmeName: 'Spring', activeSince: '2025-01-02', lastSessionOn: '2025-02-01', sessions: 3, minutes: 135, fizzling: false, weeksWithoutSession: null },
      ],
      waiting: [{ menteeName: 'Eve', mentorName: '+Ben', requestedOn: '2025-03-01', daysWaiting: 4 }],
      mentorsAtCapacity: [{ mentorName: 'Chloe', teamName: null, capacity: 2, occupiedPlaces: 2 }],
      uncovered: [{ menteeName: 'Eve', skillNames: ['Risk', 'Finance'] }],
    });
    expect(records).toEqual([
      ['Relationship: mentee', 'Mentor', 'Status', 'Programme', 'Active since', 'Last session', 'Sessions', 'Hours', 'Fizzling', 'Weeks without a session'],
      ['\'=HYPERLINK("x")', 'Grace Liu', 'active', '', '2025-01-02', '', '0', '0.0', 'yes', '7'],
      ['Dan', 'Chloe', 'paused', 'Spring', '2025-01-02', '2025-02-01', '3', '2.3', 'no', ''],
      [],
      ['Waiting: mentee', 'Asked mentor', 'Requested on', 'Days waiting'],
      ['Eve', "'+Ben", '2025-03-01', '4'],
      [],
      ['Mentor at capacity', 'Team', 'Capacity', 'Mentees now'],
      ['Chloe', '', '2', '2'],
      [],
      ['Mentee without a mentor for', 'Skills no available mentor covers'],
      ['Eve', 'Risk; Finance'],
    ]);
    expect(hoursFrom(90)).toBe('1.5');
  });
});

describe('mentoring settings', () => {
  it('default to 6 weeks and no cross-team preference until the organisation asks for one', () => {
    expect(DEFAULT_MENTORING_SETTINGS).toEqual({ fizzleWeeks: 6, crossTeam: 'no-preference' });
  });

  it('refuse each bad value with its own message', () => {
    const problems = (input: unknown) => {
      const parsed = mentoringSettingsInputSchema.safeParse(input);
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    expect(problems({ fizzleWeeks: 0, crossTeam: 'prefer-other-teams', expectedVersion: 0 })).toEqual({ fizzleWeeks: 'at least 1 week' });
    expect(problems({ fizzleWeeks: 27, crossTeam: 'no-preference', expectedVersion: 1 })).toEqual({ fizzleWeeks: 'at most 26 weeks' });
    expect(problems({ fizzleWeeks: 2.5, crossTeam: 'no-preference', expectedVersion: 1 })).toEqual({ fizzleWeeks: 'must be a whole number of weeks' });
    expect(problems({ fizzleWeeks: 4, crossTeam: 'always', expectedVersion: -1 })).toEqual({
      crossTeam: 'choose one of no-preference, prefer-other-teams',
      expectedVersion: 'must be a version number',
    });
    expect(problems({ fizzleWeeks: 4, crossTeam: 'no-preference', expectedVersion: 3 })).toEqual({});
  });
});
