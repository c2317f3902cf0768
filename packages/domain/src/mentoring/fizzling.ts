import { addDays, daysBetween, localDate, type CalendarDate } from '../plans/cadence.js';
import type { RelationshipStatus } from './relationships.js';

/**
 * Pairs that fizzle: an active relationship with no session for N weeks (the organisation's
 * setting, default 6) is flagged to both sides, with one nudge.
 *
 * Dates are calendar dates in one time zone, as the plans' review cadence counts them (cadence.ts):
 * a session is logged on the day it was held ("2025-03-04"), and the relationship's start is an
 * instant turned into its local date. Pass the mentee's time zone, so "6 weeks" is counted in the
 * days the mentee lives. Adding whole days to a date is free of DST changes.
 *
 * The quiet period runs from the later of the last session held (up to today; a date ahead of today
 * does not count) and the day the relationship last became active (accepted, paired or resumed: a
 * pause is deliberate, and the clock starts again when it ends). It fizzles on `quiet + 7N` days.
 *
 * The nudge: at most once per fizzle period. A period starts on the day the relationship fizzles and
 * ends with the next session (or a pause); it has one nudge, due on its first day (or at once, if
 * the job runs later). The caller records the date it nudged (`lastNudgedOn`); a nudge on or after
 * this period's start means this period has had its nudge. The job can key "once" on
 * (relationship, `fizzlingSince`) as well.
 */

export const DEFAULT_FIZZLE_WEEKS = 6;
export const MIN_FIZZLE_WEEKS = 1;
export const MAX_FIZZLE_WEEKS = 26;

export interface FizzleInput {
  status: RelationshipStatus;
  /** The instant the relationship last became active (accepted, paired or resumed). */
  activeSince: Date;
  /** The days sessions were held on. */
  sessionDates: readonly CalendarDate[];
  now: Date;
  /** The IANA time zone days are counted in (the mentee's). */
  timeZone: string;
  /** N: the organisation's setting (default 6). */
  weeks?: number;
  /** The day both sides were last nudged about this relationship, if ever. */
  lastNudgedOn?: CalendarDate | null;
}

export interface FizzleState {
  /** Active with no session for N weeks or more. */
  fizzling: boolean;
  /** The latest session held up to today; null when none. */
  lastSessionOn: CalendarDate | null;
  /** The day the quiet period began: the later of the last session and the day it became active. Null unless active. */
  quietSince: CalendarDate | null;
  /** The day it fizzles (or fizzled) if no session is held: quietSince + 7N. Null unless active. */
  fizzlesOn: CalendarDate | null;
  /** fizzlesOn, when it is fizzling now; null otherwise. */
  fizzlingSince: CalendarDate | null;
  /** When to nudge: fizzlesOn, unless this period has had its nudge; null unless active. */
  nudgeOn: CalendarDate | null;
  /** Fizzling, and this period has not had its nudge yet: send it now. */
  nudgeDue: boolean;
}

const NOT_ACTIVE: Omit<FizzleState, 'lastSessionOn'> = {
  fizzling: false,
  quietSince: null,
  fizzlesOn: null,
  fizzlingSince: null,
  nudgeOn: null,
  nudgeDue: false,
};

/** Whether a relationship is fizzling, since when, and when to nudge (see the module comment). */
export function fizzleState(input: FizzleInput): FizzleState {
  const weeks = input.weeks ?? DEFAULT_FIZZLE_WEEKS;
  if (!Number.isInteger(weeks) || weeks < MIN_FIZZLE_WEEKS || weeks > MAX_FIZZLE_WEEKS) {
    throw new RangeError(`a pair fizzles after ${MIN_FIZZLE_WEEKS} to ${MAX_FIZZLE_WEEKS} weeks without a session, not ${weeks}`);
  }
  const today = localDate(input.now, input.timeZone);
  let lastSessionOn: CalendarDate | null = null;
  for (const held of input.sessionDates) {
    if (daysBetween(held, today) < 0) continue;
    if (lastSessionOn === null || daysBetween(lastSessionOn, held) > 0) lastSessionOn = held;
  }
  if (input.status !== 'active') return { ...NOT_ACTIVE, lastSessionOn };

  const activeOn = localDate(input.activeSince, input.timeZone);
  const quietSince = lastSessionOn !== null && daysBetween(activeOn, lastSessionOn) > 0 ? lastSessionOn : activeOn;
  const fizzlesOn = addDays(quietSince, weeks * 7);
  const fizzling = daysBetween(fizzlesOn, today) >= 0;
  const nudged = input.lastNudgedOn != null && daysBetween(fizzlesOn, input.lastNudgedOn) >= 0;
  const nudgeOn = nudged ? null : fizzlesOn;
  return {
    fizzling,
    lastSessionOn,
    quietSince,
    fizzlesOn,
    fizzlingSince: fizzling ? fizzlesOn : null,
    nudgeOn,
    nudgeDue: fizzling && nudgeOn !== null,
  };
}
