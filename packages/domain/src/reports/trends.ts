import { localDate, type CalendarDate } from '../plans/cadence.js';

/**
 * Trends (point 6): every report as of the end of any of the last 12 months. The database keeps each
 * rollup once more per month end (the same rows with a `month` column, written when a month ends in
 * the organisation's time zone, or backfilled from dated rows: assessments are append-only, so
 * `profileAt(assessments, endsAt)` gives a person's levels at any month end), and a report for a
 * month is the same functions run on that month's rows. Each month is suppressed on its own: the
 * difference between two months describes who changed, and is not protected (see suppression.ts).
 */

export interface MonthEnd {
  /** "YYYY-MM". */
  month: string;
  /** The month's last calendar day in the time zone. */
  lastDay: CalendarDate;
  /** The instant the month ends: local midnight starting the next month (rows dated before it count). */
  endsAt: Date;
  /** The last millisecond of the month, for "at or before" rules such as `profileAt`. */
  lastMoment: Date;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the time zone is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The first instant of a calendar day in a time zone (local midnight; where a clock change skips
 * midnight, the first instant that exists on that day).
 */
export function startOfLocalDay(date: CalendarDate, timeZone: string): Date {
  localDate(new Date(0), timeZone); // throws InvalidTimeZoneError for an unknown zone
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  let instant = midnightUtc - offsetAt(midnightUtc, timeZone);
  instant = midnightUtc - offsetAt(instant, timeZone);
  // A gap at midnight: step forward to the first instant that falls on the date.
  for (let i = 0; i < 4 && localDate(new Date(instant), timeZone) < date; i++) instant += 15 * 60_000;
  // Midnight happened twice or the offset overshot: step back while the previous instant is still on the date.
  while (localDate(new Date(instant - 15 * 60_000), timeZone) === date) instant -= 15 * 60_000;
  return new Date(instant);
}

function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month ("YYYY-MM") an instant falls in, in a time zone. */
export function monthOf(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

/** The end of a month ("YYYY-MM") in a time zone. */
export function monthEnd(month: string, timeZone: string): MonthEnd {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new RangeError(`"${month}" is not a month (YYYY-MM)`);
  const year = Number(match[1]);
  const m = Number(match[2]);
  const next = m === 12 ? monthKey(year + 1, 1) : monthKey(year, m + 1);
  const lastDay = new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
  const endsAt = startOfLocalDay(`${next}-01`, timeZone);
  return { month, lastDay, endsAt, lastMoment: new Date(endsAt.getTime() - 1) };
}

/**
 * The last `count` (default 12) month ends at or before `now` in the organisation's time zone, oldest
 * first: on 15 March in Auckland, February back to the previous March.
 */
export function lastMonthEnds(now: Date, timeZone: string, count = 12): MonthEnd[] {
  const [year, month] = monthOf(now, timeZone).split('-').map(Number) as [number, number];
  const result: MonthEnd[] = [];
  for (let i = count; i >= 1; i--) {
    const index = year * 12 + (month - 1) - i;
    result.push(monthEnd(monthKey(Math.floor(index / 12), (index % 12) + 1), timeZone));
  }
  return result;
}

/**
 * The month ends a snapshot job still has to write: those after `lastWritten` ("YYYY-MM", null:
 * none yet) that have ended by `now`, at most the last `count` (default 12), oldest first.
 */
export function dueMonthEnds(lastWritten: string | null, now: Date, timeZone: string, count = 12): MonthEnd[] {
  return lastMonthEnds(now, timeZone, count).filter((m) => lastWritten === null || m.month > lastWritten);
}

/** The rows as they stood when a month ended: those dated before its end. */
export function asOfMonthEnd<T>(rows: readonly T[], end: MonthEnd, dateOf: (row: T) => Date): T[] {
  return rows.filter((row) => dateOf(row).getTime() < end.endsAt.getTime());
}
