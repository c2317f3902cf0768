import { guardSpreadsheetCell } from '../people/people-csv.js';
import { daysBetween, localDate, type CalendarDate } from '../plans/cadence.js';
import type { FizzleState } from './fizzling.js';
import { freePlaces, type MentorForMatching } from './matching.js';
import { MENTOR_SKILL_LEVEL } from './profiles.js';

/**
 * The mentoring admin page's rules (issue 10, point 8): how long a pair has gone without a session,
 * how long a mentee has waited, which mentors are full, which mentees' focus skills no available
 * mentor covers, and the page as CSV records.
 */

/** Whole weeks since the quiet period began (null unless the relationship is active). */
export function weeksWithoutSession(state: Pick<FizzleState, 'quietSince'>, today: CalendarDate): number | null {
  if (state.quietSince === null) return null;
  return Math.max(0, Math.floor(daysBetween(state.quietSince, today) / 7));
}

/** "No session for 7 weeks" (or "No session yet, 7 weeks in" when none was ever held). */
export function fizzleMessage(weeks: number, lastSessionOn: CalendarDate | null): string {
  const span = `${weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
  return lastSessionOn === null ? `No session yet, ${span} in` : `No session for ${span}`;
}

/** Whole days a request has waited for its mentor's answer, counted in `timeZone`'s days. */
export function daysWaiting(requestedAt: Date, now: Date, timeZone: string): number {
  return Math.max(0, daysBetween(localDate(requestedAt, timeZone), localDate(now, timeZone)));
}

/** A mentor with no free place (a paused mentor is counted apart: they chose to take nobody). */
export function isAtCapacity(mentor: Pick<MentorForMatching, 'capacity' | 'occupiedPlaces' | 'paused'>): boolean {
  return !mentor.paused && mentor.occupiedPlaces >= mentor.capacity;
}

export interface MenteeFocus {
  personId: string;
  focusSkillKeys: readonly string[];
}

/**
 * Mentees with focus skills that no available mentor covers: available means not paused with a free
 * place (see `freePlaces`), and covering means offering the skill at an assessed level of at least
 * `minLevel` (the mentor level, 4). A mentee never covers their own skill. Each mentee once, their
 * uncovered skills in their own order; mentees with everything covered are left out.
 */
export function uncoveredFocus(
  mentees: readonly MenteeFocus[],
  mentors: readonly Pick<MentorForMatching, 'personId' | 'capacity' | 'occupiedPlaces' | 'paused' | 'skills'>[],
  minLevel = MENTOR_SKILL_LEVEL,
): { personId: string; skillKeys: string[] }[] {
  const coveredBy = new Map<string, Set<string>>();
  for (const mentor of mentors) {
    if (freePlaces(mentor) === 0) continue;
    for (const [key, level] of Object.entries(mentor.skills)) {
      if (level.level < minLevel) continue;
      const set = coveredBy.get(key) ?? new Set<string>();
      set.add(mentor.personId);
      coveredBy.set(key, set);
    }
  }
  const focusOf = new Map<string, string[]>();
  for (const mentee of mentees) {
    const keys = focusOf.get(mentee.personId) ?? [];
    for (const key of mentee.focusSkillKeys) if (!keys.includes(key)) keys.push(key);
    focusOf.set(mentee.personId, keys);
  }
  const result: { personId: string; skillKeys: string[] }[] = [];
  for (const [personId, keys] of focusOf) {
    const uncovered = keys.filter((key) => {
      const by = coveredBy.get(key);
      return !by || (by.size === 1 && by.has(personId));
    });
    if (uncovered.length > 0) result.push({ personId, skillKeys: uncovered });
  }
  return result;
}

export interface OversightCsvInput {
  relationships: readonly {
    menteeName: string;
    mentorName: string;
    status: string;
    programmeName: string | null;
    activeSince: CalendarDate | null;
    lastSessionOn: CalendarDate | null;
    sessions: number;
    minutes: number;
    fizzling: boolean;
    weeksWithoutSession: number | null;
  }[];
  waiting: readonly { menteeName: string; mentorName: string; requestedOn: CalendarDate; daysWaiting: number }[];
  mentorsAtCapacity: readonly { mentorName: string; teamName: string | null; capacity: number; occupiedPlaces: number }[];
  uncovered: readonly { menteeName: string; skillNames: readonly string[] }[];
}

/** Hours with one decimal ("1.5"), from minutes. */
export function hoursFrom(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toFixed(1);
}

const text = (value: string | null | undefined) => guardSpreadsheetCell(value ?? '');

/**
 * The admin page as CSV records for csv-stringify: one block per section, each with its header,
 * blocks apart by an empty record. Names and other text are guarded against spreadsheet formulas.
 */
export function mentoringOversightCsv(input: OversightCsvInput): string[][] {
  return [
    ['Relationship: mentee', 'Mentor', 'Status', 'Programme', 'Active since', 'Last session', 'Sessions', 'Hours', 'Fizzling', 'Weeks without a session'],
    ...input.relationships.map((r) => [
      text(r.menteeName),
      text(r.mentorName),
      r.status,
      text(r.programmeName),
      r.activeSince ?? '',
      r.lastSessionOn ?? '',
      String(r.sessions),
      hoursFrom(r.minutes),
      r.fizzling ? 'yes' : 'no',
      r.weeksWithoutSession === null ? '' : String(r.weeksWithoutSession),
    ]),
    [],
    ['Waiting: mentee', 'Asked mentor', 'Requested on', 'Days waiting'],
    ...input.waiting.map((w) => [text(w.menteeName), text(w.mentorName), w.requestedOn, String(w.daysWaiting)]),
    [],
    ['Mentor at capacity', 'Team', 'Capacity', 'Mentees now'],
    ...input.mentorsAtCapacity.map((m) => [text(m.mentorName), text(m.teamName), String(m.capacity), String(m.occupiedPlaces)]),
    [],
    ['Mentee without a mentor for', 'Skills no available mentor covers'],
    ...input.uncovered.map((u) => [text(u.menteeName), text(u.skillNames.join('; '))]),
  ];
}
