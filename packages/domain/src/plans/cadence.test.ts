import {
  addDays,
  daysBetween,
  InvalidTimeZoneError,
  isStale,
  isTimeZone,
  localDate,
  nextReviewDue,
  reviewState,
} from './cadence.js';

describe('localDate', () => {
  it('gives the calendar date in the person’s time zone, not UTC', () => {
    const instant = new Date('2026-03-31T23:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-03-31');
    expect(localDate(instant, 'Pacific/Auckland')).toBe('2026-04-01');
    expect(localDate(new Date('2026-01-01T02:00:00Z'), 'America/Los_Angeles')).toBe('2025-12-31');
  });

  it('refuses an unknown time zone clearly', () => {
    expect(() => localDate(new Date(), 'Mars/Olympus')).toThrow(InvalidTimeZoneError);
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Nowhere')).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it('crosses month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(() => addDays('1 March', 1)).toThrow(RangeError);
  });
});

describe('nextReviewDue', () => {
  it('adds the rhythm to the local date of the last review', () => {
    expect(nextReviewDue(new Date('2026-01-05T10:00:00Z'), 4, 'Europe/London')).toBe('2026-02-02');
    expect(nextReviewDue(new Date('2026-01-05T10:00:00Z'), 12, 'Europe/London')).toBe('2026-03-30');
  });

  it('is not shifted by a DST change in between', () => {
    // London moves to summer time on 29 March 2026; an evening review stays on the same weekday
    expect(nextReviewDue(new Date('2026-03-20T23:30:00Z'), 6, 'Europe/London')).toBe('2026-05-01');
    // 23:30 UTC on 20 March is already 21 March in Sydney (and Sydney leaves summer time on 5 April)
    expect(nextReviewDue(new Date('2026-03-20T23:30:00Z'), 6, 'Australia/Sydney')).toBe('2026-05-02');
  });

  it('handles month ends and 29 February', () => {
    expect(nextReviewDue(new Date('2028-01-31T12:00:00Z'), 4, 'UTC')).toBe('2028-02-28');
    expect(nextReviewDue(new Date('2028-02-01T12:00:00Z'), 4, 'UTC')).toBe('2028-02-29');
    expect(nextReviewDue(new Date('2027-02-01T12:00:00Z'), 4, 'UTC')).toBe('2027-03-01');
  });

  it('accepts only the offered rhythms', () => {
    expect(() => nextReviewDue(new Date(), 5, 'UTC')).toThrow('a review rhythm is every 4, 6, 8, 12 weeks, not 5');
    for (const weeks of [4, 6, 8, 12]) expect(nextReviewDue(new Date('2026-01-01T12:00:00Z'), weeks, 'UTC')).toBe(addDays('2026-01-01', weeks * 7));
  });
});

describe('reviewState', () => {
  const plan = { reviewDueOn: '2026-06-10', timeZone: 'America/New_York' };
  it('is upcoming before the window, due within it and on the day, overdue after, in local time', () => {
    expect(reviewState(new Date('2026-06-01T12:00:00Z'), plan)).toBe('upcoming');
    expect(reviewState(new Date('2026-06-03T12:00:00Z'), plan)).toBe('due');
    expect(reviewState(new Date('2026-06-10T12:00:00Z'), plan)).toBe('due');
    // 02:00 UTC on 11 June is still 10 June in New York
    expect(reviewState(new Date('2026-06-11T02:00:00Z'), plan)).toBe('due');
    expect(reviewState(new Date('2026-06-11T05:00:00Z'), plan)).toBe('overdue');
    expect(reviewState(new Date('2026-06-09T12:00:00Z'), plan, { dueWindowDays: 0 })).toBe('upcoming');
  });
});

describe('isStale', () => {
  it('counts local days without activity', () => {
    const last = new Date('2026-05-01T10:00:00Z');
    expect(isStale(new Date('2026-05-30T10:00:00Z'), last, 30, 'UTC')).toBe(false);
    expect(isStale(new Date('2026-05-31T00:10:00Z'), last, 30, 'UTC')).toBe(true);
    expect(isStale(new Date('2026-05-30T23:10:00Z'), last, 30, 'Europe/Paris')).toBe(true);
  });
});
