/**
 * Review cadence. Due dates are calendar dates in the person's time zone ("review by 3 March"),
 * not instants: a plan agreed at 23:30 in Auckland is reviewed on a date counted from the Auckland
 * date. Adding whole days to a calendar date is free of DST changes; month ends and leap years fall
 * out of the Gregorian calendar arithmetic.
 */

export const REVIEW_RHYTHM_WEEKS = [4, 6, 8, 12] as const;
export type ReviewRhythmWeeks = (typeof REVIEW_RHYTHM_WEEKS)[number];

export function isReviewRhythm(weeks: number): weeks is ReviewRhythmWeeks {
  return (REVIEW_RHYTHM_WEEKS as readonly number[]).includes(weeks);
}

/** A calendar date, "YYYY-MM-DD". */
export type CalendarDate = string;

export class InvalidTimeZoneError extends Error {
  constructor(readonly timeZone: string) {
    super(`unknown time zone "${timeZone}" (use an IANA name such as "Europe/London")`);
    this.name = 'InvalidTimeZoneError';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    } catch {
      throw new InvalidTimeZoneError(timeZone);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): CalendarDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

function toUtcMidnight(date: CalendarDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(toUtcMidnight(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / 86_400_000);
}

/** The date the next review is due: the local date of the last review (or agreement) plus the rhythm. */
export function nextReviewDue(lastReviewOrAgreedAt: Date, rhythmWeeks: number, timeZone: string): CalendarDate {
  if (!isReviewRhythm(rhythmWeeks)) {
    throw new RangeError(`a review rhythm is every ${REVIEW_RHYTHM_WEEKS.join(', ')} weeks, not ${rhythmWeeks}`);
  }
  return addDays(localDate(lastReviewOrAgreedAt, timeZone), rhythmWeeks * 7);
}

export type ReviewState = 'upcoming' | 'due' | 'overdue';

export interface ReviewStateOptions {
  /** How many days before the due date a review counts as due. Default 7. */
  dueWindowDays?: number;
}

/** upcoming before the window, due within it (the due date included), overdue from the day after. */
export function reviewState(
  now: Date,
  plan: { reviewDueOn: CalendarDate; timeZone: string },
  options: ReviewStateOptions = {},
): ReviewState {
  const days = daysBetween(localDate(now, plan.timeZone), plan.reviewDueOn);
  if (days < 0) return 'overdue';
  return days <= (options.dueWindowDays ?? 7) ? 'due' : 'upcoming';
}

/** Stale: no activity (action change, check-in, assessment) for at least `days` local days. */
export function isStale(now: Date, lastActivityAt: Date, days: number, timeZone: string): boolean {
  return daysBetween(localDate(lastActivityAt, timeZone), localDate(now, timeZone)) >= days;
}

export const DEFAULT_STALE_DAYS = 30;
