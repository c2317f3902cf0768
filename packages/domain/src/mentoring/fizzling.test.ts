import { fizzleState, type FizzleInput } from './fizzling.js';
import { mentoringSettingsSchema } from './settings.js';

const base: FizzleInput = {
  status: 'active',
  activeSince: new Date('2025-03-03T10:00:00Z'), // a Monday
  sessionDates: [],
  now: new Date('2025-03-10T10:00:00Z'),
  timeZone: 'UTC',
};

describe('fizzleState', () => {
  it('is quiet, not fizzling, until N weeks (default 6) pass without a session', () => {
    expect(fizzleState(base)).toEqual({
      fizzling: false,
      lastSessionOn: null,
      quietSince: '2025-03-03',
      fizzlesOn: '2025-04-14',
      fizzlingSince: null,
      nudgeOn: '2025-04-14',
      nudgeDue: false,
    });
    expect(fizzleState({ ...base, now: new Date('2025-04-13T23:59:59Z') }).fizzling).toBe(false);
    expect(fizzleState({ ...base, now: new Date('2025-04-14T00:00:00Z') })).toMatchObject({ fizzling: true, fizzlingSince: '2025-04-14', nudgeDue: true });
  });

  it('counts from the latest session held, and a session resets the period', () => {
    const withSessions = { ...base, sessionDates: ['2025-03-20', '2025-03-10'], now: new Date('2025-05-01T12:00:00Z') };
    expect(fizzleState(withSessions)).toMatchObject({ lastSessionOn: '2025-03-20', quietSince: '2025-03-20', fizzlesOn: '2025-05-01', fizzling: true });
    expect(fizzleState({ ...withSessions, sessionDates: [...withSessions.sessionDates, '2025-04-30'] })).toMatchObject({ fizzling: false, fizzlesOn: '2025-06-11' });
  });

  it('uses the organisation’s N', () => {
    expect(fizzleState({ ...base, weeks: 1 })).toMatchObject({ fizzling: true, fizzlesOn: '2025-03-10' });
    expect(fizzleState({ ...base, weeks: 26, now: new Date('2025-08-31T00:00:00Z') })).toMatchObject({ fizzling: false, fizzlesOn: '2025-09-01' });
    expect(() => fizzleState({ ...base, weeks: 0 })).toThrow('a pair fizzles after 1 to 26 weeks without a session, not 0');
    expect(() => fizzleState({ ...base, weeks: 2.5 })).toThrow(RangeError);
  });

  it('ignores a session dated ahead of today, and sessions before the relationship last became active', () => {
    const now = new Date('2025-05-01T12:00:00Z');
    expect(fizzleState({ ...base, now, sessionDates: ['2025-06-01'] })).toMatchObject({ lastSessionOn: null, fizzling: true, fizzlingSince: '2025-04-14' });
    // Resumed on 1 April after a pause: the clock starts again then, older sessions do not count.
    const resumed = { ...base, activeSince: new Date('2025-04-01T08:00:00Z'), sessionDates: ['2025-02-01'], now };
    expect(fizzleState(resumed)).toMatchObject({ lastSessionOn: '2025-02-01', quietSince: '2025-04-01', fizzlesOn: '2025-05-13', fizzling: false });
  });

  it('counts days in the mentee’s time zone', () => {
    // 23:30 UTC on 2 March is already 3 March in Auckland (UTC+13): the quiet period starts there.
    const auckland = { ...base, activeSince: new Date('2025-03-02T23:30:00Z'), timeZone: 'Pacific/Auckland' };
    expect(fizzleState(auckland)).toMatchObject({ quietSince: '2025-03-03', fizzlesOn: '2025-04-14' });
    expect(fizzleState({ ...auckland, timeZone: 'UTC' })).toMatchObject({ quietSince: '2025-03-02', fizzlesOn: '2025-04-13' });
    // 11:30 UTC on 13 April is 23:30 on 13 April in Auckland (UTC+12 after DST): not yet fizzling there.
    expect(fizzleState({ ...auckland, now: new Date('2025-04-13T11:30:00Z') }).fizzling).toBe(false);
    expect(fizzleState({ ...auckland, now: new Date('2025-04-13T12:30:00Z') }).fizzling).toBe(true);
  });

  it('counts whole calendar days across a daylight-saving change', () => {
    const london = { ...base, activeSince: new Date('2025-03-20T00:30:00Z'), timeZone: 'Europe/London', weeks: 1 };
    expect(fizzleState(london)).toMatchObject({ quietSince: '2025-03-20', fizzlesOn: '2025-03-27' });
    // Clocks go forward on 30 March: 23:30 UTC on 26 March is still the 26th in London.
    expect(fizzleState({ ...london, now: new Date('2025-03-26T23:30:00Z') }).fizzling).toBe(false);
    expect(fizzleState({ ...london, activeSince: new Date('2025-03-28T12:00:00Z'), now: new Date('2025-04-03T23:30:00Z') })).toMatchObject({ fizzlesOn: '2025-04-04', fizzling: true }); // 00:30 on the 4th in BST
  });

  it('nudges once per fizzle period', () => {
    const fizzling = { ...base, now: new Date('2025-04-20T10:00:00Z') };
    expect(fizzleState(fizzling)).toMatchObject({ fizzling: true, nudgeOn: '2025-04-14', nudgeDue: true });
    // Nudged on the 15th: not again in this period.
    expect(fizzleState({ ...fizzling, lastNudgedOn: '2025-04-15' })).toMatchObject({ fizzling: true, nudgeOn: null, nudgeDue: false });
    expect(fizzleState({ ...fizzling, lastNudgedOn: '2025-04-14' })).toMatchObject({ nudgeDue: false });
    // A nudge from an earlier period does not count for this one.
    const later = { ...fizzling, sessionDates: ['2025-04-21'], now: new Date('2025-06-10T10:00:00Z'), lastNudgedOn: '2025-04-15' };
    expect(fizzleState(later)).toMatchObject({ fizzlingSince: '2025-06-02', nudgeOn: '2025-06-02', nudgeDue: true });
    // Not yet fizzling: the nudge is planned for the day it would fizzle, not due.
    expect(fizzleState({ ...later, now: new Date('2025-05-01T10:00:00Z') })).toMatchObject({ fizzling: false, nudgeOn: '2025-06-02', nudgeDue: false });
  });

  it('never flags a relationship that is not active', () => {
    for (const status of ['requested', 'paused', 'ended'] as const) {
      expect(fizzleState({ ...base, status, now: new Date('2026-01-01T00:00:00Z'), sessionDates: ['2025-03-05'] })).toEqual({
        fizzling: false,
        lastSessionOn: '2025-03-05',
        quietSince: null,
        fizzlesOn: null,
        fizzlingSince: null,
        nudgeOn: null,
        nudgeDue: false,
      });
    }
  });
});

describe('mentoringSettingsSchema', () => {
  it('defaults to 6 weeks and no cross-team preference', () => {
    expect(mentoringSettingsSchema.parse({})).toEqual({ fizzleWeeks: 6, crossTeam: 'no-preference' });
    expect(mentoringSettingsSchema.parse({ fizzleWeeks: 4, crossTeam: 'prefer-other-teams' })).toEqual({ fizzleWeeks: 4, crossTeam: 'prefer-other-teams' });
  });

  it('keeps N to whole weeks from 1 to 26', () => {
    const message = (fizzleWeeks: unknown) => mentoringSettingsSchema.safeParse({ fizzleWeeks }).error?.issues[0]?.message;
    expect(message(0)).toBe('at least 1 week');
    expect(message(27)).toBe('at most 26 weeks');
    expect(message(1.5)).toBe('must be a whole number of weeks');
    expect(message('6')).toBe('must be a whole number of weeks');
    expect(mentoringSettingsSchema.safeParse({ crossTeam: 'always' }).error?.issues[0]?.message).toBe('choose one of no-preference, prefer-other-teams');
  });
});
